/** @warmline/call-control: the call aggregate's pure domain, the app and its configuration. */
export * from './domain';
export { createApp, type App, type AppDeps, type StartedApp } from './app';
export { loadCallControlConfig, type CallControlConfig, type TlsConfig } from './config';
