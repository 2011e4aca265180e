import type { Collection, Db } from 'mongodb';
import type { ContextStore, ConversationTurn, EscalationContext } from './escalationContext';

/** A stored context: the call id is the document id. */
export interface ContextDocument {
  readonly _id: string;
  readonly callerNumber: string;
  readonly calleeNumber: string;
  readonly connectorId: string;
  readonly reason: string;
  readonly detail: string;
  readonly turns: readonly ConversationTurn[];
  readonly savedAt: Date;
}

/** The collection contexts are saved in. */
export const CONTEXTS_COLLECTION = 'contexts';

/** A {@link ContextStore} on MongoDB through the official driver (`contexts`, `_id` = call id). */
export class MongoContextStore implements ContextStore {
  private readonly contexts: Collection<ContextDocument>;

  constructor(db: Db) {
    this.contexts = db.collection<ContextDocument>(CONTEXTS_COLLECTION);
  }

  async save(context: EscalationContext): Promise<void> {
    const { callId, ...rest } = context;
    await this.contexts.replaceOne({ _id: callId }, { ...rest }, { upsert: true });
  }
}
