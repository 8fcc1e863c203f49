import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/lib/i18n/en';
import { KEY_HELP, keyAction, type KeyAction } from '../../../src/renderer/src/lib/state/keymap';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  keyAction({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('the wall keys', () => {
  it('moves with arrows, Home, End and the page keys', () => {
    expect(press('ArrowLeft')).toEqual({ kind: 'move', move: 'left' });
    expect(press('ArrowDown')).toEqual({ kind: 'move', move: 'down' });
    expect(press('End')).toEqual({ kind: 'move', move: 'end' });
    expect(press('PageDown')).toEqual({ kind: 'move', move: 'page-down' });
  });

  it('maps the action keys, letters in either case', () => {
    const kinds = ['Enter', 'Escape', 'r', 'R', 'd', 'D', '/', 'f', 'F', '?', 'w', 'W', 'a', 'A', 'h', 'H'].map((key) => press(key)?.kind);
    expect(kinds).toEqual(['open', 'back', 'replay', 'replay', 'download', 'download', 'search', 'fullscreen', 'fullscreen', 'help', 'watch', 'watch', 'alarms', 'alarms', 'hero', 'hero']);
  });

  it('picks saved layouts with 1 to 9 and the free wall with 0', () => {
    expect(press('1')).toEqual({ kind: 'layout', number: 1 });
    expect(press('9')).toEqual({ kind: 'layout', number: 9 });
    expect(press('0')).toEqual({ kind: 'layout', number: 0 });
  });

  it('leaves keys with Ctrl, Alt or Meta to the system, except the kiosk escape', () => {
    expect(press('r', { ctrlKey: true })).toBeNull();
    expect(press('f', { metaKey: true })).toBeNull();
    expect(press('1', { altKey: true })).toBeNull();
    expect(press('K', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'leave-kiosk' });
    expect(press('k', { ctrlKey: true })).toBeNull();
  });

  it('ignores keys it has no use for', () => {
    expect(press('x')).toBeNull();
    expect(press(' ')).toBeNull();
    expect(press('Tab')).toBeNull();
  });

  it('lists every action in the help, each with a string', () => {
    const kinds: KeyAction['kind'][] = ['move', 'open', 'back', 'replay', 'download', 'search', 'layout', 'fullscreen', 'help', 'leave-kiosk', 'watch', 'alarms', 'hero'];
    const covered = new Set(
      KEY_HELP.flatMap((line) =>
        line.keys.flatMap((label) => {
          const key = { '←': 'ArrowLeft', Esc: 'Escape', 'Esc Esc': 'Escape', PageUp: 'PageUp', 'Ctrl+Shift+K': 'K' }[label] ?? label;
          const action = press(key, label === 'Ctrl+Shift+K' ? { ctrlKey: true, shiftKey: true } : {});
          return action === null ? [] : [action.kind];
        }),
      ),
    );
    expect([...covered].sort()).toEqual([...kinds].sort());
    for (const line of KEY_HELP) expect(en[line.what]).toBeTruthy();
  });
});

describe('moving tiles by keyboard', () => {
  it('Shift with an arrow moves the tile, not the focus; Shift with Home or the page keys does not', () => {
    const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: true });
    expect(keyAction(key('ArrowRight'))).toEqual({ kind: 'reorder', move: 'right' });
    expect(keyAction(key('ArrowUp'))).toEqual({ kind: 'reorder', move: 'up' });
    expect(keyAction(key('Home'))).toEqual({ kind: 'move', move: 'home' });
  });
});

