import { wallWindowIdSchema } from '../../../../shared/settings-view';

/**
 * Which wall window this page is: the id main put in its address (`?wall=<id>`) for a window
 * opened besides the main one, or null for the main window (and for an address that is no id).
 */
export function wallWindowId(search: string = typeof location === 'undefined' ? '' : location.search): string | null {
  const parsed = wallWindowIdSchema.safeParse(new URLSearchParams(search).get('wall'));
  return parsed.success ? parsed.data : null;
}
