import {
  type Bus,
  contextFromHeaders,
  isRetryable,
  onMessage,
  protoCodec,
  publish,
  publishToStream,
  request,
  serve,
} from '@warmline/bus';
import {
  AudioFrame,
  GatewayInstruction,
  GatewayInstructionResult,
  GatewaySignal,
  PlaybackControl,
  PlaybackProgress,
  StartCallRequest,
  StartCallResponse,
  subjects,
} from '@warmline/contracts';
import type { Logger } from '@warmline/telemetry';
import type { GatewayBus } from '../calls/gatewayBus';
import type { TurnTraces } from '../telemetry/turnTraces';
import { withRetries } from './withRetries';

const codecs = {
  frame: protoCodec(AudioFrame),
  control: protoCodec(PlaybackControl),
  progress: protoCodec(PlaybackProgress),
  signal: protoCodec(GatewaySignal),
  instruction: protoCodec(GatewayInstruction),
  result: protoCodec(GatewayInstructionResult),
  start: protoCodec(StartCallRequest),
  started: protoCodec(StartCallResponse),
};

/** Options of {@link natsGatewayBus}. */
export interface NatsGatewayBusOptions {
  /** How long one start request waits for call-control (default 5000 ms). */
  startTimeoutMs?: number;
  /** Attempts for a start request or a signal publish before giving up (default 4). */
  attempts?: number;
  logger: Logger;
  /** Per-turn tracing of caller frames and agent utterances (none: frames carry no trace). */
  traces?: TurnTraces;
}

/** The gateway's bus port on NATS: core subjects for media, request/reply and JetStream for control. */
export const natsGatewayBus = (bus: Bus, options: NatsGatewayBusOptions): GatewayBus => {
  const attempts = options.attempts ?? 4;
  const onError = (error: unknown): void =>
    options.logger.warn({ err: error }, 'bus handler failed');
  return {
    startCall: (value) =>
      withRetries(
        () =>
          request(bus, subjects.startCall, codecs.start, value, codecs.started, {
            timeoutMs: options.startTimeoutMs ?? 5_000,
          }),
        { attempts, retryable: isRetryable },
      ),
    publishCallerFrame: (frame) => {
      const send = () => publish(bus, subjects.mediaIn(frame.callId), codecs.frame, frame);
      if (options.traces) options.traces.callerFrame(frame.callId, send);
      else send();
    },
    publishProgress: (progress) =>
      publish(bus, subjects.mediaProgress(progress.callId), codecs.progress, progress),
    publishSignal: async (signal) => {
      await withRetries(
        () =>
          publishToStream(bus, subjects.gatewaySignals(signal.callId), codecs.signal, signal, {
            msgId: signal.signalId,
          }),
        { attempts, retryable: isRetryable },
      );
    },
    onAgentAudio: (callId, handler) => {
      const { traces } = options;
      traces?.open(callId);
      const listener = onMessage(
        bus,
        subjects.mediaOut(callId),
        codecs.frame,
        (d) => {
          traces?.agentFrame(d.value, contextFromHeaders(d.headers));
          handler(d.value);
        },
        {
          onError,
          onMalformed: onError,
        },
      );
      return {
        close: async () => {
          listener.unsubscribe();
          traces?.close(callId);
        },
      };
    },
    onPlaybackControl: (callId, handler) => {
      const listener = onMessage(
        bus,
        subjects.mediaControl(callId),
        codecs.control,
        (d) => handler(d.value),
        {
          onError,
          onMalformed: onError,
        },
      );
      return { close: async () => listener.unsubscribe() };
    },
    serveInstructions: (callId, handler) => {
      const responder = serve(
        bus,
        subjects.gatewayInstruction(callId),
        { requestCodec: codecs.instruction, responseCodec: codecs.result },
        handler,
      );
      return { close: () => responder.stop() };
    },
  };
};
