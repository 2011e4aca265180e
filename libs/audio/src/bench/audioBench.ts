/**
 * Prints throughput of the codecs and resamplers, in frames per second and in
 * calls per core (a call = 50 frames/s each way), and the wake-up lateness of
 * real-timer pacers. Figures only; nothing is asserted.
 *
 * Run: pnpm --filter @warmline/audio bench
 */
import { sine } from '../analysis/sine';
import { decodeAlaw, encodeAlaw } from '../codec/alaw';
import { decodeMulaw, encodeMulaw } from '../codec/mulaw';
import { type SampleRate } from '../format/sampleRate';
import { JitterBuffer } from '../jitter/jitterBuffer';
import { mixThreeParty } from '../mixer/threePartyMixer';
import { Resampler } from '../resample/resampler';
import { callsPerCore, percentile, throughput } from './measure';
import { measurePacerLateness } from './pacerLateness';

const frameAt = (rate: SampleRate): Int16Array =>
  sine({ rate, hz: 440, samples: rate / 50, amplitude: 0.5 });
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const row = (name: string, fps: number | undefined, calls: number): void =>
  console.log(
    `${name.padEnd(34)} ${(fps === undefined ? '—' : fmt(fps)).padStart(12)} frames/s ${fmt(calls).padStart(9)} calls/core`,
  );

const codecs = (): Record<string, number> => {
  const pcm = frameAt(8000);
  const mu = encodeMulaw(pcm);
  const a = encodeAlaw(pcm);
  const fps = {
    muEncode: throughput(() => encodeMulaw(pcm).length),
    muDecode: throughput(() => decodeMulaw(mu).length),
    aEncode: throughput(() => encodeAlaw(pcm).length),
    aDecode: throughput(() => decodeAlaw(a).length),
  };
  console.log('\nG.711 (160-sample 8 kHz frames; a call = 50 decodes + 50 encodes per second)');
  const muCalls = callsPerCore([
    { fps: fps.muEncode, perSecond: 50 },
    { fps: fps.muDecode, perSecond: 50 },
  ]);
  row('μ-law encode', fps.muEncode, fps.muEncode / 50);
  row('μ-law decode', fps.muDecode, fps.muDecode / 50);
  row('μ-law both ways', undefined, muCalls);
  row('A-law encode', fps.aEncode, fps.aEncode / 50);
  row('A-law decode', fps.aDecode, fps.aDecode / 50);
  return fps;
};

const resamplers = (): Map<string, number> => {
  console.log('\nResampling (streaming, 20 ms frames; one direction = 50 frames/s per call)');
  const out = new Map<string, number>();
  const pairs: [SampleRate, SampleRate][] = [
    [8000, 16000],
    [16000, 8000],
    [8000, 24000],
    [24000, 8000],
    [16000, 24000],
    [24000, 16000],
  ];
  for (const [from, to] of pairs) {
    const resampler = new Resampler(from, to);
    const frame = frameAt(from);
    const fps = throughput(() => resampler.process(frame).length);
    out.set(`${from}>${to}`, fps);
    row(`${from / 1000}k → ${to / 1000}k`, fps, fps / 50);
  }
  return out;
};

const mediaPath = (codec: Record<string, number>, resample: Map<string, number>): void => {
  const jb = new JitterBuffer({ rate: 8000 });
  let seq = 0;
  const jitterFps = throughput(() => {
    jb.push({ seq: seq++ % 65536, samples: frameAt(8000) });
    return jb.pop(0)?.samples.length ?? 0;
  });
  const frames = { caller: frameAt(16000), callee: frameAt(16000), agent: frameAt(16000) };
  const mixFps = throughput(() => mixThreeParty(frames, 'barge', 16000).caller.length);
  console.log('\nPer-call media path');
  row('jitter buffer push+pop', jitterFps, jitterFps / 50);
  row('3-party mix tick (16 kHz)', mixFps, mixFps / 50);
  const twilio16k = callsPerCore([
    { fps: codec.muDecode!, perSecond: 50 },
    { fps: jitterFps, perSecond: 50 },
    { fps: resample.get('8000>16000')!, perSecond: 50 },
    { fps: resample.get('16000>8000')!, perSecond: 50 },
    { fps: codec.muEncode!, perSecond: 50 },
  ]);
  row('Twilio call, 16 kHz inside', undefined, twilio16k);
  const twilio24k = callsPerCore([
    { fps: codec.muDecode!, perSecond: 50 },
    { fps: jitterFps, perSecond: 50 },
    { fps: resample.get('8000>24000')!, perSecond: 50 },
    { fps: resample.get('24000>8000')!, perSecond: 50 },
    { fps: codec.muEncode!, perSecond: 50 },
  ]);
  row('Twilio call, 24 kHz inside', undefined, twilio24k);
};

const pacers = async (): Promise<void> => {
  console.log('\nPacer wake-up lateness (real timers, 3 s of audio per pacer)');
  for (const count of [1, 100, 500]) {
    const sample = await measurePacerLateness(count, 3);
    const l = sample.latenessMs;
    const reanchors = sample.stats.reduce((n, s) => n + s.lateReanchors, 0);
    console.log(
      `${String(count).padStart(4)} pacers ${fmt(sample.frames).padStart(7)} frames  ` +
        `p50 ${percentile(l, 50).toFixed(2)} ms  p99 ${percentile(l, 99).toFixed(2)} ms  ` +
        `max ${percentile(l, 100).toFixed(2)} ms  re-anchors ${reanchors}`,
    );
  }
};

const main = async (): Promise<void> => {
  console.log(`@warmline/audio bench — node ${process.version}, ${process.arch}`);
  const codec = codecs();
  const resample = resamplers();
  mediaPath(codec, resample);
  await pacers();
};

void main();
