// Which environment variables a service reads: its own config.ts, plus the telemetry variables
// of @warmline/telemetry (TELEMETRY_ENV) when its main.ts spreads telemetryEnv() into initTelemetry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TELEMETRY_ENV } from '@warmline/telemetry';
import { repoRoot } from './tools';

const telemetryVariables: readonly string[] = Object.values(TELEMETRY_ENV);

export function readsVariable(service: string): (variable: string) => boolean {
  const src = path.join(repoRoot, 'services', service, 'src');
  const config = readFileSync(path.join(src, 'config.ts'), 'utf8');
  const main = readFileSync(path.join(src, 'main.ts'), 'utf8');
  const readsTelemetryEnv = main.includes('telemetryEnv()');
  return (variable) =>
    config.includes(variable) || (readsTelemetryEnv && telemetryVariables.includes(variable));
}
