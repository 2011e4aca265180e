import { type ActiveCall, BufferClosedError, CallClosedError } from '@warmline/sdk';

/**
 * Whether `error` only says the caller hung up meanwhile (a command or audio on an ended call),
 * which an example ends quietly on.
 */
export const isHangUp = (error: unknown, call: Pick<ActiveCall, 'state'>): boolean =>
  error instanceof CallClosedError ||
  error instanceof BufferClosedError ||
  call.state === 'DISCONNECTED';

/** Ends the call for everyone unless it has ended already. */
export async function hangUpIfActive(call: ActiveCall): Promise<void> {
  if (call.state !== 'DISCONNECTED') await call.disconnect().catch(() => undefined);
}
