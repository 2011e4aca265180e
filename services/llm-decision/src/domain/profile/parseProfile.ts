import type { AgentProfile, ProfileLines } from './agentProfile';
import { deepFreeze } from './deepFreeze';
import { FieldReader } from './fieldReader';
import { parseEscalation } from './parseEscalation';
import { parseIntents } from './parseIntents';
import { DEFAULT_END_PHRASES, defaultLines } from './profileDefaults';
import { ProfileError } from './profileError';

/** A destination id is a configuration key: it starts with a letter, so it is never a phone number. */
const DESTINATION_ID = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

const TOP_LEVEL = [
  'version',
  'businessName',
  'lines',
  'synonyms',
  'intents',
  'escalation',
  'endOfCall',
  'transfer',
];

const parseLines = (reader: FieldReader, value: unknown, businessName: string): ProfileLines => {
  const defaults = defaultLines(businessName);
  const keys = Object.keys(defaults) as (keyof ProfileLines)[];
  const fields = value === undefined ? {} : reader.record(value, 'lines', keys);
  const lines = { ...defaults };
  for (const key of keys) lines[key] = reader.string(fields, key, `lines.${key}`, defaults[key]);
  return lines;
};

const parseSynonyms = (reader: FieldReader, value: unknown): Record<string, string[]> => {
  if (value === undefined) return {};
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  const fields = reader.record(value, 'synonyms', keys);
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(fields))
    out[key] = reader.stringList(fields, key, `synonyms.${key}`, 1);
  return out;
};

/**
 * Validates an untrusted, already-parsed document (from YAML or JSON) as an agent profile and
 * returns it deeply frozen, with defaults filled in (the transition line defaults to "Let me
 * connect you with a specialist who can help."). Throws {@link ProfileError} listing every problem.
 */
export function parseProfile(document: unknown, source = 'profile'): AgentProfile {
  const reader = new FieldReader();
  const fields = reader.record(document, '', TOP_LEVEL);
  const version = reader.number(fields, 'version', 'version', { fallback: 1 });
  if (version !== 1) reader.fail('version', 'only version 1 is supported');
  const businessName = reader.string(fields, 'businessName', 'businessName');
  const endOfCall =
    fields.endOfCall === undefined ? {} : reader.record(fields.endOfCall, 'endOfCall', ['phrases']);
  const transfer = reader.record(fields.transfer, 'transfer', ['destinationId']);
  const destinationId = reader.string(transfer, 'destinationId', 'transfer.destinationId');
  if (destinationId !== '' && !DESTINATION_ID.test(destinationId)) {
    reader.fail(
      'transfer.destinationId',
      'must be a configuration key (a letter, then letters, digits, . _ -), never a number',
    );
  }
  const profile: AgentProfile = {
    version: 1,
    businessName,
    lines: parseLines(reader, fields.lines, businessName),
    synonyms: parseSynonyms(reader, fields.synonyms),
    intents: parseIntents(reader, reader.list(fields, 'intents', 'intents')),
    escalation: parseEscalation(reader, fields.escalation),
    endOfCall: {
      phrases: reader.stringList(endOfCall, 'phrases', 'endOfCall.phrases', 1, DEFAULT_END_PHRASES),
    },
    transfer: { destinationId },
  };
  if (reader.issues.length > 0) throw new ProfileError(source, reader.issues);
  return deepFreeze(profile);
}
