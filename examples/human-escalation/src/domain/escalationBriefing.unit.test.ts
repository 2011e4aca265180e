import { briefingText } from '@warmline/sdk';
import { escalationBriefing } from './escalationBriefing';

describe('escalationBriefing', () => {
  it('gives the reason as a phrase and what the caller said', () => {
    const briefing = escalationBriefing('CALLER_ASKED', [
      { role: 'caller', text: 'i want to speak to a human please' },
      { role: 'ai', text: 'Let me connect you with a specialist who can help.' },
    ]);
    expect(briefingText(briefing)).toBe(
      'Transferring a caller: they asked to speak to a person. They said: i want to speak to a human please.',
    );
  });

  it('counts the answers the AI gave before escalating', () => {
    const briefing = escalationBriefing('FRUSTRATION', [
      { role: 'caller', text: 'my internet is down' },
      { role: 'ai', text: 'Please restart your router.' },
      { role: 'caller', text: 'that did not help' },
      { role: 'ai', text: 'Let me connect you.' },
    ]);
    expect(briefing).toEqual({
      reason: 'they are frustrated',
      tried: 'They said: my internet is down; that did not help. I answered 1 time.',
    });
  });

  it('falls back to a generic reason for an unknown one', () => {
    expect(escalationBriefing('SOMETHING_NEW', []).reason).toBe('they need a person');
  });
});
