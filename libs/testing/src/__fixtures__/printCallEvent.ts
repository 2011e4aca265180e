// Started by tsProcess.int.test.ts as its own Node process: proves @warmline/contracts resolves to
// its TypeScript sources through register.cjs, and that stop() delivers SIGTERM.
import { CallEvent } from '@warmline/contracts';

const callId = process.argv[2] ?? 'call-1';
const event: CallEvent = {
  eventId: 'evt-1',
  callId,
  occurredAt: new Date(Date.UTC(2025, 0, 1)),
  causationId: 'cmd-1',
  correlationId: callId,
  payload: { $case: 'answered', value: {} },
};
const bytes = CallEvent.encode(event).finish();
const roundTripped = CallEvent.decode(bytes);

// Before announcing readiness: a SIGTERM right after 'ready' must find the handler.
process.once('SIGTERM', () => {
  process.stdout.write('stopping on SIGTERM\n');
  process.exit(0);
});

process.stdout.write(`event ${JSON.stringify(CallEvent.toJSON(roundTripped))}\n`);
process.stdout.write(`bytes ${Buffer.from(bytes).toString('base64')}\n`);
process.stdout.write(`ready pid=${process.pid} greeting=${process.env.FIXTURE_GREETING ?? ''}\n`);

setInterval(() => undefined, 60_000); // stay alive until stopped
