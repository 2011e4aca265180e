import { type SampleRate, isSampleRate } from '@warmline/audio';

/** The example's settings, from the environment. */
export interface ExampleConfig {
  /** call-control's gRPC address (`WARMLINE_ADDRESS`, default `localhost:50061`). */
  readonly address: string;
  /** `WARMLINE_API_KEY` (required). */
  readonly apiKey: string;
  /** `WARMLINE_CONNECTOR_IDS`, comma-separated (default `support`). */
  readonly connectorIds: readonly string[];
  /** `MONGO_URL` (default `mongodb://localhost:27017`). */
  readonly mongoUrl: string;
  /** `MONGO_DB` (default `warmline_examples`). */
  readonly mongoDb: string;
  /** `WARMLINE_SAMPLE_RATE` (default 16000). */
  readonly sampleRate: SampleRate;
}

/** A setting is missing or invalid. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
  }
}

/** Reads {@link ExampleConfig} from `env`. @throws {@link ConfigError}. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ExampleConfig {
  const apiKey = env.WARMLINE_API_KEY ?? '';
  if (!apiKey) throw new ConfigError('WARMLINE_API_KEY is required', 'WARMLINE_API_KEY');
  const sampleRate = Number(env.WARMLINE_SAMPLE_RATE ?? '16000');
  if (!isSampleRate(sampleRate)) {
    throw new ConfigError(
      'WARMLINE_SAMPLE_RATE must be 8000, 16000 or 24000',
      'WARMLINE_SAMPLE_RATE',
    );
  }
  return {
    address: env.WARMLINE_ADDRESS ?? 'localhost:50061',
    apiKey,
    connectorIds: (env.WARMLINE_CONNECTOR_IDS ?? 'support').split(',').map((id) => id.trim()),
    mongoUrl: env.MONGO_URL ?? 'mongodb://localhost:27017',
    mongoDb: env.MONGO_DB ?? 'warmline_examples',
    sampleRate,
  };
}
