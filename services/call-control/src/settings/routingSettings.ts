import { z } from '@warmline/config';
import { CallHandler } from '@warmline/contracts';
import type { RoutingRule } from '../domain';

/** How configuration names a handler. */
export const handlerNames = ['BUILT_IN_AGENT', 'SDK'] as const;

/** A handler name from configuration as the contract's enum. */
export function toCallHandler(name: (typeof handlerNames)[number]): CallHandler {
  return name === 'SDK' ? CallHandler.CALL_HANDLER_SDK : CallHandler.CALL_HANDLER_BUILT_IN_AGENT;
}

/** One rule as written in `CALL_CONTROL_ROUTING_RULES`. */
export const routingRuleSchema = z
  .object({
    connectorId: z.string().min(1).optional(),
    calleePattern: z.string().min(1).optional(),
    handler: z.enum(handlerNames),
  })
  .strict();

/** Turns configured rules into the domain's routing rules. */
export function toRoutingRules(
  rules: readonly z.output<typeof routingRuleSchema>[],
): RoutingRule[] {
  return rules.map((rule) => ({
    ...(rule.connectorId === undefined ? {} : { connectorId: rule.connectorId }),
    ...(rule.calleePattern === undefined ? {} : { calleePattern: rule.calleePattern }),
    handler: toCallHandler(rule.handler),
  }));
}
