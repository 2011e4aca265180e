import {
  AgentMode,
  EscalationOutcome,
  type EscalationEvent,
  TerminationReason,
} from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { escalationSpec, runInputs } from './testing/escalationSpec';
import { CALL_ID, T0, fx, ids, input } from './testing/fixtures';
import { foldEscalation } from './workflow';
import type { EscalationInput } from './inputs';

const { AGENT_MODE_BARGE: BARGE, AGENT_MODE_WHISPER: WHISPER, AGENT_MODE_SPY: SPY } = AgentMode;

const config = escalationConfig();
const spec = escalationSpec(config);

/** The escalation request on a call whose gateway can mix `agentModes`. */
const requestedOn = (agentModes: readonly AgentMode[] | undefined): EscalationInput => ({
  ...input.requested(T0),
  ...(agentModes === undefined ? {} : { agentModes }),
});

const saved = input.contextSaved(T0 + 200);
const announced = input.played(ids.transition, T0 + 3_000);
const answered = input.connected(T0 + 20_000);
const left = input.terminated(T0 + 20_400, TerminationReason.TERMINATION_REASON_AGENT_LEFT);

describe('the briefing follows what the call can mix (CallStarted.capabilities)', () => {
  it('closes right after connect on a call that cannot whisper (a carrier stream: no modes)', () => {
    const requested = requestedOn([]);
    const { decision, after } = spec.given(requested, saved, announced).when(answered);
    expect(decision.effects).toEqual([
      fx.cancel('connect'),
      fx.close(),
      fx.schedule('leave', T0 + 20_000 + 5_000),
    ]);
    expect(after.phase).toEqual({ status: 'Leaving', effectId: ids.close });
    const done = spec.given(requested, saved, announced, answered).when(left);
    expect(done.after.phase).toMatchObject({
      status: 'Finished',
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
    });
  });

  it('skips it when the call can barge and spy but not whisper', () => {
    const { decision } = spec.given(requestedOn([BARGE, SPY]), saved, announced).when(answered);
    expect(decision.effects).toContainEqual(fx.close());
    expect(decision.effects).not.toContainEqual(fx.whisper());
  });

  it('switches to WHISPER and briefs on a call that can whisper (SIP)', () => {
    const { decision, after } = spec
      .given(requestedOn([BARGE, WHISPER, SPY]), saved, announced)
      .when(answered);
    expect(decision.effects).toEqual([
      fx.cancel('connect'),
      fx.whisper(),
      fx.schedule('agent-mode', T0 + 20_000 + 3_000),
    ]);
    expect(after.phase).toEqual({ status: 'SwitchingToWhisper', effectId: ids.whisper });
  });

  it('never whispers on a call that cannot, over the whole path', () => {
    const run = runInputs(config, [requestedOn([]), saved, announced, answered, left]);
    const commands = run.effects.filter((e) => e.kind === 'SendCallCommand');
    expect(commands).toEqual([expect.objectContaining({ commandId: ids.connect }), fx.close()]);
    expect(run.effects.filter((e) => e.kind === 'Speak' && e.audience === 'callee')).toEqual([]);
  });

  it('records the capabilities in the started event, so a replay decides the same', () => {
    const run = runInputs(config, [requestedOn([SPY])]);
    const started = run.events.find((e) => e.payload?.$case === 'started');
    expect(started?.payload).toMatchObject({ value: { capabilities: { agentModes: [SPY] } } });
    expect(run.state.escalation?.whisperSupported).toBe(false);
  });

  it('assumes every mode when the call start is unknown, or the saga was started before capabilities were recorded', () => {
    const unknown = spec.given(requestedOn(undefined), saved, announced).when(answered);
    expect(unknown.decision.effects).toContainEqual(fx.whisper());

    const legacy = runInputs(config, [requestedOn([])]);
    const withoutCapabilities = legacy.events.map((event): EscalationEvent => {
      const { payload } = event;
      if (payload?.$case !== 'started') return event;
      return {
        ...event,
        payload: { ...payload, value: { ...payload.value, capabilities: undefined } },
      };
    });
    expect(legacy.state.escalation?.whisperSupported).toBe(false);
    const folded = foldEscalation(CALL_ID, withoutCapabilities);
    expect(folded.escalation?.whisperSupported).toBe(true);
  });

  it('still never briefs when the briefing is configured off, whatever the call can do', () => {
    const quiet = escalationSpec(escalationConfig({ briefing: { enabled: false } }));
    const { decision } = quiet
      .given(requestedOn([BARGE, WHISPER, SPY]), saved, announced)
      .when(answered);
    expect(decision.effects).not.toContainEqual(fx.whisper());
    expect(decision.effects).toContainEqual(fx.close());
  });
});
