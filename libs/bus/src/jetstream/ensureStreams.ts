import {
  DiscardPolicy,
  RetentionPolicy,
  type StreamConfig,
  type StreamInfo,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import type { StreamTopology } from '@warmline/contracts';
import type { Bus } from '../connection/connectBus';
import { JsErrorCodes, jsErrorCode } from './jsErrorCodes';

/** Deployment settings applied to every stream of a topology. */
export interface StreamSettings {
  /** Replicas per stream (default 1; 3 in production). */
  readonly replicas?: number;
  /** `file` (default) or `memory`. */
  readonly storage?: 'file' | 'memory';
  /** How long JetStream remembers a `Nats-Msg-Id` to drop a duplicate (default 2 minutes). */
  readonly duplicateWindowMs?: number;
}

/** The JetStream configuration for one stream of the topology. */
export const streamConfigOf = (
  topology: StreamTopology,
  settings: StreamSettings = {},
): Partial<StreamConfig> & { name: string } => ({
  name: topology.name,
  subjects: [...topology.subjects],
  description: topology.description,
  retention:
    topology.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
  storage: settings.storage === 'memory' ? StorageType.Memory : StorageType.File,
  num_replicas: settings.replicas ?? 1,
  duplicate_window: nanos(settings.duplicateWindowMs ?? 120_000),
  discard: DiscardPolicy.Old,
  // read(): subject reads by direct get, without creating a consumer
  allow_direct: true,
  // append(): several events of one aggregate are stored all-or-nothing
  allow_atomic: true,
});

/**
 * Creates each stream, or updates it when it exists with another configuration.
 * Idempotent: run it at every service start. Changes the server refuses (retention
 * or storage of an existing stream) throw the JetStream API error.
 */
export const ensureStreams = async (
  bus: Bus,
  topology: readonly StreamTopology[],
  settings: StreamSettings = {},
): Promise<StreamInfo[]> => {
  const infos: StreamInfo[] = [];
  for (const stream of topology) {
    const config = streamConfigOf(stream, settings);
    try {
      infos.push(await bus.jsm.streams.add(config));
    } catch (error) {
      if (jsErrorCode(error) !== JsErrorCodes.streamNameInUse) throw error;
      infos.push(await bus.jsm.streams.update(config.name, config));
    }
  }
  return infos;
};
