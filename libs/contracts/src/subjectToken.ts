/** Thrown when an id cannot be used as one NATS subject token. */
export class InvalidSubjectTokenError extends Error {
  override readonly name = 'InvalidSubjectTokenError';
  constructor(readonly token: string) {
    super(`not a valid subject token: ${JSON.stringify(token.slice(0, 80))}`);
  }
}

const TOKEN = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Checks that an id (call id, connector id) is safe as a single NATS subject
 * token: no dots, wildcards or whitespace that would let one call's id address
 * another call's subjects.
 */
export const subjectToken = (id: string): string => {
  if (!TOKEN.test(id)) throw new InvalidSubjectTokenError(id);
  return id;
};

export const isSubjectToken = (id: string): boolean => TOKEN.test(id);
