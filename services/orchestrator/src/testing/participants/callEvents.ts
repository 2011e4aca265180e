import { type CallEvent, type CallHandler, Transport } from '@warmline/contracts';

/** A call event as call-control writes it: caused by a command (or '' for a fact it observed). */
export const callEvent = (
  callId: string,
  eventId: string,
  causationId: string,
  payload: NonNullable<CallEvent['payload']>,
): CallEvent => ({
  eventId,
  callId,
  occurredAt: new Date(),
  causationId,
  correlationId: callId,
  payload,
});

/** The test caller's number (only ever in PII fields and context requests). */
export const CALLER_NUMBER = '+15550100';

/** `CallStarted` for a new call routed to `handler`. */
export const callStarted = (callId: string, handler: CallHandler): CallEvent =>
  callEvent(callId, `${callId}:started`, '', {
    $case: 'started',
    value: {
      callerNumber: CALLER_NUMBER,
      calleeNumber: '+15550199',
      connectorId: 'connector-1',
      transport: Transport.TRANSPORT_SIP,
      gatewayId: 'gateway-1',
      handler,
      carrierCallId: `carrier-${callId}`,
      customParameters: {},
    },
  });
