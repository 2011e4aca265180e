/**
 * @warmline/testing: real servers on random loopback ports (nats-server, FerretDB), TypeScript
 * entry points run as real processes, and given/when/then specs for pure deciders and workflows.
 */
export * from './errors';
export * from './ferretDb';
export * from './freePorts';
export * from './httpOk';
export { mongoHello } from './mongoHello';
export * from './natsServer';
export type { LineListener, OutputLine, OutputStream } from './outputLog';
export * from './process';
export * from './toolPath';
export * from './tsProcess';
export * from './waitFor';
export * from './waitForOutput';
export * from './spec/deciderSpec';
export * from './spec/workflowSpec';
export type { Expectations } from './spec/expectations';
export type { DeepPartial, ErrorMatcher } from './spec/errorMatcher';
export type { DecideResult, ErrorOf, OutputOf, WorkflowResult } from './spec/outcome';
export * from './spec/specErrors';
export * from './carrierCaller';
export * from './baresip';
export * from './bench/percentiles';
export * from './bench/processCpu';
