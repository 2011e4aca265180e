/** What the callee is told before the AI leaves a warm transfer. */
export interface CallBriefing {
  /** Why the caller is being transferred, as a phrase: "they asked to speak to a person". */
  readonly reason: string;
  /** The caller's name when known; "a caller" otherwise. */
  readonly callerName?: string;
  /** What was tried or said so far, in a sentence or two; cut to `maxSummaryChars`. */
  readonly tried?: string;
}

/** How the briefing line is built. */
export interface BriefingTextOptions {
  /** Placeholders `{callerName}`, `{reason}` and `{summary}`. */
  readonly template: string;
  /** The summary is cut at a word boundary to keep the briefing short. */
  readonly maxSummaryChars: number;
}

/**
 * The defaults, used by the orchestrator's built-in escalation saga unless
 * `ORCHESTRATOR_BRIEFING_TEMPLATE` is set, so an SDK application and the built-in agent brief alike.
 */
export const DEFAULT_BRIEFING_TEXT: BriefingTextOptions = {
  template: 'Transferring {callerName}: {reason}. {summary}',
  maxSummaryChars: 280,
};

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export const shortenSummary = (text: string, max: number): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max - 1);
  const lastSpace = head.lastIndexOf(' ');
  return `${lastSpace > max / 2 ? head.slice(0, lastSpace) : head}…`;
};

/**
 * The line the callee hears: the template with `{callerName}`, `{reason}` and `{summary}` filled
 * in, in one pass (a summary that itself contains `{reason}` stays as written), spaces collapsed.
 */
export const briefingText = (
  briefing: CallBriefing,
  options: BriefingTextOptions = DEFAULT_BRIEFING_TEXT,
): string => {
  const values: Readonly<Record<string, string>> = {
    callerName: briefing.callerName?.trim() || 'a caller',
    reason: briefing.reason.trim() || 'they need a person',
    summary: shortenSummary(briefing.tried ?? '', options.maxSummaryChars),
  };
  return options.template
    .replace(/\{(callerName|reason|summary)\}/g, (_match, key: string) => values[key] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
};
