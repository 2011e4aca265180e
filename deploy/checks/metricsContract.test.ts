// The metric contract (observability/metrics.json, what dashboards and the stt scaler query)
// against the code: the names are @warmline/telemetry's WarmlineMetrics, and each is registered
// in the source of the service the contract names as its owner. (The scrape of every running
// service is test/observability/turnTrace.int.test.ts.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { WarmlineMetrics } from '@warmline/telemetry';
import { deployDir, repoRoot } from './tools';

const contract = JSON.parse(
  readFileSync(path.join(deployDir, 'observability', 'metrics.json'), 'utf8'),
) as Record<string, Record<string, string> | string>;
const described = Object.entries(contract)
  .filter(([group]) => !group.startsWith('_'))
  .flatMap(([, metrics]) => Object.entries(metrics as Record<string, string>));
const warmline = described.filter(([name]) => !name.startsWith('nats_'));

const SERVICES = [
  'gateway',
  'call-control',
  'stt',
  'llm-decision',
  'tts',
  'context-store',
  'orchestrator',
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) return entry === 'gen' ? [] : sourceFiles(file);
    return /\.ts$/.test(entry) && !/\.test\.ts$/.test(entry) ? [file] : [];
  });

/**
 * The services whose (non-test) source registers the metric: names `WarmlineMetrics.<key>`, or
 * for the per-hop overhead calls `createHopRecorder(` (which registers it in @warmline/telemetry).
 */
const registeredBy = (key: string): string[] => {
  const marker =
    key === 'TURN_PLATFORM_OVERHEAD_MS' ? 'createHopRecorder(' : `WarmlineMetrics.${key}`;
  return SERVICES.filter((service) =>
    sourceFiles(path.join(repoRoot, 'services', service, 'src')).some((file) =>
      readFileSync(file, 'utf8').includes(marker),
    ),
  );
};

/** The owner a contract description names: `stt: …` → ['stt']; `all stages: …` → the stages. */
const ownersOf = (description: string): string[] => {
  const owner = description.split(':')[0]!.trim();
  return owner === 'all stages' ? ['gateway', 'stt', 'llm-decision', 'tts'] : [owner];
};

it('the contract names exactly the metrics of WarmlineMetrics, plus the NATS exporter', () => {
  expect(warmline.map(([name]) => name).sort()).toEqual(Object.values(WarmlineMetrics).sort());
  expect(
    described
      .filter(([name]) => name.startsWith('nats_'))
      .map(([name]) => name)
      .sort(),
  ).toEqual(['nats_consumer_num_ack_pending', 'nats_consumer_num_pending']);
});

it.each(Object.entries(WarmlineMetrics))(
  '%s (%s) is registered by the service(s) the contract names',
  (key, name) => {
    const description = warmline.find(([n]) => n === name)?.[1] ?? '';
    const owners = ownersOf(description);
    expect(owners.every((owner) => SERVICES.includes(owner))).toBe(true);
    expect(registeredBy(key).sort()).toEqual(owners.sort());
  },
);
