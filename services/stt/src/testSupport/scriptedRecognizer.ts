import { EventQueue } from '../engines/eventQueue';
import type {
  OpenOptions,
  RecognitionEvent,
  RecognitionStream,
  SpeechRecognizer,
} from '../engines/recognition';

/** What one scripted stream says: a partial after some frames, and its final. */
export interface Script {
  readonly partialAfterFrames: number;
  readonly partial: string;
  readonly final: string;
}

/**
 * A recognizer for service tests: each stream gives the partial and final of
 * its script, whatever the audio, so a test controls what was "said".
 */
export class ScriptedRecognizer implements SpeechRecognizer {
  readonly engine = 'scripted';
  readonly opened: OpenOptions[] = [];

  constructor(
    private readonly scriptFor: (index: number) => Script,
    readonly streamsPartials = true,
  ) {}

  open(options: OpenOptions = {}): RecognitionStream {
    const script = this.scriptFor(this.opened.length);
    this.opened.push(options);
    const queue = new EventQueue();
    let frames = 0;
    let ended = false;
    return {
      id: `scripted-${this.opened.length}`,
      events: queue,
      write: () => {
        if (ended) return false;
        frames += 1;
        if (frames === script.partialAfterFrames && this.streamsPartials)
          queue.push({ type: 'partial', text: script.partial, audioMs: frames * 20 });
        return true;
      },
      end: () => {
        ended = true;
        const event: RecognitionEvent = {
          type: 'final',
          text: script.final,
          confidence: 0.9,
          startMs: 0,
          endMs: frames * 20,
          words: [],
        };
        setImmediate(() => {
          queue.push(event);
          queue.close();
        });
      },
      cancel: () => {
        ended = true;
        queue.close();
      },
    };
  }

  async close(): Promise<void> {
    // nothing to release
  }
}
