// The mean change of a group of paired scores (follow-up − baseline, one per person) with its 95%
// confidence interval, so a report says how sure it can be of an average, not only the average.
//
// How it is worked out (the textbook one-sample t interval on the paired differences):
//   mean  = Σd / n
//   s     = √( Σ(d − mean)² / (n − 1) )            the sample standard deviation
//   SE    = s / √n                                 the standard error of the mean
//   95% CI = mean ± t(0.975, n − 1) × SE
// where t(0.975, n − 1) is Student's t quantile with n − 1 degrees of freedom (jStat's
// studentt.inv). For small groups t is wider than the normal 1.96 (12.71 at n = 2, 2.26 at
// n = 10, 2.05 at n = 30), so a handful of pairs gives the wide interval it deserves. With one
// pair there is no spread to measure: the mean is given, the interval is not.
import jStat from 'jstat';

export interface MeanChange {
  n: number;
  /** Null with no pairs. */
  mean: number | null;
  /** The 95% confidence interval; null with fewer than two pairs. */
  lower: number | null;
  upper: number | null;
}

/** Rounded to two decimals for the return and the screen (scores are given to two at most). */
const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;

export function meanChange(differences: readonly number[]): MeanChange {
  const n = differences.length;
  if (n === 0) return { n, mean: null, lower: null, upper: null };
  const mean = differences.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean: round2(mean), lower: null, upper: null };
  const variance = differences.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1);
  const halfWidth = jStat.studentt.inv(0.975, n - 1) * Math.sqrt(variance / n);
  return { n, mean: round2(mean), lower: round2(mean - halfWidth), upper: round2(mean + halfWidth) };
}

/** What several groups' mean changes can be combined from: the count, Σd and Σd². */
export interface ChangeSums {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export function changeSums(differences: readonly number[]): ChangeSums {
  return { n: differences.length, sum: differences.reduce((a, d) => a + d, 0), sumOfSquares: differences.reduce((a, d) => a + d * d, 0) };
}

/**
 * The same mean change and interval from the sums alone, so returns from several workstations
 * can be combined without any one person's change leaving its workstation.
 * Σ(d − mean)² = Σd² − (Σd)²/n.
 */
export function meanChangeFromSums(s: ChangeSums): MeanChange {
  const { n } = s;
  if (n === 0) return { n, mean: null, lower: null, upper: null };
  const mean = s.sum / n;
  if (n === 1) return { n, mean: round2(mean), lower: null, upper: null };
  const variance = Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / n) / (n - 1));
  const halfWidth = jStat.studentt.inv(0.975, n - 1) * Math.sqrt(variance / n);
  return { n, mean: round2(mean), lower: round2(mean - halfWidth), upper: round2(mean + halfWidth) };
}
