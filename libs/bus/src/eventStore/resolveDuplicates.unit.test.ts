import { ConcurrencyError, DuplicateEventError } from '../errors/storeErrors';
import { resolveDuplicates } from './resolveDuplicates';
import type { StoredEvent } from './types';

const stored = (id: string, sequence: number): StoredEvent<{ id: string }> => ({
  event: { id },
  sequence,
  subject: 'evt.call.c1',
  headers: undefined,
});
const byId = (e: { id: string }) => e.id;

describe('resolveDuplicates', () => {
  it('treats a batch whose events are all stored as an earlier success', () => {
    const after = [stored('a', 4), stored('b', 5), stored('x', 9)];
    expect(resolveDuplicates('evt.call.c1', ['a', 'b'], 3, after, byId)).toEqual({
      kind: 'already-stored',
      version: 5,
    });
  });

  it('reports ids stored nowhere on the subject as reused ids', () => {
    const result = resolveDuplicates('evt.call.c1', ['a', 'b'], 3, [stored('z', 4)], byId);
    expect(result.kind === 'error' && result.error).toBeInstanceOf(DuplicateEventError);
  });

  it('reports a partly stored batch at an expected version as a concurrency conflict', () => {
    const result = resolveDuplicates(
      'evt.call.c1',
      ['a', 'c'],
      3,
      [stored('a', 4), stored('b', 5)],
      byId,
    );
    expect(result.kind).toBe('error');
    const error = result.kind === 'error' ? result.error : undefined;
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ expectedVersion: 3, actualVersion: 5 });
  });

  it("appends only the new events of a partly stored batch at 'any'", () => {
    const result = resolveDuplicates(
      'evt.call.c1',
      ['a', 'c', 'b', 'd'],
      'any',
      [stored('a', 1), stored('b', 2)],
      byId,
    );
    expect(result).toEqual({ kind: 'append-rest', rest: [1, 3] });
  });
});
