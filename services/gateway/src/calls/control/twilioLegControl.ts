import type { PublicUrls } from '../../adapters/http/publicUrls';
import { paths } from '../../adapters/http/publicUrls';
import type { TwilioRestApi } from '../../adapters/rest/twilioRestApi';
import { dialTwiml } from '../../carriers/twilio/dialTwiml';
import type { CarrierLegControl } from '../carrierLegControl';

/** Stream parameter naming the call a returning Twilio stream belongs to. */
export const RESUME_CALL_PARAMETER = 'warmlineCallId';
/** Stream parameter carrying the one-time token that lets it re-attach. */
export const RESUME_TOKEN_PARAMETER = 'warmlineResume';

/** The call a Twilio control acts on. */
export interface TwilioCallContext {
  readonly callSid: string;
  readonly callId: string;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  /** Caller id shown to the callee (default: the number that was called). */
  readonly transferCallerId?: string;
  readonly urls: PublicUrls;
}

/**
 * Twilio's REST API on a `<Connect><Stream>` call: hangup is `Status=completed`;
 * placing the callee redirects the live call to `<Dial>` TwiML (the stream
 * ends; the caller is bridged to the callee by Twilio, or comes back to the
 * agent on a new stream if the dial fails); cancelling updates the callee leg
 * (`Status=canceled` while ringing, `completed` once answered).
 */
export const twilioLegControl = (
  api: TwilioRestApi,
  call: TwilioCallContext,
): CarrierLegControl => ({
  transferEndsStream: true,
  resumesAfterTransfer: true,
  hangup: () => api.updateCall(call.callSid, { Status: 'completed' }),
  placeCallee: (plan) =>
    api.updateCall(call.callSid, {
      Twiml: dialTwiml({
        destination: plan.destination,
        ringTimeSeconds: plan.ringTimeSeconds,
        callerId: plan.destination.startsWith('sip:')
          ? undefined
          : (call.transferCallerId ?? call.calleeNumber),
        statusCallbackUrl: call.urls.twilioCalleeStatus(call.callId, plan.calleeLegId),
        streamUrl: call.urls.stream(paths.twilioStream),
        streamParameters: {
          [RESUME_CALL_PARAMETER]: call.callId,
          [RESUME_TOKEN_PARAMETER]: plan.resumeToken,
          to: call.calleeNumber,
          from: call.callerNumber,
        },
        handoffData: plan.handoffData,
      }),
    }),
  cancelCallee: (leg) =>
    api.updateCall(leg.carrierLegId!, { Status: leg.answered ? 'completed' : 'canceled' }),
});
