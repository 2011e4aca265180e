import { type Bus, protoCodec, publishToStream } from '@warmline/bus';
import { IncomingCall } from '@warmline/contracts';
import type { IncomingCallsPort } from '../../calls/ports';
import { localSubjects } from './localTopology';

/** The codec of the SDK incoming-call work queue. */
export const incomingCallCodec = protoCodec(IncomingCall);

/**
 * Offers SDK-routed calls on `sdk.incoming.<connectorId>` (a work queue): each call is
 * stored once (message id = call id) and taken by exactly one SDK session.
 */
export function createIncomingCalls(bus: Bus): IncomingCallsPort {
  return {
    offer: async (snapshot) => {
      await publishToStream(
        bus,
        localSubjects.sdkIncoming(snapshot.connectorId),
        incomingCallCodec,
        { call: snapshot },
        { msgId: `incoming-${snapshot.callId}` },
      );
    },
  };
}
