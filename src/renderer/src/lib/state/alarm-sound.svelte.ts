/** The parts of `AudioContext` the alarm sound uses (a fake one in tests). */
export type SoundContext = Pick<AudioContext, 'state' | 'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'resume' | 'close'> &
  Pick<EventTarget, 'addEventListener'>;

/** What the end-to-end tests read from the page: the audio graph as it is, not what was asked for. */
export interface SoundProbe {
  /** The looping tone's oscillators are started, connected and the context is running. */
  readonly playing: boolean;
  /** Chimes started on a running context since the page loaded. */
  readonly chimes: number;
  readonly context: AudioContextState | 'none' | 'unavailable';
}

interface Loop {
  readonly carrier: OscillatorNode;
  readonly lfo: OscillatorNode;
  readonly depth: GainNode;
  readonly gain: GainNode;
}

/** Loudness of the tones at volume 1: the tone is meant to be heard, not to startle. */
const LEVEL = 0.3;
/** How long "silence" lasts. */
export const SILENCE_MS = 5 * 60_000;

/**
 * The alarm sound, synthesised with WebAudio (no audio files): a two-tone loop while a critical
 * alarm is unacknowledged, one chime per warning. Browsers start an `AudioContext` suspended
 * until the operator clicks or presses a key (Electron's window allows it at once, for kiosk
 * walls nobody touches): `unlock` is called on the first gesture, and `blocked` says meanwhile
 * that sound cannot play. "Silence" stops the loop and the chimes for five minutes.
 */
export class AlarmSound {
  readonly #create: () => SoundContext | null;
  readonly #now: () => number;
  #context: SoundContext | null = null;
  #contextState = $state<SoundProbe['context']>('none');
  #loop: Loop | null = null;
  #wanted = false;
  #volume = 0.8;
  #chimes = 0;
  #silenceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Until when sound is silenced (ms epoch), or null. */
  silencedUntil = $state<number | null>(null);

  constructor(create: () => SoundContext | null = defaultContext, now: () => number = Date.now) {
    this.#create = create;
    this.#now = now;
  }

  /** Whether sound cannot play now because the page has not been allowed to start audio. */
  get blocked(): boolean {
    return this.#contextState !== 'running';
  }

  /** Whether the audio context could not be made at all (no audio in this browser). */
  get unavailable(): boolean {
    return this.#contextState === 'unavailable';
  }

  /** The audio graph as it is, for tests. */
  probe(): SoundProbe {
    return { playing: this.#loop !== null && this.#context?.state === 'running', chimes: this.#chimes, context: this.#contextState };
  }

  /** Makes the audio context (it may start suspended); `unlock` resumes it on a gesture. */
  start(): void {
    if (this.#context !== null || this.#contextState === 'unavailable') return;
    const context = safely(this.#create);
    if (context === null) {
      this.#contextState = 'unavailable';
      return;
    }
    this.#context = context;
    this.#contextState = context.state;
    context.addEventListener('statechange', () => {
      this.#contextState = context.state;
      this.#apply();
    });
  }

  /** Called on the operator's clicks and key presses: the moment a browser lets audio start. */
  unlock(): void {
    this.start();
    if (this.#context?.state === 'suspended') void this.#context.resume().catch(() => undefined);
  }

  /** Loops the tone while `on` (and not silenced), at a volume from 0 to 1. */
  setLoop(on: boolean, volume: number): void {
    this.#wanted = on;
    this.#volume = volume;
    if (this.#loop !== null) this.#loop.gain.gain.value = volume * LEVEL;
    this.#apply();
  }

  /** One chime for a warning; false when it could not sound (blocked or silenced). */
  chime(volume: number): boolean {
    const context = this.#context;
    if (context === null || context.state !== 'running' || this.silencedUntil !== null || volume <= 0) return false;
    const at = context.currentTime;
    note(context, 880, at, 0.35, volume * LEVEL);
    note(context, 660, at + 0.18, 0.5, volume * LEVEL);
    this.#chimes++;
    return true;
  }

  /** Silences the loop and the chimes for a while (five minutes unless told). */
  silence(ms = SILENCE_MS): void {
    clearTimeout(this.#silenceTimer);
    this.silencedUntil = this.#now() + ms;
    this.#silenceTimer = setTimeout(() => this.unsilence(), ms);
    this.#apply();
  }

  /** Lets sound play again before the silence ends. */
  unsilence(): void {
    clearTimeout(this.#silenceTimer);
    this.silencedUntil = null;
    this.#apply();
  }

  /** Stops every tone and releases the audio device. */
  dispose(): void {
    clearTimeout(this.#silenceTimer);
    this.#stopLoop();
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
    this.#contextState = 'none';
  }

  #apply(): void {
    const context = this.#context;
    const on = this.#wanted && this.silencedUntil === null && this.#volume > 0 && context?.state === 'running';
    if (!on) this.#stopLoop();
    else if (this.#loop === null && context !== null) this.#loop = startLoop(context, this.#volume * LEVEL);
  }

  #stopLoop(): void {
    const loop = this.#loop;
    if (loop === null) return;
    this.#loop = null;
    for (const node of [loop.carrier, loop.lfo]) {
      node.stop();
      node.disconnect();
    }
    loop.depth.disconnect();
    loop.gain.disconnect();
  }
}

/** A triangle tone whose pitch a square wave flips between about 590 and 890 Hz, 1.25 times a second. */
function startLoop(context: SoundContext, level: number): Loop {
  const carrier = context.createOscillator();
  carrier.type = 'triangle';
  carrier.frequency.value = 740;
  const lfo = context.createOscillator();
  lfo.type = 'square';
  lfo.frequency.value = 1.25;
  const depth = context.createGain();
  depth.gain.value = 150;
  const gain = context.createGain();
  gain.gain.value = level;
  lfo.connect(depth).connect(carrier.frequency);
  carrier.connect(gain).connect(context.destination);
  carrier.start();
  lfo.start();
  return { carrier, lfo, depth, gain };
}

/** One decaying sine note. */
function note(context: SoundContext, frequency: number, at: number, length: number, level: number): void {
  const oscillator = context.createOscillator();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  const gain = context.createGain();
  gain.gain.setValueAtTime(level, at);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(at);
  oscillator.stop(at + length);
  oscillator.addEventListener('ended', () => gain.disconnect());
}

function defaultContext(): SoundContext | null {
  return typeof AudioContext === 'undefined' ? null : new AudioContext();
}

function safely(create: () => SoundContext | null): SoundContext | null {
  try {
    return create();
  } catch {
    return null;
  }
}

/**
 * Lets the end-to-end tests read the sound (`window.__wallSound`) when their init script set
 * `window.__wallTestHooks`; the app itself never sets it, and then nothing is exposed.
 */
export function exposeSoundProbe(sound: AlarmSound, host: object = globalThis): void {
  if ((host as { __wallTestHooks?: unknown }).__wallTestHooks !== true) return;
  Object.defineProperty(host, '__wallSound', { get: () => sound.probe(), configurable: true });
}
