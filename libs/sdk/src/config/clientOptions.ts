import type { BackoffPolicy } from '../domain/backoff';
import type { WarmlineLogger } from '../logger';
import type { SampleRate } from './sampleRate';

/** Settings shared by every way of configuring a client. Durations in ms. */
export interface CommonClientOptions {
  /** call-control's gRPC address, `host:port`. */
  readonly address: string;
  /** The audio rate of every call of this client: 8000, 16000 or 24000. */
  readonly sampleRate: SampleRate;
  /** The connectors this process serves; empty or absent means every connector the credential may use. */
  readonly connectorIds?: readonly string[];
  /** Shown to the platform in the session hello; default `@warmline/sdk`. */
  readonly clientName?: string;
  /** Where the SDK logs; default silent. */
  readonly logger?: WarmlineLogger;
  /** How long a command waits for its result; default 10 000. connect() adds its ring time. */
  readonly commandTimeoutMs?: number;
  /** Capacity of each call's outgoing audio buffer, as audio duration; default 30 000. */
  readonly sendBufferMs?: number;
  /** Caller audio held for a slow or absent `audioStream()` reader before the oldest is dropped; default 30 000. */
  readonly receiveBufferMs?: number;
  /** How long `connect()` keeps trying before it fails with ConnectionError; default 15 000. */
  readonly connectTimeoutMs?: number;
  /** Backoff of session and media reconnects. */
  readonly reconnect?: Partial<BackoffPolicy>;
}

/** TLS for an API-key client: `true` (system CAs), `false` (plaintext), or a CA file. */
export type ApiKeyTls = boolean | { readonly caPath: string };

/** Authentication by API key (the sandbox). */
export interface ApiKeyAuth {
  readonly kind: 'apiKey';
  readonly apiKey: string;
  /**
   * Default: plaintext for a loopback address (localhost, 127.x, ::1), TLS with the system's CAs
   * for any other, so a key never crosses a network in clear text unless asked to.
   */
  readonly tls?: ApiKeyTls;
}

/** Authentication by client certificate (production, mutual TLS). */
export interface MutualTlsAuth {
  readonly kind: 'mtls';
  /** PEM client certificate. */
  readonly certPath: string;
  /** PEM private key of the certificate. */
  readonly keyPath: string;
  /** PEM CA that signed the server's certificate. */
  readonly caPath: string;
  /** Expected server name when it differs from the address host (tests, private CAs). */
  readonly serverNameOverride?: string;
}

/** A client's configuration as a plain object (what the factories build). */
export interface WarmlineClientOptions extends CommonClientOptions {
  readonly auth: ApiKeyAuth | MutualTlsAuth;
}

/** Options of {@link WarmlineClientConfig.sandbox}. */
export interface SandboxOptions extends CommonClientOptions {
  readonly apiKey: string;
  /** See {@link ApiKeyAuth.tls}. */
  readonly tls?: ApiKeyTls;
}

/** Options of {@link WarmlineClientConfig.production}. */
export interface ProductionOptions extends CommonClientOptions {
  readonly certPath: string;
  readonly keyPath: string;
  readonly caPath: string;
  readonly serverNameOverride?: string;
}
