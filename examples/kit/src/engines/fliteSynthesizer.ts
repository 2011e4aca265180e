import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type SampleRate, pcmToBytes, readWav, resample } from '@warmline/audio';
import type { SpeechSynthesizer } from './speechSynthesizer';

const run = promisify(execFile);

/** Options of {@link FliteSynthesizer}. */
export interface FliteOptions {
  /** The session's sample rate (the SDK client's `sampleRate`). */
  readonly sampleRate: SampleRate;
  /** The flite binary; default `flite` on the PATH. */
  readonly binary?: string;
  /** The flite voice; default `slt`. */
  readonly voice?: string;
}

/**
 * The {@link SpeechSynthesizer} on the `flite` binary: `flite -voice slt -t <text> -o <file.wav>`,
 * then the WAV is read and resampled to the session rate.
 */
export class FliteSynthesizer implements SpeechSynthesizer {
  constructor(private readonly options: FliteOptions) {}

  get sampleRate(): number {
    return this.options.sampleRate;
  }

  async synthesize(text: string): Promise<Uint8Array> {
    const dir = await mkdtemp(path.join(tmpdir(), 'warmline-flite-'));
    try {
      const file = path.join(dir, 'line.wav');
      const { binary = 'flite', voice = 'slt' } = this.options;
      await run(binary, ['-voice', voice, '-t', text, '-o', file]);
      const wav = readWav(await readFile(file));
      const samples =
        wav.sampleRate === this.options.sampleRate
          ? wav.samples
          : resample(wav.samples, wav.sampleRate, this.options.sampleRate);
      return pcmToBytes(samples);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
