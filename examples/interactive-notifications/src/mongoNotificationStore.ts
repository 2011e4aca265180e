import type { Collection, Db } from 'mongodb';
import type {
  NotificationStatus,
  NotificationStore,
  PendingNotification,
} from './domain/notifications';

/** `notifications`: one per message, `status` pending until the recipient answers. */
export interface NotificationDocument {
  readonly _id: string;
  readonly phone: string;
  readonly text: string;
  readonly status: 'pending' | NotificationStatus;
  readonly createdAt: Date;
  readonly answeredAt?: Date;
  readonly answeredOnCall?: string;
}

/** `recipients`: the phone number is the id. */
export interface RecipientDocument {
  readonly _id: string;
  readonly name: string;
}

export const NOTIFICATIONS_COLLECTION = 'notifications';
export const RECIPIENTS_COLLECTION = 'recipients';

/** {@link NotificationStore} on MongoDB through the official driver. */
export class MongoNotificationStore implements NotificationStore {
  private readonly notifications: Collection<NotificationDocument>;
  private readonly recipients: Collection<RecipientDocument>;

  constructor(db: Db) {
    this.notifications = db.collection<NotificationDocument>(NOTIFICATIONS_COLLECTION);
    this.recipients = db.collection<RecipientDocument>(RECIPIENTS_COLLECTION);
  }

  async findRecipient(phone: string): Promise<{ name: string } | undefined> {
    const found = await this.recipients.findOne({ _id: phone });
    return found ? { name: found.name } : undefined;
  }

  async pending(phone: string): Promise<PendingNotification[]> {
    const found = await this.notifications
      .find({ phone, status: 'pending' })
      .sort({ createdAt: 1 })
      .toArray();
    return found.map((n) => ({ id: n._id, text: n.text }));
  }

  async mark(id: string, status: NotificationStatus, callId: string): Promise<void> {
    await this.notifications.updateOne(
      { _id: id, status: 'pending' },
      { $set: { status, answeredAt: new Date(), answeredOnCall: callId } },
    );
  }
}
