/**
 * @warmline/contracts: the generated message types (the only definition of
 * events, commands and gRPC services) plus NATS subject names and stream topology.
 */
export * from './gen/warmline/call/v1/call';
export * from './gen/warmline/call/v1/call_control_service';
export * from './gen/warmline/media/v1/media';
export * from './gen/warmline/conversation/v1/conversation';
export * from './gen/warmline/escalation/v1/escalation';
export * from './gen/warmline/context/v1/context';
export * from './gen/warmline/context/v1/context_service';
export * from './subjects';
export * from './streams';
export * from './subjectToken';
