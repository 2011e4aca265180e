import { pcmToBytes } from '@warmline/audio';
import { AudioFrame } from '@warmline/contracts';

/** The bus rate of caller audio (`media.<callId>.in`). */
export const CALLER_BUS_RATE = 16000;

/** One 20 ms frame of caller audio for the bus, stamped with the time it entered the platform. */
export const callerAudioFrame = (
  callId: string,
  pcm: Int16Array,
  sequence: number,
  timestampMs: number,
  ingressAtMs: number = Date.now(),
): AudioFrame =>
  AudioFrame.fromPartial({
    callId,
    sampleRate: CALLER_BUS_RATE,
    sequence,
    timestampMs,
    pcm: Buffer.from(pcmToBytes(pcm).buffer),
    ingressAtMs,
  });
