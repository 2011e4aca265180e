import { resample } from '@warmline/audio';
import { BandwidthEstimate } from './bandwidthEstimate';

/** Deterministic white noise at 16 kHz (energy up to 8 kHz), as loud as speech. */
const noise = (samples: number): Int16Array => {
  let seed = 12345;
  const out = new Int16Array(samples);
  for (let i = 0; i < samples; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out[i] = Math.round(((seed / 2 ** 31) * 2 - 1) * 6000);
  }
  return out;
};

const feed = (estimate: BandwidthEstimate, audio: Int16Array) => {
  for (let i = 0; i + 320 <= audio.length; i += 320) estimate.add(audio.subarray(i, i + 320));
};

describe('BandwidthEstimate', () => {
  it('calls full-band 16 kHz audio wideband', () => {
    const estimate = new BandwidthEstimate();
    feed(estimate, noise(16_000));
    expect(estimate.channel).toBe('wideband');
  });

  it('calls audio that went through 8 kHz (the gateway upsampling a phone line) telephone', () => {
    const estimate = new BandwidthEstimate();
    feed(estimate, resample(resample(noise(16_000), 16_000, 8_000), 8_000, 16_000));
    expect(estimate.channel).toBe('telephone');
  });

  it('does not judge before 40 ms of loud audio, ignores silence, and keeps its judgement', () => {
    const estimate = new BandwidthEstimate();
    feed(estimate, new Int16Array(32_000));
    expect(estimate.channel).toBeUndefined();
    feed(estimate, noise(320));
    expect(estimate.channel).toBeUndefined();
    feed(estimate, noise(320));
    expect(estimate.channel).toBe('wideband');
    feed(estimate, resample(resample(noise(16_000), 16_000, 8_000), 8_000, 16_000));
    expect(estimate.channel).toBe('wideband');
  });
});
