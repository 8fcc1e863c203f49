import { DEFAULT_ALARM_SETTINGS } from '../../../src/shared/alarms';
import type { AppErrorData } from '../../../src/shared/errors';
import type { DownloadView } from '../../../src/shared/download-view';
import type { SettingsView } from '../../../src/shared/settings-view';
import type { SessionView, WallView } from '../../../src/shared/view';
import { tile } from './tile-fixtures';

/** What a failed first read answers. */
export const UNREADABLE: AppErrorData = { code: 'internal', message: 'main could not answer' };

/** A polled wall of the given streams, in main's order. */
export function wallOf(...ids: string[]): WallView {
  const connection = { status: 'online', lastPollAt: 1, lastSuccessAt: 1, offlineSince: null, error: null, requests: 1, bytes: 1 } as const;
  return {
    connection,
    organisations: [{ profileId: 'p1', name: 'Studio', connection, fromCache: false, truncated: false, quantity: 100 }],
    streams: ids.map((id) => tile(id)),
    truncated: false,
    quantity: 100,
    fromCache: false,
  };
}

/** A session with one stored profile, active or not. */
export function sessionWith(active: boolean, demo = false): SessionView {
  return {
    profiles: [{ id: 'p1', name: 'Studio', apiBase: 'https://bintu.example', credentialKind: 'apiKey', hasCredential: true, onWall: active }],
    activeProfileId: active ? 'p1' : null,
    demo,
    keychain: { available: true, message: null },
  };
}

/** The settings a fresh install starts with, changed where given. */
export function settingsWith(over: Partial<SettingsView> = {}): SettingsView {
  return {
    listIntervalS: 5,
    detailsIntervalS: 60,
    quantity: 100,
    cacheMaxMb: 500,
    maxConnectionsPerHost: 6,
    downloadDir: null,
    language: 'system',
    theme: 'system',
    variantTiles: 'group',
    pauseHiddenTiles: false,
    display: { textSize: 'medium', overflow: 'pages', rotateS: 20, rotateInKiosk: true, rotateOnDesk: false },
    slots: [],
    labels: {},
    kiosk: { displayId: null, startInKiosk: false, startAtLogin: false, hideCursorAfterS: 5 },
    layouts: [],
    activeLayout: null,
    wall: { grid: 'auto', filter: { search: '', states: [], tags: [], profiles: [] }, sort: 'slot', heroes: {} },
    alarms: DEFAULT_ALARM_SETTINGS,
    watch: { streamIds: [], tags: [] },
    proxy: { mode: 'system', url: '' },
    updateFeed: '',
    keyWarningDismissed: [],
    wallWindows: [],
    wallProfiles: [],
    organisations: {},
    ...over,
  };
}

/** A download of a recording, started at `createdAt`. */
export function download(id: string, createdAt: number, state: DownloadView['state'] = 'downloading'): DownloadView {
  return {
    id,
    recordingId: `rec-${id}`,
    streamId: 's1',
    fileName: `${id}.mp4`,
    state,
    bytes: 0,
    total: null,
    speedBps: 0,
    etaS: null,
    error: null,
    createdAt,
    finishedAt: null,
  };
}
