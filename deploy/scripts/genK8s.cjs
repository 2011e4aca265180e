// Writes k8s/base/services/<service>.yaml (ServiceAccount, Deployment, Service,
// PodDisruptionBudget) from the table below, so the seven services share one shape.
// Run: node deploy/scripts/genK8s.cjs
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const HEALTH_PORT = 9464; // /healthz, /readyz, /metrics (requirement on every service)
const svc = (name, o) => ({
  name,
  grace: 60,
  ports: [],
  env: {},
  cpu: '250m',
  memory: '256Mi',
  ...o,
});
// grace: seconds SIGTERM may take; the gateway keeps live calls until they end (up to 10 min).
const services = [
  svc('gateway', {
    grace: 600,
    ports: [['media', 8080]],
    env: { GATEWAY_HOST: '0.0.0.0', GATEWAY_PORT: '8080' },
    cpu: '500m',
  }),
  svc('call-control', {
    ports: [['grpc', 50061]],
    env: { CALL_CONTROL_GRPC_ADDRESS: '0.0.0.0:50061', CALL_CONTROL_STREAM_REPLICAS: '3' },
  }),
  svc('stt', {
    grace: 120,
    env: { STT_MAX_CALLS: '4' },
    cpu: '1000m',
    memory: '512Mi',
  }),
  svc('llm-decision', { env: { LLM_DECISION_STREAM_REPLICAS: '3' } }),
  svc('tts', {
    grace: 120,
    env: { TTS_STREAM_REPLICAS: '3' },
    cpu: '500m',
    memory: '512Mi',
  }),
  svc('context-store', {
    ports: [['grpc', 50062]],
    env: { CONTEXT_STORE_GRPC_ADDRESS: '0.0.0.0:50062', CONTEXT_STORE_STREAM_REPLICAS: '3' },
    mongo: true,
  }),
  svc('orchestrator', {
    env: { ORCHESTRATOR_STREAM_REPLICAS: '3' },
  }),
];
// The telemetry variables every service reads by the same names (@warmline/telemetry
// telemetryEnv): traces to the collector Service, the ops server on 9464 on all interfaces.
const telemetryEnv = [
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector:4318' },
  { name: 'WARMLINE_OTLP_ALLOW_REMOTE', value: 'true' },
  { name: 'METRICS_PORT', value: String(HEALTH_PORT) },
  { name: 'METRICS_HOST', value: '0.0.0.0' },
];

const secretEnv = (name, secret, key) => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key } },
});

function objects(s) {
  const labels = { 'app.kubernetes.io/name': s.name, 'app.kubernetes.io/part-of': 'warmline' };
  const env = [
    // NATS_URL carries the service's own NATS user and password, so it comes from a Secret.
    secretEnv('NATS_URL', 'warmline-nats-clients', s.name),
    ...telemetryEnv,
    { name: 'LOG_LEVEL', value: 'info' },
    ...(s.mongo ? [secretEnv('MONGO_URL', 'warmline-mongo', 'url')] : []),
    ...Object.entries(s.env).map(([name, value]) => ({ name, value })),
  ];
  const probe = (p, extra) => ({
    httpGet: { path: p, port: 'health' },
    periodSeconds: 10,
    timeoutSeconds: 3,
    ...extra,
  });
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: s.name, labels },
      automountServiceAccountToken: false,
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: s.name, labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'app.kubernetes.io/name': s.name } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: {
            labels,
            annotations: {
              'prometheus.io/scrape': 'true',
              'prometheus.io/port': String(HEALTH_PORT),
            },
          },
          spec: {
            serviceAccountName: s.name,
            terminationGracePeriodSeconds: s.grace,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 1000,
              runAsGroup: 1000,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { 'app.kubernetes.io/name': s.name } },
              },
            ],
            containers: [
              {
                name: s.name,
                image: `ghcr.io/warmline/${s.name}:0.1.0`,
                ports: [['health', HEALTH_PORT], ...s.ports].map(([name, containerPort]) => ({
                  name,
                  containerPort,
                })),
                env,
                resources: {
                  requests: { cpu: s.cpu, memory: s.memory },
                  limits: { memory: s.memory },
                },
                readinessProbe: probe('/readyz', { failureThreshold: 2 }),
                livenessProbe: probe('/healthz', { initialDelaySeconds: 10, failureThreshold: 3 }),
                startupProbe: probe('/healthz', { periodSeconds: 2, failureThreshold: 30 }),
                // Give endpoints and load balancers time to stop sending new work before SIGTERM;
                // the service then drains NATS and finishes what it holds.
                lifecycle: { preStop: { sleep: { seconds: 5 } } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: s.name, labels },
      spec: {
        selector: { 'app.kubernetes.io/name': s.name },
        ports: [['health', HEALTH_PORT], ...s.ports].map(([name, port]) => ({
          name,
          port,
          targetPort: name,
        })),
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: s.name, labels },
      // maxUnavailable (not minAvailable) so a 1-replica dev overlay still lets nodes drain.
      spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': s.name } } },
    },
  ];
}

const dir = path.join(__dirname, '..', 'k8s', 'base', 'services');
fs.mkdirSync(dir, { recursive: true });
for (const s of services) {
  const body = objects(s)
    .map((o) => YAML.stringify(o, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n');
  fs.writeFileSync(
    path.join(dir, `${s.name}.yaml`),
    `# Generated by deploy/scripts/genK8s.cjs; edit the table there.\n${body}`,
  );
}
