import { protoCodec, publishToStream } from '@warmline/bus';
import {
  ConversationEvent,
  EscalationOutcome,
  EscalationReason,
  GatewaySignal,
  subjects,
  TerminationReason,
} from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import {
  callEventsOf,
  contextDoc,
  effectsOf,
  escalate,
  finishedContext,
  onceEach,
} from '../testing/realObservations';
import { type RealServices, startRealServices } from '../testing/realServices';
import { sagaProbe } from '../testing/sagaProbe';
import { newCallId } from '../testing/world';

// Real nats-server and FerretDB; call-control, context-store and the orchestrator as processes
// (src/main.ts each). The gateway and tts sides are contract participants: see the README.
let real: RealServices;
beforeAll(async () => {
  real = await startRealServices();
}, 120_000);
afterAll(async () => {
  await real?.stop();
});

const finishedCalls: string[] = [];

/** Escalates a new call and waits until the saga finished, the orchestrator acked everything and the projection caught up. */
const transferredCall = async (label: string): Promise<string> => {
  const callId = newCallId(label);
  await escalate(real, callId);
  const finished = await sagaProbe(real.bus).finished(callId);
  expect(finished.phase).toMatchObject({
    outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
  });
  await orchestratorSettled(real.bus);
  await finishedContext(real.contextStore.db, callId);
  finishedCalls.push(callId);
  return callId;
};

/**
 * Stores a finished call's inputs a second time: the caller's request once under its own id
 * (JetStream drops it) and once anew (as a producer retrying after the duplicate window would
 * store it), and the callee's answer again under the same signal id. Returns the stream sequence
 * of the request stored anew.
 */
const storeDuplicates = async (callId: string): Promise<number> => {
  const request: ConversationEvent = {
    eventId: `${callId}:escalation-requested`,
    callId,
    occurredAt: new Date(),
    causationId: '',
    correlationId: callId,
    payload: {
      $case: 'escalationRequested',
      value: {
        reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
        detail: 'explicit request',
        turnId: 'turn-2',
        summary: 'Wants to dispute a double charge.',
        callerName: 'Dana',
        destinationId: 'support-desk',
      },
    },
  };
  const codec = protoCodec(ConversationEvent);
  const subject = subjects.conversationEvents(callId);
  const dropped = await publishToStream(real.bus, subject, codec, request, {
    msgId: request.eventId,
  });
  expect(dropped.duplicate).toBe(true);
  const stored = await publishToStream(real.bus, subject, codec, request, {
    msgId: `${request.eventId}#again`,
  });
  expect(stored.duplicate).toBe(false);
  const doc = await contextDoc(real.contextStore.db, callId);
  const legId = (doc?.call as { connect: { calleeLegId: string } }).connect.calleeLegId;
  const again = await publishToStream(
    real.bus,
    subjects.gatewaySignals(callId),
    protoCodec(GatewaySignal),
    {
      signalId: `answer:${legId}`,
      callId,
      occurredAtMs: Date.now(),
      payload: { $case: 'calleeAnswered', value: { calleeLegId: legId } },
    },
    { msgId: `answer:${legId}#again` },
  );
  expect(again.duplicate).toBe(false);
  return stored.seq;
};

describe('an escalation through the real call-control, context-store and orchestrator', () => {
  it('one request: exactly one context document, one transition line, one connect and one close', async () => {
    const callId = await transferredCall('once');
    expect(await effectsOf(real, callId)).toEqual(onceEach(callId));

    const terminated = (await callEventsOf(real, callId)).find(
      (e) => e.payload?.$case === 'terminated',
    );
    expect(terminated?.payload).toMatchObject({
      value: { reason: TerminationReason.TERMINATION_REASON_AGENT_LEFT },
    });
    const doc = await finishedContext(real.contextStore.db, callId);
    expect(doc).toMatchObject({
      _id: callId,
      outcome: 'ESCALATION_OUTCOME_TRANSFERRED',
      escalationReason: 'ESCALATION_REASON_CALLER_ASKED',
      call: {
        callerNumber: '+15550100',
        state: 'CALL_STATE_DISCONNECTED',
        connect: { status: 'connected', handoffData: { contextId: callId } },
      },
    });
    expect((doc.turns as { text: string }[]).map((t) => t.text)).toEqual([
      'Thanks for calling. How can I help you today?',
      'I want to talk to a person',
      'Let me connect you with a specialist who can help.',
    ]);
    // llm-decision's unplayed reply with the line is dropped: the saga's playback is the one turn
    expect((doc.turns as object[]).at(-1)).toMatchObject({
      announcement: true,
      playback: { heardText: 'Let me connect you with a specialist who can help.' },
    });
  });

  it('a second identical event changes nothing in the saga or call-control: no effect repeated', async () => {
    const callId = await transferredCall('twice');
    const effects = await effectsOf(real, callId);
    const saga = await sagaProbe(real.bus).events(callId);
    await storeDuplicates(callId);
    await orchestratorSettled(real.bus);
    await new Promise((resolve) => setTimeout(resolve, 500)); // call-control's signal consumer
    expect(await effectsOf(real, callId)).toEqual(effects);
    expect(await sagaProbe(real.bus).events(callId)).toEqual(saga);
  });

  it('a second identical event changes nothing in the context document', async () => {
    const callId = await transferredCall('twice-context');
    const doc = await contextDoc(real.contextStore.db, callId);
    const stored = await storeDuplicates(callId);
    await waitFor(
      async () => {
        const now = await contextDoc(real.contextStore.db, callId);
        const positions = now?.positions as { conversation: number } | undefined;
        return positions && positions.conversation >= stored ? true : undefined;
      },
      { describe: () => 'context-store to read the duplicate' },
    );
    const after = await contextDoc(real.contextStore.db, callId);
    expect({ ...after, positions: undefined }).toEqual({ ...doc, positions: undefined });
  });

  it('the projection rebuilt from the event log equals the live one', async () => {
    expect(finishedCalls.length).toBeGreaterThanOrEqual(2);
    const rebuilt = await real.startContextStore('warmline_context_rebuilt');
    for (const callId of finishedCalls) {
      const live = await contextDoc(real.contextStore.db, callId);
      await waitFor(
        async () => {
          const doc = await contextDoc(rebuilt.db, callId);
          return JSON.stringify(doc?.positions) === JSON.stringify(live?.positions)
            ? true
            : undefined;
        },
        { timeoutMs: 20_000, describe: () => `the rebuilt context of ${callId} to catch up` },
      );
      expect(await contextDoc(rebuilt.db, callId)).toEqual(live);
    }
  });
});
