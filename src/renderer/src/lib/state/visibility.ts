type Listener = (visible: boolean) => void;

let observer: IntersectionObserver | null = null;
const listeners = new Map<Element, Listener>();

/**
 * Tells `listener` whether `element` is on screen. One observer serves every tile (a wall of
 * 500 tiles must not create 500 observers); returns the function that stops watching.
 */
export function watchVisibility(element: Element, listener: Listener): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    listener(true);
    return () => undefined;
  }
  observer ??= new IntersectionObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
  });
  listeners.set(element, listener);
  observer.observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}
