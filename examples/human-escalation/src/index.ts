/**
 * @warmline/example-human-escalation: the seed's "AI agent with human escalation" use case on
 * @warmline/sdk: converse turn by turn, save the context for the human, connect and leave.
 */
export { handleCall, runHumanEscalation, type HumanEscalationDeps } from './app';
export { callerUtterances } from './callerUtterances';
export { converse, storedReason, type ConversationEnd } from './converse';
export type { ContextStore, ConversationTurn, EscalationContext } from './escalationContext';
export { CONTEXTS_COLLECTION, MongoContextStore, type ContextDocument } from './mongoContextStore';
export { profileDecider, type TurnDecider } from './turnDecider';
export {
  DEFAULT_UTTERANCE_OPTIONS,
  UtteranceDetector,
  type UtteranceDetectorOptions,
} from './utteranceDetector';
export { sendLine } from './sendLine';
export { ConfigError, loadConfig, type ExampleConfig } from './config';
export type { SpeechRecognizer, Transcript } from './engines/speechRecognizer';
export type { SpeechSynthesizer } from './engines/speechSynthesizer';
export { PocketsphinxTranscriber } from './engines/pocketsphinxTranscriber';
export { FliteSynthesizer, type FliteOptions } from './engines/fliteSynthesizer';
