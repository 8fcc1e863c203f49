import type { DesktopPort } from '../core/desktop-port';
import type { Logger } from '../core/log/logger';
import type { Session } from '../core/session/session';

/** What a start's command line asks of the wall: `--kiosk`, `--display N` (1-based), `--profile NAME`. */
export interface LaunchArgs {
  kiosk: boolean;
  display: number | null;
  profile: string | null;
  /** Switches of the app's own given wrongly, in plain words; they are ignored. */
  problems: string[];
}

/** Reads the app's own switches from a command line; Electron's, Chromium's and the app path pass by. */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const args: LaunchArgs = { kiosk: false, display: null, profile: null, problems: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (name === '--kiosk') args.kiosk = true;
    if (name !== '--display' && name !== '--profile') continue;
    const value = inline ?? (argv[index + 1]?.startsWith('--') ? undefined : argv[(index += 1)]);
    if (name === '--profile') {
      if (value?.trim()) args.profile = value.trim();
      else args.problems.push('--profile needs the name of a profile');
    } else if (value !== undefined && /^[1-9]\d*$/.test(value)) args.display = Number(value);
    else args.problems.push(`--display needs a display number from 1 (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
  }
  if (args.display !== null && !args.kiosk) args.problems.push('--display chooses the kiosk display: it needs --kiosk as well');
  return args;
}

/**
 * The command line a second start handed over. Chromium may reorder `argv` and add switches to
 * it, so the exact list the second start put into the lock's additional data is preferred.
 */
export function handedOverArgs(argv: readonly string[], additionalData: unknown): string[] {
  const data = additionalData as { argv?: unknown } | null;
  const exact = data && typeof data === 'object' ? data.argv : undefined;
  return Array.isArray(exact) && exact.every((arg) => typeof arg === 'string') ? exact : [...argv];
}

/** Two requests as one: kiosk if either asks for it, the later display and profile where given. */
function merge(earlier: LaunchArgs, later: LaunchArgs): LaunchArgs {
  return { kiosk: earlier.kiosk || later.kiosk, display: later.display ?? earlier.display, profile: later.profile ?? earlier.profile, problems: [] };
}

/** What applying a command line needs: the session (profiles) and the desktop (kiosk, displays). */
export interface LaunchTarget {
  session: Pick<Session, 'view' | 'activate'>;
  desktop: Pick<DesktopPort, 'displays' | 'setKiosk'>;
}

/**
 * Applies command lines, the first start's and each second start's, once the core is up: requests
 * made before then wait, merged into one, the later winning where they differ.
 */
export class LaunchRequests {
  #target: LaunchTarget | null = null;
  #pending: LaunchArgs | null = null;
  #applying: Promise<void> = Promise.resolve();

  constructor(private readonly log: Logger) {}

  /** Applies `args` now, or when the core has started. */
  request(args: LaunchArgs): void {
    for (const problem of args.problems) this.log.warn(`command line: ${problem}; ignored`);
    if (this.#target !== null) this.#queue(this.#target, args);
    else this.#pending = this.#pending === null ? args : merge(this.#pending, args);
  }

  /** The core has started: a waiting request is applied. */
  attach(target: LaunchTarget): void {
    this.#target = target;
    const pending = this.#pending;
    this.#pending = null;
    if (pending) this.#queue(target, pending);
  }

  /** Resolves when every request so far has been applied (tests, and quit). */
  settled(): Promise<void> {
    return this.#applying;
  }

  // One at a time: a profile switch is awaited before the next command line is looked at.
  #queue(target: LaunchTarget, args: LaunchArgs): void {
    this.#applying = this.#applying.then(() => this.#apply(target, args)).catch((error: unknown) => this.log.warn(`command line not applied: ${error instanceof Error ? error.message : String(error)}`));
  }

  async #apply({ session, desktop }: LaunchTarget, args: LaunchArgs): Promise<void> {
    if (args.profile !== null) {
      const wanted = args.profile.toLowerCase();
      const profile = (await session.view()).profiles.find((p) => p.name.toLowerCase() === wanted);
      if (profile) await session.activate(profile.id);
      else this.log.warn(`command line: there is no profile named "${args.profile}"; the active profile stays`);
    }
    if (!args.kiosk) return;
    const displays = desktop.displays();
    const display = args.display === null ? undefined : displays[args.display - 1];
    if (args.display !== null && display === undefined) this.log.warn(`command line: --display ${args.display}, but this computer has ${displays.length} display(s); kiosk uses the one the settings name`);
    desktop.setKiosk(true, display?.id);
  }
}
