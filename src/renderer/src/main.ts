import { mount } from 'svelte';
import App from './App.svelte';
import { locale, t } from './lib/i18n';
import './app.css';
import './common.css';

// Screen readers and hyphenation follow the interface language, not the HTML file's default.
document.documentElement.lang = locale.language;
document.title = t('app.name');

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app element');

/** The mounted page. */
export default mount(App, { target, props: { bridge: window.wall } });

// The first use of each Intl formatter loads its locale data: calendar and time zone, relative
// times, collation (some 30 ms in all). The wall's first render needs every one of them; made
// now, while the page waits for main's first answers, that time is not spent between the wall's
// data arriving and its pictures being asked for. A microtask later, so the wall has been asked
// for first (see `WallState`).
queueMicrotask(() => {
  const now = Date.now();
  locale.format.moment(now, now);
  locale.format.age(0);
  locale.format.count(0);
  locale.collator.compare('a', 'b');
});
