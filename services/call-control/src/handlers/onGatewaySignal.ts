import { type Disposition } from '@warmline/bus';
import { type GatewaySignal, aggregateIdOf } from '@warmline/contracts';
import { applyInput } from '../calls/applyInput';
import type { CallDeps } from '../calls/callDeps';
import { settleApplied, settleInput } from './settle';

/**
 * A fact the gateway observed on a call's legs (JetStream `sig.gateway.<callId>`):
 * applied to the call once per signal id. The call id comes from the subject (one
 * gateway cannot address another call through the payload).
 */
export function onGatewaySignal(
  deps: CallDeps,
  signal: GatewaySignal,
  subject: string,
): Promise<Disposition> {
  const callId = aggregateIdOf(subject);
  const input = {
    kind: 'gatewaySignal' as const,
    signal: { ...signal, callId: signal.callId || callId },
  };
  return settleInput(async () =>
    settleApplied(
      deps,
      callId,
      `signal ${signal.payload?.$case ?? 'empty'}`,
      await applyInput(deps, callId, input),
    ),
  );
}
