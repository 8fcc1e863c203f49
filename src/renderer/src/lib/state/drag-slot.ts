import type { Attachment } from 'svelte/attachments';

/** The drag data type of a wall cell: its entry key, so nothing else dropped on the wall counts. */
const SLOT_TYPE = 'application/x-bintu-wall-slot';

/**
 * Makes a wall cell draggable and a place to drop another cell on: dropping moves the dragged
 * tile into this slot (`onMove(from, to)` with entry keys). Without `onMove` (another order is
 * in force, or a kiosk) the cell is neither.
 */
export function dragSlot(key: string, onMove: ((from: string, to: string) => void) | null): Attachment<HTMLElement> {
  return (cell) => {
    if (onMove === null) return;
    cell.draggable = true;
    const start = (event: DragEvent): void => {
      event.dataTransfer?.setData(SLOT_TYPE, key);
      if (event.dataTransfer !== null) event.dataTransfer.effectAllowed = 'move';
    };
    const over = (event: DragEvent): void => {
      if (!event.dataTransfer?.types.includes(SLOT_TYPE)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      cell.dataset.dropTarget = 'true';
    };
    const leave = (): void => {
      delete cell.dataset.dropTarget;
    };
    const drop = (event: DragEvent): void => {
      leave();
      const from = event.dataTransfer?.getData(SLOT_TYPE) ?? '';
      if (from === '' || from === key) return;
      event.preventDefault();
      onMove(from, key);
    };
    cell.addEventListener('dragstart', start);
    cell.addEventListener('dragover', over);
    cell.addEventListener('dragleave', leave);
    cell.addEventListener('drop', drop);
    return () => {
      cell.draggable = false;
      leave();
      cell.removeEventListener('dragstart', start);
      cell.removeEventListener('dragover', over);
      cell.removeEventListener('dragleave', leave);
      cell.removeEventListener('drop', drop);
    };
  };
}
