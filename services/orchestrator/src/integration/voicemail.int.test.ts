import { CallHandler, EscalationOutcome } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import {
  type SttVoicemailParticipant,
  startSttVoicemailParticipant,
} from '../testing/participants';
import { newCallId, ofCall, useOrchestratorWorld } from '../testing/world';

const world = useOrchestratorWorld({
  env: {
    ORCHESTRATOR_BRIEFING: 'false',
    ORCHESTRATOR_FALLBACK_MODE: 'voicemail',
    ORCHESTRATOR_CHOICE_TIMEOUT: '1s',
  },
  callControl: { connectOutcome: () => 'unanswered' },
});
let stt: SttVoicemailParticipant | undefined;
afterAll(async () => {
  await stt?.stop();
});

/** A built-in call escalates; nobody answers the connect. */
const escalate = async (callId: string) => {
  const { callControl, tts, script, bus } = world();
  stt ??= startSttVoicemailParticipant(bus);
  stt.serveCall(callId);
  await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
  await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
  await script.escalationRequested(callId);
};

describe('the voicemail fallback', () => {
  it('a silent caller is recorded (the choice timer fires), the message is kept with the context, the call ends', async () => {
    const { saga, contextStore, callControl, bus } = world();
    const callId = newCallId('voicemail');
    await escalate(callId);

    const finished = await saga.finished(callId);
    expect(finished.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_VOICEMAIL,
    });
    await orchestratorSettled(bus);
    expect(ofCall(stt?.requests ?? [], callId)).toEqual([
      { recordingId: `${callId}:voicemail`, callId, maxDurationSeconds: 120 },
    ]);
    expect(
      ofCall(contextStore.requests, callId).map((r) => [r.requestId, r.voicemailRecordingId]),
    ).toEqual([
      [`${callId}:save-context:escalation`, ''],
      [`${callId}:save-context:voicemail`, `${callId}:voicemail`],
    ]);
    expect(ofCall(callControl.commands, callId).map((c) => c.payload?.$case)).toEqual([
      'answer',
      'connect',
      'disconnect',
    ]);
  });

  it('a caller who presses 1 during the apology gets a callback promise, then the call ends', async () => {
    const { saga, tts, callControl, bus } = world();
    const callId = newCallId('callback');
    const apology = `${callId}:utterance:apology`;
    tts.outcomes.hold((r) => r.utteranceId === apology);
    try {
      await escalate(callId);
      await waitFor(() =>
        ofCall(tts.requests, callId).some((r) => r.utteranceId === apology) ? true : undefined,
      );
      await callControl.pressKey(callId, '1');

      const finished = await saga.finished(callId);
      expect(finished.phase).toMatchObject({
        outcome: EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED,
      });
    } finally {
      await tts.outcomes.release();
    }
    await orchestratorSettled(bus);
    expect(ofCall(tts.requests, callId).map((r) => r.utteranceId)).toEqual([
      `${callId}:utterance:greeting`,
      `${callId}:utterance:transition`,
      apology,
      `${callId}:utterance:callback`,
    ]);
    expect(ofCall(stt?.requests ?? [], callId)).toEqual([]);
    expect(ofCall(callControl.commands, callId).map((c) => c.payload?.$case)).toEqual([
      'answer',
      'connect',
      'disconnect',
    ]);
  });
});
