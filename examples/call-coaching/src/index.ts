/** @warmline/example-call-coaching: connect, spy, whisper a hint when a rule fires, back to spy. */
export {
  DEFAULT_GREETING,
  handleCall,
  runCoaching,
  type CoachingDeps,
  type CoachingOutcome,
} from './app';
export { Coach, DEFAULT_RULES, type CoachingRule } from './domain/coach';
