import { type CallInput, type StartedCall } from '../domain';
import type { CallDeps } from './callDeps';
import type { LoadedCall } from './callStore';
import { applyInput } from './applyInput';
import { followUpFor } from './followUp';

/**
 * Recovers an answer whose process died between storing CallAnswerRequested and recording
 * the gateway's reply: once the request is older than `staleAfterMs`, the AnswerLeg
 * instruction is sent again with its original instruction id (so a gateway that did
 * answer only repeats its reply) and the reply is recorded. Inside that window a repeated
 * answer only waits, so the gateway is never told twice while the first request is alive.
 */
export async function resumeStaleAnswer(
  deps: CallDeps,
  loaded: LoadedCall,
  staleAfterMs: number,
): Promise<void> {
  const call = loaded.call;
  if (!call.exists || !call.pendingAnswer) return;
  const { commandId } = call.pendingAnswer;
  const request = loaded.events.findLast(
    (event) => event.payload?.$case === 'answerRequested' && event.causationId === commandId,
  );
  const requestedAtMs = request?.occurredAt?.getTime();
  if (!request || requestedAtMs === undefined) return;
  if (deps.clock() - requestedAtMs < staleAfterMs) return;
  await answerAgain(deps, call, commandId, `${request.eventId}:0`);
}

async function answerAgain(
  deps: CallDeps,
  call: StartedCall,
  commandId: string,
  instructionId: string,
): Promise<void> {
  const action = { $case: 'answer' as const, value: {} };
  const reply = await deps.gateway.instruct(call.callId, instructionId, action);
  const command: CallInput = {
    kind: 'command',
    command: {
      commandId,
      callId: call.callId,
      causationId: '',
      correlationId: '',
      payload: { $case: 'answer', value: {} },
    },
  };
  const outcome = followUpFor(call.callId, command, action, instructionId, reply, deps.clock());
  if (outcome) await applyInput(deps, call.callId, outcome);
}
