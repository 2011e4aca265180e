import { createHmac } from 'node:crypto';

/**
 * Signs a request as Twilio does (`X-Twilio-Signature`): base64 HMAC-SHA1,
 * keyed by the Auth Token, of the full URL followed by each POST parameter's
 * name and value, sorted by name. A WebSocket upgrade has no parameters.
 */
export const signTwilioRequest = (
  authToken: string,
  url: string,
  params: Readonly<Record<string, string>> = {},
): string => {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
};
