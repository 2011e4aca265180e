import { type Bus, connectBus } from '@warmline/bus';
import {
  AudioFrame,
  CallEvent,
  ContextSaved,
  ConversationEvent,
  EscalationEvent,
} from '@warmline/contracts';

/** One event of a call, as the watcher saw it go by. */
export type WatchedEvent =
  | { readonly stream: 'call'; readonly atMs: number; readonly event: CallEvent }
  | { readonly stream: 'conversation'; readonly atMs: number; readonly event: ConversationEvent }
  | { readonly stream: 'escalation'; readonly atMs: number; readonly event: EscalationEvent }
  | { readonly stream: 'context'; readonly atMs: number; readonly event: ContextSaved };

/** The `$case` of a watched event's payload ('contextSaved' for the context stream). */
export const caseOf = (watched: WatchedEvent): string =>
  watched.stream === 'context' ? 'contextSaved' : (watched.event.payload?.$case ?? 'unknown');

/** A call's events and first agent audio per utterance. */
interface CallRecord {
  readonly events: WatchedEvent[];
  readonly firstAudioAt: Map<string, number>;
}

/**
 * Follows every call on the bus: its events (`evt.call|conversation|escalation|context.<id>`, as
 * they are stored) and when the first agent audio frame of each utterance left tts
 * (`media.<id>.out`). Times are this process's clock (ms since epoch), taken on arrival.
 */
export class CallWatcher {
  private readonly calls = new Map<string, CallRecord>();
  private readonly listeners = new Set<(callId: string, event: WatchedEvent) => void>();

  private constructor(private readonly bus: Bus) {}

  /** Connects to NATS and starts following. */
  static async start(natsUrl: string): Promise<CallWatcher> {
    const watcher = new CallWatcher(await connectBus({ servers: natsUrl, name: 'call-watcher' }));
    watcher.follow();
    await watcher.bus.nc.flush();
    return watcher;
  }

  private record(callId: string): CallRecord {
    let record = this.calls.get(callId);
    if (!record) {
      record = { events: [], firstAudioAt: new Map() };
      this.calls.set(callId, record);
    }
    return record;
  }

  private follow(): void {
    this.bus.nc.subscribe('evt.>', {
      callback: (_err, msg) => {
        const [, stream, callId] = msg.subject.split('.');
        if (!callId) return;
        const atMs = Date.now();
        let watched: WatchedEvent;
        try {
          if (stream === 'call') watched = { stream, atMs, event: CallEvent.decode(msg.data) };
          else if (stream === 'conversation')
            watched = { stream, atMs, event: ConversationEvent.decode(msg.data) };
          else if (stream === 'escalation')
            watched = { stream, atMs, event: EscalationEvent.decode(msg.data) };
          else if (stream === 'context')
            watched = { stream, atMs, event: ContextSaved.decode(msg.data) };
          else return;
        } catch {
          return; // not ours to judge: the services report malformed messages themselves
        }
        this.record(callId).events.push(watched);
        for (const listener of [...this.listeners]) listener(callId, watched);
      },
    });
    this.bus.nc.subscribe('media.*.out', {
      callback: (_err, msg) => {
        const callId = msg.subject.split('.')[1] ?? '';
        let frame: AudioFrame;
        try {
          frame = AudioFrame.decode(msg.data);
        } catch {
          return;
        }
        const audio = this.record(callId).firstAudioAt;
        if (!audio.has(frame.utteranceId)) audio.set(frame.utteranceId, Date.now());
      },
    });
  }

  /** Every event of `callId` so far, in arrival order. */
  events(callId: string): readonly WatchedEvent[] {
    return this.calls.get(callId)?.events ?? [];
  }

  /** When the first agent frame of `utteranceId` went out. */
  firstAudioAt(callId: string, utteranceId: string): number | undefined {
    return this.calls.get(callId)?.firstAudioAt.get(utteranceId);
  }

  /** Calls `listener` for every event from now on; returns the unsubscribe function. */
  onEvent(listener: (callId: string, event: WatchedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The call id of the call whose carrier id is `carrierCallId` (from its CallStarted). */
  callIdOf(carrierCallId: string, timeoutMs = 10_000): Promise<string> {
    return this.until(
      () => {
        for (const [callId, record] of this.calls) {
          const started = record.events.find(
            (e) => e.stream === 'call' && e.event.payload?.$case === 'started',
          );
          if (
            started?.stream === 'call' &&
            started.event.payload?.$case === 'started' &&
            started.event.payload.value.carrierCallId === carrierCallId
          )
            return callId;
        }
        return undefined;
      },
      timeoutMs,
      `the call of ${carrierCallId} to start`,
    );
  }

  /**
   * The first event of `callId` (after the first `skip` matching ones) that matches; waits for it.
   * @throws Error naming `what` after `timeoutMs`
   */
  waitFor(
    callId: string,
    match: (event: WatchedEvent) => boolean,
    what: string,
    timeoutMs = 30_000,
  ): Promise<WatchedEvent> {
    return this.until(() => this.events(callId).find(match), timeoutMs, what);
  }

  private until<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const stop = this.onEvent(() => {
        const value = check();
        if (value === undefined) return;
        clearTimeout(timer);
        stop();
        resolve(value);
      });
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.bus.close();
  }
}
