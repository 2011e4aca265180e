import { isBackchannelOnly } from './backchannel';
import { bargeInVerdict } from './bargeInRule';

describe('the backchannel rule', () => {
  it.each(['uh-huh', 'Mm-hmm.', 'yeah', 'okay', 'right', 'sure', 'yeah, okay', 'uh huh right'])(
    'treats "%s" as a backchannel',
    (text) => expect(isBackchannelOnly(text)).toBe(true),
  );

  it.each(['', 'wait', 'yeah but I need a human', 'no stop', 'okay so what about my bill'])(
    'does not treat "%s" as only a backchannel',
    (text) => expect(isBackchannelOnly(text)).toBe(false),
  );

  it('never interrupts for a short uh-huh, with or without a transcript', () => {
    for (const partialText of [undefined, 'uh-huh', 'uh']) {
      const verdict = bargeInVerdict({
        agentSpeaking: true,
        speechMs: 300,
        ...(partialText ? { partialText } : {}),
      });
      expect(verdict).toEqual({ interrupt: false, reason: 'too-short' });
    }
  });

  it('does not interrupt for a long run of backchannel words either', () => {
    expect(
      bargeInVerdict({ agentSpeaking: true, speechMs: 1200, partialText: 'yeah okay sure' }),
    ).toEqual({
      interrupt: false,
      reason: 'backchannel',
    });
  });

  it('interrupts once real speech lasts longer than the threshold', () => {
    expect(bargeInVerdict({ agentSpeaking: true, speechMs: 420, partialText: 'wait I' })).toEqual({
      interrupt: true,
      reason: 'long-speech',
    });
    expect(bargeInVerdict({ agentSpeaking: true, speechMs: 420 })).toEqual({
      interrupt: true,
      reason: 'long-speech',
    });
    expect(
      bargeInVerdict({ agentSpeaking: true, speechMs: 400, partialText: 'wait I' }).interrupt,
    ).toBe(false);
  });

  it('is not a barge-in when the agent is silent', () => {
    expect(bargeInVerdict({ agentSpeaking: false, speechMs: 5000, partialText: 'hello' })).toEqual({
      interrupt: false,
      reason: 'agent-silent',
    });
  });

  it('honours a configured threshold', () => {
    expect(
      bargeInVerdict({ agentSpeaking: true, speechMs: 300 }, { minSpeechMs: 250 }).interrupt,
    ).toBe(true);
  });
});

describe('the barge-in rule with an engine that gives partials', () => {
  it('waits for the first partial for a grace period, then decides on duration', () => {
    const base = { agentSpeaking: true, expectPartials: true } as const;
    expect(bargeInVerdict({ ...base, speechMs: 500 })).toEqual({
      interrupt: false,
      reason: 'awaiting-transcript',
    });
    expect(bargeInVerdict({ ...base, speechMs: 720 })).toEqual({
      interrupt: true,
      reason: 'long-speech',
    });
    expect(bargeInVerdict({ ...base, speechMs: 500, partialText: 'uh huh' })).toEqual({
      interrupt: false,
      reason: 'backchannel',
    });
    expect(bargeInVerdict({ ...base, speechMs: 500, partialText: 'hold on' })).toEqual({
      interrupt: true,
      reason: 'long-speech',
    });
  });
});
