import type { Bus } from '@warmline/bus';
import { type EscalationEvent, EscalationOutcome } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { createSagaStream } from '../adapters/nats/streamPorts';
import { type EscalationState, foldEscalation } from '../domain/escalation';

/** Reads sagas back from their streams, as a restarted orchestrator would. */
export const sagaProbe = (bus: Bus) => {
  const stream = createSagaStream(bus);
  const events = async (callId: string): Promise<EscalationEvent[]> =>
    (await stream.read(callId)).events;
  const state = async (callId: string): Promise<EscalationState> =>
    foldEscalation(callId, await events(callId));
  return {
    events,
    state,
    /** Waits for the saga of `callId` to finish, and returns its state. */
    finished: (callId: string, timeoutMs = 30_000) =>
      waitFor(
        async () => {
          const current = await state(callId);
          const { phase } = current;
          return phase.status === 'Finished' &&
            phase.outcome !== EscalationOutcome.ESCALATION_OUTCOME_UNSPECIFIED
            ? current
            : undefined;
        },
        { timeoutMs, describe: () => `the saga of ${callId} to finish` },
      ),
    /** Waits until the saga of `callId` is in `status`. */
    reaches: (callId: string, status: EscalationState['phase']['status'], timeoutMs = 30_000) =>
      waitFor(async () => ((await state(callId)).phase.status === status ? true : undefined), {
        timeoutMs,
        describe: () => `the saga of ${callId} to reach ${status}`,
      }),
  };
};

/** A compact view of a saga stream: one line per event, for comparing runs. */
export const summaryOf = (events: readonly EscalationEvent[]): string[] =>
  events.map(({ payload }) => {
    switch (payload?.$case) {
      case 'stepEntered':
        return `step ${payload.value.step} ${payload.value.effectId}`;
      case 'timerScheduled':
        return `timer ${payload.value.timerId}`;
      case 'timerFired':
        return `fired ${payload.value.timerId}`;
      case 'inputAccepted':
        return `input ${payload.value.kind}`;
      case 'finished':
        return `finished ${payload.value.outcome}`;
      default:
        return payload?.$case ?? 'empty';
    }
  });
