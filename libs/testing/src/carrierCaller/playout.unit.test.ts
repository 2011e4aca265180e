import { Playout } from './playout';

describe('Playout (a carrier playing out what the gateway sends)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setup = (mode: 'realtime' | 'immediate' = 'realtime') => {
    const log: string[] = [];
    const playout = new Playout(
      mode,
      { played: (s) => log.push(`play ${s[0]}`), markReached: (name) => log.push(`mark ${name}`) },
      () => Date.now(),
    );
    return { playout, log };
  };
  const frame = (value: number) => new Int16Array(160).fill(value);

  it('plays one frame per 20 ms and echoes a mark once the audio before it has played', () => {
    const { playout, log } = setup();
    playout.media(frame(1));
    playout.media(frame(2));
    playout.mark('m1');
    expect(log).toEqual(['play 1']);
    jest.advanceTimersByTime(20);
    expect(log).toEqual(['play 1', 'play 2']);
    jest.advanceTimersByTime(20);
    expect(log).toEqual(['play 1', 'play 2', 'mark m1']);
    playout.mark('idle');
    expect(log.at(-1)).toBe('mark idle'); // nothing queued: echoed at once
    playout.stop();
  });

  it('clear drops what has not played and echoes the queued marks at once', () => {
    const { playout, log } = setup();
    playout.media(frame(1));
    playout.media(frame(2));
    playout.mark('m1');
    playout.media(frame(3));
    playout.clear();
    jest.advanceTimersByTime(100);
    expect(log).toEqual(['play 1', 'mark m1']);
    playout.stop();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('immediate mode plays everything on arrival', () => {
    const { playout, log } = setup('immediate');
    playout.media(frame(1));
    playout.mark('m');
    playout.media(frame(2));
    expect(log).toEqual(['play 1', 'mark m', 'play 2']);
  });
});
