import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@warmline/telemetry';
import type { CallRegistry } from '../../calls/callRegistry';
import { calleeProgress } from '../../carriers/twilio/calleeStatus';
import type { CarrierAccounts } from '../../settings/carrierSettings';
import { isValidTwilioSignature, TWILIO_SIGNATURE_HEADER } from '../../security/twilioSignature';
import type { PublicUrls } from './publicUrls';
import { parseForm, readBody } from './readBody';

/** What the callee-status route needs. */
export interface CalleeStatusDeps {
  readonly calls: CallRegistry;
  readonly accounts: CarrierAccounts;
  readonly urls: PublicUrls;
  readonly logger: Logger;
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * `POST /twilio/callee-status?callId=…&legId=…`: a `<Number>`/`<Sip>` status
 * callback for a callee leg. Signed by Twilio over the exact public URL (query
 * included) plus the form parameters, with the Auth Token of the account that
 * holds the call; anything unsigned is refused with 403 before it is read further.
 */
export const twilioCalleeStatusRoute =
  (deps: CalleeStatusDeps) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const callId = url.searchParams.get('callId') ?? '';
    const calleeLegId = url.searchParams.get('legId') ?? '';
    const call = deps.calls.get(callId);
    const account = deps.accounts.twilio.find((a) => a.accountSid === call?.origin.account);
    const params = parseForm(await readBody(req));
    const signature = single(req.headers[TWILIO_SIGNATURE_HEADER]);
    if (!call || !account || call.origin.carrier !== 'twilio') {
      res.writeHead(404).end();
      return;
    }
    if (
      !isValidTwilioSignature(account.authToken, deps.urls.http(req.url ?? '/'), params, signature)
    ) {
      deps.logger.warn({ route: 'twilio callee status' }, 'unsigned carrier callback refused');
      res.writeHead(403).end();
      return;
    }
    const status = single(params['CallStatus']) ?? '';
    call.calleeUpdate({
      calleeLegId,
      carrierLegId: single(params['CallSid']),
      progress: calleeProgress(status, call.calleeLeg?.answered ?? false),
      carrierStatus: Number(single(params['SipResponseCode']) ?? 0) || 0,
    });
    res.writeHead(204).end();
  };
