import type { Attachment } from 'svelte/attachments';

/**
 * Shows a <dialog> as a modal for as long as it is mounted: focus moves into it and the page
 * behind is inert until it closes. Unmounting closes it.
 */
export const modalDialog: Attachment<HTMLDialogElement> = (dialog) => {
  dialog.showModal();
  return () => dialog.close();
};
