import { sseData } from './sseData';

const bytes = async function* (...chunks: string[]): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const chunk of chunks) yield encoder.encode(chunk);
};
const collect = async (source: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const item of source) out.push(item);
  return out;
};

describe('sseData', () => {
  it('yields the data of each event', async () => {
    expect(await collect(sseData(bytes('data: {"a":1}\n\ndata: [DONE]\n\n')))).toEqual([
      '{"a":1}',
      '[DONE]',
    ]);
  });

  it('handles events and line endings split across chunks, and CRLF or CR endings', async () => {
    expect(
      await collect(sseData(bytes('da', 'ta: one\r', '\n\r\ndata: two\r\rdata:three\n\n'))),
    ).toEqual(['one', 'two', 'three']);
  });

  it('joins multi-line data and skips comments and other fields', async () => {
    const stream = bytes(
      ': keep-alive\n',
      'event: message\nid: 7\ndata: a\ndata: b\nretry: 10\n\n',
    );
    expect(await collect(sseData(stream))).toEqual(['a\nb']);
  });

  it('decodes a UTF-8 character split across chunks', async () => {
    const encoded = new TextEncoder().encode('data: café\n\n');
    const split = async function* () {
      yield encoded.slice(0, 10);
      yield encoded.slice(10);
    };
    expect(await collect(sseData(split()))).toEqual(['café']);
  });

  it('yields a last event that has no closing blank line', async () => {
    expect(await collect(sseData(bytes('data: last')))).toEqual(['last']);
  });
});
