import type { Collection, Db } from 'mongodb';
import type { BookingStore, Customer, Slot } from './domain/booking';

/** `customers`: the phone number is the id. */
export interface CustomerDocument {
  readonly _id: string;
  readonly name: string;
}

/** `slots`: free while `bookedBy` is null. */
export interface SlotDocument {
  readonly _id: string;
  readonly startsAt: Date;
  readonly bookedBy: string | null;
  readonly bookedAt?: Date;
}

export const CUSTOMERS_COLLECTION = 'customers';
export const SLOTS_COLLECTION = 'slots';

/** {@link BookingStore} on MongoDB through the official driver; booking is one atomic update. */
export class MongoBookingStore implements BookingStore {
  private readonly customers: Collection<CustomerDocument>;
  private readonly slots: Collection<SlotDocument>;

  constructor(db: Db) {
    this.customers = db.collection<CustomerDocument>(CUSTOMERS_COLLECTION);
    this.slots = db.collection<SlotDocument>(SLOTS_COLLECTION);
  }

  async findCustomer(phone: string): Promise<Customer | undefined> {
    const found = await this.customers.findOne({ _id: phone });
    return found ? { phone: found._id, name: found.name } : undefined;
  }

  async freeSlots(after: Date, limit: number): Promise<Slot[]> {
    const free = await this.slots
      .find({ bookedBy: null, startsAt: { $gt: after } })
      .sort({ startsAt: 1 })
      .limit(limit)
      .toArray();
    return free.map((s) => ({ id: s._id, startsAt: s.startsAt }));
  }

  async book(slotId: string, phone: string): Promise<boolean> {
    const result = await this.slots.updateOne(
      { _id: slotId, bookedBy: null },
      { $set: { bookedBy: phone, bookedAt: new Date() } },
    );
    return result.modifiedCount === 1;
  }
}
