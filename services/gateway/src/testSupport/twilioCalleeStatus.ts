import { signTwilioRequest } from '@warmline/testing';
import { TEST_PUBLIC_BASE_URL } from './testGatewayConfig';

/**
 * Posts a `<Dial>` status callback about callee leg `legId` of `callId` to the gateway on
 * `port`, signed as Twilio signs it (over the public URL and the form parameters) with
 * `authToken`. Resolves to the HTTP status.
 */
export const postTwilioCalleeStatus = async (
  port: number,
  authToken: string,
  callId: string,
  legId: string,
  params: Record<string, string>,
): Promise<number> => {
  const query = `?${new URLSearchParams({ callId, legId }).toString()}`;
  const signature = signTwilioRequest(
    authToken,
    `${TEST_PUBLIC_BASE_URL}/twilio/callee-status${query}`,
    params,
  );
  const res = await fetch(`http://127.0.0.1:${port}/twilio/callee-status${query}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
      connection: 'close',
    },
    body: new URLSearchParams(params).toString(),
  });
  return res.status;
};
