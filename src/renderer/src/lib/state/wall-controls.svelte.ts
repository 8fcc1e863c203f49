import type { AppErrorData } from '../../../../shared/errors';
import type { Grid, Heroes, Layout, Sort, WallFilter } from '../../../../shared/settings-view';
import type { TileView } from '../../../../shared/view';
import type { Span } from './hero-pack';
import type { SettingsState } from './settings-state.svelte';
import { moveInOrder } from './stable-order';
import { changeRanks, EMPTY_FILTER } from './wall-query';

/** How the wall is shown right now: grid, filter, sort, and which tiles are hero tiles. */
export interface WallPrefs {
  readonly grid: Grid;
  readonly filter: WallFilter;
  readonly sort: Sort;
  readonly heroes: Heroes;
}

const DEFAULT_PREFS: WallPrefs = { grid: 'auto', filter: EMPTY_FILTER, sort: 'slot', heroes: {} };
/** Typing in the search box saves once the operator pauses, not on every key. */
const SEARCH_SAVE_DELAY_MS = 400;
/** The slot order is saved once it has been still this long (a poll can add many streams at once). */
const SLOTS_SAVE_DELAY_MS = 2000;

/**
 * The wall's grid, filter, sort and saved layouts. A change shows at once (kept here until main
 * confirms it) and is saved through `settings:update`; when main refuses, the wall returns to
 * what main holds and the error says why. A wall window besides the main one (`windowId`) shows
 * the layout its settings entry names: its changes go into that layout, and switching layouts
 * changes the entry, so each window keeps its own layout; without a layout it shares the free wall.
 */
export class WallControls {
  readonly #settings: SettingsState;
  /** This page's wall window, or null for the main window. */
  readonly windowId: string | null;
  /** The operator's latest change, until main has stored it. */
  #pending = $state.raw<WallPrefs | null>(null);
  #error = $state.raw<AppErrorData | null>(null);
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #slotsTimer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;
  #changeRanks = $state.raw<ReadonlyMap<string, number> | null>(null);

  readonly #prefs: WallPrefs;
  readonly #layouts: readonly Layout[];
  readonly #activeLayout: Layout | null;

  constructor(settings: SettingsState, windowId: string | null = null) {
    this.#settings = settings;
    this.windowId = windowId;
    this.#layouts = $derived(settings.view?.layouts ?? []);
    const activeName = $derived(windowId === null ? settings.view?.activeLayout : settings.view?.wallWindows.find((window) => window.id === windowId)?.layout);
    this.#activeLayout = $derived(this.#layouts.find((layout) => layout.name === activeName) ?? null);
    this.#prefs = $derived(this.#pending ?? (windowId !== null && this.#activeLayout !== null ? layoutPrefs(this.#activeLayout) : settings.view?.wall) ?? DEFAULT_PREFS);
  }

  /** The grid, filter and sort in force. */
  get prefs(): WallPrefs {
    return this.#prefs;
  }

  /** The saved layouts, in the order keys 1 to 9 pick them. */
  get layouts(): readonly Layout[] {
    return this.#layouts;
  }

  /** The saved layout in use, or null for the free wall. */
  get activeLayout(): Layout | null {
    return this.#activeLayout;
  }

  /** Why main refused the last change, until the next one. */
  get error(): AppErrorData | null {
    return this.#error;
  }

  /** The "Last change" order in force (see `rankByChange`), or null before one was taken. */
  get changeRanks(): ReadonlyMap<string, number> | null {
    return this.#changeRanks;
  }

  /** Takes the "Last change" order now: the wall keeps it until the next is taken (every 30 s, or on demand). */
  rankByChange(tiles: readonly TileView[]): void {
    this.#changeRanks = changeRanks(tiles);
  }

  /**
   * Keeps the wall's slot order in settings, a moment after it last changed, so a restart finds
   * every tile in its slot. Nothing is saved before settings were read (they hold the order to
   * restore first).
   */
  rememberSlots(order: readonly string[]): void {
    // The main window keeps the free wall's order; another window would only write the same again.
    if (this.windowId !== null) return;
    const saved = this.#settings.view?.slots;
    if (saved === undefined || (saved.length === order.length && saved.every((id, i) => id === order[i]))) return;
    clearTimeout(this.#slotsTimer);
    this.#slotsTimer = setTimeout(() => void this.#settings.update({ slots: [...order] }), SLOTS_SAVE_DELAY_MS);
  }

  /** Changes the grid. */
  setGrid(grid: Grid): void {
    this.#change({ ...this.#prefs, grid });
  }

  /** Changes the order. */
  setSort(sort: Sort): void {
    this.#change({ ...this.#prefs, sort });
  }

  /** Changes the search text; saved after a pause in typing. */
  setSearch(search: string): void {
    this.#change({ ...this.#prefs, filter: { ...this.#prefs.filter, search } }, SEARCH_SAVE_DELAY_MS);
  }

  /** Adds a state to the filter, or takes it out again. */
  toggleState(state: string): void {
    const states = this.#prefs.filter.states;
    const next = states.includes(state) ? states.filter((s) => s !== state) : [...states, state];
    this.#change({ ...this.#prefs, filter: { ...this.#prefs.filter, states: next } });
  }

  /** Adds an organisation (by profile id) to the filter (any of them), or takes it out again. */
  toggleProfile(profileId: string): void {
    const profiles = this.#prefs.filter.profiles;
    const next = profiles.includes(profileId) ? profiles.filter((p) => p !== profileId) : [...profiles, profileId];
    this.#change({ ...this.#prefs, filter: { ...this.#prefs.filter, profiles: next } });
  }

  /** Adds a tag to the filter (all tags must match), or takes it out again. */
  toggleTag(tag: string): void {
    const tags = this.#prefs.filter.tags;
    const next = tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
    this.#change({ ...this.#prefs, filter: { ...this.#prefs.filter, tags: next } });
  }

  /** Clears search, states and tags. */
  clearFilter(): void {
    this.#change({ ...this.#prefs, filter: EMPTY_FILTER });
  }

  /**
   * Makes a stream's tile a hero tile of `span` x `span` cells, or an ordinary one with 1. With a
   * saved layout in use the layout keeps it too (as it keeps its slots), so it comes back with
   * the layout.
   */
  async setHero(streamId: string, span: Span): Promise<boolean> {
    const heroes: Record<string, 2 | 3> = { ...this.#prefs.heroes };
    if (span === 1) delete heroes[streamId];
    else heroes[streamId] = span;
    const next = { ...this.#prefs, heroes };
    const active = this.#activeLayout;
    if (active === null) return this.#save({ wall: next }, next);
    const layouts = this.#layouts.map((other) => (other.name === active.name ? { ...active, heroes } : other));
    return this.#save(this.windowId === null ? { layouts, wall: next } : { layouts }, next);
  }

  /** Switches to a saved layout (its grid, filter, sort, slots and hero tiles), or to the free wall with null. */
  async applyLayout(name: string | null): Promise<boolean> {
    const layout = name === null ? null : this.#layouts.find((candidate) => candidate.name === name);
    if (layout === undefined) return false;
    if (this.windowId !== null) return this.#showInWindow(layout?.name ?? null);
    const wall = layout === null ? this.#prefs : { grid: layout.grid, filter: layout.filter, sort: layout.sort, heroes: layout.heroes };
    return this.#save({ activeLayout: layout?.name ?? null, wall }, wall);
  }

  /**
   * Saves the wall as it is under a name (replacing a layout of that name) and makes it the
   * active one. With `slots`, those streams stay in those places; without, the layout is a view
   * (grid, filter, sort) over whatever streams exist.
   */
  async saveLayout(name: string, slots: readonly string[]): Promise<AppErrorData | null> {
    const layout: Layout = { name: name.trim(), ...this.#prefs, slots: [...slots] };
    const rest = this.#layouts.filter((existing) => existing.name.toLowerCase() !== layout.name.toLowerCase());
    if (this.windowId !== null) {
      const saved = (await this.#save({ layouts: [...rest, layout] }, this.#prefs)) && (await this.#showInWindow(layout.name));
      return saved ? null : this.#error;
    }
    const ok = await this.#save({ layouts: [...rest, layout], activeLayout: layout.name, wall: this.#prefs }, this.#prefs);
    return ok ? null : this.#error;
  }

  /** Moves a stream into another's slot in the saved layout in use, and saves the layout. */
  async moveLayoutSlot(streamId: string, target: string): Promise<boolean> {
    const active = this.#activeLayout;
    if (active === null) return false;
    const layout = { ...active, slots: moveInOrder(active.slots, streamId, target) };
    return this.#save({ layouts: this.#layouts.map((other) => (other.name === active.name ? layout : other)) }, null);
  }

  /** Deletes a saved layout; the wall stays as it is, as the free wall. */
  async deleteLayout(name: string): Promise<boolean> {
    const layouts = this.#layouts.filter((layout) => layout.name !== name);
    // The main window's layout in use (a wall window naming the deleted layout shows the free wall).
    const current = this.#settings.view?.activeLayout ?? null;
    const activeLayout = current === name ? null : current;
    return this.#save({ layouts, activeLayout }, null);
  }

  #change(next: WallPrefs, delayMs = 0): void {
    this.#pending = next;
    clearTimeout(this.#saveTimer);
    const save = (): void => void this.#save(this.#patchFor(next), next);
    if (delayMs === 0) save();
    else this.#saveTimer = setTimeout(save, delayMs);
  }

  /** Where a change of grid, filter or sort is kept: a wall window's layout, else the wall. */
  #patchFor(next: WallPrefs): Parameters<SettingsState['update']>[0] {
    const active = this.#activeLayout;
    if (this.windowId === null || active === null) return { wall: next };
    const layout: Layout = { ...active, grid: next.grid, filter: next.filter, sort: next.sort, heroes: next.heroes };
    return { layouts: this.#layouts.map((other) => (other.name === active.name ? layout : other)) };
  }

  /** This wall window shows another layout (null: the free wall). */
  async #showInWindow(name: string | null): Promise<boolean> {
    if (this.windowId === null) return false;
    this.#pending = null;
    this.#error = null;
    const result = await this.#settings.setWallLayout(this.windowId, name);
    if (!result.ok) this.#error = result.error;
    return result.ok;
  }

  async #save(patch: Parameters<SettingsState['update']>[0], shown: WallPrefs | null): Promise<boolean> {
    const generation = ++this.#generation;
    if (shown !== null) this.#pending = shown;
    this.#error = null;
    const result = await this.#settings.update(patch);
    // A newer change is on its way: its answer decides what shows.
    if (generation !== this.#generation) return result.ok;
    if (result.ok) {
      this.#pending = null;
    } else if (this.#settings.view !== null) {
      this.#pending = null;
      this.#error = result.error;
    } else {
      // No settings store answers at all: the wall still works for this session, unsaved.
      this.#error = result.error;
    }
    return result.ok;
  }
}

/** A saved layout's grid, filter, sort and hero tiles, as the wall shows them. */
function layoutPrefs(layout: Layout): WallPrefs {
  return { grid: layout.grid, filter: layout.filter, sort: layout.sort, heroes: layout.heroes };
}
