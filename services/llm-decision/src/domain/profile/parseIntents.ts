import type { Intent, IntentFollowUp } from './agentProfile';
import type { FieldReader } from './fieldReader';

const INTENT_ID = /^[a-z][a-z0-9_-]{0,63}$/;

const parseFollowUp = (
  reader: FieldReader,
  value: unknown,
  path: string,
): IntentFollowUp | undefined => {
  if (value === undefined) return undefined;
  const fields = reader.record(value, path, ['prompt', 'onYes', 'onNo']);
  const onNo =
    fields.onNo === undefined ? undefined : reader.string(fields, 'onNo', `${path}.onNo`);
  return {
    prompt: reader.string(fields, 'prompt', `${path}.prompt`),
    onYes: reader.string(fields, 'onYes', `${path}.onYes`),
    ...(onNo === undefined ? {} : { onNo }),
  };
};

/** Reads and checks the `intents` list: unique ids, at least one example, an answer each. */
export function parseIntents(reader: FieldReader, values: readonly unknown[]): Intent[] {
  if (values.length === 0) reader.fail('intents', 'needs at least one intent');
  const seen = new Set<string>();
  return values.map((value, i) => {
    const path = `intents[${i}]`;
    const fields = reader.record(value, path, ['id', 'examples', 'keywords', 'answer', 'followUp']);
    const id = reader.string(fields, 'id', `${path}.id`);
    if (id !== '' && !INTENT_ID.test(id))
      reader.fail(`${path}.id`, 'use lower case letters, digits, _ or -');
    if (seen.has(id)) reader.fail(`${path}.id`, `duplicate intent id "${id}"`);
    seen.add(id);
    const followUp = parseFollowUp(reader, fields.followUp, `${path}.followUp`);
    return {
      id,
      examples: reader.stringList(fields, 'examples', `${path}.examples`, 1),
      keywords: reader.stringList(fields, 'keywords', `${path}.keywords`, 0, []),
      answer: reader.string(fields, 'answer', `${path}.answer`),
      ...(followUp === undefined ? {} : { followUp }),
    };
  });
}
