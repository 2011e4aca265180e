import { type SynonymTable, compileSynonyms } from '../classify/canonicalTerms';
import type { CompiledPolicyRule } from '../classify/detectPolicyKeyword';
import { type IntentIndex, buildIntentIndex } from '../classify/intentIndex';
import type { AgentProfile, Intent } from '../profile/agentProfile';
import { normalizeText } from '../text/normalizeText';

/** A profile with every phrase normalised and the intent index built, for the engine. */
export interface CompiledProfile {
  readonly profile: AgentProfile;
  readonly explicitRequestPhrases: readonly (readonly string[])[];
  readonly policyRules: readonly CompiledPolicyRule[];
  readonly endPhrases: readonly (readonly string[])[];
  readonly synonyms: SynonymTable;
  readonly index: IntentIndex;
  readonly intents: ReadonlyMap<string, Intent>;
  /** The words of the business's name (`acme`, `internet`), allowed in greetings. */
  readonly businessWords: ReadonlySet<string>;
}

const tokens = (s: string): readonly string[] => normalizeText(s).tokens;

const cache = new WeakMap<AgentProfile, CompiledProfile>();

/**
 * Compiles a profile once; the result is cached per profile object (profiles are frozen, so
 * this is a pure function of its argument).
 */
export function compileProfile(profile: AgentProfile): CompiledProfile {
  const cached = cache.get(profile);
  if (cached !== undefined) return cached;
  const synonyms = compileSynonyms(profile.synonyms);
  const compiled: CompiledProfile = {
    profile,
    explicitRequestPhrases: profile.escalation.explicitRequestPhrases
      .map(tokens)
      .filter((p) => p.length > 0),
    policyRules: profile.escalation.policyKeywords.map((rule) => ({
      label: rule.label,
      reason: rule.reason,
      phrases: rule.phrases.map(tokens).filter((p) => p.length > 0),
    })),
    endPhrases: profile.endOfCall.phrases.map(tokens).filter((p) => p.length > 0),
    synonyms,
    index: buildIntentIndex(profile.intents, synonyms),
    intents: new Map(profile.intents.map((intent) => [intent.id, intent])),
    businessWords: new Set(tokens(profile.businessName)),
  };
  cache.set(profile, compiled);
  return compiled;
}
