import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own configuration loading and validation, offline: the same functions
// `electron-builder` runs before it packs anything (its JSON schema, through ajv).
const REPO = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
type Config = Record<string, unknown>;
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: null) => Promise<Config>;
  validateConfiguration: (config: Config, debugLogger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};
const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as {
  resolveFunction: (type: string, executor: string, name: string, root: string) => Promise<unknown>;
};
// What app-builder-lib itself uses: its YAML reader, ajv and glob matcher.
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const { minimatch } = fromBuilder('minimatch') as { minimatch: (path: string, pattern: string, options: { dot: boolean }) => boolean };
const yaml = fromBuilder('js-yaml') as { load: (text: string) => unknown };
type AjvError = { instancePath: string; keyword: string; params: Record<string, unknown> };
const Ajv = (fromBuilder('ajv') as { default: new (options: object) => { compile: (schema: object) => ((data: unknown) => boolean) & { errors?: AjvError[] | null } } }).default;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { additionalProperties: boolean };
// strict: false as in app-builder-lib: the schema carries keywords of its own (typeof).
const schemaCheck = new Ajv({ allErrors: true, strict: false }).compile(schema);

const quietLogger = { isEnabled: false, add: () => {} };
/** The configuration as electron-builder loads it (merged, normalised). */
const load = async (): Promise<Config> => structuredClone(await getConfig(REPO, null, null));
/** The file as written. */
const raw = (): Config => yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Config;
/** electron-builder's own check, which it runs before packing. */
const validate = (config: Config) => validateConfiguration(config, quietLogger);
/** The schema's complaints about unknown keys, as [where, key]. */
function unknownKeys(config: Config): [string, unknown][] {
  if (schemaCheck(config)) return [];
  return (schemaCheck.errors ?? []).filter((error) => error.keyword === 'additionalProperties').map((error) => [error.instancePath, error.params['additionalProperty']]);
}

// Keys whose value is a file or folder of the project.
const PATH_KEYS = new Set([
  'afterPack', 'afterSign', 'beforePack', 'beforeBuild', 'afterAllArtifactBuild', 'buildResources',
  'icon', 'installerIcon', 'uninstallerIcon', 'installerHeaderIcon', 'installerSidebar', 'uninstallerSidebar',
  'entitlements', 'entitlementsInherit', 'license', 'background', 'include', 'script', 'provisioningProfile',
]);

/** Every `[key path, value]` of the config whose key names a file. */
function namedFiles(value: unknown, path: string[] = []): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => namedFiles(item, [...path, String(index)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' && PATH_KEYS.has(key) ? [[[...path, key].join('.'), child] as [string, string]] : namedFiles(child, [...path, key]),
  );
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema, as written and as electron-builder loads it", async () => {
    expect(schema.additionalProperties).toBe(false);
    expect(schemaCheck(raw()), JSON.stringify(schemaCheck.errors)).toBe(true);
    await expect(validate(await load())).resolves.toBeUndefined();
    expect(raw()['directories']).toEqual({ buildResources: 'build', output: 'dist' });
    expect(raw()['files']).toEqual(['out/**', 'package.json']);
  });

  it('is rejected with an unknown key, at the top and inside a target', async () => {
    const top = { ...raw(), asarUnpak: ['**/*.node'] };
    expect(unknownKeys(top)).toEqual([['', 'asarUnpak']]);
    await expect(validate(top)).rejects.toThrow(/asarUnpak/);
    const nested = raw();
    nested['nsis'] = { ...(nested['nsis'] as object), perMachineOnly: true };
    expect(unknownKeys(nested)).toEqual([['/nsis', 'perMachineOnly']]);
    await expect(validate(nested)).rejects.toThrow(/configuration\.nsis/);
  });

  it('names only files that exist', async () => {
    const files = namedFiles(await load());
    expect(files.map(([key]) => key).sort()).toEqual(
      ['afterPack', 'directories.buildResources', 'linux.icon', 'mac.entitlements', 'mac.entitlementsInherit', 'mac.icon', 'nsis.installerIcon', 'nsis.uninstallerIcon', 'win.icon'].sort(),
    );
    const missing = files.filter(([, file]) => !existsSync(join(REPO, file)));
    expect(missing).toEqual([]);
    const linuxIcons = readdirSync(join(REPO, 'build/icons'));
    expect(linuxIcons.length).toBeGreaterThan(0);
    expect(linuxIcons.every((name) => /^(\d+)x\1\.png$/.test(name))).toBe(true);
  });

  it('hands electron-builder the fuses hook as afterPack, found the way electron-builder resolves hooks', async () => {
    const config = await load();
    const hook = await resolveFunction('module', join(REPO, String(config['afterPack'])), 'afterPack', REPO);
    expect(typeof hook).toBe('function');
    expect((hook as (context: unknown) => unknown).length).toBe(1);
  });

  it('unpacks every native file of the production dependencies from the asar', async () => {
    const patterns = (await load())['asarUnpack'] as string[];
    const natives = productionFiles().filter((file) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(file));
    expect(natives.some((file) => file.includes('@napi-rs/keyring'))).toBe(true);
    expect(natives.some((file) => file.includes('@img/sharp'))).toBe(true);
    expect(natives.filter((file) => !patterns.some((pattern) => minimatch(file, pattern, { dot: true })))).toEqual([]);
  });

  it('asks macOS for the JIT exceptions Electron needs and no more', () => {
    const plist = readFileSync(join(REPO, 'build/entitlements.mac.plist'), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.allow-unsigned-executable-memory']);
  });
});

/** The files of the installed production dependencies, as paths like `node_modules/sharp/lib/index.js`. */
function productionFiles(): string[] {
  const rootPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const seen = new Set<string>();
  const queue = Object.keys(rootPackage.dependencies);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name) || !existsSync(join(REPO, 'node_modules', name, 'package.json'))) continue;
    seen.add(name);
    const manifest = JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    queue.push(...Object.keys(manifest['dependencies'] ?? {}), ...Object.keys(manifest['optionalDependencies'] ?? {}));
  }
  return [...seen].flatMap((name) => walk(join('node_modules', name)));
}

/** Every file under `dir` (relative to the repository), without following nested node_modules. */
function walk(dir: string): string[] {
  return readdirSync(join(REPO, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (name === 'node_modules') return [];
    return statSync(join(REPO, path)).isDirectory() ? walk(path) : [path];
  });
}
