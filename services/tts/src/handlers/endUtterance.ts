import { endOfUtteranceFrame } from '../adapters/audioFrames';
import type { UtteranceDeps } from '../service/speakUtterance';

/**
 * Publishes a silent end-of-utterance frame at `sequence` (after the frames
 * already sent), so the gateway, and whoever waits for the utterance to be
 * played, is not left waiting for an utterance that will not be spoken.
 */
export const endUtterance = (
  deps: UtteranceDeps,
  owner: { readonly callId: string; readonly utteranceId: string; readonly sampleRate: number },
  sequence: number,
): void => deps.publish(endOfUtteranceFrame(owner, sequence, deps.wallNow()));
