/**
 * The part of `text` the caller heard when `playedMs` of `totalMs` played: the whole text when the
 * utterance completed, otherwise the words whose share of the characters lies within the played
 * share of the audio (speech rate taken as even over the text). Pure.
 */
export const heardTextOf = (
  text: string,
  playedMs: number,
  totalMs: number,
  completed: boolean,
): string => {
  const trimmed = text.trim();
  if (completed) return trimmed;
  if (totalMs <= 0 || playedMs <= 0) return '';
  const share = Math.min(1, playedMs / totalMs);
  const budget = Math.floor(trimmed.length * share);
  const words = trimmed.split(/\s+/);
  const heard: string[] = [];
  let used = 0;
  for (const word of words) {
    const end = used + (heard.length > 0 ? 1 : 0) + word.length;
    if (end > budget) break;
    heard.push(word);
    used = end;
  }
  return heard.join(' ');
};
