import { ProfileError } from '../domain/profile/profileError';
import { parseProfileText } from './profileText';

const yaml = `
businessName: Test Co
intents:
  - id: hours
    examples: [what are your hours]
    answer: Nine to five.
transfer:
  destinationId: test-desk
`;

describe('parseProfileText', () => {
  it('parses YAML', () => {
    expect(parseProfileText(yaml).businessName).toBe('Test Co');
  });

  it('parses JSON', () => {
    const json = JSON.stringify({
      businessName: 'J',
      intents: [{ id: 'a', examples: ['b'], answer: 'c' }],
      transfer: { destinationId: 'd' },
    });
    expect(parseProfileText(json).transfer.destinationId).toBe('d');
  });

  it('reports a syntax error as a ProfileError with the cause', () => {
    let error: unknown;
    try {
      parseProfileText('businessName: [unclosed', 'broken.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).source).toBe('broken.yaml');
    expect((error as ProfileError).cause).toBeInstanceOf(Error);
  });

  it('rejects duplicate keys', () => {
    expect(() => parseProfileText(`${yaml}\nbusinessName: Again\n`)).toThrow(ProfileError);
  });
});
