import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { commands, type CommandChannel, type CommandRequest, type CommandResponse, type EventChannel } from '../../../src/shared/ipc-contract';
import { composeApp, type ComposedApp } from '../../../src/main/compose';
import { MemoryVault } from '../../../src/main/core/credential-vault';
import { MemorySettingsStore } from '../../../src/main/core/settings/settings';
import type { DemoBackend } from '../../../src/main/core/session/demo-backend';
import { startDemoBackend } from '../../../src/main/demo';
import { RecordingDesktop } from '../../support/recording-desktop';

/** One event as the app fired it, copied at that moment (later events may reuse objects). */
export interface SeenEvent {
  channel: EventChannel;
  payload: unknown;
}

/** The real core on the demo simulator, with every event it fires and every command it was asked. */
export interface LiveCore {
  app: ComposedApp;
  desktop: RecordingDesktop;
  dir: string;
  /** The demo simulator's address and credential, to connect a stored profile to it as well. */
  demo(): DemoBackend;
  seen: SeenEvent[];
  called: Set<CommandChannel>;
  /** Invokes a command through the dispatcher, as the page would; fails unless it answers ok with only what the contract declares. */
  call<C extends CommandChannel>(channel: C, ...request: CommandRequest<C> extends undefined ? [] : [CommandRequest<C>]): Promise<CommandResponse<C>>;
  close(): Promise<void>;
}

/**
 * Composes the app as `index.ts` and the end-to-end harness do, with an in-memory vault and
 * settings and a recording desktop. The demo's simulator outlives a demo stop, so a profile can
 * then be connected to it; it closes with `close()`.
 */
export async function startLiveCore(): Promise<LiveCore> {
  const dir = await mkdtemp(join(tmpdir(), 'wall-contract-'));
  const desktop = new RecordingDesktop();
  let backend: DemoBackend | null = null;
  const app = composeApp({
    userDataDir: join(dir, 'user-data'),
    vault: new MemoryVault(null),
    settingsStore: new MemorySettingsStore(),
    assetSrc: (name) => `wall-asset://cache/${name}`,
    desktop,
    defaultDownloadDir: join(dir, 'Downloads'),
    async startDemo() {
      backend ??= await startDemoBackend();
      return { ...backend, close: async () => undefined };
    },
  });
  const seen: SeenEvent[] = [];
  const subscription = app.onEvent((channel, payload) => seen.push({ channel, payload: structuredClone(payload) }));
  const called = new Set<CommandChannel>();
  await app.start();
  return {
    app,
    desktop,
    dir,
    seen,
    called,
    demo() {
      if (!backend) throw new Error('The demo has not been started.');
      return backend;
    },
    async call(channel, ...request) {
      called.add(channel);
      const result = await app.dispatch(channel, request[0]);
      if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
      expect(unexpectedKeys(channel, commands[channel].response, result.value), channel).toEqual([]);
      return result.value as CommandResponse<typeof channel>;
    },
    async close() {
      subscription.dispose();
      app.dispose();
      await app.downloads.flushed();
      await backend?.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

/** Parses what a channel sent with its schema; answers the keys it carried that the schema does not declare. */
export function unexpectedKeys(channel: CommandChannel | EventChannel, schema: z.ZodType, sent: unknown): string[] {
  return undeclaredKeys(schema.parse(sent), sent);
}

/**
 * Paths (array positions as `[]`) of keys in `sent` that parsing dropped: what crossed the bridge
 * without the contract saying so, such as a URL or a folder in a download view.
 */
function undeclaredKeys(parsed: unknown, sent: unknown, path = ''): string[] {
  if (typeof sent !== 'object' || sent === null || typeof parsed !== 'object' || parsed === null) return [];
  const found = new Set<string>();
  for (const [key, value] of Object.entries(sent)) {
    const at = Array.isArray(sent) ? `${path}[]` : path === '' ? key : `${path}.${key}`;
    if (!Array.isArray(sent) && !(key in parsed)) found.add(at);
    else for (const deeper of undeclaredKeys((parsed as Record<string, unknown>)[key], value, at)) found.add(deeper);
  }
  return [...found].sort();
}
