import {
  CallHandler,
  type CallerTranscribed,
  type ConversationEvent,
  KeywordHit,
} from '@warmline/contracts';
import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import type { CallHandlerLookup } from '../adapters/nats/callHandlers';
import type { ConversationLog, LoadedConversation } from '../adapters/nats/conversationLog';
import type { SpeechQueue } from '../adapters/nats/speechQueue';
import type { DecisionMetrics } from '../decision/decisionMetrics';
import type { DecisionOutcome, DecisionRunner } from '../decision/decisionRunner';
import { tracedDecision } from '../decision/tracedDecision';
import type { AgentProfile } from '../domain/profile/agentProfile';
import { reasonName } from '../domain/profile/reasonNames';
import { handoffSummary } from '../domain/session/handoffSummary';
import type { ReplyRecord } from '../domain/session/callSession';
import { planTurn } from '../domain/session/planTurn';
import { type SpeechSettings, speakRequest, turnEffects } from '../domain/session/turnEffects';
import { LOCAL_POLICY_PROVIDER, SAFE_REPLY_PROVIDER } from '../providers/decisionProvider';

/** What the transcript handler needs. */
export interface TranscriptHandlerDeps {
  readonly profile: AgentProfile;
  readonly conversations: ConversationLog;
  readonly callHandlers: CallHandlerLookup;
  readonly speech: SpeechQueue;
  readonly runner: DecisionRunner;
  readonly metrics: DecisionMetrics;
  readonly log: Logger;
  readonly now: () => number;
  readonly speechSettings: SpeechSettings;
  /** Transcripts older than this are not answered. */
  readonly staleAfterMs: number;
}

/** What became of a transcript. */
export type TranscriptResult =
  'decided' | 'answered-before' | 'escalated' | 'ended' | 'stale' | 'not-built-in';

/** Replies whose text is fixed (profile or configuration), which the tts may cache. */
const isFixedText = (provider: string): boolean =>
  provider === LOCAL_POLICY_PROVIDER || provider === SAFE_REPLY_PROVIDER;

type Deps = TranscriptHandlerDeps;

/** Queues a stored reply's speech again, under its original id (JetStream drops a repeat). */
const speakAgain = (deps: Deps, callId: string, reply: ReplyRecord, nowMs: number) => {
  const { utteranceId, text, provider } = reply;
  const utterance = { callId, utteranceId, text, cacheable: isFixedText(provider) };
  return deps.speech.speak(speakRequest(utterance, nowMs, deps.speechSettings));
};

const logOutcome = (deps: Deps, fields: Record<string, string>, outcome: DecisionOutcome) => {
  if (outcome.failure) {
    const { code, status } = outcome.failure;
    const provider = deps.runner.primary;
    deps.log.warn({ ...fields, provider, code, status }, 'decision provider failed');
  }
  const { decision } = outcome;
  const reason =
    decision.kind === 'escalate'
      ? { [WarmlineAttributes.ESCALATION_REASON]: reasonName(decision.reason) }
      : {};
  const { provider, fallback } = outcome;
  deps.log.info(
    { ...fields, provider, fallback, decision: decision.kind, ...reason },
    'turn decided',
  );
};

/** Decides the turn, appends its events at the version read, then queues its speech. */
const decideAndRecord = async (
  deps: Deps,
  event: ConversationEvent,
  transcript: CallerTranscribed,
  { session, version }: LoadedConversation,
  nowMs: number,
): Promise<DecisionOutcome> => {
  const { callId } = event;
  const turn = {
    text: transcript.text,
    confidence: transcript.confidence,
    humanKeyword: transcript.keywordHit === KeywordHit.KEYWORD_HIT_HUMAN_REQUEST,
  };
  const context = { profile: deps.profile, history: session.history, state: session.policy, turn };
  const traced = { callId, turnId: transcript.turnId, failuresInARow: session.consecutiveFailures };
  const outcome = await tracedDecision(deps.runner, deps.metrics, traced, context);
  const { decision, provider, fallback } = outcome;
  const effects = turnEffects(
    {
      callId,
      transcriptEventId: event.eventId,
      callerTurnId: transcript.turnId,
      correlationId: event.correlationId === '' ? callId : event.correlationId,
      decision,
      provider,
      fallback,
      summary: decision.kind === 'escalate' ? handoffSummary(session, turn, decision) : '',
      cacheable: decision.kind !== 'reply' || isFixedText(provider),
      nowMs,
    },
    deps.speechSettings,
  );
  await deps.conversations.append(callId, effects.events, version);
  if (effects.speak !== undefined) await deps.speech.speak(effects.speak);
  return outcome;
};

/**
 * Handles one final caller transcript of a built-in-agent call: fold the call's conversation,
 * skip what was answered or cannot be answered any more, decide (bounded, with fallback),
 * append `AgentReplied` (+ `EscalationRequested` or `HangupRequested`) and queue the speech.
 * Idempotent: every id derives from the transcript's event id, and a redelivered transcript
 * only re-queues its speech request (dropped by JetStream as a duplicate) while it is the
 * call's latest reply. Infrastructure errors are thrown for the consumer to retry.
 */
export const onCallerTranscribed =
  (deps: TranscriptHandlerDeps) =>
  async (event: ConversationEvent, transcript: CallerTranscribed): Promise<TranscriptResult> => {
    const { callId } = event;
    const fields = {
      [WarmlineAttributes.CALL_ID]: callId,
      [WarmlineAttributes.TURN_ID]: transcript.turnId,
    };
    if ((await deps.callHandlers.handlerOf(callId)) !== CallHandler.CALL_HANDLER_BUILT_IN_AGENT) {
      return 'not-built-in';
    }
    const loaded = await deps.conversations.load(callId);
    const nowMs = deps.now();
    const plan = planTurn(loaded.session, {
      turnId: transcript.turnId,
      occurredAtMs: event.occurredAt?.getTime(),
      nowMs,
      staleAfterMs: deps.staleAfterMs,
    });
    switch (plan.kind) {
      case 'skip':
        deps.log.info({ ...fields, reason: plan.reason }, 'transcript not answered');
        return plan.reason;
      case 'answered':
        if (plan.reply.spoken && plan.latest) await speakAgain(deps, callId, plan.reply, nowMs);
        return 'answered-before';
      case 'decide':
        logOutcome(deps, fields, await decideAndRecord(deps, event, transcript, loaded, nowMs));
        return 'decided';
    }
  };
