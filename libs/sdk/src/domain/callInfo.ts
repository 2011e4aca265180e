import type { CallSnapshot } from '@warmline/contracts';
import type { AgentMode, CallState, TerminationReason } from './callState';
import { agentModeFromProto, callStateFromProto, terminationReasonFromProto } from './protoNames';

/** A call as the platform sees it (`client.fetchCall`), and what an incoming call starts from. */
export interface CallInfo {
  readonly callId: string;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  /** The connector (number or trunk binding) the call came in on. */
  readonly connectorId: string;
  readonly state: CallState;
  /** Who hears the agent; undefined until CONNECTED. */
  readonly mode: AgentMode | undefined;
  /** A connect() is ringing the callee. */
  readonly connectPending: boolean;
  readonly startedAt: Date | undefined;
  /** Why the call ended, once DISCONNECTED. */
  readonly terminationReason: TerminationReason | undefined;
  /** The platform's stream position of the last event in this view. */
  readonly version: number;
}

/** Reads a wire snapshot; an unspecified state reads as PENDING (a call that just started). */
export function callInfoFromSnapshot(snapshot: CallSnapshot): CallInfo {
  const state = callStateFromProto(snapshot.state) ?? 'PENDING';
  return {
    callId: snapshot.callId,
    callerNumber: snapshot.callerNumber,
    calleeNumber: snapshot.calleeNumber,
    connectorId: snapshot.connectorId,
    state,
    mode: agentModeFromProto(snapshot.mode),
    connectPending: snapshot.connectPending,
    startedAt: snapshot.startedAt,
    terminationReason:
      state === 'DISCONNECTED' ? terminationReasonFromProto(snapshot.terminationReason) : undefined,
    version: snapshot.version,
  };
}
