import type { EngineCommand } from '../process/engineProcess';

/** How to run one local TTS program: its voices and the command for one text segment. */
export interface LocalEngineSpec {
  /** The engine's name (`flite`, `espeak-ng`, `festival`). */
  readonly name: string;
  /** The program to run (a name on PATH, or a path). */
  readonly binary: string;
  readonly voices: readonly string[];
  readonly defaultVoice: string;
  /** The command that says `text` with `voice` (one of `voices`), as WAV on its output. */
  command(binary: string, text: string, voice: string): EngineCommand;
}
