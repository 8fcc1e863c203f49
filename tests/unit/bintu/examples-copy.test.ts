import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXAMPLES_DIR } from './bintu-fixtures';

// The documented examples live beside the project on development machines; CI has only the copy.
const ORIGINALS = resolve('../shared/bintu-examples');

describe('the copied bintu examples', () => {
  it.skipIf(!existsSync(ORIGINALS))('match the documented originals file for file', () => {
    const names = readdirSync(ORIGINALS).sort();
    expect(readdirSync(EXAMPLES_DIR).filter((n) => n.endsWith('.json')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(EXAMPLES_DIR, name), 'utf8'), name).toBe(readFileSync(join(ORIGINALS, name), 'utf8'));
  });
});
