import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadCallerAudio } from '@warmline/testing';

const run = promisify(execFile);

/** The caller's voice: flite's `rms` (the voice pocketsphinx recognises best on telephone audio). */
export const CALLER_VOICE = 'rms';

/** flite could not render a line of the script. */
export class CallerVoiceError extends Error {
  override readonly name = 'CallerVoiceError';
}

const rendered = new Map<string, Promise<Int16Array>>();

/**
 * What the test caller says, rendered offline with flite and resampled to 8 kHz (the carrier's
 * rate). The same text gives the same samples; each line is rendered once per process.
 *
 * @throws {@link CallerVoiceError} when flite is missing or fails
 */
export const callerSpeech = (text: string, voice = CALLER_VOICE): Promise<Int16Array> => {
  const key = `${voice}\n${text}`;
  let samples = rendered.get(key);
  if (!samples) {
    samples = (async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'warmline-caller-'));
      const file = path.join(dir, 'line.wav');
      try {
        await run('flite', ['-voice', voice, '-t', text, '-o', file]);
        return loadCallerAudio(file, 8000);
      } catch (cause) {
        throw new CallerVoiceError(`flite could not render a caller line with voice ${voice}`, {
          cause,
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    rendered.set(key, samples);
    samples.catch(() => rendered.delete(key));
  }
  return samples;
};
