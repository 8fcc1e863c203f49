import { describe, expect, it } from 'vitest';
import { compareMeasures } from '../../../src/main/core/alarms/picture-compare';
import { analysePicture, type PictureMeasure } from '../../../src/main/core/alarms/picture-measure';
import { encodeJpeg } from '../../../src/main/simulator/encode';
import { drawThumbnail } from '../../../src/main/simulator/picture';
import { DEFAULT_ALARM_SETTINGS } from '../../../src/shared/alarms';

const scene = { streamname: 'ABCDE-FGHIJ', label: 'main 720p', version: 1, hue: 210 };
const at = (s: number) => Date.UTC(2025, 0, 1, 10, 0, 0) + s * 1000;

async function measured(black: boolean, seconds: number): Promise<PictureMeasure> {
  const result = await analysePicture(await encodeJpeg(drawThumbnail({ ...scene, look: black ? 'black' : 'card' }, at(seconds))));
  if (result.kind !== 'picture') throw new Error(result.detail);
  return result;
}

describe('the simulator\'s pictures, as the alarm rules see them', () => {
  it('consecutive thumbnails of a healthy stream differ, the same moment drawn twice does not', async () => {
    const first = await measured(false, 0);
    expect(compareMeasures(first, await measured(false, 10), DEFAULT_ALARM_SETTINGS.frozen).same).toBe(false);
    expect(compareMeasures(first, await measured(false, 1), DEFAULT_ALARM_SETTINGS.frozen).same).toBe(false);
    expect(compareMeasures(first, await measured(false, 0), DEFAULT_ALARM_SETTINGS.frozen).same).toBe(true);
    expect(first.blackFraction).toBeLessThan(DEFAULT_ALARM_SETTINGS.black.minFraction);
    expect(first.uniformFraction).toBeLessThan(DEFAULT_ALARM_SETTINGS.uniform.minFraction);
  });

  it('its black fault picture (near-black with a faint clock) is black', async () => {
    expect((await measured(true, 0)).blackFraction).toBeGreaterThanOrEqual(DEFAULT_ALARM_SETTINGS.black.minFraction);
  });
});
