import { EscalationEvent, EscalationStep } from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { runInputs } from './testing/escalationSpec';
import { T0, ids, input } from './testing/fixtures';

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

describe("the saga's events are escalation.proto's, unchanged", () => {
  it('every event survives a protobuf round trip', () => {
    for (const event of run.events) {
      expect(EscalationEvent.decode(EscalationEvent.encode(event).finish())).toEqual(event);
    }
  });

  it('records every step with its generated number, OFFERING and CLOSING included', () => {
    const steps = run.events.flatMap((e) =>
      e.payload?.$case === 'stepEntered' ? [e.payload.value.step] : [],
    );
    expect(steps).toEqual([
      EscalationStep.ESCALATION_STEP_SAVING_CONTEXT,
      EscalationStep.ESCALATION_STEP_ANNOUNCING,
      EscalationStep.ESCALATION_STEP_CONNECTING,
      EscalationStep.ESCALATION_STEP_FALLBACK,
      EscalationStep.ESCALATION_STEP_OFFERING,
      EscalationStep.ESCALATION_STEP_CLOSING,
      EscalationStep.ESCALATION_STEP_FINISHED,
    ]);
  });

  it("keeps the caller's name in started", () => {
    expect(run.events[1]?.payload).toEqual({
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
