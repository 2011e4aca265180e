/**
 * The ids of everything the service produces for one transcript, derived from the transcript's
 * event id: a redelivered transcript yields the same ids, so JetStream's `Nats-Msg-Id`
 * deduplication drops a repeated append or speech request.
 */
export interface TurnIds {
  readonly repliedEventId: string;
  readonly escalationEventId: string;
  readonly hangupEventId: string;
  /** The reply's utterance id, also the speech request's id and `Nats-Msg-Id`. */
  readonly utteranceId: string;
  /** The agent's turn id (`AgentReplied.turn_id`). */
  readonly agentTurnId: string;
}

/** The ids for the transcript `transcriptEventId` of caller turn `callerTurnId`. */
export function turnIds(transcriptEventId: string, callerTurnId: string): TurnIds {
  return {
    repliedEventId: `${transcriptEventId}:replied`,
    escalationEventId: `${transcriptEventId}:escalation`,
    hangupEventId: `${transcriptEventId}:hangup`,
    utteranceId: `${transcriptEventId}:utterance`,
    agentTurnId: `${callerTurnId}:agent`,
  };
}
