/** @warmline/example-appointment-booking: identify, offer free slots, book, confirm; else a human. */
export { handleCall, runBooking, type BookingDeps, type BookingOutcome } from './app';
export {
  START,
  lines,
  nextMove,
  spokenSlot,
  type BookingMove,
  type BookingState,
  type BookingStore,
  type Customer,
  type HandoffReason,
  type Slot,
} from './domain/booking';
export {
  CUSTOMERS_COLLECTION,
  MongoBookingStore,
  SLOTS_COLLECTION,
  type CustomerDocument,
  type SlotDocument,
} from './mongoBookingStore';
