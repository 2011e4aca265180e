import { TelemetryConfigError } from './telemetryErrors';
import { telemetryEnv } from './telemetryEnv';

describe('telemetryEnv', () => {
  it('reads nothing from an empty environment', () => {
    expect(telemetryEnv({})).toEqual({});
  });

  it('reads the one set of names every service uses', () => {
    expect(
      telemetryEnv({
        METRICS_PORT: '9464',
        METRICS_HOST: '0.0.0.0',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
        WARMLINE_OTLP_ALLOW_REMOTE: 'true',
      }),
    ).toEqual({
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      otlpEndpoint: 'http://otel-collector:4318',
      allowRemoteEndpoint: true,
    });
  });

  it('treats empty values as unset', () => {
    expect(telemetryEnv({ METRICS_PORT: '', METRICS_HOST: ' ' })).toEqual({});
  });

  it.each([
    ['METRICS_PORT', 'abc'],
    ['METRICS_PORT', '70000'],
    ['METRICS_PORT', '-1'],
    ['METRICS_HOST', 'example.com'],
    ['WARMLINE_OTLP_ALLOW_REMOTE', 'yes'],
  ])('refuses %s=%s with a typed error naming the variable', (name, value) => {
    const read = () => telemetryEnv({ [name]: value });
    expect(read).toThrow(TelemetryConfigError);
    expect(read).toThrow(name);
  });
});
