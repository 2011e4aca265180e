import { BUILT_IN_TOOLS, type ConfiguredTool } from '../decision/configuredTool';
import { REASON_NAMES } from '../profile/reasonNames';
import type { JsonObject } from './jsonValue';

/** A tool as offered to a model, in provider-neutral form (each provider adapts the shape). */
export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments: always `type: object`. */
  readonly parameters: JsonObject;
}

/** Longest summary the model may attach to an escalation, in characters. */
export const SUMMARY_MAX_CHARS = 500;

/**
 * `escalate_to_human`: the reason is an enum of the closed set, and there is deliberately no
 * destination parameter; where the caller goes is configuration, never model output.
 */
const escalateToHuman: ToolSpec = {
  name: BUILT_IN_TOOLS.escalate,
  description:
    'Hand the caller to a human colleague. Use it when the caller asks for a person, is ' +
    'frustrated, needs something outside your knowledge, mentions a policy topic, or you ' +
    'failed to help twice. The call is transferred to the configured team; you cannot choose ' +
    'where.',
  parameters: {
    type: 'object',
    properties: {
      reason: {
        type: 'string',
        enum: [...REASON_NAMES],
        description: 'Why the caller needs a person.',
      },
      summary: {
        type: 'string',
        description: `One or two sentences for the colleague (at most ${SUMMARY_MAX_CHARS} characters).`,
      },
    },
    required: ['reason'],
    additionalProperties: false,
  },
};

/** `end_call`: takes no arguments. */
const endCall: ToolSpec = {
  name: BUILT_IN_TOOLS.end,
  description:
    'End the call politely when the caller says goodbye or confirms they need nothing else.',
  parameters: { type: 'object', properties: {}, additionalProperties: false },
};

/** The tools offered to a model: the two built-in ones, then the configured ones in order. */
export function toolSpecs(configured: readonly ConfiguredTool[]): readonly ToolSpec[] {
  return [
    escalateToHuman,
    endCall,
    ...configured.map((tool) => ({
      name: tool.name,
      description: tool.description,
      parameters: tool.parameters,
    })),
  ];
}
