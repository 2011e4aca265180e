import { EscalationReason } from '@warmline/contracts';
import type { Decision, EscalateDecision } from '../engine/decision';
import type { AgentProfile } from '../profile/agentProfile';
import { reasonFromName, reasonName } from '../profile/reasonNames';
import { isJsonObject } from '../prompt/jsonValue';
import { SUMMARY_MAX_CHARS } from '../prompt/toolSpecs';
import { capText, speakableText } from './capText';
import {
  BUILT_IN_TOOLS,
  type ConfiguredTool,
  type ToolAction,
  isBuiltInToolName,
} from './configuredTool';

/** A tool call as a model produced it; `args` is the parsed JSON (anything, untrusted). */
export interface ModelToolCall {
  readonly name: string;
  readonly args: unknown;
}

/** Everything a model said for one turn: its text and its tool calls, in order. */
export interface ModelOutput {
  readonly text: string;
  readonly toolCalls: readonly ModelToolCall[];
}

/** What interpreting a model's output needs besides the output. */
export interface InterpretOptions {
  readonly profile: AgentProfile;
  readonly tools: readonly ConfiguredTool[];
  /** Longest reply the agent may speak, in characters. */
  readonly replyMaxChars: number;
}

/** Parts of a model's output that were ignored (the caller logs them as a security event). */
export interface IgnoredOutput {
  /** Names of called tools that were never offered. */
  readonly tools: readonly string[];
  /** Arguments of `escalate_to_human` calls that are not in its schema (a `destination`, say). */
  readonly arguments: readonly string[];
}

/** The decision (undefined when the output holds nothing usable) and what was ignored. */
export interface Interpretation {
  readonly decision: Decision | undefined;
  readonly ignored: IgnoredOutput;
}

const ESCALATION_ARGUMENTS: readonly string[] = ['reason', 'summary'];

const unexpectedArguments = (calls: readonly ModelToolCall[]): string[] =>
  calls.flatMap((call) =>
    isJsonObject(call.args)
      ? Object.keys(call.args).filter((key) => !ESCALATION_ARGUMENTS.includes(key))
      : [],
  );

const escalation = (
  profile: AgentProfile,
  call: ModelToolCall,
  action: Extract<ToolAction, { kind: 'escalate' }> | undefined,
): EscalateDecision => {
  const args = isJsonObject(call.args) ? call.args : {};
  const asked = typeof args.reason === 'string' ? reasonFromName(args.reason) : undefined;
  // A configured tool's reason is configuration; the built-in tool's is model output.
  const reason = action?.reason ?? asked ?? EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE;
  const mapped = action === undefined && asked === undefined ? ', unknown reason mapped' : '';
  const note = typeof args.summary === 'string' ? capText(args.summary, SUMMARY_MAX_CHARS) : '';
  return {
    kind: 'escalate',
    reason,
    detail: `model called ${call.name} (${reasonName(reason)}${mapped})`,
    replyText: profile.lines.transition,
    // Never from the arguments: the built-in tool has no destination, a configured one names
    // an allowlisted key, and anything else the model adds is ignored.
    destinationId: action?.destinationId ?? profile.transfer.destinationId,
    ...(note === '' ? {} : { note }),
  };
};

/**
 * Turns a model's output into a decision, treating all of it as untrusted. Precedence: an
 * escalation (built-in or configured) wins, then ending the call, then a configured reply,
 * then the model's text, length-capped. The transition and goodbye lines are always the
 * profile's; unknown tool names are reported and otherwise ignored.
 */
export function interpretModelOutput(
  output: ModelOutput,
  options: InterpretOptions,
): Interpretation {
  const { profile, tools } = options;
  const configured = new Map(tools.map((tool) => [tool.name, tool.action]));
  const known = output.toolCalls.filter((c) => configured.has(c.name) || isBuiltInToolName(c.name));
  const actionOf = (call: ModelToolCall): ToolAction | undefined => configured.get(call.name);
  const escalations = known.filter(
    (c) => c.name === BUILT_IN_TOOLS.escalate || actionOf(c)?.kind === 'escalate',
  );
  const ignored: IgnoredOutput = {
    tools: output.toolCalls.filter((c) => !known.includes(c)).map((c) => c.name),
    arguments: unexpectedArguments(escalations.filter((c) => c.name === BUILT_IN_TOOLS.escalate)),
  };
  const first = escalations[0];
  if (first !== undefined) {
    const action = actionOf(first);
    return {
      decision: escalation(profile, first, action?.kind === 'escalate' ? action : undefined),
      ignored,
    };
  }
  if (known.some((c) => c.name === BUILT_IN_TOOLS.end || actionOf(c)?.kind === 'end')) {
    return { decision: { kind: 'end', replyText: profile.lines.goodbye }, ignored };
  }
  for (const call of known) {
    const action = actionOf(call);
    if (action?.kind === 'reply')
      return { decision: { kind: 'reply', text: action.text }, ignored };
  }
  const text = speakableText(output.text, options.replyMaxChars);
  return { decision: text === '' ? undefined : { kind: 'reply', text }, ignored };
}
