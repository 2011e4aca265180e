import { pcmToBytes } from '@warmline/audio';
import { AudioFrame } from '@warmline/contracts';
import type { UtteranceFrame } from '../domain/frames/utteranceFramer';

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The utterance a frame belongs to. */
export interface FrameOwner {
  readonly callId: string;
  readonly utteranceId: string;
  readonly sampleRate: number;
}

/**
 * The `AudioFrame` for one frame of an utterance. Sequence and timestamp count
 * from the utterance's start: the utterance is the stream, because utterances
 * of one call may be spoken by different replicas. `ingressAtMs` is when the
 * frame was made (it enters the platform at the tts stage).
 */
export const toAudioFrame = (
  owner: FrameOwner,
  frame: UtteranceFrame,
  ingressAtMs: number,
): AudioFrame =>
  AudioFrame.fromPartial({
    callId: owner.callId,
    sampleRate: owner.sampleRate,
    sequence: frame.sequence,
    timestampMs: frame.timestampMs,
    pcm: asBuffer(pcmToBytes(frame.pcm)),
    utteranceId: owner.utteranceId,
    endOfUtterance: frame.last,
    ingressAtMs,
  });

/**
 * A silent last frame at `sequence`: ends an utterance that failed or was
 * refused, so the gateway and whoever waits for "played" is not left waiting.
 */
export const endOfUtteranceFrame = (
  owner: FrameOwner,
  sequence: number,
  ingressAtMs: number,
): AudioFrame =>
  toAudioFrame(
    owner,
    {
      sequence,
      timestampMs: sequence * 20,
      pcm: new Int16Array((owner.sampleRate * 20) / 1000),
      last: true,
    },
    ingressAtMs,
  );
