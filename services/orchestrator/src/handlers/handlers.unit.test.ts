import { type ConsumeContext, ConcurrencyError } from '@warmline/bus';
import {
  AgentMode,
  type CallEvent,
  CallHandler,
  type CallStarted,
  type ConversationEvent,
  Transport,
} from '@warmline/contracts';
import type { Runner, Work } from '../runner/runner';
import { CALLER_NUMBER, callStarted } from '../testing/participants/callEvents';
import type { HandlerDeps } from './handlerDeps';
import { onCallEvent } from './onCallEvent';
import { onConversationEvent } from './onConversationEvent';
import { onTimerFired } from './onTimerFired';

const CALL = 'call-5';
const NOW = 1_700_000_000_000;

/** A runner that records what it is asked to run (or fails with `error`). */
const fakeDeps = (
  error?: Error,
  started: CallEvent = callStarted(CALL, CallHandler.CALL_HANDLER_BUILT_IN_AGENT),
) => {
  const runs: { callId: string; work: readonly Work[]; redelivered: boolean }[] = [];
  let reads = 0;
  const runner: Runner = {
    run: async (callId, work, redelivered) => {
      if (error) throw error;
      runs.push({ callId, work, redelivered });
    },
    idle: async () => undefined,
  };
  const deps: HandlerDeps = {
    runner,
    clock: () => NOW,
    callStream: {
      read: async () => {
        reads += 1;
        return [started];
      },
    },
  };
  return { deps, runs, reads: () => reads };
};

const ctx = (subject: string, deliveryCount = 1): ConsumeContext => ({
  subject,
  headers: undefined,
  streamSequence: 1,
  deliveryCount,
});
const conversation = (payload: ConversationEvent['payload']): ConversationEvent => ({
  eventId: 'ev-1',
  callId: CALL,
  causationId: '',
  correlationId: CALL,
  payload,
});
const call = (payload: CallEvent['payload']): CallEvent => ({
  eventId: 'ev-2',
  callId: CALL,
  causationId: '',
  correlationId: CALL,
  payload,
});
const kinds = (runs: { work: readonly Work[] }[]) =>
  runs.flatMap((r) => r.work.map((w) => `${w.workflow}:${w.input.kind}`));

describe('routing inputs to the workflows', () => {
  it('acks conversation turns the orchestrator does not follow without reading anything', async () => {
    const { deps, runs, reads } = fakeDeps();
    const replied = conversation({
      $case: 'replied',
      value: {
        turnId: 't',
        utteranceId: 'u',
        text: 'x',
        inReplyToTurnId: '',
        fallback: false,
        provider: '',
        intentId: '',
      },
    });
    expect(await onConversationEvent(deps, replied, ctx(`evt.conversation.${CALL}`))).toBe('ack');
    const played = conversation({
      $case: 'speechPlayed',
      value: { utteranceId: 'reply-7', playedMs: 1, totalMs: 1, interrupted: false, heardText: '' },
    });
    expect(await onConversationEvent(deps, played, ctx(`evt.conversation.${CALL}`))).toBe('ack');
    expect(runs).toEqual([]);
    expect(reads()).toBe(0);
  });

  it("sends the playing of the orchestrator's own utterance to both workflows", async () => {
    const { deps, runs } = fakeDeps();
    const played = conversation({
      $case: 'speechPlayed',
      value: {
        utteranceId: `${CALL}:utterance:transition`,
        playedMs: 1,
        totalMs: 1,
        interrupted: true,
        heardText: '',
      },
    });
    await onConversationEvent(deps, played, ctx(`evt.conversation.${CALL}`));
    expect(kinds(runs)).toEqual(['saga:SpeechPlayed', 'session:SpeechPlayed']);
  });

  it("starts the saga with the caller's number from the call stream, at the decision time", async () => {
    const { deps, runs } = fakeDeps();
    const requested = conversation({
      $case: 'escalationRequested',
      value: {
        reason: 1,
        detail: 'd',
        turnId: 't',
        summary: 's',
        callerName: 'Dana',
        destinationId: 'desk',
      },
    });
    await onConversationEvent(deps, requested, ctx(`evt.conversation.${CALL}`, 3));
    expect(runs).toEqual([
      {
        callId: CALL,
        redelivered: true,
        work: [
          {
            workflow: 'saga',
            input: {
              kind: 'EscalationRequested',
              inputId: 'ev-1',
              nowMs: NOW,
              reason: 1,
              detail: 'd',
              summary: 's',
              callerName: 'Dana',
              callerNumber: CALLER_NUMBER,
              // A SIP call from a gateway that declared nothing: all three modes.
              agentModes: [
                AgentMode.AGENT_MODE_BARGE,
                AgentMode.AGENT_MODE_WHISPER,
                AgentMode.AGENT_MODE_SPY,
              ],
            },
          },
        ],
      },
    ]);
  });

  it("passes on the agent modes the call's gateway declared, or none for a carrier stream", async () => {
    const requested = conversation({
      $case: 'escalationRequested',
      value: { reason: 1, detail: '', turnId: 't', summary: '', callerName: '', destinationId: '' },
    });
    const modesFor = async (started: CallEvent) => {
      const { deps, runs } = fakeDeps(undefined, started);
      await onConversationEvent(deps, requested, ctx(`evt.conversation.${CALL}`));
      const input = runs[0]?.work[0]?.input;
      return input?.kind === 'EscalationRequested' ? input.agentModes : 'not an escalation';
    };
    const sip = callStarted(CALL, CallHandler.CALL_HANDLER_BUILT_IN_AGENT);
    if (sip.payload?.$case !== 'started') throw new Error('fixture is not CallStarted');
    const base = sip.payload.value;
    const withStart = (value: Partial<CallStarted>): CallEvent => ({
      ...sip,
      payload: { $case: 'started', value: { ...base, ...value } },
    });
    expect(
      await modesFor(withStart({ capabilities: { agentModes: [AgentMode.AGENT_MODE_SPY] } })),
    ).toEqual([AgentMode.AGENT_MODE_SPY]);
    expect(await modesFor(withStart({ transport: Transport.TRANSPORT_TWILIO }))).toEqual([]);
    expect(await modesFor(withStart({ capabilities: { agentModes: [] } }))).toEqual([]);
  });

  it('maps key 1 to a callback choice and ignores other keys', async () => {
    const { deps, runs } = fakeDeps();
    const key = (digit: string) =>
      call({ $case: 'dtmfReceived', value: { digit, durationMs: 80 } });
    await onCallEvent(deps, key('1'), ctx(`evt.call.${CALL}`));
    await onCallEvent(deps, key('7'), ctx(`evt.call.${CALL}`));
    expect(runs.map((r) => r.work[0]?.input)).toEqual([
      { kind: 'CallerChose', inputId: 'ev-2', nowMs: NOW, choice: 'callback' },
    ]);
  });

  it('sends the goodbye timer to the session and every other timer to the saga', async () => {
    const { deps, runs } = fakeDeps();
    const subject = `timer.escalation.fired.${CALL}`;
    await onTimerFired(
      deps,
      { timerId: `${CALL}:timer:goodbye`, dueAtMs: 0, purpose: 'goodbye' },
      ctx(subject),
    );
    await onTimerFired(
      deps,
      { timerId: `${CALL}:timer:connect`, dueAtMs: 0, purpose: 'connect' },
      ctx(subject),
    );
    expect(kinds(runs)).toEqual(['session:TimerFired', 'saga:TimerFired']);
  });

  it('retries soon after losing a race with another replica', async () => {
    const { deps } = fakeDeps(new ConcurrencyError(`evt.escalation.${CALL}`, 3, 4));
    const hungUp = call({ $case: 'terminated', value: { reason: 1, detail: '' } });
    expect(await onCallEvent(deps, hungUp, ctx(`evt.call.${CALL}`))).toEqual({ nak: 50 });
  });
});
