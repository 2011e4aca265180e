/**
 * The `data` of each server-sent event in a byte stream (the WHATWG EventSource format):
 * lines end in LF, CRLF or CR; `data:` lines of one event are joined with LF; a blank line ends
 * the event; comment lines (`:`) and other fields (`event`, `id`, `retry`) are skipped. An
 * event still open when the stream ends is yielded too (some servers omit the last blank line).
 */
export async function* sseData(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  const lines = function* (final: boolean): Generator<string> {
    for (;;) {
      const end = buffer.search(/\r\n|\r|\n/);
      // A CR at the very end may be the first half of a CRLF still on its way.
      if (end < 0 || (!final && end === buffer.length - 1 && buffer.endsWith('\r'))) break;
      const width = buffer.startsWith('\r\n', end) ? 2 : 1;
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + width);
    }
    if (final && buffer !== '') {
      yield buffer;
      buffer = '';
    }
  };
  const take = function* (line: string): Generator<string> {
    if (line === '') {
      if (data.length > 0) yield data.join('\n');
      data = [];
    } else if (line === 'data' || line.startsWith('data:')) {
      const value = line.slice(5);
      data.push(value.startsWith(' ') ? value.slice(1) : value);
    }
  };
  for await (const chunk of bytes) {
    buffer += decoder.decode(chunk, { stream: true });
    for (const line of lines(false)) yield* take(line);
  }
  buffer += decoder.decode();
  for (const line of lines(true)) yield* take(line);
  yield* take('');
}
