/**
 * Inter-rater agreement for nominal answers: percent agreement, Gwet's AC1 and Krippendorff's alpha.
 * Pure functions: no Office, no DOM, no I/O. See docs/agreement.md for the formulas and references.
 *
 * Input shape everywhere: `ratings[item][rater]` is a category label, or `null` when that rater gave
 * no (real) answer for that item. Rows may have different lengths; only the non-null labels count.
 * Labels are compared exactly (`===`): normalise case and spacing before calling.
 */

/**
 * Per-item tally: how many ratings the item has and how many fall in each category, as parallel
 * arrays in order of first appearance (an item has a handful of ratings: a linear search is cheaper
 * than a map, and the three statistics below share one tally per item).
 */
interface ItemCounts {
  total: number;
  labels: string[];
  counts: number[];
}

function countItem(row: readonly (string | null)[]): ItemCounts {
  const labels: string[] = [];
  const counts: number[] = [];
  let total = 0;
  for (const label of row) {
    if (label === null) continue;
    const i = labels.indexOf(label);
    if (i < 0) {
      labels.push(label);
      counts.push(1);
    } else counts[i]++;
    total++;
  }
  return { total, labels, counts };
}

/** p_i = Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1)): the share of ordered rater pairs on item i that agree. */
function itemAgreement(item: ItemCounts): number {
  let agreeing = 0;
  for (const r of item.counts) agreeing += r * (r - 1);
  return agreeing / (item.total * (item.total - 1));
}

function percentOf(items: readonly ItemCounts[]): number | null {
  let sum = 0;
  let n = 0;
  for (const item of items) {
    if (item.total < 2) continue;
    sum += itemAgreement(item);
    n++;
  }
  return n === 0 ? null : sum / n;
}

/**
 * Percent agreement among any number of raters with missing ratings: the mean over items with at
 * least two ratings of p_i = Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1)), where r_i is the number of ratings
 * of item i and r_ik the number of those in category k. This is the p_a of Gwet's AC1.
 *
 * Reference: Gwet, K. L. (2014), *Handbook of Inter-Rater Reliability*, 4th ed., Advanced Analytics,
 * the chapter on agreement among multiple raters (`pa.coeff.raw` in the R package irrCAC).
 *
 * @returns a number in [0, 1], or null when no item has two or more ratings.
 */
export function percentAgreement(ratings: (string | null)[][]): number | null {
  return percentOf(ratings.map(countItem));
}

function ac1Of(items: readonly ItemCounts[], pa: number | null, categories?: string[]): number | null {
  if (pa === null) return null;
  const allowed = categories === undefined ? undefined : new Set(categories);
  const pi = new Map<string, number>(); // Σ_i r_ik / r_i, divided by n below
  let n = 0;
  for (const item of items) {
    if (item.total === 0) continue;
    n++;
    for (let k = 0; k < item.labels.length; k++) {
      const label = item.labels[k];
      if (allowed !== undefined && !allowed.has(label)) {
        throw new RangeError(`gwetAC1: label "${label}" is not one of the given categories`);
      }
      pi.set(label, (pi.get(label) ?? 0) + item.counts[k] / item.total);
    }
  }
  const q = allowed === undefined ? pi.size : allowed.size;
  if (q < 2) return pa; // p_e = 0: a single category leaves nothing to agree by chance on
  let spread = 0;
  for (const sum of pi.values()) {
    const p = sum / n;
    spread += p * (1 - p);
  }
  const pe = spread / (q - 1);
  return (pa - pe) / (1 - pe);
}

/**
 * Gwet's AC1 for any number of raters with missing ratings (unweighted, nominal categories):
 *
 * - p_a = percent agreement (mean of p_i over items with r_i ≥ 2, see {@link percentAgreement});
 * - π_k = (1/n) Σ_i r_ik / r_i over the n items with at least one rating;
 * - p_e = (1/(q − 1)) Σ_k π_k(1 − π_k), with q the number of categories;
 * - AC1 = (p_a − p_e) / (1 − p_e).
 *
 * q is the number of entries of `categories` when given (so unused categories count), else the
 * number of distinct labels seen. When q < 2 every rating is the same label: chance agreement is
 * then taken as p_e = 0, so AC1 = p_a (= 1). As in irrCAC's `gwet.ac1.raw`, which uses 1e-15 there.
 * Since p_e ≤ 1/q ≤ 1/2 the denominator never vanishes and AC1 ≤ 1.
 *
 * Reference: Gwet, K. L. (2014), *Handbook of Inter-Rater Reliability*, 4th ed., Advanced Analytics;
 * Gwet, K. L. (2008), "Computing inter-rater reliability and its variance in the presence of high
 * agreement", *British Journal of Mathematical and Statistical Psychology* 61, 29–48.
 *
 * @param categories all possible labels (duplicates ignored). Optional.
 * @throws RangeError when `categories` is given and a rating uses a label that is not in it.
 * @returns AC1, or null when no item has two or more ratings.
 */
export function gwetAC1(ratings: (string | null)[][], categories?: string[]): number | null {
  const items = ratings.map(countItem);
  return ac1Of(items, percentOf(items), categories);
}

function alphaOf(items: readonly ItemCounts[]): number | null {
  let observed = 0; // Σ_{c≠k} o_ck
  let n = 0;
  const nc = new Map<string, number>();
  for (const unit of items) {
    const m = unit.total;
    if (m < 2) continue;
    // Σ_{c≠k} n_uc·n_uk = m² − Σ_c n_uc²  (ordered pairs of values with different labels)
    let same = 0;
    for (let k = 0; k < unit.labels.length; k++) {
      const count = unit.counts[k];
      same += count * count;
      nc.set(unit.labels[k], (nc.get(unit.labels[k]) ?? 0) + count);
    }
    observed += (m * m - same) / (m - 1);
    n += m;
  }
  let sumSquares = 0;
  for (const count of nc.values()) sumSquares += count * count;
  const expected = n * n - sumSquares; // Σ_{c≠k} n_c·n_k
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's alpha for nominal data, any number of raters, missing ratings allowed.
 *
 * Only units (items) with m_u ≥ 2 values are pairable and count. With n_uc the number of values c in
 * unit u: o_ck = Σ_u n_uc·(n_uk − [c = k]) / (m_u − 1) (coincidence matrix), n_c = Σ_k o_ck,
 * n = Σ_c n_c, and
 *
 *   alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 *
 * When all pairable values are the same label the expected disagreement Σ_{c≠k} n_c·n_k is 0 and
 * alpha is undefined (0/0); this returns null then. Alpha ≤ 1; it can go below 0.
 *
 * Reference: Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School
 * for Communication, University of Pennsylvania.
 *
 * @returns alpha, or null when no unit has two values or all pairable values are identical.
 */
export function krippendorffAlphaNominal(ratings: (string | null)[][]): number | null {
  return alphaOf(ratings.map(countItem));
}

/**
 * The three statistics side by side from one tally of the ratings, plus the number of items they
 * rest on (items with at least two ratings). Equal to calling the three functions above.
 */
export function agreementStatistics(
  ratings: (string | null)[][],
  categories?: string[],
): { items: number; percent: number | null; ac1: number | null; alpha: number | null } {
  const items = ratings.map(countItem);
  const percent = percentOf(items);
  let usable = 0;
  for (const item of items) if (item.total >= 2) usable++;
  return { items: usable, percent, ac1: ac1Of(items, percent, categories), alpha: alphaOf(items) };
}

/**
 * Weighted pairwise agreement of one item's real answers:
 * Σ over the n(n − 1)/2 unordered pairs {a, b} of w(a, b), divided by n(n − 1)/2.
 * With the default identity weight (1 when equal, else 0) this is the item's p_i of
 * {@link percentAgreement}. `weight` should be symmetric with values in [0, 1]; the result is then
 * in [0, 1] and does not depend on the order of `answers`.
 *
 * Reference: Gwet, K. L. (2014), *Handbook of Inter-Rater Reliability*, 4th ed., Advanced Analytics
 * (agreement for one subject among multiple raters; weighted form as used for AC2).
 *
 * @returns the agreement, or null when there are fewer than two answers.
 */
export function pairwiseAgreement<T = string>(answers: readonly T[], weight: (a: T, b: T) => number = (a, b) => (a === b ? 1 : 0)): number | null {
  const n = answers.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sum += weight(answers[i], answers[j]);
  }
  return sum / ((n * (n - 1)) / 2);
}
