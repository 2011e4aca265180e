/**
 * @warmline/orchestrator: runs the escalation saga. The domain is a pure workflow; the runner on
 * JetStream wires it to the streams.
 */
export * from './domain/escalation';
