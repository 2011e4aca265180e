import { type Disposition } from '@warmline/bus';
import { type CallCommand, aggregateIdOf } from '@warmline/contracts';
import { applyInput } from '../calls/applyInput';
import type { CallDeps } from '../calls/callDeps';
import { withDefaults } from './onExecuteCommand';
import { settleApplied, settleInput } from './settle';

/**
 * A command from the saga (JetStream `cmd.call.<callId>`), applied once per command id.
 * The saga does not wait for answer()/connect() to complete: it follows the call's events.
 * A command the call refuses (wrong state, closed, invalid) is logged and terminated; the
 * call id comes from the subject.
 */
export function onCallCommand(
  deps: CallDeps,
  command: CallCommand,
  subject: string,
): Promise<Disposition> {
  const callId = aggregateIdOf(subject);
  const addressed = withDefaults(deps, { ...command, callId: command.callId || callId });
  return settleInput(async () => {
    const applied = await applyInput(deps, callId, { kind: 'command', command: addressed });
    return settleApplied(
      deps,
      callId,
      `saga command ${command.payload?.$case ?? 'empty'}`,
      applied,
    );
  });
}
