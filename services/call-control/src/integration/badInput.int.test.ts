import { status } from '@grpc/grpc-js';
import { protoCodec, publishToStream, request } from '@warmline/bus';
import {
  CallCommand,
  CallState,
  ExecuteCommandRequest,
  ExecuteCommandResponse,
  streams,
  subjects,
} from '@warmline/contracts';
import { durables } from '../adapters/nats/localTopology';
import { waitFor } from '@warmline/testing';
import { kinds, storedEvents } from '../testSupport/callEvents';
import { answeredCall, newCallId, ready } from '../testSupport/sdkCall';
import { callCommand, grpcError } from '../testSupport/sdkTestClient';
import { OTHER_API_KEY } from '../testSupport/testConfig';
import { useCallControl } from '../testSupport/useCallControl';

const cc = useCallControl();
const answer = { $case: 'answer' as const, value: {} };
const close = { $case: 'close' as const, value: {} };

describe('bad commands', () => {
  it('an unknown call id is CALL_NOT_FOUND', async () => {
    const result = await cc.client().command(newCallId(), answer);
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'CALL_NOT_FOUND',
      state: CallState.CALL_STATE_UNSPECIFIED,
    });
    const invalid = await cc.client().command('not a call id', answer);
    expect(invalid).toMatchObject({ ok: false, errorCode: 'INVALID_ARGUMENT' });
  });

  it('a command in the wrong state is WRONG_STATE and changes nothing', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    const before = await storedEvents(cc.bus, callId);
    const result = await cc.client().command(callId, close);
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'WRONG_STATE',
      state: CallState.CALL_STATE_PENDING,
    });
    expect(result.errorMessage).toContain('PENDING allows answer, connect');
    expect(await storedEvents(cc.bus, callId)).toEqual(before);
    expect(cc.gateway.actionsFor(callId)).toEqual([]);
  });

  it('a repeated command id returns the original result and adds no events', async () => {
    const client = cc.client();
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    const command = callCommand(callId, answer);
    const first = await client.execute(command);
    const events = await storedEvents(cc.bus, callId);
    const again = await client.execute(command);
    expect(again).toEqual(first);
    expect(await storedEvents(cc.bus, callId)).toEqual(events);
    expect(cc.gateway.actionsFor(callId)).toEqual(['answer']);
  });

  it("terminate is the platform's command: refused over the SDK API", async () => {
    const callId = await answeredCall(cc, cc.client());
    const result = await cc.client().command(callId, {
      $case: 'terminate',
      value: { reason: 0, detail: '' },
    });
    expect(result).toMatchObject({ ok: false, errorCode: 'INVALID_ARGUMENT' });
    expect((await cc.client().getCall(callId)).state).toBe(CallState.CALL_STATE_ANSWERED);
  });

  it('a command on a closed call is CALL_CLOSED', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    await client.command(callId, { $case: 'disconnect', value: {} });
    expect(await client.command(callId, close)).toMatchObject({
      ok: false,
      errorCode: 'CALL_CLOSED',
    });
  });

  it('an answer the gateway cannot carry out is ANSWER_FAILED and the call stays PENDING', async () => {
    const client = cc.client();
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    cc.gateway.behave({ answer: 'fail' }, callId);
    const command = callCommand(callId, answer);
    const result = await client.execute(command);
    expect(result).toMatchObject({
      ok: false,
      errorCode: 'ANSWER_FAILED',
      state: CallState.CALL_STATE_PENDING,
    });
    expect(await client.execute(command)).toEqual(result);
    expect(kinds(await storedEvents(cc.bus, callId))).toEqual([
      'started',
      'answerRequested',
      'answerFailed',
    ]);
  });
});

describe('bad credentials', () => {
  it('a bad API key is UNAUTHENTICATED, on every RPC', async () => {
    const bad = cc.client('wrong-key');
    const executed = await grpcError(bad.command(newCallId(), answer));
    expect(executed.code).toBe(status.UNAUTHENTICATED);
    expect(executed.details).toBe('unknown API key');
    expect((await grpcError(bad.getCall(newCallId()))).code).toBe(status.UNAUTHENTICATED);
    const session = bad.openSession(['connector-1']);
    expect((await session.ended()).code).toBe(status.UNAUTHENTICATED);
    const none = cc.client(null);
    expect((await grpcError(none.getCall(newCallId()))).details).toContain('missing credentials');
  });

  it("another tenant's key is PERMISSION_DENIED for the call and its connector", async () => {
    const callId = await answeredCall(cc, cc.client());
    const other = cc.client(OTHER_API_KEY);
    expect((await grpcError(other.getCall(callId))).code).toBe(status.PERMISSION_DENIED);
    expect((await grpcError(other.command(callId, close))).code).toBe(status.PERMISSION_DENIED);
    expect((await other.openMedia(callId, 16_000).ended()).code).toBe(status.PERMISSION_DENIED);
    expect((await other.openSession(['connector-1']).ended()).code).toBe(status.PERMISSION_DENIED);
    expect((await cc.client().getCall(callId)).state).toBe(CallState.CALL_STATE_ANSWERED);
  });

  it('GetCall of an unknown call is NOT_FOUND', async () => {
    expect((await grpcError(cc.client().getCall(newCallId()))).code).toBe(status.NOT_FOUND);
  });
});

describe('bad media and sessions', () => {
  it('odd-length audio ends the media stream with INVALID_ARGUMENT; the call goes on', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const media = client.openMedia(callId, 16_000);
    await media.next((m) => (m.message?.$case === 'pull' ? true : undefined));
    media.send({ message: { $case: 'audio', value: { pcm: Buffer.alloc(3) } } });
    const ended = await media.ended();
    expect(ended.code).toBe(status.INVALID_ARGUMENT);
    expect(ended.details).toContain('even byte count');
    expect((await client.getCall(callId)).state).toBe(CallState.CALL_STATE_ANSWERED);
    const again = client.openMedia(callId, 16_000);
    await again.next((m) => (m.message?.$case === 'pull' ? true : undefined));
    again.end();
  });

  it('a wrong sample rate is INVALID_ARGUMENT, for media and for a session', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const media = await client.openMedia(callId, 44_100).ended();
    expect(media.code).toBe(status.INVALID_ARGUMENT);
    expect(media.details).toContain('8000, 16000 or 24000');
    const session = await client.openSession(['connector-1'], 11_025).ended();
    expect(session.code).toBe(status.INVALID_ARGUMENT);
  });

  it('media for an unknown call is NOT_FOUND', async () => {
    expect((await cc.client().openMedia(newCallId(), 16_000).ended()).code).toBe(status.NOT_FOUND);
  });

  it('audio beyond what was pulled is RESOURCE_EXHAUSTED', async () => {
    const client = cc.client();
    const callId = await answeredCall(cc, client);
    const media = client.openMedia(callId, 16_000);
    const pulled = await media.next((m) =>
      m.message?.$case === 'pull' ? m.message.value.bytes : undefined,
    );
    media.send({ message: { $case: 'audio', value: { pcm: Buffer.alloc(pulled + 2) } } });
    expect((await media.ended()).code).toBe(status.RESOURCE_EXHAUSTED);
  });

  it('a session that says hello twice is FAILED_PRECONDITION', async () => {
    const client = cc.client();
    const session = client.openSession(['connector-1']);
    await ready(session);
    session.send({
      message: { $case: 'hello', value: { connectorIds: [], sampleRate: 16_000, clientName: '' } },
    });
    expect((await session.ended()).code).toBe(status.FAILED_PRECONDITION);
  });
});

describe('saga commands on JetStream', () => {
  const publishCommand = (command: CallCommand, msgId: string) =>
    publishToStream(
      cc.bus,
      subjects.callCommands(command.callId),
      protoCodec(CallCommand),
      command,
      {
        msgId,
      },
    );

  it('a command delivered twice has one effect', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    const command = callCommand(callId, answer);
    // Two copies that JetStream does not deduplicate (different message ids).
    await publishCommand(command, `${command.commandId}-a`);
    await publishCommand(command, `${command.commandId}-b`);
    await waitFor(async () =>
      kinds(await storedEvents(cc.bus, callId)).includes('answered') ? true : undefined,
    );
    await publishCommand(
      callCommand(callId, { $case: 'terminate', value: { reason: 0, detail: 'test' } }),
      'end',
    );
    const events = await waitFor(async () => {
      const all = await storedEvents(cc.bus, callId);
      return kinds(all).includes('terminated') ? all : undefined;
    });
    expect(kinds(events)).toEqual(['started', 'answerRequested', 'answered', 'terminated']);
    expect(cc.gateway.actionsFor(callId)).toEqual(['answer', 'hangup']);
  });

  it('a command the call refuses is recorded in the log and terminated, changing nothing', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    const before = await storedEvents(cc.bus, callId);
    await publishCommand(callCommand(callId, close), 'refused-close');
    await waitFor(async () => {
      const info = await cc.bus.jsm.consumers.info(
        streams.callCommands.name,
        durables.callCommands,
      );
      return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
    });
    expect(await storedEvents(cc.bus, callId)).toEqual(before);
  });
});

describe('services on the bus', () => {
  it('execute a command by request/reply on cmd.call-control.execute', async () => {
    const callId = newCallId();
    await cc.gateway.startCall(callId);
    const response = await request(
      cc.bus,
      subjects.executeCallCommand,
      protoCodec(ExecuteCommandRequest),
      { command: callCommand(callId, answer) },
      protoCodec(ExecuteCommandResponse),
      { timeoutMs: 10_000 },
    );
    expect(response.result).toMatchObject({ ok: true, state: CallState.CALL_STATE_ANSWERED });
  });
});
