/** context-store's pure domain: the projection fold, redaction, summaries and mappings. */
export * from './contextDoc';
export * from './sourceEvent';
export * from './contextErrors';
export * from './positions';
export * from './eventIds';
export * from './emptyContext';
export * from './applyEvent';
export * from './toCallContext';
export * from './buildSummary';
export * from './labels';
export * from './redaction/redactionPolicy';
export * from './redaction/redactText';
export * from './redaction/luhn';
