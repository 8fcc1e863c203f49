/** The search input's id, for the "/" key (kept in plain TypeScript so every checker can see it). */
export const SEARCH_INPUT_ID = 'wall-search';
