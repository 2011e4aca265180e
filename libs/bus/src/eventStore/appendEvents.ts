import {
  type MsgHdrs,
  RequestError,
  TimeoutError,
  headers as natsHeaders,
} from '@nats-io/nats-core';
import type { Bus } from '../connection/connectBus';
import { RequestTimeoutError } from '../errors/requestErrors';
import {
  ConcurrencyError,
  DuplicateEventError,
  type ExpectedVersion,
  PublishRejectedError,
} from '../errors/storeErrors';
import { JsErrorCodes, actualSequenceOf } from '../jetstream/jsErrorCodes';
import { injectTraceHeaders } from '../trace/traceHeaders';
import {
  type BatchMessage,
  type BatchOutcome,
  MAX_ATOMIC_BATCH,
  publishAtomicBatch,
} from './atomicBatch';
import { readSubject } from './readSubject';
import { resolveDuplicates } from './resolveDuplicates';
import type { AppendOptions, AppendResult, EventStoreOptions } from './types';

const expectedSequence = (expected: ExpectedVersion): number | undefined =>
  expected === 'any' ? undefined : expected === 'no-stream' ? 0 : expected;

const eventHeaders = (
  id: string,
  expected: number | undefined,
  extra: MsgHdrs | undefined,
): MsgHdrs => {
  const headers = natsHeaders();
  for (const key of extra?.keys() ?? []) headers.set(key, extra?.get(key) ?? '');
  headers.set('Nats-Msg-Id', id);
  if (expected !== undefined) headers.set('Nats-Expected-Last-Subject-Sequence', String(expected));
  return injectTraceHeaders(headers);
};

const uniqueIds = (subject: string, ids: readonly string[]): void => {
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) throw new DuplicateEventError(subject, repeated);
};

const commit = async (
  bus: Bus,
  subject: string,
  messages: BatchMessage[],
): Promise<BatchOutcome> => {
  const timeoutMs = bus.timeoutMs;
  try {
    return await publishAtomicBatch(bus.nc, messages, timeoutMs);
  } catch (error) {
    if (error instanceof TimeoutError)
      throw new RequestTimeoutError(subject, timeoutMs, { cause: error });
    if (error instanceof RequestError && error.isNoResponders()) {
      throw new PublishRejectedError(subject, undefined, 'no stream captures the subject', true, {
        cause: error,
      });
    }
    throw error;
  }
};

/** An empty append stores nothing but still checks the expected version. */
const appendNothing = async (
  bus: Bus,
  stream: string,
  subject: string,
  expectedVersion: ExpectedVersion,
): Promise<AppendResult> => {
  const last = await bus.jsm.direct.getMessage(stream, { last_by_subj: subject });
  const version = last?.seq ?? 0;
  const expected = expectedSequence(expectedVersion);
  if (expected !== undefined && expected !== version) {
    throw new ConcurrencyError(subject, expectedVersion, version);
  }
  return { version, duplicate: false };
};

/**
 * Appends events to one aggregate subject as one atomic batch: all stored or
 * none. The first message carries `Nats-Expected-Last-Subject-Sequence`; every
 * message carries its event id as `Nats-Msg-Id`. A retried append whose events
 * are all stored already reports success with `duplicate: true`.
 */
export const appendEvents = async <TEvent>(
  store: EventStoreOptions<TEvent>,
  subject: string,
  events: readonly TEvent[],
  options: AppendOptions,
): Promise<AppendResult> => {
  if (events.length === 0) {
    return appendNothing(store.bus, store.stream, subject, options.expectedVersion);
  }
  const ids = events.map((event) => store.eventId(event));
  uniqueIds(subject, ids);
  if (events.length > MAX_ATOMIC_BATCH) {
    throw new PublishRejectedError(
      subject,
      undefined,
      `more than ${MAX_ATOMIC_BATCH} events`,
      false,
    );
  }
  const expected = expectedSequence(options.expectedVersion);
  const messages = events.map((event, index) => ({
    subject,
    data: store.codec.encode(event),
    headers: eventHeaders(ids[index] ?? '', index === 0 ? expected : undefined, options.headers),
  }));
  const outcome = await commit(store.bus, subject, messages);
  if (outcome.ok) return { version: outcome.seq, duplicate: false };

  if (outcome.errorCode === JsErrorCodes.wrongLastSequence) {
    const actual = actualSequenceOf(outcome.description);
    throw new ConcurrencyError(subject, options.expectedVersion, actual);
  }
  if (outcome.errorCode !== JsErrorCodes.batchDuplicateMessageId) {
    throw new PublishRejectedError(subject, outcome.errorCode, outcome.description, false);
  }
  const storedAfter = await readSubject(
    store.bus,
    store.stream,
    store.codec,
    subject,
    (expected ?? 0) + 1,
  );
  const resolution = resolveDuplicates(
    subject,
    ids,
    options.expectedVersion,
    storedAfter,
    (event) => store.eventId(event),
  );
  switch (resolution.kind) {
    case 'already-stored':
      return { version: resolution.version, duplicate: true };
    case 'error':
      throw resolution.error;
    case 'append-rest': {
      const rest = resolution.rest.flatMap((index) => events.slice(index, index + 1));
      return appendEvents(store, subject, rest, { ...options, expectedVersion: 'any' });
    }
  }
};
