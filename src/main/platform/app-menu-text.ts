/** The application menu's and the About box's words, in the languages the page speaks. */
export type MenuLanguage = 'en' | 'de';

export interface MenuText {
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  forceReload: string;
  devTools: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  front: string;
  close: string;
  help: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  about: string;
  aboutTitle: string;
  version: string;
  ok: string;
}

const TEXT: Record<MenuLanguage, MenuText> = {
  en: {
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Toggle Developer Tools',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimise',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    close: 'Close Window',
    help: 'Help',
    services: 'Services',
    hide: 'Hide Bintu Wall',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Bintu Wall',
    about: 'About Bintu Wall',
    aboutTitle: 'About Bintu Wall',
    version: 'Version {version}',
    ok: 'OK',
  },
  de: {
    edit: 'Bearbeiten',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einsetzen',
    selectAll: 'Alles auswählen',
    view: 'Ansicht',
    reload: 'Neu laden',
    forceReload: 'Neu laden erzwingen',
    devTools: 'Entwicklerwerkzeuge ein/aus',
    actualSize: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    fullScreen: 'Vollbild ein/aus',
    window: 'Fenster',
    minimize: 'Minimieren',
    zoom: 'Zoomen',
    front: 'Alle nach vorne bringen',
    close: 'Fenster schließen',
    help: 'Hilfe',
    services: 'Dienste',
    hide: 'Bintu Wall ausblenden',
    hideOthers: 'Andere ausblenden',
    showAll: 'Alle einblenden',
    quit: 'Bintu Wall beenden',
    about: 'Über Bintu Wall',
    aboutTitle: 'Über Bintu Wall',
    version: 'Version {version}',
    ok: 'OK',
  },
};

/** The words for the operator's language setting; "system" follows the system's locale. */
export function menuText(language: 'system' | MenuLanguage, systemLocale: string): MenuText {
  const lang: MenuLanguage = language === 'system' ? (systemLocale.toLowerCase().startsWith('de') ? 'de' : 'en') : language;
  return TEXT[lang];
}
