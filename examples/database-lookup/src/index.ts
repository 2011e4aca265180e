/** @warmline/example-database-lookup: look the caller up, greet by name or record a lead, hand off. */
export { handleCall, runReception, type ReceptionDeps, type ReceptionOutcome } from './app';
export {
  UNANSWERED_LINE,
  routeFor,
  type Contact,
  type Lead,
  type ReceptionStore,
  type Route,
} from './domain/reception';
export {
  CONTACTS_COLLECTION,
  LEADS_COLLECTION,
  MongoReceptionStore,
  type ContactDocument,
  type LeadDocument,
} from './mongoReceptionStore';
