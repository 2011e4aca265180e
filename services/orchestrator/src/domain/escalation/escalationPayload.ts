import type { EscalationEvent } from '@warmline/contracts';

/**
 * The payload of one event of the saga's stream (escalation.proto's `oneof payload`), as the saga
 * writes it: always set. An event read back without one is corrupt (see `evolve`).
 */
export type EscalationPayload = NonNullable<EscalationEvent['payload']>;
