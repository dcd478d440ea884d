import fc from "fast-check";
import {
  gwetAC1,
  krippendorffAlphaNominal,
  pairwiseAgreement,
  percentAgreement,
} from "../../src/scoring/agreement";

type Ratings = (string | null)[][];

/** Rows of observers ('.' = missing) → ratings[item][rater]. */
function fromObserverRows(rows: string[]): Ratings {
  const cells = rows.map((row) => row.trim().split(/\s+/));
  return cells[0].map((_, unit) => cells.map((observer) => (observer[unit] === "." ? null : observer[unit])));
}

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data, any
 * number of observers, missing values): 4 observers × 12 units. The same data is the dataset
 * `cac.raw4raters` of the R package irrCAC (Gwet 2014, p. 120).
 */
const KRIPPENDORFF_2011 = fromObserverRows([
  "1 2 3 3 2 1 4 1 2 . . .", // A
  "1 2 3 3 2 2 4 1 2 5 . 3", // B
  ". 3 3 3 2 3 4 2 2 5 1 .", // C
  "1 2 3 3 2 4 4 1 2 5 1 .", // D
]);

describe("published worked examples", () => {
  it("has the 12 × 4 shape of the example", () => {
    expect(KRIPPENDORFF_2011).toHaveLength(12);
    expect(KRIPPENDORFF_2011[0]).toEqual(["1", "1", null, "1"]);
    expect(KRIPPENDORFF_2011[11]).toEqual([null, "3", null, null]);
  });

  it("Krippendorff's alpha (nominal) = 0.743 as in Krippendorff (2011)", () => {
    // Also irrCAC's krippen.alpha.raw(cac.raw4raters): 0.74342.
    const alpha = krippendorffAlphaNominal(KRIPPENDORFF_2011);
    expect(alpha).not.toBeNull();
    expect(alpha!).toBeCloseTo(0.743, 3);
    expect(alpha!).toBeCloseTo(0.74342, 5);
  });

  it("percent agreement = 0.8181818 as irrCAC's pa.coeff.raw(cac.raw4raters)", () => {
    // 11 units have ≥ 2 values (unit 12 has one); their p_i sum to 9, and 9/11 = 0.8181818.
    expect(percentAgreement(KRIPPENDORFF_2011)!).toBeCloseTo(9 / 11, 12);
    expect(percentAgreement(KRIPPENDORFF_2011)!).toBeCloseTo(0.8181818, 7);
  });

  it("Gwet's AC1 = 0.77544 as irrCAC's gwet.ac1.raw(cac.raw4raters) (pa 0.8181818, pe 0.1903212)", () => {
    const ac1 = gwetAC1(KRIPPENDORFF_2011);
    expect(ac1!).toBeCloseTo(0.77544, 5);
    // p_e recovered from AC1 = (pa − pe)/(1 − pe)  ⇔  pe = (pa − AC1)/(1 − AC1).
    const pa = 9 / 11;
    expect((pa - ac1!) / (1 - ac1!)).toBeCloseTo(0.1903212, 7);
    // Passing the five categories explicitly changes nothing: all five are used.
    expect(gwetAC1(KRIPPENDORFF_2011, ["1", "2", "3", "4", "5"])!).toBeCloseTo(ac1!, 12);
  });
});

describe("edge cases", () => {
  it("perfect agreement with two categories: all three are 1", () => {
    const ratings: Ratings = [
      ["ja", "ja", "ja"],
      ["nee", "nee", null],
      ["ja", null, "ja"],
    ];
    expect(percentAgreement(ratings)).toBe(1);
    expect(gwetAC1(ratings)).toBe(1);
    expect(krippendorffAlphaNominal(ratings)).toBe(1);
  });

  it("all ratings identical: percent 1, AC1 1, alpha undefined (null)", () => {
    const ratings: Ratings = [
      ["ja", "ja"],
      ["ja", "ja", "ja"],
      ["ja", null],
    ];
    expect(percentAgreement(ratings)).toBe(1);
    expect(gwetAC1(ratings)).toBe(1); // q = 1 → p_e = 0
    expect(gwetAC1(ratings, ["ja", "nee"])).toBe(1); // q = 2, π_ja = 1 → p_e = 0
    expect(krippendorffAlphaNominal(ratings)).toBeNull();
  });

  it("fewer than two ratings on every item: all null", () => {
    const ratings: Ratings = [["ja", null, null], [null, "nee"], [], [null]];
    expect(percentAgreement(ratings)).toBeNull();
    expect(gwetAC1(ratings)).toBeNull();
    expect(krippendorffAlphaNominal(ratings)).toBeNull();
    expect(percentAgreement([])).toBeNull();
    expect(gwetAC1([])).toBeNull();
    expect(krippendorffAlphaNominal([])).toBeNull();
  });

  it("two raters, four items, computed by hand", () => {
    // Items: (ja,ja) (ja,ja) (nee,nee) (ja,nee).
    // Percent agreement: 3 of 4 items agree → p_a = 3/4.
    // AC1: π_ja = (1 + 1 + 0 + 1/2)/4 = 5/8, π_nee = 3/8, q = 2,
    //      p_e = (5/8·3/8 + 3/8·5/8)/(2 − 1) = 30/64 = 15/32,
    //      AC1 = (3/4 − 15/32)/(1 − 15/32) = (9/32)/(17/32) = 9/17 ≈ 0.5294.
    // Alpha: 8 values, n_ja = 5, n_nee = 3; only item 4 disagrees: o_ja,nee = o_nee,ja = 1·1/(2 − 1) = 1,
    //      Σ_{c≠k} o_ck = 2, Σ_{c≠k} n_c n_k = 2·5·3 = 30,
    //      alpha = 1 − (8 − 1)·2/30 = 1 − 14/30 = 8/15 ≈ 0.5333.
    const ratings: Ratings = [
      ["ja", "ja"],
      ["ja", "ja"],
      ["nee", "nee"],
      ["ja", "nee"],
    ];
    expect(percentAgreement(ratings)!).toBeCloseTo(3 / 4, 12);
    expect(gwetAC1(ratings)!).toBeCloseTo(9 / 17, 12);
    expect(krippendorffAlphaNominal(ratings)!).toBeCloseTo(8 / 15, 12);
  });

  it("an unused category listed in `categories` raises q and so lowers p_e", () => {
    // Same data with q = 3 (π_nvt = 0): Σ_k π_k(1 − π_k) = 15/32 as before, but p_e = (15/32)/(3 − 1) = 15/64,
    //   AC1 = (3/4 − 15/64)/(1 − 15/64) = (33/64)/(49/64) = 33/49 ≈ 0.673 (instead of 9/17 ≈ 0.529).
    const ratings: Ratings = [
      ["ja", "ja"],
      ["ja", "ja"],
      ["nee", "nee"],
      ["ja", "nee"],
    ];
    expect(gwetAC1(ratings, ["ja", "nee", "nvt"])!).toBeCloseTo(33 / 49, 12);
  });

  it("throws when a rating is not one of the given categories", () => {
    expect(() => gwetAC1([["ja", "misschien"]], ["ja", "nee"])).toThrow(RangeError);
  });

  it("items rated once count for AC1's π_k but not for p_a", () => {
    // Item 1 (ja,ja), item 2 (nee) rated once: p_a = 1 (item 1 only), π_ja = (1 + 0)/2 = 1/2, π_nee = 1/2,
    //   p_e = 2·(1/2)(1/2) = 1/2 → AC1 = (1 − 1/2)/(1 − 1/2) = 1.
    // Item 1 (ja,nee), item 2 (ja) rated once: p_a = 0, π_ja = (1/2 + 1)/2 = 3/4, π_nee = 1/4,
    //   p_e = 2·(3/4)(1/4) = 3/8 → AC1 = (0 − 3/8)/(1 − 3/8) = −3/5.
    expect(gwetAC1([["ja", "ja"], ["nee", null]])!).toBeCloseTo(1, 12);
    expect(gwetAC1([["ja", "nee"], [null, "ja"]])!).toBeCloseTo(-3 / 5, 12);
  });
});

describe("the high-agreement paradox", () => {
  it("one 'nee' among 80 'ja': percent and AC1 high, alpha 0", () => {
    // 20 items × 4 raters, all "ja" except one "nee" on item 7.
    //   Percent: 19 items p_i = 1, item 7 p_i = 3·2/(4·3) = 1/2 → (19 + 1/2)/20 = 0.975.
    //   AC1: π_nee = (1/4)/20 = 1/80, p_e = 2·(1/80)(79/80) ≈ 0.0247 → AC1 ≈ 0.974.
    //   Alpha: n = 80, n_ja = 79, n_nee = 1; o_ja,nee = o_nee,ja = 3·1/3 = 1 →
    //          alpha = 1 − 79·2/(2·79·1) = 0 exactly.
    // Alpha compares the observed disagreement with the disagreement expected if all 80 values were
    // shuffled over the items. A lone "nee" always sits among "ja"s, shuffled or not, so observed =
    // expected and alpha = 0: alpha says "no evidence beyond chance", although raters agree on 97.5% of
    // pairs. AC1's chance term (p_e ≈ 0.025) stays small when one category dominates, which is why
    // AC1 is reported beside alpha.
    const ratings: Ratings = Array.from({ length: 20 }, () => ["ja", "ja", "ja", "ja"]);
    ratings[6] = ["ja", "ja", "nee", "ja"];
    expect(percentAgreement(ratings)!).toBeCloseTo(0.975, 12);
    expect(percentAgreement(ratings)!).toBeGreaterThan(0.95);
    expect(gwetAC1(ratings)!).toBeGreaterThan(0.9);
    expect(gwetAC1(ratings)!).toBeCloseTo((0.975 - 2 * (1 / 80) * (79 / 80)) / (1 - 2 * (1 / 80) * (79 / 80)), 12);
    expect(krippendorffAlphaNominal(ratings)!).toBeCloseTo(0, 12);
  });
});

describe("pairwiseAgreement", () => {
  it("is null below two answers and p_i with the default identity weight", () => {
    expect(pairwiseAgreement([])).toBeNull();
    expect(pairwiseAgreement(["ja"])).toBeNull();
    expect(pairwiseAgreement(["ja", "ja"])).toBe(1);
    expect(pairwiseAgreement(["ja", "nee"])).toBe(0);
    // 3 ja + 1 nee: 3 of the 6 pairs agree.
    expect(pairwiseAgreement(["ja", "ja", "nee", "ja"])).toBe(0.5);
  });

  it("applies a custom weight", () => {
    const partial = (a: string, b: string) => (a === b ? 1 : a === "deels" || b === "deels" ? 0.5 : 0);
    // pairs: (ja,deels) 0.5, (ja,nee) 0, (deels,nee) 0.5 → 1/3
    expect(pairwiseAgreement(["ja", "deels", "nee"], partial)!).toBeCloseTo(1 / 3, 12);
  });
});

describe("properties", () => {
  const label: fc.Arbitrary<string> = fc.constantFrom("ja", "nee", "deels", "nvt");
  const cell = fc.option(label, { nil: null, freq: 4 });
  /** items × raters with a fixed rater count per sample. */
  const ratingsArb = fc
    .integer({ min: 1, max: 6 })
    .chain((raters) => fc.array(fc.array(cell, { minLength: raters, maxLength: raters }), { maxLength: 15 }));

  const all = (r: Ratings) => [percentAgreement(r), gwetAC1(r), krippendorffAlphaNominal(r)];
  const close = (a: number | null, b: number | null) =>
    a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

  /** A permutation of 0..n−1 drawn from fast-check. */
  function permuted<T>(xs: T[], keys: number[]): T[] {
    return xs
      .map((x, i) => ({ x, k: keys[i] ?? 0, i }))
      .sort((p, q) => p.k - q.k || p.i - q.i)
      .map((p) => p.x);
  }
  const keysArb = fc.array(fc.double({ noNaN: true }), { minLength: 20, maxLength: 20 });

  it("percent ∈ [0,1], AC1 ≤ 1, alpha ≤ 1; AC1 null exactly when percent is null", () => {
    fc.assert(
      fc.property(ratingsArb, (r) => {
        const [pa, ac1, alpha] = all(r);
        if (pa !== null && (pa < 0 || pa > 1)) return false;
        if (ac1 !== null && !(ac1 <= 1 + 1e-12)) return false;
        if (alpha !== null && !(alpha <= 1 + 1e-12)) return false;
        return (pa === null) === (ac1 === null);
      }),
    );
  });

  it("percent agreement is the mean of the items' pairwiseAgreement", () => {
    fc.assert(
      fc.property(ratingsArb, (r) => {
        const perItem = r
          .map((row) => pairwiseAgreement(row.filter((x): x is string => x !== null)))
          .filter((p): p is number => p !== null);
        const mean = perItem.length === 0 ? null : perItem.reduce((a, b) => a + b, 0) / perItem.length;
        return close(percentAgreement(r), mean);
      }),
    );
  });

  /** Krippendorff's alpha the textbook way: the full coincidence matrix o_ck, then 1 − D_o / D_e. */
  function alphaByCoincidences(r: Ratings): number | null {
    const labels = [...new Set(r.flat().filter((x): x is string => x !== null))];
    const o = labels.map(() => labels.map(() => 0));
    for (const row of r) {
      const values = row.filter((x): x is string => x !== null);
      const m = values.length;
      if (m < 2) continue;
      values.forEach((c, i) =>
        values.forEach((k, j) => {
          if (i !== j) o[labels.indexOf(c)][labels.indexOf(k)] += 1 / (m - 1);
        }),
      );
    }
    const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
    const n = nc.reduce((a, b) => a + b, 0);
    let observed = 0;
    let expected = 0;
    labels.forEach((_, c) =>
      labels.forEach((__, k) => {
        if (c === k) return;
        observed += o[c][k];
        expected += nc[c] * nc[k];
      }),
    );
    if (n === 0 || Math.abs(expected) < 1e-12) return null;
    return 1 - ((n - 1) * observed) / expected;
  }

  /** Gwet's AC1 the textbook way: a table of π_k over the rated items, then (p_a − p_e) / (1 − p_e). */
  function ac1ByTable(r: Ratings): number | null {
    const pa = percentAgreement(r);
    if (pa === null) return null;
    const labels = [...new Set(r.flat().filter((x): x is string => x !== null))];
    const rated = r.filter((row) => row.some((x) => x !== null));
    if (labels.length < 2) return pa;
    const pi = labels.map((k) => rated.reduce((sum, row) => sum + row.filter((x) => x === k).length / row.filter((x) => x !== null).length, 0) / rated.length);
    const pe = pi.reduce((sum, p) => sum + p * (1 - p), 0) / (labels.length - 1);
    return (pa - pe) / (1 - pe);
  }

  it("alpha and AC1 equal their textbook computations (coincidence matrix, table of π_k)", () => {
    fc.assert(
      fc.property(ratingsArb, (r) => close(krippendorffAlphaNominal(r), alphaByCoincidences(r)) && close(gwetAC1(r), ac1ByTable(r))),
    );
  });

  it("permuting raters (columns) changes none of the three", () => {
    fc.assert(
      fc.property(ratingsArb, keysArb, (r, keys) => {
        const shuffled = r.map((row) => permuted(row, keys));
        return all(r).every((v, i) => close(v, all(shuffled)[i]));
      }),
    );
  });

  it("permuting items (rows) changes none of the three", () => {
    fc.assert(
      fc.property(ratingsArb, keysArb, (r, keys) => {
        const shuffled = permuted(r, keys);
        return all(r).every((v, i) => close(v, all(shuffled)[i]));
      }),
    );
  });

  it("pairwiseAgreement is in [0,1] and does not depend on the order of the answers", () => {
    const ordinal = ["nee", "deels", "ja"];
    const linear = (a: string, b: string) => 1 - Math.abs(ordinal.indexOf(a) - ordinal.indexOf(b)) / 2;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("ja", "nee", "deels"), { maxLength: 12 }),
        keysArb,
        (answers, keys) => {
          for (const w of [undefined, linear]) {
            const p = pairwiseAgreement(answers, w);
            if (answers.length < 2) {
              if (p !== null) return false;
              continue;
            }
            if (p === null || p < 0 || p > 1) return false;
            if (!close(p, pairwiseAgreement(permuted(answers, keys), w))) return false;
          }
          return true;
        },
      ),
    );
  });
});
