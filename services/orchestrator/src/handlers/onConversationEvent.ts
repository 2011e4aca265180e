import type { ConsumeContext, Disposition } from '@warmline/bus';
import type { ConversationEvent } from '@warmline/contracts';
import { isOwnUtterance } from '../domain/escalation';
import type { CallStreamPort } from '../runner/ports';
import type { Work } from '../runner/runner';
import { type HandlerDeps, callIdOf, runWork } from './handlerDeps';

/** The caller's number, from the call's CallStarted ('' when the call stream has none). */
const callerNumberOf = async (calls: CallStreamPort, callId: string): Promise<string> => {
  const events = await calls.read(callId);
  const started = events.find((event) => event.payload?.$case === 'started');
  return started?.payload?.$case === 'started' ? started.payload.value.callerNumber : '';
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
        const callerNumber = await callerNumberOf(deps.callStream, callId);
        const input = {
          kind: 'EscalationRequested',
          ...base,
          reason,
          detail,
          summary,
          callerName,
          callerNumber,
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
