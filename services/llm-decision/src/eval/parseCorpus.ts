import { REASON_NAMES, type ReasonName } from '../domain/profile/reasonNames';
import {
  CATEGORIES,
  type Category,
  type CorpusConversation,
  type CorpusTurn,
  type ExpectedKind,
} from './corpus';
import { CorpusError } from './corpusError';

const KINDS: readonly ExpectedKind[] = ['reply', 'escalate', 'end'];
const DEFAULT_CONFIDENCE = 0.92;
const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const parseTurn = (value: unknown, where: string, problems: string[]): CorpusTurn | undefined => {
  if (!isRecord(value)) return void problems.push(`${where}: expected a mapping`);
  const { say, conf, expect, reason } = value;
  if (typeof say !== 'string') problems.push(`${where}.say: expected a string`);
  if (conf !== undefined && (typeof conf !== 'number' || conf < 0 || conf > 1))
    problems.push(`${where}.conf: expected 0..1`);
  if (!KINDS.includes(expect as ExpectedKind))
    problems.push(`${where}.expect: expected ${KINDS.join(' | ')}`);
  if (expect === 'escalate' && !REASON_NAMES.includes(reason as ReasonName))
    problems.push(`${where}.reason: expected ${REASON_NAMES.join(' | ')}`);
  if (expect !== 'escalate' && reason !== undefined)
    problems.push(`${where}.reason: only escalate turns have a reason`);
  return {
    say: typeof say === 'string' ? say : '',
    confidence: typeof conf === 'number' ? conf : DEFAULT_CONFIDENCE,
    expect: expect as ExpectedKind,
    ...(expect === 'escalate' ? { reason: reason as ReasonName } : {}),
  };
};

const parseConversation = (
  value: unknown,
  category: Category,
  where: string,
  problems: string[],
): CorpusConversation | undefined => {
  if (!isRecord(value)) return void problems.push(`${where}: expected a mapping`);
  const { id, split, note, turns } = value;
  if (typeof id !== 'string' || id === '') problems.push(`${where}.id: expected a string`);
  if (split !== 'tune' && split !== 'heldout')
    problems.push(`${where}.split: expected tune | heldout`);
  if (!Array.isArray(turns) || turns.length < 3 || turns.length > 10)
    problems.push(`${where}.turns: expected 3 to 10 turns`);
  const parsed = (Array.isArray(turns) ? turns : []).map((t: unknown, i) =>
    parseTurn(t, `${String(id)}.turns[${i}]`, problems),
  );
  const ok = parsed.filter((t): t is CorpusTurn => t !== undefined);
  const firstEscalation = ok.findIndex((t) => t.expect === 'escalate');
  if (firstEscalation >= 0 && ok.slice(firstEscalation).some((t) => t.expect !== 'escalate')) {
    problems.push(`${String(id)}: turns after the first escalate must be labelled escalate`);
  }
  return {
    id: String(id),
    category,
    split: split === 'heldout' ? 'heldout' : 'tune',
    ...(typeof note === 'string' ? { note } : {}),
    turns: ok,
  };
};

/**
 * Validates one parsed corpus document (`{ category, conversations }`, see test/corpus/README.md).
 * @throws {CorpusError} listing every problem.
 */
export function parseCorpus(document: unknown, source: string): CorpusConversation[] {
  const problems: string[] = [];
  if (!isRecord(document))
    throw new CorpusError(source, ['expected a mapping with category and conversations']);
  const category = document.category as Category;
  if (!CATEGORIES.includes(category)) problems.push(`category: expected ${CATEGORIES.join(' | ')}`);
  const list = Array.isArray(document.conversations) ? (document.conversations as unknown[]) : [];
  if (list.length === 0) problems.push('conversations: expected a non-empty list');
  const conversations = list
    .map((c, i) => parseConversation(c, category, `conversations[${i}]`, problems))
    .filter((c): c is CorpusConversation => c !== undefined);
  if (problems.length > 0) throw new CorpusError(source, problems);
  return conversations;
}
