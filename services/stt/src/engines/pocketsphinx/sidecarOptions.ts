import path from 'node:path';

/** How the pocketsphinx sidecar is run. */
export interface SidecarOptions {
  /** A Python with Debian's python3-pocketsphinx (default `/usr/bin/python3`, not a pyenv shim). */
  readonly python: string;
  /** The sidecar script (default: engine/pocketsphinx_server.py in this package). */
  readonly script: string;
  /** The pocketsphinx-en-us model folder. */
  readonly modelDir: string;
  /** Concurrent streams (decoder pairs) one process serves. */
  readonly maxStreams: number;
  /** How often a stream's partial hypothesis is checked, in ms of audio. */
  readonly partialEveryMs: number;
  /** Run the grammar pass for requests for a human. */
  readonly keywords: boolean;
  /** Starting cepstral means for wideband audio (13 numbers, comma-separated), or '' for the model's own. */
  readonly cmninit: string;
  /** The same for telephone audio (8 kHz at the source, resampled to 16 kHz). */
  readonly cmninitTelephone: string;
  /** How long a start may take before it counts as failed. */
  readonly readyTimeoutMs: number;
  /** Bound on audio waiting in the sidecar's stdin pipe; frames beyond it are dropped. */
  readonly maxPendingBytes: number;
  /** First restart delay after a crash; doubles per consecutive crash. */
  readonly restartBaseMs: number;
  /** Longest restart delay. */
  readonly restartMaxMs: number;
  /** Grace between SIGTERM and SIGKILL on stop. */
  readonly stopTimeoutMs: number;
}

/**
 * Cepstral means of wideband speech around -15 to -21 dBFS, measured on this
 * package's 16 kHz corpus, sentences 11-20 only. The model's packaged start
 * values are far from real audio: a fresh decoder's first utterance had twice
 * the errors (13 % vs 6.3 % WER on sentences 01-10). Live CMN adapts from here.
 */
export const SPEECH_CMN_PRIOR = '53.5,5.9,4.9,15.3,-1.5,0.4,1.7,-8.6,-1.7,-1.8,6.8,0.1,3.8';

/**
 * The same for telephone audio (the 8 kHz corpus after the gateway's
 * resampler, sentences 11-20): band-limited speech has very different means,
 * which is why decoders are pooled per channel.
 */
export const TELEPHONE_CMN_PRIOR =
  '46.0,33.9,-32.5,45.9,-17.0,-2.0,18.3,-30.4,15.5,-6.1,-1.6,15.7,-13.3';

/** Defaults: four streams a process, partials every 200 ms, keywords on, up to 2 s of audio buffered per stream. */
export const DEFAULT_SIDECAR_OPTIONS: SidecarOptions = {
  python: '/usr/bin/python3',
  script: path.resolve(__dirname, '../../../engine/pocketsphinx_server.py'),
  modelDir: '/usr/share/pocketsphinx/model/en-us',
  maxStreams: 4,
  partialEveryMs: 200,
  keywords: true,
  cmninit: SPEECH_CMN_PRIOR,
  cmninitTelephone: TELEPHONE_CMN_PRIOR,
  readyTimeoutMs: 30_000,
  maxPendingBytes: 4 * 2 * 32_000,
  restartBaseMs: 200,
  restartMaxMs: 5_000,
  stopTimeoutMs: 3_000,
};

/** The sidecar's command-line arguments for `options`. */
export const sidecarArgs = (options: SidecarOptions): string[] => [
  options.script,
  '--model-dir',
  options.modelDir,
  '--max-streams',
  String(options.maxStreams),
  '--partial-every-ms',
  String(options.partialEveryMs),
  '--keywords',
  options.keywords ? '1' : '0',
  ...(options.cmninit ? ['--cmninit', options.cmninit] : []),
  ...(options.cmninitTelephone ? ['--cmninit-telephone', options.cmninitTelephone] : []),
];
