import { CallHandler, type ConversationEvent, type SpeakRequest } from '@warmline/contracts';
import { createLogger } from '@warmline/telemetry';
import { createCircuitBreaker } from '../decision/circuitBreaker';
import { createDecisionRunner } from '../decision/decisionRunner';
import { type CallSession, initialCallSession } from '../domain/session/callSession';
import { localPolicyProvider } from '../providers/localPolicyProvider';
import { exampleProfile } from '../testSupport/decisionContexts';
import { transcribed } from '../testSupport/conversationEvents';
import { onCallerTranscribed } from './onCallerTranscribed';

const NOW = Date.parse('2025-01-01T12:00:00Z');

/** The handler over in-memory fakes; `appended` and `spoken` collect its effects. */
const handlerWith = (session: CallSession, handler = CallHandler.CALL_HANDLER_BUILT_IN_AGENT) => {
  const appended: ConversationEvent[] = [];
  const spoken: SpeakRequest[] = [];
  const local = localPolicyProvider();
  const handle = onCallerTranscribed({
    profile: exampleProfile,
    conversations: {
      load: async () => ({ session, version: 7 }),
      append: async (_callId, events, expectedVersion) => {
        expect(expectedVersion).toBe(7);
        appended.push(...events);
      },
    },
    callHandlers: { handlerOf: async () => handler },
    speech: { speak: async (request) => void spoken.push(request) },
    runner: createDecisionRunner({
      primary: local,
      local,
      breaker: createCircuitBreaker(local.name, { failureThreshold: 0, cooldownMs: 0 }, () => 0),
      deadlineMs: 1_000,
      fallback: { mode: 'policy', maxConsecutiveFailures: 3 },
    }),
    metrics: { record: () => undefined },
    log: createLogger({ service: 'test', level: 'silent' }),
    now: () => NOW,
    speechSettings: { voice: '', sampleRate: 0 },
    staleAfterMs: 60_000,
  });
  const run = (event: ConversationEvent) =>
    event.payload?.$case === 'transcribed'
      ? handle(event, event.payload.value)
      : Promise.reject(new Error('not a transcript'));
  return { run, appended, spoken };
};

const at = (event: ConversationEvent, occurredAtMs: number): ConversationEvent => ({
  ...event,
  occurredAt: new Date(occurredAtMs),
});

describe('onCallerTranscribed', () => {
  it('decides, appends at the version it read, and queues the reply', async () => {
    const { run, appended, spoken } = handlerWith(initialCallSession());
    await expect(run(at(transcribed('c1', 't1', 'what are your hours'), NOW))).resolves.toBe(
      'decided',
    );
    expect(appended.map((e) => e.payload?.$case)).toEqual(['replied']);
    expect(spoken).toHaveLength(1);
  });

  it('leaves calls that an SDK application handles alone', async () => {
    const { run, appended } = handlerWith(initialCallSession(), CallHandler.CALL_HANDLER_SDK);
    await expect(run(transcribed('c1', 't1', 'hello'))).resolves.toBe('not-built-in');
    expect(appended).toEqual([]);
  });

  it('does not answer a transcript that is too old or arrives after the escalation', async () => {
    const stale = handlerWith(initialCallSession());
    await expect(stale.run(at(transcribed('c1', 't1', 'hello'), NOW - 61_000))).resolves.toBe(
      'stale',
    );
    const escalated = handlerWith({ ...initialCallSession(), status: 'escalated' });
    await expect(escalated.run(transcribed('c1', 't2', 'hello?'))).resolves.toBe('escalated');
    expect([...stale.appended, ...escalated.appended, ...stale.spoken]).toEqual([]);
  });

  it('re-queues only the latest reply of a redelivered turn, with its original id', async () => {
    const reply = { utteranceId: 'u-1', text: 'Hi.', provider: 'local-policy', spoken: true };
    const session = { ...initialCallSession(), replies: new Map([['t1', reply]]) };
    const latest = handlerWith({ ...session, lastAnsweredTurnId: 't1' });
    await expect(latest.run(transcribed('c1', 't1', 'hello'))).resolves.toBe('answered-before');
    expect(latest.spoken.map((r) => r.requestId)).toEqual(['u-1']);
    const superseded = handlerWith({ ...session, lastAnsweredTurnId: 't2' });
    await superseded.run(transcribed('c1', 't1', 'hello'));
    expect([...superseded.spoken, ...latest.appended, ...superseded.appended]).toEqual([]);
  });
});
