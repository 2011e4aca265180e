import { SAMPLE_RATES, isSampleRate } from '@warmline/audio';
import { type SessionHello, isSubjectToken } from '@warmline/contracts';
import { type ConnectorScope, scopeAllows } from '../settings/connectorScope';
import { SessionError } from './sessionPorts';

/** What a valid hello settles for the session. */
export interface SessionTerms {
  readonly connectorIds: readonly string[];
  readonly sampleRate: number;
}

/**
 * Checks a hello against the credential: every connector named must be one it may use
 * (none named means all of them, which needs a credential with a list), and the rate must
 * be one the media plane carries.
 *
 * @throws {@link SessionError} INVALID_ARGUMENT or PERMISSION_DENIED
 */
export function resolveHello(hello: SessionHello, scope: ConnectorScope): SessionTerms {
  if (!isSampleRate(hello.sampleRate)) {
    throw new SessionError(
      'INVALID_ARGUMENT',
      `sample_rate must be one of ${SAMPLE_RATES.join(', ')}; got ${hello.sampleRate}`,
    );
  }
  const named = [...new Set(hello.connectorIds)];
  if (named.length === 0 && scope.kind === 'all') {
    throw new SessionError('INVALID_ARGUMENT', 'name the connectors this session serves');
  }
  const connectorIds =
    named.length > 0 ? named : [...(scope.kind === 'some' ? scope.connectorIds : [])];
  const invalid = connectorIds.find((id) => !isSubjectToken(id));
  if (invalid !== undefined) {
    throw new SessionError('INVALID_ARGUMENT', `not a connector id: "${invalid.slice(0, 64)}"`);
  }
  const forbidden = connectorIds.filter((id) => !scopeAllows(scope, id));
  if (forbidden.length > 0) {
    throw new SessionError(
      'PERMISSION_DENIED',
      `this credential may not use connector(s) ${forbidden.join(', ')}`,
    );
  }
  return { connectorIds, sampleRate: hello.sampleRate };
}
