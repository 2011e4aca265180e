import type { Collection, Db } from 'mongodb';
import type { Contact, Lead, ReceptionStore } from './domain/reception';

/** `contacts`: the phone number is the id. */
export interface ContactDocument {
  readonly _id: string;
  readonly name: string;
  readonly tier: 'vip' | 'standard';
  readonly accountManager?: string;
}

/** `leads`: the phone number is the id. */
export interface LeadDocument {
  readonly _id: string;
  readonly firstCallAt: Date;
  readonly lastCallAt: Date;
  readonly calls: number;
  readonly source: 'inbound-call';
}

export const CONTACTS_COLLECTION = 'contacts';
export const LEADS_COLLECTION = 'leads';

/** {@link ReceptionStore} on MongoDB through the official driver. */
export class MongoReceptionStore implements ReceptionStore {
  private readonly contacts: Collection<ContactDocument>;
  private readonly leads: Collection<LeadDocument>;

  constructor(db: Db) {
    this.contacts = db.collection<ContactDocument>(CONTACTS_COLLECTION);
    this.leads = db.collection<LeadDocument>(LEADS_COLLECTION);
  }

  async findContact(phone: string): Promise<Contact | undefined> {
    const found = await this.contacts.findOne({ _id: phone });
    if (!found) return undefined;
    const { _id, ...rest } = found;
    return { phone: _id, ...rest };
  }

  async recordLead(phone: string, at: Date): Promise<Lead> {
    const lead = await this.leads.findOneAndUpdate(
      { _id: phone },
      {
        $setOnInsert: { firstCallAt: at, source: 'inbound-call' },
        $set: { lastCallAt: at },
        $inc: { calls: 1 },
      },
      { upsert: true, returnDocument: 'after' },
    );
    if (!lead) throw new Error('the lead upsert returned nothing');
    return { phone: lead._id, firstCallAt: lead.firstCallAt, calls: lead.calls };
  }
}
