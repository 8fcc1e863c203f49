import { describe, expect, it } from 'vitest';
import { measure, setup, stream } from './harness';

describe('overdue', () => {
  it('is ok while pictures are on time, pending when late, raised at 2 intervals + 15 s', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.at(14);
    expect(h.health('s').state).toBe('ok');
    h.at(16);
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'overdue' });
    h.at(34);
    expect(h.health('s').state).toBe('pending');
    h.at(35);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'overdue', since: h.iso(0) });
    h.at(40);
    h.picture('s', measure(2));
    expect(h.health('s').state).toBe('ok');
    expect(h.log()).toEqual(['pending:overdue', 'alarm:overdue', 'cleared:overdue']);
  });

  it('uses each stream\'s own interval', () => {
    const h = setup();
    h.list([stream('fast', { thumbnailIntervalS: 10 }), stream('slow', { thumbnailIntervalS: 60 })]);
    h.at(40);
    expect(h.health('fast').state).toBe('alarm');
    expect(h.health('slow').state).toBe('ok');
    h.at(135);
    expect(h.health('slow').state).toBe('alarm');
  });

  it('a failing refresh makes it pending at once, and failures for that long raise it', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.at(3);
    h.refresh('s', 'failed', 'No picture at the asset host yet (404).');
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'overdue' });
    for (let t = 5; t <= 35; t += 5) {
      h.at(t);
      h.refresh('s', 'failed', 'The asset host failed (503).');
    }
    expect(h.health('s').state).toBe('alarm');
    expect(h.events.at(-1)?.detail).toContain('503');
  });

  it('304s are answers but not new pictures: they do not hold it off', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    for (let t = 5; t <= 35; t += 5) {
      h.at(t);
      h.refresh('s', 'not-modified');
    }
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'overdue' });
  });

  it('does not apply to a stream without thumbnails or one that is not live', () => {
    const h = setup();
    h.list([stream('none', { thumbnailIntervalS: null }), stream('created', { state: 'created' })]);
    h.at(600);
    expect(h.health('none').state).toBe('ok');
    expect(h.health('created').state).toBe('ok');
  });

  it('stays pending while the connection alarm speaks for every stream', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.detector.observeConnection({ at: Date.parse(h.iso(1)), status: 'unreachable' });
    h.at(50);
    expect(h.health('s')).toMatchObject({ state: 'pending', type: 'overdue' });
    h.detector.observeConnection({ at: Date.parse(h.iso(51)), status: 'ok' });
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'overdue' });
  });
});

describe('down', () => {
  it('a watched live stream that ends is a critical alarm until it is live again', () => {
    const h = setup({ watched: { streamIds: ['s'] } });
    h.list([stream('s')]);
    h.at(5);
    h.list([stream('s', { state: 'ended' })]);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'down', severity: 'critical', since: h.iso(5) });
    h.at(20);
    h.list([stream('s')]);
    expect(h.health('s').state).toBe('ok');
    expect(h.log()).toEqual(['alarm:down', 'cleared:down']);
  });

  it('an unwatched stream that ends normally is only noted', () => {
    const h = setup();
    h.list([stream('s')]);
    h.at(5);
    h.list([stream('s', { state: 'ended' })]);
    expect(h.health('s').state).toBe('ok');
    expect(h.log()).toEqual(['noted:down']);
    expect(h.events[0]).toMatchObject({ severity: 'info', alarmId: null, detail: 'stream ended' });
    h.at(600);
    expect(h.events).toHaveLength(1);
  });

  it('an unwatched live stream that gets locked is a warning', () => {
    const h = setup();
    h.list([stream('s')]);
    h.list([stream('s', { state: 'locked' })]);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'down', severity: 'warning' });
  });

  it('a watched stream is expected live: not live when first seen is down too (unless turned off)', () => {
    expect(setupFirstSeenEnded(true)).toMatchObject({ state: 'alarm', type: 'down' });
    expect(setupFirstSeenEnded(false)).toMatchObject({ state: 'ok' });
  });

  it('a stream that was never live is not down', () => {
    const h = setup();
    h.list([stream('s', { state: 'created' })]);
    h.at(100);
    expect(h.health('s').state).toBe('ok');
    expect(h.events).toEqual([]);
  });

  it('supersedes the picture alarms it explains', () => {
    const h = setup({ watched: { streamIds: ['s'] } });
    h.list([stream('s')]);
    h.at(40);
    expect(h.health('s').type).toBe('overdue');
    h.list([stream('s', { state: 'ended' })]);
    expect(h.health('s').alarms.map((a) => a.type)).toEqual(['down']);
    expect(h.log()).toEqual(['alarm:overdue', 'alarm:down', 'cleared:overdue']);
  });

  it('a new live session starts with a clean slate for pictures', () => {
    const h = setup({ watched: { streamIds: ['s'] } });
    h.list([stream('s')]);
    for (const t of [0, 10, 20]) {
      h.at(t);
      h.picture('s', measure(1));
    }
    h.list([stream('s', { state: 'ended' })]);
    h.at(25);
    h.list([stream('s')]);
    h.at(30);
    h.picture('s', measure(1));
    expect(h.health('s').state).toBe('ok');
  });
});

function setupFirstSeenEnded(expectWatchedLive: boolean) {
  const h = setup({ watched: { streamIds: ['s'] }, settings: { down: { expectWatchedLive } } });
  h.list([stream('s', { state: 'ended' })]);
  return h.health('s');
}

describe('gone', () => {
  it('a live stream that leaves the list keeps its tile as gone until dismissed', () => {
    const h = setup();
    h.list([stream('a'), stream('b')]);
    h.at(5);
    h.list([stream('b')]);
    expect(h.health('a')).toMatchObject({ state: 'alarm', type: 'gone', gone: true, severity: 'warning' });
    expect(h.detector.dismissGone('b')).toBe(false);
    expect(h.detector.dismissGone('a')).toBe(true);
    expect(h.detector.health().map((entry) => entry.streamId)).toEqual(['b']);
    expect(h.log()).toEqual(['alarm:gone', 'cleared:gone']);
    expect(h.events[1]?.detail).toBe('dismissed by the operator');
  });

  it('an unwatched stream that was not live leaves with a note and a quiet gone tile', () => {
    const h = setup();
    h.list([stream('a', { state: 'ended' }), stream('b')]);
    h.list([stream('b')]);
    expect(h.health('a')).toMatchObject({ state: 'ok', gone: true });
    expect(h.log()).toEqual(['noted:gone']);
  });

  it('a truncated list calls nothing gone', () => {
    const h = setup();
    h.list([stream('a'), stream('b')]);
    h.list([stream('b')], false);
    expect(h.health('a').gone).toBe(false);
  });

  it('a stream that comes back is no longer gone', () => {
    const h = setup({ watched: { streamIds: ['a'] } });
    h.list([stream('a')]);
    h.list([]);
    expect(h.health('a')).toMatchObject({ state: 'alarm', type: 'gone', severity: 'critical' });
    h.at(3);
    h.list([stream('a')]);
    expect(h.health('a')).toMatchObject({ state: 'ok', gone: false });
  });
});

describe('connection', () => {
  it('unreachable is pending at once and an alarm after 60 s, per profile, not per stream', () => {
    const h = setup({ profileId: 'p1' });
    const at = (s: number) => Date.parse(h.iso(s));
    h.detector.observeConnection({ at: at(0), status: 'unreachable', detail: 'network down' });
    expect(h.detector.connectionHealth()).toMatchObject({ state: 'pending', profileId: 'p1' });
    h.detector.observeConnection({ at: at(30), status: 'unreachable' });
    h.at(59);
    expect(h.detector.connectionHealth().state).toBe('pending');
    h.at(60);
    expect(h.detector.connectionHealth()).toMatchObject({ state: 'alarm', alarm: { type: 'connection', severity: 'critical', since: h.iso(0) } });
    h.detector.observeConnection({ at: at(70), status: 'ok' });
    expect(h.detector.connectionHealth()).toMatchObject({ state: 'ok', alarm: null });
    expect(h.log()).toEqual(['pending:connection', 'alarm:connection', 'cleared:connection']);
    expect(h.events.every((event) => event.streamId === null && event.profileId === 'p1')).toBe(true);
  });

  it('a rejected credential is an alarm at once', () => {
    const h = setup();
    h.detector.observeConnection({ at: Date.parse(h.iso(0)), status: 'rejected' });
    expect(h.detector.connectionHealth().state).toBe('alarm');
    expect(h.log()).toEqual(['alarm:connection']);
  });
});

describe('paused refreshes', () => {
  it('a stream whose refreshes are paused (interval null) is not overdue, and starts afresh when they resume', () => {
    const h = setup();
    h.list([stream('s')]);
    h.picture('s', measure(1));
    h.at(5);
    h.list([stream('s', { thumbnailIntervalS: null })]);
    h.at(300);
    expect(h.health('s').state).toBe('ok');
    h.list([stream('s')]);
    h.at(310);
    expect(h.health('s').state).toBe('ok');
    h.at(335);
    expect(h.health('s')).toMatchObject({ state: 'alarm', type: 'overdue' });
  });
});

describe('untrusted text', () => {
  it('clips a huge stream name and error detail so the event still satisfies its schema', () => {
    const h = setup();
    h.list([stream('s', { name: 'n'.repeat(5000) })]);
    h.refresh('s', 'failed', 'e'.repeat(5000));
    // The harness parses every event with the schema; reaching here means it passed.
    expect(h.events[0]?.streamName).toHaveLength(400);
  });
});
