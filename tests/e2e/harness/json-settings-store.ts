import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings, SettingsStore } from '../../../src/main/core/settings/settings';

/** electron-store's file format (`{ "settings": ... }` in settings.json), without Electron. */
export function jsonSettingsStore(userDataDir: string): SettingsStore {
  const file = join(userDataDir, 'settings.json');
  return {
    read() {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { settings?: unknown }).settings;
      } catch {
        return undefined;
      }
    },
    write(settings: Settings) {
      writeFileSync(`${file}.tmp`, JSON.stringify({ settings }, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
}
