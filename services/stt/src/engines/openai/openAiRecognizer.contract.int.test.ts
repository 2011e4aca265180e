/**
 * Contract tests against the published OpenAI transcription API
 * (https://platform.openai.com/docs/api-reference/audio/createTranscription),
 * which OpenAI-compatible servers also implement: the hosted service cannot be
 * reached from here, so a local fake server checks the request as documented
 * (`POST /v1/audio/transcriptions`, `Authorization: Bearer`, multipart fields
 * `file`, `model`, `response_format=json`, `language`, `include[]`) and answers
 * with the documented `json` shape; the assertions are on our adapter's output.
 */
import { readWav } from '@warmline/audio';
import { RecognizerUnavailableError } from '../../errors';
import { startFakeOpenAi } from '../../testSupport/fakeOpenAi';
import type { RecognitionEvent, RecognitionStream } from '../recognition';
import { OpenAiRecognizer } from './openAiRecognizer';

const collect = async (stream: RecognitionStream): Promise<RecognitionEvent[]> => {
  const events: RecognitionEvent[] = [];
  for await (const event of stream.events) events.push(event);
  return events;
};

const speak = (stream: RecognitionStream, frames: number): void => {
  for (let i = 0; i < frames; i++) stream.write(new Int16Array(320).fill(i));
  stream.end();
};

describe('OpenAiRecognizer against the transcription API', () => {
  it('posts the utterance as a WAV in the documented multipart form and returns its text as the final', async () => {
    const fake = await startFakeOpenAi();
    try {
      const stream = new OpenAiRecognizer({
        apiKey: 'sk-test',
        baseUrl: fake.baseUrl,
        model: 'whisper-1',
      }).open();
      const events = collect(stream);
      speak(stream, 50);
      expect(await events).toEqual([
        {
          type: 'final',
          text: 'Get me an operator.',
          confidence: undefined,
          startMs: 0,
          endMs: 1000,
          words: [],
          keywordHit: 'human-request',
        },
      ]);
      const [call] = fake.calls;
      expect(call).toMatchObject({
        method: 'POST',
        path: '/v1/audio/transcriptions',
        authorization: 'Bearer sk-test',
      });
      expect(call!.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expect(call!.body.toString('latin1')).toContain(
        'Content-Disposition: form-data; name="file"; filename="audio.wav"',
      );
      expect(
        Object.fromEntries([...call!.form.entries()].filter(([, v]) => typeof v === 'string')),
      ).toEqual({
        model: 'whisper-1',
        response_format: 'json',
        language: 'en',
      });
      const file = call!.form.get('file') as File;
      expect([file.name, file.type]).toEqual(['audio.wav', 'audio/wav']);
      const wav = readWav(new Uint8Array(await file.arrayBuffer()));
      expect([wav.sampleRate, wav.samples.length, wav.samples[320 * 7]]).toEqual([
        16000,
        50 * 320,
        7,
      ]);
    } finally {
      await fake.close();
    }
  });

  it('asks for log probabilities when configured and turns them into a confidence', async () => {
    const logprobs = [
      { token: 'Get', logprob: -0.1, bytes: [71] },
      { token: ' me', logprob: -0.3, bytes: [32] },
    ];
    const fake = await startFakeOpenAi({ response: { text: 'Get me', logprobs } });
    try {
      const stream = new OpenAiRecognizer({
        apiKey: 'k',
        baseUrl: fake.baseUrl,
        model: 'gpt-4o-transcribe',
        includeLogprobs: true,
      }).open();
      const events = collect(stream);
      speak(stream, 10);
      const [final] = await events;
      expect(final?.type === 'final' && final.confidence).toBeCloseTo(Math.exp(-0.2));
      expect(fake.calls[0]!.form.getAll('include[]')).toEqual(['logprobs']);
    } finally {
      await fake.close();
    }
  });

  it.each([
    [500, true],
    [429, true],
    [400, false],
  ] as const)('reports HTTP %i as an error (retryable: %s)', async (status, retryable) => {
    const fake = await startFakeOpenAi({ status });
    try {
      const stream = new OpenAiRecognizer({ apiKey: 'k', baseUrl: fake.baseUrl }).open();
      const events = collect(stream);
      speak(stream, 5);
      const [event] = await events;
      const error = event?.type === 'error' ? event.error : undefined;
      expect(error).toBeInstanceOf(RecognizerUnavailableError);
      expect(error).toMatchObject({ retryable });
      expect(error?.message).toContain(String(status));
    } finally {
      await fake.close();
    }
  });

  it('keeps at most the configured utterance length in memory', () => {
    const stream = new OpenAiRecognizer({ apiKey: 'k', maxUtteranceMs: 100 }).open();
    const accepted = Array.from({ length: 8 }, () => stream.write(new Int16Array(320)));
    expect(accepted).toEqual([true, true, true, true, true, false, false, false]);
    stream.cancel();
  });
});
