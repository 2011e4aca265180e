import {
  agentModeToJSON,
  callHandlerToJSON,
  escalationOutcomeToJSON,
  escalationReasonToJSON,
  escalationStepToJSON,
  terminationReasonToJSON,
} from '@warmline/contracts';
import type { WatchedEvent } from './callWatcher';

/** Who a timeline line is about. */
export type TimelineActor = 'CALLER' | 'AGENT' | 'CALL' | 'SAGA' | 'CONTEXT';

/** One line of the live timeline. */
export interface TimelineLine {
  readonly actor: TimelineActor;
  readonly text: string;
}

const strip = (name: string, prefix: string): string =>
  name.startsWith(prefix) ? name.slice(prefix.length) : name;

const quote = (text: string): string => `“${text}”`;

/**
 * What a call's event means on the timeline, or undefined for bookkeeping events (timers, inputs
 * the saga accepted). Pure. Transcripts appear here: the timeline is for the user's own terminal,
 * never for logs.
 */
export const timelineLine = (watched: WatchedEvent): TimelineLine | undefined => {
  switch (watched.stream) {
    case 'context':
      return { actor: 'CONTEXT', text: `context saved (version ${watched.event.version})` };
    case 'call': {
      const payload = watched.event.payload;
      switch (payload?.$case) {
        case 'started': {
          const handler = strip(callHandlerToJSON(payload.value.handler), 'CALL_HANDLER_');
          return {
            actor: 'CALL',
            text: `call from ${payload.value.callerNumber} to ${payload.value.calleeNumber} (PENDING, handler ${handler})`,
          };
        }
        case 'answered':
          return { actor: 'CALL', text: 'answered (ANSWERED)' };
        case 'connectRequested':
          return {
            actor: 'CALL',
            text: `connect(): ringing the human at ${payload.value.destination} (ring time ${payload.value.ringTimeSeconds} s)`,
          };
        case 'connectRinging':
          return { actor: 'CALL', text: "the human's line is ringing" };
        case 'connected':
          return { actor: 'CALL', text: 'the human answered (CONNECTED)' };
        case 'connectFailed':
          return {
            actor: 'CALL',
            text: `connect failed: ${payload.value.errorCode} ${payload.value.errorMessage}`.trim(),
          };
        case 'agentModeChanged':
          return {
            actor: 'CALL',
            text: `agent mode ${strip(agentModeToJSON(payload.value.mode), 'AGENT_MODE_')}`,
          };
        case 'bridgeEnded':
          return {
            actor: 'CALL',
            text: `bridge ended (${strip(terminationReasonToJSON(payload.value.reason), 'TERMINATION_REASON_')})`,
          };
        case 'terminated':
          return {
            actor: 'CALL',
            text: `ended (DISCONNECTED, ${strip(terminationReasonToJSON(payload.value.reason), 'TERMINATION_REASON_')})`,
          };
        default:
          return undefined;
      }
    }
    case 'conversation': {
      const payload = watched.event.payload;
      switch (payload?.$case) {
        case 'transcribed':
          return {
            actor: 'CALLER',
            text: `${quote(payload.value.text)} (confidence ${payload.value.confidence.toFixed(2)})`,
          };
        case 'replied':
          return { actor: 'AGENT', text: `${quote(payload.value.text)} (reply)` };
        case 'speechPlayed': {
          const v = payload.value;
          const how = v.interrupted ? `cut off after ${v.playedMs} ms of ${v.totalMs}` : 'heard';
          return { actor: 'AGENT', text: `${how}: ${quote(v.heardText)}` };
        }
        case 'bargedIn':
          return { actor: 'CALLER', text: 'barged in: the agent stops talking' };
        case 'escalationRequested':
          return {
            actor: 'AGENT',
            text: `asks for a human: ${strip(escalationReasonToJSON(payload.value.reason), 'ESCALATION_REASON_')} (${payload.value.detail})`,
          };
        case 'hangupRequested':
          return { actor: 'AGENT', text: 'ends the call' };
        case 'voicemailRecorded':
          return { actor: 'CALLER', text: `left a voicemail (${payload.value.durationMs} ms)` };
        default:
          return undefined;
      }
    }
    case 'escalation': {
      const payload = watched.event.payload;
      switch (payload?.$case) {
        case 'started':
          return {
            actor: 'SAGA',
            text: `escalation started: ${strip(escalationReasonToJSON(payload.value.reason), 'ESCALATION_REASON_')}`,
          };
        case 'stepEntered':
          return {
            actor: 'SAGA',
            text: `step ${strip(escalationStepToJSON(payload.value.step), 'ESCALATION_STEP_')}`,
          };
        case 'finished':
          return {
            actor: 'SAGA',
            text: `finished: ${strip(escalationOutcomeToJSON(payload.value.outcome), 'ESCALATION_OUTCOME_')} (${payload.value.detail})`,
          };
        default:
          return undefined;
      }
    }
  }
};

/** The latency of each stage for one caller turn, in ms (undefined when a stage did not happen). */
export interface TurnTimings {
  readonly turnId: string;
  /** Last caller frame in (gateway) → transcript stored (includes the end-of-turn silence). */
  readonly speechEndToTranscriptMs?: number;
  /** Transcript stored → reply stored. */
  readonly transcriptToReplyMs?: number;
  /** Reply stored → first agent audio frame out of tts. */
  readonly replyToFirstAudioMs?: number;
}

/**
 * The stage timings of every caller turn of a call, from its watched events and the time of the
 * first agent frame of each utterance. Pure.
 */
export const turnTimings = (
  events: readonly WatchedEvent[],
  firstAudioAt: (utteranceId: string) => number | undefined,
): TurnTimings[] =>
  events.flatMap((watched) => {
    if (watched.stream !== 'conversation' || watched.event.payload?.$case !== 'transcribed')
      return [];
    const turn = watched.event.payload.value;
    const reply = events.find(
      (e) =>
        e.stream === 'conversation' &&
        e.event.payload?.$case === 'replied' &&
        e.event.payload.value.inReplyToTurnId === turn.turnId,
    );
    const utteranceId =
      reply?.stream === 'conversation' && reply.event.payload?.$case === 'replied'
        ? reply.event.payload.value.utteranceId
        : undefined;
    const audio = utteranceId === undefined ? undefined : firstAudioAt(utteranceId);
    const ingress = Number(turn.lastFrameIngressAtMs);
    return [
      {
        turnId: turn.turnId,
        ...(ingress > 0 ? { speechEndToTranscriptMs: watched.atMs - ingress } : {}),
        ...(reply ? { transcriptToReplyMs: reply.atMs - watched.atMs } : {}),
        ...(reply && audio !== undefined ? { replyToFirstAudioMs: audio - reply.atMs } : {}),
      },
    ];
  });
