import { StreamProtocolError } from '../stream/streamProtocolError';
import { twilioDialect } from './twilioDialect';

// Frames as Twilio documents them (Media Streams "WebSocket Messages").
const SID = 'MZ18ad3ab5a668481ce02b83e7395059f0';
const frames = {
  connected: { event: 'connected', protocol: 'Call', version: '1.0.0' },
  start: {
    event: 'start',
    sequenceNumber: '1',
    start: {
      accountSid: 'AC123',
      streamSid: SID,
      callSid: 'CA123',
      tracks: ['inbound'],
      mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      customParameters: { FirstName: 'Jane', to: '+15550001111' },
    },
    streamSid: SID,
  },
  media: {
    event: 'media',
    sequenceNumber: '3',
    media: { track: 'inbound', chunk: '1', timestamp: '5', payload: 'no+JhoaJjpzSHA==' },
    streamSid: SID,
  },
  dtmf: {
    event: 'dtmf',
    streamSid: SID,
    sequenceNumber: '5',
    dtmf: { track: 'inbound_track', digit: '1' },
  },
  mark: { event: 'mark', sequenceNumber: '4', streamSid: SID, mark: { name: 'my label' } },
  stop: {
    event: 'stop',
    sequenceNumber: '5',
    streamSid: SID,
    stop: { accountSid: 'AC123', callSid: 'CA123' },
  },
};
const parse = (frame: unknown) => twilioDialect.parse(JSON.stringify(frame));
const refusal = (text: string): StreamProtocolError => {
  try {
    twilioDialect.parse(text);
  } catch (error) {
    if (error instanceof StreamProtocolError) return error;
  }
  throw new Error('expected a StreamProtocolError');
};

describe('Twilio Media Streams frames', () => {
  it('reads every documented inbound frame', () => {
    expect(parse(frames.connected)).toEqual({ kind: 'connected' });
    expect(parse(frames.start)).toEqual({
      kind: 'start',
      streamId: SID,
      carrierCallId: 'CA123',
      accountId: 'AC123',
      customParameters: { FirstName: 'Jane', to: '+15550001111' },
      format: { encoding: 'PCMU', sampleRate: 8000 },
      tracks: ['inbound'],
    });
    const media = parse(frames.media);
    expect(media).toMatchObject({
      kind: 'media',
      streamId: SID,
      track: 'inbound',
      chunk: 1,
      timestampMs: 5,
    });
    expect(media.kind === 'media' && Buffer.from(media.payload).toString('base64')).toBe(
      'no+JhoaJjpzSHA==',
    );
    expect(parse(frames.dtmf)).toEqual({ kind: 'dtmf', streamId: SID, digit: '1' });
    expect(parse(frames.mark)).toEqual({ kind: 'mark', streamId: SID, name: 'my label' });
    expect(parse(frames.stop)).toEqual({ kind: 'stop', streamId: SID });
  });

  it('writes media, mark and clear naming the stream', () => {
    expect(
      JSON.parse(
        twilioDialect.serialize({ kind: 'media', payload: new Uint8Array([0xff, 0x7f]) }, SID),
      ),
    ).toEqual({
      event: 'media',
      streamSid: SID,
      media: { payload: '/38=' },
    });
    expect(JSON.parse(twilioDialect.serialize({ kind: 'mark', name: 'wl1' }, SID))).toEqual({
      event: 'mark',
      streamSid: SID,
      mark: { name: 'wl1' },
    });
    expect(JSON.parse(twilioDialect.serialize({ kind: 'clear' }, SID))).toEqual({
      event: 'clear',
      streamSid: SID,
    });
  });

  it.each([
    ['not JSON', '{"event":', 'BAD_JSON', 1007],
    ['a JSON array', '[1,2]', 'BAD_JSON', 1007],
    ['no event', '{}', 'BAD_FRAME', 1007],
    ['an unknown event', '{"event":"transcript"}', 'UNKNOWN_EVENT', 1008],
    [
      'media without streamSid',
      JSON.stringify({ ...frames.media, streamSid: undefined }),
      'BAD_FRAME',
      1007,
    ],
    [
      'media with a numeric payload',
      JSON.stringify({ ...frames.media, media: { ...frames.media.media, payload: 12 } }),
      'BAD_FRAME',
      1007,
    ],
    [
      'media with a payload that is not base64',
      JSON.stringify({ ...frames.media, media: { ...frames.media.media, payload: 'ab$d' } }),
      'BAD_FRAME',
      1007,
    ],
    [
      'media with a negative chunk',
      JSON.stringify({ ...frames.media, media: { ...frames.media.media, chunk: '-1' } }),
      'BAD_FRAME',
      1007,
    ],
    [
      'media on a made-up track',
      JSON.stringify({ ...frames.media, media: { ...frames.media.media, track: 'both' } }),
      'BAD_FRAME',
      1007,
    ],
    [
      'a start in another format',
      JSON.stringify({
        ...frames.start,
        start: {
          ...frames.start.start,
          mediaFormat: { encoding: 'audio/x-alaw', sampleRate: 8000, channels: 1 },
        },
      }),
      'UNSUPPORTED_FORMAT',
      1003,
    ],
    [
      'custom parameters that are not strings',
      JSON.stringify({
        ...frames.start,
        start: { ...frames.start.start, customParameters: { n: 1 } },
      }),
      'BAD_FRAME',
      1007,
    ],
  ])('refuses %s', (_name, text, code, closeCode) => {
    const error = refusal(text);
    expect(error.code).toBe(code);
    expect(error.closeCode).toBe(closeCode);
  });
});
