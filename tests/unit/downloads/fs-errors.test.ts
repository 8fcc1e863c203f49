import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/errors';
import { downloadFsError, formatBytes } from '../../../src/main/core/downloads/fs-errors';

const nodeError = (code: string): Error => Object.assign(new Error(`${code}: open '/x/secret-temp.part'`), { code });

describe('downloadFsError', () => {
  it('a full disk names the folder, says what to do and what is kept', () => {
    const error = downloadFsError(nodeError('ENOSPC'), '/x', Math.round(12.3 * 1024 * 1024));
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('The disk holding /x is full: free some space, then press Retry. The 12.3 MB already downloaded are kept.');
  });

  it('a quota counts as a full disk; nothing kept means nothing promised', () => {
    const error = downloadFsError(nodeError('EDQUOT'), '/x', 0);
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('The disk holding /x is full: free some space, then press Retry.');
  });

  it.each(['EACCES', 'EPERM'])('%s is a permission problem', (code) => {
    const error = downloadFsError(nodeError(code), '/archive', 2048);
    expect(error.code).toBe('permission-denied');
    expect(error.message).toBe('The app may not write to /archive: allow writing there or choose another folder, then press Retry. The 2.0 KB already downloaded are kept.');
  });

  it('a read-only disk and a vanished folder get their own words', () => {
    expect(downloadFsError(nodeError('EROFS'), '/media/usb', 0)).toMatchObject({ code: 'permission-denied', message: expect.stringContaining('read-only') });
    expect(downloadFsError(nodeError('ENOENT'), '/media/usb', 0)).toMatchObject({ code: 'io-error', message: expect.stringContaining('was a drive removed?') });
  });

  it("never repeats Node's message (it names internal paths)", () => {
    const error = downloadFsError(nodeError('EIO'), '/x', 10);
    expect(error).toMatchObject({ code: 'io-error' });
    expect(error.message).not.toContain('secret-temp');
    expect(error.message).toContain('(EIO)');
  });

  it('an AppError passes through unchanged', () => {
    const original = new AppError('network', 'dropped');
    expect(downloadFsError(original, '/x', 5)).toBe(original);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [812, '812 B'],
    [41_062, '40.1 KB'],
    [12.3 * 1024 * 1024, '12.3 MB'],
    [1.24 * 1024 ** 3, '1.24 GB'],
  ])('%d bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
