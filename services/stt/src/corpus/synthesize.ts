import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readWav, type WavAudio } from '@warmline/audio';
import { CorpusError } from '../errors';
import type { CorpusVoice } from './voices';

const run = promisify(execFile);

/**
 * Renders `text` with a packaged TTS voice (flite or festival's text2wave) and
 * returns the decoded WAV. Deterministic: the same text and voice give the
 * same samples.
 *
 * @throws {@link CorpusError} when the program is missing or fails.
 */
export const synthesize = async (voice: CorpusVoice, text: string): Promise<WavAudio> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'warmline-corpus-'));
  const out = path.join(dir, 'out.wav');
  try {
    if (voice.command === 'flite') {
      await run('flite', [...voice.args, '-t', text, '-o', out]);
    } else {
      const input = path.join(dir, 'in.txt');
      await writeFile(input, `${text}\n`);
      await run('text2wave', [...voice.args, '-o', out, input]);
    }
    return readWav(await readFile(out));
  } catch (cause) {
    throw new CorpusError(`${voice.command} could not render with ${voice.name}`, out, { cause });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
