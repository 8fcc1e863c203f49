import { createSubscriber } from 'svelte/reactivity';
import type { AppErrorData, Result } from '../../../../shared/errors';
import { settle } from '../bridge';
import type { EarlySnapshot } from './early-snapshot';

/** Where a mirror's value comes from: one question to main, and main's pushes. */
export interface MirrorSource<T> {
  /** Asks main for the current value (a rejected call counts as a failed answer). */
  readonly fetch: () => Promise<Result<T>>;
  /** Listens for main's pushes; returns the function that stops listening. */
  readonly listen: (listener: (value: T) => void) => () => void;
}

/** What sets one mirror apart from another. */
export interface MirrorOptions<T> {
  /** A first answer asked for before anyone read the value: the first reader takes it over rather than ask again. */
  readonly early?: EarlySnapshot<T>;
  /** Shapes each new value from the one it replaces (the wall keeps its tiles in their places). */
  readonly adopt?: (next: T, previous: T | null) => T;
  /** Forget the value when the last reader goes, so the next one starts blank rather than show an old value. */
  readonly forgetWhenIdle?: boolean;
}

/**
 * A value main owns, as the page last heard of it: main's answer to one question, then every
 * push. Main's listener is attached only while something reactive reads the value (a component
 * on screen), and the question is asked each time it is attached. A push, or a command's answer,
 * is newer than an answer still on its way: that answer is then dropped. An answer that failed
 * is kept as `loadError` until a value arrives, so the page can say so.
 */
export class MainMirror<T> {
  readonly #source: MirrorSource<T>;
  readonly #options: MirrorOptions<T>;
  readonly #subscribe: () => void;
  #value = $state.raw<T | null>(null);
  #loadError = $state.raw<AppErrorData | null>(null);
  /** Counts the values taken in: an answer is taken only if none came while it was on its way. */
  #version = 0;
  /** How many values main has pushed: a command's answer older than a push is dropped (see `answer`). */
  #pushes = 0;

  constructor(source: MirrorSource<T>, options: MirrorOptions<T> = {}) {
    this.#source = source;
    this.#options = options;
    this.#subscribe = createSubscriber(() => this.#attach());
  }

  /** The latest value, or null until the first one; reading it in a template or effect keeps it current. */
  get value(): T | null {
    this.#subscribe();
    return this.#value;
  }

  /**
   * The same value, reactive, but without attaching main's listener: for the owner's `$derived`
   * fields, whose getters call `track` (a derivation is no place to attach a listener).
   */
  get stored(): T | null {
    return this.#value;
  }

  /** Keeps main's listener attached while the caller is read reactively; `value` does this itself. */
  track(): void {
    this.#subscribe();
  }

  /** Why asking main failed, while no value has arrived. */
  get loadError(): AppErrorData | null {
    this.#subscribe();
    return this.#value === null ? this.#loadError : null;
  }

  /** Takes a value main gave another way (a command's answer, a change shown before main confirms it). */
  set(value: T): void {
    this.#version++;
    const adopt = this.#options.adopt;
    this.#value = adopt === undefined ? value : adopt(value, this.#value);
    this.#loadError = null;
  }

  /**
   * Takes a command's answer, unless main pushed a value after the command was sent: main pushes
   * every change, so that push (or the one for this command, still on its way) is at least as
   * new, and an answer arriving after it would put an older value back.
   */
  async answer(reply: Promise<Result<T>>): Promise<Result<T>> {
    const pushes = this.#pushes;
    const result = await settle(reply);
    if (result.ok && this.#pushes === pushes) this.set(result.value);
    return result;
  }

  /** Asks main again (after a failed first attempt). */
  retry(): Promise<void> {
    this.#loadError = null;
    return this.#take(this.#source.fetch(), () => true);
  }

  #attach(): () => void {
    let live = true;
    const off = this.#source.listen((value) => {
      this.#pushes++;
      this.set(value);
    });
    const early = this.#options.early?.take() ?? null;
    const pushedEarly = early?.pushed ?? null;
    const asked = this.#version;
    if (pushedEarly !== null) {
      // Deferred: this runs while a component first reads the value, where state must not change.
      queueMicrotask(() => {
        if (live && this.#version === asked) this.set(pushedEarly);
      });
    }
    void this.#take(early?.answer ?? this.#source.fetch(), () => live);
    return () => {
      live = false;
      off();
      if (this.#options.forgetWhenIdle === true) {
        this.#value = null;
        this.#loadError = null;
      }
    };
  }

  async #take(answer: Promise<Result<T>>, live: () => boolean): Promise<void> {
    const asked = this.#version;
    const result = await settle(answer);
    if (!live()) return;
    if (!result.ok) this.#loadError = result.error;
    else if (this.#version === asked) this.set(result.value);
  }
}
