/** Strings and locale formatting for the whole interface. */
export { locale, t, Locale, type LanguagePreference } from './locale.svelte';
export type { MessageKey, Messages } from './en';
export type { Language, PluralBase } from './translate';
export type { Formatters } from './format';
