import type { BintuCredential } from '../bintu/bintu-client';

/** A running bintu stand-in for demo mode: where it is and the credential it accepts. */
export interface DemoBackend {
  apiBase: string;
  credential: BintuCredential;
  close(): Promise<void>;
}
