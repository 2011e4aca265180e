export {
  DEFAULT_BRIEFING_TEXT,
  briefingText,
  shortenSummary,
  type BriefingTextOptions,
  type CallBriefing,
} from './briefingText';
export { reasonPhrase } from './reasonPhrase';
export { DEFAULT_TRANSITION_LINE } from './transitionLine';
export { supportedAgentModes } from './agentModes';
