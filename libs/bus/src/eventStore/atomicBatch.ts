import { type MsgHdrs, type NatsConnection, nuid } from '@nats-io/nats-core';

/** One message of an atomic batch. */
export interface BatchMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly headers: MsgHdrs;
}

/** The server's answer to a batch commit. */
export type BatchOutcome =
  | { readonly ok: true; readonly stream: string; readonly seq: number; readonly count: number }
  | { readonly ok: false; readonly errorCode: number | undefined; readonly description: string };

/** nats-server refuses larger atomic batches. */
export const MAX_ATOMIC_BATCH = 1000;

interface CommitReply {
  error?: { err_code?: number; description?: string };
  stream?: string;
  seq?: number;
  count?: number;
}

/**
 * Publishes messages as one atomic batch (nats-server 2.12, stream `allow_atomic`):
 * all are stored or none. Only the commit waits for a reply; the server answers
 * it with the error of whichever message failed. We speak the protocol directly
 * because nats.js `commit()` replaces the server's error (wrong last sequence,
 * duplicate id) with "batch didn't contain number of published messages".
 */
export const publishAtomicBatch = async (
  nc: NatsConnection,
  messages: readonly BatchMessage[],
  timeoutMs: number,
): Promise<BatchOutcome> => {
  const id = nuid.next();
  const last = messages.length - 1;
  for (const [index, message] of messages.entries()) {
    message.headers.set('Nats-Batch-Id', id);
    message.headers.set('Nats-Batch-Sequence', String(index + 1));
    if (index < last) nc.publish(message.subject, message.data, { headers: message.headers });
  }
  const commit = messages[last];
  if (!commit) throw new RangeError('an atomic batch needs at least one message');
  commit.headers.set('Nats-Batch-Commit', '1');
  const reply = await nc.request(commit.subject, commit.data, {
    headers: commit.headers,
    timeout: timeoutMs,
  });
  const ack = reply.json<CommitReply>();
  if (ack.error) {
    return {
      ok: false,
      errorCode: ack.error.err_code,
      description: ack.error.description ?? 'unknown',
    };
  }
  if (ack.count !== messages.length || ack.seq === undefined || ack.stream === undefined) {
    return {
      ok: false,
      errorCode: undefined,
      description: `unexpected batch ack ${reply.string()}`,
    };
  }
  return { ok: true, stream: ack.stream, seq: ack.seq, count: ack.count };
};
