import { nuid } from '@nats-io/nats-core';
import { CallEvent, type StreamTopology } from '@warmline/contracts';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import { protoCodec } from '../codec/codec';
import { type Bus, connectBus } from '../connection/connectBus';

/**
 * Starts one real nats-server (JetStream, random port) for a test file and
 * connects buses to it; everything is closed and stopped in afterAll.
 */
export const useNats = () => {
  let server: NatsServerHandle | undefined;
  const buses: Bus[] = [];
  beforeAll(async () => {
    server = await startNatsServer();
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await server?.stop();
  });
  const current = (): NatsServerHandle => {
    if (!server) throw new Error('nats-server not started (use inside a test)');
    return server;
  };
  return {
    server: current,
    connect: async (name = 'test'): Promise<Bus> => {
      const bus = await connectBus({ servers: current().url, name, reconnectTimeWaitMs: 50 });
      buses.push(bus);
      return bus;
    },
  };
};

/** A name no other test uses (streams, durables, subject prefixes). */
export const unique = (prefix: string): string => `${prefix}_${nuid.next()}`;

/** A one-stream topology capturing `<prefix>.>` under a unique name. */
export const testStream = (
  retention: StreamTopology['retention'] = 'limits',
): StreamTopology & { prefix: string } => {
  const name = unique('T');
  const prefix = name.toLowerCase();
  return { name, prefix, subjects: [`${prefix}.>`], retention, description: 'bus test stream' };
};

/** The CallEvent codec the tests use. */
export const callEventCodec = protoCodec(CallEvent);

/** A small valid CallEvent. */
export const callEvent = (eventId: string, callId = 'call-1'): CallEvent =>
  CallEvent.fromPartial({
    eventId,
    callId,
    causationId: 'cmd-1',
    correlationId: callId,
    payload: { $case: 'dtmfReceived', value: { digit: eventId, durationMs: 80 } },
  });
