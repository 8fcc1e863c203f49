/**
 * The wall's remembered slot order after an update: every stream ever placed keeps its slot,
 * also while it is out of the list (another profile's, or one that left for a while and comes
 * back to where it was); new ones go at the end. Beyond `max` ids, ids not in the list now are
 * forgotten from the front, never one that is in it.
 */
export function rememberOrder(memory: readonly string[], incoming: readonly string[], max: number): string[] {
  const known = new Set(memory);
  const order = [...memory];
  for (const id of incoming) {
    if (known.has(id)) continue;
    known.add(id);
    order.push(id);
  }
  if (order.length <= max) return order;
  const present = new Set(incoming);
  let surplus = order.length - max;
  return order.filter((id) => present.has(id) || surplus-- <= 0);
}

/**
 * The order with `id` moved into `target`'s slot: the streams between shift by one towards the
 * slot it left, the rest keep theirs. Unknown ids leave the order as it was.
 */
export function moveInOrder(order: readonly string[], id: string, target: string): string[] {
  const from = order.indexOf(id);
  const to = order.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...order];
  const rest = order.filter((other) => other !== id);
  rest.splice(to, 0, id);
  return rest;
}
