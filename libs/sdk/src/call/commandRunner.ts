import { randomUUID } from 'node:crypto';
import type { CallCommand, CallCommandResult } from '@warmline/contracts';
import { type BackoffPolicy, backoffDelayMs } from '../domain/backoff';
import type { CallCommandName } from '../errors/callErrors';
import type { WarmlineLogger } from '../logger';
import type { Channel } from '../transport/channel';
import { errorFromStatus, isPermanentStatus, statusOf } from '../transport/grpcErrors';
import { sleep, unary } from '../transport/unary';

/** What sending commands needs. */
export interface CommandDeps {
  readonly channel: Channel;
  readonly logger: WarmlineLogger;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
}

/** One command to send. */
export interface CommandRequest {
  readonly callId: string;
  readonly name: CallCommandName;
  readonly payload: NonNullable<CallCommand['payload']>;
  /** The whole budget, retries included. */
  readonly timeoutMs: number;
}

/**
 * Sends a command and returns the platform's result. The command id is fixed before the first
 * attempt, so when the connection drops the same command is sent again until the budget runs
 * out: the platform applies it at most once (ExecuteCommand is idempotent by command id).
 *
 * @throws {@link CallCommandTimeoutError} when the budget runs out; the errors of
 * `errorFromStatus` for permanent failures (AuthenticationError, CallNotFoundError, ...)
 */
export async function executeCommand(
  deps: CommandDeps,
  request: CommandRequest,
): Promise<CallCommandResult> {
  const { callId, name, payload, timeoutMs } = request;
  const command: CallCommand = {
    commandId: randomUUID(),
    callId,
    issuedAt: new Date(),
    causationId: '',
    correlationId: callId,
    payload,
  };
  const deadline = Date.now() + timeoutMs;
  const context = { kind: 'command', callId, command: name, timeoutMs } as const;
  for (let attempt = 0; ; attempt++) {
    deps.logger.debug('command sent', {
      callId,
      command: name,
      commandId: command.commandId,
      attempt,
    });
    try {
      const response = await unary<{ result?: CallCommandResult }>((callback) =>
        deps.channel.client.executeCommand(
          { command },
          deps.channel.metadata(),
          { deadline },
          callback,
        ),
      );
      if (!response.result) throw new Error('ExecuteCommand returned no result');
      return response.result;
    } catch (error) {
      const code = statusOf(error);
      const delay = backoffDelayMs(attempt, deps.backoff, deps.random());
      if (isPermanentStatus(code) || Date.now() + delay >= deadline)
        throw errorFromStatus(error, context);
      deps.logger.warn('command retried', {
        callId,
        command: name,
        attempt,
        delayMs: delay,
        status: code,
      });
      await sleep(delay);
    }
  }
}
