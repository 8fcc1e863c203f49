import { z } from 'zod';

/** Every kind of stream alarm; `connection` belongs to a profile's connection, not to one stream. */
export const ALARM_TYPES = ['frozen', 'black', 'uniform', 'overdue', 'down', 'gone', 'connection', 'unreadable'] as const;
/** Schema of an alarm type. */
export const alarmTypeSchema = z.enum(ALARM_TYPES);
/** A kind of alarm. */
export type AlarmType = z.infer<typeof alarmTypeSchema>;

/** How urgent an event is: `critical` on watched streams, `warning` on others, `info` only logged. */
export const alarmSeveritySchema = z.enum(['critical', 'warning', 'info']);
/** An event's or an alarm's urgency. */
export type AlarmSeverity = z.infer<typeof alarmSeveritySchema>;

/** Where a stream (or a connection) stands: fine, fault seen below its threshold, alarm, alarm seen by the operator. */
export const healthStateSchema = z.enum(['ok', 'pending', 'alarm', 'acknowledged']);
/** A stream's alarm state as the wall shows it. */
export type HealthState = z.infer<typeof healthStateSchema>;

/**
 * What an event reports: a fault seen (`pending`), raised (`alarm`), acknowledged, a stream snoozed,
 * a fault gone (`cleared`), or something only worth a log line (`noted`, e.g. an unwatched stream ended).
 */
export const alarmEventStateSchema = z.enum(['pending', 'alarm', 'acknowledged', 'snoozed', 'cleared', 'noted']);
/** The state an event reports. */
export type AlarmEventState = z.infer<typeof alarmEventStateSchema>;

/** A cached picture's content-addressed file name (`<sha256>.jpg`), as the asset protocol serves it. */
export const assetNameSchema = z.string().regex(/^[a-f0-9]{64}\.(jpg|gif)$/);

/** The pictures either side of a picture fault, so the page can show them side by side and the cache can pin them. */
export const alarmEvidenceSchema = z.object({
  /** The last picture without the fault, if one was seen. */
  lastGood: assetNameSchema.nullable(),
  /** The first picture with the fault, if it was stored. */
  firstBad: assetNameSchema.nullable(),
  /**
   * The page's addresses of those pictures, added by main on the way to the page (the log keeps
   * names only): the page never builds an address itself.
   */
  lastGoodSrc: z.string().nullable().optional(),
  firstBadSrc: z.string().nullable().optional(),
});
/** Asset names of the last good and the first bad picture. */
export type AlarmEvidence = z.infer<typeof alarmEvidenceSchema>;

const isoTime = z.iso.datetime({ offset: true });

/** One thing that happened to an alarm; the alarm log is a sequence of these. */
export const alarmEventSchema = z.object({
  /** Unique per event. */
  id: z.string().min(1).max(100),
  /** The alarm episode the event belongs to (pending to cleared); null for events outside one (a snooze, a note). */
  alarmId: z.string().max(100).nullable(),
  at: isoTime,
  /** Null for connection events. */
  streamId: z.string().max(400).nullable(),
  streamName: z.string().max(400),
  profileId: z.string().max(200).optional(),
  /** Null only for a snooze of a stream that had no fault. */
  type: alarmTypeSchema.nullable(),
  state: alarmEventStateSchema,
  severity: alarmSeveritySchema,
  /** Plain words for the log (`no new picture for 52 s`); the page words the type itself. */
  detail: z.string().max(1000).optional(),
  evidence: alarmEvidenceSchema.optional(),
  /** On `cleared`: whether the episode had reached `alarm` (a pending that resolved was never raised). */
  raised: z.boolean().optional(),
  /** Set while a stream flaps: it stays in alarm and each return of the fault is one event. */
  flapping: z.boolean().optional(),
});
/** One alarm event. */
export type AlarmEvent = z.infer<typeof alarmEventSchema>;

/** One open alarm episode of a stream or connection. */
export const activeAlarmSchema = z.object({
  alarmId: z.string(),
  type: alarmTypeSchema,
  state: z.enum(['pending', 'alarm', 'acknowledged']),
  severity: alarmSeveritySchema,
  /** When the fault was first seen. */
  since: isoTime,
  /** When it crossed its threshold; null while pending. */
  raisedAt: isoTime.nullable(),
  flapping: z.boolean(),
  detail: z.string().optional(),
  evidence: alarmEvidenceSchema.optional(),
});
/** An open alarm episode. */
export type ActiveAlarm = z.infer<typeof activeAlarmSchema>;

/** Until when a stream is snoozed: a time, or until its faults are gone. */
export const snoozedUntilSchema = z.union([isoTime, z.literal('recovery')]);

/** One stream's alarm state for its tile: the most urgent open alarm first, all of them listed. */
export const streamHealthSchema = z.object({
  streamId: z.string(),
  streamName: z.string(),
  profileId: z.string().optional(),
  state: healthStateSchema,
  /** The type of the most urgent open alarm; null when `ok`. */
  type: alarmTypeSchema.nullable(),
  severity: alarmSeveritySchema.nullable(),
  since: isoTime.nullable(),
  snoozedUntil: snoozedUntilSchema.nullable(),
  /** The stream left bintu's list; its tile stays until the operator dismisses it. */
  gone: z.boolean(),
  watched: z.boolean(),
  alarms: z.array(activeAlarmSchema),
});
/** A stream's alarm state. */
export type StreamHealth = z.infer<typeof streamHealthSchema>;

/** A profile connection's alarm state (bintu unreachable, credential rejected). */
export const connectionHealthSchema = z.object({
  profileId: z.string().optional(),
  /** The profile's name (what the drawer calls the organisation); set in the wall's state. */
  name: z.string().max(400).optional(),
  state: healthStateSchema,
  alarm: activeAlarmSchema.nullable(),
});
/** A connection's alarm state. */
export type ConnectionHealth = z.infer<typeof connectionHealthSchema>;

/** Everything the page shows about alarms of one profile. */
export const alarmsViewSchema = z.object({ connection: connectionHealthSchema, streams: z.array(streamHealthSchema) });
/** The alarms of one profile. */
export type AlarmsView = z.infer<typeof alarmsViewSchema>;

/** The snooze lengths the operator can choose. */
export const SNOOZE_CHOICES = ['15m', '1h', 'recovery'] as const;
/** The page asks to snooze a stream: which, and for how long. */
export const snoozeRequestSchema = z.object({ streamId: z.string().min(1).max(400), for: z.enum(SNOOZE_CHOICES) });
/** A request to snooze one stream. */
export type SnoozeRequest = z.infer<typeof snoozeRequestSchema>;

/** The page acknowledges one alarm (by its id) or every raised alarm of a stream (by the stream's id). */
export const acknowledgeRequestSchema = z.object({ id: z.string().min(1).max(400) });
/** A request to acknowledge. */
export type AcknowledgeRequest = z.infer<typeof acknowledgeRequestSchema>;

/** The page dismisses a gone stream's tile. */
export const dismissGoneRequestSchema = z.object({ streamId: z.string().min(1).max(400) });
/** A request to dismiss a gone tile. */
export type DismissGoneRequest = z.infer<typeof dismissGoneRequestSchema>;

/** The page (or the CLI) reads the alarm log from a moment on. */
export const alarmLogQuerySchema = z.object({ since: isoTime.optional() });
/** A query of the alarm log. */
export type AlarmLogQuery = z.infer<typeof alarmLogQuerySchema>;

/** Streams the operator expects live: by id, or by any of their tags. */
export const watchListSchema = z.object({
  streamIds: z.array(z.string().max(400)).max(5000).default([]),
  tags: z.array(z.string().max(200)).max(200).default([]),
});
/** The watched streams and tags. */
export type WatchList = z.infer<typeof watchListSchema>;

const seconds = (fallback: number) => z.number().min(0).max(86_400).default(fallback);
const versions = (fallback: number) => z.number().int().min(1).max(100).default(fallback);
const fraction = (fallback: number) => z.number().min(0.5).max(1).default(fallback);

/** Alarm thresholds, each changeable per type; parse `{}` for the defaults. Serialisable as JSON. */
export const alarmSettingsSchema = z.object({
  frozen: z.object({
    enabled: z.boolean().default(true),
    minVersions: versions(3),
    minSeconds: seconds(30),
    /** Mean absolute luma difference (0..255) below which two pictures look the same (JPEG re-encoding noise). */
    noiseFloor: z.number().min(0).max(64).default(3),
    /** Largest mean difference (0..255) over any small window below which no region changed (a small clock, a ticker). */
    blockFloor: z.number().min(0).max(128).default(5),
  }).prefault({}),
  black: z.object({ enabled: z.boolean().default(true), minVersions: versions(2), minSeconds: seconds(20), minFraction: fraction(0.98) }).prefault({}),
  uniform: z.object({ enabled: z.boolean().default(true), minVersions: versions(2), minSeconds: seconds(20), minFraction: fraction(0.95) }).prefault({}),
  /** Overdue after `intervals` x the thumbnail interval + `graceSeconds` without a new picture. */
  overdue: z.object({ enabled: z.boolean().default(true), intervals: z.number().min(1).max(20).default(2), graceSeconds: seconds(15) }).prefault({}),
  /** `expectWatchedLive`: a watched stream seen not live at all (after a restart, say) is down too. */
  down: z.object({ enabled: z.boolean().default(true), expectWatchedLive: z.boolean().default(true) }).prefault({}),
  gone: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  connection: z.object({ enabled: z.boolean().default(true), unreachableSeconds: seconds(60) }).prefault({}),
  unreadable: z.object({ enabled: z.boolean().default(true), minVersions: versions(2), minSeconds: seconds(20) }).prefault({}),
  /** More than `maxRaises` raises in `windowSeconds` keeps the alarm until `stableSeconds` pass without the fault. */
  flapping: z.object({ maxRaises: z.number().int().min(1).max(100).default(3), windowSeconds: seconds(600), stableSeconds: seconds(300) }).prefault({}),
  sound: z.object({ enabled: z.boolean().default(true), volume: z.number().min(0).max(1).default(0.8) }).prefault({}),
  webhookUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null),
});
/** Alarm thresholds and outputs. */
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>;

/** The default alarm settings. */
export const DEFAULT_ALARM_SETTINGS: AlarmSettings = alarmSettingsSchema.parse({});

/** How the alarm webhook is doing, for the Settings screen. */
export const webhookStatusSchema = z.object({
  url: z.string().nullable(),
  pending: z.number().int(),
  lastOkAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
/** The webhook's delivery state. */
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;

/** Everything the page shows about alarms: the active wall's health, and the outputs' state. */
export const alarmsStateSchema = alarmsViewSchema.extend({
  /**
   * Every organisation's connection on the wall, each with its profile's id and name, so the
   * drawer says which one is down; `connection` stays the most urgent of them.
   */
  connections: z.array(connectionHealthSchema),
  /** Open alarms (state `alarm`) the operator has not acknowledged, across streams and the connection. */
  unacknowledged: z.number().int(),
  webhook: webhookStatusSchema,
  /** The alarm log could not be written (disk full, permissions): plain words, or null. */
  logError: z.string().nullable(),
});
/** The alarms as the page mirrors them. */
export type AlarmsState = z.infer<typeof alarmsStateSchema>;
