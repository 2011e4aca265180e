import { z } from 'zod';
import { ConfigError } from './configError';
import { bool } from './fields/bool';
import { durationMs } from './fields/durationMs';
import { nonEmpty } from './fields/nonEmpty';
import { port } from './fields/port';
import { url } from './fields/url';
import { loadConfig } from './loadConfig';

const schema = z.object({
  NATS_URL: url({ protocols: ['nats:'] }),
  METRICS_PORT: port().default(9464),
  TURN_TIMEOUT: durationMs().default(5_000),
  WARMLINE_LOG_PII: bool().default(false),
  OPENAI_API_KEY: nonEmpty().optional(),
});

const catchConfigError = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('returns the parsed, typed values and applies defaults', () => {
    const config = loadConfig(schema, { NATS_URL: 'nats://127.0.0.1:4222', TURN_TIMEOUT: '2s' });
    expect(config).toEqual({
      NATS_URL: 'nats://127.0.0.1:4222',
      METRICS_PORT: 9464,
      TURN_TIMEOUT: 2_000,
      WARMLINE_LOG_PII: false,
    });
  });

  it('treats a blank variable as unset, so the default applies', () => {
    const config = loadConfig(schema, { NATS_URL: 'nats://127.0.0.1:4222', METRICS_PORT: ' ' });
    expect(config.METRICS_PORT).toBe(9464);
  });

  it('ignores variables the schema does not name', () => {
    const config = loadConfig(schema, { NATS_URL: 'nats://127.0.0.1:4222', HOME: '/root' });
    expect(config).not.toHaveProperty('HOME');
  });

  it('lists every missing or invalid variable, one line each, with what was expected', () => {
    const error = catchConfigError(() =>
      loadConfig(schema, { METRICS_PORT: '99999', TURN_TIMEOUT: 'soon', WARMLINE_LOG_PII: 'yes' }),
    );
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(
      [
        'Invalid configuration (4 problems):',
        '  NATS_URL: missing; expected a URL with protocol nats:',
        '  METRICS_PORT: invalid value "99999"; expected a TCP port number from 0 to 65535',
        '  TURN_TIMEOUT: invalid value "soon"; expected a duration such as 250, 250ms, 5s or 2m',
        '  WARMLINE_LOG_PII: invalid value "yes"; expected true, false, 1 or 0',
      ].join('\n'),
    );
  });

  it('carries the problems as data', () => {
    const error = catchConfigError(() => loadConfig(schema, { METRICS_PORT: 'x' }));
    expect(error.issues).toEqual([
      { variable: 'NATS_URL', problem: 'missing', expected: 'a URL with protocol nats:' },
      {
        variable: 'METRICS_PORT',
        problem: 'invalid',
        expected: 'a TCP port number from 0 to 65535',
        received: '"x"',
      },
    ]);
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('never echoes the value of a secret, in the message, the issues or the cause', () => {
    const secrets = z.object({
      OPENAI_API_KEY: port(),
      SESSION_TOKEN: port(),
      DB_PASSWORD: port(),
    });
    const error = catchConfigError(() =>
      loadConfig(secrets, {
        OPENAI_API_KEY: 'sk-live-abc123',
        SESSION_TOKEN: 'tok-xyz',
        DB_PASSWORD: 'hunter2',
      }),
    );
    const everything = `${error.message} ${JSON.stringify(error.issues)} ${String(error.cause)}`;
    for (const secret of ['sk-live-abc123', 'tok-xyz', 'hunter2']) {
      expect(everything).not.toContain(secret);
    }
    expect(error.message).toContain('OPENAI_API_KEY: invalid value (secret, not shown);');
  });

  it('masks credentials inside a rejected URL', () => {
    const error = catchConfigError(() =>
      loadConfig(schema, { NATS_URL: 'http://alice:s3cret@nats.internal:4222' }),
    );
    expect(error.message).toContain('"http://***@nats.internal:4222"');
    expect(error.message).not.toContain('s3cret');
  });

  it('reports the first problem of a variable only', () => {
    const twoChecks = z.object({
      NAME: z
        .string()
        .min(5)
        .regex(/^[a-z]+$/),
    });
    const error = catchConfigError(() => loadConfig(twoChecks, { NAME: 'A1' }));
    expect(error.issues).toHaveLength(1);
  });

  it('reads process.env by default', () => {
    process.env.WARMLINE_CONFIG_TEST_PORT = '4222';
    try {
      expect(loadConfig(z.object({ WARMLINE_CONFIG_TEST_PORT: port() }))).toEqual({
        WARMLINE_CONFIG_TEST_PORT: 4222,
      });
    } finally {
      delete process.env.WARMLINE_CONFIG_TEST_PORT;
    }
  });
});
