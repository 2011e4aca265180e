import type { ReplyIntent } from '@warmline/example-kit';

/** A notification waiting for the caller. */
export interface PendingNotification {
  readonly id: string;
  readonly text: string;
}

/** What the caller made of a notification. */
export type NotificationStatus = 'acknowledged' | 'flagged';

/** Where notifications live. */
export interface NotificationStore {
  /** The caller's name, when the number is known. */
  findRecipient(phone: string): Promise<{ readonly name: string } | undefined>;
  /** Pending notifications for `phone`, oldest first. */
  pending(phone: string): Promise<PendingNotification[]>;
  /** Records the caller's answer; only a still-pending notification changes. */
  mark(id: string, status: NotificationStatus, callId: string): Promise<void>;
}

/**
 * What a reply means for the notification being read: yes acknowledges, no (or asking for a
 * person) flags it for a follow-up; an unclear reply or silence is asked once more, then flagged
 * so that someone calls back. Pure.
 */
export function settle(
  intent: ReplyIntent | undefined,
  askedBefore: boolean,
): NotificationStatus | 'ask-again' {
  if (intent === 'yes') return 'acknowledged';
  if (intent === 'no' || intent === 'human') return 'flagged';
  return askedBefore ? 'flagged' : 'ask-again';
}

/** The lines of the conversation. */
export const lines = {
  greeting: (name: string | undefined, count: number) =>
    `Hello${name ? ` ${name}` : ''}. You have ${count === 1 ? 'one new notification' : `${count} new notifications`}.`,
  none: (name: string | undefined) =>
    `Hello${name ? ` ${name}` : ''}. You have no new notifications. Goodbye.`,
  read: (index: number, count: number, text: string) =>
    `${count > 1 ? `Notification ${index + 1}. ` : ''}${text} Say yes to confirm, or no if something is wrong.`,
  again: 'Sorry, I did not catch that. Please say yes to confirm, or no.',
  acknowledged: 'Thank you, confirmed.',
  flagged: 'Noted. Someone will follow up with you.',
  goodbye: 'That is all for now. Goodbye.',
};
