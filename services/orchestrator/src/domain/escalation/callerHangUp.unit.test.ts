import { EscalationOutcome, TerminationReason } from '@warmline/contracts';
import type { Effect } from './effects';
import { escalationConfig } from './escalationConfig';
import type { EscalationInput } from './inputs';
import { escalationSpec } from './testing/escalationSpec';
import { T0, fx, ids, input } from './testing/fixtures';

const spec = escalationSpec(escalationConfig({ fallback: { mode: 'voicemail' } }));
const HUNG_UP_AT = T0 + 60_000;

const requested = [input.requested(T0)];
const announcing = [...requested, input.contextSaved(T0 + 200)];
const connecting = [...announcing, input.played(ids.transition, T0 + 3_000)];
const whispering = [...connecting, input.connected(T0 + 20_000)];
const briefing = [...whispering, input.modeChanged(T0 + 20_100)];
const leaving = [...briefing, input.played(ids.briefing, T0 + 26_000)];
const apologisingAfterFailure = [
  ...connecting,
  input.connectFailed('CALL_UNANSWERED', T0 + 33_000),
];
const apologisingAfterGuard = [...connecting, input.fired('connect', T0 + 38_000)];
const offering = [...apologisingAfterFailure, input.played(ids.apology, T0 + 40_000)];

describe('the caller hangs up: every timer is disarmed, every live leg cleaned up, outcome ABANDONED', () => {
  it.each<[string, EscalationInput[], Effect[]]>([
    ['while the context is saved', requested, [fx.cancel('save-context')]],
    ['during the transition line', announcing, [fx.cancel('announce')]],
    ['while the callee rings', connecting, [fx.cancel('connect'), fx.disconnect()]],
    ['while WHISPER is being set', whispering, [fx.cancel('agent-mode'), fx.disconnect()]],
    ['during the briefing', briefing, [fx.cancel('briefing'), fx.disconnect()]],
    ['after close, before AGENT_LEFT', leaving, [fx.cancel('leave'), fx.disconnect()]],
    ['during the apology after a failed connect', apologisingAfterFailure, [fx.cancel('apology')]],
    [
      'during the apology after the connect guard (the leg may still ring)',
      apologisingAfterGuard,
      [fx.cancel('apology'), fx.disconnect()],
    ],
    ['while the caller is offered a choice', offering, [fx.cancel('choice')]],
  ])('%s', (_step, history, effects) => {
    const { decision, after, before } = spec.given(...history).when(input.terminated(HUNG_UP_AT));
    expect(decision.effects).toEqual(effects);
    expect(after.phase).toEqual({
      status: 'Finished',
      outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
      detail: `TERMINATION_REASON_CALLER_HUNG_UP while ${before.phase.status}`,
    });
    expect(after.timers).toEqual([]);
    expect(after.callEnded).toBe(true);
  });

  it.each([
    TerminationReason.TERMINATION_REASON_MEDIA_LOST,
    TerminationReason.TERMINATION_REASON_SERVER_TERMINATED,
    TerminationReason.TERMINATION_REASON_CALLEE_HUNG_UP,
  ])('any other end of the call (%s) abandons the escalation the same way', (reason) => {
    const { decision, after } = spec.given(...briefing).when(input.terminated(HUNG_UP_AT, reason));
    expect(decision.effects).toEqual([fx.cancel('briefing'), fx.disconnect()]);
    expect(after.phase).toMatchObject({ outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED });
  });

  it('records the end of the call in the stream before finishing', () => {
    const { decision } = spec.given(...connecting).when(input.terminated(HUNG_UP_AT));
    expect(decision.events.map((e) => e.payload)).toEqual([
      {
        $case: 'inputAccepted',
        value: {
          inputId: `terminated@${HUNG_UP_AT}`,
          kind: 'CallTerminated',
          detail: 'TERMINATION_REASON_CALLER_HUNG_UP',
        },
      },
      { $case: 'stepEntered', value: { step: 7, effectId: ids.disconnect } },
      {
        $case: 'finished',
        value: {
          outcome: EscalationOutcome.ESCALATION_OUTCOME_ABANDONED,
          detail: 'TERMINATION_REASON_CALLER_HUNG_UP while Connecting',
        },
      },
    ]);
  });
});
