import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** PEM files of a throwaway CA, a server certificate for 127.0.0.1 and client certificates. */
export interface TestCertificates {
  readonly dir: string;
  readonly caFile: string;
  readonly serverCertFile: string;
  readonly serverKeyFile: string;
  /** Client key and certificate PEMs by common name. */
  client(commonName: string): { readonly key: Buffer; readonly cert: Buffer };
  remove(): void;
}

const openssl = (dir: string, args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** Creates a CA and a server certificate with openssl, in a temporary directory. */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'warmline-certs-'));
  const sign = (name: string, subject: string, extensions?: string) => {
    openssl(dir, [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-subj',
      subject,
      '-out',
      `${name}.csr`,
    ]);
    const ext = extensions ? ['-extfile', `${name}.ext`] : [];
    if (extensions) writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-out',
      `${name}.crt`,
      ...ext,
    ]);
  };
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-subj',
    '/CN=warmline-test-ca',
    '-days',
    '1',
    '-out',
    'ca.crt',
  ]);
  sign('server', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    serverCertFile: path.join(dir, 'server.crt'),
    serverKeyFile: path.join(dir, 'server.key'),
    client: (commonName) => {
      const name = `client-${commonName}`;
      sign(name, `/CN=${commonName}`);
      return {
        key: readFileSync(path.join(dir, `${name}.key`)),
        cert: readFileSync(path.join(dir, `${name}.crt`)),
      };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
