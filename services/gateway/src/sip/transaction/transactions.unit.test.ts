import { createRequest, createResponse, generateBranch, type SipRequest } from '..';
import { ClientTransaction } from './clientTransaction';
import { ServerTransaction, TwoXxRetransmitter } from './serverTransaction';
import { DEFAULT_TIMERS } from './timers';

const T1 = DEFAULT_TIMERS.t1;

const request = (method: string): SipRequest =>
  createRequest({
    method,
    uri: 'sip:bob@192.0.2.4',
    from: '<sip:alice@192.0.2.1>;tag=a1',
    to: '<sip:bob@192.0.2.4>',
    callId: 'c1@192.0.2.1',
    cseq: 1,
    via: { transport: 'UDP', host: '192.0.2.1', hostType: 'ipv4', port: 5060 },
    branch: generateBranch(),
  });

const kinds = (actions: { kind: string }[]): string[] => actions.map((a) => a.kind);

describe('INVITE client transaction (RFC 3261 §17.1.1)', () => {
  it('retransmits on Timer A doubling from T1 over UDP, and gives up on Timer B (64·T1)', () => {
    const tx = new ClientTransaction(request('INVITE'), false, DEFAULT_TIMERS);
    expect(kinds(tx.start(0))).toEqual(['send']);
    const sends: number[] = [];
    for (let now = 0; now <= 64 * T1; now += 10)
      if (tx.tick(now).some((a) => a.kind === 'send')) sends.push(now);
    expect(sends.slice(0, 4)).toEqual([T1, 3 * T1, 7 * T1, 15 * T1]);
    expect(tx.state).toBe('terminated');
  });

  it('reports Timer B as a timeout', () => {
    const tx = new ClientTransaction(request('INVITE'), true, DEFAULT_TIMERS);
    tx.start(0);
    expect(tx.tick(64 * T1 - 1)).toEqual([]);
    expect(kinds(tx.tick(64 * T1))).toEqual(['timeout', 'terminated']);
  });

  it('stops retransmitting on a 1xx, ACKs a 486 itself and absorbs its retransmission in Completed', () => {
    const invite = request('INVITE');
    const tx = new ClientTransaction(invite, false, DEFAULT_TIMERS);
    tx.start(0);
    expect(kinds(tx.receive(createResponse(invite, 180, { toTag: 'b1' }), 100))).toEqual([
      'response',
    ]);
    expect(tx.tick(10 * T1).filter((a) => a.kind === 'send')).toEqual([]);
    const busy = createResponse(invite, 486, { toTag: 'b1' });
    const actions = tx.receive(busy, 200);
    expect(kinds(actions)).toEqual(['send', 'response']);
    const ack = actions[0]?.kind === 'send' ? actions[0].message : undefined;
    expect(ack?.method).toBe('ACK');
    expect(tx.state).toBe('completed');
    expect(kinds(tx.receive(busy, 300))).toEqual(['send']); // re-ACK, not delivered again
    expect(kinds(tx.tick(200 + 32_000))).toEqual(['terminated']); // Timer D
  });

  it('ends at once on a 2xx (the TU ACKs it)', () => {
    const invite = request('INVITE');
    const tx = new ClientTransaction(invite, false, DEFAULT_TIMERS);
    tx.start(0);
    expect(kinds(tx.receive(createResponse(invite, 200, { toTag: 'b1' }), 50))).toEqual([
      'response',
      'terminated',
    ]);
  });
});

describe('non-INVITE client transaction (§17.1.2)', () => {
  it('retransmits on Timer E capped at T2, and at T2 once Proceeding; Timer K after the final', () => {
    const bye = request('BYE');
    const tx = new ClientTransaction(bye, false, DEFAULT_TIMERS);
    tx.start(0);
    const sends: number[] = [];
    for (let now = 0; now <= 20_000; now += 10) if (tx.tick(now).length > 0) sends.push(now);
    expect(sends.slice(0, 5)).toEqual([500, 1500, 3500, 7500, 11500]);
    expect(kinds(tx.receive(createResponse(bye, 200), 20_000))).toEqual(['response']);
    expect(tx.state).toBe('completed');
    expect(kinds(tx.tick(20_000 + DEFAULT_TIMERS.t4))).toEqual(['terminated']);
  });

  it('times out on Timer F', () => {
    const tx = new ClientTransaction(request('OPTIONS'), true, DEFAULT_TIMERS);
    tx.start(0);
    expect(kinds(tx.tick(64 * T1))).toEqual(['timeout', 'terminated']);
  });
});

describe('INVITE server transaction (§17.2.1)', () => {
  it('resends the last provisional on a retransmitted INVITE, ends on a 2xx', () => {
    const invite = request('INVITE');
    const tx = new ServerTransaction(invite, false, DEFAULT_TIMERS);
    tx.respond(createResponse(invite, 180, { toTag: 't' }), 0);
    const again = tx.receive(invite, 10);
    expect(again[0]?.kind === 'send' && again[0].message.status).toBe(180);
    expect(kinds(tx.respond(createResponse(invite, 200, { toTag: 't' }), 20))).toEqual([
      'send',
      'terminated',
    ]);
  });

  it('retransmits a non-2xx final on Timer G until the ACK, then absorbs in Confirmed until Timer I', () => {
    const invite = request('INVITE');
    const tx = new ServerTransaction(invite, false, DEFAULT_TIMERS);
    tx.respond(createResponse(invite, 487, { toTag: 't' }), 0);
    expect(kinds(tx.tick(T1))).toEqual(['send']);
    expect(kinds(tx.tick(3 * T1))).toEqual(['send']);
    expect(tx.receive({ ...invite, method: 'ACK' }, 3 * T1 + 1)).toEqual([]);
    expect(tx.state).toBe('confirmed');
    expect(kinds(tx.tick(3 * T1 + 1 + DEFAULT_TIMERS.t4))).toEqual(['terminated']);
  });

  it('reports Timer H when the ACK never comes', () => {
    const invite = request('INVITE');
    const tx = new ServerTransaction(invite, true, DEFAULT_TIMERS);
    tx.respond(createResponse(invite, 486, { toTag: 't' }), 0);
    expect(kinds(tx.tick(64 * T1))).toEqual(['timeout', 'terminated']);
  });
});

describe('non-INVITE server transaction (§17.2.2)', () => {
  it('answers retransmissions with the final response until Timer J; a second response is ignored', () => {
    const bye = request('BYE');
    const tx = new ServerTransaction(bye, false, DEFAULT_TIMERS);
    expect(tx.receive(bye, 0)).toEqual([]); // Trying: nothing to resend yet
    tx.respond(createResponse(bye, 200), 5);
    expect(tx.respond(createResponse(bye, 500), 6)).toEqual([]);
    const again = tx.receive(bye, 10);
    expect(again[0]?.kind === 'send' && again[0].message.status).toBe(200);
    expect(kinds(tx.tick(5 + 64 * T1))).toEqual(['terminated']);
  });
});

describe('2xx retransmission by the UAS core (§13.3.1.4)', () => {
  it('resends at T1 doubling up to T2 until the ACK, and gives up after 64·T1', () => {
    const invite = request('INVITE');
    const r = new TwoXxRetransmitter(
      createResponse(invite, 200, { toTag: 't' }),
      false,
      0,
      DEFAULT_TIMERS,
    );
    const resends: number[] = [];
    for (let now = 0; now < 64 * T1; now += 10) if (r.tick(now) === 'resend') resends.push(now);
    expect(resends.slice(0, 5)).toEqual([500, 1500, 3500, 7500, 11500]);
    expect(r.tick(64 * T1)).toBe('give-up');
    const acked = new TwoXxRetransmitter(
      createResponse(invite, 200, { toTag: 't' }),
      false,
      0,
      DEFAULT_TIMERS,
    );
    acked.ack();
    expect(acked.deadline).toBeUndefined();
    expect(acked.tick(T1)).toBeUndefined();
  });
});
