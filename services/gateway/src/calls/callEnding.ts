import { facts, type SignalPayload } from './signals';

/** How a call left this gateway: the leg fact to report (none when call-control decided) and how its socket closes. */
export interface CallEnding {
  readonly fact?: SignalPayload;
  readonly closeCode: number;
  readonly closeReason: string;
  /** For the log. */
  readonly detail: string;
}

/** The ways a carrier-stream call ends. */
export const endings = {
  /** The carrier sent `stop`. */
  callerHungUp: (): CallEnding => ({
    fact: facts.callerHungUp(),
    closeCode: 1000,
    closeReason: 'stopped',
    detail: 'caller hung up',
  }),
  /** The media went away (socket lost, a transfer with no way back). */
  mediaLost: (detail: string): CallEnding => ({
    fact: facts.mediaLost(detail),
    closeCode: 1001,
    closeReason: 'media lost',
    detail,
  }),
  /** The carrier broke its protocol. */
  protocolError: (detail: string, closeCode: number): CallEnding => ({
    fact: facts.mediaLost(`protocol error: ${detail}`),
    closeCode,
    closeReason: 'protocol error',
    detail,
  }),
  /** The gateway is shutting down. */
  shutdown: (): CallEnding => ({
    fact: facts.mediaLost('gateway shutting down'),
    closeCode: 1001,
    closeReason: 'going away',
    detail: 'shutdown',
  }),
  /** Call-control asked for it: nothing to report. */
  hangup: (detail: string): CallEnding => ({ closeCode: 1000, closeReason: 'hangup', detail }),
  /** Call-control refused the call or could not be reached: it never existed. */
  notStarted: (detail: string): CallEnding => ({
    closeCode: 1011,
    closeReason: 'call not started',
    detail,
  }),
};
