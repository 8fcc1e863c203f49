/// <reference types="svelte" />
import type { WallBridge } from '../../shared/ipc-contract';

declare global {
  /** The page's only way to main: the preload's typed bridge, derived from the IPC contract. */
  interface Window {
    wall: WallBridge;
  }
}

export {};
