import { BufferClosedError, BufferFullError } from '../errors/bufferErrors';
import { SendAudioBuffer } from './sendAudioBuffer';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('SendAudioBuffer', () => {
  it('reads bytes back in order across chunk boundaries', () => {
    const buffer = new SendAudioBuffer(16);
    buffer.write(bytes(1, 2, 3, 4));
    buffer.write(bytes(5, 6));
    expect(buffer.size).toBe(6);
    expect([...buffer.read(3)]).toEqual([1, 2, 3]);
    expect([...buffer.read(10)]).toEqual([4, 5, 6]);
    expect(buffer.size).toBe(0);
    expect(buffer.read(4).length).toBe(0);
  });

  it('copies what it is given', () => {
    const buffer = new SendAudioBuffer(4);
    const chunk = bytes(1, 2);
    buffer.write(chunk);
    chunk[0] = 9;
    expect([...buffer.read(2)]).toEqual([1, 2]);
  });

  it('refuses a chunk that does not fit, whole, and stays usable (back-pressure)', () => {
    const buffer = new SendAudioBuffer(6);
    buffer.write(bytes(1, 2, 3, 4));
    const error = (() => {
      try {
        buffer.write(bytes(5, 6, 7, 8));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BufferFullError);
    expect(error).toMatchObject({
      requestedBytes: 4,
      availableBytes: 2,
      capacityBytes: 6,
      retryable: true,
    });
    expect(buffer.size).toBe(4);
    buffer.write(bytes(5, 6));
    expect([...buffer.read(6)]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('clear drops everything and says how much', () => {
    const buffer = new SendAudioBuffer(10);
    buffer.write(bytes(1, 2, 3, 4));
    buffer.read(1);
    expect(buffer.clear()).toBe(3);
    expect(buffer.size).toBe(0);
    expect(buffer.clear()).toBe(0);
  });

  it('refuses writes after close with the reason it was closed with', () => {
    const buffer = new SendAudioBuffer(10);
    buffer.write(bytes(1, 2));
    const reason = new BufferClosedError('the call has ended');
    buffer.close(reason);
    buffer.close(new BufferClosedError('later'));
    expect(buffer.size).toBe(0);
    expect(buffer.closed).toBe(true);
    expect(() => buffer.write(bytes(1, 2))).toThrow(reason);
  });
});
