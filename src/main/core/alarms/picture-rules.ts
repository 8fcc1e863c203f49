import type { AlarmSettings } from '../../../shared/alarms';
import { type Faults, type PictureRun, runLevel, secondsBetween } from './fault';
import { compareMeasures } from './picture-compare';
import type { PictureAnalysis, PictureMeasure } from './picture-measure';

/** How a picture refresh went, as the asset fetcher reports it. */
export type PictureOutcome = 'changed' | 'unchanged' | 'not-modified' | 'failed';

type PictureFault = 'frozen' | 'black' | 'uniform' | 'unreadable';

/**
 * The picture rules of one stream: frozen, black, uniform slate, unreadable. Counts runs of
 * consecutive versions showing a fault; a version without it ends the run (one fresh good picture
 * clears). A version with the same bytes as the last (`unchanged`) repeats the last verdict, so a
 * producer rewriting one file counts as frozen without a second decode.
 */
export class PictureRules {
  private last: PictureAnalysis | null = null;
  private lastAsset: string | null = null;
  private lastReadable: PictureMeasure | null = null;
  /** When the picture last looked different from its predecessor: where a freeze begins. */
  private lastChangeAt: number | null = null;
  private readonly runs = new Map<PictureFault, PictureRun>();
  private readonly lastGood = new Map<PictureFault, string | null>();

  /** Takes one refresh; only new versions (`changed`, `unchanged`) carry picture information. */
  observe(at: number, outcome: PictureOutcome, settings: AlarmSettings, analysis?: PictureAnalysis, assetName?: string | null): void {
    if (outcome === 'unchanged') {
      if (this.last) this.apply(at, this.last, this.lastAsset, true, settings);
    } else if (outcome === 'changed' && analysis) {
      this.apply(at, analysis, assetName ?? null, false, settings);
    }
  }

  /** Forgets every run (the stream went live again: old pictures say nothing about the new session). */
  reset(): void {
    this.last = null;
    this.lastReadable = null;
    this.lastChangeAt = null;
    this.runs.clear();
  }

  /** The picture faults at a moment (time-based thresholds need no new picture to be reached). */
  faults(at: number, settings: AlarmSettings): Faults {
    const faults: Faults = {};
    const black = this.runs.get('black');
    const uniform = this.runs.get('uniform');
    const frozen = this.runs.get('frozen');
    const unreadable = this.runs.get('unreadable');
    if (unreadable) {
      const detail = this.last?.kind === 'unreadable' ? this.last.detail : 'The picture cannot be read.';
      faults.unreadable = { level: runLevel(unreadable, at, settings.unreadable.minVersions, settings.unreadable.minSeconds), since: unreadable.since, detail, evidence: unreadable.evidence };
    }
    if (black) {
      faults.black = { level: runLevel(black, at, settings.black.minVersions, settings.black.minSeconds), since: black.since, detail: `black picture for ${black.versions} version(s), ${secondsBetween(black.since, at)} s`, evidence: black.evidence };
    }
    if (uniform) {
      faults.uniform = { level: runLevel(uniform, at, settings.uniform.minVersions, settings.uniform.minSeconds), since: uniform.since, detail: `single-colour picture for ${uniform.versions} version(s), ${secondsBetween(uniform.since, at)} s`, evidence: uniform.evidence };
    }
    // A black or single-colour picture is still as well: that rule says more, so frozen stays quiet.
    if (frozen && !black && !uniform) {
      faults.frozen = { level: runLevel(frozen, at, settings.frozen.minVersions, settings.frozen.minSeconds), since: frozen.since, detail: `picture unchanged for ${frozen.versions} new version(s), ${secondsBetween(frozen.since, at)} s`, evidence: frozen.evidence };
    }
    return faults;
  }

  private apply(at: number, analysis: PictureAnalysis, asset: string | null, sameBytes: boolean, settings: AlarmSettings): void {
    if (analysis.kind === 'unreadable') {
      // Says nothing about what the picture shows: the other runs neither grow nor end.
      this.extend('unreadable', at, asset, at);
    } else {
      this.end('unreadable', asset);
      const black = analysis.blackFraction >= settings.black.minFraction;
      const uniform = !black && analysis.uniformFraction >= settings.uniform.minFraction;
      if (black) this.extend('black', at, asset, at);
      else this.end('black', asset);
      if (uniform) this.extend('uniform', at, asset, at);
      else this.end('uniform', asset);
      const same = sameBytes || (this.lastReadable !== null && compareMeasures(this.lastReadable, analysis, settings.frozen).same);
      if (same) this.extend('frozen', at, asset, this.lastChangeAt ?? at);
      else {
        this.end('frozen', asset);
        this.lastChangeAt = at;
      }
      this.lastReadable = analysis;
    }
    this.last = analysis;
    this.lastAsset = asset;
  }

  private extend(fault: PictureFault, at: number, asset: string | null, since: number): void {
    const run = this.runs.get(fault);
    if (run) run.versions++;
    else this.runs.set(fault, { since, versions: 1, evidence: { lastGood: this.lastGood.get(fault) ?? null, firstBad: asset } });
  }

  private end(fault: PictureFault, asset: string | null): void {
    this.runs.delete(fault);
    this.lastGood.set(fault, asset);
  }
}
