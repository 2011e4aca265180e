import { otlpTracesUrl } from './otlpTracesUrl';
import { OtlpEndpointError } from './telemetryErrors';

/** The error `otlpTracesUrl` throws for these arguments. */
const refusal = (endpoint: string, allowRemote: boolean): unknown => {
  try {
    otlpTracesUrl(endpoint, allowRemote);
  } catch (error) {
    return error;
  }
  throw new Error(`expected ${endpoint} to be refused`);
};

describe('otlpTracesUrl', () => {
  it.each([
    ['http://127.0.0.1:4318', 'http://127.0.0.1:4318/v1/traces'],
    ['http://localhost:4318/', 'http://localhost:4318/v1/traces'],
    ['http://[::1]:4318/otlp', 'http://[::1]:4318/otlp/v1/traces'],
    ['https://127.0.0.2:4318/v1/traces', 'https://127.0.0.2:4318/v1/traces'],
  ])('accepts loopback %s as %s', (endpoint, expected) => {
    expect(otlpTracesUrl(endpoint, false)).toBe(expected);
  });

  it.each(['http://collector.example:4318', 'http://10.0.0.5:4318', 'http://0.0.0.0:4318'])(
    'refuses remote %s',
    (endpoint) => {
      expect(refusal(endpoint, false)).toMatchObject({
        name: 'OtlpEndpointError',
        problem: 'remote-host',
      });
    },
  );

  it('accepts a remote host when allowed', () => {
    expect(otlpTracesUrl('https://collector.example', true)).toBe(
      'https://collector.example/v1/traces',
    );
  });

  it('never puts credentials in the error', () => {
    const error = refusal('http://user:hunter2@collector.example:4318', false);
    expect(error).toBeInstanceOf(OtlpEndpointError);
    expect((error as OtlpEndpointError).endpoint).toBe('http://collector.example:4318');
    expect((error as OtlpEndpointError).message).not.toContain('hunter2');
  });

  it.each([
    ['127.0.0.1:4318', 'invalid-url'],
    ['grpc://127.0.0.1:4317', 'unsupported-protocol'],
  ])('refuses %s (%s)', (endpoint, problem) => {
    expect(refusal(endpoint, true)).toMatchObject({ name: 'OtlpEndpointError', problem });
  });
});
