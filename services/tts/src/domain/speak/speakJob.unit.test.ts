import { SpeakRequest } from '@warmline/contracts';
import { decideOnFailure } from './failurePolicy';
import { toSpeakJob } from './speakJob';

const limits = { defaultSampleRate: 8000, maxTextChars: 100 } as const;
const request = (overrides: Partial<SpeakRequest> = {}): SpeakRequest =>
  SpeakRequest.fromPartial({
    requestId: 'r1',
    callId: 'call-1',
    utteranceId: 'u1',
    text: 'Hello.',
    sampleRate: 16000,
    ...overrides,
  });

describe('toSpeakJob', () => {
  it('accepts a complete request and fills in the default rate for 0', () => {
    const result = toSpeakJob(request({ sampleRate: 0 }), limits);
    expect(result).toMatchObject({ ok: true, job: { callId: 'call-1', sampleRate: 8000 } });
  });

  it.each([
    [{ callId: 'a.b' }, 'call_id is not a subject token', false],
    [{ utteranceId: '' }, 'utterance_id is empty', false],
    [{ text: '  ' }, 'text is blank', true],
    [{ text: 'x'.repeat(101) }, 'text is longer than 100 characters', true],
    [{ sampleRate: 44100 }, 'sample_rate 44100 is not 8000, 16000 or 24000', true],
  ])('refuses %j (%s), addressable: %s', (overrides, reason, addressable) => {
    const result = toSpeakJob(request(overrides), limits);
    expect(result).toEqual({
      ok: false,
      reason,
      address: addressable ? { callId: 'call-1', utteranceId: 'u1' } : undefined,
    });
  });
});

describe('decideOnFailure', () => {
  const facts = { maxAttempts: 3, backoffMs: [100, 500], retryable: true, framesPublished: 0 };

  it('retries with the backoff for the delivery, then gives up after the last attempt', () => {
    expect(decideOnFailure({ ...facts, deliveryCount: 1 })).toEqual({
      kind: 'retry',
      delayMs: 100,
    });
    expect(decideOnFailure({ ...facts, deliveryCount: 2 })).toEqual({
      kind: 'retry',
      delayMs: 500,
    });
    expect(decideOnFailure({ ...facts, deliveryCount: 3 })).toEqual({
      kind: 'give-up',
      reason: 'attempts-exhausted',
    });
  });

  it('never retries once audio went out, nor an error that says retrying cannot help', () => {
    expect(decideOnFailure({ ...facts, deliveryCount: 1, framesPublished: 4 }).kind).toBe(
      'give-up',
    );
    expect(decideOnFailure({ ...facts, deliveryCount: 1, retryable: false })).toEqual({
      kind: 'give-up',
      reason: 'not-retryable',
    });
  });
});
