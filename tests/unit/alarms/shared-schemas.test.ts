import { describe, expect, it } from 'vitest';
import { alarmSettingsSchema, alarmsViewSchema, DEFAULT_ALARM_SETTINGS, snoozeRequestSchema } from '../../../src/shared/alarms';
import { black, measure, setup, stream } from './harness';

describe('alarm settings', () => {
  it('defaults to the thresholds of the issue', () => {
    expect(DEFAULT_ALARM_SETTINGS).toMatchObject({
      frozen: { enabled: true, minVersions: 3, minSeconds: 30 },
      black: { minVersions: 2, minSeconds: 20, minFraction: 0.98 },
      overdue: { intervals: 2, graceSeconds: 15 },
      connection: { unreachableSeconds: 60 },
      flapping: { maxRaises: 3, windowSeconds: 600, stableSeconds: 300 },
      sound: { enabled: true },
      webhookUrl: null,
    });
  });

  it('fills what a partial object leaves out, and survives JSON', () => {
    const settings = alarmSettingsSchema.parse({ frozen: { minSeconds: 60 }, webhookUrl: 'https://hooks.example.com/alarm' });
    expect(settings.frozen).toMatchObject({ minSeconds: 60, minVersions: 3, enabled: true });
    expect(alarmSettingsSchema.parse(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
  });

  it('refuses nonsense', () => {
    expect(alarmSettingsSchema.safeParse({ webhookUrl: 'file:///etc/passwd' }).success).toBe(false);
    expect(alarmSettingsSchema.safeParse({ black: { minFraction: 2 } }).success).toBe(false);
    expect(alarmSettingsSchema.safeParse({ frozen: { minVersions: 0 } }).success).toBe(false);
    expect(snoozeRequestSchema.safeParse({ streamId: 's', for: '3d' }).success).toBe(false);
  });
});

describe('the view that crosses IPC', () => {
  it('parses with its schema in every state', () => {
    const h = setup({ profileId: 'p', watched: { streamIds: ['a'] } });
    h.list([stream('a'), stream('b'), stream('c')]);
    h.picture('a', black());
    h.picture('b', measure(1));
    h.detector.snooze('c', '1h');
    h.at(10);
    h.picture('a', black());
    h.at(20);
    h.detector.acknowledge('a');
    h.list([stream('a'), stream('b')]);
    h.detector.observeConnection({ at: Date.parse(h.iso(20)), status: 'rejected' });
    const view = h.detector.view();
    expect(alarmsViewSchema.parse(view)).toEqual(view);
    expect(view.streams.map((s) => s.state)).toEqual(['acknowledged', 'pending', 'alarm']);
  });
});
