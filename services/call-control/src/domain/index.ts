/**
 * The call aggregate as a pure decider: `decide` (input → events and gateway
 * instructions, or a typed rejection), `evolve` (event → state), `initialState`.
 */
export type {
  AppliedOutcome,
  BridgeAfterAgentLeft,
  CallAggregate,
  CallStatus,
  NoCall,
  PendingAnswer,
  PendingConnect,
  StartedCall,
} from './callAggregate';
export { initialState } from './callAggregate';
export type {
  AnswerOutcomeInput,
  AnswerResult,
  CallInput,
  CommandInput,
  GatewaySignalInput,
  RingTimeoutInput,
  ServerTerminationInput,
  ServerTerminationReason,
  StartCallInput,
} from './callInput';
export type {
  CallAccepted,
  CallDecision,
  CallInstruction,
  CallRejected,
  IgnoredReason,
  RingTimeoutTimer,
} from './callDecision';
export type { CallErrorCode, CallRejection } from './callErrors';
export { CallInvariantError } from './callErrors';
export type { DecideContext } from './decideContext';
export type { CallCommandName } from './allowedCommands';
export { allowedCommands, describeAllowedCommands, isCommandAllowed } from './allowedCommands';
export {
  DEFAULT_RING_TIME_SECONDS,
  MAX_RING_TIME_SECONDS,
  MIN_RING_TIME_SECONDS,
  resolveRingTimeSeconds,
} from './ringTime';
export { CALL_UNANSWERED } from './decideRingTimeout';
export { decide } from './decide';
export { evolve } from './evolve';
export { toSnapshot } from './toSnapshot';
export { type CommandOutcome, commandOutcome } from './commandOutcome';
export {
  type RoutableCall,
  type RoutingRule,
  type RoutingTable,
  chooseHandler,
  matchesPattern,
} from './routing/routingRules';
export { assertNever } from './assertNever';
