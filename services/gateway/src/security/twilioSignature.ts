import { createHmac } from 'node:crypto';
import { constantTimeEqual } from './constantTimeEqual';

/** Request parameters as Twilio signs them: form fields of a POST (none for a GET or a WebSocket upgrade). */
export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

/** The header Twilio signs requests with. */
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: base64(HMAC-SHA1(authToken, url + k1 + v1 + k2 + v2 …)),
 * the POST parameters sorted by name (a repeated name's values sorted too) and
 * appended to the exact URL Twilio requested, query string included.
 */
export const twilioSignature = (
  authToken: string,
  url: string,
  params: SignedParams = {},
): string => {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key]!;
    const values = typeof value === 'string' ? [value] : [...value].sort();
    for (const item of values) data += key + item;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
};

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  https: '443',
  wss: '443',
  http: '80',
  ws: '80',
};

/** The URL with and without its scheme's default port: Twilio may sign either form. */
const urlVariants = (url: string): string[] => {
  const match = /^([a-z]+):\/\/([^/:?#]+)(?::(\d+))?(.*)$/i.exec(url);
  const defaultPort = match ? DEFAULT_PORTS[match[1]!.toLowerCase()] : undefined;
  if (!match || !defaultPort) return [url];
  const [, scheme, host, port, rest] = match;
  if (port === undefined) return [url, `${scheme}://${host}:${defaultPort}${rest}`];
  return port === defaultPort ? [url, `${scheme}://${host}${rest}`] : [url];
};

/**
 * True when `signature` is Twilio's signature of `url` and `params` under
 * `authToken`. Every candidate is compared in constant time.
 */
export const isValidTwilioSignature = (
  authToken: string,
  url: string,
  params: SignedParams,
  signature: string | undefined,
): boolean => {
  if (!signature) return false;
  let valid = false;
  for (const candidate of urlVariants(url)) {
    // no early exit: every variant costs the same whether or not an earlier one matched
    if (constantTimeEqual(signature, twilioSignature(authToken, candidate, params))) valid = true;
  }
  return valid;
};
