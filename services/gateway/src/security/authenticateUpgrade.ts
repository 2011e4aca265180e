import type { IncomingHttpHeaders } from 'node:http';
import { TELNYX_TOKEN_HEADER } from '../carriers/telnyx/telnyxDialect';
import type { CarrierAccounts, TelnyxAccount, TwilioAccount } from '../settings/carrierSettings';
import { constantTimeEqual } from './constantTimeEqual';
import { isValidTwilioSignature, TWILIO_SIGNATURE_HEADER } from './twilioSignature';

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The Twilio account whose Auth Token signed this WebSocket upgrade
 * (`X-Twilio-Signature` over `publicUrl`, no parameters), or `undefined`.
 * Every configured account is tried, each in constant time.
 */
export const twilioAccountOf = (
  accounts: CarrierAccounts,
  publicUrl: string,
  headers: IncomingHttpHeaders,
): TwilioAccount | undefined => {
  const signature = header(headers, TWILIO_SIGNATURE_HEADER);
  let match: TwilioAccount | undefined;
  for (const account of accounts.twilio) {
    if (isValidTwilioSignature(account.authToken, publicUrl, {}, signature) && !match)
      match = account;
  }
  return match;
};

/** The Telnyx account whose streaming auth token this upgrade carries (`x-telnyx-streaming-auth-token`), or `undefined`. */
export const telnyxAccountOf = (
  accounts: CarrierAccounts,
  headers: IncomingHttpHeaders,
): TelnyxAccount | undefined => {
  const token = header(headers, TELNYX_TOKEN_HEADER);
  if (!token) return undefined;
  let match: TelnyxAccount | undefined;
  for (const account of accounts.telnyx) {
    if (constantTimeEqual(token, account.streamingAuthToken) && !match) match = account;
  }
  return match;
};
