import { PlaybackLedger } from './playbackLedger';

describe('PlaybackLedger (what the caller heard, from mark echoes)', () => {
  it('marks every N frames and at the end; a checkpoint echo reports progress, the final one completes the utterance', () => {
    const ledger = new PlaybackLedger({ markEveryFrames: 3 });
    ledger.queued('u');
    const marks = [1, 2, 3, 4, 5].map((n) => ledger.frameSent('u', n === 5));
    expect(marks).toEqual([undefined, undefined, 'wl1', undefined, 'wl2']);
    ledger.exactLength('u', 93);
    expect(ledger.markPlayed('wl1')).toEqual({
      utteranceId: 'u',
      playedMs: 60,
      completed: false,
      interrupted: false,
    });
    expect(ledger.markPlayed('wl2')).toEqual({
      utteranceId: 'u',
      playedMs: 93,
      completed: true,
      interrupted: false,
    });
    expect(ledger.pendingMarks).toBe(0);
  });

  it('a clear interrupts at the last confirmed checkpoint; marks flushed by the clear do not count', () => {
    const ledger = new PlaybackLedger({ markEveryFrames: 5 });
    ledger.queued('u');
    const names = Array.from({ length: 12 }, () => ledger.frameSent('u', false)).filter(
      (n): n is string => n !== undefined,
    );
    expect(names).toEqual(['wl1', 'wl2']);
    ledger.markPlayed('wl1'); // 100 ms confirmed; wl2 still playing
    ledger.queued('next'); // queued, nothing sent
    expect(ledger.cleared()).toEqual([
      { utteranceId: 'u', playedMs: 100, completed: false, interrupted: true },
      { utteranceId: 'next', playedMs: 0, completed: false, interrupted: true },
    ]);
    expect(ledger.markPlayed('wl2')).toBeUndefined(); // echoed back by the clear: not heard
    expect(ledger.cleared()).toEqual([]);
  });

  it('ignores mark names it never sent', () => {
    expect(new PlaybackLedger().markPlayed('someone-else')).toBeUndefined();
  });
});
