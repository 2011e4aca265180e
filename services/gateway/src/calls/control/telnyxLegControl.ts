import type { PublicUrls } from '../../adapters/http/publicUrls';
import type { TelnyxRestApi } from '../../adapters/rest/telnyxRestApi';
import type { CarrierLegControl } from '../carrierLegControl';

/** The call a Telnyx control acts on. */
export interface TelnyxCallContext {
  readonly callControlId: string;
  readonly callId: string;
  readonly calleeNumber: string;
  readonly transferCallerId?: string;
  readonly urls: PublicUrls;
  /** Whether the gateway can verify webhooks for the callee leg (so it asks for them). */
  readonly receivesWebhooks: boolean;
}

const customHeaders = (
  handoff: Readonly<Record<string, string>>,
): { name: string; value: string }[] =>
  Object.entries(handoff)
    .filter(([key]) => /^[A-Za-z0-9-]{1,64}$/.test(key))
    .map(([key, value]) => ({ name: `X-${key}`, value }));

/**
 * Telnyx Call Control on a streamed call: hangup is the `hangup` action;
 * placing the callee is the `transfer` action (ring timeout, caller id, the
 * handoff as `X-` SIP headers, webhooks for the new leg to the gateway);
 * cancelling hangs up the callee leg once a webhook has named it.
 * `command_id` is the instruction id, so a retried instruction is not repeated.
 */
export const telnyxLegControl = (
  api: TelnyxRestApi,
  call: TelnyxCallContext,
): CarrierLegControl => ({
  transferEndsStream: true,
  resumesAfterTransfer: false,
  hangup: (instructionId) =>
    api.command(call.callControlId, 'hangup', { command_id: instructionId }),
  placeCallee: (plan) =>
    api.command(call.callControlId, 'transfer', {
      to: plan.destination,
      from: call.transferCallerId ?? call.calleeNumber,
      timeout_secs: plan.ringTimeSeconds,
      command_id: plan.instructionId,
      client_state: Buffer.from(
        JSON.stringify({ callId: call.callId, calleeLegId: plan.calleeLegId }),
      ).toString('base64'),
      ...(call.receivesWebhooks
        ? {
            webhook_url: call.urls.telnyxCalleeEvents(call.callId, plan.calleeLegId),
            webhook_url_method: 'POST',
          }
        : {}),
      ...(Object.keys(plan.handoffData).length > 0
        ? { custom_headers: customHeaders(plan.handoffData) }
        : {}),
    }),
  cancelCallee: (leg, instructionId) =>
    api.command(leg.carrierLegId!, 'hangup', { command_id: instructionId }),
});
