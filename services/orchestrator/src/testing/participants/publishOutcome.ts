import { type Bus, type Codec, publishToStream } from '@warmline/bus';

/**
 * Publishes a participant's event with `Nats-Msg-Id` = its event id. With `again`, publishes a
 * second copy under another message id, so the stream stores it twice: what a consumer sees when
 * JetStream redelivers, or when a producer retries after the duplicate window.
 */
export const publishOutcome = async <T>(
  bus: Bus,
  subject: string,
  codec: Codec<T>,
  value: T,
  eventId: string,
  again: boolean,
): Promise<void> => {
  await publishToStream(bus, subject, codec, value, { msgId: eventId });
  if (again) await publishToStream(bus, subject, codec, value, { msgId: `${eventId}#again` });
};
