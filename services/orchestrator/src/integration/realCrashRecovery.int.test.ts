import { protoCodec } from '@warmline/bus';
import { EscalationOutcome, SaveContextRequest, subjects } from '@warmline/contracts';
import { waitFor } from '@warmline/testing';
import { orchestratorSettled } from '../testing/orchestratorHarness';
import {
  contextSavedOf,
  effectIds,
  effectsOf,
  escalate,
  finishedContext,
  onceEach,
} from '../testing/realObservations';
import { type RealServices, startRealServices } from '../testing/realServices';
import { sagaProbe } from '../testing/sagaProbe';
import { newCallId, ofCall } from '../testing/world';

// Real nats-server and FerretDB; call-control, context-store and the orchestrator as processes.
// The orchestrator is killed with SIGKILL (no shutdown, nothing acked) between two steps of a
// saga, and started again: the saga must complete with no step done twice.
let real: RealServices;
beforeAll(async () => {
  real = await startRealServices();
}, 120_000);
afterAll(async () => {
  await real?.stop();
});

/** Pauses the context-store process (SIGSTOP to the group we started) while `during` runs. */
const withContextStoreFrozen = async (during: () => Promise<void>): Promise<void> => {
  const pid = real.contextStore.proc.pid;
  process.kill(-pid, 'SIGSTOP');
  try {
    await during();
  } finally {
    process.kill(-pid, 'SIGCONT');
  }
};

/** SaveContext requests seen on the bus (core NATS: a second subscriber gets a copy). */
const watchSaveRequests = () => {
  const seen: SaveContextRequest[] = [];
  const codec = protoCodec(SaveContextRequest);
  const sub = real.bus.nc.subscribe(subjects.saveContext, {
    callback: (_error, msg) => {
      seen.push(codec.decode(msg.data));
    },
  });
  return { seen, stop: () => sub.unsubscribe() };
};

const expectCompletedOnce = async (callId: string) => {
  const finished = await sagaProbe(real.bus).finished(callId);
  expect(finished.phase).toMatchObject({
    outcome: EscalationOutcome.ESCALATION_OUTCOME_TRANSFERRED,
  });
  await orchestratorSettled(real.bus);
  await finishedContext(real.contextStore.db, callId);
  expect(await effectsOf(real, callId)).toEqual(onceEach(callId));
};

describe('killing the orchestrator process between two steps of the saga, then restarting it', () => {
  it('save → announce (the save request in flight): the saga completes, no step twice', async () => {
    const callId = newCallId('kill-save');
    const requests = watchSaveRequests();
    try {
      await withContextStoreFrozen(async () => {
        await escalate(real, callId);
        await waitFor(() => requests.seen.find((r) => r.callId === callId), {
          timeoutMs: 20_000,
          describe: () => 'the SaveContext request',
        });
        await real.killOrchestrator(); // the step is appended, its request unanswered, nothing acked
      });
      // context-store answers the dead requester and announces ContextSaved while no orchestrator runs
      await waitFor(async () =>
        (await contextSavedOf(real, callId)).length > 0 ? true : undefined,
      );
      await real.startOrchestrator();
      await expectCompletedOnce(callId);
      // the redelivered input asked again under the same request id: context-store saved once
      expect(requests.seen.filter((r) => r.callId === callId).map((r) => r.requestId)).toEqual([
        effectIds(callId).save,
        effectIds(callId).save,
      ]);
    } finally {
      requests.stop();
    }
  });

  it('announce → connect (the transition line played while down): the saga completes, no step twice', async () => {
    const callId = newCallId('kill-announce');
    real.tts.outcomes.hold((r) => r.utteranceId === effectIds(callId).transition);
    try {
      await escalate(real, callId);
      await waitFor(() =>
        ofCall(real.tts.requests, callId).some(
          (r) => r.utteranceId === effectIds(callId).transition,
        )
          ? true
          : undefined,
      );
      await orchestratorSettled(real.bus); // the step is decided, dispatched and acked
      await real.killOrchestrator();
      await real.tts.outcomes.release(); // "played", while no orchestrator runs
      await real.startOrchestrator();
      await expectCompletedOnce(callId);
    } finally {
      await real.tts.outcomes.release();
    }
  });

  it('connect → close (the callee answered while down): the saga completes, no step twice', async () => {
    const callId = newCallId('kill-connect');
    real.gateway.calleeAnswers.hold((i) => i.callId === callId);
    try {
      await escalate(real, callId);
      await waitFor(() =>
        real.gateway.actionsFor(callId).includes('placeCallee') ? true : undefined,
      );
      await orchestratorSettled(real.bus);
      await real.killOrchestrator();
      await real.gateway.calleeAnswers.release(); // the callee answers while no orchestrator runs
      await real.startOrchestrator();
      await expectCompletedOnce(callId);
    } finally {
      await real.gateway.calleeAnswers.release();
    }
  });

  it('close → finished (call-control carries out the close while it is down): the saga completes, no step twice', async () => {
    const callId = newCallId('kill-close');
    real.gateway.beforeReply = async (instruction) => {
      if (instruction.callId === callId && instruction.action?.$case === 'removeAgent') {
        await real.killOrchestrator(); // close is dispatched; the call ends while no orchestrator runs
      }
    };
    try {
      await escalate(real, callId);
      await waitFor(() =>
        real.gateway.actionsFor(callId).includes('removeAgent') ? true : undefined,
      );
      await real.startOrchestrator();
      await expectCompletedOnce(callId);
    } finally {
      real.gateway.beforeReply = undefined;
    }
  });
});
