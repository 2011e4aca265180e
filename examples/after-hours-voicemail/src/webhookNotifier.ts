import type { VoicemailNotifier } from './domain/voicemail';

/** The webhook answered with an error status. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  constructor(readonly status: number) {
    super(`voicemail webhook answered ${status}`);
  }
}

/**
 * Posts each voicemail as JSON to `url` (a Slack incoming webhook, or your own endpoint).
 * @throws {@link WebhookError} on a non-2xx answer.
 */
export const webhookNotifier =
  (url: string, timeoutMs = 5_000): VoicemailNotifier =>
  async (voicemail) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: `New voicemail (${Math.round(voicemail.durationMs / 1000)} s)`,
        voicemail,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new WebhookError(response.status);
  };
