import { ByteLru } from './byteLru';
import { type PhraseIdentity, phraseKey } from './phraseKey';

/** Bounds of a {@link PhraseCache}, in bytes of PCM. */
export interface PhraseCacheLimits {
  readonly maxBytes: number;
  readonly maxEntryBytes: number;
}

/**
 * Synthesised PCM of phrases said often (greetings, the transition line),
 * keyed by engine, voice, rate and normalised text, bounded by total bytes
 * (least recently used out first). A hit skips the engine entirely.
 */
export class PhraseCache {
  private readonly lru: ByteLru<Int16Array>;

  constructor(readonly limits: PhraseCacheLimits) {
    this.lru = new ByteLru({ ...limits, sizeOf: (pcm) => pcm.byteLength });
  }

  get(phrase: PhraseIdentity): Int16Array | undefined {
    return this.lru.get(phraseKey(phrase));
  }

  has(phrase: PhraseIdentity): boolean {
    return this.lru.has(phraseKey(phrase));
  }

  /** Stores a phrase's complete audio; false when it is over the per-entry bound. */
  set(phrase: PhraseIdentity, pcm: Int16Array): boolean {
    return this.lru.set(phraseKey(phrase), pcm).stored;
  }

  get bytes(): number {
    return this.lru.bytes;
  }

  get size(): number {
    return this.lru.size;
  }
}
