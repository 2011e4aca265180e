import type { ContextDoc, TurnRecord } from '../contextDoc';

/** Replaces the turn with the same id and speaker (a repeated final), or appends it. */
export const upsertTurn = (doc: ContextDoc, turn: TurnRecord): ContextDoc => {
  const index = doc.turns.findIndex((t) => t.turnId === turn.turnId && t.speaker === turn.speaker);
  const turns =
    index < 0 ? [...doc.turns, turn] : doc.turns.map((t, i) => (i === index ? turn : t));
  return { ...doc, turns };
};

/** The index of the agent turn that spoke `utteranceId`, or -1. */
export const turnIndexOfUtterance = (doc: ContextDoc, utteranceId: string): number =>
  utteranceId === ''
    ? -1
    : doc.turns.findIndex((t) => t.speaker === 'agent' && t.utteranceId === utteranceId);

/** Replaces the turn at `index`. */
export const replaceTurn = (doc: ContextDoc, index: number, turn: TurnRecord): ContextDoc => ({
  ...doc,
  turns: doc.turns.map((t, i) => (i === index ? turn : t)),
});

/**
 * Removes the agent's reply to `callerTurnId` if it was never played (no playback reported). The
 * decision service records the transition line or goodbye it decided on as a reply when it
 * escalates or ends the call, but the orchestrator speaks that line itself under its own utterance
 * id, and its playback becomes the turn (an announcement) with what the caller heard.
 */
export const dropUnspokenReply = (doc: ContextDoc, callerTurnId: string): ContextDoc => {
  if (callerTurnId === '') return doc;
  const unspoken = (t: TurnRecord) =>
    t.speaker === 'agent' &&
    t.inReplyToTurnId === callerTurnId &&
    t.playback === undefined &&
    t.announcement !== true;
  return doc.turns.some(unspoken) ? { ...doc, turns: doc.turns.filter((t) => !unspoken(t)) } : doc;
};
