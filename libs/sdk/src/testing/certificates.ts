import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Files of a throwaway PKI: a CA, a server certificate for 127.0.0.1/localhost, client certificates. */
export interface TestPki {
  readonly dir: string;
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** The certificate and key of a client whose CN is `name`, signed by the CA. */
  client(name: string): { certPath: string; keyPath: string };
  remove(): void;
}

const openssl = (dir: string, args: string[]): void => {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
};

function signed(dir: string, name: string, subject: string, extensions?: string): void {
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    subject,
  ]);
  const args = [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '2',
  ];
  if (extensions) {
    writeFileSync(path.join(dir, `${name}.ext`), extensions);
    args.push('-extfile', `${name}.ext`);
  }
  openssl(dir, args);
}

/** Creates the PKI with the `openssl` command line in a temporary directory. */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'warmline-sdk-pki-'));
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=Warmline Test CA',
  ]);
  signed(dir, 'server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  const at = (file: string) => path.join(dir, file);
  return {
    dir,
    caCert: at('ca.crt'),
    serverCert: at('server.crt'),
    serverKey: at('server.key'),
    client: (name) => {
      signed(dir, `client-${name}`, `/CN=${name}`, 'extendedKeyUsage=clientAuth\n');
      return { certPath: at(`client-${name}.crt`), keyPath: at(`client-${name}.key`) };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
