/** Turns a line of text into agent audio at the session's sample rate. */
export interface SpeechSynthesizer {
  /** The rate of the audio it produces (the SDK client's `sampleRate`). */
  readonly sampleRate: number;
  /** PCM16 little-endian mono bytes, ready for `call.sendAudio`. */
  synthesize(text: string): Promise<Uint8Array>;
}
