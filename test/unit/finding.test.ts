import { subject, verb, type Group } from "../../src/scoring/dutch";
import { chain, said } from "../../src/scoring/finding";
import { scoreApproach } from "../../src/scoring/score";
import type { CellValue, IndicatorResult, Question, Role } from "../../src/scoring/types";
import { approachOf, miniFramework, question, type Spec } from "./helpers";

const g = (gemeente: boolean, partners: number, totalPartners: number, gemeenteAsked = true): Group => ({ gemeente, partners, totalPartners, gemeenteAsked });

describe("subjects: who said it", () => {
  it.each<[Group, string]>([
    [g(true, 2, 2), "alle ondervraagden"],
    [g(true, 3, 3), "alle ondervraagden"],
    [g(true, 2, 3), "de gemeente en twee netwerkpartners"],
    [g(true, 1, 3), "de gemeente en één netwerkpartner"],
    [g(false, 2, 3), "twee van de drie netwerkpartners"],
    [g(false, 1, 3), "één van de netwerkpartners"],
    [g(false, 2, 2), "beide netwerkpartners"],
    [g(false, 3, 3), "alle drie netwerkpartners"],
    [g(false, 1, 1), "de netwerkpartner"],
    [g(true, 0, 3), "de gemeente"],
    [g(true, 0, 0), "de gemeente"],
  ])("%j → %p", (group, text) => {
    expect(subject(group)).toBe(text);
  });

  it("verb agrees with the group size", () => {
    expect(verb(g(true, 0, 2), "geeft", "geven")).toBe("geeft");
    expect(verb(g(false, 1, 2), "geeft", "geven")).toBe("geeft");
    expect(verb(g(true, 1, 2), "geeft", "geven")).toBe("geven");
  });

  it("said(): capitalised subject, verb, dat-clause; 'Eén' keeps its accent", () => {
    expect(said(g(false, 1, 3), "x geldt")).toBe("Eén van de netwerkpartners geeft aan dat x geldt.");
    expect(said(g(true, 2, 2), "x geldt")).toBe("Alle ondervraagden geven aan dat x geldt.");
  });

  it("the gemeente speaks of itself as 'zij'", () => {
    expect(said(g(true, 0, 2), "de gemeente beleid heeft")).toBe("De gemeente geeft aan dat zij beleid heeft.");
    // Only when the gemeente alone is the subject.
    expect(said(g(true, 2, 2), "de gemeente beleid heeft")).toBe("Alle ondervraagden geven aan dat de gemeente beleid heeft.");
  });
});

describe("chain", () => {
  it("replaces a repeated definite subject by 'Ook … zij aan dat'", () => {
    expect(chain(["Alle ondervraagden geven aan dat a.", "Alle ondervraagden geven aan dat b.", "Alle ondervraagden geven aan dat c."])).toEqual([
      "Alle ondervraagden geven aan dat a.",
      "Ook geven zij aan dat b.",
      "Ook geven zij aan dat c.",
    ]);
    expect(chain(["De gemeente geeft aan dat a.", "De gemeente geeft aan dat b."])).toEqual(["De gemeente geeft aan dat a.", "Ook geeft zij aan dat b."]);
  });

  it("leaves different subjects and other sentences alone", () => {
    const s = ["De gemeente geeft aan dat a.", "Beide netwerkpartners geven aan dat b.", "Beide netwerkpartners weten dit niet."];
    expect(chain(s)).toEqual(s);
  });

  it("does not chain an indefinite subject: 'één van de netwerkpartners' twice may be two partners", () => {
    const s = [
      "Eén van de netwerkpartners geeft aan dat a.",
      "Eén van de netwerkpartners geeft aan dat dit deels zo is.",
      "De gemeente en één netwerkpartner geven aan dat b.",
      "De gemeente en één netwerkpartner geven aan dat c.",
      "Twee van de drie netwerkpartners geven aan dat d.",
      "Twee van de drie netwerkpartners geven aan dat e.",
    ];
    expect(chain(s)).toEqual(s);
    expect(chain(["De gemeente en de netwerkpartners geven aan dat a.", "De gemeente en de netwerkpartners geven aan dat b."])[1]).toBe("Ook geven zij aan dat b.");
  });
});

// ------------------------------------------------------------------------------------------------
// Findings as scored: one indicator of a hand-made framework.
// ------------------------------------------------------------------------------------------------

const M = question("M");
const S = question("M_sub");

/** Scores one indicator (questions `qs`) for respondents: gemeente first (unless role given), then partners. */
function finding(qs: Question[], rows: [Role, Record<string, CellValue>][]): IndicatorResult {
  let p = 0;
  const specs: Spec[] = rows.map(([role, answers]) => [role === "gemeente" ? "Gemeente" : role === "document" ? "Documenten" : `Partner ${++p}`, role, answers]);
  return scoreApproach(approachOf(qs, specs), miniFramework(qs)).indicators[0];
}
const gem = (a: Record<string, CellValue>): [Role, Record<string, CellValue>] => ["gemeente", a];
const np = (a: Record<string, CellValue>): [Role, Record<string, CellValue>] => ["netwerkpartner", a];
const doc = (a: Record<string, CellValue>): [Role, Record<string, CellValue>] => ["document", a];

describe("finding texts", () => {
  it("Alle ondervraagden", () => {
    const r = finding([M], [gem({ M: "ja" }), np({ M: "ja" }), np({ M: "ja" })]);
    expect(r.finding).toBe("✓ Alle ondervraagden geven aan dat stelling M geldt.");
    expect(r.notes).toEqual([]);
  });

  it("De gemeente en twee netwerkpartners, with a LET OP for the one partner who dissents", () => {
    const r = finding([M], [gem({ M: "ja" }), np({ M: "ja" }), np({ M: "nee" }), np({ M: "ja" })]);
    expect(r.finding).toBe("✓ De gemeente en twee netwerkpartners geven aan dat stelling M geldt. LET OP: Eén van de netwerkpartners geeft aan dat stelling M niet geldt.");
    expect(r.notes).toEqual(["Eén van de netwerkpartners geeft aan dat stelling M niet geldt."]);
  });

  it("Twee van de drie netwerkpartners (partners-only question)", () => {
    const P = question("M", { roles: ["netwerkpartner"] });
    const r = finding([P], [gem({}), np({ M: "ja" }), np({ M: "nee" }), np({ M: "ja" })]);
    expect(r.finding.startsWith("✓ Twee van de drie netwerkpartners geven aan dat stelling M geldt. LET OP: Eén van de netwerkpartners geeft aan")).toBe(true);
  });

  it("Beide netwerkpartners, with the gemeente as the dissenter", () => {
    const r = finding([M], [gem({ M: "nee" }), np({ M: "ja" }), np({ M: "ja" })]);
    expect(r.finding).toBe("✓ Beide netwerkpartners geven aan dat stelling M geldt. LET OP: De gemeente geeft aan dat stelling M niet geldt.");
  });

  it("De gemeente, singular, for a gemeente-only question, speaking of itself as 'zij'", () => {
    const G = question("M", { rule: "gemeente", roles: ["gemeente", "document"], statement: "de gemeente beleid heeft", negation: "de gemeente geen beleid heeft" });
    expect(finding([G], [gem({ M: "ja" }), np({})]).finding).toBe("✓ De gemeente geeft aan dat zij beleid heeft.");
    expect(finding([G], [gem({ M: "nee" })]).finding).toBe("✗ De gemeente geeft aan dat zij geen beleid heeft.");
    // A deels answer spells out the statement, also with 'zij'.
    expect(finding([G], [gem({ M: "deels" })]).finding).toBe("✗ De gemeente geeft aan dat zij beleid heeft, maar slechts gedeeltelijk.");
  });

  it("'De ondervraagden zijn hierover verdeeld.' opens a ✗ where some say ja and others nee", () => {
    const r = finding([M], [gem({ M: "nee" }), np({ M: "nee" }), np({ M: "ja" })]);
    expect(r.finding).toBe(
      "✗ De ondervraagden zijn hierover verdeeld. De gemeente en één netwerkpartner geven aan dat stelling M niet geldt. Eén van de netwerkpartners geeft aan dat stelling M geldt.",
    );
  });

  it("…and only there: not for a unanimous ✗, a ✓ with a dissenter, a deels/nee ✗ or a split sub-question", () => {
    const V = "De ondervraagden zijn hierover verdeeld.";
    expect(finding([M], [gem({ M: "nee" }), np({ M: "nee" })]).finding).not.toContain(V);
    expect(finding([M], [gem({ M: "ja" }), np({ M: "ja" }), np({ M: "nee" })]).finding).not.toContain(V);
    expect(finding([M], [gem({ M: "deels" }), np({ M: "nee" }), np({ M: "deels" })]).finding).not.toContain(V);
    const sub = finding([M, S], [gem({ M: "ja", M_sub: "ja" }), np({ M: "ja", M_sub: "nee" })]);
    expect(sub.verdict).toBe("verbeterpunt");
    expect(sub.finding).not.toContain(V);
  });

  it("chains sentences of the same definite group with 'Ook geven zij aan dat'", () => {
    const r = finding([M, S], [gem({ M: "nee", M_sub: "nee" }), np({ M: "nee", M_sub: "nee" }), np({ M: "nee", M_sub: "nee" })]);
    expect(r.finding).toBe("✗ Alle ondervraagden geven aan dat stelling M niet geldt. Ook geven zij aan dat stelling M_sub niet geldt.");
  });

  it("does not attribute two partners' answers to one ('Ook geeft zij' after 'Eén van de netwerkpartners')", () => {
    // Gemeente and one partner nee, one partner ja, one deels (Spijkenisse GC3).
    const r = finding([M], [gem({ M: "nee" }), np({ M: "nee" }), np({ M: "deels" }), np({ M: "ja" })]);
    expect(r.finding).toBe(
      "✗ De ondervraagden zijn hierover verdeeld. De gemeente en één netwerkpartner geven aan dat stelling M niet geldt. Eén van de netwerkpartners geeft aan dat stelling M geldt. Eén van de netwerkpartners geeft aan dat dit deels zo is.",
    );
    expect(r.finding).not.toContain("Ook geeft zij");
  });

  it("mentions who does not know", () => {
    const r = finding([M], [gem({ M: "ja" }), np({ M: "ja" }), np({ M: "weet niet" })]);
    expect(r.finding).toBe("✓ De gemeente en één netwerkpartner geven aan dat stelling M geldt. Eén van de netwerkpartners weet dit niet.");
  });

  it("documents: a sentence with the outcome, a LET OP against a pass, 'dit deels' for deels", () => {
    expect(finding([M], [gem({ M: "ja" }), np({ M: "ja" }), doc({ M: "ja" })]).finding).toBe(
      "✓ Alle ondervraagden geven aan dat stelling M geldt. Uit de documentatie blijkt dat stelling M geldt.",
    );
    const against = finding([M], [gem({ M: "ja" }), np({ M: "ja" }), doc({ M: "nee" })]);
    expect(against.verdict).toBe("voldoet");
    expect(against.notes).toEqual(["Uit de documentatie blijkt dat stelling M niet geldt."]);
    expect(finding([M], [gem({ M: "nee" }), np({ M: "nee" }), doc({ M: "deels" })]).finding).toBe(
      "✗ Alle ondervraagden geven aan dat stelling M niet geldt. Uit de documentatie blijkt dit deels.",
    );
  });

  it("choices and lists say who named what", () => {
    const K = question("M", { type: "keuze", options: ["a", "b"], rule: "gelijk", quorum: "tweederde", roles: ["gemeente", "netwerkpartner"] });
    expect(finding([K], [gem({ M: "b" }), np({ M: "a" }), np({ M: "a" })]).finding).toBe(
      "✓ Beide netwerkpartners geven als doelgroep aan: a. De gemeente geeft als doelgroep aan: b.",
    );
    const L = question("M", { type: "meerkeuze", options: ["x", "y", "z"], required: [["x"], ["z"]], rule: "dekking", roles: ["gemeente", "netwerkpartner"] });
    expect(finding([L], [gem({ M: "x; y" }), np({ M: "x" }), np({ M: "x; y" })]).finding).toBe(
      "✗ Alle ondervraagden noemen x. De gemeente en één netwerkpartner noemen daarnaast y. Niet of door te weinig ondervraagden genoemd: z.",
    );
  });
});
