/**
 * Electron's event object. `electron.d.ts`: `type Event<Params> = { preventDefault: () => void;
 * readonly defaultPrevented: boolean } & Params`. There is no way to take a `preventDefault()`
 * back, so the object is frozen: a listener that tries to reset `defaultPrevented` throws.
 */
export type StandInEvent<P extends object = object> = Readonly<P> & { preventDefault(): void; readonly defaultPrevented: boolean };

/** Builds one event, as Electron hands the same object to every listener of one emit. */
export function makeEvent<P extends object>(params: P): StandInEvent<P> {
  let prevented = false;
  const event = { ...params } as Record<string, unknown>;
  Object.defineProperties(event, {
    preventDefault: { value: () => void (prevented = true), enumerable: false },
    defaultPrevented: { get: () => prevented, enumerable: true },
  });
  return Object.freeze(event) as StandInEvent<P>;
}
