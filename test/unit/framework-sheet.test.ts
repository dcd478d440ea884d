import fc from "fast-check";
import { cellAddress } from "../../src/scoring/address";
import { ggsr2013 } from "../../src/scoring/framework/ggsr2013";
import { FRAMEWORK_HEADER, frameworkFromSheet, frameworkToSheet } from "../../src/scoring/framework/sheet";
import { allQuestions, findIndicator, indicatorPlaces, indicators } from "../../src/scoring/framework/walk";
import type { AnswerType, CellValue, Framework, Question, Quorum, Role, RuleKind, Weight } from "../../src/scoring/types";

const NAME = "Toetsingskader";
const read = (values: CellValue[][], origin?: { row: number; col: number }) => frameworkFromSheet({ name: NAME, values, origin });
const C = (h: (typeof FRAMEWORK_HEADER)[number]) => FRAMEWORK_HEADER.indexOf(h);
const clone = (rows: CellValue[][]) => rows.map((r) => [...r]);
/** Zero-based index of the sheet row holding question `code`. */
const rowOf = (rows: CellValue[][], code: string) => rows.findIndex((r, i) => i >= 2 && r[C("Vraag")] === code);

describe("the GGSR 2013 framework", () => {
  it("has exactly the 30 indicator codes TL1…TL4, GC1…GC3, AP1…AP14, SW1…SW6, CO1…CO3 in that order", () => {
    const expected = [
      ...[1, 2, 3, 4].map((i) => `TL${i}`),
      ...[1, 2, 3].map((i) => `GC${i}`),
      ...Array.from({ length: 14 }, (_, i) => `AP${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `SW${i + 1}`),
      ...[1, 2, 3].map((i) => `CO${i}`),
    ];
    expect(indicators(ggsr2013).map((i) => i.code)).toEqual(expected);
    expect(expected).toHaveLength(30);
  });

  it("has 5 themes and 13 criteria, as in the domain reference", () => {
    expect(ggsr2013.themes.map((t) => t.name)).toEqual(["Toeleiding", "Gezin centraal", "Aanpak", "Samenwerking", "Continu"]);
    expect(ggsr2013.themes.flatMap((t) => t.criteria)).toHaveLength(13);
  });

  it("names each indicator's main question after the indicator, and every question code is unique", () => {
    for (const p of indicatorPlaces(ggsr2013)) expect(p.indicator.questions[0].code).toBe(p.indicator.code);
    const codes = allQuestions(ggsr2013).map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("the gemeente-only indicators TL2, AP1, AP2, AP6, SW1 are decided by the gemeente", () => {
    for (const code of ["TL2", "AP1", "AP2", "AP6", "SW1"]) {
      const main = findIndicator(ggsr2013, code)!.indicator.questions[0];
      expect(main.rule).toBe("gemeente");
      expect(main.roles).not.toContain("netwerkpartner");
    }
    expect(findIndicator(ggsr2013, " ap9 ")!.indicator.code).toBe("AP9");
    expect(findIndicator(ggsr2013, "AP99")).toBeUndefined();
  });
});

describe("framework sheet round trip", () => {
  const sheet = frameworkToSheet(ggsr2013);

  it("frameworkFromSheet(frameworkToSheet(ggsr2013)) gives ggsr2013 exactly", () => {
    const back = read(sheet);
    expect(back.issues).toEqual([]);
    expect(back.framework).toEqual(ggsr2013);
  });

  it("frameworkToSheet(frameworkFromSheet(x)) gives x exactly", () => {
    expect(frameworkToSheet(read(sheet).framework!)).toEqual(sheet);
  });

  it("lays the sheet out as documented: title row, header row, one row per question", () => {
    expect(sheet[0].slice(0, 2)).toEqual(["Toetsingskader", "GGSR 2013"]);
    expect(sheet[1]).toEqual([...FRAMEWORK_HEADER]);
    expect(sheet).toHaveLength(2 + allQuestions(ggsr2013).length);
    expect(sheet.every((r) => r.length === FRAMEWORK_HEADER.length)).toBe(true);
    // Theme, criterion and indicator only on their first row.
    expect(sheet.slice(2).filter((r) => r[C("Thema")] !== "")).toHaveLength(5);
    expect(sheet.slice(2).filter((r) => r[C("Criterium")] !== "")).toHaveLength(13);
    expect(sheet.slice(2).filter((r) => r[C("Indicator")] !== "")).toHaveLength(30);
  });

  it("reads an analyst's sloppy but valid spelling and writes it back canonically", () => {
    const rows = clone(sheet);
    const r = rowOf(rows, "TL3");
    rows[r][C("Rollen")] = " Gemeente ;netwerkpartner ";
    rows[r][C("Type")] = "JANEE";
    rows[r][C("Regel")] = "Consensus";
    rows[1] = rows[1].map((h) => String(h).toUpperCase());
    const back = read(rows);
    expect(back.issues).toEqual([]);
    expect(back.framework).toEqual(ggsr2013);
  });

  it("reads a sheet that starts elsewhere (origin offset)", () => {
    const back = read(sheet, { row: 3, col: 2 });
    expect(back.framework).toEqual(ggsr2013);
  });

  // Generated frameworks: clean texts (no surrounding or double spaces, no list separators).
  const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
  const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(" "));
  const roles = fc.subarray<Role>(["gemeente", "netwerkpartner", "document"], { minLength: 1 });
  const questionArb = (code: string): fc.Arbitrary<Question> =>
    fc
      .record({
        text,
        roles,
        type: fc.constantFrom<AnswerType>("janee", "keuze", "meerkeuze", "tekst", "getal"),
        options: fc.uniqueArray(text, { minLength: 1, maxLength: 5 }),
        quorum: fc.constantFrom<Quorum>("meerderheid", "tweederde", "unaniem", "een"),
        weight: fc.constantFrom<Weight>("vereist", "letop"),
        statement: text,
        negation: text,
        scored: fc.boolean(),
        groups: fc.nat({ max: 2 }),
      })
      .map(({ type, options, scored, groups, ...rest }) => {
        const rule: RuleKind = !scored || type === "tekst" || type === "getal" ? "geen" : type === "janee" ? "consensus" : type === "keuze" ? "gelijk" : "dekking";
        const opts = type === "keuze" || type === "meerkeuze" ? options : [];
        const required = rule === "dekking" ? opts.slice(0, Math.max(1, groups)).map((o) => [o]) : [];
        return { code, ...rest, type, options: opts, required, rule };
      });
  const frameworkArb: fc.Arbitrary<Framework> = fc
    .array(fc.array(fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
    .chain((shape) => {
      let n = 0;
      const themes = shape.map((crits, t) =>
        fc.record({
          name: text.map((x) => `${x} ${t}`),
          description: text,
          criteria: fc.tuple(
            ...crits.map((inds) =>
              fc.record({
                name: text,
                indicators: fc.tuple(
                  ...inds.map((extra) => {
                    const code = `IN${++n}`;
                    // The main question is a required ja/nee question so every indicator can pass and fail.
                    return fc.record({
                      code: fc.constant(code),
                      text,
                      questions: fc.tuple(
                        questionArb(code).map((q) => ({ ...q, type: "janee" as const, options: [], required: [], rule: "consensus" as const, weight: "vereist" as const })),
                        ...Array.from({ length: extra }, (_, k) => questionArb(`${code}_${k}`)),
                      ),
                    });
                  }),
                ),
              }),
            ),
          ),
        }),
      );
      return fc.record({ name: text, themes: fc.tuple(...themes) });
    }) as fc.Arbitrary<Framework>;

  it("property: any valid framework survives the sheet both ways", () => {
    fc.assert(
      fc.property(frameworkArb, (fw) => {
        const rows = frameworkToSheet(fw);
        const back = read(rows);
        expect(back.issues).toEqual([]);
        expect(back.framework).toEqual(fw);
        expect(frameworkToSheet(back.framework!)).toEqual(rows);
      }),
      { numRuns: 150 },
    );
  });
});

describe("broken framework sheets: one precise error naming the cell, and no framework", () => {
  const base = () => clone(frameworkToSheet(ggsr2013));

  function expectError(rows: CellValue[][], code: string, cell: string, text: string | RegExp) {
    const res = read(rows);
    expect(res.framework).toBeNull();
    const hit = res.issues.filter((i) => i.code === code && i.cell === cell);
    if (hit.length !== 1) throw new Error(`expected one ${code} at ${cell}, got: ${res.issues.map((i) => i.message).join(" | ")}`);
    expect(hit[0].severity).toBe("fout");
    expect(hit[0].message.startsWith(`${NAME}!${cell}: `)).toBe(true);
    if (typeof text === "string") expect(hit[0].message).toContain(text);
    else expect(hit[0].message).toMatch(text);
    return res.issues;
  }

  it("an empty sheet", () => {
    const res = read([[], [null]]);
    expect(res.framework).toBeNull();
    expect(res.issues.map((i) => [i.code, i.cell])).toEqual([["empty-sheet", ""]]);
  });

  it("wrong title", () => {
    const rows = base();
    rows[0][0] = "Toetskader";
    expectError(rows, "framework-title", "A1", "verwacht 'Toetsingskader' in A1");
  });

  it("missing framework name points at B1", () => {
    const rows = base();
    rows[0][1] = " ";
    expectError(rows, "framework-title", "B1", "de naam van het toetsingskader in B1");
  });

  it("wrong header cell points at that cell and says what it should be", () => {
    const rows = base();
    rows[1][C("Criterium")] = "Criteria";
    expectError(rows, "framework-header", "C2", "C2 moet 'Criterium' zijn (staat er: 'Criteria')");
  });

  it("wrong header cell with an origin offset", () => {
    const rows = base();
    rows[1][C("Drempel")] = "";
    const res = read(rows, { row: 2, col: 1 });
    expect(res.framework).toBeNull();
    expect(res.issues.map((i) => i.cell)).toEqual([cellAddress(3, 1 + C("Drempel"))]);
    expect(res.issues[0].message).toContain(`${cellAddress(3, 1 + C("Drempel"))} moet 'Drempel' zijn`);
  });

  it("unknown type", () => {
    const rows = base();
    const r = rowOf(rows, "AP9");
    rows[r][C("Type")] = "janeen";
    expectError(rows, "framework-value", cellAddress(r, C("Type")), "type 'janeen' is ongeldig; kies uit: janee, keuze, meerkeuze, tekst, getal");
  });

  it("unknown rule, quorum, weight and roles are each reported on their cell", () => {
    const rows = base();
    const r = rowOf(rows, "AP8");
    rows[r][C("Drempel")] = "helft";
    rows[r][C("Gewicht")] = "zwaar";
    rows[r][C("Rollen")] = "gemeente, burger";
    const issues = read(rows).issues;
    expect(issues.map((i) => i.cell).sort()).toEqual([C("Rollen"), C("Drempel"), C("Gewicht")].map((c) => cellAddress(r, c)).sort());
  });

  it("rule that does not fit the type", () => {
    const rows = base();
    const r = rowOf(rows, "TL1");
    rows[r][C("Regel")] = "consensus";
    expectError(rows, "framework-rule", cellAddress(r, C("Regel")), "regel 'consensus' past niet bij type 'keuze'");
  });

  it("duplicate indicator code", () => {
    const rows = base();
    const r = rowOf(rows, "TL2");
    rows[r][C("Indicator")] = "tl1";
    expectError(rows, "framework-duplicate", cellAddress(r, C("Indicator")), `indicatorcode 'tl1' staat al op rij ${rowOf(rows, "TL1") + 1}`);
  });

  it("duplicate question code", () => {
    const rows = base();
    const r = rowOf(rows, "TL2_wijken");
    rows[r][C("Vraag")] = "TL2";
    expectError(rows, "framework-duplicate", cellAddress(r, C("Vraag")), `vraagcode 'TL2' staat al op rij ${r}`);
  });

  it("a required option that is not among the options", () => {
    const rows = base();
    const r = rowOf(rows, "TL4_melders");
    rows[r][C("Vereist")] = "CJG|JGZ; AMW; Kerk";
    expectError(rows, "framework-required", cellAddress(r, C("Vereist")), "'Kerk' staan niet bij de opties");
  });

  it("missing statement, and missing negation, of a scored question", () => {
    const rows = base();
    const r = rowOf(rows, "AP3");
    rows[r][C("Stelling")] = "";
    expectError(rows, "framework-text", cellAddress(r, C("Stelling")), "stelling en een ontkenning");
    const rows2 = base();
    rows2[r][C("Ontkenning")] = "";
    expectError(rows2, "framework-text", cellAddress(r, C("Ontkenning")), "stelling en een ontkenning");
  });

  it("a row before any theme", () => {
    const rows = base();
    rows[2][C("Thema")] = "";
    rows[2][C("Themaomschrijving")] = "";
    expectError(rows, "framework-theme", "A3", "rij 3 hoort bij geen thema");
  });

  it("an error value in a cell", () => {
    const rows = base();
    const r = rowOf(rows, "GC2");
    rows[r][C("Vraagtekst")] = { error: "#REF!" };
    expectError(rows, "error-value", cellAddress(r, C("Vraagtekst")), "bevat de foutwaarde #REF!; verwacht vraagtekst");
  });

  it("a keuze question without options", () => {
    const rows = base();
    const r = rowOf(rows, "TL1");
    rows[r][C("Opties")] = "";
    expectError(rows, "framework-options", cellAddress(r, C("Opties")), "type keuze heeft opties nodig");
  });

  it("an indicator without a scored question is reported on its code cell", () => {
    const rows = base();
    const r = rowOf(rows, "AP2");
    rows[r][C("Regel")] = "geen";
    expectError(rows, "framework-question", cellAddress(r, C("Indicator")), "indicator AP2 heeft geen vraag die meetelt");
  });

  it("an invalid indicator code and a question row without code", () => {
    const rows = base();
    const r = rowOf(rows, "AP5");
    rows[r][C("Indicator")] = "AP-5";
    expectError(rows, "framework-code", cellAddress(r, C("Indicator")), "indicatorcode 'AP-5' is ongeldig");
    const rows2 = base();
    const r2 = rowOf(rows2, "TL2_wijken");
    rows2[r2][C("Vraag")] = "";
    expectError(rows2, "framework-question", cellAddress(r2, C("Vraag")), `rij ${r2 + 1} heeft geen vraagcode`);
  });
});

describe("options that answers could never choose", () => {
  const base = () => clone(frameworkToSheet(ggsr2013));

  it("two options with the same label key are an error on the options cell", () => {
    const rows = base();
    const r = rowOf(rows, "TL1");
    rows[r][C("Opties")] = `${rows[r][C("Opties")]}; Anders.`;
    const res = read(rows);
    expect(res.framework).toBeNull();
    expect(res.issues.map((i) => [i.code, i.cell])).toEqual([["framework-options", cellAddress(r, C("Opties"))]]);
    expect(res.issues[0].message).toContain("'Anders.' staan er al");
  });

  it("a meerkeuze option with a comma is an error (answers are split on commas); a keuze option may have one", () => {
    const rows = base();
    const r = rowOf(rows, "SW3");
    rows[r][C("Opties")] = String(rows[r][C("Opties")]).replace("werk en inkomen", "werk, inkomen");
    const res = read(rows);
    expect(res.issues.map((i) => [i.code, i.cell])).toEqual([["framework-options", cellAddress(r, C("Opties"))]]);
    expect(res.issues[0].message).toContain("'werk, inkomen' bevatten een komma");
    const rows2 = base();
    const r2 = rowOf(rows2, "TL1");
    rows2[r2][C("Opties")] = String(rows2[r2][C("Opties")]).replace("overlast of criminaliteit", "overlast, criminaliteit");
    expect(read(rows2).issues).toEqual([]);
  });
});

describe("framework sheet guards against setups the answer sheet cannot read", () => {
  const rows = () => frameworkToSheet(ggsr2013).map((r) => [...r]);
  const read2 = (values: CellValue[][]) => frameworkFromSheet({ name: "Toetsingskader", values });

  it("rejects a main question weighted letop, naming the indicator's cell", () => {
    const v = rows();
    const r = v.findIndex((row) => row[5] === "AP9");
    v[r][13] = "letop";
    const back = read2(v);
    expect(back.framework).toBeNull();
    expect(back.issues.map((i) => [i.code, i.cell])).toContainEqual(["framework-weight", `D${r + 1}`]);
  });

  it("rejects question codes that are answer-sheet key columns or note columns", () => {
    const v = rows();
    const r = v.findIndex((row) => row[5] === "TL2_wijken");
    v[r][5] = "Rol";
    const r2 = v.findIndex((row) => row[5] === "AP11_leidend");
    v[r2][5] = "AP11_toelichting";
    const back = read2(v);
    expect(back.framework).toBeNull();
    const cells = back.issues.filter((i) => i.code === "framework-question").map((i) => i.cell);
    expect(cells).toEqual(expect.arrayContaining([`F${r + 1}`, `F${r2 + 1}`]));
  });
});
