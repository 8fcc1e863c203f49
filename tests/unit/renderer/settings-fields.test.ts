import { describe, expect, it } from 'vitest';
import { settingsViewSchema } from '../../../src/shared/settings-view';
import { checkNumberSetting, NUMBER_SETTINGS, settingRange } from '../../../src/renderer/src/lib/state/settings-fields';

describe('number settings checked while typing', () => {
  it('accepts a value in range', () => {
    expect(checkNumberSetting('quantity', '80')).toEqual({ ok: true, value: 80 });
    expect(checkNumberSetting('listIntervalS', ' 7.5 ')).toEqual({ ok: true, value: 7.5 });
  });

  it('accepts a German decimal comma', () => {
    expect(checkNumberSetting('listIntervalS', '2,5')).toEqual({ ok: true, value: 2.5 });
  });

  it('says the allowed range when a value is outside it', () => {
    expect(checkNumberSetting('quantity', '0')).toEqual({ ok: false, problem: { key: 'settings.invalid.range', min: 1, max: 1000 } });
    expect(checkNumberSetting('listIntervalS', '5000')).toEqual({ ok: false, problem: { key: 'settings.invalid.range', min: 2, max: 3600 } });
  });

  it('asks for a number, or a whole number where only those make sense', () => {
    expect(checkNumberSetting('quantity', '')).toEqual({ ok: false, problem: { key: 'settings.invalid.number' } });
    expect(checkNumberSetting('quantity', 'fifty')).toEqual({ ok: false, problem: { key: 'settings.invalid.number' } });
    expect(checkNumberSetting('quantity', '1.5')).toEqual({ ok: false, problem: { key: 'settings.invalid.whole' } });
    expect(checkNumberSetting('hideCursorAfterS', '2.5')).toEqual({ ok: false, problem: { key: 'settings.invalid.whole' } });
  });

  it('checks alarm thresholds against the alarm schema: whole picture counts, seconds from 0', () => {
    expect(checkNumberSetting('black.minSeconds', '0')).toEqual({ ok: true, value: 0 });
    expect(checkNumberSetting('black.minVersions', '0')).toEqual({ ok: false, problem: { key: 'settings.invalid.range', min: 1, max: 100 } });
    expect(checkNumberSetting('frozen.minVersions', '2.5')).toEqual({ ok: false, problem: { key: 'settings.invalid.whole' } });
    expect(settingRange('overdue.intervals')).toEqual({ min: 1, max: 20, whole: false });
  });

  it('reads its ranges from the schema main validates with, so both agree', () => {
    const shape = settingsViewSchema.shape;
    expect(settingRange('detailsIntervalS')).toEqual({ min: 10, max: 86_400, whole: false });
    expect(settingRange('hideCursorAfterS')).toEqual({ min: 0, max: 3600, whole: true });
    expect(NUMBER_SETTINGS.cacheMaxMb).toBe(shape.cacheMaxMb);
    for (const field of Object.keys(NUMBER_SETTINGS) as (keyof typeof NUMBER_SETTINGS)[]) {
      const { min, max } = settingRange(field);
      expect(checkNumberSetting(field, String(min)).ok).toBe(true);
      expect(checkNumberSetting(field, String(max)).ok).toBe(true);
      expect(checkNumberSetting(field, String(max + 1)).ok).toBe(false);
    }
  });
});
