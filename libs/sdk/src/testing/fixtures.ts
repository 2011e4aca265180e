import {
  AgentMode,
  CallHandler,
  type CallEvent,
  type CallSnapshot,
  CallState,
  TerminationReason,
  Transport,
} from '@warmline/contracts';

let counter = 0;

/** A unique id for tests. */
export const testId = (prefix: string): string =>
  `${prefix}-${process.pid}-${++counter}-${Date.now().toString(36)}`;

/** A PENDING call as the platform would deliver it. */
export function pendingSnapshot(callId: string, patch: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    callId,
    callerNumber: '+15550100',
    calleeNumber: '+15550199',
    connectorId: 'support',
    state: CallState.CALL_STATE_PENDING,
    mode: AgentMode.AGENT_MODE_UNSPECIFIED,
    transport: Transport.TRANSPORT_SIP,
    handler: CallHandler.CALL_HANDLER_SDK,
    version: 1,
    connectPending: false,
    startedAt: new Date(),
    terminationReason: TerminationReason.TERMINATION_REASON_UNSPECIFIED,
    ...patch,
  };
}

/** A call event with a fresh id. */
export function callEvent(
  callId: string,
  payload: NonNullable<CallEvent['payload']>,
  causationId = '',
): CallEvent {
  return {
    eventId: testId('evt'),
    callId,
    occurredAt: new Date(),
    causationId,
    correlationId: callId,
    payload,
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets pending I/O and timers of zero delay run. */
export const settle = (ms = 50): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** PCM16 bytes of the given length, filled with `value`. */
export const pcm = (bytes: number, value = 1): Buffer => Buffer.alloc(bytes, value);
