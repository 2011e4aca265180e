import { type EnvField, envField } from '@warmline/config';

/** A listen address `host:port` (port 0 picks a free one), e.g. `127.0.0.1:50061`. */
export const hostPort = (): EnvField<string> =>
  envField('host:port, e.g. 127.0.0.1:50061', (raw) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
    if (!match || Number(match[2]) > 65_535) return undefined;
    return raw;
  });
