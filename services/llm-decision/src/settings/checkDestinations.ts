import { ConfigError, type ConfigIssue } from '@warmline/config';
import type { ConfiguredTool } from '../domain/decision/configuredTool';
import type { AgentProfile } from '../domain/profile/agentProfile';

/**
 * Checks that every destination a transfer can reach (the profile's, and each configured
 * escalation tool's) is in the allowlist; without an allowlist only the profile's destination
 * is allowed. Run at start, so a transfer can only ever go to a configured destination.
 *
 * @throws {ConfigError} naming each destination outside the allowlist.
 */
export function checkDestinations(
  profile: AgentProfile,
  tools: readonly ConfiguredTool[],
  allowlist: readonly string[] | undefined,
): void {
  const allowed = new Set(allowlist ?? [profile.transfer.destinationId]);
  const used = [
    { source: 'the profile', id: profile.transfer.destinationId },
    ...tools.flatMap((tool) =>
      tool.action.kind === 'escalate' && tool.action.destinationId !== undefined
        ? [{ source: `tool ${tool.name}`, id: tool.action.destinationId }]
        : [],
    ),
  ];
  const issues: ConfigIssue[] = used
    .filter((use) => !allowed.has(use.id))
    .map((use) => ({
      variable: 'LLM_DECISION_DESTINATIONS',
      problem: 'invalid',
      expected: `an allowlist naming ${JSON.stringify(use.id)}, the destination of ${use.source}`,
      received: JSON.stringify([...allowed].join(',')),
    }));
  if (issues.length > 0) throw new ConfigError(issues);
}
