/** The shapes the wall uses for stream states and connection status; each differs in outline. */
export type Shape = 'dot' | 'ring' | 'square' | 'padlock' | 'triangle';
