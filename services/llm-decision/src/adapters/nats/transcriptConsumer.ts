import {
  type Bus,
  type ConsumeContext,
  type ConsumerHandle,
  type Disposition,
  consume,
  protoCodec,
} from '@warmline/bus';
import {
  type CallerTranscribed,
  ConversationEvent,
  aggregateIdOf,
  streams,
  subjectWildcards,
} from '@warmline/contracts';

/** Handles one transcript; throwing asks for a redelivery (retryable errors) or gives up. */
export type TranscriptHandler = (
  event: ConversationEvent,
  transcript: CallerTranscribed,
) => Promise<unknown>;

/** Options for {@link startTranscriptConsumer}. Durations in ms. */
export interface TranscriptConsumerOptions {
  /** The durable consumer's name, shared by every replica (they split the messages). */
  readonly durable: string;
  /** Retry delays after a failed delivery, by delivery count. */
  readonly backoffMs?: readonly number[];
}

/** Retries come quickly: a caller is waiting on the line. */
const DEFAULT_BACKOFF_MS = [100, 500, 2_000, 5_000];

/**
 * Consumes CONVERSATION_EVENTS through a durable pull consumer and hands each
 * `CallerTranscribed` to `handler`; every other event (including this service's own) is
 * acknowledged untouched. Subjects carry one call each, not the event type, so the filter is
 * the whole `evt.conversation.*` and the type is checked here. An event whose call id is not
 * its subject's is terminated.
 */
export function startTranscriptConsumer(
  bus: Bus,
  options: TranscriptConsumerOptions,
  handler: TranscriptHandler,
): Promise<ConsumerHandle> {
  const onEvent = async (event: ConversationEvent, ctx: ConsumeContext): Promise<Disposition> => {
    const payload = event.payload;
    if (payload === undefined) return 'ack';
    switch (payload.$case) {
      case 'transcribed':
        if (event.callId !== aggregateIdOf(ctx.subject)) return 'term';
        await handler(event, payload.value);
        return 'ack';
      case 'speechStarted':
      case 'speechEnded':
      case 'replied':
      case 'escalationRequested':
      case 'hangupRequested':
      case 'speechPlayed':
      case 'bargedIn':
      case 'voicemailRecorded':
        return 'ack';
      default: {
        const unknown: never = payload;
        return unknown;
      }
    }
  };
  return consume(bus, {
    stream: streams.conversationEvents.name,
    durable: options.durable,
    filterSubjects: [subjectWildcards.conversationEvents],
    codec: protoCodec(ConversationEvent),
    handler: onEvent,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
  });
}
