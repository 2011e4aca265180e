import { type EnvField, envField } from './envField';

/** Options for {@link url}. */
export interface UrlOptions {
  /** Accepted protocols with their colon, e.g. `['nats:', 'tls:']`; any when omitted. */
  protocols?: readonly string[];
}

/** An absolute URL, optionally limited to some protocols. The value stays a string, unchanged. */
export const url = ({ protocols }: UrlOptions = {}): EnvField<string> => {
  const expected = protocols?.length
    ? `a URL with protocol ${protocols.join(' or ')}`
    : 'an absolute URL';
  return envField(expected, (raw) => {
    if (!URL.canParse(raw)) return undefined;
    const { protocol } = new URL(raw);
    return !protocols?.length || protocols.includes(protocol) ? raw : undefined;
  });
};
