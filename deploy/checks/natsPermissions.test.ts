// Per-service NATS permissions, enforced by a real nats-server running accounts.conf
// (reliability.md scenario 20): stt may not publish call-control subjects, read context
// subjects or read those streams through the JetStream API. Speaks the NATS text protocol
// over a socket so the check needs no client library.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { deployDir, natsServer, requireTool } from './tools';

const users = [
  'admin',
  'gateway',
  'call-control',
  'stt',
  'llm-decision',
  'tts',
  'context-store',
  'orchestrator',
];
const envName = (u: string) => `NATS_PW_${u.toUpperCase().replace('-', '_')}`;
let server: ChildProcess;
let dir: string;
let port: number;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

/** Connects as `user`, sends the protocol text, then PING; returns what the server said up to PONG. */
function session(user: string, text: string, pass = `pw-${user}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    let sent = false;
    sock.on('data', (d) => {
      out += d.toString();
      if (!sent && out.includes('\r\n')) {
        sent = true; // the server's INFO line arrived
        const connect = { user, pass, verbose: false, pedantic: false };
        sock.write(`CONNECT ${JSON.stringify(connect)}\r\n${text}PING\r\n`);
      }
      if (/PONG|Authorization Violation/.test(out)) {
        sock.destroy();
        resolve(out);
      }
    });
    sock.on('error', reject);
  });
}

beforeAll(async () => {
  requireTool(natsServer);
  dir = mkdtempSync(path.join(os.tmpdir(), 'warmline-nats-perm-'));
  port = await freePort();
  // The shared accounts file, behind a loopback listener and a temporary store.
  copyFileSync(path.join(deployDir, 'nats', 'accounts.conf'), path.join(dir, 'accounts.conf'));
  writeFileSync(
    path.join(dir, 'test.conf'),
    `listen: 127.0.0.1:${port}\njetstream: { store_dir: "${dir}/js" }\ninclude ./accounts.conf\n`,
  );
  const env = {
    ...process.env,
    NATS_PW_SYS: 'pw-sys',
    ...Object.fromEntries(users.map((u) => [envName(u), `pw-${u}`])),
  };
  server = spawn(natsServer, ['-c', path.join(dir, 'test.conf')], { env, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) =>
      net
        .connect(port, '127.0.0.1')
        .on('connect', function (this: net.Socket) {
          this.destroy();
          r(true);
        })
        .on('error', () => r(false)),
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('nats-server did not start');
});

afterAll(() => {
  if (server?.pid) process.kill(server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

it('lets stt publish its own events and subscribe to caller audio', async () => {
  expect(await session('stt', 'PUB evt.conversation.c1 0\r\n\r\nSUB media.*.in 1\r\n')).not.toMatch(
    /Violation/,
  );
});

it.each([
  ['publish a call command', 'PUB cmd.call.c1 0\r\n\r\n'],
  ['publish a call event', 'PUB evt.call.c1 0\r\n\r\n'],
  ['subscribe to context events', 'SUB evt.context.* 1\r\n'],
  [
    'create a consumer on CONTEXT_EVENTS',
    'PUB $JS.API.CONSUMER.CREATE.CONTEXT_EVENTS.x.evt.context.c1 0\r\n\r\n',
  ],
  ['read CALL_EVENTS directly', 'PUB $JS.API.DIRECT.GET.CALL_EVENTS.evt.call.c1 0\r\n\r\n'],
  ['delete a stream', 'PUB $JS.API.STREAM.DELETE.CALL_EVENTS 0\r\n\r\n'],
])('denies stt: %s', async (_what, text) => {
  expect(await session('stt', text)).toMatch(/Permissions Violation/);
});

it('rejects a wrong password', async () => {
  expect(await session('stt', '', 'wrong')).toMatch(/Authorization Violation/);
});
