/**
 * Contract tests: the hosted providers cannot be reached from here, so each
 * adapter talks to a local fake server on 127.0.0.1 that checks the request
 * exactly as the provider's published protocol defines it (method, path,
 * query, auth header, JSON body) and answers the way the provider does (raw
 * PCM16 streamed in chunks, error statuses with a JSON body).
 */
import type { ServerResponse } from 'node:http';
import { sine, zeroCrossingHz } from '@warmline/audio';
import { collectPcm } from '../../testSupport/collectPcm';
import { chunksOf } from '../../testSupport/chunksOf';
import {
  type FakeProvider,
  pcmBytes,
  startFakeProvider,
} from '../../testSupport/fakeProviderServer';
import {
  ProviderHttpError,
  ProviderUnreachableError,
  SynthesisAbortedError,
} from '../engineErrors';
import { deepgramSpeak } from './deepgramSpeak';
import { elevenLabsSpeech } from './elevenLabsSpeech';
import { HostedEngine } from './hostedEngine';
import { openAiSpeech } from './openAiSpeech';

const options = (sampleRate: 8000 | 16000 | 24000, signal = new AbortController().signal) => ({
  voice: '',
  sampleRate,
  signal,
});

/** Streams `samples` in odd-sized chunks (so 16-bit samples straddle chunks), then ends. */
const streamPcm = (samples: Int16Array) => (_request: unknown, response: ServerResponse) => {
  response.writeHead(200, { 'Content-Type': 'audio/pcm' });
  const bytes = pcmBytes(samples);
  for (let at = 0; at < bytes.length; at += 1001) response.write(bytes.subarray(at, at + 1001));
  response.end();
};

describe('hosted TTS providers (contract tests against local fakes)', () => {
  let fake: FakeProvider;
  beforeEach(async () => {
    fake = await startFakeProvider();
  });
  afterEach(async () => {
    await fake.close();
  });

  describe('OpenAI-compatible POST /v1/audio/speech', () => {
    const engine = () =>
      new HostedEngine(
        openAiSpeech({
          baseUrl: `${fake.baseUrl}/`,
          apiKey: 'sk-test',
          model: 'gpt-4o-mini-tts',
          defaultVoice: 'coral',
        }),
      );

    it('sends model, input, voice and response_format pcm with a Bearer key', async () => {
      fake.respondWith(streamPcm(sine({ rate: 24000, hz: 440, durationMs: 100 })));
      await collectPcm(engine().synthesize('Hello there.', { ...options(24000), voice: 'coral' }));
      expect(fake.requests).toHaveLength(1);
      const [request] = fake.requests;
      expect(request).toMatchObject({ method: 'POST', url: '/v1/audio/speech' });
      expect(request!.headers.authorization).toBe('Bearer sk-test');
      expect(request!.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request!.body)).toEqual({
        model: 'gpt-4o-mini-tts',
        input: 'Hello there.',
        voice: 'coral',
        response_format: 'pcm',
      });
    });

    it('passes 24 kHz PCM through unchanged, split across odd-sized network chunks', async () => {
      const tone = sine({ rate: 24000, hz: 440, durationMs: 200 });
      fake.respondWith(streamPcm(tone));
      const { samples } = await collectPcm(
        engine().synthesize('Hi.', { ...options(24000), voice: 'coral' }),
      );
      expect(Array.from(samples)).toEqual(Array.from(tone));
    });

    it('converts the 24 kHz stream to the requested 8 kHz', async () => {
      fake.respondWith(streamPcm(sine({ rate: 24000, hz: 440, durationMs: 500 })));
      const { samples } = await collectPcm(
        engine().synthesize('Hi.', { ...options(8000), voice: 'coral' }),
      );
      expect(Math.abs(samples.length - 4000)).toBeLessThanOrEqual(40); // + filter delay
      expect(zeroCrossingHz(samples.subarray(400, -400), 8000)).toBeCloseTo(440, 0); // away from the edges
    });

    it('yields audio while the response is still streaming', async () => {
      let finish: () => void = () => undefined;
      fake.respondWith((_request, response) => {
        response.writeHead(200);
        response.write(pcmBytes(sine({ rate: 24000, hz: 440, durationMs: 100 })));
        finish = () => response.end(pcmBytes(new Int16Array(2400)));
      });
      const chunks = chunksOf(engine().synthesize('Hi.', { ...options(24000), voice: 'coral' }));
      const first = await chunks.next(); // the server has not ended the response
      expect(first?.length).toBeGreaterThan(0);
      finish();
      expect(await chunks.drain()).toBeGreaterThan(0);
    });

    it('reports a refused key as a non-retryable HTTP error with the body', async () => {
      fake.respondWith((_request, response) => {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end('{"error":{"message":"Incorrect API key provided"}}');
      });
      const error = await collectPcm(
        engine().synthesize('Hi.', { ...options(8000), voice: 'coral' }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderHttpError);
      expect(error).toMatchObject({ status: 401, retryable: false });
      expect((error as ProviderHttpError).body).toContain('Incorrect API key');
    });

    it('reports a rate limit and a server error as retryable', async () => {
      for (const status of [429, 503]) {
        fake.respondWith((_request, response) => {
          response.writeHead(status);
          response.end();
        });
        await expect(
          collectPcm(engine().synthesize('Hi.', { ...options(8000), voice: 'coral' })),
        ).rejects.toMatchObject({
          status,
          retryable: true,
        });
      }
    });

    it('closes the connection when aborted mid-stream', async () => {
      fake.respondWith((_request, response) => {
        response.writeHead(200);
        response.write(pcmBytes(new Int16Array(4800)));
      });
      const controller = new AbortController();
      const chunks = chunksOf(
        engine().synthesize('Hi.', { ...options(24000, controller.signal), voice: 'coral' }),
      );
      await chunks.next();
      const next = chunks.next();
      controller.abort();
      await expect(next).rejects.toBeInstanceOf(SynthesisAbortedError);
      await fake.clientClosed;
    });
  });

  describe('Deepgram POST /v1/speak', () => {
    const engine = () =>
      new HostedEngine(
        deepgramSpeak({
          baseUrl: fake.baseUrl,
          apiKey: 'dg-test',
          defaultVoice: 'aura-2-thalia-en',
        }),
      );

    it.each([8000, 16000, 24000] as const)(
      'asks for raw linear16 at %d Hz with a Token key and gets it unchanged',
      async (rate) => {
        const tone = sine({ rate, hz: 300, durationMs: 120 });
        fake.respondWith(streamPcm(tone));
        const { samples } = await collectPcm(
          engine().synthesize('How can I help?', { ...options(rate), voice: 'aura-2-thalia-en' }),
        );
        const [request] = fake.requests;
        expect(request!.method).toBe('POST');
        const url = new URL(request!.url, fake.baseUrl);
        expect(url.pathname).toBe('/v1/speak');
        expect(Object.fromEntries(url.searchParams)).toEqual({
          model: 'aura-2-thalia-en',
          encoding: 'linear16',
          sample_rate: String(rate),
          container: 'none',
        });
        expect(request!.headers.authorization).toBe('Token dg-test');
        expect(request!.headers['content-type']).toBe('application/json');
        expect(JSON.parse(request!.body)).toEqual({ text: 'How can I help?' });
        expect(Array.from(samples)).toEqual(Array.from(tone));
      },
    );

    it('reports an unreachable server as retryable', async () => {
      await fake.close();
      await expect(
        collectPcm(engine().synthesize('Hi.', { ...options(8000), voice: 'aura-2-thalia-en' })),
      ).rejects.toBeInstanceOf(ProviderUnreachableError);
    });
  });

  describe('ElevenLabs POST /v1/text-to-speech/<voice>/stream', () => {
    it('asks for pcm at the requested rate with xi-api-key and the model id', async () => {
      const engine = new HostedEngine(
        elevenLabsSpeech({
          baseUrl: fake.baseUrl,
          apiKey: 'el-test',
          model: 'eleven_flash_v2_5',
          defaultVoice: 'voice123',
        }),
      );
      const tone = sine({ rate: 16000, hz: 300, durationMs: 60 });
      fake.respondWith(streamPcm(tone));
      const { samples } = await collectPcm(
        engine.synthesize('Hello.', { ...options(16000), voice: 'voice123' }),
      );
      const [request] = fake.requests;
      expect(request).toMatchObject({
        method: 'POST',
        url: '/v1/text-to-speech/voice123/stream?output_format=pcm_16000',
      });
      expect(request!.headers['xi-api-key']).toBe('el-test');
      expect(JSON.parse(request!.body)).toEqual({ text: 'Hello.', model_id: 'eleven_flash_v2_5' });
      expect(Array.from(samples)).toEqual(Array.from(tone));
    });
  });
});
