/**
 * Contract tests against Deepgram's published live-streaming protocol
 * (https://developers.deepgram.com/reference/speech-to-text-api/listen-streaming):
 * Deepgram cannot be reached from here, so a local fake server checks the
 * request exactly as documented (path, query, `Authorization: Token`, binary
 * linear16 frames, `CloseStream`) and answers with the documented `Results` and
 * `Metadata` shapes; the assertions are on our adapter's output.
 */
import { RecognizerUnavailableError } from '../../errors';
import { startFakeDeepgram } from '../../testSupport/fakeDeepgram';
import type { RecognitionEvent, RecognitionStream } from '../recognition';
import { DeepgramRecognizer } from './deepgramRecognizer';

const collect = async (stream: RecognitionStream): Promise<RecognitionEvent[]> => {
  const events: RecognitionEvent[] = [];
  for await (const event of stream.events) events.push(event);
  return events;
};

const frame = (value: number): Int16Array => new Int16Array(320).fill(value);

describe('DeepgramRecognizer against the live-streaming protocol', () => {
  it('streams linear16 frames with the documented request and turns results into partials and a final', async () => {
    const fake = await startFakeDeepgram();
    try {
      const recognizer = new DeepgramRecognizer({
        apiKey: 'test-key',
        baseUrl: fake.baseUrl,
        model: 'nova-2-phonecall',
      });
      const stream = recognizer.open();
      const events = collect(stream);
      for (let i = 0; i < 40; i++) expect(stream.write(frame(i))).toBe(true); // before the socket is open: buffered
      stream.end();
      const seen = await events;
      const [session] = fake.sessions;
      expect(session).toMatchObject({
        path: '/v1/listen',
        authorization: 'Token test-key',
        query: {
          encoding: 'linear16',
          sample_rate: '16000',
          channels: '1',
          interim_results: 'true',
          model: 'nova-2-phonecall',
          language: 'en-US',
          endpointing: '300',
          punctuate: 'true',
        },
        textMessages: ['{"type":"CloseStream"}'],
      });
      expect(session!.frameSizes).toEqual(new Array(40).fill(640));
      // interim results: 'Get', 'Get me', ... (a slow reader may get only the newest: partials coalesce)
      const partials = seen.flatMap((e) => (e.type === 'partial' ? [e.text] : []));
      expect(partials.length).toBeGreaterThan(0);
      expect(partials.at(-1)).toBe('Get me an operator.');
      for (const text of partials) expect('Get me an operator.'.startsWith(text)).toBe(true);
      expect(seen.at(-1)).toEqual({
        type: 'final',
        text: 'Get me an operator.',
        confidence: 0.97,
        startMs: 0,
        endMs: 800,
        words: [
          { word: 'Get', startMs: 0, endMs: 250, confidence: 0.95 },
          { word: 'me', startMs: 300, endMs: 550, confidence: 0.95 },
          { word: 'an', startMs: 600, endMs: 850, confidence: 0.95 },
          { word: 'operator.', startMs: 900, endMs: 1150, confidence: 0.95 },
        ],
        keywordHit: 'human-request',
      });
      await recognizer.close();
    } finally {
      await fake.close();
    }
  });

  it('reports a refused key as a non-retryable error', async () => {
    const fake = await startFakeDeepgram({ rejectStatus: 401 });
    try {
      const stream = new DeepgramRecognizer({ apiKey: 'wrong', baseUrl: fake.baseUrl }).open();
      stream.write(frame(1));
      const seen = await collect(stream);
      expect(seen).toHaveLength(1);
      const error = seen[0]?.type === 'error' ? seen[0].error : undefined;
      expect(error).toBeInstanceOf(RecognizerUnavailableError);
      expect(error).toMatchObject({ engine: 'deepgram', retryable: false });
      expect(error?.message).toContain('401');
    } finally {
      await fake.close();
    }
  });

  it('reports a connection the server drops mid-stream as a retryable error', async () => {
    const fake = await startFakeDeepgram({ dropAfterFrames: { frames: 5, code: 1011 } });
    try {
      const stream = new DeepgramRecognizer({ apiKey: 'k', baseUrl: fake.baseUrl }).open();
      const events = collect(stream);
      for (let i = 0; i < 5; i++) stream.write(frame(i));
      const seen = await events;
      expect(seen.at(-1)).toMatchObject({
        type: 'error',
        error: { name: 'RecognizerUnavailableError', retryable: true },
      });
      expect(stream.write(frame(9))).toBe(false);
    } finally {
      await fake.close();
    }
  });
});
