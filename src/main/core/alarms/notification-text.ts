import type { AlarmEvent, AlarmType } from '../../../shared/alarms';

type Language = 'en' | 'de';

const TYPES: Record<Language, Record<AlarmType, string>> = {
  en: {
    frozen: 'Picture frozen',
    black: 'Picture black',
    uniform: 'No signal (single colour)',
    overdue: 'No new picture',
    down: 'Stream no longer live',
    gone: 'Stream gone from the list',
    connection: 'bintu unreachable',
    unreadable: 'Picture unreadable',
  },
  de: {
    frozen: 'Bild eingefroren',
    black: 'Bild schwarz',
    uniform: 'Kein Signal (einfarbig)',
    overdue: 'Kein neues Bild',
    down: 'Stream nicht mehr live',
    gone: 'Stream nicht mehr in der Liste',
    connection: 'bintu nicht erreichbar',
    unreadable: 'Bild nicht lesbar',
  },
};

const ALARM: Record<Language, string> = { en: 'Alarm', de: 'Alarm' };

/** The title and body of an alarm's desktop notification, in the operator's language. */
export function notificationText(event: AlarmEvent, language: 'system' | Language, systemLocale: string): { title: string; body: string } {
  const lang: Language = language === 'system' ? (systemLocale.toLowerCase().startsWith('de') ? 'de' : 'en') : language;
  const what = event.type ? TYPES[lang][event.type] : ALARM[lang];
  return { title: `${ALARM[lang]}: ${event.streamName}`, body: what };
}
