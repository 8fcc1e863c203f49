/** One menu item as the template gave it (Electron's `MenuItemConstructorOptions`, as far as tests need). */
export interface StandInMenuItem {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: (...args: unknown[]) => void;
  submenu?: StandInMenu;
}

/** A built menu: its items, each submenu built too. */
export class StandInMenu {
  constructor(readonly items: StandInMenuItem[]) {}

  // menu.md "menu.getMenuItemById(id)": searches the submenus too.
  getMenuItemById(id: string): StandInMenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id) ?? null;
      if (inner) return inner;
    }
    return null;
  }
}

type Template = Array<Record<string, unknown>>;

/** Electron's `Menu` module: builds menus from templates and holds the application menu. */
export class StandInMenuModule {
  /** What `setApplicationMenu` was given last; undefined while Electron's default menu stands. */
  application: StandInMenu | null | undefined = undefined;

  // menu.ts "buildFromTemplate": "Invalid template for MenuItem: must have at least one of label,
  // role or type"; a submenu given as an array is built as a menu of its own.
  buildFromTemplate(template: Template): StandInMenu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    return new StandInMenu(
      template.map((options) => {
        if (options['label'] === undefined && options['role'] === undefined && options['type'] === undefined) {
          throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
        }
        const { submenu, ...rest } = options;
        return { ...(rest as StandInMenuItem), ...(Array.isArray(submenu) ? { submenu: this.buildFromTemplate(submenu as Template) } : {}) };
      }),
    );
  }

  // menu.md "Menu.setApplicationMenu(menu)": "Passing null will suppress the default menu."
  setApplicationMenu(menu: StandInMenu | null): void {
    this.application = menu;
  }

  getApplicationMenu(): StandInMenu | null {
    return this.application ?? null;
  }
}
