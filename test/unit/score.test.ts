import fc from "fast-check";
import { readAnswers } from "../../src/scoring/answers";
import { exampleAnswerRows } from "../../src/examples/seeds";
import { ggsr2013 } from "../../src/scoring/framework/ggsr2013";
import { approachAgreement, findingText, scoreAll, scoreApproach, SYMBOL } from "../../src/scoring/score";
import type { Approach, CellValue, Framework, Override, Role } from "../../src/scoring/types";
import { approachOf, miniFramework, question, type Spec } from "./helpers";

const M = question("M");
const SUB = question("M_sub");
const LET = question("M_let", { weight: "letop" });
const QS = [M, SUB, LET];
const FW = miniFramework(QS, [question("N")]);

function approach(rows: [Role, Record<string, CellValue>][], gemeente = "Emmen", name = "CJG-aanpak"): Approach {
  let p = 0;
  const specs: Spec[] = rows.map(([role, a]) => [role === "gemeente" ? "Gemeente" : `Partner ${++p}`, role, a]);
  return approachOf([...QS, question("N")], specs, gemeente, name);
}
const all = (a: Record<string, CellValue>) =>
  approach([
    ["gemeente", a],
    ["netwerkpartner", a],
    ["netwerkpartner", a],
  ]);

describe("verdicts", () => {
  it("onvoldoende informatie when the main question has no real answer, whatever the sub-questions say", () => {
    const r = scoreApproach(all({ M: "weet niet", M_sub: "nee", M_let: "nee" }), FW).indicators[0];
    expect(r.verdict).toBe("onvoldoende");
    expect(r.finding).toBe("? Onvoldoende informatie: er zijn geen bruikbare antwoorden op vraag M (Vraag M?).");
    expect(r.reasons[0]).toMatch(/^Onvoldoende informatie: M: geen ja\/nee\/deels-antwoorden/);
    expect(r.notes).toEqual([]);
  });

  it("voldoet when every vereist condition holds", () => {
    const r = scoreApproach(all({ M: "ja", M_sub: "ja", M_let: "ja" }), FW).indicators[0];
    expect([r.verdict, r.computedVerdict]).toEqual(["voldoet", "voldoet"]);
    expect(r.reasons[0]).toBe("Voldoet: aan alle vereiste voorwaarden is voldaan.");
    expect(r.conditions.map((c) => c.passed)).toEqual([true, true, true]);
    expect(r.override).toBeUndefined();
  });

  it("a failing vereist sub-condition makes a verbeterpunt, even when the main question passes", () => {
    const r = scoreApproach(all({ M: "ja", M_sub: "nee", M_let: "ja" }), FW).indicators[0];
    expect(r.verdict).toBe("verbeterpunt");
    expect(r.reasons[0]).toBe("Verbeterpunt: niet voldaan aan M_sub.");
    expect(r.finding).toBe("✗ Alle ondervraagden geven aan dat stelling M geldt. Ook geven zij aan dat stelling M_sub niet geldt.");
  });

  it("a failing main question makes a verbeterpunt", () => {
    const r = scoreApproach(all({ M: "nee", M_sub: "ja" }), FW).indicators[0];
    expect(r.verdict).toBe("verbeterpunt");
    expect(r.reasons[0]).toBe("Verbeterpunt: niet voldaan aan M.");
  });

  it("a failing letop condition keeps ✓ and adds a LET OP", () => {
    const r = scoreApproach(all({ M: "ja", M_sub: "ja", M_let: "nee" }), FW).indicators[0];
    expect(r.verdict).toBe("voldoet");
    expect(r.notes).toEqual(["Alle ondervraagden geven aan dat stelling M_let niet geldt."]);
    expect(r.finding).toBe("✓ Alle ondervraagden geven aan dat stelling M geldt. LET OP: Alle ondervraagden geven aan dat stelling M_let niet geldt.");
  });

  it("an unanswered sub-question does not count and is said so", () => {
    const r = scoreApproach(all({ M: "ja" }), FW).indicators[0];
    expect(r.verdict).toBe("voldoet");
    expect(r.reasons).toContain("M_sub niet beantwoord; telt niet mee.");
    expect(r.reasons).toContain("M_let niet beantwoord; telt niet mee.");
  });

  it("reports theme, criterion, code and text, and the divergence of the main question", () => {
    const r = scoreApproach(approach([["gemeente", { M: "ja" }], ["netwerkpartner", { M: "ja" }], ["netwerkpartner", { M: "nee" }]]), FW).indicators[0];
    expect(r).toMatchObject({ code: "XX1", text: "Indicator 1", theme: "Thema", criterion: "Criterium" });
    expect(r.divergence.countsText).toBe("2× ja, 1× nee");
    expect(r.divergence.label).toBe("minderheid wijkt af");
  });

  it("findingText joins symbol, sentences and LET OP notes", () => {
    expect(findingText("voldoet", ["A.", "B."], ["C."])).toBe("✓ A. B. LET OP: C.");
    expect(findingText("verbeterpunt", ["A."], [])).toBe("✗ A.");
    expect(SYMBOL).toEqual({ voldoet: "✓", verbeterpunt: "✗", onvoldoende: "?" });
  });
});

describe("overrides", () => {
  const a = all({ M: "ja", M_sub: "ja", M_let: "ja", N: "ja" });
  const computed = scoreApproach(a, FW).indicators[0];
  const base: Override = { gemeente: "Emmen", approach: "CJG-aanpak", indicator: "XX1", reason: "Documenten tonen anders aan", author: "JdV", date: "2013-05-01" };

  it("verdict and text win; the computed verdict and finding are kept; the override is marked and explained", () => {
    const r = scoreApproach(a, FW, [{ ...base, verdict: "verbeterpunt", text: "Het plan is niet leidend." }]).indicators[0];
    expect(r.verdict).toBe("verbeterpunt");
    expect(r.computedVerdict).toBe("voldoet");
    expect(r.finding).toBe("✗ Het plan is niet leidend.");
    expect(r.computedFinding).toBe(computed.finding);
    expect(r.override).toMatchObject({ reason: "Documenten tonen anders aan", verdict: "verbeterpunt" });
    expect(r.reasons[0]).toBe("Aangepast door de analist (JdV, 2013-05-01): Documenten tonen anders aan Berekend oordeel was: voldoet.");
    expect(r.reasons.slice(1)).toEqual(computed.reasons);
  });

  it("is keyed case- and space-insensitively on gemeente, aanpak and indicator", () => {
    const r = scoreApproach(a, FW, [{ ...base, gemeente: " emmen ", approach: "cjg-AANPAK", indicator: " xx1 ", verdict: "verbeterpunt" }]).indicators[0];
    expect(r.verdict).toBe("verbeterpunt");
    const other = scoreApproach(a, FW, [{ ...base, gemeente: "Oosterhout", verdict: "verbeterpunt" }]).indicators[0];
    expect(other.verdict).toBe("voldoet");
    expect(other.override).toBeUndefined();
    const otherIndicator = scoreApproach(a, FW, [{ ...base, indicator: "XX2", verdict: "verbeterpunt" }]).indicators;
    expect(otherIndicator.map((i) => i.verdict)).toEqual(["voldoet", "verbeterpunt"]);
  });

  it("overriding only the verdict flips the symbol and keeps the computed sentences", () => {
    const r = scoreApproach(a, FW, [{ ...base, verdict: "verbeterpunt" }]).indicators[0];
    expect(r.finding).toBe(`✗${computed.finding.slice(1)}`);
  });

  it("overriding only the text keeps the computed verdict's symbol and drops a typed symbol", () => {
    const r = scoreApproach(a, FW, [{ ...base, text: "✗ Eigen tekst." }]).indicators[0];
    expect(r.verdict).toBe("voldoet");
    expect(r.finding).toBe("✓ Eigen tekst.");
    expect(r.reasons[0]).not.toContain("Berekend oordeel");
  });

  it("counts follow the reported verdicts", () => {
    const res = scoreApproach(a, FW, [{ ...base, verdict: "onvoldoende" }]);
    expect(res.counts).toEqual({ voldoet: 1, verbeterpunt: 0, onvoldoende: 1, letOp: 0 });
  });
});

describe("conclusions and counts", () => {
  const fw: Framework = {
    name: "Twee",
    themes: [
      { name: "Een", description: "", criteria: [{ name: "C1", indicators: [{ code: "A1", text: "Alles goed", questions: [question("A1"), question("A1_let", { weight: "letop" })] }] }] },
      { name: "Twee", description: "", criteria: [{ name: "C2", indicators: [{ code: "B1", text: "Iets mis", questions: [question("B1")] }, { code: "B2", text: "Niets bekend", questions: [question("B2")] }] }] },
    ],
  };
  const qs = fw.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.flatMap((i) => i.questions)));
  const a = approachOf(qs, [
    ["Gemeente", "gemeente", { A1: "ja", A1_let: "nee", B1: "nee" }],
    ["P1", "netwerkpartner", { A1: "ja", A1_let: "ja", B1: "nee" }],
    ["P2", "netwerkpartner", { A1: "ja", A1_let: "nee", B1: "ja" }],
  ]);
  const res = scoreApproach(a, fw);

  it("per theme: what goes well (✓ indicator texts) and what can be better (LET OP notes and failing conditions)", () => {
    expect(res.conclusions).toEqual([
      { theme: "Een", good: ["Alles goed."], better: ["De gemeente en één netwerkpartner geven aan dat stelling A1_let niet geldt."] },
      { theme: "Twee", good: [], better: ["De gemeente en één netwerkpartner geven aan dat stelling B1 niet geldt."] },
    ]);
  });

  it("counts voldoet, verbeterpunt, onvoldoende and ✓ with LET OP", () => {
    expect(res.counts).toEqual({ voldoet: 1, verbeterpunt: 1, onvoldoende: 1, letOp: 1 });
    expect(res.respondents).toEqual([
      { name: "Gemeente", role: "gemeente" },
      { name: "P1", role: "netwerkpartner" },
      { name: "P2", role: "netwerkpartner" },
    ]);
  });

  it("an overridden verbeterpunt with text puts the analyst's text under 'Wat kan beter?'", () => {
    const r = scoreApproach(a, fw, [{ gemeente: "Gem", approach: "Aanpak", indicator: "A1", verdict: "verbeterpunt", text: "Zie rapport.", reason: "r" }]);
    expect(r.conclusions[0]).toEqual({ theme: "Een", good: [], better: ["Zie rapport."] });
  });
});

describe("on the whole GGSR framework", () => {
  const read = readAnswers({ name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, ggsr2013);
  const results = scoreAll(read.approaches, ggsr2013);

  it("scores all 30 indicators of each approach; counts add up", () => {
    for (const r of results) {
      expect(r.indicators).toHaveLength(30);
      const { voldoet, verbeterpunt, onvoldoende, letOp } = r.counts;
      expect(voldoet + verbeterpunt + onvoldoende).toBe(30);
      expect(letOp).toBe(r.indicators.filter((i) => i.verdict === "voldoet" && i.notes.length > 0).length);
      expect(r.conclusions.map((c) => c.theme)).toEqual(ggsr2013.themes.map((t) => t.name));
      const good = r.conclusions.reduce((n, c) => n + c.good.length, 0);
      expect(good).toBe(voldoet);
    }
  });

  it("a serialised result is complete: the parts made on first read (conditions, counts, texts) are in its JSON", () => {
    // Score again, so nothing has been read yet.
    const fresh = scoreApproach(read.approaches[0], ggsr2013);
    const json = JSON.parse(JSON.stringify(fresh.indicators));
    expect(json).toHaveLength(30);
    fresh.indicators.forEach((r, i) => {
      const j = json[i];
      expect(j.parts).toBeUndefined();
      expect(j.divergence.parts).toBeUndefined();
      expect(j.conditions).toEqual(JSON.parse(JSON.stringify(r.conditions)));
      expect(j.conditions.length).toBeGreaterThan(0);
      expect(j.divergence.counts).toEqual(r.divergence.counts);
      expect(typeof j.divergence.countsText).toBe("string");
      expect(j.finding).toBe(r.finding);
      expect(j.conditions.every((c: { explanation: unknown; evidence: unknown }) => typeof c.explanation === "string" && Array.isArray(c.evidence))).toBe(true);
    });
  });

  it("indicators are built anew from the kept numbers on each read, equal each time, their texts written once", () => {
    const r = scoreApproach(read.approaches[1], ggsr2013, [{ gemeente: read.approaches[1].gemeente, approach: read.approaches[1].name, indicator: "AP9", verdict: "verbeterpunt", reason: "r" }]);
    const first = r.indicators;
    const again = r.indicators;
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(Object.keys(r)).toContain("indicators");
    expect(JSON.parse(JSON.stringify(r)).indicators).toEqual(JSON.parse(JSON.stringify(first)));
    first.forEach((ind, i) => {
      // The second reader gets the same lists and outcomes, not a second writing of them.
      expect(again[i].notes).toBe(ind.notes);
      expect(again[i].reasons).toBe(ind.reasons);
      expect(again[i].conditions).toBe(ind.conditions);
    });
    const ap9 = again.find((i) => i.code === "AP9")!;
    expect(ap9.override?.reason).toBe("r");
    expect(ap9.verdict).toBe("verbeterpunt");
    expect(again.filter((i) => i.override)).toHaveLength(1);
    // And they are what scoring the approach with nothing read gives.
    expect(scoreApproach(read.approaches[1], ggsr2013).indicators.map((i) => [i.code, i.computedVerdict, i.letOp, i.divergence.score])).toEqual(
      first.map((i) => [i.code, i.computedVerdict, i.letOp, i.divergence.score]),
    );
  });

  it("conditions read later equal the outcomes the verdict was computed from", () => {
    for (const r of results) {
      for (const ind of r.indicators) {
        const failedRequired = ind.conditions.some((c) => c.weight === "vereist" && c.passed === false);
        const main = ind.conditions[0];
        const expected = !main || main.passed === null ? "onvoldoende" : failedRequired ? "verbeterpunt" : "voldoet";
        expect(ind.computedVerdict).toBe(expected);
        expect(ind.divergence.dissenters.every((d) => main.dissenters.includes(d))).toBe(true);
      }
    }
  });

  it("approachAgreement counts the shared ja/nee items and the raters (documents excluded)", () => {
    const emmen = read.approaches[0];
    const ag = approachAgreement(emmen, ggsr2013);
    expect(ag.raters).toBe(3);
    const shared = ggsr2013.themes
      .flatMap((t) => t.criteria.flatMap((c) => c.indicators.flatMap((i) => i.questions)))
      .filter((q) => q.type === "janee" && q.rule === "consensus" && q.roles.includes("netwerkpartner"));
    const raters = emmen.respondents.filter((r) => r.role !== "document");
    const usable = shared.filter((q) => raters.filter((r) => r.answers[q.code]?.kind === "janee").length >= 2);
    expect(ag.items).toBe(usable.length);
    expect(ag.items).toBeGreaterThan(10);
    expect(ag.percent!).toBeGreaterThan(0);
    expect(ag.percent!).toBeLessThanOrEqual(1);
  });
});

describe("property: the result is consistent with itself", () => {
  const questions = ggsr2013.themes.flatMap((t) => t.criteria.flatMap((c) => c.indicators.flatMap((i) => i.questions)));
  const answer = (q: (typeof questions)[number]): fc.Arbitrary<string> =>
    q.type === "janee"
      ? fc.constantFrom("ja", "ja", "nee", "deels", "weet niet", "")
      : q.type === "keuze"
        ? fc.constantFrom(q.options[0], q.options[1], "")
        : q.type === "meerkeuze"
          ? fc.subarray(q.options.slice(0, 8)).map((xs) => xs.join("; "))
          : fc.constant("");
  const respondent = (role: Role) => fc.tuple(...questions.map((q) => (q.roles.includes(role) ? answer(q) : fc.constant(""))));
  const study = fc.record({ gemeente: respondent("gemeente"), partners: fc.array(respondent("netwerkpartner"), { minLength: 1, maxLength: 3 }), doc: respondent("document") });

  it("symbol follows the verdict; LET OP appears exactly with notes and only on ✓; counts add up", () => {
    fc.assert(
      fc.property(study, (s) => {
        const header = ["Gemeente", "Aanpak", "Respondent", "Rol", ...questions.map((q) => q.code)];
        const rows: CellValue[][] = [
          header,
          ["G", "A", "Gemeente", "gemeente", ...s.gemeente],
          ...s.partners.map((p, i) => ["G", "A", `P${i}`, "netwerkpartner", ...p]),
          ["G", "A", "Documenten", "document", ...s.doc],
        ];
        const read = readAnswers({ name: "Antwoorden", values: rows }, ggsr2013);
        expect(read.issues).toEqual([]);
        const res = scoreAll(read.approaches, ggsr2013)[0];
        for (const i of res.indicators) {
          expect(i.finding.startsWith(SYMBOL[i.verdict])).toBe(true);
          expect(i.finding.includes("LET OP: ")).toBe(i.notes.length > 0);
          if (i.verdict !== "voldoet") expect(i.notes).toEqual([]);
          for (const n of i.notes) expect(i.finding).toContain(`LET OP: ${n}`);
          expect(i.verdict === "onvoldoende").toBe(i.conditions[0].passed === null);
        }
        const c = res.counts;
        expect(c.voldoet + c.verbeterpunt + c.onvoldoende).toBe(30);
        expect(c.letOp).toBe(res.indicators.filter((i) => i.verdict === "voldoet" && i.notes.length > 0).length);
        expect(res.conclusions.reduce((n, t) => n + t.good.length, 0)).toBe(c.voldoet);
      }),
      { numRuns: 100 },
    );
  });
});
