import { readFileSync } from 'node:fs';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ContextServiceService } from '@warmline/contracts';
import type { GrpcTlsConfig } from '../../config';
import type { ContextServiceImpl } from './contextService';

/** A listening gRPC server. */
export interface GrpcServerHandle {
  /** `host:port` actually bound (the port is chosen when the address asks for 0). */
  readonly address: string;
  stop(): Promise<void>;
}

const credentialsOf = (tls: GrpcTlsConfig | undefined): ServerCredentials =>
  tls
    ? ServerCredentials.createSsl(
        tls.caFile ? readFileSync(tls.caFile) : null,
        [{ private_key: readFileSync(tls.keyFile), cert_chain: readFileSync(tls.certFile) }],
        tls.caFile !== undefined,
      )
    : ServerCredentials.createInsecure();

const GRACE_MS = 2_000;

/**
 * Serves `ContextService` on `address` (TLS, and client certificates when a CA is given).
 * `stop()` ends open watch streams, lets unary calls finish for a moment, then forces shutdown.
 */
export const startGrpcServer = async (
  address: string,
  impl: ContextServiceImpl,
  tls?: GrpcTlsConfig,
): Promise<GrpcServerHandle> => {
  const server = new Server();
  server.addService(ContextServiceService, impl.service);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, credentialsOf(tls), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const host = address.slice(0, address.lastIndexOf(':'));
  return {
    address: `${host}:${port}`,
    stop: async () => {
      impl.endWatches();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
};
