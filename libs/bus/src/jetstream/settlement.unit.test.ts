import { MalformedMessageError } from '../errors/malformedMessageError';
import { ConcurrencyError, DuplicateEventError } from '../errors/storeErrors';
import { backoffDelayMs, settlementForError, settlementForResult } from './settlement';

describe('settlement', () => {
  const backoff = [100, 500, 2_000];

  it('maps handler results to ack, term and delayed nak', () => {
    expect(settlementForResult('ack')).toEqual({ kind: 'ack' });
    expect(settlementForResult('term')).toEqual({ kind: 'term', reason: 'handler' });
    expect(settlementForResult({ nak: 250 })).toEqual({ kind: 'nak', delayMs: 250 });
    expect(settlementForResult({ nak: -5 })).toEqual({ kind: 'nak', delayMs: 0 });
  });

  it('picks the backoff delay by delivery count and repeats the last one', () => {
    expect([1, 2, 3, 4, 9].map((n) => backoffDelayMs(backoff, n))).toEqual([
      100, 500, 2_000, 2_000, 2_000,
    ]);
    expect(backoffDelayMs([], 3)).toBe(0);
  });

  it('terminates undecodable messages and errors marked not retryable', () => {
    const malformed = new MalformedMessageError('evt.call.1', {
      cause: new Error('bad wire type'),
    });
    expect(settlementForError(malformed, 1, backoff)).toEqual({
      kind: 'term',
      reason: 'malformed',
    });
    expect(settlementForError(new DuplicateEventError('evt.call.1', ['e1']), 1, backoff)).toEqual({
      kind: 'term',
      reason: 'non-retryable DuplicateEventError',
    });
    const plain = Object.assign(new Error('invalid command'), { retryable: false });
    expect(settlementForError(plain, 2, backoff).kind).toBe('term');
  });

  it('retries every other error after the backoff for that delivery', () => {
    expect(settlementForError(new ConcurrencyError('evt.call.1', 3, 4), 2, backoff)).toEqual({
      kind: 'nak',
      delayMs: 500,
    });
    expect(settlementForError(new Error('socket hang up'), 1, backoff)).toEqual({
      kind: 'nak',
      delayMs: 100,
    });
    expect(settlementForError('a thrown string', 7, backoff)).toEqual({
      kind: 'nak',
      delayMs: 2_000,
    });
  });
});
