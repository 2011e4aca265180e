import type { SampleRate } from '@warmline/audio';
import { MediaClock } from './clock/mediaClock';
import { CallMediaSession } from './callMediaSession';
import type { MediaTransport } from './mediaTransport';
import { clockedPacers } from './pacing/clockedPacer';
import type { PlaybackReport } from './playback/playbackLedger';

class FakeTransport implements MediaTransport {
  readonly sent: string[] = [];
  constructor(
    readonly rate: SampleRate,
    readonly confirmsPlayback: boolean,
  ) {}
  sendAudio(samples: Int16Array): void {
    this.sent.push(`audio:${samples.length}`);
  }
  sendMark(name: string): void {
    this.sent.push(`mark:${name}`);
  }
  sendClear(): void {
    this.sent.push('clear');
  }
}

describe('CallMediaSession (transport-neutral call media)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = (confirmsPlayback = true) => {
    const now = () => Date.now();
    const clock = new MediaClock({ now, toleranceMs: 0 });
    const reports: PlaybackReport[] = [];
    const caller: number[] = [];
    const session = new CallMediaSession(
      { busRate: 16000, pacers: clockedPacers(clock), clock, markEveryFrames: 5, now },
      {
        callerFrame: (pcm, sequence) => caller.push(sequence * 1000 + pcm.length),
        playback: (r) => reports.push(r),
      },
    );
    const transport = new FakeTransport(8000, confirmsPlayback);
    session.attach(transport);
    return { session, transport, reports, caller, clock };
  };

  it('paces agent audio to the transport rate with checkpoint and final marks; the final echo completes it', () => {
    const { session, transport, reports } = setup();
    session.agentAudio(new Int16Array(3200), 16000, 'u1', true); // 200 ms at 16 kHz
    jest.advanceTimersByTime(1000);
    const audio = transport.sent.filter((s) => s.startsWith('audio'));
    expect(audio.length).toBeGreaterThanOrEqual(10);
    expect(audio.every((s) => s === 'audio:160')).toBe(true);
    const marks = transport.sent.filter((s) => s.startsWith('mark')).map((s) => s.slice(5));
    expect(marks.length).toBe(3);
    expect(reports).toEqual([]);
    for (const mark of marks) session.markPlayed(mark);
    expect(reports).toEqual([
      { utteranceId: 'u1', playedMs: 100, completed: false, interrupted: false },
      { utteranceId: 'u1', playedMs: 200, completed: false, interrupted: false },
      expect.objectContaining({ utteranceId: 'u1', completed: true, interrupted: false }),
    ]);
    expect(reports[2]!.playedMs).toBeGreaterThanOrEqual(200);
  });

  it('barge-in: stops sending at once, clears the far end, reports what the marks confirmed', () => {
    const { session, transport, reports, clock } = setup();
    session.agentAudio(new Int16Array(16000), 16000, 'long', true);
    jest.advanceTimersByTime(230); // 12 frames: marks after 5 and 10
    session.markPlayed('wl1');
    session.clear();
    const afterClear = transport.sent.length;
    jest.advanceTimersByTime(500);
    expect(transport.sent.at(afterClear - 1)).toBe('clear');
    expect(transport.sent).toHaveLength(afterClear);
    expect(reports).toEqual([
      { utteranceId: 'long', playedMs: 100, completed: false, interrupted: false },
      { utteranceId: 'long', playedMs: 100, completed: false, interrupted: true },
    ]);
    expect(clock.size).toBe(0);
  });

  it('without playback marks (RTP-like), audio sent counts as heard', () => {
    const { session, transport, reports } = setup(false);
    session.agentAudio(new Int16Array(1600), 8000, 'u', true);
    jest.advanceTimersByTime(500);
    expect(transport.sent.some((s) => s.startsWith('mark'))).toBe(false);
    expect(reports).toEqual([
      { utteranceId: 'u', playedMs: 200, completed: true, interrupted: false },
    ]);
  });

  it('caller audio becomes numbered 16 kHz frames; detach and close stop everything', () => {
    const { session, caller, clock, transport } = setup();
    for (let n = 1; n <= 3; n++) session.callerAudio(n, new Int16Array(160));
    expect(caller).toEqual([320, 1320, 2320]);
    session.agentAudio(new Int16Array(16000), 16000, 'x', false);
    session.close();
    const sent = transport.sent.length;
    jest.advanceTimersByTime(500);
    expect(transport.sent).toHaveLength(sent);
    session.callerAudio(4, new Int16Array(160));
    expect(caller).toHaveLength(3);
    expect(clock.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });
});
