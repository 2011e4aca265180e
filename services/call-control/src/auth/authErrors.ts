/** No valid credential: a missing or unknown API key, or an unknown client certificate. */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  readonly retryable = false;
  readonly code = 'UNAUTHENTICATED';
}
