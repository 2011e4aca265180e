import { join } from 'node:path';
import { ProfileError } from '../domain/profile/profileError';
import { DEFAULT_PROFILE_PATH, loadProfileFile, loadProfileFileSync } from './profileFile';

describe('loadProfileFile', () => {
  it('loads and validates the example profile', async () => {
    const profile = await loadProfileFile();
    expect(profile.businessName).toBe('Acme Internet');
    expect(profile.transfer.destinationId).toBe('acme-support-desk');
    expect(profile.lines.transition).toBe('Let me connect you with a specialist who can help.');
    expect(profile.intents.length).toBeGreaterThanOrEqual(10);
    expect(profile.escalation.policyKeywords.map((r) => r.label)).toEqual([
      'complaint',
      'emergency',
      'legal',
      'cancellation',
      'fraud',
    ]);
    expect(loadProfileFileSync(DEFAULT_PROFILE_PATH)).toEqual(profile);
  });

  it('reports a missing file as a ProfileError', async () => {
    await expect(loadProfileFile(join(__dirname, 'missing.yaml'))).rejects.toBeInstanceOf(
      ProfileError,
    );
    expect(() => loadProfileFileSync(join(__dirname, 'missing.yaml'))).toThrow(ProfileError);
  });
});
