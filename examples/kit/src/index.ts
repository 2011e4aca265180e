/**
 * @warmline/example-kit: what every Warmline example shares. Engines (flite, pocketsphinx),
 * end of utterance, the caller's next line, sending a line and waiting until it was taken, config
 * and process wiring. Test support is under `@warmline/example-kit/testing`.
 */
export type { SpeechRecognizer, Transcript } from './engines/speechRecognizer';
export type { SpeechSynthesizer } from './engines/speechSynthesizer';
export { PocketsphinxTranscriber } from './engines/pocketsphinxTranscriber';
export { FliteSynthesizer, type FliteOptions } from './engines/fliteSynthesizer';
export {
  DEFAULT_UTTERANCE_OPTIONS,
  UtteranceDetector,
  type UtteranceDetectorOptions,
} from './utteranceDetector';
export { callerUtterances } from './callerUtterances';
export { CallerListener, type ListenerOptions } from './listener';
export { sendLine } from './sendLine';
export { isHangUp, hangUpIfActive } from './endsQuietly';
export { ConfigError, loadConfig, type ExampleConfig } from './config';
export { jsonLogger } from './jsonLogger';
export { runExample, type ExampleContext, type ExampleNeeds } from './runExample';
export { replyIntent, type ReplyIntent } from './replyIntent';
export { handOff, type HandOffOptions } from './handOff';
export { warmUpSpeech } from './engines/warmUpSpeech';
