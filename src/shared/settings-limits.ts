/**
 * Settings' limits and fixed choices as plain values, without zod: the wall's first script
 * imports these, and zod (about 200 KB) loads only with Connect and Settings (see
 * `lazy-screens.ts`). `settings-view.ts` builds its schemas from them.
 */

/** The colours an organisation's chip can take: few, far apart, each readable with white or black text. */
export const ORGANISATION_COLOURS = ['blue', 'orange', 'green', 'purple', 'red', 'teal', 'yellow', 'grey'] as const;

/** The most stream ids the wall remembers the slots of, and the most labels kept. */
export const MAX_SLOTS = 2000;
export const MAX_LABELS = 2000;
/** The longest label, and the longest stream key a label is kept for. */
export const MAX_LABEL_LENGTH = 60;
export const MAX_STREAM_KEY_LENGTH = 400;

/** The most wall windows besides the main one. */
export const MAX_WALL_WINDOWS = 8;

/** A wall window's id: main makes it, the window's page finds itself by it (`?wall=` in its address). */
export const WALL_WINDOW_ID = /^[a-z0-9-]{1,40}$/;
