// Every committed dashboard parses, and every query uses only metrics from the contract
// (observability/metrics.json), so a renamed metric breaks CI rather than a blank panel.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { deployDir } from './tools';

const obs = path.join(deployDir, 'observability');
const contract = JSON.parse(readFileSync(path.join(obs, 'metrics.json'), 'utf8'));
const known = new Set<string>([
  ...Object.keys(contract.histograms),
  ...Object.keys(contract.gauges),
  ...Object.keys(contract.counters),
]);
const dashDir = path.join(obs, 'grafana', 'dashboards');
const files = readdirSync(dashDir).filter((f) => f.endsWith('.json'));

/** Metric names in a PromQL expression; histogram series map back to their histogram. */
const metricsIn = (expr: string) =>
  [...expr.matchAll(/\b(?:warmline|nats)_[a-z0-9_]+/g)].map((m) =>
    m[0].replace(/_(bucket|sum|count)$/, ''),
  );

it('has the latency, calls and lag dashboards', () => {
  expect(files.sort()).toEqual([
    'warmline-calls.json',
    'warmline-lag.json',
    'warmline-latency.json',
  ]);
});

it.each(files)('%s parses and queries only contract metrics', (file) => {
  const dash = JSON.parse(readFileSync(path.join(dashDir, file), 'utf8'));
  expect(dash.uid).toBe(file.replace('.json', ''));
  expect(dash.panels.length).toBeGreaterThan(0);
  for (const panel of dash.panels) {
    expect(panel.targets.length).toBeGreaterThan(0);
    for (const t of panel.targets) {
      const used = metricsIn(t.expr);
      expect(used.length).toBeGreaterThan(0);
      for (const m of used)
        expect({ panel: panel.title, metric: m, known: known.has(m) }).toEqual({
          panel: panel.title,
          metric: m,
          known: true,
        });
    }
  }
});

it('covers per-stage latency, concurrent calls, escalations and consumer lag', () => {
  const exprs = files
    .flatMap((f) =>
      JSON.parse(readFileSync(path.join(dashDir, f), 'utf8')).panels.flatMap((p: any) =>
        p.targets.map((t: any) => t.expr),
      ),
    )
    .join('\n');
  for (const m of [
    ...Object.keys(contract.histograms),
    'warmline_calls_active',
    'warmline_escalations_total',
    'nats_consumer_num_pending',
  ]) {
    expect(exprs).toContain(m);
  }
  expect(exprs).toMatch(/by \(reason, outcome\)/);
});

it('provisions the Prometheus datasource the panels use and the dashboards folder', () => {
  const ds = parse(
    readFileSync(
      path.join(obs, 'grafana', 'provisioning', 'datasources', 'datasources.yaml'),
      'utf8',
    ),
  );
  expect(ds.datasources.map((d: any) => d.uid)).toContain('prometheus');
  const prov = parse(
    readFileSync(
      path.join(obs, 'grafana', 'provisioning', 'dashboards', 'dashboards.yaml'),
      'utf8',
    ),
  );
  expect(prov.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
});

it('parses the collector and Prometheus configs', () => {
  const otel = parse(readFileSync(path.join(obs, 'otel-collector.yaml'), 'utf8'));
  expect(Object.keys(otel.service.pipelines).sort()).toEqual(['metrics', 'traces']);
  const prom = parse(readFileSync(path.join(obs, 'prometheus.yml'), 'utf8'));
  expect(prom.scrape_configs.map((s: any) => s.job_name)).toEqual([
    'warmline',
    'otel-collector',
    'nats',
  ]);
});
