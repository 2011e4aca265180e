/** Turns a line of text into agent audio at the session's sample rate. */
export interface SpeechSynthesizer {
  /** PCM16 little-endian mono bytes, ready for `call.sendAudio`. */
  synthesize(text: string): Promise<Uint8Array>;
}
