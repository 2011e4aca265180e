import { type CallEvent, CallHandler, EscalationOutcome } from '@warmline/contracts';
import { initialState as sagaInitial, type EscalationState } from '../escalation';
import { defaultAgentSessionConfig as config } from './config';
import { decide } from './decide';
import { escalationViewOf, type EscalationView } from './escalationView';
import type { AgentSessionInput } from './inputs';
import { foldCall } from './state';

const CALL = 'call-9';
const T0 = 1_700_000_000_000;
const handlers = {
  builtIn: CallHandler.CALL_HANDLER_BUILT_IN_AGENT,
  sdk: CallHandler.CALL_HANDLER_SDK,
};

const callEvent = (n: number, payload: CallEvent['payload']): CallEvent => ({
  eventId: `e${n}`,
  callId: CALL,
  occurredAt: new Date(T0 + n),
  causationId: '',
  correlationId: CALL,
  payload,
});
const started = (handler: CallHandler) =>
  callEvent(1, {
    $case: 'started',
    value: {
      callerNumber: '+15550100',
      calleeNumber: '+15550199',
      connectorId: 'c1',
      transport: 1,
      gatewayId: 'gw',
      handler,
      carrierCallId: '',
      customParameters: {},
    },
  });
const answered = callEvent(2, { $case: 'answered', value: {} });
const terminated = callEvent(3, { $case: 'terminated', value: { reason: 1, detail: '' } });

const at = (kind: AgentSessionInput['kind'], extra: object = {}): AgentSessionInput =>
  ({ kind, inputId: `${kind}-1`, nowMs: T0 + 500, ...extra }) as AgentSessionInput;

/** given the call's events (and the saga's view), when an input: the effects. */
const given = (events: CallEvent[], escalation: EscalationView = 'none') => ({
  when: (input: AgentSessionInput) =>
    decide(input, { state: foldCall(CALL, events), escalation, config }),
});

const ids = {
  answer: 'call-9:command:answer',
  greeting: 'call-9:utterance:greeting',
  goodbye: 'call-9:utterance:goodbye',
  goodbyeTimer: 'call-9:timer:goodbye',
  disconnect: 'call-9:command:disconnect',
};
const speak = (utteranceId: string, text: string) => ({
  kind: 'Speak',
  utteranceId,
  callId: CALL,
  text,
  audience: 'caller',
  cacheable: true,
});

describe('the built-in agent answers and greets', () => {
  it('answers a call routed to the built-in agent', () => {
    expect(
      given([started(handlers.builtIn)]).when(at('CallStarted', { handler: handlers.builtIn })),
    ).toEqual([{ kind: 'AnswerCall', commandId: ids.answer, callId: CALL }]);
  });

  it('leaves an SDK call alone: no answer, no greeting, no goodbye', () => {
    const sdk = [started(handlers.sdk)];
    expect(given(sdk).when(at('CallStarted', { handler: handlers.sdk }))).toEqual([]);
    expect(given([...sdk, answered]).when(at('CallAnswered'))).toEqual([]);
    expect(given([...sdk, answered]).when(at('HangupRequested'))).toEqual([]);
  });

  it('does not answer again once the call is answered (a late redelivery)', () => {
    const history = [started(handlers.builtIn), answered];
    expect(given(history).when(at('CallStarted', { handler: handlers.builtIn }))).toEqual([]);
  });

  it('greets the caller once answered, with the configured line and a cacheable utterance', () => {
    expect(given([started(handlers.builtIn), answered]).when(at('CallAnswered'))).toEqual([
      speak(ids.greeting, config.greeting),
    ]);
  });

  it('a redelivered CallAnswered asks for the same utterance id (tts drops the repeat)', () => {
    const history = [started(handlers.builtIn), answered];
    expect(given(history).when(at('CallAnswered'))).toEqual(
      given(history).when({ ...at('CallAnswered'), inputId: 'redelivered', nowMs: T0 + 9_000 }),
    );
  });

  it('does nothing for a call that already ended', () => {
    const ended = [started(handlers.builtIn), answered, terminated];
    expect(given(ended).when(at('CallAnswered'))).toEqual([]);
    expect(given(ended).when(at('HangupRequested'))).toEqual([]);
    expect(given(ended).when(at('SpeechPlayed', { utteranceId: ids.goodbye }))).toEqual([]);
  });
});

describe('the built-in agent ends the call', () => {
  const live = [started(handlers.builtIn), answered];

  it('says goodbye and arms a guard, instead of hanging up at once', () => {
    expect(given(live).when(at('HangupRequested'))).toEqual([
      speak(ids.goodbye, config.goodbye),
      {
        kind: 'ScheduleTimer',
        timerId: ids.goodbyeTimer,
        dueAtMs: T0 + 500 + config.goodbyeTimeoutMs,
        purpose: 'goodbye',
      },
    ]);
  });

  it.each([
    ['the goodbye played', at('SpeechPlayed', { utteranceId: ids.goodbye })],
    ['the guard fired', at('TimerFired', { timerId: ids.goodbyeTimer })],
  ])('once %s, hands the end to the saga under one input id', (_what, input) => {
    expect(given(live).when(input)).toEqual([
      { kind: 'CancelTimer', timerId: ids.goodbyeTimer },
      {
        kind: 'HandToSaga',
        input: { kind: 'AgentFinished', inputId: 'call-9:agent-finished', nowMs: T0 + 500 },
      },
    ]);
  });

  it('ignores other utterances and timers', () => {
    expect(given(live).when(at('SpeechPlayed', { utteranceId: 'reply-4' }))).toEqual([]);
    expect(given(live).when(at('TimerFired', { timerId: 'call-9:timer:announce' }))).toEqual([]);
  });

  it('stays quiet while the escalation saga holds the call', () => {
    expect(given(live, 'active').when(at('HangupRequested'))).toEqual([]);
    expect(given(live, 'over').when(at('HangupRequested'))).toEqual([]);
  });

  it('after a return to the AI, disconnects itself under the saga disconnect id', () => {
    expect(given(live, 'returned').when(at('HangupRequested'))[0]).toMatchObject({
      kind: 'Speak',
      utteranceId: ids.goodbye,
    });
    expect(given(live, 'returned').when(at('SpeechPlayed', { utteranceId: ids.goodbye }))).toEqual([
      { kind: 'CancelTimer', timerId: ids.goodbyeTimer },
      {
        kind: 'SendCallCommand',
        commandId: ids.disconnect,
        callId: CALL,
        command: { $case: 'disconnect', value: {} },
      },
    ]);
  });
});

describe('escalationViewOf', () => {
  const finished = (outcome: EscalationOutcome): EscalationState => ({
    ...sagaInitial(CALL),
    phase: { status: 'Finished', outcome, detail: '' },
  });
  it('maps the saga phase', () => {
    expect(escalationViewOf(sagaInitial(CALL))).toBe('none');
    expect(
      escalationViewOf({ ...sagaInitial(CALL), phase: { status: 'Announcing', effectId: 'x' } }),
    ).toBe('active');
    expect(escalationViewOf(finished(EscalationOutcome.ESCALATION_OUTCOME_RETURNED_TO_AGENT))).toBe(
      'returned',
    );
    expect(escalationViewOf(finished(EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED))).toBe(
      'over',
    );
  });
});
