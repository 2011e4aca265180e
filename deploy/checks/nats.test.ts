// The NATS server configs load (nats-server -t), and the stream definitions match the
// topology the code declares (libs/contracts streams.ts plus the services' local streams).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { allStreams } from '@warmline/contracts';
import { localStreams as callControlStreams } from '../../services/call-control/src/adapters/nats/localTopology';
import { localStreams as orchestratorStreams } from '../../services/orchestrator/src/adapters/nats/localTopology';
import { deployDir, natsServer, requireTool, run } from './tools';

const natsDir = path.join(deployDir, 'nats');
const files = readdirSync(path.join(natsDir, 'streams')).filter((f) => f.endsWith('.json'));
const configs = files.map((f) =>
  JSON.parse(readFileSync(path.join(natsDir, 'streams', f), 'utf8')),
);
const code = [
  ...allStreams,
  ...Object.values(callControlStreams),
  ...Object.values(orchestratorStreams),
];
const users = [
  'gateway',
  'call-control',
  'stt',
  'llm-decision',
  'tts',
  'context-store',
  'orchestrator',
];

it('has one JSON definition per stream in the code, with the same subjects and retention', () => {
  expect(configs.map((c) => c.name).sort()).toEqual(code.map((s) => s.name).sort());
  for (const s of code) {
    const c = configs.find((x) => x.name === s.name);
    expect({ name: s.name, subjects: c.subjects, retention: c.retention }).toEqual({
      name: s.name,
      subjects: [...s.subjects],
      retention: s.retention,
    });
  }
});

it.each(files)('%s uses the production settings', (file) => {
  const c = configs[files.indexOf(file)];
  expect(c).toMatchObject({
    storage: 'file',
    num_replicas: 3,
    allow_direct: true,
    allow_atomic: true,
    duplicate_window: 120_000_000_000,
  });
  expect(c.allow_msg_schedules === true).toBe(c.name.endsWith('_TIMERS'));
});

describe('server configs', () => {
  beforeAll(() => requireTool(natsServer));
  // Dummy passwords: the real ones come from a Secret (cluster) or .env (compose).
  const env = {
    ...process.env,
    SERVER_NAME: 'nats-0',
    NATS_PW_SYS: 'x',
    NATS_PW_ADMIN: 'x',
    ...Object.fromEntries(users.map((u) => [`NATS_PW_${u.toUpperCase().replace('-', '_')}`, 'x'])),
  };

  it.each(['cluster.conf', 'local.conf'])('%s is valid for nats-server', (file) => {
    expect(run(natsServer, ['-c', path.join(natsDir, file), '-t'], { env })).toMatch(/is valid/);
  });

  it('cluster.conf fsyncs every write and routes to three members', () => {
    const conf = readFileSync(path.join(natsDir, 'cluster.conf'), 'utf8');
    expect(conf).toMatch(/sync_interval: always/);
    expect(conf.match(/nats:\/\/nats-\d\.nats-headless:6222/g)).toHaveLength(3);
  });

  it('gives every service its own user, with JetStream API and inbox access', () => {
    const accounts = readFileSync(path.join(natsDir, 'accounts.conf'), 'utf8');
    for (const u of users) {
      const line = accounts.slice(accounts.indexOf(`user: ${u},`)).split('} }')[0];
      expect(line).toMatch(/\$JS\.API\.>/);
      expect(line).toMatch(/_INBOX\.>/);
    }
  });
});
