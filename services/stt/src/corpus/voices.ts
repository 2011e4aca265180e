/** A text-to-speech voice that ships with a Debian package, used to render the corpus. */
export interface CorpusVoice {
  /** Name in the manifest and in file names, e.g. `flite-slt`. */
  readonly name: string;
  /** The program to run. */
  readonly command: 'flite' | 'text2wave';
  /** Arguments before the text / output file arguments the renderer adds. */
  readonly args: readonly string[];
}

/**
 * The corpus voices: flite's clustergen voices slt and rms, flite's 16 kHz
 * diphone voice kal16, and festival's kal diphone voice (festvox-kallpc16k).
 * All render at 16 kHz natively.
 */
export const CORPUS_VOICES: readonly CorpusVoice[] = [
  { name: 'flite-slt', command: 'flite', args: ['-voice', 'slt'] },
  { name: 'flite-rms', command: 'flite', args: ['-voice', 'rms'] },
  { name: 'flite-kal16', command: 'flite', args: ['-voice', 'kal16'] },
  { name: 'festival-kal', command: 'text2wave', args: ['-eval', '(voice_kal_diphone)'] },
];
