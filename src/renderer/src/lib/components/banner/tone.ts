/** How serious a banner is: info (demo, cached wall), warning (offline, no keychain), danger. */
export type Tone = 'info' | 'warning' | 'danger';
