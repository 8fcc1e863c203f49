import { randomUUID } from 'node:crypto';
import type { ConnectRequest } from '../../../shared/ipc-contract';
import type { Stream } from '../../../shared/domain';
import type { SessionView, WallView } from '../../../shared/view';
import { checkApiBase } from '../../../shared/api-base';
import { AppError } from '../errors';
import { redactErrorData } from '../redact';
import { DisposableStore, Emitter, type Disposable } from '../lifecycle';
import type { CredentialVault } from '../credential-vault';
import { BintuClient, type BintuCredential } from '../bintu/bintu-client';
import type { Profile } from '../settings/settings';
import type { KnownSecrets } from '../log/logger';
import { cacheKey } from '../cache/wall-cache';
import type { DemoBackend } from './demo-backend';
import { WallConnection, type ConnectionDeps } from './wall-connection';

/** What a session needs; the composition root provides it. */
export interface SessionDeps extends ConnectionDeps {
  vault: CredentialVault;
  startDemo: () => Promise<DemoBackend>;
  /** Every credential the session touches is registered here, so logs can redact it. */
  secrets: KnownSecrets;
}

const DEMO_PROFILE_ID = 'demo';

const EMPTY_WALL: WallView = {
  connection: { status: 'idle', lastPollAt: null, lastSuccessAt: null, offlineSince: null, error: null, requests: 0, bytes: 0 },
  streams: [],
  truncated: false,
  quantity: 0,
  fromCache: false,
};

/**
 * The operator's session: profiles and their credentials, the active connection and its poller,
 * and demo mode. Credentials go from the Connect form to the vault and the bintu client, and
 * nowhere else; views carry only whether one is stored.
 */
export class Session implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly sessionChanges = this.disposables.add(new Emitter<SessionView>());
  private readonly wallChanges = this.disposables.add(new Emitter<WallView>());
  /** Fires when profiles, the active profile or demo mode change. */
  readonly onDidChangeSession = this.sessionChanges.event;
  /** Fires (throttled by the poller) when the wall changes. */
  readonly onDidChangeWall = this.wallChanges.event;

  /** The active profile's connection; replaced whole on every switch. */
  private connection: { wall: WallConnection; listener: Disposable } | null = null;
  private demo: DemoBackend | null = null;

  constructor(private readonly deps: SessionDeps) {}

  /** Reconnects the profile that was active when the app last ran, if its credential is stored. */
  async start(): Promise<void> {
    const { activeProfileId } = this.deps.settings.get();
    const profile = this.profile(activeProfileId);
    const secret = profile ? await this.deps.vault.get(profile.id) : null;
    if (profile && secret) await this.startPolling(profile, { kind: profile.credentialKind, secret });
    // A keychain entry removed outside the app: the view says "no key stored" and the Connect
    // screen asks for it again, with the profile filled in.
    else if (profile) this.deps.log.warn(`no credential stored for profile "${profile.name}": it must be entered again`);
    await this.emitSession();
  }

  /** The page's view of profiles, the active one, demo mode and the keychain. */
  async view(): Promise<SessionView> {
    const stored = await Promise.all(
      this.deps.settings.get().profiles.map(async (p) => ({
        id: p.id,
        name: p.name,
        apiBase: p.apiBase,
        credentialKind: p.credentialKind,
        hasCredential: await this.deps.vault.has(p.id),
      })),
    );
    const demo = this.demo
      ? [{ id: DEMO_PROFILE_ID, name: 'Demo', apiBase: this.demo.apiBase, credentialKind: this.demo.credential.kind, hasCredential: true }]
      : [];
    const status = this.deps.vault.status();
    return {
      profiles: [...demo, ...stored],
      activeProfileId: this.connection?.wall.target.profileId ?? null,
      demo: this.demo !== null,
      keychain: { available: status.persistent, message: status.message },
    };
  }

  /** The current wall (empty until a profile is connected); its error carries no known secret. */
  wall(): WallView {
    const view = this.connection?.wall.view() ?? EMPTY_WALL;
    const error = view.connection.error;
    return error === null ? view : { ...view, connection: { ...view.connection, error: redactErrorData(error, this.deps.secrets.list()) } };
  }

  /**
   * Tests a credential against bintu and, only if bintu accepts it, stores it and connects. With
   * `profileId` it replaces that profile's credential (and name, base, kind); without, it adds a
   * profile, even one named like another: two organisations may well share a name.
   */
  async connect(request: ConnectRequest): Promise<SessionView> {
    const base = checkApiBase(request.apiBase);
    if (!base.ok) throw new AppError('insecure-api-base', base.message);
    const existing = request.profileId === undefined ? undefined : this.profile(request.profileId);
    if (request.profileId !== undefined && !existing) {
      throw new AppError('not-found', 'That profile no longer exists. Add it again as a new profile.');
    }
    this.deps.secrets.add(request.secret);
    const credential: BintuCredential = { kind: request.credentialKind, secret: request.secret };
    await new BintuClient({ apiBase: base.url, credential, http: this.deps.http }).check();
    const profile: Profile = { id: existing?.id ?? randomUUID(), name: request.name, apiBase: base.url, credentialKind: request.credentialKind };
    await this.deps.vault.set(profile.id, request.secret);
    this.deps.settings.update((s) => ({
      ...s,
      // A replaced profile keeps its place in the list; a new one goes last.
      profiles: existing ? s.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...s.profiles, profile],
      activeProfileId: profile.id,
    }));
    await this.closeDemo();
    await this.startPolling(profile, credential);
    return this.emitSession();
  }

  /** Switches to a stored profile. */
  async activate(profileId: string): Promise<SessionView> {
    const profile = this.profile(profileId);
    if (!profile) throw new AppError('not-found', 'That profile no longer exists.');
    const secret = await this.deps.vault.get(profile.id);
    if (!secret) throw new AppError('credential-missing', `No credential is stored for "${profile.name}". Enter it again on the Connect screen.`);
    this.deps.settings.update((s) => ({ ...s, activeProfileId: profile.id }));
    await this.closeDemo();
    await this.startPolling(profile, { kind: profile.credentialKind, secret });
    return this.emitSession();
  }

  /** Removes a profile and its credential from the keychain. */
  async remove(profileId: string): Promise<SessionView> {
    if (profileId === DEMO_PROFILE_ID) return this.stopDemo();
    await this.deps.vault.delete(profileId);
    const wasActive = this.deps.settings.get().activeProfileId === profileId;
    this.deps.settings.update((s) => ({
      ...s,
      profiles: s.profiles.filter((p) => p.id !== profileId),
      activeProfileId: wasActive ? null : s.activeProfileId,
      keyWarningDismissed: s.keyWarningDismissed.filter((id) => id !== profileId),
    }));
    if (this.connection?.wall.target.profileId === profileId) this.stopPolling();
    return this.emitSession();
  }

  /** Starts the built-in simulator and watches it; nothing about the demo is stored. */
  async startDemo(): Promise<SessionView> {
    if (!this.demo) {
      this.stopPolling();
      this.demo = await this.deps.startDemo();
      await this.startPolling({ id: DEMO_PROFILE_ID, name: 'Demo', apiBase: this.demo.apiBase }, this.demo.credential);
    }
    return this.emitSession();
  }

  /** Leaves demo mode: stops the simulator and returns to the stored profile, if any. */
  async stopDemo(): Promise<SessionView> {
    if (this.demo) {
      await this.closeDemo();
      await this.start();
    }
    return this.emitSession();
  }

  /** The API base of the wall on screen: its URL rules apply to what its streams name. */
  apiBase(): string | null {
    return this.connection?.wall.target.apiBase ?? null;
  }

  /** The streams on the wall now: what ids from the page are resolved against. */
  streams(): readonly Stream[] {
    return this.connection?.wall.streams() ?? [];
  }

  /**
   * The replay page of a stream (a given quality, or the first that has one), once it passed the
   * URL rules of the wall's API base: https, and no private or loopback address unless the API
   * base is one too.
   */
  async replayUrl(streamId: string, variantId?: string): Promise<string> {
    const stream = this.streams().find((s) => s.id === streamId);
    if (!stream) throw new AppError('not-found', 'That stream is not on the wall any more.');
    const variant = stream.variants.find((v) => v.replay && (variantId === undefined || v.id === variantId));
    if (!variant?.replay) throw new AppError('not-found', 'This stream has no replay: Live Processing replay is off for it.');
    await this.connection?.wall.rules.checkResolved(variant.replay.url, 'replay');
    return variant.replay.url;
  }

  /** Which tiles are on screen; pictures of the others pause only when the operator chose so. */
  setVisible(streamIds: readonly string[]): void {
    this.connection?.wall.setVisible(streamIds);
  }

  /** Polls the list now. */
  refresh(): void {
    this.connection?.wall.refresh();
  }

  /** Stops polling, writes the last wall snapshot and closes the demo; resolves when done. */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    connection?.listener.dispose();
    await Promise.all([connection?.wall.close(), this.closeDemo()]);
  }

  dispose(): void {
    this.stopPolling();
    void this.demo?.close();
    this.demo = null;
    this.disposables.dispose();
  }

  private profile(id: string | null): Profile | undefined {
    return id === null ? undefined : this.deps.settings.get().profiles.find((p) => p.id === id);
  }

  private async startPolling(profile: Pick<Profile, 'id' | 'name' | 'apiBase'>, credential: BintuCredential): Promise<void> {
    const { id: profileId, apiBase, name } = profile;
    this.stopPolling();
    this.deps.secrets.add(credential.secret);
    const demo = profileId === DEMO_PROFILE_ID;
    this.deps.log.info(`polling ${apiBase} (${demo ? 'demo' : 'profile'})`);
    // The demo's simulator gets new ports every start: its pictures are not worth keeping.
    const wall = new WallConnection({ profileId, name, apiBase, credential, cacheKey: demo ? null : cacheKey(profileId, apiBase) }, this.deps);
    const listener = wall.onDidChange(() => this.wallChanges.fire(this.wall()));
    this.connection = { wall, listener };
    await wall.start();
    if (this.connection?.wall === wall) this.wallChanges.fire(this.wall());
  }

  private stopPolling(): void {
    if (!this.connection) return;
    this.connection.listener.dispose();
    this.connection.wall.dispose();
    this.connection = null;
    this.wallChanges.fire(this.wall());
  }

  private async closeDemo(): Promise<void> {
    if (!this.demo) return;
    const demo = this.demo;
    this.demo = null;
    if (this.connection?.wall.target.profileId === DEMO_PROFILE_ID) this.stopPolling();
    await demo.close();
  }

  private async emitSession(): Promise<SessionView> {
    const view = await this.view();
    this.sessionChanges.fire(view);
    return view;
  }
}
