import { AudioFrame, CallEvent } from '@warmline/contracts';
import { MalformedMessageError } from '../errors/malformedMessageError';
import { decodeMessage, protoCodec } from './codec';

describe('protoCodec', () => {
  it('round-trips a generated message through its binary encoding', () => {
    const codec = protoCodec(CallEvent);
    const event = CallEvent.fromPartial({
      eventId: 'e-1',
      callId: 'call-1',
      occurredAt: new Date('2025-01-01T00:00:00Z'),
      payload: { $case: 'started', value: { callerNumber: '+15550100', gatewayId: 'gw-1' } },
    });
    const bytes = codec.encode(event);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(codec.decode(bytes)).toEqual(event);
  });

  it('turns bytes the generated code cannot read into a MalformedMessageError naming the subject', () => {
    const codec = protoCodec(AudioFrame);
    // field 1, wire type 2 (length-delimited) claiming 100 bytes that are not there
    const truncated = Uint8Array.from([0x0a, 0x64, 0x01]);
    let caught: unknown;
    try {
      decodeMessage(codec, truncated, 'media.call-1.in', 42);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MalformedMessageError);
    const error = caught as MalformedMessageError;
    expect(error).toMatchObject({
      name: 'MalformedMessageError',
      subject: 'media.call-1.in',
      sequence: 42,
    });
    expect(error.retryable).toBe(false);
    expect(error.cause).toBeInstanceOf(Error);
  });
});
