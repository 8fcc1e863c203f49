import { gzipSync } from 'node:zlib';

/** One file of an archive: its path inside it (forward slashes), its bytes and its time. */
export interface ArchiveEntry {
  name: string;
  data: Buffer | string;
  /** Milliseconds since the epoch. */
  mtimeMs: number;
}

const BLOCK = 512;
/** The most a name may take in a ustar header's name field; the archive's own names are short. */
const MAX_NAME_BYTES = 100;
/** The largest size the header's 11 octal digits hold (8 GiB - 1). */
const MAX_SIZE = 0o77777777777;

/**
 * A POSIX ustar archive of regular files, gzip-compressed: what `tar xzf`, 7-Zip and every
 * support desk open. Written here rather than taken from a library because a diagnostics
 * archive needs only plain files, and each entry is in memory anyway (logs are capped in size).
 */
export function tarGz(entries: readonly ArchiveEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    parts.push(header(entry.name, data.length, entry.mtimeMs), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  // Two zero blocks end a tar archive.
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}

function header(name: string, size: number, mtimeMs: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length === 0 || nameBytes.length > MAX_NAME_BYTES) throw new RangeError(`archive entry name must be 1 to ${MAX_NAME_BYTES} bytes: ${name}`);
  if (name.startsWith('/') || name.split('/').includes('..')) throw new RangeError(`archive entry name must be relative: ${name}`);
  if (size > MAX_SIZE) throw new RangeError(`archive entry too large: ${name}`);
  const block = Buffer.alloc(BLOCK);
  nameBytes.copy(block, 0);
  octal(block, 100, 8, 0o644);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, size);
  octal(block, 136, 12, Math.max(0, Math.floor(mtimeMs / 1000)));
  // The checksum is counted with its own field as spaces.
  block.fill(0x20, 148, 156);
  block.write('0', 156, 'ascii'); // a regular file
  block.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'ascii');
  return block;
}

/** A number as zero-padded octal digits ending in NUL, filling `length` bytes at `offset`. */
function octal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, 'ascii');
}
