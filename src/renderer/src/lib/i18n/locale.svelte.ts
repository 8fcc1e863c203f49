import type { AppErrorData } from '../../../../shared/errors';
import type { MessageKey } from './en';
import { createFormatters } from './format';
import {
  dictionaries,
  errorTitleKey,
  pickLanguage,
  pluralKey,
  translate,
  type Language,
  type MessageParams,
  type PluralBase,
} from './translate';

/** The language setting: follow the system, or a language of the interface. */
export type LanguagePreference = 'system' | Language;

/**
 * The operator's language and locale. Reactive: changing the language setting re-renders every
 * string. "system" follows `navigator.languages`; dates and numbers keep the operator's regional
 * format (en-GB, de-AT) whenever it matches the chosen language.
 */
export class Locale {
  /** The dictionary in use. */
  language = $state<Language>('en');
  /** The BCP 47 tag for dates and numbers (keeps regional formats such as en-GB). */
  tag = $state('en');

  readonly #preferred: readonly string[];
  readonly #messages = $derived(dictionaries[this.language]);
  readonly #plurals = $derived(new Intl.PluralRules(this.tag));
  /** Formatters for the current locale. */
  readonly format = $derived(createFormatters(this.tag));
  /** Compares names the way people of this locale sort them, digits by value ("2" before "10"). */
  readonly collator = $derived(new Intl.Collator(this.tag, { numeric: true, sensitivity: 'base' }));

  constructor(preferred: readonly string[]) {
    this.#preferred = preferred;
    this.use('system');
  }

  /** Switches the interface language: a language of ours, or back to the system's. */
  use(preference: LanguagePreference): void {
    const language = preference === 'system' ? pickLanguage(this.#preferred) : preference;
    const matching = this.#preferred.find((tag) => tag.toLowerCase().split('-')[0] === language);
    this.language = language;
    this.tag = matching ?? language;
  }

  /** Looks up a string of the current language. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.#messages, key, params);

  /** A plural string (`status.streams` with count 1 gives "1 stream"); `{count}` is formatted. */
  plural = (base: PluralBase, count: number, params?: MessageParams): string =>
    translate(this.#messages, pluralKey(base, count, this.#plurals), {
      ...params,
      count: this.format.count(count),
    });

  /** One line for an error: its message plus bintu's code and the HTTP status when known. */
  describeError = (error: AppErrorData): string => {
    const details: string[] = [];
    // Main's messages often name the status or code already; say each only once.
    const said = (value: number): boolean => new RegExp(`\\b${value}\\b`).test(error.message);
    if (error.bintuCode !== undefined && !said(error.bintuCode)) details.push(this.t('error.bintuCode', { code: error.bintuCode }));
    if (error.status !== undefined && !said(error.status)) details.push(this.t('error.httpStatus', { status: error.status }));
    const message = error.message.trim() === '' ? this.t(errorTitleKey(error.code)) : error.message;
    return details.length === 0 ? message : this.t('error.details', { message, details: details.join(', ') });
  };

  /** The short, translated title of an error code; a refused token is "expired or revoked", not a wrong key. */
  errorTitle = (error: AppErrorData): string =>
    this.t(error.code === 'credential-rejected' && error.credentialKind === 'token' ? 'error.token-rejected' : errorTitleKey(error.code));
}

/** The page's locale, from the browser's language list. */
export const locale = new Locale(
  typeof navigator === 'undefined' ? ['en'] : [navigator.language, ...navigator.languages],
);

/** Shorthand for `locale.t`, the function every component uses for its strings. */
export const t = locale.t;
