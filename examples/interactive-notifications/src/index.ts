/** @warmline/example-interactive-notifications: read pending notifications, confirm each, goodbye. */
export {
  handleCall,
  runNotifications,
  type NotificationDeps,
  type NotificationOutcome,
} from './app';
export {
  lines,
  settle,
  type NotificationStatus,
  type NotificationStore,
  type PendingNotification,
} from './domain/notifications';
export {
  MongoNotificationStore,
  NOTIFICATIONS_COLLECTION,
  RECIPIENTS_COLLECTION,
  type NotificationDocument,
  type RecipientDocument,
} from './mongoNotificationStore';
