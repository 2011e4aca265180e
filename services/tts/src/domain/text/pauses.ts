/** Silence kept around each synthesised segment, in ms. */
export interface PauseSettings {
  /** Before a segment's first sound. */
  readonly leadingMs: number;
  /** After a segment that ends a sentence. */
  readonly sentenceMs: number;
  /** After a segment that ends at a comma, semicolon, colon or dash (or mid-clause). */
  readonly clauseMs: number;
  /** After the utterance's last segment. */
  readonly finalMs: number;
}

/** Pauses close to natural speech: a breath at a comma, a longer one at a full stop. */
export const DEFAULT_PAUSES: PauseSettings = {
  leadingMs: 20,
  sentenceMs: 250,
  clauseMs: 120,
  finalMs: 100,
};

const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** The silence to keep after `segment`: engines pad every run, the caller should hear prose. */
export const pauseAfterMs = (
  segment: string,
  isLast: boolean,
  pauses: PauseSettings = DEFAULT_PAUSES,
): number => {
  if (isLast) return pauses.finalMs;
  return SENTENCE_END.test(segment) ? pauses.sentenceMs : pauses.clauseMs;
};
