import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { PinCheck } from '../../../shared/ipc-contract';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic-file';


const MAX_TRIES = 5;
const LOCKOUT_MS = 30_000;
/** scrypt's cost: about 50 ms per check here, so guessing 10^4..10^12 PINs offline is slow. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

const fileSchema = z.object({ v: z.literal(1), salt: z.string(), hash: z.string(), N: z.number(), r: z.number(), p: z.number() });
type PinFile = z.infer<typeof fileSchema>;

/** A PIN is 4 to 12 digits: typed on any keyboard or numeric pad of a control room. */
export const PIN_PATTERN = /^\d{4,12}$/;

/**
 * The kiosk PIN: kept only as a salted scrypt hash in its own file, checked in constant time,
 * with 5 wrong tries then a 30 s lockout. Leaving kiosk (and changing the PIN) needs it.
 */
export class KioskPin {
  private stored: PinFile | null | undefined;
  private wrongTries = 0;
  private lockedUntil = 0;

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a PIN is set. An unreadable file counts as set: the lock must fail closed. */
  async isSet(): Promise<boolean> {
    return (await this.load()) !== null;
  }

  /** When the lockout after too many wrong tries ends (ms epoch), or null. */
  lockedUntilAt(): number | null {
    return this.lockedUntil > this.now() ? this.lockedUntil : null;
  }

  /** Checks a PIN (no PIN set: anything passes), counting wrong tries towards the lockout. */
  async check(pin: string): Promise<PinCheck> {
    const stored = await this.load();
    if (stored === null) return { outcome: 'ok' };
    const now = this.now();
    if (this.lockedUntil > now) return { outcome: 'locked', retryAt: this.lockedUntil };
    if (await matches(pin, stored)) {
      this.wrongTries = 0;
      return { outcome: 'ok' };
    }
    this.wrongTries++;
    if (this.wrongTries >= MAX_TRIES) {
      this.wrongTries = 0;
      this.lockedUntil = now + LOCKOUT_MS;
      return { outcome: 'locked', retryAt: this.lockedUntil };
    }
    return { outcome: 'wrong', triesLeft: MAX_TRIES - this.wrongTries };
  }

  /** Sets, changes or clears the PIN; when one is set, the current PIN must be given. */
  async set(pin: string | null, current: string | undefined): Promise<PinCheck> {
    if (pin !== null && !PIN_PATTERN.test(pin)) throw new AppError('invalid-input', 'A PIN is 4 to 12 digits.');
    const check = await this.check(current ?? '');
    if (check.outcome !== 'ok') return check;
    if (pin === null) {
      await rm(this.file, { force: true });
      this.stored = null;
      return check;
    }
    const salt = randomBytes(16);
    const hash = await derive(pin, salt, COST);
    const record: PinFile = { v: 1, salt: salt.toString('base64'), hash: hash.toString('base64'), N: COST.N, r: COST.r, p: COST.p };
    await writeFileAtomic(this.file, JSON.stringify(record));
    this.stored = record;
    return check;
  }

  private async load(): Promise<PinFile | null> {
    if (this.stored !== undefined) return this.stored;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return (this.stored = null);
      throw new AppError('io-error', 'The kiosk PIN file cannot be read; kiosk stays locked. Check the user-data folder\'s permissions.');
    }
    const parsed = fileSchema.safeParse(JSON.parse(safeJson(text)));
    // A damaged file must not unlock the kiosk: it stands for a PIN nobody knows until removed.
    this.stored = parsed.success ? parsed.data : { v: 1, salt: '', hash: '', N: COST.N, r: COST.r, p: COST.p };
    return this.stored;
  }
}

async function matches(pin: string, stored: PinFile): Promise<boolean> {
  if (!stored.hash) return false;
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), { N: stored.N, r: stored.r, p: stored.p, maxmem: COST.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function derive(pin: string, salt: Buffer, cost: { N: number; r: number; p: number; maxmem: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_LENGTH, cost, (error, key) => (error ? reject(error) : resolve(key))));
}

function safeJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    return 'null';
  }
}
