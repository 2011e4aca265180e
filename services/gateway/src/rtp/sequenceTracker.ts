/** Sequence number tracking with wrap-around and resync (RFC 3550 appendix A.1). */

const MAX_DROPOUT = 3000;
const MAX_MISORDER = 100;
const SEQ_MOD = 0x10000;

/** Per-source sequence state. */
export interface SequenceState {
  /** Highest sequence number seen. */
  readonly maxSeq: number;
  /** Wrap count times 65536. */
  readonly cycles: number;
  readonly baseSeq: number;
  /** After a big jump, the sequence number that would confirm a restart. */
  readonly badSeq: number | undefined;
  readonly received: number;
}

/** How one sequence number relates to the stream. */
export type SequenceVerdict =
  | 'in-order'
  /** Older than the highest seen (reordered or duplicated); still usable. */
  | 'late'
  /** A jump too big to trust; dropped until the next packet confirms it. */
  | 'jump'
  /** The second packet after a jump: the sender restarted, state was reset. */
  | 'resync';

/** State for a source whose first packet has this sequence number. */
export function initSequence(seq: number): SequenceState {
  return { maxSeq: seq, cycles: 0, baseSeq: seq, badSeq: undefined, received: 1 };
}

/** The 32-bit extended sequence number of the highest packet seen. */
export function extendedMax(s: SequenceState): number {
  return s.cycles + s.maxSeq;
}

/** Classifies a packet's sequence number and returns the new state and its extended number. */
export function updateSequence(
  s: SequenceState,
  seq: number,
): { readonly state: SequenceState; readonly verdict: SequenceVerdict; readonly extended: number } {
  const delta = (seq - s.maxSeq + SEQ_MOD) % SEQ_MOD;
  if (delta === 0)
    return { state: { ...s, received: s.received + 1 }, verdict: 'late', extended: extendedMax(s) };
  if (delta < MAX_DROPOUT) {
    const cycles = seq < s.maxSeq ? s.cycles + SEQ_MOD : s.cycles;
    const state = { ...s, maxSeq: seq, cycles, badSeq: undefined, received: s.received + 1 };
    return { state, verdict: 'in-order', extended: cycles + seq };
  }
  if (delta <= SEQ_MOD - MAX_MISORDER) {
    if (seq === s.badSeq) {
      const state = initSequence(seq);
      return { state, verdict: 'resync', extended: seq };
    }
    return {
      state: { ...s, badSeq: (seq + 1) % SEQ_MOD },
      verdict: 'jump',
      extended: s.cycles + seq,
    };
  }
  const extended = seq > s.maxSeq ? s.cycles - SEQ_MOD + seq : s.cycles + seq;
  return { state: { ...s, received: s.received + 1 }, verdict: 'late', extended };
}
