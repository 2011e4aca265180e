import { pcmFromBytes, pcmToBytes, sine, toneLevel } from '@warmline/audio';
import type { AudioFrame } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { AgentUplink } from './agentUplink';

function uplink(rate: 8000 | 16000 | 24000 = 24_000) {
  const frames: AudioFrame[] = [];
  const pulls: number[] = [];
  let id = 0;
  const link = new AgentUplink({
    callId: 'call-1',
    rate,
    bufferMs: 400,
    newId: () => `u-${(id += 1)}`,
    clock: () => 0,
    publish: (frame) => frames.push(frame),
    pull: (bytes) => pulls.push(bytes),
  });
  return { link, frames, pulls };
}

describe('AgentUplink', () => {
  it('pulls a buffer of audio, then paces it out as 20 ms frames at 16 kHz', async () => {
    const { link, frames, pulls } = uplink();
    link.refill();
    expect(pulls).toEqual([19_200]); // 400 ms at 24 kHz
    const audio = pcmToBytes(sine({ rate: 24_000, hz: 1_000, durationMs: 100 }));
    expect(link.push(audio)).toBeNull();
    await waitFor(() => (frames.length === 5 ? true : undefined));
    expect(frames.every((f) => f.sampleRate === 16_000 && f.pcm.length === 640)).toBe(true);
    expect(frames.map((f) => f.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(frames.map((f) => f.endOfUtterance)).toEqual([false, false, false, false, true]);
    const samples = pcmFromBytes(Buffer.concat(frames.map((f) => f.pcm)));
    expect(toneLevel(samples.subarray(160), 16_000, 1_000)).toBeGreaterThan(0.4);
    link.stop();
  });

  it('refuses odd byte counts and audio beyond what was pulled, queueing none of it', () => {
    const { link } = uplink(16_000);
    expect(link.push(new Uint8Array(2))).toBe('NOT_PULLED');
    link.refill();
    expect(link.push(new Uint8Array(3))).toBe('ODD_BYTE_COUNT');
    expect(link.bufferedBytes).toBe(0);
    link.stop();
  });

  it('clear drops what is queued, starts a new utterance and pulls again', async () => {
    const { link, frames, pulls } = uplink(16_000);
    link.refill();
    link.push(pcmToBytes(sine({ rate: 16_000, hz: 500, durationMs: 400 })));
    await waitFor(() => (frames.length >= 1 ? true : undefined));
    const dropped = link.clear();
    expect(dropped).toBeGreaterThan(0);
    expect(link.bufferedBytes).toBe(0);
    expect(pulls.length).toBe(2);
    link.push(pcmToBytes(sine({ rate: 16_000, hz: 500, durationMs: 20 })));
    await waitFor(() => (frames.at(-1)?.utteranceId !== frames[0]?.utteranceId ? true : undefined));
    link.stop();
  });
});
