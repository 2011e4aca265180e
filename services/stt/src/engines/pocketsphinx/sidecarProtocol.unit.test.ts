import { RecognizerProtocolError } from '../../errors';
import {
  encodeAudio,
  encodeSidecarMessage,
  parseSidecarLine,
  SidecarKind,
} from './sidecarProtocol';

describe('sidecar protocol', () => {
  it('frames a message as u32 length, u8 kind, u32 stream, payload (little-endian)', () => {
    const message = encodeSidecarMessage(SidecarKind.open, 0x01020304, Buffer.from('{}'));
    expect([...message]).toEqual([7, 0, 0, 0, 1, 4, 3, 2, 1, 0x7b, 0x7d]);
  });

  it('carries a frame of 16-bit little-endian PCM', () => {
    const message = encodeAudio(9, new Int16Array([1, -2]));
    expect([...message]).toEqual([9, 0, 0, 0, 2, 9, 0, 0, 0, 1, 0, 0xfe, 0xff]);
  });

  it('parses the sidecar lines', () => {
    expect(parseSidecarLine('{"type":"partial","stream":3,"text":"i want","audioMs":400}')).toEqual(
      {
        type: 'partial',
        stream: 3,
        text: 'i want',
        audioMs: 400,
      },
    );
    expect(parseSidecarLine('{"type":"ready","pid":12,"maxStreams":4,"keywords":true}').type).toBe(
      'ready',
    );
  });

  it('refuses lines that break the protocol, with a typed error', () => {
    for (const line of [
      'not json',
      '[1]',
      '{"type":"mystery"}',
      '{"type":"final","stream":1,"text":"x"}',
    ]) {
      expect(() => parseSidecarLine(line)).toThrow(RecognizerProtocolError);
    }
  });
});
