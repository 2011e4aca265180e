import { EscalationOutcome } from '@warmline/contracts';
import { escalationConfig } from './escalationConfig';
import { escalationSpec } from './testing/escalationSpec';
import { T0, fx, ids, input } from './testing/fixtures';

const APOLOGY =
  "I'm sorry, nobody is available to take your call right now. " +
  "Please leave a message after the tone, or press 1 if you'd rather we call you back.";

const spec = escalationSpec(escalationConfig());
const ringing = [
  input.requested(T0),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
];
const AT = T0 + 33_000;
const apology = [
  fx.cancel('connect'),
  fx.speak(ids.apology, APOLOGY),
  fx.schedule('apology', AT + 15_000),
];

describe('connect fails: the saga apologises and offers what comes next', () => {
  it.each(['CALL_UNANSWERED', 'CALLEE_BUSY', 'CALLEE_DECLINED', 'CALLEE_UNREACHABLE'])(
    '%s: apology with the offer; no callee leg is left to clean up',
    (code) => {
      const { decision, after } = spec.given(...ringing).when(input.connectFailed(code, AT));
      expect(decision.effects).toEqual(apology);
      expect(after.phase).toEqual({ status: 'Apologizing', effectId: ids.apology });
      expect(after.calleeLeg).toBe('none');
      expect(decision.events[0]?.payload).toEqual({
        $case: 'inputAccepted',
        value: { inputId: `connect-failed:${code}@${AT}`, kind: 'CallConnectFailed', detail: code },
      });
    },
  );

  it('call-control rejects the connect command itself (WRONG_STATE): same apology, no leg', () => {
    const { decision, after } = spec
      .given(...ringing)
      .when(input.rejected(ids.connect, 'WRONG_STATE', AT));
    expect(decision.effects).toEqual(apology);
    expect(after.calleeLeg).toBe('none');
  });

  it('call-control never reports: the connect guard apologises, and the leg may still be ringing', () => {
    const { decision, after } = spec.given(...ringing).when(input.fired('connect', AT));
    expect(decision.effects).toEqual(apology.slice(1)); // a fired timer needs no cancelling
    expect(after.calleeLeg).toBe('ringing');
    expect(decision.events[0]?.payload).toEqual({
      $case: 'timerFired',
      value: { timerId: ids.timer('connect') },
    });
  });

  it('a rejection of some other command while ringing is recorded and changes nothing', () => {
    const { decision, after, before } = spec
      .given(...ringing)
      .when(input.rejected('other', 'WRONG_STATE', AT));
    expect(decision.effects).toEqual([]);
    expect(decision.events.map((e) => e.payload?.$case)).toEqual(['inputAccepted']);
    expect(after.phase).toEqual(before.phase);
  });
});

describe('a late answer after the connect guard gave up still reaches a human', () => {
  const gaveUp = [...ringing, input.fired('connect', AT)];

  it('while apologising: brief and leave as on the happy path', () => {
    const { decision, after } = spec.given(...gaveUp).when(input.connected(AT + 2_000));
    expect(decision.effects).toEqual([
      fx.cancel('apology'),
      fx.whisper(),
      fx.schedule('agent-mode', AT + 2_000 + 3_000),
    ]);
    expect(after.phase.status).toBe('SwitchingToWhisper');
  });

  it('while waiting for the caller to choose', () => {
    const offering = [...gaveUp, input.played(ids.apology, AT + 8_000)];
    const { decision } = spec.given(...offering).when(input.connected(AT + 9_000));
    expect(decision.effects).toEqual([
      fx.cancel('choice'),
      fx.whisper(),
      fx.schedule('agent-mode', AT + 9_000 + 3_000),
    ]);
  });

  it('but a late failure after the guard changes nothing (one apology only)', () => {
    const { decision, after } = spec
      .given(...gaveUp)
      .when(input.connectFailed('CALL_UNANSWERED', AT + 1_000));
    expect(decision.effects).toEqual([]);
    expect(after.phase.status).toBe('Apologizing');
    expect(after.calleeLeg).toBe('none');
  });
});

describe('WHISPER is refused or never confirmed: the briefing is skipped, never risked', () => {
  const answered = [...ringing, input.connected(T0 + 20_000)];

  it('rejected: close straight away, no briefing is spoken', () => {
    const refusal = input.rejected(ids.whisper, 'WRONG_STATE', T0 + 20_500);
    expect(spec.given(...answered).when(refusal).decision.effects).toEqual([
      fx.cancel('agent-mode'),
      fx.close(),
      fx.schedule('leave', T0 + 20_500 + 5_000),
    ]);
  });

  it('not confirmed in time: close straight away, no briefing is spoken', () => {
    const guard = input.fired('agent-mode', T0 + 20_500);
    expect(spec.given(...answered).when(guard).decision.effects).toEqual([
      fx.close(),
      fx.schedule('leave', T0 + 20_500 + 5_000),
    ]);
  });

  it('a mode change to something other than WHISPER does not start the briefing', () => {
    const { decision } = spec.given(...answered).when(input.modeChanged(T0 + 20_100, 1));
    expect(decision.effects).toEqual([]);
  });

  it('the leave guard finishes TRANSFERRED when AGENT_LEFT never comes', () => {
    const leaving = [
      ...answered,
      input.modeChanged(T0 + 20_100),
      input.played(ids.briefing, T0 + 25_000),
    ];
    const { decision, after } = spec.given(...leaving).when(input.fired('leave', T0 + 30_000));
    expect(decision.effects).toEqual([]);
    expect(after.phase).toEqual({
      status: 'Finished',
      outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
      detail: 'close sent, not yet confirmed',
    });
  });
});
