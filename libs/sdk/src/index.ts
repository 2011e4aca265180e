/**
 * @warmline/sdk: answer phone calls from application code, stream audio both ways, connect the
 * caller to a human (warm handoff) and leave, with typed errors. The programming model of the
 * commercial voice-agent SDKs, on Warmline's call-control gRPC API.
 */
export { WarmlineClient } from './client/warmlineClient';
export type { ClientEventHandler, ClientEventName, ClientHandlers } from './client/clientHandlers';
export { ActiveCall } from './call/activeCall';
export type {
  CallAttacher,
  CallEventHandler,
  CallHandlers,
  ConnectOptions,
} from './call/activeCall';

export { WarmlineClientConfig, DEFAULT_CLIENT_NAME } from './config/clientConfig';
export type { ResolvedClientOptions } from './config/clientConfig';
export type {
  ApiKeyAuth,
  ApiKeyTls,
  CommonClientOptions,
  MutualTlsAuth,
  ProductionOptions,
  SandboxOptions,
  WarmlineClientOptions,
} from './config/clientOptions';
export { SAMPLE_RATES, validateSampleRate, type SampleRate } from './config/sampleRate';

export { events, ClientEvent, CallEventName } from './events/eventNames';
export type {
  CallDtmfDetail,
  CallEventBase,
  CallEventDetails,
  CallFailureDetail,
  CallModeDetail,
  CallNotice,
  CallTerminatedDetail,
} from './events/eventDetails';
export type { Handler } from './events/handlerRegistry';

export { AgentMode, CallState, TerminationReason } from './domain/callState';
export type { CallInfo } from './domain/callInfo';
export { CALL_JSON_FORMAT, type ActiveCallJSON } from './domain/callJson';
export {
  DEFAULT_RING_TIME_SECONDS,
  MAX_RING_TIME_SECONDS,
  MIN_RING_TIME_SECONDS,
} from './domain/ringTime';
export { defaultBackoff, type BackoffPolicy } from './domain/backoff';

export {
  AuthenticationError,
  ConnectionError,
  InvalidArgumentError,
  MediaError,
  WarmlineError,
  type WarmlineErrorOptions,
} from './errors/warmlineError';
export { BufferClosedError, BufferFullError } from './errors/bufferErrors';
export {
  AgentModeNotSupportedError,
  CallClosedError,
  CallCommandError,
  CallCommandTimeoutError,
  CallError,
  CallNotFoundError,
  WrongStateError,
  type CallCommandName,
} from './errors/callErrors';

export { silentLogger, type LogFields, type WarmlineLogger } from './logger';

export {
  briefCallee,
  type BriefCalleeOptions,
  type BriefableCall,
  type BriefingOutcome,
} from './briefing/briefCallee';
export {
  DEFAULT_BRIEFING_TEXT,
  briefingText,
  shortenSummary,
  type BriefingTextOptions,
  type CallBriefing,
} from '@warmline/handoff';
