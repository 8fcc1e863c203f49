/** The icons `Icon` can draw. */
export type IconName =
  | 'replay'
  | 'download'
  | 'fullscreen'
  | 'exit-fullscreen'
  | 'help'
  | 'settings'
  | 'close'
  | 'copy'
  | 'check'
  | 'folder'
  | 'search'
  | 'back'
  | 'previous'
  | 'next'
  | 'refresh'
  | 'tag'
  | 'save';
