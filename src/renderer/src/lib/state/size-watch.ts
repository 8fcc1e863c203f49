type Listener = () => void;

let observer: ResizeObserver | null = null;
const listeners = new Map<Element, Listener>();

/**
 * Calls `listener` once the element has a size and again whenever it changes. One observer
 * serves every tile: its single callback lets every listener read layout before any of them
 * changes the page, where an observer per tile would lay the page out again for each.
 * Returns the function that stops watching.
 */
export function watchSize(element: Element, listener: Listener): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.();
  });
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}
