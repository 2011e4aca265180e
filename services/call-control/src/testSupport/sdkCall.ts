import { randomUUID } from 'node:crypto';
import { CallState } from '@warmline/contracts';
import type { SdkTestClient, TestSession } from './sdkTestClient';
import type { CallControlFixture } from './useCallControl';

/** Says ready once welcomed. */
export async function ready(session: TestSession): Promise<void> {
  await session.next((m) => (m.message?.$case === 'welcome' ? m.message.value : undefined));
  session.send({ message: { $case: 'ready', value: {} } });
}

/** A new call id. */
export const newCallId = (): string => `call-${randomUUID()}`;

/** Starts a call on the fake gateway and answers it through the API; returns its id. */
export async function answeredCall(
  cc: CallControlFixture,
  client: SdkTestClient,
  connectorId = 'connector-1',
): Promise<string> {
  const callId = newCallId();
  await cc.gateway.startCall(callId, { connectorId });
  const result = await client.command(callId, { $case: 'answer', value: {} });
  if (!result.ok || result.state !== CallState.CALL_STATE_ANSWERED) {
    throw new Error(`answer failed: ${result.errorCode} ${result.errorMessage}`);
  }
  return callId;
}
