import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { CorpusConversation } from '../eval/corpus';
import { CorpusError } from '../eval/corpusError';
import { parseCorpus } from '../eval/parseCorpus';

/** The package's labelled corpus. */
export const DEFAULT_CORPUS_DIR = resolve(__dirname, '..', '..', 'test', 'corpus');

/**
 * Reads every `*.yaml` corpus file in `dir` (sorted by name) and checks that conversation ids
 * are unique across files.
 * @throws {CorpusError} on an unreadable or malformed file or a duplicate id.
 */
export function loadCorpus(dir: string = DEFAULT_CORPUS_DIR): CorpusConversation[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch (error) {
    throw new CorpusError(dir, ['cannot read the corpus directory'], { cause: error });
  }
  const conversations = files.flatMap((file) => {
    let document: unknown;
    try {
      document = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new CorpusError(file, ['not valid YAML'], { cause: error });
    }
    return parseCorpus(document, file);
  });
  const seen = new Set<string>();
  const duplicates = conversations
    .filter((c) => seen.size === seen.add(c.id).size)
    .map((c) => c.id);
  if (duplicates.length > 0)
    throw new CorpusError(
      dir,
      duplicates.map((id) => `duplicate conversation id ${id}`),
    );
  return conversations;
}
