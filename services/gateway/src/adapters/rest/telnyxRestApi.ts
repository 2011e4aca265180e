import type { TelnyxAccount } from '../../settings/carrierSettings';
import { CarrierApiError } from '../../carriers/carrierApiError';
import { httpPost } from './httpPost';

/** The Call Control commands the gateway uses (`POST /v2/calls/{call_control_id}/actions/{action}`). */
export interface TelnyxRestApi {
  command(
    callControlId: string,
    action: 'hangup' | 'transfer',
    body: Readonly<Record<string, unknown>>,
  ): Promise<void>;
}

const firstError = (body: string): { code?: string; detail?: string } => {
  try {
    const parsed = JSON.parse(body) as {
      errors?: { code?: unknown; detail?: unknown; title?: unknown }[];
    };
    const error = parsed.errors?.[0];
    return {
      code:
        typeof error?.code === 'string' || typeof error?.code === 'number'
          ? String(error.code)
          : undefined,
      detail:
        typeof error?.detail === 'string'
          ? error.detail
          : typeof error?.title === 'string'
            ? error.title
            : undefined,
    };
  } catch {
    return {};
  }
};

/**
 * Telnyx Call Control v2 for one account: `Authorization: Bearer <API key>`,
 * JSON bodies and answers (`{"data":{"result":"ok"}}`; errors as
 * `{"errors":[{"code","title","detail"}]}`).
 */
export const telnyxRestApi = (
  account: TelnyxAccount & { apiKey: string },
  timeoutMs?: number,
): TelnyxRestApi => ({
  command: async (callControlId, action, body) => {
    const url = `${account.apiBaseUrl.replace(/\/$/, '')}/v2/calls/${encodeURIComponent(callControlId)}/actions/${action}`;
    let answer;
    try {
      answer = await httpPost(url, {
        headers: {
          authorization: `Bearer ${account.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        timeoutMs,
      });
    } catch (cause) {
      throw new CarrierApiError('telnyx', 0, 'Telnyx API unreachable', undefined, { cause });
    }
    if (answer.status >= 200 && answer.status < 300) return;
    const { code, detail } = firstError(answer.body);
    throw new CarrierApiError(
      'telnyx',
      answer.status,
      detail ?? `Telnyx answered ${answer.status}`,
      code,
    );
  },
});
