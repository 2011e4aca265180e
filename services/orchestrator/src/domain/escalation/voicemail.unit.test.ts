import { EscalationOutcome, EscalationReason } from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { escalationSpec } from './testing/escalationSpec';
import { CALL_ID, T0, fx, ids, input } from './testing/fixtures';

const spec = escalationSpec(escalationConfig({ fallback: { mode: 'voicemail' } }));
const AT = T0 + 40_000;
const apologising = [
  input.requested(T0),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
  input.connectFailed('CALL_UNANSWERED', T0 + 33_000),
];
const offering = [...apologising, input.played(ids.apology, T0 + 39_000)];

const recording = (at: number, cancelled?: 'choice' | 'apology') => [
  ...(cancelled === undefined ? [] : [fx.cancel(cancelled)]),
  { kind: 'RecordVoicemail', recordingId: ids.voicemail, callId: CALL_ID, maxDurationSeconds: 120 },
  fx.schedule('voicemail', at + 120_000 + 10_000),
];

describe('voicemail fallback: the caller chooses', () => {
  it('"voicemail": records, at most the configured duration', () => {
    expect(spec.given(...offering).when(input.chose('voicemail', AT)).decision.effects).toEqual(
      recording(AT, 'choice'),
    );
  });

  it('silence: records (the offer says so)', () => {
    expect(spec.given(...offering).when(input.fired('choice', AT)).decision.effects).toEqual(
      recording(AT),
    );
  });

  it('a choice made while the offer is still playing counts at once', () => {
    expect(spec.given(...apologising).when(input.chose('voicemail', AT)).decision.effects).toEqual(
      recording(AT, 'apology'),
    );
  });

  it('"callback": confirms, then hangs up with outcome CALLBACK_OFFERED', () => {
    const chose = input.chose('callback', AT);
    expect(spec.given(...offering).when(chose).decision.effects).toEqual([
      fx.cancel('choice'),
      fx.speak(ids.callbackConfirm, "Thank you. We'll call you back at this number soon. Goodbye."),
      fx.schedule('closing', AT + 15_000),
    ]);
    const { decision, after } = spec
      .given(...offering, chose)
      .when(input.played(ids.callbackConfirm, AT + 4_000));
    expect(decision.effects).toEqual([fx.cancel('closing'), fx.disconnect()]);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED,
    });
  });

  it('"callback", then the caller hangs up during the goodbye: still CALLBACK_OFFERED, nothing to end', () => {
    const chose = input.chose('callback', AT);
    const { decision, after } = spec.given(...offering, chose).when(input.terminated(AT + 2_000));
    expect(decision.effects).toEqual([fx.cancel('closing')]);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED,
    });
  });
});

describe('voicemail fallback: the message is kept with the context', () => {
  const recorded = [...offering, input.chose('voicemail', AT)];
  const saveWithVoicemail = {
    kind: 'SaveContext',
    requestId: ids.saveVoicemail,
    callId: CALL_ID,
    reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    summary: 'Wants to dispute a double charge; refund policy explained twice.',
    callerNumber: '+15550100',
    voicemailRecordingId: ids.voicemail,
  };

  it('recorded: saves the context with the recording, then hangs up; outcome VOICEMAIL', () => {
    const { decision, after } = spec.given(...recorded).when(input.voicemailRecorded(AT + 30_000));
    expect(decision.effects).toEqual([fx.cancel('voicemail'), saveWithVoicemail, fx.disconnect()]);
    expect(after.phase).toEqual({
      status: 'Finished',
      outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL,
      detail: 'voicemail recorded',
    });
  });

  it('the caller hangs up to end the message: keep waiting for the recording, then save, no disconnect', () => {
    const hungUp = input.terminated(AT + 25_000);
    const wait = spec.given(...recorded).when(hungUp);
    expect(wait.decision.effects).toEqual([]);
    expect(wait.after.phase.status).toBe('RecordingVoicemail');
    const { decision, after } = spec
      .given(...recorded, hungUp)
      .when(input.voicemailRecorded(AT + 26_000));
    expect(decision.effects).toEqual([fx.cancel('voicemail'), saveWithVoicemail]);
    expect(after.phase).toMatchObject({ outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL });
  });

  it('the recording is never reported: the guard hangs up; outcome VOICEMAIL, detail says so', () => {
    const { decision, after } = spec
      .given(...recorded)
      .when(input.fired('voicemail', AT + 130_000));
    expect(decision.effects).toEqual([fx.disconnect()]);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL,
      detail: 'recording not confirmed',
    });
  });
});
