import { loadCorpusAudio16k, loadManifest } from '../../corpus/loadCorpus';
import { concat, frames, mix, noise, silence } from '../../testSupport/signals';
import { CallTurnTaking } from './callTurnTaking';
import type { TurnEffect } from './turnEffects';

const manifest = loadManifest();
const pick = (kind: 'sentence' | 'backchannel', rate: number, ids: readonly string[]) =>
  manifest.entries.filter((e) => e.kind === kind && e.rate === rate && ids.includes(e.sentenceId));

const LEAD_MS = 500;
const TAIL_MS = 1500;

/** A corpus clip as the caller's line delivers it: quiet line noise, the clip, then silence. */
const onLine = (clip: Int16Array): Int16Array => {
  const speech = concat(silence(LEAD_MS), clip, silence(TAIL_MS));
  return mix(noise(speech.length / 16, -62, 3), speech);
};

const run = (
  core: CallTurnTaking,
  signal: Int16Array,
  onTurn?: (turnId: string, atMs: number) => void,
): [number, TurnEffect][] => {
  const out: [number, TurnEffect][] = [];
  frames(signal).forEach((frame, i) => {
    const turnId = out.find(([, e]) => e.type === 'turn-started')?.[1].turnId;
    if (turnId) onTurn?.(turnId, i * 20);
    for (const effect of core.audio(frame, i * 20))
      if (effect.type !== 'recognize') out.push([(i + 1) * 20, effect]);
  });
  return out;
};

describe('turn-taking on corpus speech', () => {
  const sentences = [
    ...pick('sentence', 16000, ['01', '09', '12']),
    ...pick('sentence', 8000, ['04', '13']),
  ];

  it.each(sentences.map((e) => [e.file, e] as const))(
    '%s: one turn, ended 700 ms after the caller stops',
    (_file, entry) => {
      const effects = run(new CallTurnTaking('c'), onLine(loadCorpusAudio16k(entry)));
      expect(effects.map(([, e]) => e.type)).toEqual(['turn-started', 'turn-ended']);
      const [decidedAt, ended] = effects[1]!;
      if (ended.type !== 'turn-ended') throw new Error('unreachable');
      const clipEndMs = LEAD_MS + entry.durationMs; // the clip keeps 100 ms of its own silence after speech
      expect(ended.startMs).toBeGreaterThanOrEqual(LEAD_MS);
      expect(ended.startMs).toBeLessThan(LEAD_MS + 400);
      expect(ended.endMs).toBeGreaterThan(clipEndMs - 500);
      expect(ended.endMs).toBeLessThanOrEqual(clipEndMs);
      expect(decidedAt - ended.endMs).toBeGreaterThanOrEqual(700);
      expect(decidedAt - ended.endMs).toBeLessThan(700 + 20);
    },
  );

  it('no corpus backchannel interrupts the agent once its partial is heard; every human request does', () => {
    const outcomes = [
      ...pick('backchannel', 16000, ['b1', 'b2', 'b3']),
      ...pick('sentence', 16000, ['01', '02', '03', '04', '05']),
    ].map((entry) => {
      const core = new CallTurnTaking('c', { expectPartials: true });
      core.agentPlayback('agent-utterance');
      // the engine's first partial arrives ~400 ms into the turn (measured for pocketsphinx: see the bench)
      const effects = run(core, onLine(loadCorpusAudio16k(entry)), (turnId, atMs) => {
        if (atMs >= LEAD_MS + 400)
          core.partial(turnId, entry.text.split(' ').slice(0, 2).join(' '));
      });
      return [entry.file, effects.some(([, e]) => e.type === 'barged-in')];
    });
    expect(outcomes).toEqual(outcomes.map(([file]) => [file, !String(file).includes('-b')]));
  });
});
