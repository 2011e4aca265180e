import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import {
  CallHandler,
  EscalationOutcome,
  EscalationReason,
  EscalationStep,
} from '@warmline/contracts';
import { type Telemetry, WarmlineAttributes, initTelemetry } from '@warmline/telemetry';
import { waitFor } from '@warmline/testing';
import { createSagaMetrics } from '../telemetry/sagaMetrics';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import { CALLER_NUMBER } from '../testing/participants';
import { summaryOf } from '../testing/sagaProbe';
import { newCallId, ofCall, useOrchestratorWorld } from '../testing/world';

const spans = new InMemorySpanExporter();
let telemetry: Telemetry | undefined;
beforeAll(async () => {
  telemetry = await initTelemetry({
    serviceName: 'orchestrator',
    spanExporter: spans,
    metricsPort: 0,
  });
});
afterAll(async () => {
  await telemetry?.shutdown();
});

const world = useOrchestratorWorld({
  env: { ORCHESTRATOR_BRIEFING: 'false', ORCHESTRATOR_FALLBACK_MODE: 'return-to-agent' },
  callControl: {
    connectOutcome: (callId) =>
      callId.startsWith('unanswered')
        ? 'unanswered'
        : callId.startsWith('ringing')
          ? 'silent'
          : 'answer',
  },
  app: () => ({ metrics: telemetry && createSagaMetrics(telemetry.meter) }),
});

const ids = (callId: string) => ({
  save: `${callId}:save-context:escalation`,
  greeting: `${callId}:utterance:greeting`,
  transition: `${callId}:utterance:transition`,
  apology: `${callId}:utterance:apology`,
  goodbye: `${callId}:utterance:goodbye`,
});

/** A built-in call, answered and greeted, whose caller then asks for a person. */
const escalate = async (callId: string) => {
  const { callControl, tts, script } = world();
  await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
  await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
  await script.transcribed(callId, 1);
  await script.escalationRequested(callId);
};

describe('the escalation saga on JetStream', () => {
  it('saves the context, announces, connects and leaves, each exactly once: TRANSFERRED', async () => {
    const { saga, contextStore, tts, callControl, bus } = world();
    const callId = newCallId('transfer');
    await escalate(callId);

    const finished = await saga.finished(callId);
    expect(finished.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    await orchestratorSettled(bus);

    expect(ofCall(contextStore.requests, callId)).toEqual([
      {
        requestId: ids(callId).save,
        callId,
        reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
        summary: 'Wants to dispute a double charge.',
        callerNumber: CALLER_NUMBER,
        voicemailRecordingId: '',
      },
    ]);
    expect(ofCall(tts.requests, callId).map((r) => [r.utteranceId, r.calleeOnly])).toEqual([
      [ids(callId).greeting, false],
      [ids(callId).transition, false],
    ]);
    const commands = ofCall(callControl.commands, callId);
    expect(commands.map((c) => c.payload?.$case)).toEqual(['answer', 'connect', 'close']);
    expect(commands[1]?.payload).toEqual({
      $case: 'connect',
      value: {
        ringTimeSeconds: 30,
        handoffData: {
          callId,
          reason: 'ESCALATION_REASON_CALLER_ASKED',
          contextId: `ctx-${callId}`,
        },
      },
    });
    expect(summaryOf(await saga.events(callId))).toEqual([
      'input EscalationRequested',
      'started',
      `step ${EscalationStep.ESCALATION_STEP_SAVING_CONTEXT} ${ids(callId).save}`,
      `timer ${callId}:timer:save-context`,
      'input ContextSaved',
      `step ${EscalationStep.ESCALATION_STEP_ANNOUNCING} ${ids(callId).transition}`,
      `timer ${callId}:timer:announce`,
      'input SpeechPlayed',
      `step ${EscalationStep.ESCALATION_STEP_CONNECTING} ${callId}:command:connect`,
      `timer ${callId}:timer:connect`,
      'input CallConnected',
      `step ${EscalationStep.ESCALATION_STEP_LEAVING} ${callId}:command:close`,
      `timer ${callId}:timer:leave`,
      'input CallTerminated',
      `step ${EscalationStep.ESCALATION_STEP_FINISHED} `,
      `finished ${EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED}`,
    ]);
  });

  it('nobody answers: apologises, returns the caller to the AI, which later says goodbye and hangs up', async () => {
    const { saga, tts, callControl, script, bus } = world();
    const callId = newCallId('unanswered');
    await escalate(callId);
    const returned = await saga.finished(callId);
    expect(returned.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_RETURNED_TO_AGENT,
    });

    await script.hangupRequested(callId);
    await waitFor(() =>
      ofCall(callControl.commands, callId).some((c) => c.payload?.$case === 'disconnect')
        ? true
        : undefined,
    );
    await orchestratorSettled(bus);
    expect(ofCall(tts.requests, callId).map((r) => r.utteranceId)).toEqual([
      ids(callId).greeting,
      ids(callId).transition,
      ids(callId).apology,
      ids(callId).goodbye,
    ]);
    expect(ofCall(callControl.commands, callId).map((c) => c.payload?.$case)).toEqual([
      'answer',
      'connect',
      'disconnect',
    ]);
  });

  it('the caller hangs up while the callee rings: ABANDONED, and the ringing leg is cleaned up', async () => {
    const { saga, callControl, bus } = world();
    const callId = newCallId('ringing');
    await escalate(callId);
    await saga.reaches(callId, 'Connecting');
    await callControl.hangUp(callId);

    const abandoned = await saga.finished(callId);
    expect(abandoned.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
    });
    await orchestratorSettled(bus);
    expect(ofCall(callControl.commands, callId).map((c) => c.payload?.$case)).toEqual([
      'answer',
      'connect',
      'disconnect',
    ]);
  });

  it('traces every input in its own span with the call id and the saga status', () => {
    const sagaSpans = spans
      .getFinishedSpans()
      .filter((s) => s.name.startsWith('orchestrator saga'));
    expect(sagaSpans.length).toBeGreaterThan(0);
    const escalated = sagaSpans.find((s) => s.name === 'orchestrator saga EscalationRequested');
    expect(escalated?.attributes).toMatchObject({
      [WarmlineAttributes.SAGA_STATUS]: 'SavingContext',
    });
    for (const span of sagaSpans) {
      expect(span.attributes[WarmlineAttributes.CALL_ID]).toEqual(expect.any(String));
      expect(span.attributes[WarmlineAttributes.SAGA_STATUS]).toEqual(expect.any(String));
    }
  });

  it('counts escalations by reason and outcomes by outcome', async () => {
    const text = await (await fetch(telemetry?.metricsUrl ?? '')).text();
    expect(text).toMatch(
      /warmline_orchestrator_escalations_total\{[^}]*reason="ESCALATION_REASON_CALLER_ASKED"[^}]*\} 3/,
    );
    for (const outcome of ['TRANSFERRED', 'RETURNED_TO_AGENT', 'ABANDONED']) {
      expect(text).toMatch(
        new RegExp(
          `warmline_orchestrator_escalation_outcomes_total\\{[^}]*outcome="ESCALATION_OUTCOME_${outcome}"[^}]*\\} 1`,
        ),
      );
    }
  });
});
