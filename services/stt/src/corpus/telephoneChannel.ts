import { decodeMulaw, encodeMulaw, resample } from '@warmline/audio';

/**
 * What a phone network does to 16 kHz speech: band-limits and resamples it to
 * 8 kHz and carries it as G.711 μ-law. Returns the 8 kHz PCM the gateway would
 * decode from the carrier's payload.
 */
export const telephoneChannel = (wideband16k: Int16Array): Int16Array =>
  decodeMulaw(encodeMulaw(resample(wideband16k, 16000, 8000)));
