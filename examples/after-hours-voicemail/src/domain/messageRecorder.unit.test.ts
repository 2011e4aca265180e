import { sine } from '@warmline/audio';
import { MessageRecorder } from './messageRecorder';

const silence = (ms: number) => new Int16Array(16 * ms);
const speech = (ms: number) => sine({ rate: 16_000, hz: 300, durationMs: ms });

describe('MessageRecorder', () => {
  it('records from the first speech until enough quiet, keeping pauses inside the message', () => {
    const recorder = new MessageRecorder({ endSilenceMs: 1000 });
    expect(recorder.push(silence(2000))).toBe(false);
    expect(recorder.push(speech(1000))).toBe(false);
    expect(recorder.push(silence(600))).toBe(false); // a pause, not the end
    expect(recorder.push(speech(400))).toBe(false);
    expect(recorder.push(silence(1000))).toBe(true);
    expect(recorder.hasSpeech).toBe(true);
    // 1000 + 600 + 400 ms of message plus 500 ms of trailing quiet kept.
    expect(recorder.durationMs).toBe(2500);
  });

  it('stops at the maximum length while the caller keeps talking', () => {
    const recorder = new MessageRecorder({ maxMessageMs: 1000 });
    expect(recorder.push(speech(3000))).toBe(true);
    expect(recorder.durationMs).toBe(1000);
  });

  it('gives up when nothing is said', () => {
    const recorder = new MessageRecorder({ noSpeechMs: 1000 });
    expect(recorder.push(silence(999))).toBe(false);
    expect(recorder.push(silence(40))).toBe(true);
    expect(recorder.hasSpeech).toBe(false);
    expect(recorder.message()).toHaveLength(0);
  });

  it('keeps what was said when the caller hangs up mid-message', () => {
    const recorder = new MessageRecorder();
    recorder.push(speech(700));
    expect(recorder.done).toBe(false);
    expect(recorder.durationMs).toBe(700);
  });
});
