import { START, nextMove, spokenSlot } from './booking';

describe('nextMove', () => {
  it('books the offered slot on yes', () => {
    expect(nextMove({ offered: 1, unclear: 0 }, 'yes', 3).move).toEqual({ kind: 'book', index: 1 });
  });

  it('offers the next slot on no, and hands off when none is left', () => {
    const first = nextMove(START, 'no', 2);
    expect(first.move).toEqual({ kind: 'offer', index: 1, again: false });
    expect(nextMove(first.state, 'no', 2).move).toEqual({ kind: 'handoff', reason: 'none-suits' });
  });

  it('hands off at once when the caller asks for a person', () => {
    expect(nextMove(START, 'human', 3).move).toEqual({ kind: 'handoff', reason: 'asked' });
  });

  it('asks again once after an unclear reply or silence, then hands off', () => {
    const once = nextMove(START, 'unclear', 3);
    expect(once.move).toEqual({ kind: 'offer', index: 0, again: true });
    expect(nextMove(once.state, undefined, 3).move).toEqual({
      kind: 'handoff',
      reason: 'not-understood',
    });
  });

  it('forgets earlier unclear replies once a new slot is offered', () => {
    const unclear = nextMove(START, 'unclear', 3).state;
    const next = nextMove(unclear, 'no', 3).state;
    expect(nextMove(next, 'unclear', 3).move.kind).toBe('offer');
  });
});

describe('spokenSlot', () => {
  it('says the day and time in the business time zone', () => {
    expect(spokenSlot(new Date('2026-11-24T07:30:00Z'), 'Asia/Singapore')).toBe(
      'Tuesday, November 24 at 3:30 PM',
    );
  });
});
