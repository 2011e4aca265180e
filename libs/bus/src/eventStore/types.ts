import type { MsgHdrs } from '@nats-io/nats-core';
import type { Codec } from '../codec/codec';
import type { Bus } from '../connection/connectBus';
import type { MalformedMessageError } from '../errors/malformedMessageError';
import type { ExpectedVersion } from '../errors/storeErrors';

/** Options for {@link createEventStore}. */
export interface EventStoreOptions<TEvent> {
  readonly bus: Bus;
  /** Stream holding the aggregates' subjects (from `streams` in @warmline/contracts). */
  readonly stream: string;
  readonly codec: Codec<TEvent>;
  /** The event's id: its `Nats-Msg-Id`, so a repeated append of it is dropped. */
  readonly eventId: (event: TEvent) => string;
}

/** An event as stored, with its position. */
export interface StoredEvent<TEvent> {
  readonly event: TEvent;
  /** Stream sequence: the aggregate's version after this event. */
  readonly sequence: number;
  readonly subject: string;
  readonly headers: MsgHdrs | undefined;
}

/** All events of one subject. */
export interface ReadResult<TEvent> {
  readonly events: readonly StoredEvent<TEvent>[];
  /** Sequence of the last event; 0 when there is none. Pass it as the next `expectedVersion`. */
  readonly version: number;
}

/** Options for `append`. */
export interface AppendOptions {
  /** The version read (`0` or `'no-stream'` for a new aggregate), or `'any'` to skip the check. */
  readonly expectedVersion: ExpectedVersion;
  /** Extra headers for every event (the trace context is added). */
  readonly headers?: MsgHdrs;
}

/** Outcome of `append`. */
export interface AppendResult {
  /** The subject's version after the append: the sequence of its last event. */
  readonly version: number;
  /** True when every event was already stored (a retried append) and nothing was added. */
  readonly duplicate: boolean;
}

/** Where `subscribe` starts: a stream sequence (inclusive), only new events, or (default) the beginning. */
export type SubscribePosition =
  { readonly fromSequence: number } | { readonly deliverNew: true } | Record<string, never>;

/** Options for `subscribe`. */
export interface FollowOptions {
  /** Called for an event the codec cannot read; the event is skipped. */
  readonly onMalformed?: (error: MalformedMessageError) => void;
}

/** A running subscription to a stream. */
export interface EventSubscription {
  /** Lets the event in progress finish, then stops. */
  stop(): Promise<void>;
  /** Resolves when stopped; rejects with the handler's error if the handler threw (which stops it). */
  readonly closed: Promise<void>;
}

/** Event store over one JetStream stream, one subject per aggregate. */
export interface EventStore<TEvent> {
  append(subject: string, events: readonly TEvent[], options: AppendOptions): Promise<AppendResult>;
  read(subject: string): Promise<ReadResult<TEvent>>;
  aggregate<TState>(
    subject: string,
    evolve: (state: TState, event: TEvent) => TState,
    initialState: TState,
  ): Promise<{ readonly state: TState; readonly version: number }>;
  subscribe(
    filterSubject: string,
    position: SubscribePosition,
    handler: (stored: StoredEvent<TEvent>) => Promise<void> | void,
    options?: FollowOptions,
  ): Promise<EventSubscription>;
}
