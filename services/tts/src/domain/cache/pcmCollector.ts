/**
 * Gathers an utterance's PCM for the phrase cache while it is being published,
 * up to `maxBytes`; past that it drops what it has (the phrase is too long to
 * cache), so a long reply never doubles its memory.
 */
export class PcmCollector {
  private parts: Int16Array[] = [];
  private bytes = 0;
  private overflowed = false;

  constructor(private readonly maxBytes: number) {}

  push(pcm: Int16Array): void {
    if (this.overflowed) return;
    this.bytes += pcm.byteLength;
    if (this.bytes > this.maxBytes) {
      this.overflowed = true;
      this.parts = [];
      return;
    }
    this.parts.push(pcm);
  }

  /** The whole audio, or undefined when it outgrew the bound. */
  result(): Int16Array | undefined {
    if (this.overflowed) return undefined;
    const out = new Int16Array(this.bytes / 2);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}
