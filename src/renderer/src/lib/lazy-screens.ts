/**
 * What the wall does not need to show itself, loaded on first use: Connect, Settings and the
 * save-layout dialog, with zod, which their checks share with main. So the script every start
 * parses holds the wall only. Each loader keeps its promise, so coming back costs nothing.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

export const loadConnectScreen = once(() => import('./components/connect-screen'));
export const loadSettingsScreen = once(() => import('./components/settings-screen'));
export const loadSaveLayoutDialog = once(() => import('./components/wall-toolbar/save-layout-dialog.svelte'));
