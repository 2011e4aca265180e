import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import {
  ContextServiceClient,
  EscalationReason,
  type CallContext,
  type ListEscalationsRequest,
} from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { eventsFor } from '../../test/events.test';
import { startHarness, type Harness } from '../../test/harness.test';
import { allEvents, CALLER, realisticCall } from '../../test/realisticCall.test';

let h: Harness;
let client: ContextServiceClient;

const getContext = (callId: string) =>
  new Promise<CallContext | undefined>((resolve, reject) =>
    client.getCallContext({ callId }, (error, response) =>
      error ? reject(error) : resolve(response.context),
    ),
  );
const list = (request: Partial<ListEscalationsRequest>) =>
  new Promise<CallContext[]>((resolve, reject) =>
    client.listEscalations(
      { reason: 0, outcome: 0, limit: 0, callerNumber: '', ...request },
      (error, response) => (error ? reject(error) : resolve(response.escalations)),
    ),
  );
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: ServiceError) => error.code,
  );

/** A short call that escalates because the caller asked for a person. */
const askedForPerson = (callId: string, callerNumber: string) => {
  const e = eventsFor(callId, new Date());
  return [
    e.call(0, {
      $case: 'started',
      value: { callerNumber, calleeNumber: '+15550009999', connectorId: 'sales' },
    }),
    e.conversation(2_000, {
      $case: 'transcribed',
      value: { turnId: 't1', text: 'Can I talk to someone, please?' },
    }),
    e.conversation(2_500, {
      $case: 'escalationRequested',
      value: { reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED, turnId: 't1' },
    }),
  ];
};

beforeAll(async () => {
  h = await startHarness();
  client = new ContextServiceClient(h.endpoints.grpcAddress, credentials.createInsecure());
  await h.append(allEvents(realisticCall('call-grpc-1', new Date(Date.now() - 120_000))));
  await h.append(askedForPerson('call-grpc-2', '+15550004444'));
  await h.app.caughtUp();
});
afterAll(async () => {
  client?.close();
  await h?.close();
});

describe('ContextService over gRPC', () => {
  it('GetCallContext returns the context of a known call', async () => {
    const context = await getContext('call-grpc-1');
    expect(context).toMatchObject({
      callId: 'call-grpc-1',
      callerNumber: CALLER,
      escalationReason: EscalationReason.ESCALATION_REASON_FRUSTRATION,
    });
    expect(context?.turns).toHaveLength(6);
  });

  it('GetCallContext answers NOT_FOUND for an unknown call and INVALID_ARGUMENT for a malformed id', async () => {
    expect(await codeOf(getContext('call-nobody'))).toBe(status.NOT_FOUND);
    expect(await codeOf(getContext('evt.*'))).toBe(status.INVALID_ARGUMENT);
  });

  it('ListEscalations filters by reason and caller number, newest first', async () => {
    expect((await list({})).map((c) => c.callId)).toEqual(['call-grpc-2', 'call-grpc-1']);
    const frustrated = await list({ reason: EscalationReason.ESCALATION_REASON_FRUSTRATION });
    expect(frustrated.map((c) => c.callId)).toEqual(['call-grpc-1']);
    expect((await list({ callerNumber: '+15550004444' })).map((c) => c.callId)).toEqual([
      'call-grpc-2',
    ]);
    expect(await list({ reason: EscalationReason.ESCALATION_REASON_LOW_CONFIDENCE })).toEqual([]);
  });

  it('WatchEscalations streams a new escalation with the requested reason', async () => {
    const stream = client.watchEscalations({
      reason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    });
    const received: CallContext[] = [];
    stream.on('data', (response: { context?: CallContext }) => {
      if (response.context) received.push(response.context);
    });
    stream.on('error', () => undefined); // cancelled at the end
    const opened = h.logLines.length;
    await waitFor(
      () =>
        h.logLines.slice(opened).some((line) => line.includes('escalation watch opened')) ||
        undefined,
    );

    await h.append(realisticCall('call-grpc-3', new Date()).conversation); // FRUSTRATION: filtered out
    await h.append(askedForPerson('call-grpc-4', '+15550005555'));
    const context = await waitFor(() => received.find((c) => c.callId === 'call-grpc-4'));
    stream.cancel();

    expect(context).toMatchObject({
      callerNumber: '+15550005555',
      escalationReason: EscalationReason.ESCALATION_REASON_CALLER_ASKED,
    });
    expect(context.turns.map((t) => t.text)).toEqual(['Can I talk to someone, please?']);
    expect(received.some((c) => c.callId === 'call-grpc-3')).toBe(false);
  });
});
