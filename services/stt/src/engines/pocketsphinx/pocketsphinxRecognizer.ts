import { RecognizerUnavailableError } from '../../errors';
import type { OpenOptions, RecognitionStream, SpeechRecognizer } from '../recognition';
import { DEFAULT_SIDECAR_OPTIONS, type SidecarOptions } from './sidecarOptions';
import { SidecarProcess } from './sidecarProcess';
import { PocketsphinxStream } from './pocketsphinxStream';
import type { SidecarMessage } from './sidecarProtocol';

/**
 * The local offline engine: pocketsphinx with the packaged US-English model,
 * in one managed Python sidecar whose decoders are shared by up to
 * {@link SidecarOptions.maxStreams} concurrent streams. Partials while audio
 * arrives; a final with word timings, confidence (mean word posterior) and the
 * human-request keyword flag after `end()`. If the sidecar dies, its open
 * streams end with a retryable error and it is restarted with backoff.
 */
export class PocketsphinxRecognizer implements SpeechRecognizer {
  readonly engine = 'pocketsphinx';
  readonly streamsPartials = true;
  private readonly options: SidecarOptions;
  private readonly sidecar: SidecarProcess;
  private readonly streams = new Map<number, PocketsphinxStream>();
  private nextId = 1;

  constructor(options: Partial<SidecarOptions> = {}) {
    this.options = { ...DEFAULT_SIDECAR_OPTIONS, ...options };
    this.sidecar = new SidecarProcess(this.options, {
      message: (message) => this.route(message),
      failure: (error) => {
        if (error.retryable && this.sidecar.state === 'ready') return; // a bad line; the process lives on
        for (const stream of [...this.streams.values()]) stream.fail(error);
      },
    });
  }

  /** The sidecar's PID while it runs (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.sidecar.pid;
  }

  /** Streams open now. */
  get openStreams(): number {
    return this.streams.size;
  }

  /** True while the sidecar runs and has its decoder loaded. */
  healthy(): boolean {
    return this.sidecar.state === 'ready';
  }

  /** Starts the sidecar and resolves once its first decoder is loaded. */
  start(): Promise<void> {
    return this.sidecar.start();
  }

  open(options: OpenOptions = {}): RecognitionStream {
    if (this.sidecar.state !== 'ready') {
      throw new RecognizerUnavailableError(
        `pocketsphinx is ${this.sidecar.state}`,
        this.engine,
        this.sidecar.state !== 'stopped',
      );
    }
    if (this.streams.size >= this.options.maxStreams) {
      throw new RecognizerUnavailableError(
        `all ${this.options.maxStreams} pocketsphinx streams are in use`,
        this.engine,
        true,
      );
    }
    const id = this.nextId;
    this.nextId = this.nextId >= 0xffff_fff0 ? 1 : this.nextId + 1;
    const stream = new PocketsphinxStream(
      id,
      {
        send: (message, droppable) => this.sidecar.send(message, droppable),
        release: (streamId) => this.streams.delete(streamId),
      },
      (options.sourceRate ?? 16000) < 16000 ? 'telephone' : 'wideband',
    );
    this.streams.set(id, stream);
    return stream;
  }

  async close(): Promise<void> {
    const error = new RecognizerUnavailableError('the recognizer was closed', this.engine, false);
    for (const stream of [...this.streams.values()]) stream.fail(error);
    await this.sidecar.stop();
  }

  private route(message: SidecarMessage): void {
    if (message.type === 'ready' || message.type === 'pong') return;
    this.streams.get(message.stream)?.deliver(message);
  }
}
