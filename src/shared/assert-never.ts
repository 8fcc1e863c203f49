/** Marks a switch exhaustive: the compiler rejects a case left out, and reaching it at run time throws. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
