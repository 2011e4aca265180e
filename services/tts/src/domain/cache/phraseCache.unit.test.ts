import { PcmCollector } from './pcmCollector';
import { PhraseCache } from './phraseCache';

describe('PhraseCache', () => {
  const phrase = { engine: 'flite', voice: 'slt', sampleRate: 8000, text: 'Thanks for calling.' };

  it('finds a phrase again however its whitespace was written', () => {
    const cache = new PhraseCache({ maxBytes: 1_000, maxEntryBytes: 500 });
    cache.set(phrase, Int16Array.of(1, 2, 3));
    expect(Array.from(cache.get({ ...phrase, text: ' Thanks  for\ncalling. ' }) ?? [])).toEqual([
      1, 2, 3,
    ]);
    expect(cache.get({ ...phrase, sampleRate: 16000 })).toBeUndefined();
  });

  it('counts bytes of PCM against its bound, evicting the least recently used phrase', () => {
    const cache = new PhraseCache({ maxBytes: 400, maxEntryBytes: 400 });
    cache.set({ ...phrase, text: 'a' }, new Int16Array(100)); // 200 bytes
    cache.set({ ...phrase, text: 'b' }, new Int16Array(100));
    cache.get({ ...phrase, text: 'a' });
    cache.set({ ...phrase, text: 'c' }, new Int16Array(100));
    expect([cache.has({ ...phrase, text: 'a' }), cache.has({ ...phrase, text: 'b' })]).toEqual([
      true,
      false,
    ]);
    expect(cache.bytes).toBe(400);
  });

  it('does not store a phrase over the per-entry bound', () => {
    const cache = new PhraseCache({ maxBytes: 1_000, maxEntryBytes: 10 });
    expect(cache.set(phrase, new Int16Array(6))).toBe(false);
    expect(cache.size).toBe(0);
  });
});

describe('PcmCollector', () => {
  it('joins what it gathered', () => {
    const collector = new PcmCollector(8);
    collector.push(Int16Array.of(1, 2));
    collector.push(Int16Array.of(3));
    expect(Array.from(collector.result()!)).toEqual([1, 2, 3]);
  });

  it('gives up past its bound instead of holding a long reply twice', () => {
    const collector = new PcmCollector(4);
    collector.push(Int16Array.of(1, 2, 3));
    collector.push(Int16Array.of(4));
    expect(collector.result()).toBeUndefined();
  });
});
