// @ts-check
// Runs Doyensec's electronegativity over the app's sources as an Electron 45 app and fails on any
// HIGH or MEDIUM finding (the scanner's own command line always exits 0). A finding that is not
// one is annotated where it is found: `// eng-disable CHECK_ID`, with the reason beside it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** @type {(options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: any[], errors: any[] }>} */
const run = require('@doyensec/electronegativity');

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const input = join(root, 'src');

const { issues, errors } = await run(
  {
    input,
    customScan: [],
    excludeFromScan: [],
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const serious = issues.filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM');
const unreadable = errors.filter((error) => !error.tolerable);
for (const issue of serious) {
  console.log(`${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} ${issue.shortenedURL ?? ''}`);
}
for (const error of unreadable) console.log(`could not scan ${error.file}: ${error.message}`);
const minor = issues.length - serious.length;
console.log(`electronegativity (Electron ${electronVersion}): ${serious.length} HIGH or MEDIUM finding(s), ${minor} LOW or informational, ${unreadable.length} file(s) not scanned`);
process.exitCode = serious.length > 0 || unreadable.length > 0 ? 1 : 0;
