/**
 * @warmline/audio: the media plane's pure parts, shared by every transport.
 * Internally audio is 16-bit mono PCM (Int16Array) in 20 ms frames at 8, 16
 * or 24 kHz; on the wire it is little-endian bytes.
 */
export { AudioFormatError, PacerStoppedError, WavFormatError } from './errors';

export {
  assertSampleRate,
  bytesPerFrame,
  FRAME_MS,
  isSampleRate,
  SAMPLE_RATES,
  samplesPerFrame,
  samplesToMs,
  type SampleRate,
} from './format/sampleRate';
export { clampInt16, pcmFromBytes, pcmToBytes, toSamples } from './format/pcmBytes';

export { decodeMulaw, encodeMulaw, linearToMulaw, mulawToLinear } from './codec/mulaw';
export { alawToLinear, decodeAlaw, encodeAlaw, linearToAlaw } from './codec/alaw';

export { Resampler } from './resample/resampler';
export { resample } from './resample/resample';

export { FrameChunker } from './framing/frameChunker';

export { JitterBuffer } from './jitter/jitterBuffer';
export { SequenceUnwrapper } from './jitter/sequenceUnwrapper';
export type {
  Concealment,
  InboundFrame,
  JitterBufferOptions,
  JitterOutput,
  JitterStats,
  PushOutcome,
} from './jitter/jitterTypes';

export { PacerClock, type ClockSlot } from './pacer/pacerClock';
export { OutboundPacer } from './pacer/outboundPacer';
export { PacerDriver, type PacerDriverOptions } from './pacer/pacerDriver';
export { monotonicNowMs } from './pacer/monotonicNow';
export type {
  ClearReport,
  EnqueueOptions,
  PacedFrame,
  PacerOptions,
  PacerStats,
  PacerTick,
  UtteranceProgress,
} from './pacer/pacerTypes';

export {
  MIX_MODES,
  mixThreeParty,
  type MixInputs,
  type MixMode,
  type MixOutputs,
} from './mixer/threePartyMixer';
export { saturatingMix } from './mixer/saturatingMix';

export { ratioToDb, toneLevel } from './analysis/goertzel';
export { frameEnergyDbfs, isVoiceEnergy, rms, rmsDbfs, SILENCE_DBFS } from './analysis/level';
export { sine, type SineOptions } from './analysis/sine';
export { zeroCrossingHz } from './analysis/zeroCrossings';

export { readWav } from './wav/readWav';
export { writeWav } from './wav/writeWav';
export { WAV_HEADER_BYTES, type WavAudio } from './wav/wavTypes';
