import { readFileSync } from 'node:fs';
import { type ChannelCredentials, type ClientOptions, Metadata, credentials } from '@grpc/grpc-js';
import { CallControlServiceClient } from '@warmline/contracts';
import type { ResolvedClientOptions } from '../config/clientConfig';
import { InvalidArgumentError } from '../errors/warmlineError';
import { isLoopbackAddress } from './isLoopback';

/** A gRPC client of call-control and the metadata every call carries. */
export interface Channel {
  readonly client: CallControlServiceClient;
  /** Fresh metadata for one RPC (the API key, when that is how the client authenticates). */
  metadata(): Metadata;
  close(): void;
}

function readPem(argument: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (cause) {
    throw new InvalidArgumentError(argument, `cannot read ${argument} (${path})`, { cause });
  }
}

function channelCredentials(options: ResolvedClientOptions): ChannelCredentials {
  const { auth, address } = options;
  if (auth.kind === 'mtls') {
    return credentials.createSsl(
      readPem('caPath', auth.caPath),
      readPem('keyPath', auth.keyPath),
      readPem('certPath', auth.certPath),
    );
  }
  const tls = auth.tls ?? !isLoopbackAddress(address);
  if (tls === false) return credentials.createInsecure();
  if (tls === true) return credentials.createSsl();
  return credentials.createSsl(readPem('tls.caPath', tls.caPath));
}

/**
 * Opens the gRPC channel. The channel's own reconnect backoff is kept as short as the SDK's,
 * so a restarted server is found again as soon as the session retries.
 *
 * @throws {@link InvalidArgumentError} when a certificate file cannot be read
 */
export function openChannel(options: ResolvedClientOptions): Channel {
  const clientOptions: Partial<ClientOptions> = {
    'grpc.initial_reconnect_backoff_ms': options.reconnect.initialDelayMs,
    'grpc.max_reconnect_backoff_ms': options.reconnect.maxDelayMs,
    'grpc.primary_user_agent': options.clientName,
  };
  if (options.auth.kind === 'mtls' && options.auth.serverNameOverride) {
    clientOptions['grpc.ssl_target_name_override'] = options.auth.serverNameOverride;
  }
  const client = new CallControlServiceClient(
    options.address,
    channelCredentials(options),
    clientOptions,
  );
  const auth = options.auth;
  return {
    client,
    metadata: () => {
      const metadata = new Metadata();
      if (auth.kind === 'apiKey') metadata.set('authorization', `Bearer ${auth.apiKey}`);
      return metadata;
    },
    close: () => client.close(),
  };
}
