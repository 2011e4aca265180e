import { StreamProtocolError } from '../stream/streamProtocolError';
import { telnyxDialect } from './telnyxDialect';

// The start frame exactly as Telnyx's AsyncAPI page shows it.
const start = {
  event: 'start',
  sequence_number: '1',
  stream_id: '32DE0DEA-53CB-4B21-89A4-9E1819C043BC',
  start: {
    user_id: '3E6F995F-85F7-4705-9741-53B116D28237',
    call_control_id: 'v2:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ',
    call_session_id: 'ff55a038-6f5d-11ef-9692-02420aeffb1f',
    from: '+13122010094',
    to: '+13122123456',
    tags: ['TAG1', 'TAG2'],
    client_state: 'aGF2ZSBhIG5pY2UgZGF5ID1d',
    custom_parameters: { customer_id: 'customer_123' },
    media_format: { encoding: 'PCMU', sample_rate: 8000, channels: 1 },
  },
};
const parse = (frame: unknown) => telnyxDialect.parse(JSON.stringify(frame));
const code = (frame: unknown): string => {
  try {
    parse(frame);
  } catch (error) {
    if (error instanceof StreamProtocolError) return error.code;
  }
  return 'accepted';
};

describe('Telnyx media streaming frames', () => {
  it('reads the documented start frame', () => {
    expect(parse(start)).toEqual({
      kind: 'start',
      streamId: start.stream_id,
      carrierCallId: start.start.call_control_id,
      accountId: start.start.user_id,
      from: '+13122010094',
      to: '+13122123456',
      customParameters: { customer_id: 'customer_123' },
      format: { encoding: 'PCMU', sampleRate: 8000 },
      tracks: ['inbound'],
      clientState: 'aGF2ZSBhIG5pY2UgZGF5ID1d',
    });
  });

  it('reads connected (with or without the streaming token), media, dtmf, mark, error and stop', () => {
    expect(parse({ event: 'connected', version: '1.0.0' })).toEqual({
      kind: 'connected',
      authToken: undefined,
    });
    expect(
      parse({
        event: 'connected',
        version: '1.0.0',
        connected: { 'x-telnyx-streaming-auth-token': 'tok' },
      }),
    ).toEqual({
      kind: 'connected',
      authToken: 'tok',
    });
    expect(
      parse({
        event: 'media',
        sequence_number: '4',
        stream_id: 's',
        media: { track: 'inbound', chunk: '2', timestamp: '5', payload: 'AAEC' },
      }),
    ).toMatchObject({
      kind: 'media',
      streamId: 's',
      track: 'inbound',
      chunk: 2,
      timestampMs: 5,
      payload: new Uint8Array([0, 1, 2]),
    });
    expect(parse({ event: 'dtmf', stream_id: 's', dtmf: { digit: '#' } })).toEqual({
      kind: 'dtmf',
      streamId: 's',
      digit: '#',
    });
    expect(parse({ event: 'mark', stream_id: 's', mark: { name: 'wl3' } })).toEqual({
      kind: 'mark',
      streamId: 's',
      name: 'wl3',
    });
    expect(
      parse({
        event: 'error',
        stream_id: 's',
        payload: { code: 100002, title: 'Unknown error', detail: 'x' },
      }),
    ).toEqual({
      kind: 'error',
      streamId: 's',
      code: '100002',
      title: 'Unknown error',
      detail: 'x',
    });
    expect(
      parse({
        event: 'stop',
        sequence_number: '9',
        stream_id: 's',
        stop: { call_control_id: 'v2:x' },
      }),
    ).toEqual({ kind: 'stop', streamId: 's' });
  });

  it('takes PCMU, PCMA and L16 at 8 or 16 kHz (L16 also 24 kHz), mono only', () => {
    const withFormat = (encoding: string, sample_rate: number, channels = 1) => ({
      ...start,
      start: { ...start.start, media_format: { encoding, sample_rate, channels } },
    });
    expect(code(withFormat('PCMA', 8000))).toBe('accepted');
    expect(code(withFormat('L16', 16000))).toBe('accepted');
    expect(code(withFormat('PCMU', 16000))).toBe('accepted');
    expect(code(withFormat('G722', 16000))).toBe('UNSUPPORTED_FORMAT');
    expect(code(withFormat('OPUS', 48000))).toBe('UNSUPPORTED_FORMAT');
    expect(code(withFormat('PCMU', 22050))).toBe('UNSUPPORTED_FORMAT');
    expect(code(withFormat('L16', 16000, 2))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses unknown events and frames missing what Telnyx documents', () => {
    expect(code({ event: 'transcription' })).toBe('UNKNOWN_EVENT');
    expect(code({ ...start, stream_id: undefined })).toBe('BAD_FRAME');
    expect(code({ event: 'media', media: { chunk: '1', timestamp: '0' } })).toBe('BAD_FRAME');
    expect(code({ event: 'dtmf', dtmf: {} })).toBe('BAD_FRAME');
  });

  it('writes media, mark and clear without a stream id', () => {
    expect(
      JSON.parse(
        telnyxDialect.serialize({ kind: 'media', payload: new Uint8Array([1, 2, 3]) }, 's'),
      ),
    ).toEqual({
      event: 'media',
      media: { payload: 'AQID' },
    });
    expect(JSON.parse(telnyxDialect.serialize({ kind: 'mark', name: 'wl1' }, 's'))).toEqual({
      event: 'mark',
      mark: { name: 'wl1' },
    });
    expect(JSON.parse(telnyxDialect.serialize({ kind: 'clear' }, 's'))).toEqual({ event: 'clear' });
  });
});
