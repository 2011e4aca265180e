import type { ConfiguredTool } from '../domain/decision/configuredTool';
import { ProviderError } from '../domain/decision/decisionErrors';
import {
  type IgnoredOutput,
  type ModelOutput,
  interpretModelOutput,
} from '../domain/decision/interpretModelOutput';
import type { Decision } from '../domain/engine/decision';
import type { DecisionContext } from './decisionProvider';

/** What every hosted or local model provider is configured with besides its endpoint. */
export interface ModelProviderOptions {
  /** Tools from configuration, offered besides `escalate_to_human` and `end_call`. */
  readonly tools: readonly ConfiguredTool[];
  /** Longest reply the agent may speak, in characters. */
  readonly replyMaxChars: number;
  /** Told about model output that was ignored (unknown tools, extra escalation arguments). */
  readonly onIgnored?: (provider: string, ignored: IgnoredOutput) => void;
}

/**
 * The decision in a model's output (see `interpretModelOutput`), reporting anything ignored.
 * @throws {ProviderError} `empty` when the output has neither text nor a usable tool call.
 */
export function decisionFromOutput(
  provider: string,
  output: ModelOutput,
  context: DecisionContext,
  options: ModelProviderOptions,
): Decision {
  const { decision, ignored } = interpretModelOutput(output, {
    profile: context.profile,
    tools: options.tools,
    replyMaxChars: options.replyMaxChars,
  });
  if (ignored.tools.length > 0 || ignored.arguments.length > 0)
    options.onIgnored?.(provider, ignored);
  if (decision === undefined) {
    throw new ProviderError(
      provider,
      'empty',
      'the model gave neither text nor a usable tool call',
    );
  }
  return decision;
}
