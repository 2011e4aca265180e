import { jsonField, z } from '@warmline/config';
import { type ConfiguredTool, isBuiltInToolName } from '../domain/decision/configuredTool';
import type { JsonObject } from '../domain/prompt/jsonValue';
import { REASON_BY_NAME, type ReasonName } from '../domain/profile/reasonNames';

const EMPTY_PARAMETERS: JsonObject = { type: 'object', properties: {} };

const reasonNames = Object.keys(REASON_BY_NAME) as [ReasonName, ...ReasonName[]];

const actionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('escalate'),
    reason: z.enum(reasonNames),
    destinationId: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('end') }),
  z.object({ kind: z.literal('reply'), text: z.string().min(1).max(600) }),
]);

const toolSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/)
    .refine((name) => !isBuiltInToolName(name)),
  description: z.string().min(1).max(1_000),
  parameters: z
    .record(z.string(), z.json())
    .refine((schema) => schema.type === 'object')
    .optional(),
  action: actionSchema,
});

/** The `LLM_DECISION_TOOLS` variable: a JSON array of tools offered to model providers. */
export const toolsField = () =>
  jsonField(
    '[{"name", "description", "parameters"?: {"type": "object", ...}, "action": ' +
      '{"kind": "escalate", "reason", "destinationId"?} | {"kind": "end"} | {"kind": "reply", "text"}}]',
    z.array(toolSchema).refine((tools) => new Set(tools.map((t) => t.name)).size === tools.length),
  );

/** Configured tools from their parsed settings (a tool without parameters takes none). */
export function toConfiguredTools(settings: readonly ToolSetting[]): ConfiguredTool[] {
  return settings.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters ?? EMPTY_PARAMETERS,
    action:
      tool.action.kind === 'escalate'
        ? {
            kind: 'escalate',
            reason: REASON_BY_NAME[tool.action.reason],
            ...(tool.action.destinationId === undefined
              ? {}
              : { destinationId: tool.action.destinationId }),
          }
        : tool.action,
  }));
}

/** The parsed settings of one tool. */
export type ToolSetting = z.output<typeof toolSchema>;
