import { AudioFormatError } from '../errors';

/**
 * Maps wrapping sequence numbers (RTP's 16 bits, or any modulus) onto an
 * ever-increasing index: each number is placed at the index nearest to the
 * highest index seen so far, so 65535 → 0 continues at 65536 and a slightly
 * late 65534 after 0 stays at 65534.
 */
export class SequenceUnwrapper {
  private highest: number | undefined;

  /** @param modulus where the sender's numbers wrap; `Infinity` for counters that never do. */
  constructor(readonly modulus: number = 65536) {}

  /**
   * The unwrapped index of `seq`.
   *
   * @throws {@link AudioFormatError} when `seq` is not an integer in [0, modulus).
   */
  unwrap(seq: number): number {
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.modulus) {
      throw new AudioFormatError(`sequence number ${seq} is outside [0, ${this.modulus})`, { seq });
    }
    if (this.highest === undefined || !Number.isFinite(this.modulus)) {
      this.highest = Math.max(this.highest ?? seq, seq);
      return seq;
    }
    const m = this.modulus;
    const residue = ((this.highest % m) + m) % m;
    let delta = seq - residue;
    if (delta > m / 2) delta -= m;
    else if (delta <= -m / 2) delta += m;
    const index = this.highest + delta;
    if (index > this.highest) this.highest = index;
    return index;
  }

  /** The sender's sequence number for an unwrapped index. */
  wrap(index: number): number {
    if (!Number.isFinite(this.modulus)) return index;
    return ((index % this.modulus) + this.modulus) % this.modulus;
  }

  /** Forgets the history (after the sender restarts its numbering). */
  reset(): void {
    this.highest = undefined;
  }
}
