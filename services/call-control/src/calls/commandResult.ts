import {
  AgentMode,
  type CallCommand,
  type CallCommandResult,
  CallState,
} from '@warmline/contracts';
import type { CallAggregate, CallRejection, CommandOutcome } from '../domain';

/** Why a command has no final outcome to report (yet). */
export type UnfinishedOutcome =
  /** The outcome did not arrive in time; the command may still complete (watch the events). */
  { readonly kind: 'timeout'; readonly message: string };

/** Everything a command result can be built from. */
export type ResultSource =
  | { readonly kind: 'rejected'; readonly rejection: CallRejection }
  | CommandOutcome
  | UnfinishedOutcome;

/** The code for a command whose outcome did not arrive in time (the seed's command timeout). */
export const COMMAND_TIMEOUT = 'COMMAND_TIMEOUT';

function failure(source: ResultSource): { code: string; message: string } | null {
  switch (source.kind) {
    case 'ok':
      return null;
    case 'rejected': {
      const { rejection } = source;
      const gateway = rejection.gatewayErrorCode ? ` (${rejection.gatewayErrorCode})` : '';
      return { code: rejection.code, message: `${rejection.message}${gateway}` };
    }
    case 'failed':
      return { code: source.code, message: source.message };
    case 'pending':
      return { code: COMMAND_TIMEOUT, message: 'the command is still in progress' };
    case 'timeout':
      return { code: COMMAND_TIMEOUT, message: source.message };
  }
}

/** The `CallCommandResult` a command's sender gets, with the call's state after it. */
export function commandResult(
  command: CallCommand,
  call: CallAggregate,
  source: ResultSource,
): CallCommandResult {
  const failed = failure(source);
  return {
    commandId: command.commandId,
    callId: command.callId,
    ok: failed === null,
    errorCode: failed?.code ?? '',
    errorMessage: failed?.message ?? '',
    state: call.exists ? call.state : CallState.CALL_STATE_UNSPECIFIED,
    mode: call.exists ? call.mode : AgentMode.AGENT_MODE_UNSPECIFIED,
  };
}
