import type { EscalationReason } from '@warmline/contracts';
import type { JsonObject } from '../prompt/jsonValue';

/**
 * What happens when a model calls a configured tool. Every action is one of the service's own
 * outcomes, so a tool can never reach anything the configuration does not name:
 * - `escalate`: hand over with this reason, to `destinationId` (an allowlisted configuration
 *   key) or the profile's destination;
 * - `end`: say the profile's goodbye and end the call;
 * - `reply`: say this configured text.
 */
export type ToolAction =
  | {
      readonly kind: 'escalate';
      readonly reason: EscalationReason;
      readonly destinationId?: string;
    }
  | { readonly kind: 'end' }
  | { readonly kind: 'reply'; readonly text: string };

/** A tool offered to model providers besides the built-in ones, from configuration. */
export interface ConfiguredTool {
  /** Letters, digits, `_` and `-`; not a built-in tool's name. */
  readonly name: string;
  /** Tells the model when to call it. */
  readonly description: string;
  /** JSON Schema of its arguments (an object schema); the arguments are never used. */
  readonly parameters: JsonObject;
  readonly action: ToolAction;
}

/** The built-in tools every model provider is offered. */
export const BUILT_IN_TOOLS = {
  escalate: 'escalate_to_human',
  end: 'end_call',
} as const;

/** True when `name` is a built-in tool's name. */
export const isBuiltInToolName = (name: string): boolean =>
  Object.values<string>(BUILT_IN_TOOLS).includes(name);
