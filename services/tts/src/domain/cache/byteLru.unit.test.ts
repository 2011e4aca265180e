import { ByteLru } from './byteLru';
import { normalizePhrase, phraseKey } from './phraseKey';

const lru = (maxBytes = 100, maxEntryBytes = 60) =>
  new ByteLru<string>({ maxBytes, maxEntryBytes, sizeOf: (v) => v.length });

describe('ByteLru', () => {
  it('evicts the least recently used entries until the new one fits in the byte budget', () => {
    const cache = lru();
    cache.set('a', 'x'.repeat(40));
    cache.set('b', 'x'.repeat(40));
    const outcome = cache.set('c', 'x'.repeat(40));
    expect(outcome).toEqual({ stored: true, evicted: ['a'] });
    expect(cache.bytes).toBe(80);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
  });

  it('counts a read as a use, so a read entry outlives an unread older one', () => {
    const cache = lru();
    cache.set('a', 'x'.repeat(40));
    cache.set('b', 'x'.repeat(40));
    cache.get('a');
    expect(cache.set('c', 'x'.repeat(40)).evicted).toEqual(['b']);
    expect(cache.get('a')).toHaveLength(40);
  });

  it('evicts several small entries for one large one', () => {
    const cache = lru();
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.set(key, 'x'.repeat(20));
    expect(cache.set('big', 'x'.repeat(60)).evicted).toEqual(['a', 'b', 'c']);
    expect(cache.bytes).toBe(100);
  });

  it('refuses an entry over the per-entry limit and keeps what it holds', () => {
    const cache = lru();
    cache.set('a', 'x'.repeat(40));
    expect(cache.set('huge', 'x'.repeat(61))).toEqual({ stored: false, evicted: [] });
    expect(cache.has('a')).toBe(true);
  });

  it('replaces a key without counting it twice', () => {
    const cache = lru();
    cache.set('a', 'x'.repeat(40));
    cache.set('a', 'x'.repeat(30));
    expect([cache.size, cache.bytes]).toEqual([1, 30]);
  });
});

describe('phraseKey', () => {
  const base = { engine: 'flite', voice: 'slt', sampleRate: 8000, text: 'Hello, how can I help?' };

  it('ignores whitespace and typographic quote differences', () => {
    expect(phraseKey({ ...base, text: '  Hello,\n how can  I help? ' })).toBe(phraseKey(base));
    expect(normalizePhrase('It’s “fine”')).toBe('It\'s "fine"');
  });

  it('separates engines, voices, rates, case and punctuation', () => {
    const keys = new Set([
      phraseKey(base),
      phraseKey({ ...base, engine: 'espeak-ng' }),
      phraseKey({ ...base, voice: 'kal16' }),
      phraseKey({ ...base, sampleRate: 16000 }),
      phraseKey({ ...base, text: 'hello, how can I help?' }),
      phraseKey({ ...base, text: 'Hello, how can I help.' }),
    ]);
    expect(keys.size).toBe(6);
  });
});
