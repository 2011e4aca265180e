import {
  type CallContext,
  callStateToJSON,
  escalationOutcomeToJSON,
  escalationReasonToJSON,
  Speaker,
} from '@warmline/contracts';

const strip = (name: string, prefix: string): string =>
  name.startsWith(prefix) ? name.slice(prefix.length) : name;

/**
 * A saved call context as readable lines: state, reason, outcome, summary, the turns (with what
 * the caller actually heard of each agent turn) and the timeline. Pure.
 */
export const formatContext = (context: CallContext): string[] => {
  const lines = [
    `call ${context.callId}  ${strip(callStateToJSON(context.state), 'CALL_STATE_')}`,
    `  from ${context.callerNumber} to ${context.calleeNumber} (connector ${context.connectorId})`,
    `  escalation: ${strip(escalationReasonToJSON(context.escalationReason), 'ESCALATION_REASON_')}${context.escalationDetail ? ` (${context.escalationDetail})` : ''}`,
    `  outcome:    ${strip(escalationOutcomeToJSON(context.outcome), 'ESCALATION_OUTCOME_')}`,
  ];
  if (context.summary) lines.push(`  summary:    ${context.summary}`);
  lines.push('  turns:');
  for (const turn of context.turns) {
    const who = turn.speaker === Speaker.SPEAKER_CALLER ? 'caller' : 'agent ';
    const heard =
      turn.speaker === Speaker.SPEAKER_AGENT && turn.heardText !== turn.text
        ? `  [heard: “${turn.heardText}”${turn.interrupted ? ', interrupted' : ''}]`
        : '';
    lines.push(`    ${who} “${turn.text}”${heard}`);
  }
  lines.push('  timeline:');
  for (const entry of context.timeline) {
    const at = entry.at ? entry.at.toISOString().slice(11, 23) : '            ';
    lines.push(`    ${at}  ${entry.kind}${entry.detail ? `  ${entry.detail}` : ''}`);
  }
  return lines;
};
