/**
 * @warmline/bus: the NATS layer every service uses. Transport-level and generic:
 * connection, codecs, core pub/sub (media), request/reply, JetStream streams and
 * durable consumers, an event store with optimistic concurrency, and W3C trace
 * context carried in message headers.
 */
export * from './connection/connectBus';
export * from './codec/codec';
export * from './errors/busError';
export * from './errors/malformedMessageError';
export * from './errors/requestErrors';
export * from './errors/storeErrors';
export * from './trace/traceHeaders';
export { MessagingAttributes } from './trace/attributes';
export * from './core/publish';
export * from './core/subscribe';
export { ErrorHeaders, type ReplyError } from './rpc/errorHeaders';
export * from './rpc/request';
export * from './rpc/serve';
export * from './jetstream/ensureStreams';
export * from './jetstream/publishToStream';
export * from './jetstream/consume';
export {
  DEFAULT_BACKOFF_MS,
  backoffDelayMs,
  type Disposition,
  type Settlement,
} from './jetstream/settlement';
export * from './eventStore/types';
export * from './eventStore/createEventStore';
export * from './serial/keyedQueue';
