import { ActiveCall, type CallDeps } from '../call/activeCall';
import type { ResolvedClientOptions } from '../config/clientConfig';
import { bytesPerMs } from '../config/sampleRate';
import type { CallInfo } from '../domain/callInfo';
import { terminationReasonFromProto } from '../domain/protoNames';
import { MediaConnection } from '../media/mediaConnection';
import type { Channel } from '../transport/channel';

/** What building calls needs from the client. */
export type CallFactoryDeps = Pick<CallDeps, 'fetchInfo' | 'notify' | 'release'> & {
  readonly channel: Channel;
  readonly options: ResolvedClientOptions;
  readonly random: () => number;
};

/** Builds the calls of one client, each with its media connection. */
export function callFactory(
  deps: CallFactoryDeps,
): (info: CallInfo, historyUntilMs?: number) => ActiveCall {
  const { channel, options, random } = deps;
  const rate = bytesPerMs(options.sampleRate);
  const callDeps: CallDeps = {
    commands: { channel, logger: options.logger, backoff: options.reconnect, random },
    commandTimeoutMs: options.commandTimeoutMs,
    logger: options.logger,
    fetchInfo: deps.fetchInfo,
    notify: deps.notify,
    release: deps.release,
    createMedia: (callId, onEnded) =>
      new MediaConnection({
        channel,
        callId,
        sampleRate: options.sampleRate,
        logger: options.logger,
        backoff: options.reconnect,
        random,
        sendBufferBytes: Math.round(options.sendBufferMs * rate),
        receiveBufferBytes: Math.round(options.receiveBufferMs * rate),
        clearTimeoutMs: options.commandTimeoutMs,
        onEnded: (reason) => onEnded(terminationReasonFromProto(reason)),
      }),
  };
  return (info, historyUntilMs) => new ActiveCall(info, callDeps, historyUntilMs);
}
