import { OtlpEndpointError } from './telemetryErrors';

const TRACES_PATH = '/v1/traces';
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** `URL.hostname` is normalised: `127.1` reads as `127.0.0.1`, IPv6 stays in brackets. */
const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || IPV4_LOOPBACK.test(hostname);

/**
 * The OTLP/HTTP traces URL for a collector endpoint. `endpoint` is the
 * collector's base URL, as in `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces` is
 * appended), or already the full traces URL.
 *
 * @throws {@link OtlpEndpointError} unless `endpoint` is an http(s) URL on a
 * loopback host (`localhost`, `127.0.0.0/8`, `[::1]`), or `allowRemote` is set.
 */
export const otlpTracesUrl = (endpoint: string, allowRemote: boolean): string => {
  if (!URL.canParse(endpoint)) throw new OtlpEndpointError('(not a URL)', 'invalid-url');
  const url = new URL(endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OtlpEndpointError(url.origin, 'unsupported-protocol');
  }
  if (!allowRemote && !isLoopbackHost(url.hostname)) {
    throw new OtlpEndpointError(url.origin, 'remote-host');
  }
  if (!url.pathname.endsWith(TRACES_PATH)) {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}${TRACES_PATH}`;
  }
  return url.toString();
};
