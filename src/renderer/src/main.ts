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

// The first date formatter loads the calendar and time zone data (some 15 ms). Made while the page
// waits for main's first answers, that is not paid in the middle of the wall's first render.
requestIdleCallback(() => locale.format.time(Date.now()));
