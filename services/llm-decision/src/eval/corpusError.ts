/** Thrown when a corpus file is malformed; the message names the file and every problem. */
export class CorpusError extends Error {
  override readonly name = 'CorpusError';

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super([`Invalid corpus ${source}:`, ...problems.map((p) => `  ${p}`)].join('\n'), options);
  }
}
