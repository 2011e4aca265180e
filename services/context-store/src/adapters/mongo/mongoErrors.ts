import { MongoServerError } from 'mongodb';

/** MongoDB server error codes this service reacts to. */
export const MongoErrorCodes = {
  duplicateKey: 11000,
  commandNotSupported: 115,
  cannotCreateIndex: 67,
  notImplemented: 238,
} as const;

const codeOf = (error: unknown): number | undefined =>
  error instanceof MongoServerError && typeof error.code === 'number' ? error.code : undefined;

/** A unique index refused the write (E11000): another writer stored that key first. */
export const isDuplicateKey = (error: unknown): boolean =>
  codeOf(error) === MongoErrorCodes.duplicateKey;

/** The server cannot do this at all (FerretDB and TTL indexes): fall back, do not retry. */
export const isUnsupported = (error: unknown): boolean => {
  const code = codeOf(error);
  return (
    code === MongoErrorCodes.notImplemented ||
    code === MongoErrorCodes.commandNotSupported ||
    code === MongoErrorCodes.cannotCreateIndex
  );
};
