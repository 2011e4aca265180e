import type { handleUnaryCall } from '@grpc/grpc-js';
import {
  CallCommand,
  CallState,
  type ExecuteCommandRequest,
  type ExecuteCommandResponse,
} from '@warmline/contracts';
import { authenticate } from '../../auth/authenticate';
import { commandResult } from '../../calls/commandResult';
import { initialState } from '../../domain';
import { onExecuteCommand } from '../../handlers/onExecuteCommand';
import type { GrpcDeps } from './grpcDeps';
import { isExpectedError, toServiceError } from './grpcStatus';
import { presentedCredentials } from './presentedCredentials';

function refuse(command: CallCommand, message: string): ExecuteCommandResponse {
  const rejection = {
    code: 'INVALID_ARGUMENT' as const,
    message,
    state: CallState.CALL_STATE_UNSPECIFIED,
  };
  return { result: commandResult(command, initialState(), { kind: 'rejected', rejection }) };
}

/**
 * ExecuteCommand: authenticates, runs the command and answers its CallCommandResult
 * (business failures are results with ok=false; a bad credential or a call of another
 * connector is a gRPC status). `terminate` is refused here: it is the platform's
 * server-side termination (saga, operators), not an application method.
 */
export function executeCommandRpc(
  deps: GrpcDeps,
): handleUnaryCall<ExecuteCommandRequest, ExecuteCommandResponse> {
  return (call, callback) => {
    const run = async (): Promise<ExecuteCommandResponse> => {
      const principal = authenticate(deps.credentials, presentedCredentials(call));
      const command = call.request.command;
      if (!command) return refuse(CallCommand.fromPartial({}), 'command is required');
      if (command.payload?.$case === 'terminate') {
        return refuse(command, "terminate is the platform's own command; use disconnect");
      }
      const options = { scope: principal.scope };
      return { result: await onExecuteCommand(deps.calls, command, options) };
    };
    run().then(
      (response) => callback(null, response),
      (error: unknown) => {
        if (!isExpectedError(error)) deps.log.error({ err: error }, 'ExecuteCommand failed');
        callback(toServiceError(error));
      },
    );
  };
}
