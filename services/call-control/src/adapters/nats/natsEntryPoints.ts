import {
  type Bus,
  type ConsumerHandle,
  type Responder,
  bytesCodec,
  consume,
  protoCodec,
  serve,
} from '@warmline/bus';
import {
  CallCommand,
  ExecuteCommandRequest,
  ExecuteCommandResponse,
  GatewaySignal,
  StartCallRequest,
  StartCallResponse,
  streams,
  subjectWildcards,
  subjects,
} from '@warmline/contracts';
import type { CallDeps } from '../../calls/callDeps';
import { onCallCommand } from '../../handlers/onCallCommand';
import { onExecuteCommand } from '../../handlers/onExecuteCommand';
import { onGatewaySignal } from '../../handlers/onGatewaySignal';
import { onRingTimerFired } from '../../handlers/onRingTimerFired';
import { onStartCall } from '../../handlers/onStartCall';
import { durables, localStreams, localSubjects, parseRingTimerFired } from './localTopology';

/** Everything call-control listens to on NATS; stop() lets work in progress finish. */
export interface NatsEntryPoints {
  stop(): Promise<void>;
}

/** Request/reply: gateways start calls, services execute commands and wait for the result. */
function serveRequests(bus: Bus, deps: CallDeps): Responder[] {
  const start = serve(
    bus,
    subjects.startCall,
    { requestCodec: protoCodec(StartCallRequest), responseCodec: protoCodec(StartCallResponse) },
    (request) => onStartCall(deps, request),
  );
  const execute = serve(
    bus,
    subjects.executeCallCommand,
    {
      requestCodec: protoCodec(ExecuteCommandRequest),
      responseCodec: protoCodec(ExecuteCommandResponse),
    },
    async (request) => {
      const command = request.command ?? CallCommand.fromPartial({});
      return { result: await onExecuteCommand(deps, command, {}) };
    },
  );
  return [start, execute];
}

/** Durable consumers shared by every replica: saga commands, gateway signals, ring timers. */
async function consumeInputs(bus: Bus, deps: CallDeps): Promise<ConsumerHandle[]> {
  const commands = await consume(bus, {
    stream: streams.callCommands.name,
    durable: durables.callCommands,
    filterSubjects: [subjectWildcards.callCommands],
    codec: protoCodec(CallCommand),
    handler: (command, ctx) => onCallCommand(deps, command, ctx.subject),
  });
  const signals = await consume(bus, {
    stream: streams.gatewaySignals.name,
    durable: durables.gatewaySignals,
    filterSubjects: [subjectWildcards.gatewaySignals],
    codec: protoCodec(GatewaySignal),
    handler: (signal, ctx) => onGatewaySignal(deps, signal, ctx.subject),
  });
  const timers = await consume(bus, {
    stream: localStreams.callTimers.name,
    durable: durables.ringTimers,
    filterSubjects: [localSubjects.ringTimersFiredWildcard],
    codec: bytesCodec,
    handler: async (_body, ctx) => {
      const fired = parseRingTimerFired(ctx.subject);
      if (!fired) return 'term';
      return onRingTimerFired(deps, fired.callId, fired.calleeLegId);
    },
  });
  return [commands, signals, timers];
}

/** Starts call-control's NATS entry points. */
export async function startNatsEntryPoints(bus: Bus, deps: CallDeps): Promise<NatsEntryPoints> {
  const responders = serveRequests(bus, deps);
  const consumers = await consumeInputs(bus, deps);
  return {
    stop: async () => {
      await Promise.all([
        ...responders.map((responder) => responder.stop()),
        ...consumers.map((consumer) => consumer.stop()),
      ]);
    },
  };
}
