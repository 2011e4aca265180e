import { readFileSync } from 'node:fs';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { CallControlServiceService, type CallControlServiceServer } from '@warmline/contracts';
import type { TlsConfig } from '../../config';
import { executeCommandRpc } from './executeCommandRpc';
import { getCallRpc } from './getCallRpc';
import type { GrpcDeps } from './grpcDeps';
import { mediaRpc } from './mediaRpc';
import { sessionRpc } from './sessionRpc';

/** How long a graceful stop waits for unary calls in flight before cutting them off. */
const SHUTDOWN_GRACE_MS = 5_000;

/** The running gRPC API. */
export interface GrpcServer {
  /** The port it listens on (the configured one, or the one the OS chose for port 0). */
  readonly port: number;
  /** Ends open sessions and media streams (UNAVAILABLE), lets unary calls finish, stops. */
  stop(): Promise<void>;
}

/** The generated service's implementation. */
export function callControlService(deps: GrpcDeps): CallControlServiceServer {
  return {
    session: sessionRpc(deps),
    executeCommand: executeCommandRpc(deps),
    streamMedia: mediaRpc(deps),
    getCall: getCallRpc(deps),
  };
}

function credentialsFor(tls: TlsConfig | undefined): ServerCredentials {
  if (!tls) return ServerCredentials.createInsecure();
  const ca = tls.caFile ? readFileSync(tls.caFile) : null;
  const keyPair = {
    cert_chain: readFileSync(tls.certFile),
    private_key: readFileSync(tls.keyFile),
  };
  // With a CA, clients must present a certificate it signed (mutual TLS).
  return ServerCredentials.createSsl(ca, [keyPair], ca !== null);
}

/** Starts the CallControlService on `address` (`host:port`). */
export async function startGrpcServer(
  deps: GrpcDeps,
  address: string,
  tls: TlsConfig | undefined,
): Promise<GrpcServer> {
  const server = new Server({ 'grpc.keepalive_permit_without_calls': 1 });
  server.addService(CallControlServiceService, callControlService(deps));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, credentialsFor(tls), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    port,
    stop: async () => {
      await deps.openStreams.shutdownAll();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, SHUTDOWN_GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
