import type { RecognitionEvent } from '../recognition';
import { InstantRecognizer } from './instantRecognizer';

const drain = async (events: AsyncIterable<RecognitionEvent>): Promise<RecognitionEvent[]> => {
  const out: RecognitionEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

describe('InstantRecognizer', () => {
  it('yields one final with the configured transcript when the turn ends, spanning the audio written', async () => {
    const recognizer = new InstantRecognizer('what are your opening hours');
    const stream = recognizer.open();
    for (let i = 0; i < 50; i++) expect(stream.write(new Int16Array(320))).toBe(true);
    stream.end();
    expect(await drain(stream.events)).toEqual([
      {
        type: 'final',
        text: 'what are your opening hours',
        confidence: 1,
        startMs: 0,
        endMs: 1000,
        words: [],
      },
    ]);
    expect(recognizer.engine).toBe('instant');
    expect(recognizer.streamsPartials).toBe(false);
  });

  it('gives nothing for a cancelled turn and refuses audio after the end', async () => {
    const recognizer = new InstantRecognizer('hello');
    const cancelled = recognizer.open();
    cancelled.write(new Int16Array(320));
    cancelled.cancel();
    expect(await drain(cancelled.events)).toEqual([]);
    const ended = recognizer.open();
    ended.end();
    expect(ended.write(new Int16Array(320))).toBe(false);
    expect(ended.id).not.toBe(cancelled.id);
  });

  it('is unhealthy and takes no audio once closed', async () => {
    const recognizer = new InstantRecognizer('hello');
    const stream = recognizer.open();
    await recognizer.close();
    expect(recognizer.healthy()).toBe(false);
    expect(stream.write(new Int16Array(320))).toBe(false);
  });
});
