/** Which output stream of a child process a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** One complete line a child process printed (without its newline). */
export interface OutputLine {
  readonly stream: OutputStream;
  readonly text: string;
}

/** Called for every complete line, in the order they were read. */
export type LineListener = (line: OutputLine) => void;

/**
 * Collects a child's output: the raw interleaved text (last `maxChars`) for error messages, and
 * complete lines (last `maxLines`) for {@link waitForOutput}, with listeners for new lines.
 */
export interface OutputLog {
  /** Appends a chunk; complete lines go to the listeners. */
  push(stream: OutputStream, chunk: Buffer | string): void;
  /** The stream ended: its unterminated last line, if any, counts as a line. */
  end(stream: OutputStream): void;
  text(): string;
  lines(): readonly OutputLine[];
  /** Subscribes to lines read from now on; returns the unsubscribe function. */
  onLine(listener: LineListener): () => void;
}

/** Creates an empty {@link OutputLog}. */
export const createOutputLog = ({ maxChars = 64 * 1024, maxLines = 2_000 } = {}): OutputLog => {
  let text = '';
  const lines: OutputLine[] = [];
  const partial: Record<OutputStream, string> = { stdout: '', stderr: '' };
  const listeners = new Set<LineListener>();

  const emit = (line: OutputLine) => {
    lines.push(line);
    if (lines.length > maxLines) lines.splice(0, lines.length - maxLines);
    for (const listener of [...listeners]) listener(line);
  };

  return {
    push: (stream, chunk) => {
      const str = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      text = (text + str).slice(-maxChars);
      const parts = (partial[stream] + str).split('\n');
      partial[stream] = parts.pop() ?? '';
      for (const part of parts) emit({ stream, text: part.replace(/\r$/, '') });
    },
    end: (stream) => {
      if (partial[stream] !== '') emit({ stream, text: partial[stream] });
      partial[stream] = '';
    },
    text: () => text,
    lines: () => lines,
    onLine: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};
