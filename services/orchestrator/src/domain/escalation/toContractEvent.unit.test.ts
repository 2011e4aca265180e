import { EscalationEvent, EscalationStep } from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { ProposedEscalationStep } from './sagaEvent';
import { runInputs } from './testing/escalationSpec';
import { T0, ids, input } from './testing/fixtures';
import { toContractEvent } from './toContractEvent';

const config = escalationConfig({ fallback: { mode: 'voicemail' } });
const run = runInputs(config, [
  input.requested(T0, 'Dana'),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
  input.connectFailed('CALL_UNANSWERED', T0 + 33_000),
  input.played(ids.apology, T0 + 40_000),
  input.chose('callback', T0 + 41_000),
  input.played(ids.callbackConfirm, T0 + 45_000),
]);

describe("toContractEvent: publishing on today's escalation.proto", () => {
  it('every event survives a protobuf round trip', () => {
    for (const event of run.events.map(toContractEvent)) {
      expect(EscalationEvent.decode(EscalationEvent.encode(event).finish())).toEqual(event);
    }
  });

  it('maps the proposed steps to their nearest generated step and keeps the rest as is', () => {
    const steps = run.events.flatMap((e) => {
      const payload = toContractEvent(e).payload;
      return payload?.$case === 'stepEntered' ? [payload.value.step] : [];
    });
    expect(steps).toEqual([
      EscalationStep.ESCALATION_STEP_SAVING_CONTEXT,
      EscalationStep.ESCALATION_STEP_ANNOUNCING,
      EscalationStep.ESCALATION_STEP_CONNECTING,
      EscalationStep.ESCALATION_STEP_FALLBACK,
      EscalationStep.ESCALATION_STEP_FALLBACK, // OFFERING
      EscalationStep.ESCALATION_STEP_FALLBACK, // CLOSING
      EscalationStep.ESCALATION_STEP_FINISHED,
    ]);
    const original = run.events.flatMap((e) =>
      e.payload.$case === 'stepEntered' ? [e.payload.value.step] : [],
    );
    expect(original[4]).toBe(ProposedEscalationStep.ESCALATION_STEP_OFFERING);
    expect(original[5]).toBe(ProposedEscalationStep.ESCALATION_STEP_CLOSING);
  });

  it('keeps the caller name in started, now that the proto carries it', () => {
    const started = toContractEvent(run.events[1]!).payload;
    expect(run.events[1]!.payload).toMatchObject({
      $case: 'started',
      value: { callerName: 'Dana' },
    });
    expect(started).toEqual({
      $case: 'started',
      value: {
        reason: 1,
        detail: 'caller said: a human please',
        callerNumber: '+15550100',
        callerName: 'Dana',
        summary: 'Wants to dispute a double charge; refund policy explained twice.',
      },
    });
  });
});
