/**
 * The tile order after an update: streams already on the wall keep their relative places, new
 * ones are added at the end in the order main sent them, and gone ones drop out. Operators learn
 * where a stream sits; a refresh that reorders the list must not move it.
 */
export function stableOrder(previous: readonly string[], incoming: readonly string[]): string[] {
  const present = new Set(incoming);
  const kept = previous.filter((id) => present.has(id));
  const known = new Set(kept);
  const added = incoming.filter((id) => {
    if (known.has(id)) return false;
    known.add(id);
    return true;
  });
  return [...kept, ...added];
}
