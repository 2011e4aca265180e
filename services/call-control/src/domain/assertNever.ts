import { CallInvariantError } from './callErrors';

/**
 * Ends an exhaustive `switch`: the compiler proves it unreachable, and if a newer writer
 * sends a case this build does not know, it fails loudly instead of doing nothing.
 */
export function assertNever(value: never): never {
  throw new CallInvariantError(`unhandled case: ${JSON.stringify(value)}`);
}
