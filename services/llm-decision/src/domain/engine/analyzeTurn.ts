import {
  type ConversationalAct,
  classifyConversationalAct,
  isQuestion,
} from '../classify/conversationalActs';
import { detectEndOfCall } from '../classify/detectEndOfCall';
import { type HumanRequest, detectHumanRequest } from '../classify/detectHumanRequest';
import { type PolicyHit, detectPolicyKeyword } from '../classify/detectPolicyKeyword';
import { type Rejection, detectRejection } from '../classify/detectRejection';
import { detectRepetition } from '../classify/detectRepetition';
import { type IntentMatch, matchIntent } from '../classify/matchIntent';
import { type FrustrationScore, scoreFrustration } from '../classify/scoreFrustration';
import { normalizeText } from '../text/normalizeText';
import type { CompiledProfile } from './compileProfile';
import type { ConversationState } from './conversationState';
import type { CallerTurn } from './decision';

/** Every classifier's view of one caller turn. */
export interface TurnSignals {
  /** Below the profile's minimum confidence, or nothing intelligible was said. */
  readonly lowConfidence: boolean;
  readonly policy?: PolicyHit;
  readonly human: HumanRequest;
  readonly act?: ConversationalAct;
  readonly question: boolean;
  readonly rejection: Rejection;
  readonly repeated: boolean;
  readonly intent: IntentMatch;
  readonly endOfCall: boolean;
  readonly frustration: FrustrationScore;
}

const NO_REJECTION: Rejection = { rejected: false };

/**
 * stt's keyword pass listens for "human", "agent", "operator" in the audio itself, so it can hear
 * a request for a person that the transcript garbled. It is trusted only where the transcript is
 * not (a low-confidence turn) and the text does not negate the request; a confident transcript's
 * own reading (`are you a real person?` is a question, not a request) wins.
 */
const withKeywordPass = (
  human: HumanRequest,
  lowConfidence: boolean,
  keywordHit: boolean,
): HumanRequest =>
  keywordHit && lowConfidence && !human.requested && !human.negated
    ? { requested: true, negated: false, evidence: 'stt keyword pass' }
    : human;

/** Confidence outside 0..1 is clamped; a missing or NaN confidence counts as 0. */
const clampConfidence = (c: number): number =>
  Number.isFinite(c) ? Math.min(1, Math.max(0, c)) : 0;

/**
 * Runs every classifier on one turn. Safety-relevant detectors (policy keywords, requests for a
 * person) run even on low-confidence turns; the others only trust confident transcripts.
 */
export function analyzeTurn(
  compiled: CompiledProfile,
  state: ConversationState,
  turn: CallerTurn,
): TurnSignals {
  const text = normalizeText(turn.text);
  const lowConfidence =
    text.tokens.length === 0 ||
    clampConfidence(turn.confidence) < compiled.profile.escalation.lowConfidence.minConfidence;
  const policy = detectPolicyKeyword(text, compiled.policyRules);
  const human = withKeywordPass(
    detectHumanRequest(text, compiled.explicitRequestPhrases),
    lowConfidence,
    turn.humanKeyword === true,
  );
  const question = isQuestion(text);
  const closing = !lowConfidence && detectEndOfCall(text, compiled.endPhrases, question);
  const detected = lowConfidence ? NO_REJECTION : detectRejection(text);
  // `no, that's all, bye` closes the call; a real rejection (`that's it, it still doesn't work`) does not.
  const rejection = closing && detected.cue === 'no' ? NO_REJECTION : detected;
  const intent = matchIntent(compiled.index, text.tokens);
  const repeated = !lowConfidence && detectRepetition(intent.terms, state.lastQuestions);
  const frustration = lowConfidence
    ? { score: 0, negative: false, cues: [] }
    : scoreFrustration(turn.text, text, {
        previousBad: state.lastTurnBad,
        negativeStreak: state.negativeStreak,
        repeated,
        rejected: rejection.rejected,
      });
  const act = lowConfidence ? undefined : classifyConversationalAct(text, compiled.businessWords);
  return {
    lowConfidence,
    ...(policy === undefined ? {} : { policy }),
    human,
    ...(act === undefined ? {} : { act }),
    question,
    rejection,
    repeated,
    intent,
    endOfCall: closing && !rejection.rejected,
    frustration,
  };
}
