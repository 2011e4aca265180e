import type { ReplyIntent } from '@warmline/example-kit';

/** A customer, identified by their phone number. */
export interface Customer {
  readonly phone: string;
  readonly name: string;
}

/** A free appointment slot. */
export interface Slot {
  readonly id: string;
  readonly startsAt: Date;
}

/** Where customers and slots live. */
export interface BookingStore {
  findCustomer(phone: string): Promise<Customer | undefined>;
  /** Free slots starting after `after`, earliest first. */
  freeSlots(after: Date, limit: number): Promise<Slot[]>;
  /** Books `slotId` for `phone`; false if someone took it meanwhile. */
  book(slotId: string, phone: string): Promise<boolean>;
}

/** Where the conversation is: which offered slot, and how many replies were not understood. */
export interface BookingState {
  readonly offered: number;
  readonly unclear: number;
}

/** Why the caller is handed to a person. */
export type HandoffReason =
  'unknown-caller' | 'no-slots' | 'none-suits' | 'asked' | 'not-understood';

/** What to do after a reply. */
export type BookingMove =
  | { readonly kind: 'offer'; readonly index: number; readonly again: boolean }
  | { readonly kind: 'book'; readonly index: number }
  | { readonly kind: 'handoff'; readonly reason: HandoffReason };

export const START: BookingState = { offered: 0, unclear: 0 };

/**
 * The next move after the caller's reply to the offer of slot `state.offered` (`undefined`: the
 * caller said nothing). Yes books it; no offers the next of `slotCount` slots or hands off when
 * none is left; asking for a person hands off; two replies not understood hand off. Pure.
 */
export function nextMove(
  state: BookingState,
  intent: ReplyIntent | undefined,
  slotCount: number,
): { readonly move: BookingMove; readonly state: BookingState } {
  switch (intent) {
    case 'yes':
      return { move: { kind: 'book', index: state.offered }, state };
    case 'no': {
      const next = state.offered + 1;
      return next < slotCount
        ? {
            move: { kind: 'offer', index: next, again: false },
            state: { offered: next, unclear: 0 },
          }
        : { move: { kind: 'handoff', reason: 'none-suits' }, state };
    }
    case 'human':
      return { move: { kind: 'handoff', reason: 'asked' }, state };
    default: {
      const unclear = state.unclear + 1;
      return unclear >= 2
        ? { move: { kind: 'handoff', reason: 'not-understood' }, state: { ...state, unclear } }
        : {
            move: { kind: 'offer', index: state.offered, again: true },
            state: { ...state, unclear },
          };
    }
  }
}

/** A slot as said aloud, in the business's time zone: "Tuesday, November 24 at 3:30 PM". */
export function spokenSlot(startsAt: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
  }).format(startsAt);
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(startsAt);
  return `${day} at ${time}`;
}

/** The lines of the conversation. */
export const lines = {
  firstOffer: (name: string, slot: string) =>
    `Hello ${name}. The next free appointment is ${slot}. Shall I book it for you?`,
  nextOffer: (slot: string) => `The next one is ${slot}. Would that work?`,
  again: (slot: string) =>
    `Sorry, I did not catch that. Shall I book ${slot}? Please say yes or no.`,
  taken: 'Sorry, that time was just taken.',
  booked: (slot: string) => `You are booked for ${slot}. We look forward to seeing you. Goodbye.`,
  unanswered: 'Sorry, nobody can take your call right now. Please call again later. Goodbye.',
  handoff: {
    'unknown-caller':
      'I could not find your number in our records. Let me connect you to our front desk.',
    'no-slots': 'There are no free appointments I can offer. Let me connect you to our front desk.',
    'none-suits': 'Let me connect you to our front desk to find a time that suits you.',
    asked: 'Of course. Connecting you to our front desk.',
    'not-understood': 'Let me connect you to our front desk.',
  } satisfies Record<HandoffReason, string>,
};
