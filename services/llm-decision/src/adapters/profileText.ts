import { parse } from 'yaml';
import type { AgentProfile } from '../domain/profile/agentProfile';
import { parseProfile } from '../domain/profile/parseProfile';
import { ProfileError } from '../domain/profile/profileError';

/**
 * Parses an agent profile from YAML or JSON text (JSON is valid YAML) and validates it.
 * @throws {ProfileError} on a syntax error (with the parser's error as `cause`) or invalid content.
 */
export function parseProfileText(text: string, source = 'profile'): AgentProfile {
  let document: unknown;
  try {
    document = parse(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const message =
      error instanceof Error ? (error.message.split('\n')[0] ?? 'syntax error') : 'syntax error';
    throw new ProfileError(source, [{ path: '(document)', message }], { cause: error });
  }
  return parseProfile(document, source);
}
