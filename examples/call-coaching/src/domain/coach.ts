/** A coaching rule: when the caller says something matching `when`, whisper `hint` to the agent. */
export interface CoachingRule {
  readonly id: string;
  readonly when: RegExp;
  readonly hint: string;
}

export const DEFAULT_RULES: readonly CoachingRule[] = [
  {
    id: 'cancellation',
    // "can't on": how pocketsphinx often hears "cancel" on 8 kHz telephone audio.
    when: /\b(cancel\w*|can't on|close my account|terminate|switch(ing)? provider)\b/,
    hint: 'The caller mentioned cancelling. Acknowledge it and offer the loyalty discount.',
  },
  {
    id: 'price',
    when: /\b(expensive|too much|price|cheaper)\b/,
    hint: 'Price concern. Mention the annual plan saving.',
  },
  {
    id: 'upset',
    when: /\b(angry|ridiculous|terrible|unacceptable|frustrated)\b/,
    hint: 'The caller sounds upset. Slow down and apologise.',
  },
];

/**
 * Listens to the caller's lines and says when to coach: each rule fires at most once per call
 * (the agent heard the hint), and every match is counted as a topic. Pure.
 */
export class Coach {
  private readonly fired = new Set<string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly rules: readonly CoachingRule[] = DEFAULT_RULES) {}

  /** The rule to whisper for this line, if one matches that has not fired yet. */
  hear(line: string): CoachingRule | undefined {
    const text = line.toLowerCase();
    let hint: CoachingRule | undefined;
    for (const rule of this.rules) {
      if (!rule.when.test(text)) continue;
      this.counts.set(rule.id, (this.counts.get(rule.id) ?? 0) + 1);
      if (!hint && !this.fired.has(rule.id)) hint = rule;
    }
    if (hint) this.fired.add(hint.id);
    return hint;
  }

  /** How often each topic came up (for the call log). */
  topics(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
