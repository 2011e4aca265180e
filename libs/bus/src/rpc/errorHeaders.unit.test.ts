import { MalformedMessageError } from '../errors/malformedMessageError';
import { ErrorHeaders, errorFromHeaders, errorToHeaders, replyErrorOf } from './errorHeaders';

describe('reply error headers', () => {
  it('describes a handler error by its code, message and retryable flag', () => {
    const unavailable = Object.assign(new Error('gateway gone'), { code: 503, retryable: true });
    expect(replyErrorOf(unavailable)).toEqual({
      code: '503',
      message: 'gateway gone',
      retryable: true,
    });
    const notFound = Object.assign(new Error('no such call'), { code: 'NOT_FOUND' });
    expect(replyErrorOf(notFound)).toEqual({
      code: 'NOT_FOUND',
      message: 'no such call',
      retryable: false,
    });
    expect(replyErrorOf(new MalformedMessageError('cmd.x')).code).toBe('400');
    expect(replyErrorOf(new TypeError('boom'))).toEqual({
      code: '500',
      message: 'boom',
      retryable: false,
    });
    expect(replyErrorOf('thrown string')).toEqual({
      code: '500',
      message: 'thrown string',
      retryable: false,
    });
  });

  it('round-trips through NATS headers, flattening line breaks', () => {
    const headers = errorToHeaders({ code: '409', message: 'line one\nline two', retryable: true });
    expect(headers.get(ErrorHeaders.code)).toBe('409');
    expect(errorFromHeaders(headers)).toEqual({
      code: '409',
      message: 'line one line two',
      retryable: true,
    });
  });

  it('reads no error from a successful reply', () => {
    expect(errorFromHeaders(undefined)).toBeUndefined();
  });
});
