import { MS_PER_CHARACTER, PlaybackLedger } from './playbackLedger';

describe('PlaybackLedger', () => {
  it('reports a completed utterance once, with the audio sent as its length', () => {
    const ledger = new PlaybackLedger();
    ledger.track('c-1', 'u-1', 'Hello there.', 0);
    ledger.sent('u-1', 16_000, 16_000);
    ledger.sent('u-1', 8_000, 16_000, true);
    expect(ledger.waiting('c-1')).toBe(true);
    const progress = { utteranceId: 'u-1', playedMs: 1_400, completed: false, interrupted: false };
    expect(ledger.progress(progress)).toBeUndefined();
    expect(ledger.progress({ ...progress, completed: true })).toEqual({
      callId: 'c-1',
      utteranceId: 'u-1',
      text: 'Hello there.',
      playedMs: 1_500,
      totalMs: 1_500,
      interrupted: false,
    });
    expect(ledger.progress({ ...progress, completed: true })).toBeUndefined();
    expect(ledger.waiting('c-1')).toBe(false);
  });

  it('reports an interrupted utterance with what played', () => {
    const ledger = new PlaybackLedger();
    ledger.track('c-1', 'u-2', 'A long answer.', 0);
    ledger.sent('u-2', 48_000, 16_000, true);
    expect(
      ledger.progress({ utteranceId: 'u-2', playedMs: 800, completed: false, interrupted: true }),
    ).toMatchObject({ playedMs: 800, totalMs: 3_000, interrupted: true });
  });

  it('estimates the whole length from the text when the utterance was cut before it was all made', () => {
    const ledger = new PlaybackLedger();
    const text = 'x'.repeat(200); // 13 s at the nominal rate
    ledger.track('c-1', 'u-3', text, 0);
    ledger.sent('u-3', 16_000 * 4, 16_000); // 4 s made, no end yet
    expect(
      ledger.progress({ utteranceId: 'u-3', playedMs: 2_000, completed: false, interrupted: true }),
    ).toMatchObject({ playedMs: 2_000, totalMs: 200 * MS_PER_CHARACTER, interrupted: true });
  });

  it('ignores utterances it does not hold and forgets old ones', () => {
    const ledger = new PlaybackLedger();
    expect(
      ledger.progress({ utteranceId: 'x', playedMs: 1, completed: true, interrupted: false }),
    ).toBeUndefined();
    ledger.track('c-1', 'u-1', 't', 0);
    ledger.track('c-2', 'u-2', 't', 5_000);
    expect(ledger.expire(6_000, 2_000)).toEqual(['c-1']);
    expect(ledger.waiting('c-1')).toBe(false);
    expect(ledger.waiting('c-2')).toBe(true);
  });
});
