import { EscalationOutcome } from '@warmline/contracts';
import type { FallbackMode } from './config';
import { escalationConfig } from './escalationConfig';
import { escalationSpec } from './testing/escalationSpec';
import { T0, fx, ids, input } from './testing/fixtures';

const SORRY = "I'm sorry, nobody is available to take your call right now.";
const AT = T0 + 33_000;

const specFor = (mode: FallbackMode) => escalationSpec(escalationConfig({ fallback: { mode } }));
const apologising = [
  input.requested(T0),
  input.contextSaved(T0 + 200),
  input.played(ids.transition, T0 + 3_000),
  input.connectFailed('CALLEE_BUSY', AT),
];
const apologyPlayed = input.played(ids.apology, AT + 7_000);

describe.each<[FallbackMode, string]>([
  ['return-to-agent', "I'm still here and will do my best to help you."],
  ['end', "We'll call you back at this number as soon as someone is free. Goodbye."],
  [
    'voicemail',
    "Please leave a message after the tone, or press 1 if you'd rather we call you back.",
  ],
])('fallback mode %s', (mode, line) => {
  it('apologises with the mode line', () => {
    const { decision } = specFor(mode)
      .given(...apologising.slice(0, 3))
      .when(apologising[3]!);
    expect(decision.effects[1]).toEqual(fx.speak(ids.apology, `${SORRY} ${line}`));
  });
});

describe('after the apology', () => {
  it('return-to-agent: finishes RETURNED_TO_AGENT and leaves the call to the AI (no disconnect)', () => {
    const { decision, after } = specFor('return-to-agent')
      .given(...apologising)
      .when(apologyPlayed);
    expect(decision.effects).toEqual([fx.cancel('apology')]);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_RETURNED_TO_AGENT,
    });
  });

  it('end: hangs up with disconnect, outcome CALLBACK_OFFERED', () => {
    const { decision, after } = specFor('end')
      .given(...apologising)
      .when(apologyPlayed);
    expect(decision.effects).toEqual([fx.cancel('apology'), fx.disconnect()]);
    expect(after.phase).toMatchObject({
      outcome: EscalationOutcome.ESCALATION_OUTCOME_CALLBACK_OFFERED,
    });
  });

  it('voicemail: waits for the caller to choose, guarded', () => {
    const { decision, after } = specFor('voicemail')
      .given(...apologising)
      .when(apologyPlayed);
    expect(decision.effects).toEqual([
      fx.cancel('apology'),
      fx.schedule('choice', AT + 7_000 + 6_000),
    ]);
    expect(after.phase).toEqual({ status: 'Offering', effectId: '' });
  });

  it.each<FallbackMode>(['return-to-agent', 'end', 'voicemail'])(
    '%s: the apology guard goes on exactly as if it had played',
    (mode) => {
      const guard = input.fired('apology', AT + 7_000);
      const byGuard = specFor(mode)
        .given(...apologising)
        .when(guard);
      const byPlay = specFor(mode)
        .given(...apologising)
        .when(apologyPlayed);
      // The same, minus cancelling the timer that has just fired.
      expect(byGuard.decision.effects).toEqual(byPlay.decision.effects.slice(1));
      expect(byPlay.decision.effects[0]).toEqual(fx.cancel('apology'));
      expect(byGuard.after.phase).toEqual(byPlay.after.phase);
    },
  );

  it('a choice is ignored in modes that offer none', () => {
    const { decision, after } = specFor('return-to-agent')
      .given(...apologising)
      .when(input.chose('voicemail', AT + 1_000));
    expect(decision.effects).toEqual([]);
    expect(after.phase.status).toBe('Apologizing');
  });
});
