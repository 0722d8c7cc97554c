import type { AccuracyOptions } from '../kernel/accuracy';
import { isoToDay } from '../kernel/window';

/** The Accuracy view's settings that are not part of the model: split, calibration, binning, the cut. */
class AccuracySettings {
  /** First day of the test window (days since 1970-01-01); null = the default 80/20 split. */
  splitDay = $state<number | null>(null);
  calibration = $state<AccuracyOptions['calibration']>('platt');
  binning = $state<AccuracyOptions['binning']>('quantile');
  /** Predicted positive = tier index ≤ cutTier (0 = only the top tier). */
  cutTier = $state(0);

  options(report: boolean, snapshotDate: string | null = null): AccuracyOptions {
    return {
      snapshotDay: snapshotDate === null ? null : isoToDay(snapshotDate),
      splitDay: this.splitDay,
      calibration: this.calibration,
      binning: this.binning,
      cutTier: this.cutTier,
      report,
    };
  }
}

export const accuracySettings = new AccuracySettings();
