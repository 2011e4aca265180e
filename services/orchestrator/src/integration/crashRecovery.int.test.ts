import { type Bus, connectBus } from '@warmline/bus';
import { CallHandler, EscalationOutcome } from '@warmline/contracts';
import {
  type ManagedProcess,
  type NatsServerHandle,
  startNatsServer,
  waitFor,
} from '@warmline/testing';
import { ensureOrchestratorStreams } from '../adapters/nats/ensureOrchestratorStreams';
import { localStreams, localSubjects } from '../adapters/nats/localTopology';
import { conversationScript } from '../testing/conversationScript';
import {
  killHard,
  orchestratorSettled,
  startOrchestratorProcess,
} from '../testing/orchestratorHarness';
import {
  type CallControlParticipant,
  type ContextStoreParticipant,
  type TtsGatewayParticipant,
  startCallControlParticipant,
  startContextStoreParticipant,
  startTtsGatewayParticipant,
} from '../testing/participants';
import { sagaProbe, summaryOf } from '../testing/sagaProbe';
import { newCallId, ofCall } from '../testing/world';

let nats: NatsServerHandle;
let bus: Bus;
let callControl: CallControlParticipant;
let tts: TtsGatewayParticipant;
let contextStore: ContextStoreParticipant;
let orchestrator: ManagedProcess | undefined;

beforeAll(async () => {
  nats = await startNatsServer();
  bus = await connectBus({ servers: nats.url, name: 'crash-test' });
  await ensureOrchestratorStreams(bus, {});
  callControl = await startCallControlParticipant(bus);
  tts = await startTtsGatewayParticipant(bus);
  contextStore = startContextStoreParticipant(bus);
});
afterEach(async () => {
  await orchestrator?.stop();
  orchestrator = undefined;
});
afterAll(async () => {
  await Promise.all([callControl.stop(), tts.stop(), contextStore.stop()]);
  await bus.close();
  await nats.stop();
});

const ENV = { ORCHESTRATOR_BRIEFING: 'false', ORCHESTRATOR_ACK_WAIT: '2s' };
const script = () => conversationScript(bus);
const saga = () => sagaProbe(bus);

/** A built-in call is answered and greeted, then the caller asks for a person. */
const escalate = async (callId: string) => {
  await callControl.startCall(callId, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
  await waitFor(() => (ofCall(tts.requests, callId).length > 0 ? true : undefined));
  await script().escalationRequested(callId);
};

/** What each participant saw of `callId`: every effect must appear once. */
const seenBy = (callId: string) => ({
  saves: ofCall(contextStore.requests, callId).map((r) => r.requestId),
  speech: ofCall(tts.requests, callId).map((r) => r.utteranceId),
  commands: ofCall(callControl.commands, callId).map((c) => c.payload?.$case),
});

const onceEach = (callId: string) => ({
  saves: [`${callId}:save-context:escalation`],
  speech: [`${callId}:utterance:greeting`, `${callId}:utterance:transition`],
  commands: ['answer', 'connect', 'close'],
});

/** No step entered, and no timer scheduled, twice in the saga's stream. */
const expectNoStepTwice = async (callId: string) => {
  const lines = summaryOf(await saga().events(callId)).filter((l) => /^(step|timer) /.test(l));
  expect(lines.filter((line, i) => lines.indexOf(line) !== i)).toEqual([]);
};

describe.each([
  {
    between: 'save → announce',
    hold: (callId: string) => contextStore.outcomes.hold((r) => r.callId === callId),
    stepDone: (callId: string) => ofCall(contextStore.requests, callId).length === 1,
    release: () => contextStore.outcomes.release(),
  },
  {
    between: 'announce → connect',
    hold: (callId: string) =>
      tts.outcomes.hold((r) => r.utteranceId === `${callId}:utterance:transition`),
    stepDone: (callId: string) => seenBy(callId).speech.length === 2,
    release: () => tts.outcomes.release(),
  },
  {
    between: 'connect → close',
    hold: (callId: string) =>
      callControl.outcomes.hold((c) => c.callId === callId && c.payload?.$case === 'connect'),
    stepDone: (callId: string) => seenBy(callId).commands.includes('connect'),
    release: () => callControl.outcomes.release(),
  },
])('killing the orchestrator between $between', ({ between, hold, stepDone, release }) => {
  it('and restarting it completes the saga with every effect seen once', async () => {
    const callId = newCallId(`kill-${between.split(' ')[0] ?? 'step'}`);
    hold(callId);
    orchestrator = await startOrchestratorProcess(nats.url, ENV);
    await escalate(callId);
    await waitFor(() => (stepDone(callId) ? true : undefined), { timeoutMs: 20_000 });
    await orchestratorSettled(bus); // the step is decided, dispatched and acked
    await killHard(orchestrator);

    await release(); // the step's outcome is reported while no orchestrator runs
    orchestrator = await startOrchestratorProcess(nats.url, ENV);
    const finished = await saga().finished(callId);
    await orchestratorSettled(bus);

    expect(finished.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
    expect(seenBy(callId)).toEqual(onceEach(callId));
    await expectNoStepTwice(callId);
  });
});

describe('killing the orchestrator in the middle of a step', () => {
  it('after the append, with the save request in flight: the redelivered input redoes it, once in effect', async () => {
    const callId = newCallId('mid-step');
    orchestrator = await startOrchestratorProcess(nats.url, ENV);
    const dying = orchestrator;
    contextStore.beforeHandling = async (request) => {
      if (request.callId !== callId || dying.exitStatus() !== undefined) return;
      await killHard(dying); // the decision is appended; its effects are half dispatched, nothing acked
    };
    try {
      await escalate(callId);
      await waitFor(() => (dying.exitStatus() !== undefined ? true : undefined), {
        timeoutMs: 20_000,
      });
      orchestrator = await startOrchestratorProcess(nats.url, ENV);
      const finished = await saga().finished(callId);
      await waitFor(() => (ofCall(contextStore.requests, callId).length === 2 ? true : undefined));
      await orchestratorSettled(bus);

      expect(finished.phase).toMatchObject({
        outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
      });
      // Request/reply is at least once: the save is asked again under the same request id, and
      // context-store (idempotent by request id) stores and announces it once.
      expect(seenBy(callId)).toEqual({
        ...onceEach(callId),
        saves: [`${callId}:save-context:escalation`, `${callId}:save-context:escalation`],
      });
      const saved = await bus.jsm.streams.info('CONTEXT_EVENTS', {
        subjects_filter: `evt.context.${callId}`,
      });
      expect(saved.state.subjects?.[`evt.context.${callId}`]).toBe(1);
      await expectNoStepTwice(callId);
    } finally {
      contextStore.beforeHandling = undefined;
    }
  });
});

describe('a durable timer', () => {
  it('pending when the orchestrator dies, fires while it is down, and is acted on once after restart', async () => {
    const callId = newCallId('timer');
    const env = { ...ENV, ORCHESTRATOR_SAVE_CONTEXT_TIMEOUT: '4s' };
    const timerId = `${callId}:timer:save-context`;
    const count = async (subject: string) => {
      const info = await bus.jsm.streams.info(localStreams.timers.name, {
        subjects_filter: subject,
      });
      return info.state.subjects?.[subject] ?? 0;
    };
    contextStore.outcomes.hold((r) => r.callId === callId); // ContextSaved never comes: the guard must fire
    try {
      orchestrator = await startOrchestratorProcess(nats.url, env);
      await escalate(callId);
      await waitFor(() => (ofCall(contextStore.requests, callId).length === 1 ? true : undefined));
      await orchestratorSettled(bus);
      await killHard(orchestrator);
      expect(await count(localSubjects.timerSchedule(callId, timerId))).toBe(1); // still pending

      await waitFor(async () =>
        (await count(localSubjects.timerFired(callId))) === 1 ? true : undefined,
      );
      orchestrator = await startOrchestratorProcess(nats.url, env);
      const finished = await saga().finished(callId);
      await orchestratorSettled(bus);

      expect(finished.phase).toMatchObject({
        outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
      });
      const fired = summaryOf(await saga().events(callId)).filter((l) => l === `fired ${timerId}`);
      expect(fired).toHaveLength(1);
      expect(seenBy(callId)).toEqual(onceEach(callId));
      await expectNoStepTwice(callId);
    } finally {
      await contextStore.outcomes.release();
    }
  });
});

describe('on SIGTERM', () => {
  it('stops consuming, lets the inputs in progress finish, drains and exits cleanly', async () => {
    const proc = await startOrchestratorProcess(nats.url, ENV);
    await proc.stop();
    expect(proc.exitStatus()).toEqual({ code: 0, signal: null });
    expect(proc.output()).toContain('orchestrator stopped');
  });
});
