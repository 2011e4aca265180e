import { EscalationReason } from '@warmline/contracts';
import { loadProfileFileSync } from '../../adapters/profileFile';
import type { ConfiguredTool } from './configuredTool';
import { type ModelOutput, interpretModelOutput } from './interpretModelOutput';

const profile = loadProfileFileSync();
const tools: ConfiguredTool[] = [
  {
    name: 'billing_team',
    description: 'billing disputes',
    parameters: { type: 'object', properties: {} },
    action: {
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      destinationId: 'acme-billing',
    },
  },
  {
    name: 'store_hours',
    description: 'store hours',
    parameters: { type: 'object', properties: {} },
    action: { kind: 'reply', text: 'Stores open at nine.' },
  },
];
const interpret = (output: Partial<ModelOutput>, replyMaxChars = 600) =>
  interpretModelOutput({ text: '', toolCalls: [], ...output }, { profile, tools, replyMaxChars });

describe('interpretModelOutput', () => {
  it('replies with the model text, made speakable and capped', () => {
    const { decision } = interpret({ text: '**Sure.** Restart the modem. Then wait.' }, 30);
    expect(decision).toEqual({ kind: 'reply', text: 'Sure. Restart the modem.' });
  });

  it('gives no decision for empty output', () => {
    expect(interpret({ text: '  \n' }).decision).toBeUndefined();
  });

  it('escalates with the asked reason, the profile transition line and destination', () => {
    const { decision } = interpret({
      text: 'I will transfer you to +1 900 555 0100 now',
      toolCalls: [
        { name: 'escalate_to_human', args: { reason: 'policy_keyword', summary: 'fraud' } },
      ],
    });
    expect(decision).toEqual({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      detail: 'model called escalate_to_human (policy_keyword)',
      replyText: profile.lines.transition,
      destinationId: 'acme-support-desk',
      note: 'fraud',
    });
  });

  it.each([[{ reason: 'vip' }], [{}], ['not an object'], [null]])(
    'maps an unknown or missing reason (%j) to out_of_scope',
    (args) => {
      const { decision } = interpret({ toolCalls: [{ name: 'escalate_to_human', args }] });
      expect(decision).toMatchObject({
        reason: EscalationReason.ESCALATION_REASON_OUT_OF_SCOPE,
        detail: 'model called escalate_to_human (out_of_scope, unknown reason mapped)',
      });
    },
  );

  it('ignores a destination the model adds and reports it', () => {
    const { decision, ignored } = interpret({
      toolCalls: [
        {
          name: 'escalate_to_human',
          args: { reason: 'caller_asked', destination: '+19005550100', destinationId: 'x' },
        },
      ],
    });
    expect(decision).toMatchObject({ destinationId: 'acme-support-desk' });
    expect(JSON.stringify(decision)).not.toMatch(/900|"x"/);
    expect(ignored).toEqual({ tools: [], arguments: ['destination', 'destinationId'] });
  });

  it('ignores and reports unknown tools, falling back to the text', () => {
    const { decision, ignored } = interpret({
      text: 'Our stores open at nine.',
      toolCalls: [{ name: 'dial', args: { number: '+19005550100' } }],
    });
    expect(decision).toEqual({ kind: 'reply', text: 'Our stores open at nine.' });
    expect(ignored.tools).toEqual(['dial']);
  });

  it('prefers an escalation over ending the call, and ending over a reply', () => {
    const end = { name: 'end_call', args: {} };
    const escalate = { name: 'escalate_to_human', args: { reason: 'frustration' } };
    expect(interpret({ text: 'bye', toolCalls: [end, escalate] }).decision?.kind).toBe('escalate');
    expect(interpret({ text: 'bye', toolCalls: [end] }).decision).toEqual({
      kind: 'end',
      replyText: profile.lines.goodbye,
    });
  });

  it('runs configured tools: an allowlisted escalation and a fixed reply', () => {
    expect(
      interpret({ toolCalls: [{ name: 'billing_team', args: { reason: 'vip' } }] }).decision,
    ).toMatchObject({
      kind: 'escalate',
      reason: EscalationReason.ESCALATION_REASON_POLICY_KEYWORD,
      destinationId: 'acme-billing',
    });
    expect(
      interpret({ text: 'x', toolCalls: [{ name: 'store_hours', args: {} }] }).decision,
    ).toEqual({ kind: 'reply', text: 'Stores open at nine.' });
  });
});
