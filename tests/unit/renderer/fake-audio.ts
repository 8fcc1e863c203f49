import type { SoundContext } from '../../../src/renderer/src/lib/state/alarm-sound.svelte';

/** An audio node of the fake context: what it is connected to, and whether it runs. */
class FakeNode extends EventTarget {
  readonly connections: unknown[] = [];
  started = false;
  stopped = false;
  type = 'sine';
  readonly frequency = { value: 0 };
  readonly gain = { value: 1, setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined };

  connect<T>(target: T): T {
    this.connections.push(target);
    return target;
  }
  disconnect(): void {
    this.connections.length = 0;
  }
  start(): void {
    this.started = true;
  }
  stop(): void {
    this.stopped = true;
  }
}

/**
 * A stand-in for the browser's `AudioContext`: it starts suspended as a browser's does before a
 * gesture, resumes when asked (or refuses to, as a browser without a gesture would), and keeps
 * every oscillator it made so a test can see which ones sound.
 */
export class FakeAudio extends EventTarget {
  state: AudioContextState = 'suspended';
  currentTime = 0;
  readonly destination = new FakeNode();
  readonly oscillators: FakeNode[] = [];
  /** Whether `resume` works (a browser refuses it without a gesture). */
  allowResume = true;

  createOscillator(): FakeNode {
    const node = new FakeNode();
    this.oscillators.push(node);
    return node;
  }
  createGain(): FakeNode {
    return new FakeNode();
  }
  async resume(): Promise<void> {
    if (!this.allowResume) return;
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
  }
  async close(): Promise<void> {
    this.state = 'closed';
    this.dispatchEvent(new Event('statechange'));
  }

  /** Oscillators started and not stopped: what is sounding now. */
  sounding(): number {
    return this.oscillators.filter((node) => node.started && !node.stopped).length;
  }

  /** This fake, typed as the context the sound uses. */
  asContext(): SoundContext {
    return this as unknown as SoundContext;
  }
}
