import {
  EngineOutputError,
  ProviderHttpError,
  ProviderUnreachableError,
  SynthesisAbortedError,
} from '../engineErrors';
import { PcmByteStream } from '../pcm/pcmByteStream';

/** One HTTP request to a provider whose response body is raw 16-bit LE PCM. */
export interface PcmHttpRequest {
  /** The provider's name, for errors. */
  readonly provider: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, already serialised. */
  readonly body: string;
  readonly signal: AbortSignal;
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
}

const ERROR_BODY_CHARS = 500;

const failure = (request: PcmHttpRequest, cause: unknown): Error =>
  request.signal.aborted
    ? new SynthesisAbortedError(request.provider)
    : new ProviderUnreachableError(request.provider, { cause });

/**
 * POSTs the request and yields the response body's PCM as it arrives (a byte
 * split between two network chunks waits for its pair). An error status
 * becomes a {@link ProviderHttpError} carrying the start of the body; a
 * connection that fails or breaks off, a {@link ProviderUnreachableError}; an
 * abort, a {@link SynthesisAbortedError}. Stopping the iteration early cancels
 * the body, which closes the connection.
 */
export async function* streamPcmResponse(request: PcmHttpRequest): AsyncGenerator<Int16Array> {
  if (request.signal.aborted) throw new SynthesisAbortedError(request.provider);
  let response: Response;
  try {
    response = await (request.fetch ?? fetch)(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      signal: request.signal,
    });
  } catch (error) {
    throw failure(request, error);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    throw new ProviderHttpError(request.provider, response.status, text.slice(0, ERROR_BODY_CHARS));
  }
  if (!response.body) return;
  const pcm = new PcmByteStream();
  const reader = response.body.getReader();
  let ended = false;
  try {
    for (;;) {
      const read = await reader.read().catch((error: unknown) => {
        throw failure(request, error);
      });
      if (read.done) break;
      const bytes: unknown = read.value;
      if (!(bytes instanceof Uint8Array))
        throw new EngineOutputError(request.provider, 'body chunk is not bytes');
      const samples = pcm.push(bytes);
      if (samples.length > 0) yield samples;
    }
    ended = true;
  } finally {
    if (!ended) await reader.cancel().catch(() => undefined); // closes the connection
    reader.releaseLock();
  }
  if (pcm.pending) throw new EngineOutputError(request.provider, 'odd number of PCM bytes');
}
