/**
 * When each alarm (a stream and a type) was raised recently, to tell a fault that keeps coming and
 * going from one that happened once. Entries outside the window are dropped as new ones arrive.
 */
export class FlapHistory {
  private readonly raises = new Map<string, number[]>();

  /** Records a raise and returns how many raises the key had within the window, this one included. */
  record(key: string, at: number, windowMs: number): number {
    const recent = (this.raises.get(key) ?? []).filter((time) => at - time < windowMs);
    recent.push(at);
    this.raises.set(key, recent);
    return recent.length;
  }

  /** Forgets every key that starts with the prefix (a dismissed stream). */
  forget(prefix: string): void {
    for (const key of [...this.raises.keys()]) if (key.startsWith(prefix)) this.raises.delete(key);
  }
}
