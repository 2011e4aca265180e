import { escalationConfig } from './escalationConfig';
import { escalationSpec } from './testing/escalationSpec';
import { CALL_ID, T0, fx, ids, input } from './testing/fixtures';

const spec = escalationSpec(escalationConfig());
const requested = [input.requested(T0)];
const announcing = [...requested, input.contextSaved(T0 + 200)];

describe('saving the context: the handoff does not wait on it', () => {
  it('a failed save still announces; connect then carries no context id (the call id finds it)', () => {
    const failed = input.contextSaveFailed(T0 + 200);
    const { decision } = spec.given(...requested).when(failed);
    expect(decision.effects.map((e) => e.kind)).toEqual(['CancelTimer', 'Speak', 'ScheduleTimer']);
    const connect = spec.given(...requested, failed).when(input.played(ids.transition, T0 + 3_000));
    expect(connect.decision.effects[1]).toEqual(
      fx.command(ids.connect, {
        $case: 'connect',
        value: {
          ringTimeSeconds: 30,
          handoffData: { callId: CALL_ID, reason: 'ESCALATION_REASON_CALLER_ASKED' },
        },
      }),
    );
  });

  it('no answer within the guard: announces anyway', () => {
    const { decision, after } = spec
      .given(...requested)
      .when(input.fired('save-context', T0 + 3_000));
    expect(decision.effects.map((e) => e.kind)).toEqual(['Speak', 'ScheduleTimer']);
    expect(after.phase.status).toBe('Announcing');
  });

  it('an answer to another save request is recorded and changes nothing', () => {
    const other = input.contextSaved(T0 + 200, 'someone-else');
    const { decision, after } = spec.given(...requested).when(other);
    expect(decision.effects).toEqual([]);
    expect(after.phase.status).toBe('SavingContext');
  });
});

describe('the transition line', () => {
  it('cut short by the caller still counts as played', () => {
    const { decision } = spec
      .given(...announcing)
      .when(input.played(ids.transition, T0 + 1_000, true));
    expect(decision.effects[1]).toMatchObject({ commandId: ids.connect });
  });

  it('never reported: the guard connects anyway', () => {
    const { decision } = spec.given(...announcing).when(input.fired('announce', T0 + 15_200));
    expect(decision.effects[0]).toMatchObject({ commandId: ids.connect });
  });

  it('another utterance finishing does not count', () => {
    const { decision, after } = spec
      .given(...announcing)
      .when(input.played('call-1:reply-3', T0 + 900));
    expect(decision.effects).toEqual([]);
    expect(after.phase.status).toBe('Announcing');
  });
});

describe('the briefing and stale timers', () => {
  const briefing = [
    ...announcing,
    input.played(ids.transition, T0 + 3_000),
    input.connected(T0 + 20_000),
    input.modeChanged(T0 + 20_100),
  ];

  it('a briefing never reported as played: the guard leaves anyway', () => {
    const { decision } = spec.given(...briefing).when(input.fired('briefing', T0 + 50_100));
    expect(decision.effects).toEqual([fx.close(), fx.schedule('leave', T0 + 50_100 + 5_000)]);
  });

  it('a timer that fires after its step was left (the cancel lost the race) is recorded as stale', () => {
    const { decision, before, after } = spec
      .given(...briefing)
      .when(input.fired('connect', T0 + 38_000));
    expect(decision.effects).toEqual([]);
    expect(decision.events.map((e) => e.payload)).toEqual([
      {
        $case: 'inputAccepted',
        value: {
          inputId: ids.timer('connect'),
          kind: 'TimerFired',
          detail: `${ids.timer('connect')} (not armed)`,
        },
      },
    ]);
    expect(after.phase).toEqual(before.phase);
  });
});

describe('leaving', () => {
  const leaving = [
    ...announcing,
    input.played(ids.transition, T0 + 3_000),
    input.connected(T0 + 20_000),
    input.modeChanged(T0 + 20_100),
    input.played(ids.briefing, T0 + 26_000),
  ];
  const rejected = input.rejected(ids.close, 'WRONG_STATE', T0 + 26_100);

  it('a rejected close is recorded; the guard then stands by the transfer', () => {
    const { decision, after } = spec.given(...leaving).when(rejected);
    expect(decision.effects).toEqual([]);
    expect(after.phase.status).toBe('Leaving');
    const guard = spec.given(...leaving, rejected).when(input.fired('leave', T0 + 31_000));
    expect(guard.after.phase).toMatchObject({
      status: 'Finished',
      detail: 'close sent, not yet confirmed',
    });
  });
});
