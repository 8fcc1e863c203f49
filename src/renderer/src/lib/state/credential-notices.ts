import type { CredentialKind } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import type { ProfileView, SessionView } from '../../../../shared/view';
import type { SettingsView } from '../../../../shared/settings-view';

/** A profile whose credential the Connect screen asks for, and why. */
export interface CredentialPrompt {
  readonly profile: ProfileView;
  /** `asked`: the operator chose to replace it; `rejected`: bintu refused it; `missing`: the keychain lost it. */
  readonly reason: 'asked' | 'rejected' | 'missing';
  /** The kind the form starts with. */
  readonly kind: CredentialKind;
}

/**
 * Which profile's credential the Connect screen should ask for, filled in, instead of a blank
 * form: one the operator asked to replace; else the wall's own, when bintu refused it; else, with
 * no wall running, a profile whose keychain entry is gone (removed outside the app).
 */
export function credentialPrompt(
  session: SessionView | null,
  rejected: boolean,
  asked: { readonly profileId: string; readonly kind: CredentialKind } | null,
): CredentialPrompt | null {
  if (session === null) return null;
  const byId = (id: string | null): ProfileView | undefined => session.profiles.find((p) => p.id === id);
  const wanted = asked === null ? undefined : byId(asked.profileId);
  if (asked !== null && wanted) return { profile: wanted, reason: 'asked', kind: asked.kind };
  const active = session.demo ? undefined : byId(session.activeProfileId);
  if (rejected && active) return { profile: active, reason: 'rejected', kind: active.credentialKind };
  const lost = session.demo || active ? undefined : session.profiles.find((p) => !p.hasCredential);
  return lost ? { profile: lost, reason: 'missing', kind: lost.credentialKind } : null;
}

/**
 * The profile whose wall runs on the organisation's master key (an API key) and whose operator
 * has not dismissed the warning about it; null for a token, the demo, or a dismissed warning.
 */
export function masterKeyProfile(session: SessionView | null, settings: SettingsView | null): ProfileView | null {
  if (session === null || session.demo) return null;
  const active = session.profiles.find((p) => p.id === session.activeProfileId);
  if (!active || active.credentialKind !== 'apiKey') return null;
  // Until settings arrive the warning waits, so a dismissed one never flashes up at start.
  if (settings === null || settings.keyWarningDismissed.includes(active.id)) return null;
  return active;
}

/** Whether an error is bintu refusing a token (expired or revoked), not a wrong key. */
export function isTokenRejected(error: AppErrorData | null | undefined): boolean {
  return error?.code === 'credential-rejected' && error.credentialKind === 'token';
}

/** Names shared by more than one profile, lower-cased: the page says so next to each. */
export function sharedNames(profiles: readonly ProfileView[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const p of profiles) {
    const name = p.name.trim().toLowerCase();
    if (seen.has(name)) shared.add(name);
    seen.add(name);
  }
  return shared;
}
