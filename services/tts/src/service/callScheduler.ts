import { CallQueue, type CallQueueLimits, type QueuedUtterance } from '../domain/calls/callQueue';
import { CancelMemory } from '../domain/calls/cancelMemory';
import { decideStart } from '../domain/calls/orderGate';
import { LeadBudget } from '../domain/pacing/leadBudget';

/** Why a turn's signal aborted. */
export type AbortCause = 'cancel' | 'shutdown';

/** The right to speak one utterance now. Call `done()` once its request is settled. */
export interface Turn {
  readonly kind: 'turn';
  /** Aborted by a cancel for this utterance or call, or by shutdown. */
  readonly signal: AbortSignal;
  /** The call's publish-lead budget, shared by its consecutive utterances. */
  readonly budget: LeadBudget;
  /** Started although an earlier request of the call was still unfinished (it waited too long). */
  readonly outOfOrder: boolean;
  readonly cause: () => AbortCause | undefined;
  readonly done: () => void;
}

/** What {@link CallScheduler.admit} resolves to. */
export type Admission =
  | Turn
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'queue-full' }
  | { readonly kind: 'stopping' };

/** Settings of a {@link CallScheduler}. */
export interface SchedulerOptions {
  readonly leadMs: number;
  readonly perCall: CallQueueLimits;
  /** Between two looks at the stream while an earlier request of the call is unfinished. */
  readonly orderPollMs: number;
  /** After this, an utterance starts even though an earlier one is unfinished. */
  readonly orderWaitMaxMs: number;
  /** Stream sequence of the call's oldest unacked request, or undefined when unknown. */
  readonly oldestInStream: (callId: string) => Promise<number | undefined>;
  /** A monotonic clock in ms. */
  readonly now: () => number;
  /** Told once per utterance that waits for an earlier request of its call (for a debug log). */
  readonly onOrderWait?: (callId: string, seq: number, oldest: number) => void;
}

interface Waiting extends QueuedUtterance {
  readonly controller: AbortController;
  readonly resolve: (admission: Admission) => void;
  firstCheckMs?: number;
  abortCause?: AbortCause;
}

interface CallState {
  readonly queue: CallQueue<Waiting>;
  readonly budget: LeadBudget;
  running?: Waiting;
  checking: boolean;
  timer?: NodeJS.Timeout;
}

/**
 * The calls this replica holds. Utterances of one call are spoken one at a
 * time, in stream order: a new request queues behind the current one, and an
 * utterance waits while an earlier request of its call is still in the work
 * queue anywhere (another replica speaking it, or a retry pending). Calls run
 * in parallel. Each call's queue is bounded (count and text bytes).
 */
export class CallScheduler {
  private readonly calls = new Map<string, CallState>();
  private readonly cancelled = new CancelMemory();
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {}

  /** Calls with an utterance queued or being spoken. */
  get activeCalls(): number {
    return this.calls.size;
  }

  /** Utterances being spoken now. */
  get running(): number {
    let count = 0;
    for (const state of this.calls.values()) if (state.running) count++;
    return count;
  }

  /** Queues an utterance; resolves when it may be spoken, or why it will not be. */
  admit(callId: string, item: QueuedUtterance): Promise<Admission> {
    if (this.stopping) return Promise.resolve({ kind: 'stopping' });
    if (this.cancelled.take(callId, item.utteranceId))
      return Promise.resolve({ kind: 'cancelled' });
    const state = this.stateOf(callId);
    return new Promise<Admission>((resolve) => {
      const waiting: Waiting = { ...item, controller: new AbortController(), resolve };
      if (!state.queue.admit(waiting)) {
        this.forgetIfIdle(callId, state);
        resolve({ kind: 'queue-full' });
        return;
      }
      void this.pump(callId, state);
    });
  }

  /**
   * Cancels one utterance of a call (in progress or queued; remembered if it has
   * not arrived yet), or, without an utterance id, everything the call has here.
   * Returns how many utterances were stopped or dropped.
   */
  cancel(callId: string, utteranceId?: string): number {
    const state = this.calls.get(callId);
    const matches =
      state?.queue.filter((w) => utteranceId === undefined || w.utteranceId === utteranceId) ?? [];
    if (utteranceId !== undefined && matches.length === 0)
      this.cancelled.remember(callId, utteranceId);
    for (const waiting of matches) {
      if (state?.running === waiting) {
        waiting.abortCause = 'cancel';
        waiting.controller.abort();
        state.budget.reset(this.options.now()); // the gateway clears what it queued
      } else {
        state?.queue.remove(waiting);
        waiting.resolve({ kind: 'cancelled' });
      }
    }
    return matches.length;
  }

  /** Stops admitting; queued utterances resolve `stopping` (hand them back to the stream). */
  stop(): void {
    this.stopping = true;
    for (const state of this.calls.values()) {
      clearTimeout(state.timer);
      for (const waiting of state.queue.filter((w) => w !== state.running)) {
        state.queue.remove(waiting);
        waiting.resolve({ kind: 'stopping' });
      }
    }
  }

  /** Aborts every utterance being spoken (after the drain time ran out). */
  abortRunning(): void {
    for (const state of this.calls.values()) {
      if (!state.running) continue;
      state.running.abortCause ??= 'shutdown';
      state.running.controller.abort();
    }
  }

  private stateOf(callId: string): CallState {
    let state = this.calls.get(callId);
    if (!state) {
      state = {
        queue: new CallQueue(this.options.perCall),
        budget: new LeadBudget(this.options.leadMs),
        checking: false,
      };
      this.calls.set(callId, state);
    }
    clearTimeout(state.timer);
    return state;
  }

  private async pump(callId: string, state: CallState): Promise<void> {
    if (state.running || state.checking || this.stopping) return;
    const next = state.queue.peek();
    if (!next) return this.forgetIfIdle(callId, state);
    state.checking = true;
    const oldest = await this.options.oldestInStream(callId).catch(() => undefined);
    state.checking = false;
    if (state.running || this.stopping) return;
    if (state.queue.peek() !== next) return this.pump(callId, state); // cancelled, or an earlier one arrived
    const now = this.options.now();
    next.firstCheckMs ??= now;
    const decision = decideStart({
      seq: next.seq,
      oldestInStream: oldest,
      waitedMs: now - next.firstCheckMs,
      maxWaitMs: this.options.orderWaitMaxMs,
    });
    if (decision === 'wait') {
      if (now === next.firstCheckMs) this.options.onOrderWait?.(callId, next.seq, oldest ?? 0);
      state.timer = setTimeout(() => void this.pump(callId, state), this.options.orderPollMs);
      return;
    }
    state.running = next;
    next.resolve(this.turn(callId, state, next, decision === 'start-out-of-order'));
  }

  private turn(callId: string, state: CallState, waiting: Waiting, outOfOrder: boolean): Turn {
    let finished = false;
    return {
      kind: 'turn',
      signal: waiting.controller.signal,
      budget: state.budget,
      outOfOrder,
      cause: () => waiting.abortCause,
      done: () => {
        if (finished) return;
        finished = true;
        state.queue.remove(waiting);
        state.running = undefined;
        void this.pump(callId, state);
      },
    };
  }

  /** Drops an idle call's state once the audio it published has played out. */
  private forgetIfIdle(callId: string, state: CallState): void {
    if (state.queue.length > 0 || state.running) return;
    clearTimeout(state.timer);
    const playing = state.budget.aheadMs(this.options.now());
    if (playing === 0 || this.stopping) {
      this.calls.delete(callId);
      return;
    }
    state.timer = setTimeout(() => {
      if (state.queue.length === 0 && !state.running) this.calls.delete(callId);
    }, playing);
    state.timer.unref();
  }
}
