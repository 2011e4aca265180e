import { WaitTimeoutError } from '../errors';

const POLL_MS = 20;

/** Resolves once `condition()` holds, checking every 20 ms. @throws {@link WaitTimeoutError} */
export const waitUntil = async (
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) throw new WaitTimeoutError(what, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
};
