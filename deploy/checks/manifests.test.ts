// Renders every overlay with kustomize and validates it offline with kubeconform against
// schemas generated from Kubernetes' own OpenAPI (setup.sh) plus a local ScaledObject schema.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { readsVariable } from './serviceEnv';
import {
  deployDir,
  k8sSchemas,
  k8sVersion,
  kubeconform,
  kustomize,
  requireTool,
  run,
} from './tools';

const overlays = readdirSync(path.join(deployDir, 'k8s', 'overlays'));
const services = [
  'gateway',
  'call-control',
  'stt',
  'llm-decision',
  'tts',
  'context-store',
  'orchestrator',
];

interface K8sObject {
  kind: string;
  metadata: { name: string };
  spec?: any;
}

function render(overlay: string): string {
  // The NATS config, stream JSON and dashboards are shared with compose, outside the kustomize roots.
  return run(kustomize, [
    'build',
    '--load-restrictor',
    'LoadRestrictionsNone',
    path.join(deployDir, 'k8s', 'overlays', overlay),
  ]);
}

function validate(yaml: string): string {
  return run(
    kubeconform,
    [
      '-strict',
      '-summary',
      '-kubernetes-version',
      k8sVersion,
      '-schema-location',
      path.join(k8sSchemas, '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
      '-schema-location',
      path.join(deployDir, 'k8s', 'schemas', '{{ .ResourceKind }}{{ .KindSuffix }}.json'),
      '-',
    ],
    { input: yaml },
  );
}

beforeAll(() =>
  [kustomize, kubeconform, path.join(k8sSchemas, 'deployment-apps-v1.json')].forEach(requireTool),
);

it('has the dev and production overlays', () => {
  expect(overlays.sort()).toEqual(['dev', 'production']);
});

describe.each(overlays)('overlay %s', (overlay) => {
  let yaml = '';
  let objects: K8sObject[] = [];
  beforeAll(() => {
    yaml = render(overlay);
    objects = parseAllDocuments(yaml).map((d) => d.toJS() as K8sObject);
  });
  const find = (kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name);

  it('validates against the Kubernetes schemas, none skipped', () => {
    expect(validate(yaml)).toMatch(/Invalid: 0, Errors: 0, Skipped: 0/);
  });

  it('holds no Secret: secrets are created outside the manifests', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
  });

  it.each(services)(
    '%s has a Deployment with probes on 9464, non-root, a Service and a PDB',
    (name) => {
      const pod = find('Deployment', name)?.spec.template.spec;
      const c = pod.containers[0];
      expect(c.ports[0]).toEqual({ name: 'health', containerPort: 9464 });
      expect(c.readinessProbe.httpGet.path).toBe('/readyz');
      expect(c.livenessProbe.httpGet.path).toBe('/healthz');
      expect(c.lifecycle.preStop).toBeDefined();
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(c.image).not.toMatch(/:latest$/);
      expect(find('Service', name)).toBeDefined();
      expect(find('PodDisruptionBudget', name)).toBeDefined();
    },
  );

  it.each(services)('%s sets only variables its config.ts (or telemetryEnv) reads', (name) => {
    const reads = readsVariable(name);
    for (const { name: variable } of find('Deployment', name)?.spec.template.spec.containers[0]
      .env) {
      expect({ variable, read: reads(variable) }).toEqual({ variable, read: true });
    }
  });

  it.each(services)(
    '%s serves its ops port on all pod interfaces, traces to the collector',
    (name) => {
      const env = Object.fromEntries(
        (
          find('Deployment', name)?.spec.template.spec.containers[0].env as {
            name: string;
            value?: string;
          }[]
        ).map((e) => [e.name, e.value]),
      );
      expect(env).toMatchObject({
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
        WARMLINE_OTLP_ALLOW_REMOTE: 'true',
      });
    },
  );

  it('gives the gateway time to finish in-flight calls', () => {
    expect(
      find('Deployment', 'gateway')?.spec.template.spec.terminationGracePeriodSeconds,
    ).toBeGreaterThanOrEqual(600);
  });

  it('scales stt, tts, llm-decision and orchestrator independently, each on its own backlog', () => {
    const scaled = objects.filter((o) => o.kind === 'ScaledObject');
    expect(scaled.map((o) => o.spec.scaleTargetRef.name).sort()).toEqual([
      'llm-decision',
      'orchestrator',
      'stt',
      'tts',
    ]);
    const consumers = scaled.flatMap((o) =>
      o.spec.triggers
        .filter((t: any) => t.type === 'nats-jetstream')
        .map((t: any) => `${t.metadata.stream}/${t.metadata.consumer}`),
    );
    expect(new Set(consumers).size).toBe(consumers.length);
  });

  it('runs NATS as 3 members with anti-affinity and persistent volumes', () => {
    const nats = find('StatefulSet', 'nats')?.spec;
    expect(nats.replicas).toBe(3);
    expect(nats.template.spec.affinity.podAntiAffinity).toBeDefined();
    expect(nats.volumeClaimTemplates).toHaveLength(1);
  });
});

it('rejects a manifest with an unknown field (the schemas are really applied)', () => {
  const bad =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n    spec:\n      containers: [{ name: x, image: x:1, readinesProbe: {} }]\n';
  expect(() => validate(bad)).toThrow(/readinesProbe|additional/);
});
