import { EscalationOutcome, EscalationReason, TerminationReason } from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { escalationSpec, runInputs } from './testing/escalationSpec';
import { CALL_ID, T0, fx, ids, input } from './testing/fixtures';

const AGENT_LEFT = TerminationReason.TERMINATION_REASON_AGENT_LEFT;
const TRANSITION = 'Let me connect you with a specialist who can help.';
const BRIEFING =
  'Transferring Dana Reyes: they asked to speak to a person. ' +
  'Wants to dispute a double charge; refund policy explained twice.';

const config = escalationConfig();
const spec = escalationSpec(config);

const saved = input.contextSaved(T0 + 200);
const announced = input.played(ids.transition, T0 + 3_000);
const answered = input.connected(T0 + 20_000);
const whispering = input.modeChanged(T0 + 20_100);
const briefed = input.played(ids.briefing, T0 + 26_000);
const left = input.terminated(T0 + 26_500, AGENT_LEFT);

describe('escalation happy path, briefing on', () => {
  const requested = input.requested(T0, 'Dana Reyes');

  it('starts by saving the context, keyed by call id, with reason, summary and caller number', () => {
    const { decision, after } = spec.given().when(requested);
    expect(decision.effects).toEqual([
      {
        kind: 'SaveContext',
        requestId: ids.saveEscalation,
        callId: CALL_ID,
        reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
        summary: 'Wants to dispute a double charge; refund policy explained twice.',
        callerNumber: '+15550100',
      },
      fx.schedule('save-context', T0 + 3_000),
    ]);
    expect(after.phase).toEqual({ status: 'SavingContext', effectId: ids.saveEscalation });
  });

  it('says the transition line once the context is saved', () => {
    const { decision } = spec.given(requested).when(saved);
    expect(decision.effects).toEqual([
      fx.cancel('save-context'),
      fx.speak(ids.transition, TRANSITION),
      fx.schedule('announce', T0 + 200 + 15_000),
    ]);
  });

  it('connects with the configured ring time once the line has played, guarded by ring time + margin', () => {
    const { decision } = spec.given(requested, saved).when(announced);
    expect(decision.effects).toEqual([
      fx.cancel('announce'),
      fx.command(ids.connect, {
        $case: 'connect',
        value: {
          ringTimeSeconds: 30,
          handoffData: {
            callId: CALL_ID,
            reason: 'ESCALATION_REASON_CALLER_ASKED',
            contextId: 'ctx-1',
          },
        },
      }),
      fx.schedule('connect', T0 + 3_000 + 30_000 + 5_000),
    ]);
  });

  it('switches to WHISPER when the callee answers, and waits for it before any briefing', () => {
    const { decision, after } = spec.given(requested, saved, announced).when(answered);
    expect(decision.effects).toEqual([
      fx.cancel('connect'),
      fx.whisper(),
      fx.schedule('agent-mode', T0 + 20_000 + 3_000),
    ]);
    expect(after.calleeLeg).toBe('connected');
  });

  it('whispers the briefing to the callee only once WHISPER is confirmed', () => {
    const { decision } = spec.given(requested, saved, announced, answered).when(whispering);
    expect(decision.effects).toEqual([
      fx.cancel('agent-mode'),
      fx.speak(ids.briefing, BRIEFING, 'callee'),
      fx.schedule('briefing', T0 + 20_100 + 30_000),
    ]);
  });

  it('closes after the briefing, and finishes TRANSFERRED when call-control reports AGENT_LEFT', () => {
    const history = [requested, saved, announced, answered, whispering];
    expect(spec.given(...history).when(briefed).decision.effects).toEqual([
      fx.cancel('briefing'),
      fx.close(),
      fx.schedule('leave', T0 + 26_000 + 5_000),
    ]);
    const { decision, after } = spec.given(...history, briefed).when(left);
    expect(decision.effects).toEqual([fx.cancel('leave')]);
    expect(after.phase).toEqual({
      status: 'Finished',
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
      detail: 'the agent left; caller and callee are bridged',
    });
  });

  it('issues exactly these effects over the whole path, each id once, the caller hearing only the transition line', () => {
    const run = runInputs(config, [
      requested,
      saved,
      announced,
      answered,
      whispering,
      briefed,
      left,
    ]);
    const kinds = run.effects.filter((e) => e.kind !== 'ScheduleTimer' && e.kind !== 'CancelTimer');
    expect(kinds).toEqual([
      expect.objectContaining({ kind: 'SaveContext' }),
      fx.speak(ids.transition, TRANSITION),
      expect.objectContaining({ commandId: ids.connect }),
      fx.whisper(),
      fx.speak(ids.briefing, BRIEFING, 'callee'),
      fx.close(),
    ]);
    const callerLines = run.effects.filter((e) => e.kind === 'Speak' && e.audience === 'caller');
    expect(callerLines).toEqual([fx.speak(ids.transition, TRANSITION)]);
    expect(run.state.timers).toEqual([]);
  });

  it('appends the decisions to its own stream: inputs, steps with their effect ids, timers, outcome', () => {
    const run = runInputs(config, [
      requested,
      saved,
      announced,
      answered,
      whispering,
      briefed,
      left,
    ]);
    const summary = run.events.map(({ payload }) => {
      switch (payload?.$case) {
        case 'stepEntered':
          return `step ${payload.value.step} ${payload.value.effectId}`;
        case 'timerScheduled':
          return `timer ${payload.value.purpose}`;
        case 'inputAccepted':
          return `input ${payload.value.kind}`;
        case 'finished':
          return `finished ${payload.value.outcome}`;
        default:
          return payload?.$case;
      }
    });
    expect(summary).toEqual([
      'input EscalationRequested',
      'started',
      `step 1 ${ids.saveEscalation}`,
      'timer save-context',
      'input ContextSaved',
      `step 2 ${ids.transition}`,
      'timer announce',
      'input SpeechPlayed',
      `step 3 ${ids.connect}`,
      'timer connect',
      'input CallConnected',
      `step 8 ${ids.whisper}`,
      'timer agent-mode',
      'input AgentModeChanged',
      `step 4 ${ids.briefing}`,
      'timer briefing',
      'input SpeechPlayed',
      `step 5 ${ids.close}`,
      'timer leave',
      'input CallTerminated',
      'step 7 ',
      'finished 1',
    ]);
  });

  it('says "a caller" in the briefing when the name is unknown', () => {
    const history = [input.requested(T0), saved, announced, answered];
    const { decision } = spec.given(...history).when(whispering);
    expect(decision.effects[1]).toEqual(
      fx.speak(ids.briefing, BRIEFING.replace('Dana Reyes', 'a caller'), 'callee'),
    );
  });
});

describe('escalation happy path, briefing off', () => {
  const quiet = escalationSpec(escalationConfig({ briefing: { enabled: false } }));
  const requested = input.requested(T0);

  it('closes as soon as the callee answers: no WHISPER, no briefing', () => {
    const { decision } = quiet.given(requested, saved, announced).when(answered);
    expect(decision.effects).toEqual([
      fx.cancel('connect'),
      fx.close(),
      fx.schedule('leave', T0 + 20_000 + 5_000),
    ]);
  });

  it('finishes TRANSFERRED on AGENT_LEFT', () => {
    const { after } = quiet.given(requested, saved, announced, answered).when(left);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
  });
});

describe('configuration reaches the effects', () => {
  it('uses the configured transition line and ring time', () => {
    const custom = escalationSpec(
      escalationConfig({
        transitionLine: 'One moment, a colleague will help.',
        ringTimeSeconds: 45,
      }),
    );
    const requested = input.requested(T0);
    expect(custom.given(requested).when(saved).decision.effects[1]).toEqual(
      fx.speak(ids.transition, 'One moment, a colleague will help.'),
    );
    const { decision } = custom.given(requested, saved).when(announced);
    expect(decision.effects[1]).toMatchObject({ command: { value: { ringTimeSeconds: 45 } } });
    expect(decision.effects[2]).toEqual(fx.schedule('connect', T0 + 3_000 + 45_000 + 5_000));
  });
});
