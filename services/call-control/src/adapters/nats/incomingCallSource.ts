import { type Bus, type Disposition, consume } from '@warmline/bus';
import type { DeliveryResult, IncomingCallSource } from '../../sessions/sessionPorts';
import { durables, localStreams, localSubjects } from './localTopology';
import { incomingCallCodec } from './sdkIncoming';

const dispositionOf = (result: DeliveryResult): Disposition =>
  result === 'declined' ? { nak: 0 } : 'ack';

/**
 * A connector's incoming calls from the SDK_INCOMING work queue, through one durable pull
 * consumer per connector that every session on every replica pulls from: JetStream gives
 * each message to one puller. A session pulls one call at a time and acks it only once it
 * was written to its client; a session that goes away first naks it for another session.
 */
export function createIncomingCallSource(bus: Bus): IncomingCallSource {
  return {
    take: (connectorId, deliver) =>
      consume(bus, {
        stream: localStreams.sdkIncoming.name,
        durable: durables.sdkIncoming(connectorId),
        filterSubjects: [localSubjects.sdkIncoming(connectorId)],
        codec: incomingCallCodec,
        prefetch: 1,
        // A call is only given up by its caller hanging up (then it is dropped), never by retries.
        maxDeliver: -1,
        handler: async (incoming) => dispositionOf(await deliver(incoming)),
      }),
  };
}
