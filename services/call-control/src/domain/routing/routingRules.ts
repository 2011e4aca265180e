import type { CallHandler } from '@warmline/contracts';

/**
 * One routing rule from configuration: which kind of application drives the calls it
 * matches. A rule matches when every criterion it sets matches; a rule with none matches
 * every call. Rules are tried in order and the first match wins.
 */
export interface RoutingRule {
  /** The connector the call came in on, exactly. */
  readonly connectorId?: string;
  /** The called number: exact, or with `*` standing for any run of characters (`+6560*`). */
  readonly calleePattern?: string;
  readonly handler: CallHandler;
}

/** Routing: the ordered rules, and the handler for a call that matches none. */
export interface RoutingTable {
  readonly rules: readonly RoutingRule[];
  readonly defaultHandler: CallHandler;
}

/** The facts of a new call that routing looks at. */
export interface RoutableCall {
  readonly connectorId: string;
  readonly calleeNumber: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `value` matches a pattern in which `*` stands for any run of characters. */
export function matchesPattern(pattern: string, value: string): boolean {
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`).test(value);
}

function matches(rule: RoutingRule, call: RoutableCall): boolean {
  if (rule.connectorId !== undefined && rule.connectorId !== call.connectorId) return false;
  if (rule.calleePattern !== undefined && !matchesPattern(rule.calleePattern, call.calleeNumber)) {
    return false;
  }
  return true;
}

/** Chooses who drives a new call: the first rule that matches, else the default. */
export function chooseHandler(table: RoutingTable, call: RoutableCall): CallHandler {
  return table.rules.find((rule) => matches(rule, call))?.handler ?? table.defaultHandler;
}
