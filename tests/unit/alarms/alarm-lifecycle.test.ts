import { describe, expect, it } from 'vitest';
import { watchPredicate } from '../../../src/main/core/alarms/watch';
import { black, measure, setup, stream } from './harness';

/** Two pictures 10 s apart, both black: a black alarm at `start + 20`. */
function blackOut(h: ReturnType<typeof setup>, id: string, start: number): void {
  h.at(start);
  h.picture(id, black());
  h.at(start + 10);
  h.picture(id, black());
  h.at(start + 20);
}

describe('acknowledge', () => {
  it('acknowledges one stream\'s alarms, by stream id or alarm id; the alarm clears as usual', () => {
    const h = setup();
    h.list([stream('a'), stream('b', { thumbnailIntervalS: null })]);
    blackOut(h, 'a', 0);
    expect(h.detector.acknowledge('b')).toBe(0);
    expect(h.detector.acknowledge('a')).toBe(1);
    expect(h.health('a')).toMatchObject({ state: 'acknowledged', type: 'black' });
    expect(h.detector.acknowledge('a')).toBe(0);
    h.at(25);
    h.picture('a', measure(1));
    expect(h.health('a').state).toBe('ok');
    expect(h.log()).toEqual(['pending:black', 'alarm:black', 'acknowledged:black', 'cleared:black']);
    const alarmId = h.events[1]?.alarmId;
    expect(h.events.slice(1).every((event) => event.alarmId === alarmId)).toBe(true);
  });

  it('acknowledges by alarm id, including the connection', () => {
    const h = setup();
    h.detector.observeConnection({ at: Date.parse(h.iso(0)), status: 'rejected' });
    const id = h.detector.connectionHealth().alarm?.alarmId as string;
    expect(h.detector.acknowledge(id)).toBe(1);
    expect(h.detector.connectionHealth().state).toBe('acknowledged');
  });

  it('acknowledge all takes every raised alarm and leaves pending faults alone', () => {
    const h = setup();
    h.list([stream('a'), stream('b'), stream('c')]);
    h.picture('c', measure(1));
    blackOut(h, 'a', 0);
    h.picture('b', black());
    h.at(45);
    h.picture('b', black());
    h.picture('c', measure(1));
    // a: black alarm (and overdue); b: black pending; c: frozen pending.
    expect(h.detector.acknowledgeAll()).toBe(3);
    expect(h.health('a').alarms.every((alarm) => alarm.state === 'acknowledged')).toBe(true);
    expect(h.health('c').state).toBe('pending');
  });

  it('is stamped with the operator\'s clock', () => {
    const h = setup();
    h.list([stream('a')]);
    blackOut(h, 'a', 0);
    h.jump(21.5);
    h.detector.acknowledge('a');
    expect(h.events.at(-1)?.at).toBe(h.iso(21.5));
  });
});

describe('snooze', () => {
  it('a snoozed stream raises no events; what is still wrong is raised when the snooze expires', () => {
    const h = setup();
    h.list([stream('s')]);
    h.detector.snooze('s', '15m');
    expect(h.log()).toEqual(['snoozed:-']);
    expect(h.health('s').snoozedUntil).toBe(h.iso(900));
    blackOut(h, 's', 0);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'black' });
    for (let t = 30; t < 900; t += 10) {
      h.at(t);
      h.picture('s', black());
    }
    expect(h.log()).toEqual(['snoozed:-']);
    h.at(900);
    expect(h.log()).toEqual(['snoozed:-', 'alarm:black']);
    expect(h.health('s').snoozedUntil).toBeNull();
  });

  it('a fault that comes and goes during a snooze leaves no trace in the events', () => {
    const h = setup({ settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    h.detector.snooze('s', '1h');
    blackOut(h, 's', 0);
    h.picture('s', measure(5));
    h.at(3600);
    expect(h.log()).toEqual(['snoozed:-']);
  });

  it('snoozing an alarm that was already raised keeps it, and its clear is still logged', () => {
    const h = setup();
    h.list([stream('s')]);
    blackOut(h, 's', 0);
    h.detector.snooze('s', '1h');
    expect(h.events.at(-1)).toMatchObject({ state: 'snoozed', type: 'black', severity: 'info' });
    h.picture('s', measure(5));
    expect(h.log()).toEqual(['pending:black', 'alarm:black', 'snoozed:black', 'cleared:black']);
  });

  it('until recovery: ends once the stream has no fault, then alarms go out again', () => {
    const h = setup();
    h.list([stream('s')]);
    h.at(0);
    h.picture('s', black());
    h.detector.snooze('s', 'recovery');
    h.at(10);
    h.picture('s', black());
    h.at(20);
    expect(h.health('s')).toMatchObject({ state: 'alarm', snoozedUntil: 'recovery' });
    h.at(25);
    h.picture('s', measure(5));
    expect(h.health('s').snoozedUntil).toBeNull();
    blackOut(h, 's', 30);
    expect(h.log()).toEqual(['pending:black', 'snoozed:black', 'cleared:black', 'pending:black', 'alarm:black']);
  });

  it('until recovery on a healthy stream has nothing to wait for', () => {
    const h = setup();
    h.list([stream('s')]);
    h.detector.snooze('s', 'recovery');
    expect(h.health('s').snoozedUntil).toBeNull();
  });

  it('unsnooze announces what was held back', () => {
    const h = setup();
    h.list([stream('s')]);
    h.detector.snooze('s', '1h');
    blackOut(h, 's', 0);
    h.detector.unsnooze('s');
    expect(h.log()).toEqual(['snoozed:-', 'alarm:black']);
  });

  it('refuses unknown streams', () => {
    expect(setup().detector.snooze('nope', '15m')).toBe(false);
  });
});

describe('flapping', () => {
  /** One down/up cycle of a watched stream: ended at `t`, live again at `t + 10`. */
  function flap(h: ReturnType<typeof setup>, t: number): void {
    h.at(t);
    h.list([stream('s', { state: 'ended' })]);
    h.at(t + 10);
    h.list([stream('s')]);
  }

  it('a stream raised more than 3 times in 10 minutes stays in alarm until stable for 5 minutes, one entry per flap', () => {
    const h = setup({ watched: { streamIds: ['s'] }, settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    for (const t of [0, 60, 120]) flap(h, t);
    expect(h.log()).toEqual(Array.from({ length: 3 }, () => ['alarm:down', 'cleared:down']).flat());
    expect(h.health('s').state).toBe('ok');
    flap(h, 180);
    // The fourth raise is marked flapping and does not clear when the stream comes back.
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'down' });
    expect(h.health('s').alarms[0]?.flapping).toBe(true);
    expect(h.events.at(-1)).toMatchObject({ state: 'alarm', flapping: true });
    const before = h.events.length;
    for (const t of [240, 300, 360]) flap(h, t);
    expect(h.events.slice(before).map((e) => `${e.state}:${e.flapping === true}`)).toEqual(['alarm:true', 'alarm:true', 'alarm:true']);
    h.at(370 + 299);
    expect(h.health('s').state).toBe('alarm');
    h.at(370 + 300);
    expect(h.health('s').state).toBe('ok');
    expect(h.log().at(-1)).toBe('cleared:down');
  });

  it('raises spread over more than 10 minutes are not flapping', () => {
    const h = setup({ watched: { streamIds: ['s'] }, settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    for (const t of [0, 240, 480, 720, 960]) flap(h, t);
    expect(h.health('s').state).toBe('ok');
    expect(h.events.some((event) => event.flapping)).toBe(false);
  });

  it('an acknowledged flapping alarm stays acknowledged as it flaps', () => {
    const h = setup({ watched: { streamIds: ['s'] }, settings: { overdue: { enabled: false } } });
    h.list([stream('s')]);
    for (const t of [0, 60, 120, 180]) flap(h, t);
    h.detector.acknowledge('s');
    flap(h, 240);
    expect(h.health('s').state).toBe('acknowledged');
    expect(h.events.at(-1)).toMatchObject({ state: 'acknowledged', flapping: true });
  });
});

describe('watched streams', () => {
  it('changing the watch list changes severity at once', () => {
    const h = setup();
    h.list([stream('s', { tags: ['lobby'] })]);
    blackOut(h, 's', 0);
    expect(h.health('s')).toMatchObject({ severity: 'warning', watched: false });
    h.detector.setWatched(watchPredicate({ streamIds: [], tags: ['lobby'] }, 'p'));
    expect(h.health('s')).toMatchObject({ severity: 'critical', watched: true });
  });
});

describe('change notifications and evidence', () => {
  it('fires onDidChange when health changes, not on every quiet observation', () => {
    const h = setup();
    let changes = 0;
    h.detector.onDidChange(() => changes++);
    h.list([stream('s')]);
    const afterList = changes;
    h.picture('s', measure(1));
    h.at(5);
    h.picture('s', measure(2));
    expect(changes).toBe(afterList);
    h.at(15);
    h.picture('s', black());
    expect(changes).toBe(afterList + 1);
  });

  it('does not fire onDidChange on every tick of a standing alarm', () => {
    const h = setup();
    h.list([stream('s')]);
    h.at(40);
    expect(h.health('s').state).toBe('alarm');
    let changes = 0;
    h.detector.onDidChange(() => changes++);
    for (let t = 41; t < 100; t++) h.at(t);
    expect(changes).toBe(0);
    expect(h.health('s').alarms[0]?.detail).toContain('99 s');
  });

  it('lists the evidence of open alarms for the cache to keep', () => {
    const h = setup();
    h.list([stream('s')]);
    const good = h.picture('s', measure(1));
    h.at(10);
    const bad = h.picture('s', black());
    expect(h.detector.evidenceAssets()).toEqual(new Set([good, bad]));
  });

  it('stops emitting once disposed', () => {
    const h = setup();
    h.list([stream('s')]);
    h.detector.dispose();
    blackOut(h, 's', 0);
    expect(h.events).toEqual([]);
  });
});
