import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { AgentProfile } from '../domain/profile/agentProfile';
import { ProfileError } from '../domain/profile/profileError';
import { parseProfileText } from './profileText';

/** The example profile shipped with the package. */
export const DEFAULT_PROFILE_PATH = resolve(
  __dirname,
  '..',
  '..',
  'config',
  'profiles',
  'acme-internet.yaml',
);

const unreadable = (path: string, error: unknown): ProfileError =>
  new ProfileError(basename(path), [{ path: '(file)', message: `cannot read ${path}` }], {
    cause: error,
  });

/**
 * Reads and validates an agent profile file (`.yaml`, `.yml` or `.json`).
 * @throws {ProfileError} when the file cannot be read or is invalid.
 */
export async function loadProfileFile(path: string = DEFAULT_PROFILE_PATH): Promise<AgentProfile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseProfileText(text, basename(path));
}

/** Synchronous {@link loadProfileFile}, for start-up code and tests. */
export function loadProfileFileSync(path: string = DEFAULT_PROFILE_PATH): AgentProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseProfileText(text, basename(path));
}
