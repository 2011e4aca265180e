/** What a recogniser heard in one caller utterance. */
export interface Transcript {
  /** The words, lower case; empty when nothing was recognised. */
  readonly text: string;
  /** 0..1; engines without confidences report 1. */
  readonly confidence: number;
}

/** Turns one caller utterance (PCM16 mono, 16 kHz) into text. */
export interface SpeechRecognizer {
  /** Recognises one whole utterance. */
  transcribe(samples: Int16Array): Promise<Transcript>;
}
