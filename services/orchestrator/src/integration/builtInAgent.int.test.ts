import { AgentMode, CallHandler, EscalationOutcome } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import { newCallId, ofCall, useOrchestratorWorld } from '../testing/world';

const GREETING = 'Hello, this is the test line. How can I help?';
const GOODBYE = 'Thanks, goodbye from the test line.';
const world = useOrchestratorWorld({
  env: {
    ORCHESTRATOR_GREETING: GREETING,
    ORCHESTRATOR_GOODBYE: GOODBYE,
    ORCHESTRATOR_BRIEFING: 'true',
  },
});

const commandCases = (callId: string) =>
  ofCall(world().callControl.commands, callId).map((c) => c.payload?.$case);

describe('the built-in agent call lifecycle', () => {
  it('answers a call routed to the built-in agent, then greets the caller with the configured line', async () => {
    const { callControl, tts, bus } = world();
    const callId = newCallId('builtin');
    await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
    await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
    await orchestratorSettled(bus);

    expect(commandCases(callId)).toEqual(['answer']);
    expect(ofCall(tts.requests, callId)).toEqual([
      expect.objectContaining({
        utteranceId: `${callId}:utterance:greeting`,
        text: GREETING,
        cacheable: true,
        calleeOnly: false,
      }),
    ]);
  });

  it('ignores an SDK call: no answer, no greeting, no saga, even with conversation going on', async () => {
    const { callControl, tts, script, saga, bus } = world();
    const callId = newCallId('sdk');
    await callControl.startCall(callId, CallHandler.CALL_HANDLER_SDK);
    await script.transcribed(callId, 1);
    await orchestratorSettled(bus);

    expect(commandCases(callId)).toEqual([]);
    expect(ofCall(tts.requests, callId)).toEqual([]);
    expect(await saga.events(callId)).toEqual([]);
  });

  it('when the AI ends the call: says goodbye, then disconnects once it played, keeping the context', async () => {
    const { callControl, tts, contextStore, script, saga, bus } = world();
    const callId = newCallId('goodbye');
    await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
    await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
    await script.hangupRequested(callId);

    const finished = await saga.finished(callId);
    expect(finished.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_HANDLED_BY_AGENT,
    });
    await orchestratorSettled(bus);
    expect(ofCall(tts.requests, callId).map((r) => [r.utteranceId, r.text])).toEqual([
      [`${callId}:utterance:greeting`, GREETING],
      [`${callId}:utterance:goodbye`, GOODBYE],
    ]);
    expect(commandCases(callId)).toEqual(['answer', 'disconnect']);
    expect(ofCall(contextStore.requests, callId).map((r) => r.requestId)).toEqual([
      `${callId}:save-context:final`,
    ]);
  });

  it('with briefing on: switches to WHISPER, briefs the callee only, then leaves', async () => {
    const { callControl, tts, script, saga, bus } = world();
    const callId = newCallId('briefing');
    await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
    await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
    await script.escalationRequested(callId);

    const finished = await saga.finished(callId);
    expect(finished.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    await orchestratorSettled(bus);
    const commands = ofCall(callControl.commands, callId);
    expect(commands.map((c) => c.payload?.$case)).toEqual([
      'answer',
      'connect',
      'setAgentMode',
      'close',
    ]);
    expect(commands[2]?.payload).toEqual({
      $case: 'setAgentMode',
      value: { mode: AgentMode.AGENT_MODE_WHISPER },
    });
    const briefing = ofCall(tts.requests, callId).find((r) => r.utteranceId.endsWith(':briefing'));
    expect(briefing).toMatchObject({ calleeOnly: true, cacheable: false });
    expect(briefing?.text).toContain('Dana');
  });
});
