// @ts-check
import fuses from '@electron/fuses';
import { join } from 'node:path';

const { flipFuses, FuseV1Options, FuseVersion } = fuses;

/**
 * The fuses every packaged Bintu Wall ships with (Electron's security checklist, "Fuses"). Fuses a
 * newer Electron adds and this list does not name keep Electron's default.
 * @type {import('@electron/fuses').FuseV1Config}
 */
export const FUSES = {
  version: FuseVersion.V1,
  // The binary cannot be turned into a plain Node.js with ELECTRON_RUN_AS_NODE.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other session data on disk are encrypted with a key the OS keeps.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code or flags into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and its kin cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar must match the hash packed into the binary (checked on macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar runs, never a loose app folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The page comes from app://, so file: pages need none of their old extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * What electron-builder hands an afterPack hook (the parts used here).
 * @typedef {{ appOutDir: string, electronPlatformName: string, arch: number,
 *   packager: { appInfo: { productFilename: string }, executableName?: string } }} PackContext
 */

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3;

/**
 * The Electron executable electron-builder has just packed.
 * @param {PackContext} context
 * @returns {string}
 */
export function packedExecutable({ appOutDir, electronPlatformName, packager }) {
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName ?? name);
}

/**
 * electron-builder's afterPack hook (`"afterPack": "build/fuses.mjs"`): flips the fuses before the
 * app is signed and archived.
 * @param {PackContext} context
 * @returns {Promise<void>}
 */
export default async function afterPack(context) {
  // Changing the binary breaks an ad-hoc signature, which Apple silicon requires: sign it again.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARM64;
  await flipFuses(packedExecutable(context), { ...FUSES, resetAdHocDarwinSignature });
}
