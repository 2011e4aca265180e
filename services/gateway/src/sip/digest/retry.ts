/** Re-sends a request with credentials after a 401/407 (RFC 3261 §22.2). */
import {
  type SipRequest,
  type SipResponse,
  getHeaderValues,
  withHeader,
  withoutHeader,
} from '../message';
import { readCore } from '../core';
import { type ViaSentBy, viaHeader } from '../request';
import { formatCSeq } from '../scalars';
import { chooseDigestChallenge } from './challenge';
import { computeDigest } from './authorization';
import { DigestError } from './digestError';

/** Credentials for a trunk. */
export interface DigestCredentials {
  readonly username: string;
  readonly password: string;
}

/** Inputs for {@link createAuthenticatedRequest}. */
export interface AuthRetryOptions {
  readonly credentials: DigestCredentials;
  readonly cnonce: string;
  readonly nonceCount?: number;
  /** The new transaction's Via. */
  readonly via: ViaSentBy;
  readonly branch: string;
}

/**
 * The request to send after a 401 (WWW-Authenticate → Authorization) or 407
 * (Proxy-Authenticate → Proxy-Authorization): same Call-ID, From tag and Request-URI, CSeq + 1,
 * a new Via branch, and the credentials header. Throws {@link DigestError} when no challenge is usable.
 */
export function createAuthenticatedRequest(
  request: SipRequest,
  challengeResponse: SipResponse,
  o: AuthRetryOptions,
): SipRequest {
  const proxy = challengeResponse.status === 407;
  if (!proxy && challengeResponse.status !== 401)
    throw new DigestError('malformed-challenge', 'not a 401 or 407');
  const challenge = chooseDigestChallenge(
    getHeaderValues(challengeResponse, proxy ? 'Proxy-Authenticate' : 'WWW-Authenticate'),
  );
  if (!challenge) throw new DigestError('malformed-challenge', 'no usable Digest challenge');
  const answer = computeDigest({
    challenge,
    ...o.credentials,
    method: request.method,
    uri: request.uri,
    cnonce: o.cnonce,
    nonceCount: o.nonceCount ?? 1,
    body: request.body,
  });
  const { cseq } = readCore(request);
  let headers = withHeader(
    withoutHeader(request.headers, 'Via'),
    'CSeq',
    formatCSeq({ seq: cseq.seq + 1, method: cseq.method }),
  );
  headers = withHeader(headers, proxy ? 'Proxy-Authorization' : 'Authorization', answer.value);
  return { ...request, headers: [viaHeader(o.via, o.branch), ...headers] };
}
