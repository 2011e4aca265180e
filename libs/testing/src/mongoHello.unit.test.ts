import { BSON } from 'mongodb';
import { encodeHello, isOkReply } from './mongoHello';

const OP_MSG = 2013;

/** An OP_MSG the way a server answers: header, flagBits, body section with `doc`. */
const reply = (responseTo: number, doc: BSON.Document, opCode = OP_MSG): Buffer => {
  const body = Buffer.concat([Buffer.alloc(4), Buffer.of(0), BSON.serialize(doc)]);
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(99, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
};

describe('encodeHello', () => {
  it('is an OP_MSG whose body is { hello: 1, $db: "admin" }', () => {
    const msg = encodeHello(7);
    expect(msg.readInt32LE(0)).toBe(msg.length);
    expect(msg.readInt32LE(4)).toBe(7);
    expect(msg.readInt32LE(8)).toBe(0);
    expect(msg.readInt32LE(12)).toBe(OP_MSG);
    expect(msg.readUInt32LE(16)).toBe(0);
    expect(msg[20]).toBe(0);
    expect(BSON.deserialize(msg.subarray(21))).toEqual({ hello: 1, $db: 'admin' });
  });
});

describe('isOkReply', () => {
  const hello = {
    isWritablePrimary: true,
    topologyVersion: { processId: new BSON.ObjectId(), counter: BSON.Long.fromNumber(0) },
    hosts: ['127.0.0.1:27017'],
    localTime: new Date(),
    maxBsonObjectSize: 16_777_216,
    connectionId: BSON.Long.fromNumber(5),
    speculative: null,
  };

  it.each([
    ['double', { ...hello, ok: new BSON.Double(1) }],
    ['int32', { ...hello, ok: new BSON.Int32(1) }],
    ['int64', { ...hello, ok: BSON.Long.fromNumber(1) }],
    ['bool', { ...hello, ok: true }],
  ])('accepts ok: 1 as a %s after fields of other types', (_, doc) => {
    expect(isOkReply(reply(7, doc), 7)).toBe(true);
  });

  it('rejects ok: 0, a missing ok, another request, another opcode, and a truncated reply', () => {
    expect(isOkReply(reply(7, { ...hello, ok: 0 }), 7)).toBe(false);
    expect(isOkReply(reply(7, hello), 7)).toBe(false);
    expect(isOkReply(reply(8, { ok: 1 }), 7)).toBe(false);
    expect(isOkReply(reply(7, { ok: 1 }, 1), 7)).toBe(false);
    expect(isOkReply(reply(7, { ok: 1 }).subarray(0, 20), 7)).toBe(false);
  });
});
