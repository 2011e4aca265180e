/** The escalation saga: a pure workflow (decide, evolve, initialState), effects as data. */
export * from './config';
export * from './decide';
export * from './effectIds';
export * from './effects';
export * from './effectsOf';
export * from './escalationConfig';
export * from './escalationErrors';
export * from './evolve';
export * from './inputs';
export * from './sagaEvent';
export * from './state';
export * from './toContractEvent';
export * from './workflow';
export { briefingText } from './briefingText';
