import {
  AgentMode,
  EscalationOutcome,
  type GatewayInstruction,
  Transport,
} from '@warmline/contracts';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import type { StartCallOptions } from '../testing/participants';
import { callEventsOf, effectsOf, escalate, finishedContext } from '../testing/realObservations';
import { type RealServices, startRealServices } from '../testing/realServices';
import { sagaProbe } from '../testing/sagaProbe';
import { newCallId } from '../testing/world';

// Real nats-server and FerretDB; call-control, context-store and the orchestrator as processes,
// the briefing turned ON: whether the callee is briefed follows what the call's gateway declared
// (CallStarted.capabilities) or, for an older gateway, what its transport can mix.
let real: RealServices;
beforeAll(async () => {
  real = await startRealServices({ ORCHESTRATOR_BRIEFING: 'true' });
}, 120_000);
afterAll(async () => {
  await real?.stop();
});

const WHISPER_STEP = 8; // EscalationStep SWITCHING_TO_WHISPER (see sagaProbe summaries)

/** The mix modes call-control asked the gateway for on a call. */
const mixModesOf = (callId: string): AgentMode[] =>
  real.gateway.instructions
    .filter((i: GatewayInstruction) => i.callId === callId)
    .flatMap((i) => (i.action?.$case === 'setMixMode' ? [i.action.value.mode] : []));

/** Escalates a call started with `start` and waits until it is transferred and settled. */
const transferred = async (label: string, start: StartCallOptions) => {
  const callId = newCallId(label);
  await escalate(real, callId, start);
  const finished = await sagaProbe(real.bus).finished(callId);
  expect(finished.phase).toMatchObject({
    outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
  });
  await orchestratorSettled(real.bus);
  await finishedContext(real.contextStore.db, callId);
  const steps = (await sagaProbe(real.bus).events(callId)).flatMap((e) =>
    e.payload?.$case === 'stepEntered' ? [e.payload.value.step] : [],
  );
  await printCalleeWait(label, callId);
  return { callId, effects: await effectsOf(real, callId), steps };
};

/** Prints (never asserts) how long the callee was on the line before the agent left. */
const printCalleeWait = async (label: string, callId: string) => {
  const events = await callEventsOf(real, callId);
  const at = (kind: string) =>
    events.find((e) => e.payload?.$case === kind)?.occurredAt?.getTime() ?? Number.NaN;
  const ms = at('terminated') - at('connected');
  process.stdout.write(`[figure] ${label}: callee connected → agent left ${ms} ms\n`);
};

describe('the briefing follows what the call can mix', () => {
  it('a carrier stream declaring no modes: no WHISPER asked, no briefing, the agent leaves at once', async () => {
    const { callId, effects, steps } = await transferred('carrier-declared', {
      transport: Transport.TRANSPORT_TWILIO,
      capabilities: { agentModes: [] },
    });
    expect(effects.speech).toEqual([
      `${callId}:utterance:greeting`,
      `${callId}:utterance:transition`,
    ]);
    expect(steps).not.toContain(WHISPER_STEP);
    expect(mixModesOf(callId)).not.toContain(AgentMode.AGENT_MODE_WHISPER);
    expect(effects.instructions.at(-1)).toBe('removeAgent');
  });

  it('a Twilio call from a gateway that declared nothing is treated as a carrier stream too', async () => {
    const { callId, steps } = await transferred('carrier-inferred', {
      transport: Transport.TRANSPORT_TWILIO,
    });
    expect(steps).not.toContain(WHISPER_STEP);
    expect(mixModesOf(callId)).not.toContain(AgentMode.AGENT_MODE_WHISPER);
  });

  it('a SIP call declaring WHISPER: the callee is briefed in WHISPER before the agent leaves', async () => {
    const { callId, effects, steps } = await transferred('sip-declared', {
      transport: Transport.TRANSPORT_SIP,
      capabilities: {
        agentModes: [
          AgentMode.AGENT_MODE_BARGE,
          AgentMode.AGENT_MODE_WHISPER,
          AgentMode.AGENT_MODE_SPY,
        ],
      },
    });
    expect(steps).toContain(WHISPER_STEP);
    expect(effects.speech).toEqual([
      `${callId}:utterance:greeting`,
      `${callId}:utterance:transition`,
      `${callId}:utterance:briefing`,
    ]);
    expect(mixModesOf(callId)).toContain(AgentMode.AGENT_MODE_WHISPER);
    expect(effects.instructions.at(-1)).toBe('removeAgent');
  });
});
