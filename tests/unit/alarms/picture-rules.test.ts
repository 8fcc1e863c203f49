import { describe, expect, it } from 'vitest';
import { black, broken, measure, setup, slate, stream } from './harness';

describe('frozen picture', () => {
  it('is pending on the first same-looking version and raised after 3 of them and 30 s', () => {
    const h = setup();
    h.list([stream('s')]);
    const good = h.picture('s', measure(1));
    h.at(10);
    const firstBad = h.picture('s', measure(1));
    expect(h.health('s').state).toBe('pending');
    h.at(20);
    h.picture('s', measure(1));
    expect(h.health('s').state).toBe('pending');
    h.at(30);
    h.picture('s', measure(1));
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'frozen', since: h.iso(0), severity: 'warning' });
    expect(h.log()).toEqual(['pending:frozen', 'alarm:frozen']);
    expect(h.events[1]).toMatchObject({ streamId: 's', streamName: 'name-s', at: h.iso(30), evidence: { lastGood: good, firstBad } });
  });

  it('waits for 30 s even when 3 versions came sooner, and needs no new picture to get there', () => {
    const h = setup();
    h.list([stream('s', { thumbnailIntervalS: 5 })]);
    h.picture('s', measure(1));
    for (const t of [5, 10, 15]) {
      h.at(t);
      h.picture('s', measure(1));
    }
    expect(h.health('s').state).toBe('pending');
    h.at(29);
    expect(h.health('s').state).toBe('pending');
    h.at(30);
    expect(h.health('s').state).toBe('alarm');
  });

  it('counts a rewritten file with the same bytes (outcome unchanged) as a same-looking version', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    for (const t of [10, 20, 30]) {
      h.at(t);
      h.refresh('s', 'unchanged');
    }
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'frozen' });
  });

  it('does not count 304s as versions', () => {
    const h = setup({ settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    h.picture('s', measure(1));
    for (let t = 2; t <= 60; t += 2) {
      h.at(t);
      h.refresh('s', 'not-modified');
    }
    expect(h.health('s').state).toBe('ok');
  });

  it('clears on one fresh picture that differs', () => {
    const h = setup();
    h.list([stream('s')]);
    for (const t of [0, 10, 20, 30]) {
      h.at(t);
      h.picture('s', measure(1));
    }
    h.at(40);
    h.picture('s', measure(2));
    expect(h.health('s').state).toBe('ok');
    expect(h.log()).toEqual(['pending:frozen', 'alarm:frozen', 'cleared:frozen']);
    expect(h.events[2]).toMatchObject({ raised: true });
  });

  it('a single repeat that resolves is pending then cleared, never raised', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.at(10);
    h.picture('s', measure(1));
    h.at(20);
    h.picture('s', measure(2));
    expect(h.log()).toEqual(['pending:frozen', 'cleared:frozen']);
    expect(h.events[1]).toMatchObject({ raised: false });
  });

  it('is critical on a watched stream', () => {
    const h = setup({ watched: { tags: ['main'] } });
    h.list([stream('s', { tags: ['main'] })]);
    for (const t of [0, 10, 20, 30]) {
      h.at(t);
      h.picture('s', measure(1));
    }
    expect(h.health('s').severity).toBe('critical');
    expect(h.events.at(-1)?.severity).toBe('critical');
  });
});

describe('black picture', () => {
  it('is raised after 2 black versions and 20 s, as black and not as frozen', () => {
    const h = setup();
    h.list([stream('s')]);
    const good = h.picture('s', measure(1));
    h.at(10);
    const firstBad = h.picture('s', black());
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'black' });
    h.at(20);
    h.picture('s', black());
    h.at(30);
    h.picture('s', black());
    h.at(40);
    h.picture('s', black());
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'black' });
    expect(h.health('s').alarms.map((a) => a.type)).toEqual(['black']);
    expect(h.log()).toEqual(['pending:black', 'alarm:black']);
    expect(h.events[1]?.evidence).toEqual({ lastGood: good, firstBad });
  });

  it('one black version is not enough however long it stays', () => {
    const h = setup({ settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    h.picture('s', black());
    h.at(300);
    expect(h.health('s').state).toBe('pending');
  });

  it('clears on the first picture that is not black', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', black());
    h.at(10);
    h.picture('s', black());
    h.at(20);
    expect(h.health('s').state).toBe('alarm');
    h.at(25);
    h.picture('s', measure(3));
    expect(h.health('s').state).toBe('ok');
  });
});

describe('uniform slate', () => {
  it('is its own type with the same rule as black', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', slate());
    h.at(10);
    h.picture('s', slate());
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'uniform' });
    h.at(20);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'uniform' });
    expect(h.health('s').alarms.map((a) => a.type)).toEqual(['uniform']);
  });
});

describe('unreadable picture', () => {
  it('is pending at once and raised after 2 versions and 20 s', () => {
    const h = setup();
    h.list([stream('s')]);
    const good = h.picture('s', measure(1));
    h.at(10);
    const bad = h.picture('s', broken);
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'unreadable' });
    h.at(20);
    h.picture('s', broken);
    expect(h.health('s').state).toBe('pending');
    h.at(30);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'unreadable' });
    expect(h.events.at(-1)).toMatchObject({ state: 'alarm', detail: broken.detail, evidence: { lastGood: good, firstBad: bad } });
    h.at(35);
    h.picture('s', measure(2));
    expect(h.health('s').state).toBe('ok');
  });
});

describe('settings', () => {
  it('a disabled type raises nothing and clears what it had raised', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', black());
    h.at(10);
    h.picture('s', black());
    h.at(20);
    expect(h.health('s').state).toBe('alarm');
    h.detector.configure({ ...h.settings, black: { ...h.settings.black, enabled: false } });
    expect(h.health('s').state).toBe('ok');
    expect(h.log().at(-1)).toBe('cleared:black');
  });

  it('thresholds follow the settings', () => {
    const h = setup({ settings: { frozen: { minVersions: 1, minSeconds: 5 } } });
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.at(5);
    h.picture('s', measure(1));
    expect(h.health('s').state).toBe('alarm');
  });
});
