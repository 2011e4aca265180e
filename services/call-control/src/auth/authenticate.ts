import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from './authErrors';
import type { Credentials, Presented, Principal } from './principal';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Looks a key up without leaking, through timing, how much of it matched. */
function findKey(credentials: Credentials, key: string): Principal | undefined {
  const presented = digest(key);
  let found: Principal | undefined;
  for (const [candidate, scope] of credentials.apiKeys) {
    const candidateDigest = digest(candidate);
    if (timingSafeEqual(presented, candidateDigest)) {
      found = { name: `key:${candidateDigest.toString('hex').slice(0, 8)}`, scope };
    }
  }
  return found;
}

function findCertificate(credentials: Credentials, presented: Presented): Principal | undefined {
  const identities = [
    ...(presented.certificate?.commonNames ?? []),
    ...(presented.certificate?.altNames ?? []),
  ];
  for (const identity of identities) {
    const scope = credentials.clientIdentities.get(identity);
    if (scope) return { name: `cert:${identity}`, scope };
  }
  return undefined;
}

/**
 * Authenticates an API call: an API key in `authorization: Bearer <key>` if one is
 * presented (it must be valid), else a verified client certificate whose CN or a SAN is
 * configured.
 *
 * @throws {@link AuthenticationError} with a message that says what was wrong, never the key
 */
export function authenticate(credentials: Credentials, presented: Presented): Principal {
  const header = presented.authorization?.trim();
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new AuthenticationError('authorization metadata must be "Bearer <api key>"');
    }
    const principal = findKey(credentials, match[1]);
    if (!principal) throw new AuthenticationError('unknown API key');
    return principal;
  }
  if (presented.certificate) {
    const principal = findCertificate(credentials, presented);
    if (!principal)
      throw new AuthenticationError('client certificate is not allowed to use the API');
    return principal;
  }
  throw new AuthenticationError(
    'missing credentials: send "authorization: Bearer <api key>" or a client certificate',
  );
}
