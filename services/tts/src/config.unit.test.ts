import { ConfigError } from '@warmline/config';
import { loadTtsConfig } from './config';
import { DEFAULT_SETTINGS } from './service/ttsSettings';

const base = { NATS_URL: 'nats://127.0.0.1:4222' };

const configErrorOf = (env: Record<string, string>): ConfigError => {
  try {
    loadTtsConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadTtsConfig', () => {
  it('runs flite with its default voice and the default settings when only NATS_URL is set', () => {
    const config = loadTtsConfig(base);
    expect(config.engine).toEqual({ kind: 'flite', voice: undefined, binary: undefined });
    expect(config.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reads the phrases to preload as a JSON array (phrases contain commas) and the rates as a list', () => {
    const config = loadTtsConfig({
      ...base,
      TTS_PRELOAD_PHRASES: '["Hello, thanks for calling.", "One moment, please."]',
      TTS_PRELOAD_SAMPLE_RATES: '8000, 16000',
      TTS_LEAD: '500ms',
      TTS_RETRY_BACKOFF: '100ms,2s',
    });
    expect(config.settings.preload).toEqual({
      phrases: ['Hello, thanks for calling.', 'One moment, please.'],
      sampleRates: [8000, 16000],
    });
    expect(config.settings.leadMs).toBe(500);
    expect(config.settings.retry.backoffMs).toEqual([100, 2000]);
  });

  it('requires the API key of the hosted engine chosen, without showing keys', () => {
    expect(configErrorOf({ ...base, TTS_ENGINE: 'deepgram' }).issues).toEqual([
      {
        variable: 'DEEPGRAM_API_KEY',
        problem: 'missing',
        expected: 'an API key (TTS_ENGINE is deepgram)',
      },
    ]);
    const config = loadTtsConfig({
      ...base,
      TTS_ENGINE: 'openai',
      OPENAI_API_KEY: 'sk-1',
      TTS_VOICE: 'coral',
    });
    expect(config.engine).toMatchObject({
      kind: 'openai',
      apiKey: 'sk-1',
      voice: 'coral',
      model: 'gpt-4o-mini-tts',
    });
  });

  it('lists every invalid variable at once', () => {
    const env = {
      ...base,
      TTS_PRELOAD_PHRASES: 'Hello',
      TTS_DEFAULT_SAMPLE_RATE: '44100',
      TTS_MAX_IN_FLIGHT: '0',
    };
    expect(
      configErrorOf(env)
        .issues.map((i) => i.variable)
        .sort(),
    ).toEqual(['TTS_DEFAULT_SAMPLE_RATE', 'TTS_MAX_IN_FLIGHT', 'TTS_PRELOAD_PHRASES']);
  });

  it('runs the benchmarking tone engine only when asked', () => {
    expect(loadTtsConfig(base).engine.kind).toBe('flite');
    expect(loadTtsConfig({ ...base, TTS_ENGINE: 'instant' }).engine).toEqual({ kind: 'instant' });
  });
});
