import { EngineExitError, EngineNotFoundError } from '../engines/engineErrors';
import type { SpeechEngine, SynthesisOptions } from '../engines/speechEngine';

/**
 * A real engine with faults injected by a marker at the start of the text:
 * `[fail:N] text` fails the first N syntheses of that text with a retryable
 * EngineExitError; `[missing] text` always fails with EngineNotFoundError.
 * The rest of the text is spoken by the real engine. Counts syntheses per text.
 */
export class FaultyEngine implements SpeechEngine {
  readonly attempts = new Map<string, number>();

  constructor(private readonly real: SpeechEngine) {}

  get name(): string {
    return this.real.name;
  }

  get defaultVoice(): string {
    return this.real.defaultVoice;
  }

  supportsVoice(voice: string): boolean {
    return this.real.supportsVoice(voice);
  }

  async *synthesize(text: string, options: SynthesisOptions): AsyncGenerator<Int16Array> {
    const attempt = (this.attempts.get(text) ?? 0) + 1;
    this.attempts.set(text, attempt);
    const failures = /^\[fail:(\d+)\] /.exec(text);
    if (failures && attempt <= Number(failures[1]))
      throw new EngineExitError(this.name, 1, null, 'injected');
    if (text.startsWith('[missing] ')) throw new EngineNotFoundError(this.name, 'injected-binary');
    yield* this.real.synthesize(text.replace(/^\[[^\]]*\] /, ''), options);
  }

  close(): Promise<void> {
    return this.real.close();
  }
}
