/**
 * @warmline/orchestrator: the escalation saga and the built-in agent's call lifecycle, as pure
 * workflows, and the runner that feeds them from JetStream.
 */
export * from './domain/escalation';
export * as agentSession from './domain/agentSession';
export { createApp, type App, type AppDeps } from './app';
export { loadOrchestratorConfig, type OrchestratorConfig } from './config';
