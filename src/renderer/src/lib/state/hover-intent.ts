import type { Attachment } from 'svelte/attachments';

/** How long the pointer must rest on a tile before its motion clip starts. */
export const HOVER_DELAY_MS = 400;

/**
 * Reports a deliberate hover: `true` once the pointer has rested on the element for `delayMs`,
 * `false` as soon as it leaves. Sweeping the mouse across the wall starts nothing.
 */
export function hoverIntent(onChange: (hovering: boolean) => void, delayMs = HOVER_DELAY_MS): Attachment<HTMLElement> {
  return (element) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const enter = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => onChange(true), delayMs);
    };
    const leave = (): void => {
      clearTimeout(timer);
      onChange(false);
    };
    element.addEventListener('pointerenter', enter);
    element.addEventListener('pointerleave', leave);
    return () => {
      clearTimeout(timer);
      element.removeEventListener('pointerenter', enter);
      element.removeEventListener('pointerleave', leave);
    };
  };
}

/**
 * Reports whether focus is anywhere inside the element (the tile itself or one of its buttons),
 * so a tile reached by keyboard plays its motion clip like a hovered one.
 */
export function focusWithin(onChange: (focused: boolean) => void): Attachment<HTMLElement> {
  return (element) => {
    const focusIn = (): void => onChange(true);
    const focusOut = (event: FocusEvent): void => {
      if (event.relatedTarget instanceof Node && element.contains(event.relatedTarget)) return;
      // Deferred: a focused tile that scrolls out of a virtualised wall loses focus while Svelte
      // removes it, and state must not change in the middle of that update.
      queueMicrotask(() => onChange(false));
    };
    element.addEventListener('focusin', focusIn);
    element.addEventListener('focusout', focusOut);
    return () => {
      element.removeEventListener('focusin', focusIn);
      element.removeEventListener('focusout', focusOut);
    };
  };
}
