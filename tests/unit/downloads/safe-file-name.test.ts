import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName, withSuffix } from '../../../src/main/core/downloads/safe-file-name';
import { pathInside } from '../../../src/main/core/downloads/final-name';

describe('safeFileName', () => {
  it.each([
    ['sCcEv-brrat_1.mp4', 'sCcEv-brrat_1.mp4'],
    ['../../etc/passwd', '_._etc_passwd'],
    ['../../evil.mp4', '_._evil.mp4'],
    ['/etc/cron.d/job.mp4', '_etc_cron.d_job.mp4'],
    ['..\\..\\windows\\system32.mp4', '_._windows_system32.mp4'],
    ['C:\\Users\\x.mp4', 'C__Users_x.mp4'],
    ['..', 'recording'],
    ['.mp4', 'recording.mp4'],
    ['.hidden.mp4', 'hidden.mp4'],
    ['a..mp4', 'a.mp4'],
    ['trailing. . .', 'trailing'],
    ['CON.mp4', '_CON.mp4'],
    ['nul', '_nul'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['LPT9 .mp4', '_LPT9.mp4'],
    ['console.mp4', 'console.mp4'],
    ['a\u0000b\nc\u001f.mp4', 'ab c.mp4'],
    ['clip\u202Egpj.exe', 'clipgpj.exe'],
    ['what? <now> | "x":*.mp4', 'what_ _now_ _ _x___.mp4'],
    ['tab\tand  spaces.mp4', 'tab and spaces.mp4'],
    ['Übertragung – Saal 3.mp4', 'Übertragung – Saal 3.mp4'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('shortens long names to 200 bytes and keeps the extension', () => {
    const long = `${'x'.repeat(400)}.mp4`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBe(200);
    expect(safe.endsWith('.mp4')).toBe(true);
    const wide = `${'€'.repeat(200)}.mp4`;
    const cut = safeFileName(wide);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^€+\.mp4$/);
  });

  it('whatever the input, the result is one harmless file name and stable', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.constantFrom('.', '/', '\\', '..', ' ', 'a', 'CON', 'nul', '\u0000', '\u202E', '.mp4', 'é', '😀'), { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(anyText, fc.nat({ max: 999 }), (input, n) => {
        const safe = safeFileName(input);
        expect(safe.length).toBeGreaterThan(0);
        expect(safe).not.toMatch(/[/\\<>:"|?*\p{Cc}\p{Cf}]/u);
        expect(safe).not.toContain('..');
        expect(safe).not.toMatch(/^[.\s]|[.\s]$/);
        expect(safe.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
        expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
        expect(safeFileName(safe)).toBe(safe);
        // Suffixed names pass the folder check too: a collision never makes a name unusable.
        const suffixed = withSuffix(safe, n);
        expect(() => pathInside('/downloads', suffixed)).not.toThrow();
        expect(pathInside('/downloads', suffixed)).toBe(`/downloads/${suffixed}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('withSuffix', () => {
  it('puts the number before the extension', () => {
    expect(withSuffix('a.mp4', 0)).toBe('a.mp4');
    expect(withSuffix('a.mp4', 1)).toBe('a (1).mp4');
    expect(withSuffix('a.b.mp4', 12)).toBe('a.b (12).mp4');
    expect(withSuffix('noext', 2)).toBe('noext (2)');
  });
});

describe('pathInside', () => {
  it('refuses any name that is not a plain file name', () => {
    for (const name of ['../x.mp4', '/abs.mp4', 'a/b.mp4', '..', '', 'CON']) {
      expect(() => pathInside('/downloads', name)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    }
  });
});
