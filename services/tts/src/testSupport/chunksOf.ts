/** An iterator over PCM chunks with a typed `first()` for tests that look at the first chunk alone. */
export const chunksOf = (iterable: AsyncIterable<Int16Array>) => {
  const iterator = iterable[Symbol.asyncIterator]();
  const next = async (): Promise<Int16Array | undefined> => {
    const result = await iterator.next();
    return result.done ? undefined : result.value;
  };
  return {
    next,
    /** Pulls everything left; returns the sample count. */
    drain: async (): Promise<number> => {
      let samples = 0;
      for (let chunk = await next(); chunk; chunk = await next()) samples += chunk.length;
      return samples;
    },
  };
};
