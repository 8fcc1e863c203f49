import { describe, expect, it } from 'vitest';
import type { Layout } from '../../../src/shared/settings-view';
import { SettingsState } from '../../../src/renderer/src/lib/state/settings-state.svelte';
import { WallControls } from '../../../src/renderer/src/lib/state/wall-controls.svelte';
import { FakeBridge } from './fake-bridge';
import { mountReader } from './reader.svelte';
import { settingsWith } from './state-fixtures';

const filter = { search: '', states: [], tags: [], profiles: [] };
const studios: Layout = { name: 'Studios', grid: '2x2', slots: [], filter, sort: 'name', heroes: { s1: 2 } };
const view = settingsWith({ layouts: [studios], wallWindows: [{ id: 'w-2', displayId: 2, layout: 'Studios', bounds: null }] });

/** Controls for a page, with main's settings read. */
async function controlsFor(windowId: string | null) {
  const bridge = new FakeBridge();
  const settings = new SettingsState(bridge);
  const controls = new WallControls(settings, windowId);
  const reader = mountReader(() => ({ grid: controls.prefs.grid, heroes: controls.prefs.heroes, layout: controls.activeLayout?.name ?? null }));
  await bridge.answer('settings:get', view);
  return { bridge, controls, reader };
}

describe('WallControls in a wall window besides the main one', () => {
  it('shows the layout its settings entry names; the main window shows the free wall', async () => {
    const extra = await controlsFor('w-2');
    expect(extra.reader.latest()).toEqual({ grid: '2x2', heroes: { s1: 2 }, layout: 'Studios' });
    const main = await controlsFor(null);
    expect(main.reader.latest()).toEqual({ grid: 'auto', heroes: {}, layout: null });
    await extra.reader.stop();
    await main.reader.stop();
  });

  it('keeps its changes in its layout, never in the main wall, and switches layouts through its entry', async () => {
    const { bridge, controls, reader } = await controlsFor('w-2');
    controls.setGrid('3x3');
    expect(reader.latest().grid).toBe('3x3');
    expect(bridge.request('settings:update')).toEqual({ layouts: [{ ...studios, grid: '3x3' }] });
    await bridge.answer('settings:update', { ...view, layouts: [{ ...studios, grid: '3x3' }] });
    const hero = controls.setHero('s2', 3);
    expect(bridge.request('settings:update')).toEqual({ layouts: [{ ...studios, grid: '3x3', heroes: { s1: 2, s2: 3 } }] });
    await bridge.answer('settings:update', view);
    await hero;
    const switching = controls.applyLayout(null);
    expect(bridge.request('window:set-wall-layout')).toEqual({ id: 'w-2', layout: null });
    await bridge.answer('window:set-wall-layout', { ...view, wallWindows: [{ id: 'w-2', displayId: 2, layout: null, bounds: null }] });
    expect(await switching).toBe(true);
    expect(reader.latest()).toEqual({ grid: 'auto', heroes: {}, layout: null });
    // The free wall's slot order is the main window's to keep.
    controls.rememberSlots(['s2', 's1']);
    expect(bridge.asked('settings:update')).toBe(2);
    await reader.stop();
  });
});
