import { connect } from 'node:net';

const OP_MSG = 2013;
const HEADER_BYTES = 16;

/** Sizes of the BSON value types a hello reply can hold; `undefined` = a length-prefixed value. */
// prettier-ignore
const FIXED_SIZE: Record<number, number | undefined> = {
  0x01: 8, 0x06: 0, 0x07: 12, 0x08: 1, 0x09: 8, 0x0a: 0, 0x10: 4, 0x11: 8, 0x12: 8, 0x13: 16,
  0x7f: 0, 0xff: 0,
};

const cstring = (s: string) => Buffer.from(`${s}\0`, 'utf8');
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
};

/** The OP_MSG for `{ hello: 1, $db: 'admin' }` (MongoDB wire protocol, no driver). */
export const encodeHello = (requestId: number): Buffer => {
  const db = cstring('admin');
  const elements = Buffer.concat([
    Buffer.of(0x10),
    cstring('hello'),
    int32(1),
    Buffer.of(0x02),
    cstring('$db'),
    int32(db.length),
    db,
  ]);
  const doc = Buffer.concat([int32(elements.length + 5), elements, Buffer.of(0)]);
  const body = Buffer.concat([int32(0) /* flagBits */, Buffer.of(0) /* body section */, doc]);
  return Buffer.concat([
    int32(HEADER_BYTES + body.length),
    int32(requestId),
    int32(0),
    int32(OP_MSG),
    body,
  ]);
};

/** The numeric value of the top-level `ok` field of the BSON document at `start`, if any. */
const readOk = (buf: Buffer, start: number): number | undefined => {
  const end = start + buf.readInt32LE(start) - 1;
  let at = start + 4;
  while (at < end) {
    const type = buf[at] ?? 0;
    const nameEnd = buf.indexOf(0, at + 1);
    const name = buf.toString('utf8', at + 1, nameEnd);
    at = nameEnd + 1;
    if (name === 'ok') {
      if (type === 0x01) return buf.readDoubleLE(at);
      if (type === 0x10) return buf.readInt32LE(at);
      if (type === 0x12) return Number(buf.readBigInt64LE(at));
      if (type === 0x08) return buf[at];
      return undefined;
    }
    const fixed = FIXED_SIZE[type];
    if (fixed !== undefined) at += fixed;
    else if (type === 0x02 || type === 0x0d || type === 0x0e) at += 4 + buf.readInt32LE(at);
    else if (type === 0x03 || type === 0x04 || type === 0x0f) at += buf.readInt32LE(at);
    else if (type === 0x05) at += 5 + buf.readInt32LE(at);
    else return undefined; // a type a hello reply does not use: not a reply we understand
  }
  return undefined;
};

/** True if `reply` is a complete OP_MSG answering `requestId` with `ok: 1`. */
export const isOkReply = (reply: Buffer, requestId: number): boolean => {
  if (reply.length < HEADER_BYTES + 5 || reply.readInt32LE(0) > reply.length) return false;
  if (reply.readInt32LE(8) !== requestId || reply.readInt32LE(12) !== OP_MSG) return false;
  if (reply[HEADER_BYTES + 4] !== 0) return false; // first section must be the body
  try {
    return readOk(reply, HEADER_BYTES + 5) === 1;
  } catch {
    return false; // truncated or malformed
  }
};

/**
 * Connects to a MongoDB wire-protocol server on host:port, sends `hello` and resolves true if it
 * answers `ok: 1`; false on refusal, a bad answer, or no answer within `timeoutMs`.
 */
export const mongoHello = (
  port: number,
  { host = '127.0.0.1', timeoutMs = 2_000 } = {},
): Promise<boolean> =>
  new Promise((resolve) => {
    const requestId = Math.floor(Math.random() * 0x7fffffff);
    let reply = Buffer.alloc(0);
    const socket = connect({ port, host });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('connect', () => socket.write(encodeHello(requestId)));
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length >= 4 && reply.length >= reply.readInt32LE(0)) {
        finish(isOkReply(reply, requestId));
      }
    });
  });
