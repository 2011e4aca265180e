import { ProviderError } from '../../domain/decision/decisionErrors';
import type { JsonObject } from '../../domain/prompt/jsonValue';
import { sseData } from './sseData';

/** One streaming POST to a model API. */
export interface EventStreamRequest {
  /** The provider's name, for errors. */
  readonly provider: string;
  readonly url: string;
  /** Authentication and any other headers; JSON content type and SSE accept are added. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: JsonObject;
  readonly signal: AbortSignal;
}

/** The error for a request stopped by `signal`: its reason when that is a ProviderError. */
const abortError = (provider: string, signal: AbortSignal): ProviderError =>
  signal.reason instanceof ProviderError
    ? signal.reason
    : new ProviderError(provider, 'timeout', 'the request was aborted', { cause: signal.reason });

/** The error for a failure while sending or reading. */
const transportError = (provider: string, signal: AbortSignal, cause: unknown): ProviderError =>
  signal.aborted
    ? abortError(provider, signal)
    : new ProviderError(provider, 'network', 'the request failed', { cause });

async function* dataWithErrors(
  request: EventStreamRequest,
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<string> {
  try {
    yield* sseData(bytes);
  } catch (error) {
    throw transportError(request.provider, request.signal, error);
  }
}

/**
 * POSTs `body` as JSON and returns the `data` of each server-sent event of the response.
 * Any non-2xx status is a `ProviderError` with code `http` and the status (429 and 5xx are
 * retryable); a network failure is `network`; aborting through `signal` rejects with the
 * signal's reason (the deadline's timeout error). The response body is never put into error
 * messages: it may echo the prompt.
 */
export async function postEventStream(request: EventStreamRequest): Promise<AsyncIterable<string>> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        accept: 'text/event-stream',
      },
      body: JSON.stringify(request.body),
      signal: request.signal,
    });
  } catch (error) {
    throw transportError(request.provider, request.signal, error);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderError(request.provider, 'http', `responded with status ${response.status}`, {
      status: response.status,
    });
  }
  if (response.body === null) {
    throw new ProviderError(request.provider, 'protocol', 'the response has no body');
  }
  return dataWithErrors(request, response.body);
}
