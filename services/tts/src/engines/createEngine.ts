import { deepgramSpeak } from './hosted/deepgramSpeak';
import { elevenLabsSpeech } from './hosted/elevenLabsSpeech';
import { HostedEngine } from './hosted/hostedEngine';
import { openAiSpeech } from './hosted/openAiSpeech';
import { ToneEngine } from './instant/toneEngine';
import { espeakNgSpec } from './local/espeakNg';
import { festivalSpec } from './local/festival';
import { fliteSpec } from './local/flite';
import { LocalEngine } from './local/localEngine';
import type { LocalEngineSpec } from './local/localEngineSpec';
import type { SpeechEngine } from './speechEngine';

/** The local engines, by name. */
export const LOCAL_ENGINES = {
  flite: fliteSpec,
  'espeak-ng': espeakNgSpec,
  festival: festivalSpec,
} as const satisfies Record<string, LocalEngineSpec>;

/** Which engine a replica runs, and its settings. */
export type EngineConfig =
  | {
      readonly kind: keyof typeof LOCAL_ENGINES;
      /** Default: the engine's own (flite: slt). */
      readonly voice?: string;
      /** Default: the program on PATH. */
      readonly binary?: string;
    }
  /** Benchmarks only: a tone as long as the text, at once (no synthesis). */
  | { readonly kind: 'instant' }
  | {
      readonly kind: 'openai';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly model: string;
      readonly voice: string;
    }
  | {
      readonly kind: 'deepgram';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly voice: string;
    }
  | {
      readonly kind: 'elevenlabs';
      readonly baseUrl: string;
      readonly apiKey: string;
      readonly model: string;
      readonly voice: string;
    };

/** Every engine name {@link createEngine} accepts. */
export const ENGINE_KINDS = [
  'flite',
  'espeak-ng',
  'festival',
  'openai',
  'deepgram',
  'elevenlabs',
  'instant',
] as const;

/**
 * Builds the configured engine.
 * @throws `UnsupportedVoiceError` when a local engine's configured voice does not exist.
 */
export const createEngine = (config: EngineConfig): SpeechEngine => {
  switch (config.kind) {
    case 'flite':
    case 'espeak-ng':
    case 'festival':
      return new LocalEngine(LOCAL_ENGINES[config.kind], {
        defaultVoice: config.voice,
        binary: config.binary,
      });
    case 'instant':
      return new ToneEngine();
    case 'openai':
      return new HostedEngine(openAiSpeech({ ...config, defaultVoice: config.voice }));
    case 'deepgram':
      return new HostedEngine(deepgramSpeak({ ...config, defaultVoice: config.voice }));
    case 'elevenlabs':
      return new HostedEngine(elevenLabsSpeech({ ...config, defaultVoice: config.voice }));
  }
};
