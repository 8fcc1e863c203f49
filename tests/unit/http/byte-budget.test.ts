import { describe, expect, it } from 'vitest';
import { ByteBudget } from '../../../src/main/core/http/byte-budget';

describe('the byte budget for bodies in memory', () => {
  it('grants what fits at once, queues the rest first come first served, and never exceeds its capacity', async () => {
    const budget = new ByteBudget(100);
    const a = await budget.reserve(60);
    const order: string[] = [];
    const b = budget.reserve(50).then((release) => (order.push('b'), release));
    const c = budget.reserve(10).then((release) => (order.push('c'), release));
    await Promise.resolve();
    // c would fit, but b came first: no overtaking, so a big body is never starved.
    expect(order).toEqual([]);
    a();
    (await b)();
    (await c)();
    expect(order).toEqual(['b', 'c']);
    expect(budget.inUse()).toBe(0);
    expect(budget.peakInUse()).toBeLessThanOrEqual(100);
  });

  it('clamps a reservation larger than the whole budget, which then runs alone', async () => {
    const budget = new ByteBudget(100);
    const huge = await budget.reserve(1e9);
    expect(budget.inUse()).toBe(100);
    huge();
    huge();
    expect(budget.inUse()).toBe(0);
  });

  it('a waiter that is cancelled leaves the queue', async () => {
    const budget = new ByteBudget(10);
    const held = await budget.reserve(10);
    const controller = new AbortController();
    const waiting = budget.reserve(5, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    held();
    expect(budget.inUse()).toBe(0);
  });
});
