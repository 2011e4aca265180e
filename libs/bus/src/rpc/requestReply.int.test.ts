import { StartCallRequest, StartCallResponse } from '@warmline/contracts';
import { bytesCodec, protoCodec } from '../codec/codec';
import { NoRespondersError, RemoteError, RequestTimeoutError } from '../errors/requestErrors';
import { unique, useNats } from '../testSupport/natsTest';
import { request } from './request';
import { serve } from './serve';

const req = protoCodec(StartCallRequest);
const res = protoCodec(StartCallResponse);
const startCall = (callId: string) =>
  StartCallRequest.fromPartial({ callId, callerNumber: '+15550100' });

/** Resolves the error a promise rejects with. */
const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('request / serve', () => {
  const nats = useNats();

  it('answers a typed request', async () => {
    const [server, client] = await Promise.all([
      nats.connect('call-control'),
      nats.connect('gateway'),
    ]);
    const subject = unique('cmd.start');
    const responder = serve(server, subject, { requestCodec: req, responseCodec: res }, (r) =>
      StartCallResponse.fromPartial({ accepted: r.callId === 'c1' }),
    );
    await server.nc.flush();
    const reply = await request(client, subject, req, startCall('c1'), res, { timeoutMs: 2_000 });
    expect(reply.accepted).toBe(true);
    await responder.stop();
  });

  it('carries a handler error in headers and raises a typed RemoteError at the caller', async () => {
    const [server, client] = await Promise.all([nats.connect(), nats.connect()]);
    const subject = unique('cmd.start');
    const responder = serve(server, subject, { requestCodec: req, responseCodec: res }, () => {
      throw Object.assign(new Error('call already exists'), { code: 'CONFLICT' });
    });
    await server.nc.flush();
    const error = await rejection(
      request(client, subject, req, startCall('c1'), res, { timeoutMs: 2_000 }),
    );
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({
      name: 'RemoteError',
      subject,
      code: 'CONFLICT',
      message: 'call already exists',
      retryable: false,
    });
    await responder.stop();
  });

  it('answers an undecodable request with a 400 RemoteError instead of crashing', async () => {
    const [server, client] = await Promise.all([nats.connect(), nats.connect()]);
    const subject = unique('cmd.start');
    const handler = jest.fn(() => StartCallResponse.fromPartial({ accepted: true }));
    const responder = serve(server, subject, { requestCodec: req, responseCodec: res }, handler);
    await server.nc.flush();
    const garbage = Uint8Array.from([0x0a, 0x64, 0x01]);
    const error = await rejection(
      request(client, subject, bytesCodec, garbage, res, { timeoutMs: 2_000 }),
    );
    expect(error).toMatchObject({ name: 'RemoteError', code: '400' });
    expect(handler).not.toHaveBeenCalled();
    // still serving
    await expect(
      request(client, subject, req, startCall('c2'), res, { timeoutMs: 2_000 }),
    ).resolves.toEqual(StartCallResponse.fromPartial({ accepted: true }));
    await responder.stop();
  });

  it('raises NoRespondersError when nobody serves the subject', async () => {
    const client = await nats.connect();
    const subject = unique('cmd.nobody');
    const error = await rejection(
      request(client, subject, req, startCall('c1'), res, { timeoutMs: 2_000 }),
    );
    expect(error).toBeInstanceOf(NoRespondersError);
    expect(error).toMatchObject({ subject, retryable: true });
  });

  it('raises a retryable RequestTimeoutError when the responder does not answer in time', async () => {
    const [server, client] = await Promise.all([nats.connect(), nats.connect()]);
    const subject = unique('cmd.slow');
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const responder = serve(
      server,
      subject,
      { requestCodec: req, responseCodec: res },
      async () => {
        await held;
        return StartCallResponse.fromPartial({ accepted: true });
      },
    );
    await server.nc.flush();
    const error = await rejection(
      request(client, subject, req, startCall('c1'), res, { timeoutMs: 100 }),
    );
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ subject, timeoutMs: 100, retryable: true });
    release();
    await responder.stop();
  });

  it('stop() waits for the request in progress and answers it', async () => {
    const [server, client] = await Promise.all([nats.connect(), nats.connect()]);
    const subject = unique('cmd.stop');
    let entered = () => undefined as void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const responder = serve(
      server,
      subject,
      { requestCodec: req, responseCodec: res },
      async () => {
        entered();
        await held;
        return StartCallResponse.fromPartial({ accepted: true });
      },
    );
    await server.nc.flush();
    const reply = request(client, subject, req, startCall('c1'), res, { timeoutMs: 5_000 });
    await inHandler;
    const stopped = responder.stop();
    release();
    await stopped;
    await expect(reply).resolves.toMatchObject({ accepted: true });
    await expect(
      rejection(request(client, subject, req, startCall('c2'), res, { timeoutMs: 2_000 })),
    ).resolves.toBeInstanceOf(NoRespondersError);
  });
});
