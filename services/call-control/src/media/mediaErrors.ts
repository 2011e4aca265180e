/** Why a media stream was refused or ended early; the gRPC edge maps `code` to a status. */
export type MediaErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION';

/**
 * A media stream problem: malformed audio (odd byte count), an unsupported rate, an
 * unknown call, a call this credential may not use, audio beyond what was pulled.
 * It ends the media stream only; the call itself is unaffected.
 */
export class MediaStreamError extends Error {
  override readonly name = 'MediaStreamError';
  readonly retryable = false;

  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
