import type { PublicUrls } from '../adapters/http/publicUrls';
import { telnyxRestApi } from '../adapters/rest/telnyxRestApi';
import { twilioRestApi } from '../adapters/rest/twilioRestApi';
import type { StreamStarted } from '../carriers/stream/streamEvent';
import type { CarrierLegControl } from '../calls/carrierLegControl';
import { telnyxLegControl } from '../calls/control/telnyxLegControl';
import { twilioLegControl } from '../calls/control/twilioLegControl';
import type { AdmittedCall } from '../security/admitCall';
import type { StreamAccount } from './streamAccount';

/** The REST control of a new call on `stream`'s carrier account. */
export const legControlFor = (
  stream: StreamAccount,
  start: StreamStarted,
  admitted: AdmittedCall,
  callId: string,
  urls: PublicUrls,
): CarrierLegControl => {
  const common = {
    callId,
    calleeNumber: admitted.calleeNumber,
    transferCallerId: admitted.route.transferCallerId,
    urls,
  };
  if (stream.carrier === 'twilio') {
    return twilioLegControl(twilioRestApi(stream.account), {
      ...common,
      callSid: start.carrierCallId,
      callerNumber: admitted.callerNumber,
    });
  }
  const { apiKey } = stream.account;
  if (apiKey === undefined) return { transferEndsStream: true, resumesAfterTransfer: false }; // no API key: streaming only
  return telnyxLegControl(telnyxRestApi({ ...stream.account, apiKey }), {
    ...common,
    callControlId: start.carrierCallId,
    receivesWebhooks: stream.account.webhookPublicKey !== undefined,
  });
};
