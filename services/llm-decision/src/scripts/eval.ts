/**
 * `pnpm --filter @warmline/llm-decision eval`: runs the labelled corpus (test/corpus) through the
 * local policy engine with the example profile and prints precision and recall of escalation per
 * category and overall, explicit-request recall, reason accuracy and the mean turn offset, for
 * the tuning split and the held-out split.
 *
 * Options: `--misses tune|heldout|all` also lists the conversations that were not clean successes;
 * `--profile <file>` and `--corpus <dir>` override the defaults.
 */
import { loadCorpus } from '../adapters/corpusFiles';
import { loadProfileFileSync } from '../adapters/profileFile';
import { formatMisses, formatReport } from '../eval/formatReport';
import { runConversation } from '../eval/runConversation';

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
};

const profile = loadProfileFileSync(option('profile'));
const corpus = loadCorpus(option('corpus'));
const runs = corpus.map((conversation) => runConversation(profile, conversation));
console.log(formatReport(runs));
const misses = option('misses');
if (misses !== undefined) {
  const selected = misses === 'all' ? runs : runs.filter((r) => r.conversation.split === misses);
  console.log(`\nMisses (${misses}):\n${formatMisses(selected) || '  none'}`);
}
