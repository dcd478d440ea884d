/**
 * The STJ functions at formula level, in a real formula engine: HyperFormula with the functions of
 * src/functions/functions.ts registered as a FunctionPlugin under their Excel names (STJ.VERDICT, …;
 * HyperFormula allows letters, digits, "_" and "." in function names, so no translation map is
 * needed). A workbook with the example answers on "Antwoorden" and sheets of =STJ.… formulas must
 * give the scoring core's verdicts, recalculate when an answer changes, and spill STJ.VERDICTS.
 *
 * The plugin hands the functions what Excel hands them: a range as a 2-D array with empty cells as
 * "", an omitted optional argument as undefined. A thrown CustomFunctions.Error becomes a
 * HyperFormula error with the same code and message.
 */
import { ArraySize, CellError, DetailedCellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions, RawCellContent } from "hyperformula";
import type { CellValue } from "../../src/scoring";
import { engineStats, resetEngine } from "../../src/functions/engine";
import * as functions from "../../src/functions/functions";
import { columnLetter, ggsr2013, indicators } from "../../src/scoring";
import { approachName, coreResults, EXAMPLE_ROWS, FakeCustomFunctionsError, installCustomFunctionsGlobal, label, removeCustomFunctionsGlobal } from "./helpers";

// --- The plugin ------------------------------------------------------------------------------

/** A HyperFormula value as Excel would pass it to a custom function. */
function toExcel(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcel));
  if (v === EmptyValue || v === null) return "";
  if (v instanceof CellError) return { error: `#${v.type === ErrorType.NA ? "N/A" : v.type === ErrorType.VALUE ? "VALUE!" : v.type}` };
  if (typeof v === "object" && v !== null && "val" in v) return (v as { val: number }).val; // dates, percentages …
  return v;
}

function call(f: (...args: never[]) => unknown, args: unknown[]): unknown {
  try {
    const out = f(...(args.map(toExcel) as never[]));
    return Array.isArray(out) ? SimpleRangeValue.onlyValues(out as never) : out;
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return new CellError(e.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, e.message);
    throw e;
  }
}

const S = FunctionArgumentType.STRING;
const R = FunctionArgumentType.RANGE;
const opt = (argumentType: FunctionArgumentType) => ({ argumentType, optionalArg: true });
const req = (argumentType: FunctionArgumentType) => ({ argumentType });
const INDICATORS = indicators(ggsr2013).length;

const IMPLEMENTED: ImplementedFunctions = {
  "STJ.ANSWERS": { method: "answers", parameters: [req(R)] },
  "STJ.VERDICT": { method: "verdict", parameters: [req(S), req(R), opt(S), opt(R)] },
  "STJ.DIVERGENCE": { method: "divergence", parameters: [req(S), req(R), opt(S), opt(R)] },
  "STJ.FINDING": { method: "finding", parameters: [req(S), req(R), opt(S), opt(R)] },
  // HyperFormula sizes a spill before evaluating it; the built-in framework has 30 indicators.
  "STJ.VERDICTS": { method: "verdicts", sizeOfResultArrayMethod: "verdictsSize", vectorizationForbidden: true, parameters: [req(R), opt(S), opt(R)] },
  "STJ.AGREEMENT": { method: "agreement", sizeOfResultArrayMethod: "agreementSize", vectorizationForbidden: true, parameters: [req(R), opt(S), opt(R)] },
  "STJ.IMPROVEMENTS": { method: "improvements", parameters: [req(R), opt(S), opt(S), opt(R)] },
};

type Ast = Parameters<FunctionPlugin["evaluateAst" & keyof FunctionPlugin]>[0];
class StjPlugin extends FunctionPlugin {
  static override implementedFunctions = IMPLEMENTED;
  private run(id: string, f: (...args: never[]) => unknown, ast: { args: Ast[] }, state: never) {
    return this.runFunction(ast.args as never, state, this.metadata(id), (...args: unknown[]) => call(f, args) as never);
  }
  answers(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.ANSWERS", functions.answerSet as never, ast, state);
  }
  verdict(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.VERDICT", functions.verdict as never, ast, state);
  }
  divergence(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.DIVERGENCE", functions.divergence as never, ast, state);
  }
  finding(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.FINDING", functions.finding as never, ast, state);
  }
  verdicts(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.VERDICTS", functions.verdicts as never, ast, state);
  }
  verdictsSize() {
    return new ArraySize(6, INDICATORS + 1);
  }
  agreement(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.AGREEMENT", functions.agreement as never, ast, state);
  }
  agreementSize() {
    return new ArraySize(5, 2);
  }
  improvements(ast: { args: Ast[] }, state: never) {
    return this.run("STJ.IMPROVEMENTS", functions.improvements as never, ast, state);
  }
}

const names = Object.keys(IMPLEMENTED);
HyperFormula.registerFunctionPlugin(StjPlugin as never, { enGB: Object.fromEntries(names.map((n) => [n, n])) });

// --- The workbook ----------------------------------------------------------------------------

const results = coreResults();
const codes = indicators(ggsr2013).map((i) => i.code);
const WIDTH = EXAMPLE_ROWS[0].length;
/** Antwoorden!$A$1:$BZ$40-style: the whole answers block plus empty rows for new respondents. */
const RANGE = `Antwoorden!$A$1:$${columnLetter(WIDTH - 1)}$${EXAMPLE_ROWS.length + 10}`;

/** The example answers as sheet content; empty cells stay empty. */
const answersSheet = (): RawCellContent[][] => EXAMPLE_ROWS.map((r) => r.map((v): RawCellContent => (v === "" || v === null || v === undefined ? null : (v as RawCellContent))));

/** Sheet "Oordelen": A1 empty, B1… approach names, A2… codes, B2… =STJ.VERDICT($A2, answers, B$1). */
function verdictSheet(answers = RANGE): string[][] {
  return [["", ...results.map(approachName)], ...codes.map((c, r) => [c, ...results.map((_, k) => `=STJ.VERDICT($A${r + 2},${answers},${columnLetter(k + 1)}$1)`)])];
}

let hf: HyperFormula;
const sheetId = (name: string) => hf.getSheetId(name)!;
const value = (sheet: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, sheetId(sheet))!);

beforeAll(() => installCustomFunctionsGlobal());
afterAll(() => removeCustomFunctionsGlobal());

beforeEach(() => {
  resetEngine();
  hf = HyperFormula.buildFromSheets(
    {
      Antwoorden: answersSheet(),
      Oordelen: verdictSheet(),
      Overzicht: [
        [`=STJ.VERDICTS(${RANGE},"Spijkenisse")`],
        ...Array.from({ length: 35 }, () => []),
        [`=STJ.AGREEMENT(${RANGE},"Spijkenisse — Brede zorgcoördinatie jeugd en gezin")`],
      ],
      Losse: [
        [`=STJ.FINDING("AP8",${RANGE},"Oosterhout")`, `=STJ.DIVERGENCE("AP8",${RANGE},"Oosterhout")`, `=STJ.IMPROVEMENTS(${RANGE},"Oosterhout")`, `=STJ.IMPROVEMENTS(${RANGE},"Oosterhout","Aanpak")`],
        [`=STJ.VERDICT("XX1",${RANGE},"Emmen")`, `=STJ.VERDICT("AP9",${RANGE})`, `=STJ.DIVERGENCE("TL2",${RANGE},"Emmen")`, `=IFNA(STJ.DIVERGENCE("TL2",${RANGE},"Emmen"),"")`],
        [`=COUNTIF(Oordelen!B2:D31,"✗*")`, `=stj.verdict("ap9",${RANGE},"emmen")`],
      ],
    },
    { licenseKey: "gpl-v3" },
  );
});

afterEach(() => hf.destroy());

describe("a sheet of =STJ.VERDICT formulas over the example answers", () => {
  it("gives the core's verdict for every indicator of every seed approach (90 cells)", () => {
    const grid = hf.getSheetValues(sheetId("Oordelen"));
    expect(grid[0].slice(1)).toEqual(results.map(approachName));
    codes.forEach((code, r) => {
      expect(grid[r + 1][0]).toBe(code);
      results.forEach((res, k) => expect(grid[r + 1][k + 1]).toBe(label(res.indicators.find((i) => i.code === code)!.verdict)));
    });
    expect(hf.getCellFormula(hf.simpleCellAddressFromString("B11", sheetId("Oordelen"))!)).toBe(`=STJ.VERDICT($A11,${RANGE},B$1)`);
  });

  it("parses the answers range once for all formula cells of the workbook", () => {
    // 90 verdicts, a spill, findings, counts …: each call gets its own copy of the range, one parse.
    expect(engineStats().answersParses).toBe(1);
    expect(engineStats().approachScores).toBe(3);
  });

  it("FINDING, DIVERGENCE and IMPROVEMENTS match the core; names are case-insensitive like Excel's", () => {
    const oosterhout = results[1];
    const ap8 = oosterhout.indicators.find((i) => i.code === "AP8")!;
    expect(value("Losse", "A1")).toBe(ap8.finding);
    expect(value("Losse", "A1")).toContain("LET OP: ");
    expect(value("Losse", "B1")).toBeCloseTo(ap8.divergence.score!, 12);
    expect(value("Losse", "C1")).toBe(oosterhout.counts.verbeterpunt);
    expect(value("Losse", "D1")).toBe(oosterhout.indicators.filter((i) => i.theme === "Aanpak" && i.verdict === "verbeterpunt").length);
    expect(value("Losse", "B3")).toBe(label(results[0].indicators.find((i) => i.code === "AP9")!.verdict));
  });

  it("analysts can count on the verdict text: COUNTIF(…,\"✗*\") counts the verbeterpunten", () => {
    expect(value("Losse", "A3")).toBe(results.reduce((n, r) => n + r.counts.verbeterpunt, 0));
  });

  it("errors arrive as Excel errors with the Dutch message; IFNA blanks a missing divergence", () => {
    const unknown = value("Losse", "A2") as DetailedCellError;
    expect(unknown).toBeInstanceOf(DetailedCellError);
    expect(unknown.type).toBe(ErrorType.VALUE);
    expect(unknown.message).toMatch(/^Onbekende indicator 'XX1'\. Geldige codes: TL1, TL2/);
    const several = value("Losse", "B2") as DetailedCellError;
    expect(several.type).toBe(ErrorType.VALUE);
    expect(several.message).toMatch(/^Het bereik bevat 3 aanpakken/);
    const na = value("Losse", "C2") as DetailedCellError;
    expect(na.type).toBe(ErrorType.NA);
    expect(na.message).toMatch(/^Geen spreiding voor TL2/);
    expect(value("Losse", "D2")).toBe("");
  });
});

describe("recalculation after an answer changes", () => {
  it("flips Oosterhout AP8 when the gemeente answers nee, and every dependent cell follows", () => {
    const row = EXAMPLE_ROWS.findIndex((r) => r[0] === "Oosterhout" && r[3] === "gemeente");
    const col = EXAMPLE_ROWS[0].indexOf("AP8");
    const ap8 = `${columnLetter(1 + results.findIndex((r) => r.gemeente === "Oosterhout"))}${2 + codes.indexOf("AP8")}`;
    expect(value("Oordelen", ap8)).toBe("✓ voldoet");
    const improvementsBefore = value("Losse", "C1") as number;

    const changes = hf.setCellContents({ sheet: sheetId("Antwoorden"), row, col }, "nee");

    const edited = EXAMPLE_ROWS.map((r) => r.slice());
    edited[row][col] = "nee";
    const core = coreResults(edited).find((r) => r.gemeente === "Oosterhout")!;
    expect(core.indicators.find((i) => i.code === "AP8")!.verdict).toBe("verbeterpunt");
    expect(value("Oordelen", ap8)).toBe("✗ verbeterpunt");
    expect(value("Losse", "C1")).toBe(improvementsBefore + 1);
    // One more parse for the new content; only Oosterhout is scored again.
    expect(engineStats()).toMatchObject({ answersParses: 2, approachScores: 4 });
    expect(value("Losse", "A1")).toBe(core.indicators.find((i) => i.code === "AP8")!.finding);
    // The whole sheet still equals the core on the edited answers.
    const all = coreResults(edited);
    const grid = hf.getSheetValues(sheetId("Oordelen"));
    codes.forEach((code, r) => all.forEach((res, k) => expect(grid[r + 1][k + 1]).toBe(label(res.indicators.find((i) => i.code === code)!.verdict))));
    // HyperFormula reports the changed formula cells: the edited cell and the AP8 verdict among them.
    const changed = changes.map((c) => ("address" in c ? hf.simpleCellAddressToString(c.address as never, sheetId("Antwoorden")) : ""));
    expect(changed).toContain(`Oordelen!${ap8}`);
  });

  it("flips Spijkenisse SW6 when the netwerkpartners say there are no agreements on sharing information", () => {
    const col = EXAMPLE_ROWS[0].indexOf("SW6");
    const rows = EXAMPLE_ROWS.map((r, i) => [r, i] as const).filter(([r]) => r[0] === "Spijkenisse" && r[3] === "netwerkpartner");
    const sw6 = `${columnLetter(1 + results.findIndex((r) => r.gemeente === "Spijkenisse"))}${2 + codes.indexOf("SW6")}`;
    const before = value("Oordelen", sw6);
    const edited = EXAMPLE_ROWS.map((r) => r.slice());
    for (const [, i] of rows) {
      edited[i][col] = "nee";
      hf.setCellContents({ sheet: sheetId("Antwoorden"), row: i, col }, "nee");
    }
    const expected = label(coreResults(edited)[2].indicators.find((i) => i.code === "SW6")!.verdict);
    expect(value("Oordelen", sw6)).toBe(expected);
    expect(expected).not.toBe(before);
  });
});

describe("spills", () => {
  it("=STJ.VERDICTS spills the 31 × 6 table of an approach", () => {
    const spijkenisse = results[2];
    const sheet = hf.getSheetValues(sheetId("Overzicht"));
    const table = sheet.slice(0, 31).map((r) => r.slice(0, 6));
    expect(table[0]).toEqual(["Code", "Indicator", "Oordeel", "LET OP", "Spreiding", "Bevinding"]);
    // Spreiding: HyperFormula rounds numbers to 10 significant digits on output (its precisionRounding).
    expect(table.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual(spijkenisse.indicators.map((i) => [i.code, i.text, label(i.verdict), i.notes.join("\n"), i.finding]));
    spijkenisse.indicators.forEach((i, k) => {
      if (i.divergence.score === null) expect(table[k + 1][4]).toBe("");
      else expect(table[k + 1][4]).toBeCloseTo(i.divergence.score, 9);
    });
    expect(table.some((r) => r[3] !== "")).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: sheetId("Overzicht"), row: 30, col: 5 })).toBe(true);
    expect(hf.getCellFormula({ sheet: sheetId("Overzicht"), row: 30, col: 5 })).toBeUndefined();
  });

  it("=STJ.AGREEMENT spills a header and the figures", () => {
    const a = results[2].agreement;
    const sheet = hf.getSheetValues(sheetId("Overzicht"));
    expect(sheet[36].slice(0, 5)).toEqual(["Items", "Beoordelaars", "Overeenstemming", "AC1", "Alpha"]);
    const figures = sheet[37].slice(0, 5) as number[];
    expect(figures.slice(0, 2)).toEqual([a.items, a.raters]);
    [a.percent, a.ac1, a.alpha].forEach((x, k) => expect(figures[k + 2]).toBeCloseTo(x!, 9));
  });

  it("the spill follows an edit too (Spijkenisse CO2 ✗ → ✓ when the partners report availability)", () => {
    const col = EXAMPLE_ROWS[0].indexOf("CO2");
    const co2 = 1 + codes.indexOf("CO2");
    expect(hf.getSheetValues(sheetId("Overzicht"))[co2][2]).toBe("✗ verbeterpunt");
    const edited = EXAMPLE_ROWS.map((r) => r.slice());
    EXAMPLE_ROWS.forEach((r, row) => {
      if (r[0] !== "Spijkenisse" || r[3] !== "netwerkpartner") return;
      edited[row][col] = "ja";
      hf.setCellContents({ sheet: sheetId("Antwoorden"), row, col }, "ja");
    });
    const core = coreResults(edited)[2];
    const sheet = hf.getSheetValues(sheetId("Overzicht"));
    expect(sheet.slice(1, 31).map((r) => r[2])).toEqual(core.indicators.map((i) => label(i.verdict)));
    expect(sheet[co2][2]).toBe("✓ voldoet");
  });
});

describe("one =STJ.ANSWERS cell, and the formula cells that take its key instead of the range", () => {
  let kb: HyperFormula;
  const KEY = "Sleutel!$A$1";
  const at = (sheet: string, a1: string) => kb.getCellValue(kb.simpleCellAddressFromString(a1, kb.getSheetId(sheet)!)!);

  beforeEach(() => {
    resetEngine();
    kb = HyperFormula.buildFromSheets(
      {
        Antwoorden: answersSheet(),
        Sleutel: [[`=STJ.ANSWERS(${RANGE})`], [`=STJ.VERDICTS(${KEY},"Emmen")`]],
        Oordelen: verdictSheet(KEY),
        Losse: [[`=STJ.FINDING("AP8",${KEY},"Oosterhout")`, `=STJ.IMPROVEMENTS(${KEY},"Spijkenisse")`, `=STJ.VERDICT("AP9",${KEY})`]],
      },
      { licenseKey: "gpl-v3" },
    );
  });

  afterEach(() => kb.destroy());

  const sheetOf = (rows: CellValue[][]) => {
    const all = coreResults(rows);
    return codes.map((code) => all.map((r) => label(r.indicators.find((i) => i.code === code)!.verdict)));
  };
  const verdictsShown = () => kb.getSheetValues(kb.getSheetId("Oordelen")!).slice(1).map((r) => r.slice(1, 1 + results.length));

  it("the key cell reads the range once; 90 verdicts, a spill and the other cells use the key", () => {
    expect(at("Sleutel", "A1")).toMatch(/^STJ-antwoorden: 3 aanpakken, \d+ respondenten \[[0-9a-f]{13}\]$/);
    expect(verdictsShown()).toEqual(sheetOf(EXAMPLE_ROWS));
    expect(engineStats()).toMatchObject({ answersParses: 1, approachScores: 3, answerSets: 1, cacheHits: 0 });
    const spill = kb.getSheetValues(kb.getSheetId("Sleutel")!).slice(1, 32).map((r) => r[2]);
    expect(spill).toEqual(["Oordeel", ...results[0].indicators.map((i) => label(i.verdict))]);
    expect(at("Losse", "A1")).toBe(results[1].indicators.find((i) => i.code === "AP8")!.finding);
    expect(at("Losse", "B1")).toBe(results[2].counts.verbeterpunt);
    expect((at("Losse", "C1") as DetailedCellError).message).toMatch(/^Het bereik bevat 3 aanpakken/);
  });

  it("an edited answer gives a new key, and every cell that uses it follows", () => {
    const before = at("Sleutel", "A1");
    const row = EXAMPLE_ROWS.findIndex((r) => r[0] === "Oosterhout" && r[3] === "gemeente");
    const col = EXAMPLE_ROWS[0].indexOf("AP8");
    kb.setCellContents({ sheet: kb.getSheetId("Antwoorden")!, row, col }, "nee");
    const edited = EXAMPLE_ROWS.map((r) => r.slice());
    edited[row][col] = "nee";
    expect(at("Sleutel", "A1")).not.toBe(before);
    expect(verdictsShown()).toEqual(sheetOf(edited));
    expect(verdictsShown()).not.toEqual(sheetOf(EXAMPLE_ROWS));
    expect(at("Losse", "A1")).toBe(coreResults(edited)[1].indicators.find((i) => i.code === "AP8")!.finding);
    // One more read of the range, by the key cell; only Oosterhout is scored again.
    expect(engineStats()).toMatchObject({ answersParses: 2, approachScores: 4, answerSets: 2 });
    // Undo: the old content's key again.
    kb.setCellContents({ sheet: kb.getSheetId("Antwoorden")!, row, col }, EXAMPLE_ROWS[row][col] as RawCellContent);
    expect(at("Sleutel", "A1")).toBe(before);
    expect(verdictsShown()).toEqual(sheetOf(EXAMPLE_ROWS));
  });
});
