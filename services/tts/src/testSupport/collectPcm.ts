/** Drains an async iterable of PCM chunks into one array and the chunk count. */
export const collectPcm = async (
  chunks: AsyncIterable<Int16Array>,
): Promise<{ samples: Int16Array; chunks: number }> => {
  const parts: Int16Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  return { samples, chunks: parts.length };
};
