/**
 * @warmline/stt: voice activity, end of turn, the backchannel rule and
 * streaming speech recognition per call, with engines behind one interface:
 * pocketsphinx (local, offline, a managed Python sidecar), Deepgram live
 * streaming, and OpenAI-compatible transcription.
 */
export * from './errors';

export { EnergyVad, type VadDecision, type VadTransition } from './domain/vad/energyVad';
export { DEFAULT_VAD_CONFIG, type VadConfig } from './domain/vad/vadConfig';
export { NoiseFloor } from './domain/vad/noiseFloor';
export {
  EndOfTurnDetector,
  type TurnEndReason,
  type TurnSignal,
} from './domain/turn/endOfTurnDetector';
export { DEFAULT_END_OF_TURN_CONFIG, type EndOfTurnConfig } from './domain/turn/endOfTurnConfig';
export { CallTurnTaking, type TurnTakingConfig } from './domain/turn/callTurnTaking';
export type { TurnEffect, TurnOutcome, TurnTranscript } from './domain/turn/turnEffects';
export { BACKCHANNEL_WORDS, isBackchannelOnly } from './domain/barge-in/backchannel';
export {
  bargeInVerdict,
  DEFAULT_BARGE_IN_CONFIG,
  type BargeInConfig,
  type BargeInInput,
  type BargeInVerdict,
} from './domain/barge-in/bargeInRule';
export { matchHumanRequest, type KeywordHit } from './domain/keywords/humanRequest';
export { normalizeWords } from './domain/wer/normalizeWords';
export {
  aggregateWer,
  wordErrorRate,
  type WerCounts,
  type WerResult,
} from './domain/wer/wordErrorRate';

export * from './engines/recognition';
export { EventQueue } from './engines/eventQueue';
export { recognizeClip, type ClipOptions, type ClipRecognition } from './engines/recognizeAudio';
export { PocketsphinxRecognizer } from './engines/pocketsphinx/pocketsphinxRecognizer';
export {
  DEFAULT_SIDECAR_OPTIONS,
  SPEECH_CMN_PRIOR,
  TELEPHONE_CMN_PRIOR,
  type SidecarOptions,
} from './engines/pocketsphinx/sidecarOptions';
export { DeepgramRecognizer } from './engines/deepgram/deepgramRecognizer';
export { DEFAULT_DEEPGRAM_OPTIONS, type DeepgramOptions } from './engines/deepgram/deepgramOptions';
export { OpenAiRecognizer } from './engines/openai/openAiRecognizer';
export {
  DEFAULT_OPENAI_OPTIONS,
  type OpenAiTranscriptionOptions,
} from './engines/openai/openAiOptions';

export type { CorpusEntry, CorpusManifest } from './corpus/corpusManifest';
export { CORPUS_DIR, loadCorpusAudio, loadCorpusAudio16k, loadManifest } from './corpus/loadCorpus';
