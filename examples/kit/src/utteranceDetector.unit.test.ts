import { sine } from '@warmline/audio';
import { UtteranceDetector } from './utteranceDetector';

const silence = (ms: number) => new Int16Array(16 * ms);
const tone = (ms: number) => sine({ rate: 16_000, hz: 300, durationMs: ms });

describe('UtteranceDetector', () => {
  it('ends an utterance after enough silence following speech', () => {
    const detector = new UtteranceDetector({ endSilenceMs: 400 });
    expect(detector.push(silence(500))).toEqual([]);
    expect(detector.push(tone(600))).toEqual([]);
    const [utterance, ...rest] = detector.push(silence(500));
    expect(rest).toEqual([]);
    expect(utterance?.length).toBeGreaterThanOrEqual(16 * 600);
  });

  it('keeps waiting while the caller is still talking', () => {
    const detector = new UtteranceDetector({ endSilenceMs: 400 });
    expect(detector.push(tone(300))).toEqual([]);
    expect(detector.push(silence(200))).toEqual([]);
    expect(detector.push(tone(300))).toEqual([]);
  });

  it('ignores clicks shorter than the minimum speech', () => {
    const detector = new UtteranceDetector({ minSpeechMs: 200, endSilenceMs: 300 });
    expect(detector.push(tone(40))).toEqual([]);
    expect(detector.push(silence(400))).toEqual([]);
  });

  it('accepts chunks that are not whole frames', () => {
    const detector = new UtteranceDetector({ endSilenceMs: 300 });
    const audio = new Int16Array(16 * 1000);
    audio.set(tone(400));
    const found: Int16Array[] = [];
    for (let at = 0; at < audio.length; at += 123) {
      found.push(...detector.push(audio.slice(at, at + 123)));
    }
    expect(found).toHaveLength(1);
  });
});
