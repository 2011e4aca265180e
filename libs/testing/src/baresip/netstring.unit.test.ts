import { NetstringDecoder, NetstringError, encodeNetstring } from './netstring';

describe('netstrings (baresip ctrl_tcp framing)', () => {
  it('round-trips JSON split across chunks and several per chunk, counting bytes not characters', () => {
    const a = encodeNetstring('{"command":"dial"}');
    const b = encodeNetstring('{"event":"é"}');
    expect(a.toString()).toBe('18:{"command":"dial"},');
    const decoder = new NetstringDecoder();
    const whole = Buffer.concat([a, b]);
    expect(decoder.push(whole.subarray(0, 5))).toEqual([]);
    expect(decoder.push(whole.subarray(5))).toEqual(['{"command":"dial"}', '{"event":"é"}']);
  });

  it('throws on a stream that is not netstrings', () => {
    expect(() => new NetstringDecoder().push(Buffer.from('x5:hello,'))).toThrow(NetstringError);
    expect(() => new NetstringDecoder().push(Buffer.from('5:hello;'))).toThrow(NetstringError);
  });
});
