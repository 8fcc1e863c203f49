import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AlarmCenter } from '../core/alarms/alarm-center';
import { AssetStore } from '../core/assets/asset-store';
import { cacheKey, WallCache } from '../core/cache/wall-cache';
import type { HttpClient } from '../core/http/http-client';
import { MemorySettingsStore, SettingsService } from '../core/settings/settings';
import { WallConnection } from '../core/session/wall-connection';
import { formatEventLine } from './alarm-format';
import { alarmLogFolder } from './alarms';
import { storedSettings, userDataDir, type CliConnection } from './config';
import { HeadlessDesktop, stderrLogger } from './headless';

/** What the `watch` command needs from the CLI's composition. */
export interface WatchCommandContext {
  connection: CliConnection;
  http: HttpClient;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Resolves with the signal's name when the command should stop (SIGINT, SIGTERM). */
  stop: Promise<string>;
  env?: NodeJS.ProcessEnv;
}

/** Usage lines of the command, for the CLI's help text. */
export const WATCH_USAGE = `  watch [--json]
          Poll bintu and detect alarms as the app does, without a window; print each alarm event
          as it happens (--json: one JSON object per line) and append it to the alarm log.
          Thresholds, watched streams and poll timings come from the app's settings file.
          Stops on SIGINT or SIGTERM (exit code 0).`;

/**
 * `npm run cli -- watch`: the app's own connection (poller, detector, alarm center with the log
 * and the webhook) in a process without a window. Status lines go to stderr, so stdout carries
 * events only.
 */
export async function runWatchCommand(args: string[], ctx: WatchCommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const env = ctx.env ?? process.env;
  const { connection: target } = ctx;
  const settings = new SettingsService(new MemorySettingsStore(storedSettings(env)));
  const log = stderrLogger(ctx.err, [target.credential.secret]);
  const cacheDir = join(userDataDir(env), 'cache');
  const store = new AssetStore(cacheDir);
  const center = new AlarmCenter({ folder: alarmLogFolder(env), http: ctx.http, settings, desktop: new HeadlessDesktop(), log });
  const wall = new WallConnection(
    // A snapshot key of its own: the app's wall of the same profile is never overwritten, and
    // the app's cache clean-up keeps the pictures this snapshot shows (alarm evidence among them).
    { profileId: target.profileId, apiBase: target.apiBase, credential: target.credential, cacheKey: cacheKey(`${target.profileId}:watch`, target.apiBase), name: target.name },
    { settings, http: ctx.http, store, cache: new WallCache(cacheDir, store), assetSrc: (name) => name, log, alarms: center },
  );
  let count = 0;
  const events = center.onDidEvent((event) => {
    count++;
    ctx.out(values.json ? JSON.stringify(event) : formatEventLine(event));
  });
  try {
    await wall.start();
    ctx.err(`watching bintu at ${target.apiBase} with the credential from ${target.source}; alarm log in ${alarmLogFolder(env)}`);
    const signal = await ctx.stop;
    await wall.close();
    events.dispose();
    // Every event seen is on disk before the process leaves.
    await center.close();
    ctx.err(`stopped on ${signal}: ${count} event(s)`);
    return 0;
  } finally {
    events.dispose();
    wall.dispose();
    center.dispose();
  }
}
