import type { Move } from './grid-geometry';

/** What a key press on the wall asks for. */
export type KeyAction =
  | { readonly kind: 'move'; readonly move: Move }
  | { readonly kind: 'reorder'; readonly move: Move }
  | { readonly kind: 'open' }
  | { readonly kind: 'back' }
  | { readonly kind: 'replay' }
  | { readonly kind: 'download' }
  | { readonly kind: 'search' }
  | { readonly kind: 'layout'; readonly number: number }
  | { readonly kind: 'fullscreen' }
  | { readonly kind: 'help' }
  | { readonly kind: 'watch' }
  | { readonly kind: 'hero' }
  | { readonly kind: 'alarms' }
  | { readonly kind: 'leave-kiosk' };

/** The parts of a key event the map reads (a plain object in tests). */
export type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const MOVES: Readonly<Record<string, Move>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
  PageUp: 'page-up',
  PageDown: 'page-down',
};

/**
 * The wall's keys. Only the kiosk escape uses modifiers; any other key with Ctrl, Alt or Meta
 * belongs to the system (copy, reload, window switching) and is left alone.
 */
export function keyAction(event: KeyInput): KeyAction | null {
  if (event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey && event.key.toLowerCase() === 'k') {
    return { kind: 'leave-kiosk' };
  }
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const move = MOVES[event.key];
  // Shift with an arrow carries the tile along: it moves into the neighbouring slot.
  if (move !== undefined && event.shiftKey && ['left', 'right', 'up', 'down'].includes(move)) return { kind: 'reorder', move };
  if (move !== undefined) return { kind: 'move', move };
  if (/^[0-9]$/.test(event.key)) return { kind: 'layout', number: Number(event.key) };
  switch (event.key) {
    case 'Enter':
      return { kind: 'open' };
    case 'Escape':
      return { kind: 'back' };
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
  }
  switch (event.key.toLowerCase()) {
    case 'r':
      return { kind: 'replay' };
    case 'd':
      return { kind: 'download' };
    case 'f':
      return { kind: 'fullscreen' };
    case 'w':
      return { kind: 'watch' };
    case 'a':
      return { kind: 'alarms' };
    case 'h':
      return { kind: 'hero' };
  }
  return null;
}

const TEXT_INPUT_TYPES = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/**
 * Whether the key press belongs to what the operator is typing into (a text field, a select, an
 * editable region): the wall must never take letters or arrows from there.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !TEXT_INPUT_TYPES.has(target.type);
  return target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
}

/** One line of the help overlay: the keys and what they do (a dictionary key). */
export interface KeyHelp {
  readonly keys: readonly string[];
  readonly what:
    | 'help.move'
    | 'help.reorder'
    | 'help.pages'
    | 'help.firstLast'
    | 'help.open'
    | 'help.back'
    | 'help.replay'
    | 'help.download'
    | 'help.watch'
    | 'help.hero'
    | 'help.alarms'
    | 'help.search'
    | 'help.layouts'
    | 'help.freeWall'
    | 'help.fullscreen'
    | 'help.help'
    | 'help.leaveKiosk';
}

/** Every key the wall answers to, in the order the help overlay lists them. */
export const KEY_HELP: readonly KeyHelp[] = [
  { keys: ['←', '→', '↑', '↓'], what: 'help.move' },
  { keys: ['Shift+Arrow'], what: 'help.reorder' },
  { keys: ['Home', 'End'], what: 'help.firstLast' },
  { keys: ['PageUp', 'PageDown'], what: 'help.pages' },
  { keys: ['Enter'], what: 'help.open' },
  { keys: ['Esc'], what: 'help.back' },
  { keys: ['R'], what: 'help.replay' },
  { keys: ['D'], what: 'help.download' },
  { keys: ['W'], what: 'help.watch' },
  { keys: ['H'], what: 'help.hero' },
  { keys: ['A'], what: 'help.alarms' },
  { keys: ['/'], what: 'help.search' },
  { keys: ['1', '…', '9'], what: 'help.layouts' },
  { keys: ['0'], what: 'help.freeWall' },
  { keys: ['F'], what: 'help.fullscreen' },
  { keys: ['?'], what: 'help.help' },
  { keys: ['Esc Esc', 'Ctrl+Shift+K'], what: 'help.leaveKiosk' },
];
