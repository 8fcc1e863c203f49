import { crashReporter } from 'electron';

/**
 * Crash reports stay on this computer: Crashpad writes its dumps to the user-data folder
 * (`app.getPath('crashDumps')`) and uploads nothing. Control rooms are often off the internet,
 * and a dump holds memory, so it leaves only when an operator hands it to support. Started as
 * early as Electron allows (its docs: before `ready`), once the user-data folder is settled so
 * the dumps go where `BINTU_WALL_USER_DATA` points.
 */
export function keepCrashReportsLocal(): void {
  crashReporter.start({ uploadToServer: false });
}
