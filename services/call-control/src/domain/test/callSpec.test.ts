// Given/when/then for the call decider (not a test file itself: jest runs *.unit.test.ts).
import { type CallEvent, CallState } from '@warmline/contracts';
import { type CallAggregate, initialState } from '../callAggregate';
import type {
  CallDecision,
  CallInstruction,
  IgnoredReason,
  RingTimeoutTimer,
} from '../callDecision';
import type { CallErrorCode } from '../callErrors';
import type { CallEventPayload } from '../callEventFactory';
import type { CallInput } from '../callInput';
import { decide } from '../decide';
import type { DecideContext } from '../decideContext';
import { evolve } from '../evolve';
import { DESTINATION, T0 } from './fixtures.test';

/** What a `when` may change about the context. */
export interface WhenOptions {
  readonly nowMs?: number;
  /** The configured callee; `null` for a connector without one. */
  readonly calleeDestination?: string | null;
}

/** A deterministic context: ids id-1, id-2, ... and a fixed clock. */
export function testContext(options: WhenOptions = {}): DecideContext {
  let next = 0;
  const destination =
    options.calleeDestination === null ? undefined : (options.calleeDestination ?? DESTINATION);
  return {
    nowMs: options.nowMs ?? T0,
    newId: () => `id-${(next += 1)}`,
    ...(destination === undefined ? {} : { calleeDestination: destination }),
  };
}

/** Folds events into a state, from the initial state. */
export const fold = (events: readonly CallEvent[], from: CallAggregate = initialState()) =>
  events.reduce(evolve, from);

/** The outcome of one decision, with assertions that chain. */
export interface Then {
  readonly before: CallAggregate;
  readonly decision: CallDecision;
  /** The state after the decision's events. */
  readonly after: CallAggregate;
  thenEvents(...payloads: CallEventPayload[]): Then;
  thenInstructions(...instructions: CallInstruction[]): Then;
  thenTimers(...timers: RingTimeoutTimer[]): Then;
  thenState(expected: Record<string, unknown>): Then;
  thenIgnored(reason: IgnoredReason): Then;
  thenRejected(code: CallErrorCode): Then;
}

function accepted(decision: CallDecision) {
  if (!decision.ok) throw new Error(`expected success, got ${JSON.stringify(decision.error)}`);
  return decision;
}

function then(before: CallAggregate, decision: CallDecision, nowMs: number): Then {
  const after = decision.ok ? fold(decision.events, before) : before;
  const self: Then = {
    before,
    decision,
    after,
    thenEvents(...payloads) {
      const { events } = accepted(decision);
      expect(events.map((event) => event.payload)).toEqual(payloads);
      for (const event of events) {
        expect(event.eventId).not.toBe('');
        expect(event.causationId).not.toBe('');
        expect(event.occurredAt).toEqual(new Date(nowMs));
        if (before.exists) expect(event.callId).toBe(before.callId);
      }
      return self;
    },
    thenInstructions(...instructions) {
      expect(accepted(decision).instructions).toEqual(instructions);
      return self;
    },
    thenTimers(...timers) {
      expect(accepted(decision).timers).toEqual(timers);
      return self;
    },
    thenState(expected) {
      expect(after).toMatchObject(expected);
      return self;
    },
    thenIgnored(reason) {
      const ok = accepted(decision);
      expect(ok.ignored).toBe(reason);
      expect(ok.events).toEqual([]);
      return self;
    },
    thenRejected(code) {
      expect(decision.ok).toBe(false);
      if (decision.ok) return self;
      expect(decision.error.code).toBe(code);
      expect(decision.error.message).not.toBe('');
      expect(decision.error.state).toBe(
        before.exists ? before.state : CallState.CALL_STATE_UNSPECIFIED,
      );
      // A value, not an effect: nothing to append, nothing to tell the gateway.
      expect(Object.keys(decision).sort()).toEqual(['error', 'ok']);
      return self;
    },
  };
  return self;
}

/** given(history).when(input) → assertions on the decision and the state after it. */
export function given(...history: CallEvent[]) {
  const before = fold(history);
  return {
    state: before,
    when(input: CallInput, options: WhenOptions = {}): Then {
      const ctx = testContext(options);
      return then(before, decide(input, before, ctx), ctx.nowMs);
    },
  };
}
