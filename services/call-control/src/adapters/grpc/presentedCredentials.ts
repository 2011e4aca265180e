import type { ServerUnaryCall } from '@grpc/grpc-js';
import type { Presented } from '../../auth/principal';

const AUTHORIZATION = 'authorization';

/** The values of a certificate's subjectAltName (`DNS:a, URI:spiffe://b` → `a`, `spiffe://b`). */
function altNamesOf(subjectAltName: string | undefined): string[] {
  if (!subjectAltName) return [];
  return subjectAltName
    .split(',')
    .map((entry) => entry.trim())
    .map((entry) => entry.slice(entry.indexOf(':') + 1))
    .filter((value) => value.length > 0);
}

/** What a gRPC call presents: its `authorization` metadata and, under mTLS, the client certificate. */
export function presentedCredentials(
  call: Pick<ServerUnaryCall<unknown, unknown>, 'metadata' | 'getAuthContext'>,
): Presented {
  const [authorization] = call.metadata.get(AUTHORIZATION);
  const certificate = call.getAuthContext().sslPeerCertificate;
  const cn = certificate?.subject?.CN;
  return {
    ...(typeof authorization === 'string' ? { authorization } : {}),
    ...(certificate && Object.keys(certificate).length > 0
      ? {
          certificate: {
            commonNames: cn === undefined ? [] : Array.isArray(cn) ? cn : [cn],
            altNames: altNamesOf(certificate.subjectaltname),
          },
        }
      : {}),
  };
}
