import { aggregateWer } from '../domain/wer/wordErrorRate';
import type { CorpusResult } from './corpusRun';

/** One row of the WER table: a voice at a rate. */
export interface WerRow {
  readonly voice: string;
  readonly rate: number;
  readonly files: number;
  readonly words: number;
  readonly wer: number;
  /** Human-request sentences flagged / human-request sentences. */
  readonly keywordRecall: string;
  /** Other sentences wrongly flagged. */
  readonly keywordFalseHits: number;
}

/** Groups results by voice and rate (plus an `all` row per rate) into WER rows. */
export const werRows = (results: readonly CorpusResult[]): WerRow[] => {
  const groups = new Map<string, CorpusResult[]>();
  for (const result of results) {
    for (const voice of [result.entry.voice, 'all']) {
      const key = `${result.entry.rate}|${voice}`;
      groups.set(key, [...(groups.get(key) ?? []), result]);
    }
  }
  const order = (row: WerRow): string =>
    `${30000 - row.rate}|${row.voice === 'all' ? '~' : row.voice}`;
  const rows = [...groups.entries()].map(([key, group]) => {
    const [rate, voice] = key.split('|') as [string, string];
    const asks = group.filter((r) => r.entry.humanRequest);
    return {
      voice,
      rate: Number(rate),
      files: group.length,
      words: group.reduce((total, r) => total + r.wer.referenceWords, 0),
      wer: aggregateWer(group.map((r) => r.wer)).wer,
      keywordRecall: `${asks.filter((r) => r.recognition.keywordHit).length}/${asks.length}`,
      keywordFalseHits: group.filter((r) => !r.entry.humanRequest && r.recognition.keywordHit)
        .length,
    };
  });
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
};

/** Formats a number as a percentage with one decimal. */
export const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

/** Median and 95th percentile of a list (nearest rank). */
export const quantiles = (values: readonly number[]): { p50: number; p95: number } => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95) };
};
