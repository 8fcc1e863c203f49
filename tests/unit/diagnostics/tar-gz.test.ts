import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarGz } from '../../../src/main/core/diagnostics/tar-gz';

describe('the tar.gz writer', () => {
  it('writes an archive the system tar lists and unpacks byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tar-gz-'));
    const binary = Buffer.from(Array.from({ length: 1500 }, (_, i) => (i * 7) % 256));
    const exact = Buffer.alloc(512, 0x41);
    const archive = tarGz([
      { name: 'root/empty.txt', data: '', mtimeMs: Date.UTC(2026, 0, 2, 3, 4, 5) },
      { name: 'root/sub/binary.bin', data: binary, mtimeMs: 0 },
      { name: 'root/exact-block.txt', data: exact, mtimeMs: 0 },
      { name: 'root/grüße.txt', data: 'Grüße\n', mtimeMs: 0 },
    ]);
    const tar = gunzipSync(archive);
    expect(tar.length % 512).toBe(0);
    const file = join(dir, 'a.tar.gz');
    writeFileSync(file, archive);
    const listing = execFileSync('tar', ['-tvzf', file], { encoding: 'utf8' });
    expect(listing).toMatch(/root\/empty\.txt/);
    expect(listing).toMatch(/2026-01-02 0?3:04/);
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    expect(readFileSync(join(dir, 'root/empty.txt')).length).toBe(0);
    expect(readFileSync(join(dir, 'root/sub/binary.bin')).equals(binary)).toBe(true);
    expect(readFileSync(join(dir, 'root/exact-block.txt')).equals(exact)).toBe(true);
    expect(readFileSync(join(dir, 'root/grüße.txt'), 'utf8')).toBe('Grüße\n');
  });

  it('refuses names a header cannot hold or that would unpack outside the folder', () => {
    expect(() => tarGz([{ name: 'x'.repeat(101), data: '', mtimeMs: 0 }])).toThrow(RangeError);
    expect(() => tarGz([{ name: '/etc/passwd', data: '', mtimeMs: 0 }])).toThrow(RangeError);
    expect(() => tarGz([{ name: 'a/../../b', data: '', mtimeMs: 0 }])).toThrow(RangeError);
  });
});
