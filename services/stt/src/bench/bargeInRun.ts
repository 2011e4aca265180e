import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CorpusEntry } from '../corpus/corpusManifest';
import { loadCorpusAudio16k } from '../corpus/loadCorpus';
import { CallTurnTaking } from '../domain/turn/callTurnTaking';
import type { RecognitionStream, SpeechRecognizer } from '../engines/recognition';

/** What happened when a clip was spoken over the agent. */
export interface BargeInRun {
  readonly entry: CorpusEntry;
  readonly interrupted: boolean;
  /** The partials the engine gave, in order. */
  readonly partials: readonly string[];
}

const FRAME = 320;

/**
 * Speaks one corpus clip (300 ms of silence, the clip, 1 s of silence) over
 * a playing agent utterance, in real time, through the turn-taking core with
 * the engine's real partials, and reports whether it interrupted the agent.
 */
export const bargeInRun = async (
  recognizer: SpeechRecognizer,
  entry: CorpusEntry,
): Promise<BargeInRun> => {
  const clip = loadCorpusAudio16k(entry);
  const signal = new Int16Array(FRAME * 15 + clip.length + FRAME * 50);
  signal.set(clip, FRAME * 15);
  const core = new CallTurnTaking('bench', { expectPartials: recognizer.streamsPartials });
  core.agentPlayback('agent-utterance');
  const partials: string[] = [];
  let stream: RecognitionStream | undefined;
  let reading: Promise<void> = Promise.resolve();
  let interrupted = false;
  const started = performance.now();
  for (let i = 0; i * FRAME < signal.length; i++) {
    for (const effect of core.audio(signal.slice(i * FRAME, (i + 1) * FRAME), i * 20)) {
      if (effect.type === 'turn-started') {
        const open = recognizer.open({ sourceRate: entry.rate });
        stream = open;
        reading = (async () => {
          for await (const event of open.events) {
            if (event.type === 'partial') {
              partials.push(event.text);
              core.partial(effect.turnId, event.text);
            }
          }
        })();
      } else if (effect.type === 'recognize') {
        for (const frame of effect.frames) stream?.write(frame);
      } else if (effect.type === 'turn-ended') {
        stream?.end();
      } else if (effect.type === 'turn-discarded') {
        stream?.cancel();
      } else {
        interrupted = true;
      }
    }
    await sleep(Math.max(0, started + (i + 1) * 20 - performance.now()));
  }
  stream?.end();
  await reading;
  return { entry, interrupted, partials };
};
