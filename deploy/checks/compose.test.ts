// The laptop compose file: every variable set on a service is one it reads (config.ts or
// telemetryEnv),
// and the infrastructure the issue asks for is there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readsVariable } from './serviceEnv';
import { deployDir } from './tools';

const compose = parse(readFileSync(path.join(deployDir, 'compose', 'compose.yaml'), 'utf8'), {
  merge: true,
});
const services = [
  'gateway',
  'call-control',
  'stt',
  'llm-decision',
  'tts',
  'context-store',
  'orchestrator',
];

it('runs NATS, MongoDB, the collector, Jaeger, Prometheus and Grafana', () => {
  for (const name of ['nats', 'mongodb', 'otel-collector', 'jaeger', 'prometheus', 'grafana']) {
    expect(compose.services[name]).toBeDefined();
  }
});

it.each(services)(
  '%s is built from the one Dockerfile and sets only variables its config.ts (or telemetryEnv) reads',
  (name) => {
    const svc = compose.services[name];
    expect(svc.build.dockerfile).toBe('deploy/docker/Dockerfile');
    expect(svc.build.args.SERVICE).toBe(name);
    const reads = readsVariable(name);
    for (const variable of Object.keys(svc.environment)) {
      expect({ variable, read: reads(variable) }).toEqual({ variable, read: true });
    }
    expect(svc.environment).toMatchObject({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' });
    expect(svc.environment.NATS_URL).toMatch(new RegExp(`^nats://${name}:`));
  },
);

it('mounts the shared NATS config, streams and dashboards', () => {
  expect(compose.services.nats.volumes).toContain('../nats:/etc/nats:ro');
  expect(compose.services['nats-streams'].volumes).toContain('../nats/streams:/streams:ro');
  expect(compose.services.grafana.volumes).toContain(
    '../observability/grafana/dashboards:/var/lib/grafana/dashboards:ro',
  );
});
