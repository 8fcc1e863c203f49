import type { ErrorCode } from '../../../../shared/errors';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';

/** Values filled into `{placeholders}`; numbers should already be formatted for the locale. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The dictionaries the interface ships, by language code. */
export const dictionaries = { en, de } as const satisfies Record<string, Messages>;

/** A language the interface is translated into. */
export type Language = keyof typeof dictionaries;

/** Keys that come as a plural pair `<base>.one` / `<base>.other`, named by their base. */
export type PluralBase = PluralBaseOf<MessageKey>;
type PluralBaseOf<K> = K extends `${infer B}.other` ? (`${B}.one` extends MessageKey ? B : never) : never;

/** Picks the first language of the operator's preference list that we have, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base !== undefined && Object.hasOwn(dictionaries, base)) return base as Language;
  }
  return 'en';
}

/** Looks a key up and fills its placeholders; an unknown placeholder stays visible, not blank. */
export function translate(messages: Messages, key: MessageKey, params?: MessageParams): string {
  const text = messages[key];
  if (params === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The key of the plural form `Intl.PluralRules` picks for `count` (English and German: one/other). */
export function pluralKey(base: PluralBase, count: number, rules: Intl.PluralRules): MessageKey {
  return rules.select(count) === 'one' ? `${base}.one` : `${base}.other`;
}

/** The dictionary key of an error code's short title; the compiler checks every code has one. */
export function errorTitleKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}
