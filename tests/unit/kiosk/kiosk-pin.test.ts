import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskPin } from '../../../src/main/core/kiosk/kiosk-pin';

function pinFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'wall-pin-')), 'kiosk-pin.json');
}

describe('the kiosk PIN', () => {
  it('is stored as a salted hash: the file never holds the PIN, and two files of one PIN differ', async () => {
    const a = pinFile();
    const b = pinFile();
    await new KioskPin(a).set('482910', undefined);
    await new KioskPin(b).set('482910', undefined);
    const text = readFileSync(a, 'utf8');
    expect(text).not.toContain('482910');
    expect(Buffer.from(text).toString('base64')).not.toContain(Buffer.from('482910').toString('base64'));
    expect(JSON.parse(text).hash).not.toBe(JSON.parse(readFileSync(b, 'utf8')).hash);
    expect(await new KioskPin(a).check('482910')).toEqual({ outcome: 'ok' });
  });

  it('five wrong tries lock it for 30 s; the right PIN works again after that', async () => {
    let now = 1_000_000;
    const pin = new KioskPin(pinFile(), () => now);
    await pin.set('1234', undefined);
    for (let left = 4; left >= 1; left--) expect(await pin.check('0000')).toEqual({ outcome: 'wrong', triesLeft: left });
    expect(await pin.check('0000')).toEqual({ outcome: 'locked', retryAt: now + 30_000 });
    // Locked: even the right PIN is refused until the time is up.
    expect(await pin.check('1234')).toEqual({ outcome: 'locked', retryAt: now + 30_000 });
    now += 30_001;
    expect(await pin.check('1234')).toEqual({ outcome: 'ok' });
  });

  it('changing or clearing it needs the current PIN', async () => {
    const file = pinFile();
    const pin = new KioskPin(file);
    await pin.set('1234', undefined);
    expect(await pin.set(null, '9999')).toMatchObject({ outcome: 'wrong' });
    expect(await pin.isSet()).toBe(true);
    expect(await pin.set('5678', '1234')).toEqual({ outcome: 'ok' });
    expect(await pin.check('5678')).toEqual({ outcome: 'ok' });
    expect(await pin.set(null, '5678')).toEqual({ outcome: 'ok' });
    expect(await new KioskPin(file).isSet()).toBe(false);
  });

  it('refuses a PIN that is not 4 to 12 digits', async () => {
    await expect(new KioskPin(pinFile()).set('12a4', undefined)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(new KioskPin(pinFile()).set('123', undefined)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('a damaged PIN file keeps the kiosk locked rather than opening it', async () => {
    const file = pinFile();
    writeFileSync(file, '{"v":1,"salt":');
    const pin = new KioskPin(file);
    expect(await pin.isSet()).toBe(true);
    expect((await pin.check('')).outcome).not.toBe('ok');
  });
});
