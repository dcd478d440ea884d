import fc from "fast-check";
import { evaluate } from "../../src/scoring/conditions";
import { divergence, jaccard, janeeWeight } from "../../src/scoring/divergence";
import { scoreApproach } from "../../src/scoring/score";
import type { CellValue, Question } from "../../src/scoring/types";
import { approachOf, miniFramework, question, type Spec } from "./helpers";

const Q = question("Q");

/** Gemeente (first value, unless null), netwerkpartners P1…, and optionally a document; divergence of Q. */
function div(values: (CellValue | null)[], opts: { doc?: CellValue; q?: Question } = {}) {
  const q = opts.q ?? Q;
  const specs: Spec[] = [];
  values.forEach((v, i) => {
    if (i === 0) {
      if (v !== null) specs.push(["Gemeente", "gemeente", { [q.code]: v }]);
    } else specs.push([`P${i}`, "netwerkpartner", { [q.code]: v }]);
  });
  if (opts.doc !== undefined) specs.push(["Documenten", "document", { [q.code]: opts.doc }]);
  const a = approachOf([q], specs);
  return divergence(q, a, evaluate(q, a).dissenters);
}

describe("jaccard", () => {
  it("is |A ∩ B| / |A ∪ B|, 1 for equal or two empty lists, symmetric", () => {
    expect(jaccard(["a", "b"], ["b", "c"])).toBeCloseTo(1 / 3, 12);
    expect(jaccard(["a"], ["b"])).toBe(0);
    expect(jaccard(["a", "b"], ["b", "a"])).toBe(1);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard(["a", "b", "c", "d"], ["a"])).toBe(0.25);
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e")), fc.uniqueArray(fc.constantFrom("a", "b", "c", "d", "e")), (a, b) => {
        const j = jaccard(a, b);
        const union = new Set([...a, ...b]).size;
        const inter = a.filter((x) => b.includes(x)).length;
        return j === jaccard(b, a) && j === (union === 0 ? 1 : inter / union);
      }),
    );
  });
});

describe("janeeWeight", () => {
  it("is 1 for equal answers, ½ one step apart, 0 for ja–nee", () => {
    expect(janeeWeight("ja", "ja")).toBe(1);
    expect(janeeWeight("ja", "deels")).toBe(0.5);
    expect(janeeWeight("deels", "nee")).toBe(0.5);
    expect(janeeWeight("nee", "ja")).toBe(0);
  });
});

describe("divergence of ja/nee answers", () => {
  it.each<[string, CellValue[], number]>([
    // Hand-computed: mean over the n(n−1)/2 pairs of 1 − |score difference|, score = 1 − that mean.
    ["two agree", ["ja", "ja"], 0],
    ["ja–nee", ["ja", "nee"], 1],
    ["ja–deels", ["ja", "deels"], 0.5],
    ["ja ja nee", ["ja", "ja", "nee"], 1 - (1 + 0 + 0) / 3],
    ["ja deels nee", ["ja", "deels", "nee"], 1 - (0.5 + 0 + 0.5) / 3],
    ["ja ja ja deels", ["ja", "ja", "ja", "deels"], 1 - (3 * 1 + 3 * 0.5) / 6],
    ["ja ja nee nee", ["ja", "ja", "nee", "nee"], 1 - (1 + 1) / 6],
    ["ja deels deels nee", ["ja", "deels", "deels", "nee"], 1 - (1 + 4 * 0.5) / 6],
  ])("%s (%j) → score %p", (_, values, expected) => {
    const d = div(values);
    expect(d.score).toBeCloseTo(expected, 12);
    expect(d.agreement).toBeCloseTo(1 - expected, 12);
    expect(d.realAnswers).toBe(values.length);
  });

  it("leaves weet niet out of the score but counts it in countsText, ordered ja, deels, nee, weet niet", () => {
    const d = div(["weet niet", "deels", "ja", "ja"]);
    expect(d.countsText).toBe("2× ja, 1× deels, 1× weet niet");
    expect(d.counts).toEqual({ ja: 2, deels: 1, "weet niet": 1 });
    expect(d.realAnswers).toBe(3);
    expect(d.score).toBeCloseTo(1 - (1 + 0.5 + 0.5) / 3, 12);
    expect(div(["nee", "ja", "weet niet", "deels"]).countsText).toBe("1× ja, 1× deels, 1× nee, 1× weet niet");
  });

  it("different numbers of real answers per indicator: empty cells are not answers", () => {
    expect(div(["ja", "", "nee", ""]).realAnswers).toBe(2);
    expect(div(["ja", "", "nee", ""]).score).toBe(1);
    expect(div(["ja", "ja", "ja", "ja"]).realAnswers).toBe(4);
  });

  it("documents are evidence, not respondents: they are not in the divergence", () => {
    const d = div(["ja", "ja"], { doc: "nee" });
    expect(d.score).toBe(0);
    expect(d.counts).toEqual({ ja: 2 });
  });

  it("fewer than two real answers: score null and 'te weinig antwoorden'", () => {
    for (const values of [["ja"], ["ja", "weet niet", ""], ["weet niet", "weet niet"], []] as CellValue[][]) {
      const d = div(values);
      expect(d.score).toBeNull();
      expect(d.agreement).toBeNull();
      expect(d.label).toBe("te weinig antwoorden");
    }
    expect(div(["ja", "weet niet"]).text).toBe("Eén antwoord; geen spreiding te bepalen.");
    expect(div(["weet niet"]).text).toBe("Geen antwoorden; geen spreiding te bepalen.");
    expect(div(["weet niet"]).majorityShare).toBeNull();
  });

  it("labels: eensgezind, minderheid wijkt af, verdeeld", () => {
    const same = div(["ja", "ja", "ja"]);
    expect([same.label, same.text]).toEqual(["eensgezind", "Eensgezind: 3× ja."]);
    const minority = div(["ja", "ja", "ja", "nee"]);
    expect(minority.label).toBe("minderheid wijkt af");
    expect(minority.dissenters).toEqual(["P3"]);
    expect(minority.text).toBe("Een minderheid wijkt af (P3): 3× ja, 1× nee.");
    const split = div(["ja", "nee", "ja", "nee"]);
    expect(split.label).toBe("verdeeld");
    expect(split.text.startsWith("Verdeeld: 2× ja, 2× nee.")).toBe(true);
    // Two answers that differ are never "a minority".
    expect(div(["ja", "deels"]).label).toBe("verdeeld");
  });

  it("majorityShare is the share of the most common real answer", () => {
    expect(div(["ja", "ja", "nee", "weet niet"]).majorityShare).toBeCloseTo(2 / 3, 12);
  });

  it("gemeenteGap: gemeente minus the partners' mean (positive when the gemeente is more positive)", () => {
    const g = div(["ja", "nee", "nee"]);
    expect(g.gemeenteGap).toBe(1);
    expect(g.text).toContain("De gemeente is positiever dan de netwerkpartners (verschil 1,00).");
    expect(div(["nee", "ja", "deels"]).gemeenteGap).toBe(-0.75);
    expect(div(["nee", "ja", "deels"]).text).toContain("negatiever");
    expect(div(["ja", "ja", "deels"]).gemeenteGap).toBe(0.25);
    expect(div(["ja", "ja", "deels"]).text).not.toContain("De gemeente is");
    // No gemeente answer, or no partner answer: no gap.
    expect(div(["weet niet", "ja", "nee"]).gemeenteGap).toBeNull();
    expect(div(["ja", "", "weet niet"]).gemeenteGap).toBeNull();
    expect(div([null, "ja", "nee"]).gemeenteGap).toBeNull();
  });

  it("property: score is in [0, 1], independent of respondent order, and 0 exactly when all real answers agree", () => {
    const v = fc.constantFrom("ja", "nee", "deels", "weet niet", "");
    fc.assert(
      fc.property(fc.array(v, { minLength: 2, maxLength: 4 }), fc.nat(), (values, rot) => {
        const d = div(values);
        const real = values.filter((x) => x === "ja" || x === "nee" || x === "deels");
        expect(d.realAnswers).toBe(real.length);
        if (real.length < 2) return expect(d.score).toBeNull();
        expect(d.score!).toBeGreaterThanOrEqual(0);
        expect(d.score!).toBeLessThanOrEqual(1);
        expect(d.score === 0).toBe(new Set(real).size === 1);
        // Same answers, given by the partners in another order (the gemeente keeps its own).
        const [g, ...p] = values;
        const k = rot % p.length;
        const other = div([g, ...p.slice(k), ...p.slice(0, k)]);
        expect(other.score).toBeCloseTo(d.score!, 12);
      }),
    );
  });
});

describe("divergence of choices and lists", () => {
  const K = question("K", { type: "keuze", options: ["a", "b", "c"], rule: "gelijk", quorum: "tweederde" });
  const L = question("L", { type: "meerkeuze", options: ["x", "y", "z"], required: [["x"]], rule: "dekking" });

  it("choices agree only when equal", () => {
    const d = div(["a", "a", "b"], { q: K });
    expect(d.score).toBeCloseTo(1 - 1 / 3, 12);
    expect(d.countsText).toBe("2× a, 1× b");
    expect(d.gemeenteGap).toBeNull();
  });

  it("lists are compared by Jaccard similarity and counted as 'lijst'", () => {
    const d = div(["x; y", "x", "x; y; z"], { q: L });
    // Pairs: {x,y}–{x} ½, {x,y}–{x,y,z} ⅔, {x}–{x,y,z} ⅓.
    expect(d.score).toBeCloseTo(1 - (1 / 2 + 2 / 3 + 1 / 3) / 3, 12);
    expect(d.countsText).toBe("3× lijst");
  });
});

describe("the divergence kept by a scored approach", () => {
  // Scoring keeps each divergence as numbers, with the dissenters as a mask over the respondents when
  // there are at most 31 of them; beyond that they are found again on reading. Either way they must
  // be the main condition's dissenters who gave a real answer, in the order of the rows.
  const M = question("M");
  const FW = miniFramework([M]);
  const answer = fc.constantFrom<CellValue>("ja", "ja", "nee", "deels", "weet niet", "");
  const spec = fc.record({ gemeente: fc.option(answer, { nil: undefined }), partners: fc.integer({ min: 0, max: 45 }).chain((n) => fc.array(answer, { minLength: n, maxLength: n })), doc: fc.option(answer, { nil: undefined }) });

  it("has the condition's real dissenters in row order, whatever the number of respondents", () => {
    let masked = 0;
    let unmasked = 0;
    fc.assert(
      fc.property(spec, (s) => {
        const specs: Spec[] = [];
        if (s.gemeente !== undefined) specs.push(["Gemeente", "gemeente", { M: s.gemeente }]);
        s.partners.forEach((v, i) => specs.push([`P${i + 1}`, "netwerkpartner", { M: v }]));
        if (s.doc !== undefined) specs.push(["Documenten", "document", { M: s.doc }]);
        const a = approachOf([M], specs);
        const outcome = evaluate(M, a);
        const expected = a.respondents
          .filter((r) => outcome.dissenters.includes(r.name) && r.role !== "document" && ["janee"].includes(r.answers.M?.kind ?? ""))
          .map((r) => r.name);
        const kept = scoreApproach(a, FW).indicators[0].divergence;
        expect(kept.dissenters).toEqual(expected);
        expect(kept).toEqual(divergence(M, a, outcome.dissenters));
        if (a.respondents.length > 31) unmasked++;
        else masked++;
      }),
      { numRuns: 300 },
    );
    // Both ways of keeping the dissenters were exercised.
    expect(masked).toBeGreaterThan(0);
    expect(unmasked).toBeGreaterThan(0);
  });
});
