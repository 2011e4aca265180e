import type { z } from 'zod';
import type { ConfigIssue } from './configError';
import { showableValue } from './secrets';

/** The environment as `loadConfig` reads it. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/**
 * Turns zod's issues into one {@link ConfigIssue} per variable (the first
 * issue wins), telling missing from invalid by whether the variable was set.
 */
export const toConfigIssues = (
  issues: readonly z.core.$ZodIssue[],
  env: EnvSource,
): ConfigIssue[] => {
  const byVariable = new Map<string, ConfigIssue>();
  for (const issue of issues) {
    const variable = issue.path.length > 0 ? issue.path.map(String).join('.') : 'configuration';
    if (byVariable.has(variable)) continue;
    const raw = env[variable];
    const received = raw === undefined ? undefined : showableValue(variable, raw);
    byVariable.set(variable, {
      variable,
      problem: raw === undefined ? 'missing' : 'invalid',
      expected: issue.message,
      ...(received === undefined ? {} : { received }),
    });
  }
  return [...byVariable.values()];
};
