/** The built-in agent's call lifecycle: answer, greet, say goodbye, hand the end to the saga. */
export * from './config';
export * from './decide';
export * from './effects';
export * from './escalationView';
export * from './inputs';
export * from './state';
