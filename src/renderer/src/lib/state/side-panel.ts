import type { Attachment } from 'svelte/attachments';

/**
 * A panel at the side of the wall (downloads, alarms): takes the focus on its heading when it
 * opens, and Esc inside it closes it and goes no further (the wall's own Esc stays untouched).
 */
export function sidePanel(onClose: () => void): Attachment<HTMLElement> {
  return (element) => {
    element.querySelector<HTMLElement>('h2')?.focus();
    const escape = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    element.addEventListener('keydown', escape);
    return () => element.removeEventListener('keydown', escape);
  };
}
