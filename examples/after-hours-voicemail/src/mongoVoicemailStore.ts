import type { Collection, Db } from 'mongodb';
import type { Voicemail, VoicemailStore } from './domain/voicemail';

/** A stored voicemail: the call id is the document id. */
export type VoicemailDocument = Omit<Voicemail, 'callId'> & { readonly _id: string };

export const VOICEMAILS_COLLECTION = 'voicemails';

/** {@link VoicemailStore} on MongoDB through the official driver. */
export class MongoVoicemailStore implements VoicemailStore {
  private readonly voicemails: Collection<VoicemailDocument>;

  constructor(db: Db) {
    this.voicemails = db.collection<VoicemailDocument>(VOICEMAILS_COLLECTION);
  }

  async save(voicemail: Voicemail): Promise<void> {
    const { callId, ...rest } = voicemail;
    await this.voicemails.replaceOne({ _id: callId }, rest, { upsert: true });
  }
}
