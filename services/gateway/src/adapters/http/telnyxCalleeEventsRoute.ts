import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@warmline/telemetry';
import type { CallRegistry } from '../../calls/callRegistry';
import { parseTelnyxWebhook, telnyxCalleeProgress } from '../../carriers/telnyx/calleeEvent';
import {
  isValidTelnyxWebhook,
  TELNYX_SIGNATURE_HEADER,
  TELNYX_TIMESTAMP_HEADER,
  telnyxPublicKey,
} from '../../security/telnyxWebhookSignature';
import type { CarrierAccounts } from '../../settings/carrierSettings';
import { readBody } from './readBody';

/** What the Telnyx callee-events route needs. */
export interface TelnyxCalleeEventsDeps {
  readonly calls: CallRegistry;
  readonly accounts: CarrierAccounts;
  readonly logger: Logger;
}

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * `POST /telnyx/callee-events?callId=…&legId=…`: Call Control webhooks of a
 * transferred leg (the transfer's `webhook_url`), verified with the account's
 * Ed25519 webhook key over `timestamp|body` before anything is acted on.
 */
export const telnyxCalleeEventsRoute =
  (deps: TelnyxCalleeEventsDeps) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const call = deps.calls.get(url.searchParams.get('callId') ?? '');
    const body = await readBody(req);
    const account = deps.accounts.telnyx.find((a) => a.name === call?.origin.account);
    if (!call || call.origin.carrier !== 'telnyx' || account?.webhookPublicKey === undefined) {
      res.writeHead(404).end();
      return;
    }
    const signed = isValidTelnyxWebhook(
      telnyxPublicKey(account.webhookPublicKey),
      body,
      single(req.headers[TELNYX_TIMESTAMP_HEADER]),
      single(req.headers[TELNYX_SIGNATURE_HEADER]),
    );
    const webhook = signed ? parseTelnyxWebhook(body) : undefined;
    if (!webhook) {
      deps.logger.warn({ route: 'telnyx callee events', signed }, 'carrier callback refused');
      res.writeHead(signed ? 400 : 403).end();
      return;
    }
    call.calleeUpdate({
      calleeLegId: url.searchParams.get('legId') ?? '',
      carrierLegId: webhook.callControlId,
      progress: telnyxCalleeProgress(webhook, call.calleeLeg?.answered ?? false),
    });
    res.writeHead(200).end();
  };
