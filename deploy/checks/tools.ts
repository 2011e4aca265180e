// Paths to the Go tools scripts/setup.sh builds, and a runner that fails with their output.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const deployDir = path.resolve(__dirname, '..');
const bin = path.join(repoRoot, '.tools', 'bin');
export const kustomize = path.join(bin, 'kustomize');
export const kubeconform = path.join(bin, 'kubeconform');
export const natsServer = path.join(bin, 'nats-server');
/** Kubernetes version whose schemas setup.sh generates (K8S_SCHEMA_VERSION there). */
export const k8sVersion = '1.32.4';
export const k8sSchemas = path.join(repoRoot, '.tools', 'k8s-schemas', `v${k8sVersion}`);

export function requireTool(file: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/setup.sh`);
}

export function run(
  cmd: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0)
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}
