import { EscalationOutcome, EscalationReason } from '@warmline/contracts';
import { NO_DECISION } from './decide';
import { escalationConfig } from './escalationConfig';
import { escalationSpec } from './testing/escalationSpec';
import { CALL_ID, T0, fx, ids, input } from './testing/fixtures';

const spec = escalationSpec(escalationConfig());
const HANDLED_BY_AGENT = EscalationOutcome.ESCALATION_OUTCOME_HANDLED_BY_AGENT;
const finalSave = {
  kind: 'SaveContext',
  requestId: ids.saveFinal,
  callId: CALL_ID,
  reason: EscalationReason.ESCALATION_REASON_UNSPECIFIED,
  summary: '',
  callerNumber: '',
};

describe('the AI finishes the call without escalating', () => {
  it('keeps the context, then ends the call with disconnect(); outcome HANDLED_BY_AGENT', () => {
    const { decision, after } = spec.given().when(input.agentFinished(T0));
    expect(decision.effects).toEqual([finalSave, fx.disconnect()]);
    expect(after.phase).toEqual({
      status: 'Finished',
      outcome: HANDLED_BY_AGENT,
      detail: 'the agent ended the call',
    });
  });

  it('the caller hangs up on the AI: the context is kept, there is nothing to disconnect', () => {
    const { decision, after } = spec.given().when(input.terminated(T0));
    expect(decision.effects).toEqual([finalSave]);
    expect(after.phase).toMatchObject({ outcome: HANDLED_BY_AGENT });
  });

  it('other inputs before an escalation are not the saga business: nothing is appended', () => {
    expect(spec.given().when(input.played('call-1:reply-3', T0)).decision).toEqual(NO_DECISION);
    expect(spec.given().when(input.fired('connect', T0)).decision).toEqual(NO_DECISION);
    expect(spec.given().when(input.connectFailed('CALL_UNANSWERED', T0)).decision).toEqual(
      NO_DECISION,
    );
  });
});

describe('once finished, late input is recorded and never acted on', () => {
  const finished = [input.agentFinished(T0)];

  it.each([
    ['an escalation request', input.requested(T0 + 1_000)],
    ['a second AgentFinished', input.agentFinished(T0 + 1_000)],
    ['a connect', input.connected(T0 + 1_000)],
    ['a hang-up', input.terminated(T0 + 1_000)],
    ['a rejection of the disconnect', input.rejected(ids.disconnect, 'WRONG_STATE', T0 + 1_000)],
  ])('%s', (_what, late) => {
    const { decision, after, before } = spec.given(...finished).when(late);
    expect(decision.effects).toEqual([]);
    expect(decision.events.map((e) => e.payload?.$case)).toEqual(['inputAccepted']);
    expect(after.phase).toEqual(before.phase);
  });

  it('an escalation request after the escalation started is recorded, not restarted', () => {
    const started = [input.requested(T0)];
    const { decision, after } = spec.given(...started).when(input.requested(T0 + 500));
    expect(decision.effects).toEqual([]);
    expect(after.phase).toEqual({ status: 'SavingContext', effectId: ids.saveEscalation });
  });
});
