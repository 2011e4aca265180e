import { randomUUID } from 'node:crypto';
import { type Bus, connectBus } from '@warmline/bus';
import { type NatsServerHandle, startNatsServer } from '@warmline/testing';
import type { App, AppDeps } from '../app';
import { conversationScript } from './conversationScript';
import { startInProcessOrchestrator } from './orchestratorHarness';
import {
  type CallControlOptions,
  type CallControlParticipant,
  type ContextStoreParticipant,
  type TtsGatewayParticipant,
  startCallControlParticipant,
  startContextStoreParticipant,
  startTtsGatewayParticipant,
} from './participants';
import { sagaProbe } from './sagaProbe';

/** A call id no other test uses (a valid subject token). */
export const newCallId = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;

/** Options of {@link useOrchestratorWorld}. */
export interface WorldOptions {
  /** The orchestrator's environment (ORCHESTRATOR_*). */
  readonly env?: Record<string, string>;
  readonly callControl?: CallControlOptions;
  /** Calls whose participant events are all published twice. */
  readonly duplicateEventsFor?: (callId: string) => boolean;
  /** Extra app dependencies, built when the world starts (after earlier beforeAll hooks). */
  readonly app?: () => Partial<Omit<AppDeps, 'bus' | 'config'>>;
}

/** Everything a test file needs; valid inside tests. */
export interface World {
  readonly bus: Bus;
  readonly nats: NatsServerHandle;
  readonly app: App;
  readonly callControl: CallControlParticipant;
  readonly tts: TtsGatewayParticipant;
  readonly contextStore: ContextStoreParticipant;
  readonly script: ReturnType<typeof conversationScript>;
  readonly saga: ReturnType<typeof sagaProbe>;
}

/**
 * For one test file: a real nats-server, the orchestrator in this process, and the contract
 * participants for call-control, tts + gateway and context-store; all stopped in afterAll.
 */
export const useOrchestratorWorld = (options: WorldOptions = {}): (() => World) => {
  let world: World | undefined;
  beforeAll(async () => {
    const nats = await startNatsServer();
    const bus = await connectBus({ servers: nats.url, name: 'orchestrator-test' });
    const app = await startInProcessOrchestrator(bus, options.env, options.app?.());
    const duplicate = options.duplicateEventsFor ?? (() => false);
    world = {
      bus,
      nats,
      app,
      callControl: await startCallControlParticipant(bus, {
        ...options.callControl,
        duplicateEvents: duplicate,
      }),
      tts: await startTtsGatewayParticipant(bus, { duplicateEvents: duplicate }),
      contextStore: startContextStoreParticipant(bus, { duplicateEvents: duplicate }),
      script: conversationScript(bus),
      saga: sagaProbe(bus),
    };
  });
  afterAll(async () => {
    if (!world) return;
    await Promise.all([world.callControl.stop(), world.tts.stop(), world.contextStore.stop()]);
    await world.app.stop();
    await world.bus.close();
    await world.nats.stop();
  });
  return () => {
    if (!world) throw new Error('the world is not started (use it inside a test)');
    return world;
  };
};

/** The items of `list` for one call. */
export const ofCall = <T extends { readonly callId: string }>(list: readonly T[], callId: string) =>
  list.filter((item) => item.callId === callId);
