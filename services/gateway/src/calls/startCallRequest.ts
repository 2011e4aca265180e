import type { StartCallRequest } from '@warmline/contracts';
import type { CallOrigin } from './callTypes';
import { carrierStreamCapabilities } from './transportCapabilities';

/** The StartCallRequest announcing a new caller to call-control (a PENDING call). */
export const startCallRequest = (origin: CallOrigin, gatewayId: string): StartCallRequest => ({
  callId: origin.callId,
  callerNumber: origin.callerNumber,
  calleeNumber: origin.calleeNumber,
  connectorId: origin.route.connectorId,
  transport: origin.transport,
  gatewayId,
  carrierCallId: origin.carrierCallId,
  customParameters: { ...origin.customParameters },
  capabilities: carrierStreamCapabilities(),
});
