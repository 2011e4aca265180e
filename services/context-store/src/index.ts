/**
 * @warmline/context-store: the conversation context a human needs, projected into MongoDB from
 * the call, conversation and escalation streams; its gRPC API and the agent desk.
 */
export { createApp, type AppDeps, type AppEndpoints, type ContextStoreApp } from './app';
export { loadContextStoreConfig, type ContextStoreConfig } from './config';
export * from './domain';
