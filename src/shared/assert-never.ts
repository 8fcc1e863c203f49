/** Marks a branch unreachable; the compiler proves every case of a union was handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
