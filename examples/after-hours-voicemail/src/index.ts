/** @warmline/example-after-hours-voicemail: connect in business hours, take a message after hours. */
export { handleCall, runVoicemail, type VoicemailDeps, type VoicemailOutcome } from './app';
export {
  BusinessHoursError,
  isOpen,
  parseBusinessHours,
  type BusinessHours,
} from './domain/businessHours';
export {
  DEFAULT_RECORDER_OPTIONS,
  MessageRecorder,
  type MessageRecorderOptions,
} from './domain/messageRecorder';
export {
  DEFAULT_LINES,
  type Voicemail,
  type VoicemailLines,
  type VoicemailNotifier,
  type VoicemailStore,
} from './domain/voicemail';
export {
  MongoVoicemailStore,
  VOICEMAILS_COLLECTION,
  type VoicemailDocument,
} from './mongoVoicemailStore';
export { WebhookError, webhookNotifier } from './webhookNotifier';
