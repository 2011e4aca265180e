import { type EnvField, envField } from '@warmline/config';
import { isRedactionKind, type RedactionKind } from '../domain';

/** A listen address `host:port` (port 0 picks a free one), e.g. `127.0.0.1:50062`. */
export const hostPort = (): EnvField<string> =>
  envField('host:port, e.g. 127.0.0.1:50062', (raw) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(raw);
    if (!match || Number(match[2]) > 65_535) return undefined;
    return raw;
  });

/**
 * A MongoDB connection string (`mongodb://` or `mongodb+srv://`). Not checked as a URL: a replica
 * set's `mongodb://a:27017,b:27017/?replicaSet=rs0` is not one; the driver checks it on connect.
 */
export const mongoUrl = (): EnvField<string> =>
  envField('a mongodb:// or mongodb+srv:// connection string', (raw) =>
    /^mongodb(\+srv)?:\/\/\S+$/.test(raw) ? raw : undefined,
  );

/** A comma-separated list of redaction kinds: card, security-code, iban, ssn. */
export const redactionKinds = (): EnvField<RedactionKind[]> =>
  envField('a comma-separated list of card, security-code, iban, ssn', (raw) => {
    const items = raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return items.length > 0 && items.every(isRedactionKind) ? items : undefined;
  });
