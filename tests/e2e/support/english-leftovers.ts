import type { Page } from '@playwright/test';
import { en } from '../../../src/renderer/src/lib/i18n/en';
import { de } from '../../../src/renderer/src/lib/i18n/de';

/** English strings that German translates differently, long enough to be unambiguous. */
const ENGLISH = (Object.keys(en) as Array<keyof typeof en>)
  .filter((key) => en[key] !== de[key])
  .flatMap((key) => en[key].split(/\{[^}]+\}/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 8 && /[a-z]{4}/i.test(part))
  // Loanwords German shares ("Downloads", "Replay") are not leftovers.
  .filter((part) => !Object.values(de).some((german) => german.includes(part)));

/** The English phrases on the page now, in its text or in labels, titles, placeholders and alt texts. */
export async function englishLeftovers(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
      .flatMap((el) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => el.getAttribute(a) ?? ''))
      .join('\n'),
  );
  return ENGLISH.filter((phrase) => text.includes(phrase) || labels.includes(phrase));
}
