import { HISTORY_TURNS_FOR_MODEL, chatTurns } from './chatTurns';

const turn = (text: string) => ({ text, confidence: 0.9 });

describe('chatTurns', () => {
  it('puts the latest caller turn after the history', () => {
    expect(
      chatTurns(
        [
          { speaker: 'caller', text: 'a' },
          { speaker: 'agent', text: 'b' },
        ],
        turn('c'),
      ),
    ).toEqual([
      { speaker: 'caller', text: 'a' },
      { speaker: 'agent', text: 'b' },
      { speaker: 'caller', text: 'c' },
    ]);
  });

  it('joins consecutive turns of one speaker and starts with the caller', () => {
    expect(
      chatTurns(
        [
          { speaker: 'agent', text: 'greeting' },
          { speaker: 'caller', text: 'a' },
        ],
        turn('b'),
      ),
    ).toEqual([{ speaker: 'caller', text: 'a\nb' }]);
  });

  it('keeps only the most recent history', () => {
    const history = Array.from({ length: 50 }, (_, i) => ({
      speaker: i % 2 === 0 ? ('caller' as const) : ('agent' as const),
      text: `t${i}`,
    }));
    const turns = chatTurns(history, turn('last'));
    expect(turns.length).toBeLessThanOrEqual(HISTORY_TURNS_FOR_MODEL + 1);
    expect(turns.at(-1)).toEqual({ speaker: 'caller', text: 'last' });
  });
});
