import { DEFAULT_PAUSES, pauseAfterMs, type PauseSettings } from '../../domain/text/pauses';
import { DEFAULT_SPLIT, splitForSpeech, type SplitOptions } from '../../domain/text/splitForSpeech';
import { EngineOutputError, UnsupportedVoiceError } from '../engineErrors';
import { createRateConverter, type RateConverter } from '../pcm/rateConverter';
import { SilenceTrimmer } from '../pcm/silenceTrimmer';
import { WavStreamError, WavStreamParser } from '../pcm/wavStreamParser';
import { FifoPool } from '../process/fifoPool';
import { runEngineProcess } from '../process/engineProcess';
import type { SpeechEngine, SynthesisOptions } from '../speechEngine';
import type { LocalEngineSpec } from './localEngineSpec';

/** Options of a {@link LocalEngine}. */
export interface LocalEngineOptions {
  /** Run this program instead of the spec's (a full path, say). */
  readonly binary?: string;
  /** How the text is cut into segments synthesised one after another. */
  readonly split?: SplitOptions;
  /** One segment's process is killed after this long (default 30 000 ms). */
  readonly processTimeoutMs?: number;
  /** The default voice (must be one of the spec's). */
  readonly defaultVoice?: string;
  /** Silence kept around segments (the programs pad each run with their own). */
  readonly pauses?: PauseSettings;
}

/** Samples at or below this magnitude count as the padding silence (about -44 dBFS). */
const SILENCE_THRESHOLD = 200;

/**
 * A local TTS program behind {@link SpeechEngine}. The text is cut into
 * sentences and clauses ({@link splitForSpeech}); one process per segment,
 * in order, each streaming WAV whose header is parsed from the stream; audio is
 * converted to the requested rate with one converter for the whole utterance
 * (no clicks between segments). The silence each run is padded with is trimmed
 * to natural pauses, leading silence first, so the first sound comes sooner.
 * The first audio therefore exists after the first clause, and the next
 * segment is started only when the consumer has taken the previous one's
 * audio (pull-based: bounded memory).
 */
export class LocalEngine implements SpeechEngine {
  readonly name: string;
  readonly defaultVoice: string;
  private readonly fifos = new FifoPool();

  constructor(
    private readonly spec: LocalEngineSpec,
    private readonly options: LocalEngineOptions = {},
  ) {
    this.name = spec.name;
    this.defaultVoice = options.defaultVoice ?? spec.defaultVoice;
    if (!this.supportsVoice(this.defaultVoice))
      throw new UnsupportedVoiceError(this.name, this.defaultVoice);
  }

  supportsVoice(voice: string): boolean {
    return this.spec.voices.includes(voice);
  }

  async *synthesize(
    text: string,
    { voice, sampleRate, signal }: SynthesisOptions,
  ): AsyncGenerator<Int16Array> {
    if (!this.supportsVoice(voice)) throw new UnsupportedVoiceError(this.name, voice);
    let converter: RateConverter | undefined;
    let nativeRate: number | undefined;
    const segments = splitForSpeech(text, this.options.split ?? DEFAULT_SPLIT);
    for (const [index, segment] of segments.entries()) {
      const pauseMs = pauseAfterMs(segment, index === segments.length - 1, this.pauses);
      for await (const { rate, samples } of this.segmentAudio(segment, voice, pauseMs, signal)) {
        nativeRate ??= rate;
        if (rate !== nativeRate)
          throw new EngineOutputError(this.name, `rate changed from ${nativeRate} to ${rate} Hz`);
        converter ??= createRateConverter(rate, sampleRate);
        const out = converter.process(samples);
        if (out.length > 0) yield out;
      }
    }
    const tail = converter?.flush();
    if (tail && tail.length > 0) yield tail;
  }

  /** One segment's audio at the program's own rate, as it arrives, its padding trimmed. */
  private async *segmentAudio(
    segment: string,
    voice: string,
    pauseMs: number,
    signal: AbortSignal,
  ): AsyncGenerator<{ rate: number; samples: Int16Array }> {
    const parser = new WavStreamParser();
    let trimmer: SilenceTrimmer | undefined;
    let rate = 0;
    const command = this.spec.command(this.options.binary ?? this.spec.binary, segment, voice);
    const context = {
      engine: this.name,
      signal,
      fifos: this.fifos,
      timeoutMs: this.options.processTimeoutMs,
    };
    for await (const bytes of runEngineProcess(command, context)) {
      const samples = this.parse(parser, bytes);
      if (samples.length === 0) continue;
      rate = parser.format?.sampleRate ?? 0;
      trimmer ??= this.trimmer(rate, pauseMs);
      yield { rate, samples: trimmer.push(samples) };
    }
    this.end(parser);
    if (trimmer) yield { rate, samples: trimmer.end() };
  }

  async close(): Promise<void> {
    await this.fifos.close();
  }

  private get pauses(): PauseSettings {
    return this.options.pauses ?? DEFAULT_PAUSES;
  }

  private trimmer(rate: number, trailingMs: number): SilenceTrimmer {
    const samples = (ms: number) => Math.round((rate * ms) / 1000);
    return new SilenceTrimmer({
      keepLeading: samples(this.pauses.leadingMs),
      keepTrailing: samples(trailingMs),
      threshold: SILENCE_THRESHOLD,
    });
  }

  private parse(parser: WavStreamParser, bytes: Uint8Array): Int16Array {
    try {
      return parser.push(bytes);
    } catch (error) {
      throw this.outputError(error);
    }
  }

  private end(parser: WavStreamParser): void {
    try {
      parser.end();
    } catch (error) {
      throw this.outputError(error);
    }
  }

  private outputError(error: unknown): unknown {
    return error instanceof WavStreamError
      ? new EngineOutputError(this.name, error.message)
      : error;
  }
}
