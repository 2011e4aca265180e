import { subjectWildcards } from './subjects';

/** How a stream keeps messages (mirrors JetStream's retention policies). */
export type StreamRetention = 'limits' | 'workqueue';

/** One JetStream stream of the platform: its name and the subjects it captures. */
export interface StreamTopology {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly retention: StreamRetention;
  /** Event logs are kept; work queues drop a message once it is acked. */
  readonly description: string;
}

/**
 * The JetStream streams. Replicas, storage and sync settings come from the
 * deployment (deploy/nats); tests create them with one replica and file storage.
 */
export const streams = {
  callEvents: {
    name: 'CALL_EVENTS',
    subjects: [subjectWildcards.callEvents],
    retention: 'limits',
    description: 'Call aggregate events, one subject per call',
  },
  conversationEvents: {
    name: 'CONVERSATION_EVENTS',
    subjects: [subjectWildcards.conversationEvents],
    retention: 'limits',
    description: 'Caller and agent turns, one subject per call',
  },
  escalationEvents: {
    name: 'ESCALATION_EVENTS',
    subjects: [subjectWildcards.escalationEvents],
    retention: 'limits',
    description: 'Escalation saga state, one subject per call',
  },
  contextEvents: {
    name: 'CONTEXT_EVENTS',
    subjects: [subjectWildcards.contextEvents],
    retention: 'limits',
    description: 'Context-store facts, one subject per call',
  },
  callCommands: {
    name: 'CALL_COMMANDS',
    subjects: [subjectWildcards.callCommands],
    retention: 'workqueue',
    description: 'Commands for call-control from the saga',
  },
  gatewaySignals: {
    name: 'GATEWAY_SIGNALS',
    subjects: [subjectWildcards.gatewaySignals],
    retention: 'workqueue',
    description: 'Leg facts from gateways for call-control',
  },
  speak: {
    name: 'TTS_REQUESTS',
    subjects: [subjectWildcards.speak],
    retention: 'workqueue',
    description: 'Speech synthesis requests for the tts stage',
  },
} as const satisfies Record<string, StreamTopology>;

export const allStreams: readonly StreamTopology[] = Object.values(streams);
