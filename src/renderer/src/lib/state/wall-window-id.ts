import { WALL_WINDOW_ID } from '../../../../shared/settings-limits';

/**
 * Which wall window this page is: the id main put in its address (`?wall=<id>`) for a window
 * opened besides the main one, or null for the main window (and for an address that is no id).
 */
export function wallWindowId(search: string = typeof location === 'undefined' ? '' : location.search): string | null {
  const id = new URLSearchParams(search).get('wall');
  return id !== null && WALL_WINDOW_ID.test(id) ? id : null;
}
