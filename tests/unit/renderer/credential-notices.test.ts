import { describe, expect, it } from 'vitest';
import type { ProfileView, SessionView } from '../../../src/shared/view';
import { credentialPrompt, isTokenRejected, masterKeyProfile, sharedNames } from '../../../src/renderer/src/lib/state/credential-notices';
import { settingsWith } from './state-fixtures';

const profile = (id: string, over: Partial<ProfileView> = {}): ProfileView => ({
  id,
  name: `Org ${id}`,
  apiBase: 'https://bintu.example',
  credentialKind: 'token',
  hasCredential: true,
  onWall: false,
  ...over,
});

const session = (profiles: ProfileView[], activeProfileId: string | null, demo = false): SessionView => ({
  profiles,
  activeProfileId,
  demo,
  keychain: { available: true, message: null },
});

describe('the master-key warning', () => {
  it('shows for a wall on an API key until dismissed for that profile; never for a token or the demo', () => {
    const key = profile('k', { credentialKind: 'apiKey' });
    expect(masterKeyProfile(session([key], 'k'), settingsWith())?.id).toBe('k');
    expect(masterKeyProfile(session([key], 'k'), settingsWith({ keyWarningDismissed: ['k'] }))).toBeNull();
    // Dismissed for another profile only: this one still warns.
    expect(masterKeyProfile(session([key], 'k'), settingsWith({ keyWarningDismissed: ['other'] }))?.id).toBe('k');
    expect(masterKeyProfile(session([profile('t')], 't'), settingsWith())).toBeNull();
    expect(masterKeyProfile(session([key], 'k', true), settingsWith())).toBeNull();
    expect(masterKeyProfile(session([key], null), settingsWith())).toBeNull();
    // Settings not read yet: wait rather than flash a warning the operator dismissed.
    expect(masterKeyProfile(session([key], 'k'), null)).toBeNull();
  });
});

describe('the credential the Connect screen asks for', () => {
  it('the one the operator chose to replace, with the kind asked for', () => {
    const key = profile('k', { credentialKind: 'apiKey' });
    expect(credentialPrompt(session([key], 'k'), false, { profileId: 'k', kind: 'token' })).toEqual({ profile: key, reason: 'asked', kind: 'token' });
  });

  it('the wall\'s own when bintu refused it; none while it works', () => {
    const a = profile('a');
    expect(credentialPrompt(session([a], 'a'), true, null)).toEqual({ profile: a, reason: 'rejected', kind: 'token' });
    expect(credentialPrompt(session([a], 'a'), false, null)).toBeNull();
  });

  it('with no wall running, a profile whose keychain entry is gone', () => {
    const ok = profile('ok');
    const lost = profile('lost', { hasCredential: false, credentialKind: 'apiKey' });
    expect(credentialPrompt(session([ok, lost], null), false, null)).toEqual({ profile: lost, reason: 'missing', kind: 'apiKey' });
    // A running wall is not interrupted by another profile's missing key.
    expect(credentialPrompt(session([ok, lost], 'ok'), false, null)).toBeNull();
    expect(credentialPrompt(session([ok, lost], null, true), false, null)).toBeNull();
  });

  it('an asked-for profile that no longer exists falls back to the other reasons', () => {
    const lost = profile('lost', { hasCredential: false });
    expect(credentialPrompt(session([lost], null), false, { profileId: 'gone', kind: 'token' })?.reason).toBe('missing');
    expect(credentialPrompt(null, true, null)).toBeNull();
  });
});

describe('small judgements', () => {
  it('a refused token is told apart from a refused key and from other errors', () => {
    expect(isTokenRejected({ code: 'credential-rejected', message: 'x', credentialKind: 'token' })).toBe(true);
    expect(isTokenRejected({ code: 'credential-rejected', message: 'x', credentialKind: 'apiKey' })).toBe(false);
    expect(isTokenRejected({ code: 'credential-rejected', message: 'x' })).toBe(false);
    expect(isTokenRejected({ code: 'network', message: 'x', credentialKind: 'token' })).toBe(false);
    expect(isTokenRejected(null)).toBe(false);
  });

  it('names shared by several profiles, whatever the case and spaces', () => {
    const names = sharedNames([profile('a', { name: 'Studio' }), profile('b', { name: ' studio' }), profile('c', { name: 'Other' })]);
    expect([...names]).toEqual(['studio']);
  });
});
