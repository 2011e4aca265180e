/** What the caller hears before the human is rung, unless configured otherwise (the seed's line). */
export const DEFAULT_TRANSITION_LINE = 'Let me connect you with a specialist who can help.';
