/** One sentence of the test corpus: what the caller says, and whether it asks for a human. */
export interface CorpusSentence {
  /** Two-digit id, stable across runs; part of every file name. */
  readonly id: string;
  /** The words as spoken (numbers written as words, so the reference needs no normaliser). */
  readonly text: string;
  /** True for the phrasings that must trigger the human-request keyword pass. */
  readonly humanRequest: boolean;
  /** `backchannel` clips ("uh huh") test the barge-in rule and stay out of the WER figures. */
  readonly kind: 'sentence' | 'backchannel';
}

const s = (id: string, text: string, humanRequest = false): CorpusSentence => ({
  id,
  text,
  humanRequest,
  kind: 'sentence',
});

/**
 * Twenty call-centre sentences: five ways of asking for a human, account and
 * billing questions, numbers, short answers. Changing this list changes the
 * corpus; re-run `pnpm --filter @warmline/stt corpus:build` and commit it.
 */
export const CORPUS_SENTENCES: readonly CorpusSentence[] = [
  s('01', 'i want to speak to a human please', true),
  s('02', 'can i talk to a real person', true),
  s('03', 'let me speak to an agent', true),
  s('04', 'please transfer me to a representative', true),
  s('05', 'get me an operator', true),
  s('06', 'i would like to check my account balance'),
  s('07', 'why is my bill so high this month'),
  s('08', 'i was charged twice for the same order'),
  s('09', 'my account number is four five six seven eight'),
  s('10', 'i need to update my billing address'),
  s('11', 'when is my next payment due'),
  s('12', 'i paid one hundred and twenty dollars last week'),
  s('13', 'my phone number is five five five one two three four'),
  s('14', 'i want to cancel my subscription'),
  s('15', 'the internet has been down since yesterday'),
  s('16', 'yes that is correct'),
  s('17', 'no thank you'),
  s('18', 'what are your opening hours'),
  s('19', 'i forgot my password'),
  s('20', 'please send me a new card'),
];

/** Short acknowledgements a caller says while the agent talks; they must not interrupt it. */
export const BACKCHANNEL_CLIPS: readonly CorpusSentence[] = [
  { id: 'b1', text: 'uh huh', humanRequest: false, kind: 'backchannel' },
  { id: 'b2', text: 'okay', humanRequest: false, kind: 'backchannel' },
  { id: 'b3', text: 'yeah', humanRequest: false, kind: 'backchannel' },
];
