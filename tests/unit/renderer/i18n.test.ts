import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/shared/errors';
import { de } from '../../../src/renderer/src/lib/i18n/de';
import { en } from '../../../src/renderer/src/lib/i18n/en';
import {
  errorTitleKey,
  pickLanguage,
  pluralKey,
  translate,
} from '../../../src/renderer/src/lib/i18n/translate';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('dictionaries', () => {
  it('German has exactly the English keys, none left empty', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text.trim(), key).not.toBe('');
  });

  it('German uses the same placeholders as English in every string', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has a title for every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(en[errorTitleKey(code)]).toBeTruthy();
      expect(de[errorTitleKey(code)]).toBeTruthy();
    }
  });

  it('keeps the labels the end-to-end suite finds the connect form by', () => {
    expect([en['connect.profileName'], en['connect.kind.apiKey'], en['connect.kind.token'], en['connect.apiBase']]).toEqual([
      'Profile name',
      'API key',
      'bintu token',
      'API base',
    ]);
    expect([en['connect.submit'], en['demo.start'], en['demo.leave']]).toEqual(['Test and save', 'Try the demo', 'Leave demo']);
  });

  it('keeps the names the end-to-end suite finds the wall controls by', () => {
    expect([en['toolbar.search'], en['toolbar.sort'], en['toolbar.grid'], en['toolbar.saveLayout']]).toEqual([
      'Search',
      'Sort',
      'Layout',
      'Save layout',
    ]);
    expect(translate(en, 'tile.replay', { name: 'Studio 3' })).toBe('Replay Studio 3');
    expect(translate(en, 'tile.downloadLatest', { name: 'Studio 3' })).toBe('Download latest recording of Studio 3');
  });
});

describe('pickLanguage', () => {
  it('follows the first supported language of the operator', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de');
    expect(pickLanguage(['fr-FR', 'de-DE'])).toBe('de');
    expect(pickLanguage(['EN-gb'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage(['ja-JP'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'status.lastAttempt', { time: '14:03:12' })).toBe('Last attempt 14:03:12');
    expect(translate(en, 'status.lastAttempt')).toBe('Last attempt {time}');
    expect(translate(de, 'profiles.confirmRemove', { name: 'Casino' })).toBe('„Casino“ und den gespeicherten Schlüssel entfernen?');
  });

  it('picks singular and plural forms by the locale rules', () => {
    const rules = new Intl.PluralRules('en');
    expect(translate(en, pluralKey('status.streams', 1, rules), { count: 1 })).toBe('1 stream');
    expect(translate(en, pluralKey('status.streams', 0, rules), { count: 0 })).toBe('0 streams');
    expect(translate(de, pluralKey('status.requests', 2, new Intl.PluralRules('de')), { count: 2 })).toBe('2 Anfragen');
  });
});
