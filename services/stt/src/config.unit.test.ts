import { ConfigError } from '@warmline/config';
import { loadSttConfig } from './config';

describe('loadSttConfig', () => {
  it('defaults to the local engine with a 700 ms end of turn and 400 ms barge-in rule', () => {
    const config = loadSttConfig({ STT_REPLICA_ID: 'r1' });
    expect(config.engine).toEqual({ kind: 'pocketsphinx', python: '/usr/bin/python3' });
    expect(config.app).toEqual({
      replicaId: 'r1',
      leaseTtlMs: 3000,
      maxCalls: 4,
      idleMs: 10_000,
      turnTaking: { endOfTurn: { endSilenceMs: 700 }, bargeIn: { minSpeechMs: 400 } },
    });
  });

  it('needs a key for a hosted engine', () => {
    expect(() => loadSttConfig({ STT_ENGINE: 'deepgram' })).toThrow(ConfigError);
    expect(loadSttConfig({ STT_ENGINE: 'openai', OPENAI_API_KEY: 'k' }).engine).toMatchObject({
      kind: 'openai',
      model: 'gpt-4o-mini-transcribe',
    });
  });

  it('runs the benchmarking engine only when asked, with its fixed transcript', () => {
    expect(loadSttConfig({ STT_ENGINE: 'instant' }).engine).toEqual({
      kind: 'instant',
      transcript: 'what are your opening hours',
    });
    expect(
      loadSttConfig({ STT_ENGINE: 'instant', STT_INSTANT_TRANSCRIPT: 'I want a human' }).engine,
    ).toEqual({ kind: 'instant', transcript: 'I want a human' });
    expect(() => loadSttConfig({ STT_ENGINE: 'instantly' })).toThrow(ConfigError);
  });
});
