import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlarmSound, exposeSoundProbe, SILENCE_MS } from '../../../src/renderer/src/lib/state/alarm-sound.svelte';
import { FakeAudio } from './fake-audio';
import { settled } from './fake-bridge';

afterEach(() => {
  vi.useRealTimers();
});

/** A sound on a fake context, already allowed to play. */
async function running(): Promise<{ sound: AlarmSound; audio: FakeAudio }> {
  const audio = new FakeAudio();
  const sound = new AlarmSound(() => audio.asContext());
  sound.unlock();
  await settled();
  return { sound, audio };
}

describe('AlarmSound', () => {
  it('is blocked until a gesture lets the context run, and then plays what was asked meanwhile', async () => {
    const audio = new FakeAudio();
    audio.allowResume = false;
    const sound = new AlarmSound(() => audio.asContext());
    sound.start();
    sound.setLoop(true, 0.5);
    expect(sound.blocked).toBe(true);
    expect(sound.probe()).toEqual({ playing: false, chimes: 0, context: 'suspended' });
    expect(audio.sounding()).toBe(0);

    audio.allowResume = true;
    sound.unlock();
    await settled();
    expect(sound.blocked).toBe(false);
    expect(sound.probe().playing).toBe(true);
    // The tone and the square wave that flips its pitch.
    expect(audio.sounding()).toBe(2);
  });

  it('loops until told to stop, and stops every oscillator it started', async () => {
    const { sound, audio } = await running();
    sound.setLoop(true, 0.8);
    sound.setLoop(true, 0.8);
    expect(audio.sounding()).toBe(2);
    sound.setLoop(false, 0.8);
    expect(sound.probe().playing).toBe(false);
    expect(audio.sounding()).toBe(0);
  });

  it('chimes once per warning, only while it can be heard', async () => {
    const blockedAudio = new FakeAudio();
    blockedAudio.allowResume = false;
    const blocked = new AlarmSound(() => blockedAudio.asContext());
    blocked.start();
    expect(blocked.chime(0.8)).toBe(false);

    const { sound } = await running();
    expect(sound.chime(0.8)).toBe(true);
    expect(sound.chime(0)).toBe(false);
    expect(sound.probe().chimes).toBe(1);
  });

  it('falls silent for five minutes when silenced, then loops again', async () => {
    vi.useFakeTimers();
    const { sound, audio } = await running();
    sound.setLoop(true, 0.8);
    sound.silence();
    expect(sound.silencedUntil).not.toBeNull();
    expect(audio.sounding()).toBe(0);
    expect(sound.chime(0.8)).toBe(false);
    vi.advanceTimersByTime(SILENCE_MS - 1);
    expect(audio.sounding()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(sound.silencedUntil).toBeNull();
    expect(audio.sounding()).toBe(2);
  });

  it('says when the browser has no audio at all', () => {
    const sound = new AlarmSound(() => {
      throw new Error('no audio device');
    });
    sound.unlock();
    expect(sound.unavailable).toBe(true);
    expect(sound.blocked).toBe(true);
  });

  it('shows its probe to tests only when their flag is set', async () => {
    const { sound } = await running();
    const page: Record<string, unknown> = {};
    exposeSoundProbe(sound, page);
    expect(page['__wallSound']).toBeUndefined();
    const test: Record<string, unknown> = { __wallTestHooks: true };
    exposeSoundProbe(sound, test);
    sound.setLoop(true, 1);
    expect(test['__wallSound']).toMatchObject({ playing: true, context: 'running' });
  });
});
