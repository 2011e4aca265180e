import type { LocalEngineSpec } from './localEngineSpec';

/**
 * CMU flite 2.2 (Debian `flite`). `kal` is an 8 kHz diphone voice, `kal16` a
 * 16 kHz diphone voice; `slt`, `rms` and `awb` are 16 kHz clustergen voices
 * (more natural, a few times slower). flite synthesises the whole text before
 * writing and only writes to a path, so the engine feeds it one segment at a
 * time and gives it a FIFO as stdout. Voices are checked here: flite silently
 * falls back to `kal` for a name it does not know.
 *
 * `slt` is the service's default engine and voice: the most natural offline
 * voice measured (clustergen), RTF 0.013 and 21 ms short-utterance latency on
 * an idle 2-core VM (dependency probe §6). `pnpm bench` here gave RTF 0.02 and
 * first audio p50 41 ms, against 0.009 and 16 ms for `kal16`, the choice when
 * latency matters more than naturalness. Figures and reasons: README.md,
 * "Which local engine, and why".
 */
export const fliteSpec: LocalEngineSpec = {
  name: 'flite',
  binary: 'flite',
  voices: ['slt', 'rms', 'awb', 'kal16', 'kal'],
  defaultVoice: 'slt',
  command: (binary, text, voice) => ({
    binary,
    args: ['-voice', voice, '-t', text, '-o', '/dev/stdout'],
    output: 'fifo',
  }),
};
