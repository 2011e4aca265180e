import type { StoredMsg } from '@nats-io/jetstream';
import { type Codec, decodeMessage } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import { jsStatusCode } from '../jetstream/jsErrorCodes';
import type { StoredEvent } from './types';

const PAGE = 256;

/** One page of a subject from `fromSequence` on; empty when nothing is left. */
const readPage = async (
  bus: Bus,
  stream: string,
  subject: string,
  fromSequence: number,
): Promise<StoredMsg[]> => {
  const page: StoredMsg[] = [];
  try {
    const batch = await bus.jsm.direct.getBatch(stream, {
      seq: fromSequence,
      next_by_subj: subject,
      batch: PAGE,
    });
    for await (const msg of batch) page.push(msg);
  } catch (error) {
    if (jsStatusCode(error) !== 404) throw error; // 404: no message on the subject from there
  }
  return page;
};

/**
 * Reads every message of one subject from `fromSequence` (inclusive) by direct
 * get in pages, without creating a consumer. On an R3 stream any replica may
 * answer, so the result can lag a just-acked append by a moment; an append at the
 * version read then fails with ConcurrencyError instead of losing an update.
 *
 * @throws {@link MalformedMessageError} an event the codec cannot read
 */
export const readSubject = async <TEvent>(
  bus: Bus,
  stream: string,
  codec: Codec<TEvent>,
  subject: string,
  fromSequence = 1,
): Promise<StoredEvent<TEvent>[]> => {
  const events: StoredEvent<TEvent>[] = [];
  let from = fromSequence;
  for (;;) {
    const page = await readPage(bus, stream, subject, from);
    for (const msg of page) {
      events.push({
        event: decodeMessage(codec, msg.data, msg.subject, msg.seq),
        sequence: msg.seq,
        subject: msg.subject,
        headers: msg.header,
      });
    }
    const last = page.at(-1);
    if (!last || last.pending === 0) return events;
    from = last.seq + 1;
  }
};
