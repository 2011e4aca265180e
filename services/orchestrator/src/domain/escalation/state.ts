import type { EscalationOutcome, EscalationReason } from '@warmline/contracts';

/** The steps between start and finish; the happy path runs top to bottom, then the fallback. */
export type ActiveStatus =
  | 'SavingContext'
  | 'Announcing'
  | 'Connecting'
  | 'SwitchingToWhisper'
  | 'Briefing'
  | 'Leaving'
  | 'Apologizing'
  | 'Offering'
  | 'RecordingVoicemail'
  | 'Closing';

/** An active step and the id of the effect issued on entering it ('' if none). */
export type ActivePhase = {
  [S in ActiveStatus]: { readonly status: S; readonly effectId: string };
}[ActiveStatus];

/** The active phase with status `S`. */
export type PhaseOf<S extends ActiveStatus> = Extract<ActivePhase, { status: S }>;

/** Where the saga is. */
export type Phase =
  | { readonly status: 'Idle' }
  | ActivePhase
  | { readonly status: 'Finished'; readonly outcome: EscalationOutcome; readonly detail: string };

/** Every status, for exhaustive tables. */
export type EscalationStatus = Phase['status'];

/** What the saga knows of the callee's leg, for cleanup when the caller leaves. */
export type CalleeLeg = 'none' | 'ringing' | 'connected';

/** The escalation request, as started. */
export interface Escalation {
  readonly reason: EscalationReason;
  readonly detail: string;
  readonly summary: string;
  readonly callerNumber: string;
  /** Empty when unknown. */
  readonly callerName: string;
  /** The call's gateway can mix WHISPER, so the callee can be briefed without the caller hearing. */
  readonly whisperSupported: boolean;
}

/** A guard timer that is armed and has neither fired nor been cancelled. */
export interface ActiveTimer {
  readonly timerId: string;
  readonly dueAtMs: number;
  readonly purpose: string;
}

/** The saga's state: a fold of its stream, nothing else. */
export interface EscalationState {
  readonly callId: string;
  /** Events folded so far: the expected version of the next append. */
  readonly version: number;
  readonly phase: Phase;
  readonly escalation: Escalation | undefined;
  readonly calleeLeg: CalleeLeg;
  /** The call reached DISCONNECTED: nothing is left to disconnect. */
  readonly callEnded: boolean;
  readonly contextId: string | undefined;
  readonly voicemailRecordingId: string | undefined;
  readonly timers: readonly ActiveTimer[];
  /** Ids of the inputs folded in, so a redelivery changes nothing. */
  readonly processedInputIds: readonly string[];
  /** Ids of the effects already issued, so none is ever issued twice. */
  readonly issuedEffectIds: readonly string[];
}

/** The state of a call whose saga has seen nothing yet. */
export const initialState = (callId: string): EscalationState => ({
  callId,
  version: 0,
  phase: { status: 'Idle' },
  escalation: undefined,
  calleeLeg: 'none',
  callEnded: false,
  contextId: undefined,
  voicemailRecordingId: undefined,
  timers: [],
  processedInputIds: [],
  issuedEffectIds: [],
});
