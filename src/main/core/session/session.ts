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
import { mergeWalls } from './merge-walls';
import { wallProfiles } from './wall-profiles';
import type { HostGate } from '../poller/host-gate';
import { splitWallKey } from '../../../shared/wall-key';

/** What a session needs; the composition root provides it. */
export interface SessionDeps extends ConnectionDeps {
  /** One Retry-After gate for every connection: organisations on one host back off together. */
  gate: HostGate;
  vault: CredentialVault;
  startDemo: () => Promise<DemoBackend>;
  /** Every credential the session touches is registered here, so logs can redact it. */
  secrets: KnownSecrets;
}

const DEMO_PROFILE_ID = 'demo';

/** A profile the wall should show, as far as the settings say. */
type WallProfile = Pick<Profile, 'id' | 'name' | 'apiBase'> & { credentialKind: Profile['credentialKind'] };

/**
 * The operator's session: profiles and their credentials, the connections of the profiles on the
 * wall (the active one and any switched on beside it, each with its own poller, backoff, alarms
 * and offline cache, sharing the one HTTP client and so each host's connection cap and
 * Retry-After), and demo mode. Credentials go from the Connect form to the vault and the bintu
 * client, and nowhere else; views carry only whether one is stored.
 */
export class Session implements Disposable {
  private readonly disposables = new DisposableStore();
  private readonly sessionChanges = this.disposables.add(new Emitter<SessionView>());
  private readonly wallChanges = this.disposables.add(new Emitter<WallView>());
  /** Fires when profiles, the active profile or demo mode change. */
  readonly onDidChangeSession = this.sessionChanges.event;
  /** Fires (throttled by each poller) when the wall changes. */
  readonly onDidChangeWall = this.wallChanges.event;

  /** One connection per profile on the wall, in the order they joined it; each made and dropped whole. */
  private readonly connections = new Map<string, { wall: WallConnection; listener: Disposable }>();
  private demo: DemoBackend | null = null;
  /** Syncs run one after another, so two quick changes never open one profile twice. */
  private syncing: Promise<void> = Promise.resolve();
  private following = false;
  /** Closing or disposed: no connection opens any more, whatever the settings say. */
  private closed = false;

  constructor(private readonly deps: SessionDeps) {}

  /**
   * Connects the profiles that were on the wall when the app last ran (those whose credential is
   * stored), then follows the settings: switching a profile on or off the wall opens or drops
   * its connection alone.
   */
  async start(): Promise<void> {
    await this.sync();
    if (!this.following) {
      this.following = true;
      this.disposables.add(
        this.deps.settings.watch((s) => this.wanted(s.profiles, s.activeProfileId, s.wallProfiles).map((p) => p.id), () => {
          this.sync().then(
            () => this.emitSession(),
            (error: unknown) => this.deps.log.error('could not update the organisations on the wall', error),
          );
        }, { initial: false }),
      );
    }
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
        onWall: this.connections.has(p.id),
      })),
    );
    const demo = this.demo
      ? [{ id: DEMO_PROFILE_ID, name: 'Demo', apiBase: this.demo.apiBase, credentialKind: this.demo.credential.kind, hasCredential: true, onWall: true }]
      : [];
    const status = this.deps.vault.status();
    const active = this.demo ? DEMO_PROFILE_ID : this.deps.settings.get().activeProfileId;
    return {
      profiles: [...demo, ...stored],
      activeProfileId: active !== null && this.connections.has(active) ? active : null,
      demo: this.demo !== null,
      keychain: { available: status.persistent, message: status.message },
    };
  }

  /** The wall of every connected organisation (empty until one is); its errors carry no known secret. */
  wall(): WallView {
    const view = mergeWalls([...this.connections.values()].map((c) => c.wall.view()));
    const secrets = this.deps.secrets.list();
    const clean = <T extends { connection: WallView['connection'] }>(item: T): T =>
      item.connection.error === null ? item : { ...item, connection: { ...item.connection, error: redactErrorData(item.connection.error, secrets) } };
    return { ...clean(view), organisations: view.organisations.map(clean) };
  }

  /**
   * Tests a credential against bintu and, only if bintu accepts it, stores it and makes its
   * profile the active one (see `withActive`). With `profileId` it replaces that profile's
   * credential (and name, base, kind); without, it adds a profile, even one named like another:
   * two organisations may well share a name. Other profiles on the wall stay connected; a
   * profile connected again (a new credential) gets a fresh connection.
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
    await this.closeDemo();
    this.drop(profile.id);
    // A replaced profile keeps its place in the list; a new one goes last.
    this.deps.settings.update((s) => ({ ...withActive(s, profile.id), profiles: existing ? s.profiles.map((p) => (p.id === profile.id ? profile : p)) : [...s.profiles, profile] }));
    await this.sync();
    return this.emitSession();
  }

  /** Makes a stored profile the active one (see `withActive`). */
  async activate(profileId: string): Promise<SessionView> {
    const profile = this.profile(profileId);
    if (!profile) throw new AppError('not-found', 'That profile no longer exists.');
    if (!(await this.deps.vault.has(profile.id))) {
      throw new AppError('credential-missing', `No credential is stored for "${profile.name}". Enter it again on the Connect screen.`);
    }
    await this.closeDemo();
    this.deps.settings.update((s) => withActive(s, profile.id));
    await this.sync();
    return this.emitSession();
  }

  /**
   * Removes a profile, its credential from the keychain and its connection; the other
   * organisations on the wall go on. Its labels and watched streams go with it; slots and saved
   * layouts keep their places, so nobody else's tile moves.
   */
  async remove(profileId: string): Promise<SessionView> {
    if (profileId === DEMO_PROFILE_ID) return this.stopDemo();
    await this.deps.vault.delete(profileId);
    this.drop(profileId);
    const own = (key: string): boolean => splitWallKey(key)?.profileId === profileId;
    this.deps.settings.update((s) => {
      const wallProfiles = s.wallProfiles.filter((id) => id !== profileId);
      const wasActive = s.activeProfileId === profileId;
      const { [profileId]: _look, ...organisations } = s.organisations;
      return {
        ...s,
        profiles: s.profiles.filter((p) => p.id !== profileId),
        // Another organisation on the wall takes over as the active one.
        activeProfileId: wasActive ? (wallProfiles[0] ?? null) : s.activeProfileId,
        wallProfiles: wasActive ? wallProfiles.slice(1) : wallProfiles,
        organisations,
        keyWarningDismissed: s.keyWarningDismissed.filter((id) => id !== profileId),
        labels: Object.fromEntries(Object.entries(s.labels).filter(([key]) => !own(key))),
        watch: { ...s.watch, streamIds: s.watch.streamIds.filter((key) => !own(key)) },
      };
    });
    await this.sync();
    return this.emitSession();
  }

  /** Starts the built-in simulator and watches it alone; nothing about the demo is stored. */
  async startDemo(): Promise<SessionView> {
    if (!this.demo) {
      this.demo = await this.deps.startDemo();
      await this.sync();
    }
    return this.emitSession();
  }

  /** Leaves demo mode: stops the simulator and returns to the stored profiles on the wall, if any. */
  async stopDemo(): Promise<SessionView> {
    if (this.demo) {
      await this.closeDemo();
      await this.sync();
    }
    return this.emitSession();
  }

  /** A stream on the wall by its wall key, with the API base of its organisation (whose URL rules apply). */
  stream(key: string): { stream: Stream; apiBase: string } | null {
    const found = this.connectionOf(key);
    const stream = found?.wall.streams().find((s) => s.id === found.streamId);
    return found && stream ? { stream, apiBase: found.wall.target.apiBase } : null;
  }

  /**
   * The replay page of a stream (a given quality, or the first that has one), once it passed the
   * URL rules of its organisation's API base: https, and no private or loopback address unless
   * the API base is one too.
   */
  async replayUrl(key: string, variantId?: string): Promise<string> {
    const found = this.connectionOf(key);
    const stream = found?.wall.streams().find((s) => s.id === found.streamId);
    if (!found || !stream) throw new AppError('not-found', 'That stream is not on the wall any more.');
    const variant = stream.variants.find((v) => v.replay && (variantId === undefined || v.id === variantId));
    if (!variant?.replay) throw new AppError('not-found', 'This stream has no replay: Live Processing replay is off for it.');
    await found.wall.rules.checkResolved(variant.replay.url, 'replay');
    return variant.replay.url;
  }

  /** Which tiles (wall keys) are on screen; pictures of the others pause only when the operator chose so. */
  setVisible(keys: readonly string[]): void {
    const byProfile = new Map<string, string[]>();
    for (const key of keys) {
      const split = splitWallKey(key);
      if (split) byProfile.set(split.profileId, [...(byProfile.get(split.profileId) ?? []), split.streamId]);
    }
    for (const [profileId, { wall }] of this.connections) wall.setVisible(byProfile.get(profileId) ?? []);
  }

  /** Polls every organisation's list now. */
  refresh(): void {
    for (const { wall } of this.connections.values()) wall.refresh();
  }

  /** Stops polling, writes every last wall snapshot and closes the demo; resolves when done. */
  async close(): Promise<void> {
    this.closed = true;
    const connections = [...this.connections.values()];
    this.connections.clear();
    for (const c of connections) c.listener.dispose();
    await Promise.all([...connections.map((c) => c.wall.close()), this.closeDemo()]);
  }

  dispose(): void {
    this.closed = true;
    for (const id of [...this.connections.keys()]) this.drop(id);
    void this.demo?.close();
    this.demo = null;
    this.disposables.dispose();
  }

  private profile(id: string | null): Profile | undefined {
    return id === null ? undefined : this.deps.settings.get().profiles.find((p) => p.id === id);
  }

  private connectionOf(key: string): { wall: WallConnection; streamId: string } | null {
    const split = splitWallKey(key);
    const connection = split ? this.connections.get(split.profileId) : undefined;
    return split && connection ? { wall: connection.wall, streamId: split.streamId } : null;
  }

  /** The stored profiles the settings put on the wall: the active one first, then the others in order. */
  private wanted(profiles: readonly Profile[], activeProfileId: string | null, others: readonly string[]): Profile[] {
    return wallProfiles({ profiles, activeProfileId, wallProfiles: others });
  }

  /** Brings the connections in line with the settings (or the demo), one sync at a time. */
  private sync(): Promise<void> {
    const run = this.syncing.then(() => this.applySync());
    this.syncing = run.catch(() => undefined);
    return run;
  }

  /**
   * Drops the connections of profiles that left the wall and opens those of profiles that
   * joined it; a connection that stays is not touched. A profile whose credential is missing
   * from the keychain is left off (its profile says so), and the others go on.
   */
  private async applySync(): Promise<void> {
    if (this.closed) return;
    const settings = this.deps.settings.get();
    const wanted: WallProfile[] = this.demo
      ? [{ id: DEMO_PROFILE_ID, name: 'Demo', apiBase: this.demo.apiBase, credentialKind: this.demo.credential.kind }]
      : this.wanted(settings.profiles, settings.activeProfileId, settings.wallProfiles);
    for (const id of [...this.connections.keys()]) if (!wanted.some((p) => p.id === id)) this.drop(id);
    const opening: Promise<void>[] = [];
    for (const profile of wanted) {
      if (this.connections.has(profile.id)) continue;
      const secret = profile.id === DEMO_PROFILE_ID ? (this.demo?.credential.secret ?? null) : await this.deps.vault.get(profile.id);
      if (!secret) {
        this.deps.log.warn(`no credential stored for a profile on the wall; it stays off until one is entered`);
        continue;
      }
      // The keychain answered after a quit began: nothing opens.
      if (this.closed) return;
      opening.push(this.open(profile, { kind: profile.credentialKind, secret }));
    }
    await Promise.all(opening);
  }

  private async open(profile: WallProfile, credential: BintuCredential): Promise<void> {
    const { id: profileId, apiBase, name } = profile;
    this.deps.secrets.add(credential.secret);
    const demo = profileId === DEMO_PROFILE_ID;
    this.deps.log.info(`polling ${apiBase} (${demo ? 'demo' : 'profile'})`);
    // The demo's simulator gets new ports every start: its pictures are not worth keeping.
    const wall = new WallConnection({ profileId, name, apiBase, credential, cacheKey: demo ? null : cacheKey(profileId, apiBase) }, this.deps);
    const listener = wall.onDidChange(() => this.wallChanges.fire(this.wall()));
    this.connections.set(profileId, { wall, listener });
    this.wallChanges.fire(this.wall());
    await wall.start();
    if (this.connections.get(profileId)?.wall === wall) this.wallChanges.fire(this.wall());
  }

  private drop(profileId: string): void {
    const connection = this.connections.get(profileId);
    if (!connection) return;
    this.connections.delete(profileId);
    connection.listener.dispose();
    connection.wall.dispose();
    this.wallChanges.fire(this.wall());
  }

  private async closeDemo(): Promise<void> {
    if (!this.demo) return;
    const demo = this.demo;
    this.demo = null;
    this.drop(DEMO_PROFILE_ID);
    await demo.close();
  }

  private async emitSession(): Promise<SessionView> {
    const view = await this.view();
    this.sessionChanges.fire(view);
    return view;
  }
}

/**
 * Settings with another profile active. With one profile on the wall (no others switched on) it
 * takes the previous one's place, as it always did; on a wall of several the previous active
 * profile stays on beside it, so adding an organisation never takes another off the wall.
 */
function withActive<T extends { activeProfileId: string | null; wallProfiles: string[] }>(settings: T, profileId: string): T {
  const previous = settings.activeProfileId;
  const others = settings.wallProfiles.filter((id) => id !== profileId);
  const keep = settings.wallProfiles.length > 0 && previous !== null && previous !== profileId && !others.includes(previous);
  return { ...settings, activeProfileId: profileId, wallProfiles: keep ? [...others, previous] : others };
}
