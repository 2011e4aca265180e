import type { TwilioAccount } from '../../settings/carrierSettings';
import { CarrierApiError } from '../../carriers/carrierApiError';
import { httpPost } from './httpPost';

/** The parts of Twilio's Voice REST API the gateway uses. */
export interface TwilioRestApi {
  /** `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json` with form parameters. */
  updateCall(callSid: string, params: Readonly<Record<string, string>>): Promise<void>;
}

const errorCode = (body: string): { code?: string; message?: string } => {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    return {
      code:
        typeof parsed.code === 'string' || typeof parsed.code === 'number'
          ? String(parsed.code)
          : undefined,
      message: typeof parsed.message === 'string' ? parsed.message : undefined,
    };
  } catch {
    return {};
  }
};

/**
 * Twilio's REST API for one account: HTTP Basic auth with AccountSid and Auth
 * Token, `application/x-www-form-urlencoded` bodies, JSON answers. Update a
 * live call with `Status=completed` to hang it up, or with `Twiml=…` to
 * redirect it (the running `<Connect><Stream>` ends and the new TwiML runs).
 */
export const twilioRestApi = (account: TwilioAccount, timeoutMs?: number): TwilioRestApi => ({
  updateCall: async (callSid, params) => {
    const sid = encodeURIComponent(account.accountSid);
    const url = `${account.apiBaseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${sid}/Calls/${encodeURIComponent(callSid)}.json`;
    const auth = Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64');
    let answer;
    try {
      answer = await httpPost(url, {
        headers: {
          authorization: `Basic ${auth}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams(params).toString(),
        timeoutMs,
      });
    } catch (cause) {
      throw new CarrierApiError('twilio', 0, 'Twilio REST API unreachable', undefined, { cause });
    }
    if (answer.status >= 200 && answer.status < 300) return;
    const { code, message } = errorCode(answer.body);
    throw new CarrierApiError(
      'twilio',
      answer.status,
      message ?? `Twilio answered ${answer.status}`,
      code,
    );
  },
});
