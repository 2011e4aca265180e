import { type Logger, WarmlineAttributes } from '@warmline/telemetry';
import {
  toCallCommand,
  toRecordVoicemailRequest,
  toSaveContextRequest,
  toSpeakRequest,
  toTimerMessage,
} from '../adapters/effectMessages';
import type { AgentSessionEffect } from '../domain/agentSession';
import { type Effect, type EscalationInput, effectIdOf } from '../domain/escalation';
import type { EffectPorts } from './ports';
import { EffectDispatchError } from './runnerErrors';

/** Any effect the runner performs: the saga's and the agent session's. */
export type RunnerEffect = Effect | AgentSessionEffect;

/** What dispatching needs besides the effect. */
export interface DispatchContext {
  readonly callId: string;
  /** The input the effect was decided on (causation of the commands sent). */
  readonly causationId: string;
  readonly nowMs: number;
  readonly ports: EffectPorts;
  readonly log: Logger;
}

const idOf = (effect: RunnerEffect): string => {
  switch (effect.kind) {
    case 'AnswerCall':
      return effect.commandId;
    case 'HandToSaga':
      return effect.input.inputId;
    default:
      return effectIdOf(effect);
  }
};

/** A publish the saga cannot go on without: a failure makes the input come back (nak). */
const mustSucceed = async (effect: RunnerEffect, send: () => Promise<unknown>): Promise<void> => {
  try {
    await send();
  } catch (cause) {
    throw new EffectDispatchError(effect.kind, idOf(effect), { cause });
  }
};

/**
 * A request whose failure must not hold the saga: the step that issued it is guarded by a timer,
 * which moves the saga on if the answer never comes. Only logged.
 */
const bestEffort = async (
  effect: RunnerEffect,
  ctx: DispatchContext,
  send: () => Promise<unknown>,
) => {
  try {
    await send();
  } catch (error) {
    ctx.log.warn(
      {
        [WarmlineAttributes.CALL_ID]: ctx.callId,
        effect: effect.kind,
        effectId: idOf(effect),
        err: error,
      },
      'effect not confirmed; its guard timer covers it',
    );
  }
};

/**
 * Performs one effect. Returns the saga inputs it leads to (the agent session handing the end of
 * the call to the saga), to be run next in the same per-call turn.
 * @throws {@link EffectDispatchError} when a JetStream publish failed (retryable)
 */
export const dispatchEffect = async (
  effect: RunnerEffect,
  ctx: DispatchContext,
): Promise<EscalationInput[]> => {
  const { ports, callId, causationId, nowMs } = ctx;
  const command = (commandId: string, payload: Parameters<typeof toCallCommand>[0]['payload']) =>
    ports.sendCallCommand(
      toCallCommand({ commandId, callId, payload, causationId, issuedAtMs: nowMs }),
    );
  switch (effect.kind) {
    case 'SaveContext':
      await bestEffort(effect, ctx, async () => {
        const reply = await ports.saveContext(toSaveContextRequest(effect));
        if (!reply.ok) throw new Error(`context not saved: ${reply.errorCode}`);
      });
      return [];
    case 'RecordVoicemail':
      await bestEffort(effect, ctx, async () => {
        const reply = await ports.recordVoicemail(toRecordVoicemailRequest(effect));
        if (!reply.accepted) throw new Error(`recording refused: ${reply.errorCode}`);
      });
      return [];
    case 'CancelTimer':
      await bestEffort(effect, ctx, () => ports.cancelTimer(callId, effect.timerId));
      return [];
    case 'Speak':
      await mustSucceed(effect, () => ports.speak(toSpeakRequest(effect, nowMs)));
      return [];
    case 'SendCallCommand':
      await mustSucceed(effect, () => command(effect.commandId, effect.command));
      return [];
    case 'AnswerCall':
      await mustSucceed(effect, () => command(effect.commandId, { $case: 'answer', value: {} }));
      return [];
    case 'ScheduleTimer':
      await mustSucceed(effect, () => ports.scheduleTimer(callId, toTimerMessage(effect)));
      return [];
    case 'HandToSaga':
      return [effect.input];
    default: {
      const unreachable: never = effect;
      return unreachable;
    }
  }
};

/** Performs `effects` in order; the saga inputs they lead to, in order. */
export const dispatchAll = async (
  effects: readonly RunnerEffect[],
  ctx: DispatchContext,
): Promise<EscalationInput[]> => {
  const followUps: EscalationInput[] = [];
  for (const effect of effects) followUps.push(...(await dispatchEffect(effect, ctx)));
  return followUps;
};
