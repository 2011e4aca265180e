/** Tuning of {@link EndOfTurnDetector}. */
export interface EndOfTurnConfig {
  /** Silence after the last speech that ends the turn. */
  readonly endSilenceMs: number;
  /** Turns with less speech than this are noise (a cough, a click) and are discarded. */
  readonly minSpeechMs: number;
  /** A turn is ended by force after this long, so per-call work stays bounded. */
  readonly maxTurnMs: number;
}

/** 700 ms of silence ends a turn; under 200 ms of speech is noise; 30 s at most. */
export const DEFAULT_END_OF_TURN_CONFIG: EndOfTurnConfig = {
  endSilenceMs: 700,
  minSpeechMs: 200,
  maxTurnMs: 30_000,
};
