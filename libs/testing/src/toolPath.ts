import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root (where pnpm-workspace.yaml is). */
export const repoRoot = (): string => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the repository root from ' + __dirname);
    dir = parent;
  }
  return dir;
};

/** Thrown when a server binary the tests need is not installed. */
export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
  constructor(
    readonly tool: string,
    readonly looked: readonly string[],
  ) {
    super(`${tool} not found (looked in ${looked.join(', ')}); run \`pnpm setup\` first`);
  }
}

/**
 * Finds a binary the project installs itself: `$WARMLINE_<TOOL>` first, then the
 * project-local `.tools/bin` that scripts/setup.sh fills.
 */
export const toolPath = (tool: string): string => {
  const envName = `WARMLINE_${tool.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
  const fromEnv = process.env[envName];
  const candidates = [fromEnv, path.join(repoRoot(), '.tools/bin', tool)].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new MissingToolError(tool, candidates);
  return found;
};
