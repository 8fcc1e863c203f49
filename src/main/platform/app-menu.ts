import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Disposable } from '../core/lifecycle';
import type { SettingsService } from '../core/settings/settings';
import { menuText, type MenuText } from './app-menu-text';

/** What the menu is built for: the system, whether this is a development build, and its words. */
export interface MenuSetup {
  platform: NodeJS.Platform;
  /** Reload and the developer tools only here: an operator's reload would blank the wall. */
  development: boolean;
  text: MenuText;
  about: () => void;
}

/**
 * The application menu: the standard roles (Electron supplies their actions and shortcuts), with
 * labels in the operator's language; macOS gets its app menu, the others About under Help.
 * Setting a menu also replaces Electron's default one, which offers reload and the developer
 * tools in every build.
 */
export function menuTemplate({ platform, development, text, about }: MenuSetup): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const aboutItem: MenuItemConstructorOptions = { id: 'about', label: text.about, click: () => about() };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: app.name,
          submenu: [
            aboutItem,
            { type: 'separator' },
            { role: 'services', label: text.services },
            { type: 'separator' },
            { role: 'hide', label: text.hide },
            { role: 'hideOthers', label: text.hideOthers },
            { role: 'unhide', label: text.showAll },
            { type: 'separator' },
            { role: 'quit', label: text.quit },
          ],
        },
      ]
    : [];
  const develop: MenuItemConstructorOptions[] = development
    ? [{ role: 'reload', label: text.reload }, { role: 'forceReload', label: text.forceReload }, { role: 'toggleDevTools', label: text.devTools }, { type: 'separator' }]
    : [];
  return [
    ...appMenu,
    {
      id: 'edit',
      label: text.edit,
      submenu: [
        { role: 'undo', label: text.undo },
        { role: 'redo', label: text.redo },
        { type: 'separator' },
        { role: 'cut', label: text.cut },
        { role: 'copy', label: text.copy },
        { role: 'paste', label: text.paste },
        { role: 'selectAll', label: text.selectAll },
      ],
    },
    {
      id: 'view',
      label: text.view,
      submenu: [
        ...develop,
        { role: 'resetZoom', label: text.actualSize },
        { role: 'zoomIn', label: text.zoomIn },
        { role: 'zoomOut', label: text.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: text.fullScreen },
      ],
    },
    {
      id: 'window',
      label: text.window,
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: text.minimize },
        ...(mac ? ([{ role: 'zoom', label: text.zoom }, { type: 'separator' }, { role: 'front', label: text.front }] as MenuItemConstructorOptions[]) : [{ role: 'close', label: text.close } as MenuItemConstructorOptions]),
      ],
    },
    { id: 'help', label: text.help, role: 'help', submenu: mac ? [] : [aboutItem] },
  ];
}

/** The About box: the app's name and version, and the versions of what it runs on. */
export async function showAbout(window: BrowserWindow | null, text: MenuText): Promise<void> {
  const runtime = [`Electron ${process.versions.electron ?? '?'}`, `Chromium ${process.versions.chrome ?? '?'}`, `Node.js ${process.versions.node}`].join(' · ');
  const options = {
    type: 'info' as const,
    title: text.aboutTitle,
    message: `Bintu Wall ${text.version.replace('{version}', app.getVersion())}`,
    detail: runtime,
    buttons: [text.ok],
    noLink: true,
  };
  if (window && !window.isDestroyed()) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}

/**
 * Sets the application menu in the system's language now (Electron is ready, the core may not
 * be), then follows the language setting once the core's settings are there.
 */
export class AppMenu {
  #window: BrowserWindow | null = null;

  constructor(private readonly development: boolean) {}

  /** Builds and sets the menu for `language` ("system" reads the system's locale). */
  install(language: 'system' | 'en' | 'de' = 'system'): void {
    const text = menuText(language, app.getLocale());
    const template = menuTemplate({ platform: process.platform, development: this.development, text, about: () => void showAbout(this.#window, text) });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  /** The window About is shown over. */
  attachWindow(window: BrowserWindow): void {
    this.#window = window;
  }

  /** Rebuilds the menu whenever the operator changes the language. */
  follow(settings: SettingsService): Disposable {
    return settings.watch((s) => s.language, (language) => this.install(language));
  }
}
