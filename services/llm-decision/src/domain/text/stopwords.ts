/**
 * Function words and call pleasantries that say nothing about what the caller needs; removed
 * before intent matching and repetition checks. Negations and question words are kept out of
 * this list's callers where they matter (frustration and the human-request detector read all tokens).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at by for with about from into over than then ' +
    'i me my mine we us our you your yours he him his she her it its they them their ' +
    'this that these those there here is am are was were be been being do does did done ' +
    'have has had having will would shall should can could may might must ' +
    'what when where why how who which whom whose ' +
    'just really very quite also too still again already now right well okay ok oh ' +
    'hi hello hey please thanks thank yes yeah yep no nope not sure like want need get got ' +
    'know tell let some any all one up out as is there im ive going go ' +
    // courtesy, discourse and generic verbs: they say how, not what
    'sorry bother perfect great awesome wonderful lovely brilliant excellent nice cool good fine ' +
    'wonder wondering wondered first second third last next more thing things stuff question ' +
    'questions say says said saying told ask asked asking help much many set bye goodbye ' +
    'doing make makes made way actually exactly though anyway quick'
  ).split(' '),
);

/** The tokens of `tokens` that are not stop words. */
export function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !STOPWORDS.has(t));
}
