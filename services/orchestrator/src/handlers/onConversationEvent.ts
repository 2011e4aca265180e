import type { ConsumeContext, Disposition } from '@warmline/bus';
import type { AgentMode, ConversationEvent } from '@warmline/contracts';
import { supportedAgentModes } from '@warmline/handoff';
import { isOwnUtterance } from '../domain/escalation';
import type { CallStreamPort } from '../runner/ports';
import type { Work } from '../runner/runner';
import { type HandlerDeps, callIdOf, runWork } from './handlerDeps';

/** What the saga needs from the call's CallStarted. */
interface CallStart {
  /** '' when the call stream has no CallStarted. */
  readonly callerNumber: string;
  /** What the call's gateway can mix; undefined (all modes) when the start is unknown. */
  readonly agentModes: readonly AgentMode[] | undefined;
}

/** The caller's number and the call's agent modes, from the call's CallStarted. */
const callStartOf = async (calls: CallStreamPort, callId: string): Promise<CallStart> => {
  const events = await calls.read(callId);
  for (const event of events) {
    if (event.payload?.$case === 'started') {
      const started = event.payload.value;
      return { callerNumber: started.callerNumber, agentModes: supportedAgentModes(started) };
    }
  }
  return { callerNumber: '', agentModes: undefined };
};

/**
 * A conversation event (`evt.conversation.<callId>`): an escalation request starts the saga, a
 * hang-up request goes to the agent session, and the playing of an utterance the orchestrator
 * asked for goes to both. Every other turn (transcripts, replies) is acked without any read.
 */
export const onConversationEvent = async (
  deps: HandlerDeps,
  event: ConversationEvent,
  ctx: ConsumeContext,
): Promise<Disposition> => {
  const callId = callIdOf(ctx);
  const base = { inputId: event.eventId, nowMs: deps.clock() };
  const payload = event.payload;
  const work = async (): Promise<Work[]> => {
    switch (payload?.$case) {
      case 'escalationRequested': {
        const { reason, detail, summary, callerName } = payload.value;
        const { callerNumber, agentModes } = await callStartOf(deps.callStream, callId);
        const input = {
          kind: 'EscalationRequested',
          ...base,
          reason,
          detail,
          summary,
          callerName,
          callerNumber,
          agentModes,
        } as const;
        return [{ workflow: 'saga', input }];
      }
      case 'hangupRequested':
        return [{ workflow: 'session', input: { kind: 'HangupRequested', ...base } }];
      case 'speechPlayed': {
        const { utteranceId, interrupted } = payload.value;
        if (!isOwnUtterance(callId, utteranceId)) return [];
        return [
          { workflow: 'saga', input: { kind: 'SpeechPlayed', ...base, utteranceId, interrupted } },
          { workflow: 'session', input: { kind: 'SpeechPlayed', ...base, utteranceId } },
        ];
      }
      case 'voicemailRecorded': {
        const { recordingId, durationMs } = payload.value;
        return [
          {
            workflow: 'saga',
            input: { kind: 'VoicemailRecorded', ...base, recordingId, durationMs },
          },
        ];
      }
      default:
        return [];
    }
  };
  return runWork(deps, callId, await work(), ctx);
};
