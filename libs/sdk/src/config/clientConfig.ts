import { type BackoffPolicy, defaultBackoff } from '../domain/backoff';
import { InvalidArgumentError } from '../errors/warmlineError';
import { type WarmlineLogger, safeLogger, silentLogger } from '../logger';
import type {
  ApiKeyAuth,
  MutualTlsAuth,
  ProductionOptions,
  SandboxOptions,
  WarmlineClientOptions,
} from './clientOptions';
import { type SampleRate, validateSampleRate } from './sampleRate';
import { nonEmptyString, positiveMs, stringList } from './validate';

/** A validated configuration with every default applied. */
export interface ResolvedClientOptions {
  readonly address: string;
  readonly sampleRate: SampleRate;
  readonly connectorIds: readonly string[];
  readonly clientName: string;
  readonly logger: WarmlineLogger;
  readonly commandTimeoutMs: number;
  readonly sendBufferMs: number;
  readonly receiveBufferMs: number;
  readonly connectTimeoutMs: number;
  readonly reconnect: BackoffPolicy;
  readonly auth: ApiKeyAuth | MutualTlsAuth;
}

/** The default `clientName` in the session hello. */
export const DEFAULT_CLIENT_NAME = '@warmline/sdk';

function resolveAuth(auth: ApiKeyAuth | MutualTlsAuth): ApiKeyAuth | MutualTlsAuth {
  if (auth.kind === 'apiKey') {
    const tls = auth.tls;
    if (typeof tls === 'object') nonEmptyString('tls.caPath', tls.caPath);
    return {
      kind: 'apiKey',
      apiKey: nonEmptyString('apiKey', auth.apiKey),
      ...(tls === undefined ? {} : { tls }),
    };
  }
  return {
    kind: 'mtls',
    certPath: nonEmptyString('certPath', auth.certPath),
    keyPath: nonEmptyString('keyPath', auth.keyPath),
    caPath: nonEmptyString('caPath', auth.caPath),
    ...(auth.serverNameOverride ? { serverNameOverride: auth.serverNameOverride } : {}),
  };
}

function resolve(options: WarmlineClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError('options', 'client options must be an object');
  }
  const auth = options.auth as Partial<ApiKeyAuth | MutualTlsAuth> | undefined;
  if (auth?.kind !== 'apiKey' && auth?.kind !== 'mtls') {
    throw new InvalidArgumentError(
      'auth',
      'auth must be { kind: "apiKey", ... } or { kind: "mtls", ... }',
    );
  }
  return {
    address: nonEmptyString('address', options.address),
    sampleRate: validateSampleRate(options.sampleRate),
    connectorIds: stringList('connectorIds', options.connectorIds ?? []),
    clientName: options.clientName ?? DEFAULT_CLIENT_NAME,
    logger: safeLogger(options.logger ?? silentLogger),
    commandTimeoutMs: positiveMs('commandTimeoutMs', options.commandTimeoutMs ?? 10_000),
    sendBufferMs: positiveMs('sendBufferMs', options.sendBufferMs ?? 30_000),
    receiveBufferMs: positiveMs('receiveBufferMs', options.receiveBufferMs ?? 30_000),
    connectTimeoutMs: positiveMs('connectTimeoutMs', options.connectTimeoutMs ?? 15_000),
    reconnect: { ...defaultBackoff, ...options.reconnect },
    auth: resolveAuth(options.auth),
  };
}

function withoutAuth<T extends object>(options: T, drop: readonly string[]): T {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !drop.includes(key))) as T;
}

/**
 * A validated client configuration. Build it with {@link WarmlineClientConfig.sandbox} (API key),
 * {@link WarmlineClientConfig.production} (mutual TLS) or {@link WarmlineClientConfig.from}
 * (a plain options object). Every factory validates at once and throws
 * {@link InvalidArgumentError} (for example a `sampleRate` other than 8000, 16000 or 24000).
 */
export class WarmlineClientConfig {
  private constructor(
    /** The options with every default applied. */
    readonly options: ResolvedClientOptions,
  ) {}

  /** API-key authentication: `{ apiKey, address, sampleRate, connectorIds? }`. */
  static sandbox(options: SandboxOptions): WarmlineClientConfig {
    const { apiKey, tls } = options;
    const common = withoutAuth(options, ['apiKey', 'tls']);
    return WarmlineClientConfig.from({
      ...common,
      auth: { kind: 'apiKey', apiKey, ...(tls === undefined ? {} : { tls }) },
    });
  }

  /** Mutual-TLS authentication: `{ certPath, keyPath, caPath, address, sampleRate }`. */
  static production(options: ProductionOptions): WarmlineClientConfig {
    const { certPath, keyPath, caPath, serverNameOverride } = options;
    const common = withoutAuth(options, ['certPath', 'keyPath', 'caPath', 'serverNameOverride']);
    return WarmlineClientConfig.from({
      ...common,
      auth: {
        kind: 'mtls',
        certPath,
        keyPath,
        caPath,
        ...(serverNameOverride ? { serverNameOverride } : {}),
      },
    });
  }

  /** From a plain options object (or an existing config, returned as is). */
  static from(options: WarmlineClientOptions | WarmlineClientConfig): WarmlineClientConfig {
    if (options instanceof WarmlineClientConfig) return options;
    return new WarmlineClientConfig(resolve(options));
  }
}
