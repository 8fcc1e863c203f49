import { assertNever } from '../../../../../shared/assert-never';
import type { TileView, VariantView } from '../../../../../shared/view';
import type { Stores } from '../../state/context';
import type { Move } from '../../state/grid-geometry';
import { nextSpan, spanOf } from '../../state/hero-pack';
import type { KeyAction } from '../../state/keymap';
import { latestRecording, replayTarget } from '../../state/stream-actions';
import { pickVariant } from '../../state/tile-picture';
import type { WallEntry } from '../../state/wall-entries';
import { SEARCH_INPUT_ID } from '../wall-toolbar';

/** What the keys need from the grid: moving the tab stop (or the tile with it), and which cell holds it. */
export interface GridControl {
  move(direction: Move): Promise<void>;
  reorder(direction: Move): Promise<boolean>;
  activeEntry(): WallEntry | null;
  focusActive(): Promise<void>;
}

/** What the wall's keys act on. */
export interface WallKeyContext {
  readonly stores: Stores;
  readonly grid: () => GridControl | undefined;
  /** The stream the focus view shows, or null on the wall. */
  readonly focusTile: () => TileView | null;
  readonly open: (tile: TileView, variant: VariantView | null) => void;
  /** Back from the focus view to the wall, the keyboard focus on the tile it showed. */
  readonly closeFocus: () => void;
  readonly focusSearch: () => void;
  /** Opens the alarm drawer, or closes it with the focus back where it was. */
  readonly toggleAlarms: () => void;
  readonly closeAlarms: () => void;
}

/**
 * Runs a key's action on the wall (see `keymap.ts`); returns false when it does not apply here,
 * so the key keeps its normal effect. R, D and W act on the focus view's stream, else on the
 * tile with the tab stop.
 */
export function runWallKey(action: KeyAction, onWall: boolean, context: WallKeyContext): boolean {
  const { ui, window: win, controls, downloads } = context.stores;
  switch (action.kind) {
    case 'move':
      if (ui.focus !== null || !onWall) return false;
      void context.grid()?.move(action.move);
      return true;
    case 'reorder':
      if (ui.focus !== null || !onWall || win.kiosk) return false;
      void context.grid()?.reorder(action.move);
      return true;
    case 'open': {
      const target = current(context);
      if (ui.focus !== null || !onWall || target === null || document.activeElement !== document.body) return false;
      context.open(target.tile, target.variant);
      return true;
    }
    case 'back':
      return back(context);
    case 'replay': {
      const target = current(context);
      const replay = target === null ? null : replayTarget(target.tile, target.variant);
      if (replay?.ok) void ui.openReplay(replay.request);
      return target !== null;
    }
    case 'download': {
      const target = current(context);
      const latest = target === null ? null : latestRecording(target.tile);
      if (target !== null && latest?.ok) void downloads.start(target.tile.id, latest.recording.id);
      return target !== null;
    }
    case 'watch': {
      const target = current(context);
      if (target !== null) void toggleWatch(context, target.tile);
      return target !== null;
    }
    case 'hero': {
      // On the wall only: the size shows there, and a kiosk's wall is not to be changed.
      const entry = onWall && ui.focus === null && !win.kiosk && !ui.alarmsOnly ? (context.grid()?.activeEntry() ?? null) : null;
      if (entry?.kind !== 'stream') return false;
      void resize(context, entry.tile.id);
      return true;
    }
    case 'alarms':
      context.toggleAlarms();
      return true;
    case 'search':
      // A kiosk has no search box, and its wall is not to be changed.
      if (win.kiosk) return false;
      ui.focus = null;
      context.focusSearch();
      return true;
    case 'layout': {
      const layout = action.number === 0 ? null : controls.layouts[action.number - 1];
      if (layout === undefined || win.kiosk) return false;
      ui.focus = null;
      void controls.applyLayout(layout?.name ?? null);
      return true;
    }
    case 'fullscreen':
      if (win.kiosk) return false;
      void win.setFullscreen(!win.fullscreen);
      return true;
    case 'help':
      ui.helpOpen = !ui.helpOpen;
      return true;
    case 'leave-kiosk':
      if (!win.kiosk) return false;
      void win.leaveKiosk();
      return true;
    default:
      return assertNever(action, 'key action');
  }
}

/** The stream R and D act on: the focus view's, or the tile with the tab stop. */
function current(context: WallKeyContext): { tile: TileView; variant: VariantView | null } | null {
  const { ui } = context.stores;
  const focused = context.focusTile();
  if (focused !== null) return { tile: focused, variant: pickVariant(focused, ui.focus?.variantId) };
  const entry = context.grid()?.activeEntry() ?? null;
  if (entry?.kind !== 'stream') return null;
  return { tile: entry.tile, variant: entry.variant ?? pickVariant(entry.tile, ui.quality.get(entry.tile.id)) };
}

/** Esc closes the innermost thing open; in kiosk mode, with nothing open, twice leaves it (or asks for the PIN). */
function back(context: WallKeyContext): boolean {
  const { ui, window: win } = context.stores;
  if (ui.alarmsOpen) context.closeAlarms();
  else if (ui.downloadsOpen) ui.downloadsOpen = false;
  else if (ui.focus !== null) context.closeFocus();
  else if (win.kiosk) {
    if (ui.escapeKiosk()) void win.leaveKiosk();
  } else return false;
  return true;
}

/** Watches the stream by its id, or stops; a refusal shows in the wall's alert strip. */
async function toggleWatch(context: WallKeyContext, tile: TileView): Promise<void> {
  const { settings, ui } = context.stores;
  const watched = settings.view?.watch.streamIds.includes(tile.id) ?? false;
  const result = await settings.setWatched({ streamId: tile.id }, !watched);
  if (!result.ok) ui.fail('settings', result.error);
}

/** Makes the tile one size larger (after 3x3, ordinary again), the keyboard focus staying on it wherever it lands. */
async function resize(context: WallKeyContext, streamId: string): Promise<void> {
  const { controls } = context.stores;
  await controls.setHero(streamId, nextSpan(spanOf(controls.prefs.heroes, streamId)));
  await context.grid()?.focusActive();
}

/** Focuses the toolbar's search box once it is on screen (it hides in the focus view). */
export function searchFocuser(tick: () => Promise<void>): () => void {
  return () => void tick().then(() => document.getElementById(SEARCH_INPUT_ID)?.focus());
}
