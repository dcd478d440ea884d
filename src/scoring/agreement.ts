/**
 * Inter-rater agreement for nominal answers: percent agreement, Gwet's AC1 and Krippendorff's alpha.
 * Pure functions: no Office, no DOM, no I/O. See docs/agreement.md for the formulas and references.
 *
 * Input shape everywhere: `ratings[item][rater]` is a category label, or `null` when that rater gave
 * no (real) answer for that item. Rows may have different lengths; only the non-null labels count.
 * Labels are compared exactly (`===`): normalise case and spacing before calling.
 */

/** The three statistics of one set of ratings, and the number of items with two or more ratings. */
interface Statistics {
  items: number;
  percent: number | null;
  ac1: number | null;
  alpha: number | null;
}

/**
 * The three statistics side by side, plus the number of items they rest on (items with at least two
 * ratings); equal to calling the three functions below. One pass over the ratings, without an
 * object per item: labels get an index in order of first appearance, and one small array of counts
 * is reused from item to item (an approach has some 25 items of four ratings; a study, 25,000).
 * Sums run in the same order as the formulas below read them.
 */
export function agreementStatistics(ratings: readonly (readonly (string | null)[])[], categories?: readonly string[]): Statistics {
  const allowed = categories === undefined ? undefined : new Set(categories);
  const index = new Map<string, number>();
  const counts: number[] = []; // this item's count per label index
  const pi: number[] = []; // Σ_i r_ik / r_i over items with a rating (AC1)
  const nc: number[] = []; // Σ_u n_uk over units with two or more values (alpha)
  let agreeSum = 0; // Σ p_i over items with r_i ≥ 2
  let usable = 0;
  let rated = 0; // items with at least one rating
  let observed = 0; // Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)
  let pairable = 0; // n: values in units with m_u ≥ 2
  for (const row of ratings) {
    counts.fill(0);
    let total = 0;
    for (let j = 0; j < row.length; j++) {
      const label = row[j];
      if (label === null) continue;
      let k = index.get(label);
      if (k === undefined) {
        if (allowed !== undefined && !allowed.has(label)) throw new RangeError(`gwetAC1: label "${label}" is not one of the given categories`);
        k = index.size;
        index.set(label, k);
        counts.push(0);
        pi.push(0);
        nc.push(0);
      }
      counts[k]++;
      total++;
    }
    if (total === 0) continue;
    rated++;
    let same = 0;
    for (let k = 0; k < counts.length; k++) {
      const r = counts[k];
      if (r === 0) continue;
      pi[k] += r / total;
      same += r * r;
    }
    if (total < 2) continue;
    usable++;
    // p_i = Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1)) = (Σ_k r_ik² − r_i) / (r_i(r_i − 1))
    agreeSum += (same - total) / (total * (total - 1));
    // Σ_{c≠k} n_uc·n_uk = m² − Σ_c n_uc²  (ordered pairs of values with different labels)
    observed += (total * total - same) / (total - 1);
    pairable += total;
    for (let k = 0; k < counts.length; k++) nc[k] += counts[k];
  }
  const percent = usable === 0 ? null : agreeSum / usable;
  return { items: usable, percent, ac1: ac1Of(percent, pi, rated, allowed === undefined ? index.size : allowed.size), alpha: alphaOf(nc, observed, pairable) };
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
  return agreementStatistics(ratings).percent;
}

/** AC1 from p_a, the per-category sums Σ_i r_ik / r_i over `rated` items, and q categories. */
function ac1Of(pa: number | null, pi: readonly number[], rated: number, q: number): number | null {
  if (pa === null) return null;
  if (q < 2) return pa; // p_e = 0: a single category leaves nothing to agree by chance on
  let spread = 0;
  for (const sum of pi) {
    const p = sum / rated;
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
  return agreementStatistics(ratings, categories).ac1;
}

/** Alpha from the label totals n_c, the observed disagreement Σ_{c≠k} o_ck and n. */
function alphaOf(nc: readonly number[], observed: number, n: number): number | null {
  let sumSquares = 0;
  for (const count of nc) sumSquares += count * count;
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
  return agreementStatistics(ratings).alpha;
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
 * @param n how many of `answers` (from the first) count; all of them by default.
 * @returns the agreement, or null when there are fewer than two answers.
 */
export function pairwiseAgreement<T = string>(
  answers: readonly T[],
  weight: (a: T, b: T) => number = (a, b) => (a === b ? 1 : 0),
  n: number = answers.length,
): number | null {
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) sum += weight(answers[i], answers[j]);
  }
  return sum / ((n * (n - 1)) / 2);
}
