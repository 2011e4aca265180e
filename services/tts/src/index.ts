/**
 * @warmline/tts: speech synthesis streamed to the bus in 20 ms frames as soon
 * as the first audio exists, with a phrase cache, per-call ordering and
 * barge-in cancels. Run it with `src/main.ts`; embed or test it with `createApp`.
 */
export { createApp, type AppDeps, type TtsApp } from './app';
export { loadTtsConfig, type TtsConfig } from './config';
export { DEFAULT_SETTINGS, type TtsSettings } from './service/ttsSettings';
export type { SpeechEngine, SynthesisOptions } from './engines/speechEngine';
export {
  createEngine,
  ENGINE_KINDS,
  LOCAL_ENGINES,
  type EngineConfig,
} from './engines/createEngine';
export { LocalEngine, type LocalEngineOptions } from './engines/local/localEngine';
export type { LocalEngineSpec } from './engines/local/localEngineSpec';
export { HostedEngine, type HostedProvider } from './engines/hosted/hostedEngine';
export { openAiSpeech } from './engines/hosted/openAiSpeech';
export { deepgramSpeak } from './engines/hosted/deepgramSpeak';
export { elevenLabsSpeech } from './engines/hosted/elevenLabsSpeech';
export * from './engines/engineErrors';
export { splitForSpeech, type SplitOptions } from './domain/text/splitForSpeech';
export { LeadBudget } from './domain/pacing/leadBudget';
export { PhraseCache } from './domain/cache/phraseCache';
