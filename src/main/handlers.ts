import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandHandlers } from './core/dispatch';
import type { DesktopPort } from './core/desktop-port';
import type { Session } from './core/session/session';
import { toSettingsView, type SettingsService } from './core/settings/settings';
import { applySettingsPatch, changedPinnedFields, LABELS } from './core/settings/settings-update';
import type { DownloadManager } from './core/downloads/download-manager';
import type { DownloadRecord } from './core/downloads/download-types';
import { resolveRecording } from './core/downloads/resolve-recording';
import { AppError } from './core/errors';
import type { KnownSecrets } from './core/log/logger';
import { redactErrorData } from './core/redact';
import type { DownloadView } from '../shared/download-view';
import { checkApiBase } from '../shared/api-base';
import type { AlarmCenter } from './core/alarms/alarm-center';
import type { KioskPin } from './core/kiosk/kiosk-pin';
import type { WallWindows } from './core/windows/wall-windows';
import type { Settings } from './core/settings/settings';
import type { ProxySignInStore } from './core/http/proxy-sign-in';
import { diagnosticsFileName } from './core/diagnostics/diagnostics';
import type { UpdateService } from './core/updates/update-service';

/** What the command handlers work on. */
export interface HandlerDeps {
  session: Session;
  settings: SettingsService;
  downloads: DownloadManager;
  alarms: AlarmCenter;
  kioskPin: KioskPin;
  proxySignIn: ProxySignInStore;
  wallWindows: WallWindows;
  updates: UpdateService;
  desktop: DesktopPort;
  defaultDownloadDir: string;
  /** Writes the diagnostics archive to a file the operator chose. */
  saveDiagnostics: (path: string) => Promise<void>;
  /** Secrets removed from any download error the page is sent. */
  secrets?: KnownSecrets;
}

/** A download as the page sees it: no URL, no folder. */
export function toDownloadView(record: DownloadRecord): DownloadView {
  const { url: _url, folder: _folder, ...view } = record;
  return view;
}

/** Every command of the contract, implemented on the core. The page names things by id only. */
export function createHandlers({ session, settings, downloads, alarms, kioskPin, proxySignIn, wallWindows, updates, desktop, defaultDownloadDir, saveDiagnostics, secrets }: HandlerDeps): CommandHandlers {
  const proxyState = async () => ({ signInStored: await proxySignIn.has() });
  const kioskLock = async () => ({ pinSet: await kioskPin.isSet(), lockedUntil: kioskPin.lockedUntilAt() });
  const view = (record: DownloadRecord): DownloadView => {
    const shown = toDownloadView(record);
    return shown.error === null || !secrets ? shown : { ...shown, error: redactErrorData(shown.error, secrets.list()) };
  };
  const download = (id: string): DownloadRecord => {
    const record = downloads.list().find((d) => d.id === id);
    if (!record) throw new AppError('not-found', 'That download is no longer in the list.');
    return record;
  };
  return {
    'session:get': () => session.view(),
    'profile:connect': (request) => {
      const pinnedBase = settings.policy.policy.apiBase;
      if (pinnedBase !== undefined && baseUrl(request.apiBase) !== baseUrl(pinnedBase)) {
        throw new AppError('policy-managed', `Your organisation allows only the API base ${pinnedBase} on this workstation.`);
      }
      return session.connect(request);
    },
    'profile:activate': ({ profileId }) => session.activate(profileId),
    'profile:remove': ({ profileId }) => session.remove(profileId),
    'demo:start': () => {
      if (settings.policy.policy.disableDemo === true) throw new AppError('policy-managed', 'Your organisation has turned the demo off on this workstation.');
      return session.startDemo();
    },
    'demo:stop': () => session.stopDemo(),
    'wall:get': async () => session.wall(),
    'wall:refresh': async () => {
      session.refresh();
      return null;
    },
    'wall:set-visible': async ({ streamIds }) => {
      session.setVisible(streamIds);
      return null;
    },
    'replay:open': async ({ streamId, variantId }) => {
      desktop.openReplay(streamId, await session.replayUrl(streamId, variantId));
      return null;
    },
    'downloads:list': async () => downloads.list().map(view),
    'downloads:start': async ({ streamId, recordingId }) => {
      // The page names the stream by wall key; its organisation's streams are the ones to search.
      const found = session.stream(streamId);
      const recording = resolveRecording(found ? [found.stream] : [], found?.stream.id ?? streamId, recordingId);
      const folder = settings.get().downloadDir ?? defaultDownloadDir;
      await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        throw new AppError('permission-denied', `Cannot create the download folder ${folder} (${error.code ?? 'error'}). Choose another folder in Settings.`);
      });
      return view(await downloads.enqueue({ recording, streamId, folder, ...(found && { apiBase: found.apiBase }) }));
    },
    'downloads:cancel': async ({ downloadId }) => {
      await downloads.cancel(download(downloadId).id);
      return null;
    },
    'downloads:retry': async ({ downloadId }) => {
      await downloads.retry(download(downloadId).id);
      return null;
    },
    'downloads:reveal': async ({ downloadId }) => {
      const record = download(downloadId);
      desktop.revealFile(record.state === 'done' ? join(record.folder, record.fileName) : record.folder);
      return null;
    },
    'settings:get': async () => toSettingsView(settings.get()),
    'settings:update': async (patch) => {
      settings.refusePinned(changedPinnedFields(settings.get(), patch, settings.pinned()), (field) => LABELS[field] ?? field);
      return toSettingsView(settings.update((current) => applySettingsPatch(current, patch)));
    },
    'settings:choose-download-dir': async () => {
      const chosen = await desktop.chooseFolder(settings.get().downloadDir ?? defaultDownloadDir);
      if (chosen) settings.update((s) => ({ ...s, downloadDir: chosen }));
      return toSettingsView(settings.get());
    },
    'displays:list': async () => desktop.displays(),
    'login-item:get': async () => desktop.loginItem(),
    'window:get': async () => desktop.windowState(),
    'window:set-fullscreen': async ({ on }) => {
      desktop.setFullscreen(on);
      return null;
    },
    'window:set-kiosk': async ({ on }) => {
      // A PIN-locked kiosk is left only through `kiosk:leave`, never by asking for "off".
      if (!on && desktop.windowState().kiosk && (await kioskPin.isSet())) throw new AppError('pin-required', 'Enter the kiosk PIN to leave kiosk.');
      desktop.setKiosk(on);
      return null;
    },
    'window:open-wall': async (request) => wallWindows.open(request),
    'window:close-wall': async ({ id }) => {
      wallWindows.close(id);
      return null;
    },
    'window:set-wall-layout': async ({ id, layout }) => {
      wallWindows.setLayout(id, layout);
      return toSettingsView(settings.get());
    },
    'kiosk:get': kioskLock,
    'kiosk:set-pin': async ({ pin, current }) => ({ check: await kioskPin.set(pin, current), lock: await kioskLock() }),
    'kiosk:leave': async ({ pin }) => {
      const check = await kioskPin.check(pin ?? '');
      if (check.outcome === 'ok') desktop.setKiosk(false);
      return check;
    },
    'clipboard:copy': async ({ text }) => {
      desktop.copyText(text);
      return null;
    },
    'alarms:get': async () => alarms.state(),
    'alarms:acknowledge': async ({ id }) => {
      alarms.acknowledge(id);
      return null;
    },
    'alarms:acknowledge-all': async () => {
      alarms.acknowledgeAll();
      return null;
    },
    'alarms:snooze': async (request) => {
      alarms.snooze(request);
      return null;
    },
    'alarms:unsnooze': async ({ streamId }) => {
      alarms.unsnooze(streamId);
      return null;
    },
    'alarms:dismiss': async ({ streamId }) => {
      alarms.dismiss(streamId);
      return null;
    },
    'alarms:history': ({ sinceHours }) => alarms.history(sinceHours),
    'alarms:export-csv': async ({ sinceHours }) => ({ path: await alarms.exportCsv(sinceHours) }),
    'watch:set': async (request) => toSettingsView(settings.update((current) => ({ ...current, watch: toggled(current.watch, request) }))),
    'proxy:get': () => proxyState(),
    'policy:get': async () => ({
      managed: settings.pinned(),
      apiBase: settings.policy.policy.apiBase ?? null,
      demoDisabled: settings.policy.policy.disableDemo === true,
      problems: settings.policy.problems,
    }),
    'proxy:set-sign-in': async (signIn) => {
      await proxySignIn.set(signIn);
      return proxyState();
    },
    'proxy:clear-sign-in': async () => {
      await proxySignIn.clear();
      return proxyState();
    },
    'diagnostics:save': async () => {
      const path = await desktop.chooseSaveFile(diagnosticsFileName(Date.now()), { name: 'Diagnostics archive (.tar.gz)', extensions: ['gz'] });
      if (!path) return { path: null };
      await saveDiagnostics(path);
      return { path };
    },
    'updates:get': async () => updates.view(),
    'updates:check': () => updates.check(),
    'updates:restart': async () => {
      updates.restartNow();
      return null;
    },
  };
}

/** The watch list with one stream or tag added or removed. */
function toggled(list: Settings['watch'], request: { streamId: string; watched: boolean } | { tag: string; watched: boolean }): Settings['watch'] {
  const flip = (items: string[], item: string): string[] => (request.watched ? [...new Set([...items, item])] : items.filter((x) => x !== item));
  return 'streamId' in request ? { ...list, streamIds: flip(list.streamIds, request.streamId) } : { ...list, tags: flip(list.tags, request.tag) };
}

/** An API base as checked and normalised, for comparing two; null when it is not valid. */
function baseUrl(text: string): string | null {
  const checked = checkApiBase(text);
  return checked.ok ? checked.url : null;
}
