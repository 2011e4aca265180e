import { decideTurn } from '../domain/engine/decideTurn';
import { type DecisionProvider, LOCAL_POLICY_PROVIDER } from './decisionProvider';

/**
 * The local policy engine (`decideTurn`) as a provider: no model, no network, instant and
 * deterministic. The default provider, and the fallback of the others.
 */
export function localPolicyProvider(): DecisionProvider {
  return {
    name: LOCAL_POLICY_PROVIDER,
    decide: async (context) => decideTurn(context.profile, context.state, context.turn).decision,
  };
}
