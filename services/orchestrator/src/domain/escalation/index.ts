/** The escalation saga: a pure workflow (decide, evolve, initialState), effects as data. */
export * from './config';
export * from './decide';
export * from './effectIds';
export * from './effects';
export * from './effectsOf';
export * from './escalationConfig';
export * from './escalationErrors';
export * from './escalationPayload';
export * from './evolve';
export * from './inputs';
export * from './redelivery';
export * from './state';
export * from './workflow';
export { briefingText } from './briefingText';
