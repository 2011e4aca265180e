import type { WarmlineClient, WarmlineLogger } from '@warmline/sdk';
import type {
  SpeechRecognizer,
  SpeechSynthesizer,
  UtteranceDetectorOptions,
} from '@warmline/example-kit';
import type { ContextStore } from './escalationContext';
import type { TurnDecider } from './turnDecider';

/** What {@link runHumanEscalation} needs. */
export interface HumanEscalationDeps {
  readonly client: WarmlineClient;
  readonly recognizer: SpeechRecognizer;
  /** Must produce audio at {@link HumanEscalationDeps.sampleRate}. */
  readonly synthesizer: SpeechSynthesizer;
  readonly decide: TurnDecider;
  readonly contextStore: ContextStore;
  /** The client's sample rate; default 16 000. */
  readonly sampleRate?: number;
  /** Ring time of `connect()`; default 40 s. */
  readonly ringTimeSeconds?: number;
  /** Whisper a briefing to the callee before leaving (default true). */
  readonly briefing?: boolean;
  /** End-of-utterance tuning. */
  readonly utterances?: Partial<UtteranceDetectorOptions>;
  /** Where call failures are logged; default silent. */
  readonly logger?: WarmlineLogger;
}
