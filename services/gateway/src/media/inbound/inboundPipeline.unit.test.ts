import { Resampler, sine } from '@warmline/audio';
import { InboundPipeline } from './inboundPipeline';

const frames = (pcm: Int16Array, size: number) =>
  Array.from({ length: pcm.length / size }, (_, n) => pcm.subarray(n * size, (n + 1) * size));

describe('InboundPipeline (transport audio → 20 ms bus frames)', () => {
  it('turns in-order 8 kHz chunks into 16 kHz frames at once, equal to streaming resampling', () => {
    const pipeline = new InboundPipeline({ fromRate: 8000, toRate: 16000 });
    const input = frames(sine({ rate: 8000, hz: 300, durationMs: 200 }), 160);
    const out = input.flatMap((f, n) => pipeline.push(n + 1, f, n * 20));
    const resampler = new Resampler(8000, 16000);
    expect(out).toHaveLength(10);
    expect(out).toEqual(input.map((f) => resampler.process(f)));
    expect(pipeline.waiting).toBe(false);
  });

  it('keeps the first chunk when the stream starts out of order (chunk 2 before chunk 1)', () => {
    const pipeline = new InboundPipeline({
      fromRate: 16000,
      toRate: 16000,
      jitterDepthMs: 60,
      firstSequence: 1,
    });
    const chunk = (v: number) => new Int16Array(320).fill(v);
    const out: Int16Array[] = [];
    out.push(...pipeline.push(2, chunk(2), 0));
    expect(out).toEqual([]); // held: chunk 1 may still come
    expect(pipeline.waiting).toBe(true);
    out.push(...pipeline.push(1, chunk(1), 15), ...pipeline.push(3, chunk(3), 20));
    expect(out.map((f) => f[0])).toEqual([1, 2, 3]);
    expect(pipeline.stats).toMatchObject({ late: 0, lost: 0 });
  });

  it('releases an in-order start (chunk 1 first) at once', () => {
    const pipeline = new InboundPipeline({ fromRate: 16000, toRate: 16000, firstSequence: 1 });
    expect(pipeline.push(1, new Int16Array(320).fill(1), 0)).toHaveLength(1);
  });

  it('puts reordered chunks back in order, and conceals one that never comes', () => {
    const pipeline = new InboundPipeline({ fromRate: 16000, toRate: 16000, jitterDepthMs: 60 });
    const chunk = (v: number) => new Int16Array(320).fill(v);
    const out: Int16Array[] = [];
    out.push(...pipeline.push(1, chunk(1), 0), ...pipeline.push(3, chunk(3), 20));
    expect(pipeline.waiting).toBe(true);
    out.push(...pipeline.push(2, chunk(2), 25));
    expect(out.map((f) => f[0])).toEqual([1, 2, 3]);
    out.push(...pipeline.push(5, chunk(5), 60));
    out.push(...pipeline.poll(100)); // still inside the depth
    expect(out.map((f) => f[0])).toEqual([1, 2, 3]);
    out.push(...pipeline.poll(130));
    expect(out.map((f) => f[0])).toEqual([1, 2, 3, 3, 5]); // 4 concealed by repeating 3
    expect(pipeline.stats).toMatchObject({ reordered: 1, concealed: 1 });
  });
});
