/**
 * Hides the mouse pointer after `afterS` seconds without movement (a kiosk wall must not show a
 * stray arrow over a picture); any movement shows it again. `afterS` 0 never hides it. Returns
 * the function that stops and shows the pointer.
 */
export function hideIdleCursor(root: HTMLElement, afterS: number): () => void {
  if (afterS <= 0) return () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    delete root.dataset.cursorHidden;
    clearTimeout(timer);
    timer = setTimeout(() => (root.dataset.cursorHidden = 'true'), afterS * 1000);
  };
  arm();
  window.addEventListener('pointermove', arm, { passive: true });
  window.addEventListener('pointerdown', arm, { passive: true });
  return () => {
    clearTimeout(timer);
    window.removeEventListener('pointermove', arm);
    window.removeEventListener('pointerdown', arm);
    delete root.dataset.cursorHidden;
  };
}
