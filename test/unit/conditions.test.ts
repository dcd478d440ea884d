import fc from "fast-check";
import { answerCell, evaluate, meetsQuorum, votesFor } from "../../src/scoring/conditions";
import type { CellValue, Quorum, Role } from "../../src/scoring/types";
import { approachOf, question, type Spec } from "./helpers";

const Q = question("Q");
/** Gemeente first, then netwerkpartners P1, P2, …, for the answers given (one per respondent). */
function janee(values: CellValue[], q = Q) {
  const specs: Spec[] = values.map((v, i) => (i === 0 ? ["Gemeente", "gemeente", { [q.code]: v }] : [`P${i}`, "netwerkpartner", { [q.code]: v }]));
  return evaluate(q, approachOf([q], specs));
}

describe("meetsQuorum", () => {
  it("meerderheid is strictly more than half", () => {
    expect(meetsQuorum(0.5, "meerderheid")).toBe(false);
    expect(meetsQuorum(0.5000001, "meerderheid")).toBe(true);
    expect(meetsQuorum(2 / 3, "meerderheid")).toBe(true);
  });
  it("tweederde includes exactly two thirds however it is computed", () => {
    expect(meetsQuorum(2 / 3, "tweederde")).toBe(true);
    expect(meetsQuorum((1 + 0.5 + 0.5) / 3, "tweederde")).toBe(true);
    expect(meetsQuorum(4 / 6, "tweederde")).toBe(true);
    expect(meetsQuorum(0.66, "tweederde")).toBe(false);
  });
  it("unaniem needs everything, een anything above zero", () => {
    expect(meetsQuorum(1, "unaniem")).toBe(true);
    expect(meetsQuorum(0.99, "unaniem")).toBe(false);
    expect(meetsQuorum(0.5, "een")).toBe(true);
    expect(meetsQuorum(0, "een")).toBe(false);
  });
});

describe("consensus", () => {
  it.each<[Quorum, CellValue[], boolean, number]>([
    ["meerderheid", ["ja", "nee"], false, 0.5], // exactly half is not a majority
    ["meerderheid", ["ja", "ja", "nee"], true, 2 / 3],
    ["meerderheid", ["ja", "deels"], true, 0.75], // deels counts ½
    ["meerderheid", ["deels", "deels", "deels"], false, 0.5],
    ["meerderheid", ["ja", "nee", "weet niet"], false, 0.5], // weet niet is left out
    ["meerderheid", ["ja", "weet niet", "weet niet"], true, 1],
    ["meerderheid", ["ja", "", "nee", "ja"], true, 2 / 3], // empty is left out
    ["tweederde", ["ja", "ja", "nee"], true, 2 / 3], // exactly two thirds
    ["tweederde", ["ja", "deels", "deels"], true, 2 / 3],
    ["tweederde", ["ja", "ja", "ja", "nee", "nee"], false, 0.6],
    ["tweederde", ["ja", "deels", "nee"], false, 0.5],
    ["unaniem", ["ja", "ja", "ja"], true, 1],
    ["unaniem", ["ja", "ja", "deels"], false, 2.5 / 3],
    ["unaniem", ["ja", "weet niet", "ja"], true, 1],
    ["een", ["nee", "nee", "deels"], true, 0.5], // the best single score
    ["een", ["nee", "nee"], false, 0],
    ["een", ["nee", "ja", "nee", "nee"], true, 1],
  ])("%s %j → %p (share %p)", (quorum, values, passed, share) => {
    const res = janee(values, question("Q", { quorum }));
    expect(res.passed).toBe(passed);
    expect(res.share).toBeCloseTo(share, 12);
    expect(res.quorum).toBe(quorum);
    expect(res.rule).toBe("consensus");
  });

  it("no real answers: passed and share are null", () => {
    for (const values of [[], ["", ""], ["weet niet", "weet niet", ""]] as CellValue[][]) {
      const res = janee(values);
      expect(res.passed).toBeNull();
      expect(res.share).toBeNull();
      expect(res.dissenters).toEqual([]);
    }
  });

  it("dissenters are those against the outcome: below 1 on a pass, above 0 on a fail", () => {
    expect(janee(["ja", "ja", "deels", "nee", "weet niet"]).dissenters).toEqual(["P2", "P3"]);
    expect(janee(["nee", "deels", "nee", "ja"]).dissenters).toEqual(["P1", "P3"]);
  });

  it("explains the count with deels as ½ and the quorum in words", () => {
    const res = janee(["ja", "deels", "nee", "ja"]);
    expect(res.explanation).toBe("Q (consensus): 2,5 van 4 antwoorden positief (63%; ja telt 1, deels ½), nodig: meer dan de helft — gehaald.");
  });

  it("only the roles the question is asked of vote; documents vote when asked", () => {
    const q = question("Q", { roles: ["gemeente", "netwerkpartner"] });
    const a = approachOf([q], [
      ["G", "gemeente", { Q: "nee" }],
      ["P", "netwerkpartner", { Q: "ja" }],
      ["D", "document", { Q: "ja" }],
    ]);
    expect(votesFor(q, a).map((v) => v.respondent.name)).toEqual(["G", "P"]);
    expect(evaluate(q, a).passed).toBe(false); // ½ without the document
    const all = question("Q");
    expect(evaluate(all, approachOf([all], [["G", "gemeente", { Q: "nee" }], ["P", "netwerkpartner", { Q: "ja" }], ["D", "document", { Q: "ja" }]])).passed).toBe(true);
  });

  it("property: the share is the mean score and passing is monotone in the answers", () => {
    const val = fc.constantFrom("ja", "deels", "nee", "weet niet", "");
    const score: Record<string, number> = { ja: 1, deels: 0.5, nee: 0 };
    fc.assert(
      fc.property(fc.array(val, { minLength: 1, maxLength: 6 }), fc.constantFrom<Quorum>("meerderheid", "tweederde", "unaniem"), fc.nat(), (values, quorum, k) => {
        const q = question("Q", { quorum });
        const res = janee(values, q);
        const real = values.filter((v) => v in score).map((v) => score[v]);
        if (real.length === 0) return expect(res.passed).toBeNull();
        const mean = real.reduce((a, b) => a + b, 0) / real.length;
        expect(res.share).toBeCloseTo(mean, 12);
        const need = quorum === "meerderheid" ? (m: number) => m > 0.5 + 1e-9 : quorum === "tweederde" ? (m: number) => m >= 2 / 3 - 1e-9 : (m: number) => m >= 1 - 1e-9;
        expect(res.passed).toBe(need(mean));
        // Raising one real answer to ja never turns a pass into a fail.
        const idx = values.map((v, i) => [v, i] as const).filter(([v]) => v in score)[k % real.length][1];
        const up = [...values];
        up[idx] = "ja";
        if (res.passed) expect(janee(up, q).passed).toBe(true);
      }),
    );
  });
});

describe("gemeente decides", () => {
  const G = question("G", { rule: "gemeente", roles: ["gemeente", "netwerkpartner", "document"] });
  const build = (gem: CellValue, doc: CellValue, partners: CellValue[] = []) =>
    evaluate(
      G,
      approachOf([G], [
        ["Gemeente", "gemeente", { G: gem }],
        ...partners.map((p, i): Spec => [`P${i + 1}`, "netwerkpartner", { G: p }]),
        ["Documenten", "document", { G: doc }],
      ]),
    );

  it("the gemeente's ja passes, nee and deels fail, whatever the partners say", () => {
    expect(build("ja", "", ["nee", "nee", "nee"]).passed).toBe(true);
    expect(build("nee", "", ["ja", "ja"]).passed).toBe(false);
    expect(build("deels", "").passed).toBe(false);
    expect(build("deels", "").share).toBe(0.5);
  });

  it("falls back to the documents when the gemeente has no answer or does not know", () => {
    const a = build("", "ja");
    expect(a.passed).toBe(true);
    expect(a.explanation).toContain("de documenten (de gemeente gaf geen antwoord)");
    expect(build("weet niet", "nee").passed).toBe(false);
    expect(build("weet niet", "nee").share).toBe(0);
  });

  it("the gemeente wins over the documents; a contradicting document is a dissenter", () => {
    const res = build("ja", "nee");
    expect(res.passed).toBe(true);
    expect(res.dissenters).toEqual(["Documenten"]);
    expect(res.explanation).toContain("de gemeente ja — gehaald");
  });

  it("no answer from the gemeente nor the documents: null", () => {
    const res = build("", "weet niet", ["ja"]);
    expect(res.passed).toBeNull();
    expect(res.share).toBeNull();
  });

  it("quorum een lets a gemeente's deels pass", () => {
    const q = question("G", { rule: "gemeente", quorum: "een" });
    expect(evaluate(q, approachOf([q], [["Gemeente", "gemeente", { G: "deels" }]])).passed).toBe(true);
  });
});

describe("gelijk (same option)", () => {
  const OPTS = ["a", "b", "c"];
  const K = (quorum: Quorum) => question("K", { type: "keuze", options: OPTS, rule: "gelijk", quorum });
  const build = (quorum: Quorum, values: CellValue[]) => {
    const q = K(quorum);
    return evaluate(q, approachOf([q], values.map((v, i): Spec => [`R${i}`, (i === 0 ? "gemeente" : "netwerkpartner") as Role, { K: v }])));
  };

  it("shares of the most common option against the quorum, weet niet left out", () => {
    expect(build("tweederde", ["a", "a", "b"]).passed).toBe(true); // exactly ⅔
    expect(build("tweederde", ["a", "b"]).passed).toBe(false);
    expect(build("meerderheid", ["a", "b"]).passed).toBe(false); // exactly ½
    expect(build("meerderheid", ["a", "a", "b", "weet niet"]).share).toBeCloseTo(2 / 3, 12);
    expect(build("unaniem", ["c", "C", "weet niet"]).passed).toBe(true);
    expect(build("unaniem", ["c", "b"]).passed).toBe(false);
  });

  it("a tie is broken by option order and the others are dissenters", () => {
    const res = build("meerderheid", ["b", "a", "b", "a"]);
    expect(res.explanation).toContain("kiezen 'a'");
    expect(res.dissenters).toEqual(["R0", "R2"]);
  });

  it("no choice at all: null", () => {
    expect(build("meerderheid", ["", "weet niet"]).passed).toBeNull();
  });
});

describe("dekking (coverage)", () => {
  const OPTS = ["CJG", "JGZ", "AMW", "onderwijs", "politie"];
  const D = (quorum: Quorum, required = [["CJG", "JGZ"], ["AMW"], ["onderwijs"]]) => question("D", { type: "meerkeuze", options: OPTS, required, rule: "dekking", quorum });
  const build = (q: ReturnType<typeof D>, values: CellValue[]) => evaluate(q, approachOf([q], values.map((v, i): Spec => [`R${i}`, (i === 0 ? "gemeente" : "netwerkpartner") as Role, { D: v }])));
  const lists = ["CJG; AMW; onderwijs", "JGZ; AMW", "CJG; onderwijs; politie"];

  it("a group is covered by any of its options, named by a majority", () => {
    const res = build(D("meerderheid"), lists);
    expect(res.passed).toBe(true);
    expect(res.missing).toEqual([]);
    expect(res.share).toBeCloseTo(2 / 3, 12); // the least-covered group
    // R1 lacks onderwijs, R2 lacks AMW, both groups counted as covered.
    expect(res.dissenters).toEqual(["R1", "R2"]);
  });

  it("unaniem: every respondent must name every group", () => {
    const res = build(D("unaniem"), lists);
    expect(res.passed).toBe(false);
    expect(res.missing).toEqual(["AMW", "onderwijs"]);
    expect(res.explanation).toContain("ontbreekt: AMW, onderwijs");
  });

  it("exactly half is not a majority; weet niet lists are left out", () => {
    const res = build(D("meerderheid"), ["CJG; AMW; onderwijs", "JGZ; onderwijs", "weet niet"]);
    expect(res.passed).toBe(false);
    expect(res.missing).toEqual(["AMW"]);
    expect(res.share).toBe(0.5);
  });

  it("a group joined with '/' in missing", () => {
    const res = build(D("meerderheid"), ["AMW; onderwijs", "politie"]);
    expect(res.missing).toEqual(["CJG/JGZ", "AMW", "onderwijs"]);
  });

  it("no list at all: null", () => {
    expect(build(D("meerderheid"), ["", "weet niet"]).passed).toBeNull();
  });
});

describe("evidence and geen", () => {
  it("keeps each asked respondent's answer, score and cell", () => {
    const q = question("Q", { roles: ["gemeente", "netwerkpartner"] });
    const a = approachOf([question("X"), q], [
      ["G", "gemeente", { Q: "Ja" }],
      ["P", "netwerkpartner", { Q: "weet niet" }],
      ["P2", "netwerkpartner", { Q: "deels" }],
      ["P3", "netwerkpartner", {}],
    ]);
    const res = evaluate(q, a);
    expect(res.evidence).toEqual([
      { respondent: "G", role: "gemeente", answer: "ja", score: 1, cell: "Antwoorden!F2" },
      { respondent: "P", role: "netwerkpartner", answer: "weet niet", score: null, cell: "Antwoorden!F3" },
      { respondent: "P2", role: "netwerkpartner", answer: "deels", score: 0.5, cell: "Antwoorden!F4" },
      { respondent: "P3", role: "netwerkpartner", answer: "(leeg)", score: null, cell: "Antwoorden!F5" },
    ]);
    expect(answerCell(a.respondents[0], "missing")).toBe("Antwoorden!A2");
  });

  it("a question with rule geen is never decided", () => {
    const q = question("T", { type: "tekst", rule: "geen" });
    const res = evaluate(q, approachOf([q], [["G", "gemeente", { T: "iets" }]]));
    expect(res.passed).toBeNull();
    expect(res.explanation).toContain("telt niet mee");
  });
});
