/**
 * The sheets the task pane writes are the command line's sheets: same names, columns, dropdowns and
 * values (src/taskpane/sheets.ts against src/xlsx/write.ts), and the pane's pure helpers behave.
 */
import ExcelJS from "exceljs";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { cellText, ggsr2013, OVERRIDE_COLUMNS, readOverrides, scoreAll } from "../../src/scoring";
import type { CellValue, SheetData } from "../../src/scoring";
import { readStudy } from "../../src/scoring/study";
import { applyOverrideValues, inSlices, originValues } from "../../src/taskpane/flow";
import { answerGrid, byGemeente, splitCellRef, themeTallies, verdictMatrix } from "../../src/taskpane/model";
import * as pane from "../../src/taskpane/sheets";
import * as cli from "../../src/xlsx/write";

function example() {
  const sheets = {
    answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) } as SheetData,
    context: { name: "Context", values: exampleContextRows() } as SheetData,
  };
  const study = readStudy(sheets);
  return { sheets, study, results: scoreAll(study.approaches, study.framework) };
}

function values(ws: ExcelJS.Worksheet): CellValue[][] {
  const out: CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      line[c - 1] = v === undefined || v === "" ? null : (v as CellValue);
    });
    out[r - 1] = line;
  });
  return out.map((r) => (r ?? []).map((v) => v ?? null));
}

const trimRow = (r: CellValue[]) => {
  const x = r.map((v) => (v === "" || v === undefined ? null : v));
  while (x.length && x[x.length - 1] === null) x.pop();
  return x;
};

/** The options of a list validation, from an inline list or from the column of Lijsten it points to. */
function options(formula: string, lists: (col: string, from: number, to: number) => string[]): string[] {
  const f = formula.replace(/^=/, "");
  const m = /^Lijsten!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(f);
  if (m) return lists(m[1], Number(m[2]), Number(m[3]));
  return f.replace(/^"|"$/g, "").split(",");
}

describe("the same sheets as the command line", () => {
  test("names and constants", () => {
    expect(pane.RESULT_COLUMNS).toEqual(cli.RESULT_COLUMNS);
    expect([pane.LISTS_SHEET, pane.RESULTS_SHEET, pane.AGREEMENT_SHEET, pane.CHECK_SHEET]).toEqual([cli.LISTS_SHEET, cli.RESULTS_SHEET, cli.AGREEMENT_SHEET, cli.CHECK_SHEET]);
    expect([pane.TEMPLATE_ROWS, pane.JANEE_OPTIONS, pane.ROLE_OPTIONS, pane.MAX_LIST_FORMULA]).toEqual([cli.TEMPLATE_ROWS, cli.JANEE_OPTIONS, cli.ROLE_OPTIONS, cli.MAX_LIST_FORMULA]);
    for (const v of ["voldoet", "verbeterpunt", "onvoldoende"] as const) expect(pane.verdictLabel(v)).toBe(cli.verdictLabel(v));
  });

  test("the template's dropdowns offer the same options on the same ranges", () => {
    const wb = cli.writeTemplate(ggsr2013);
    const lijsten = wb.getWorksheet("Lijsten");
    const cliLists = (col: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => cellText(lijsten!.getCell(`${col}${from + i}`).value as CellValue));
    const lists = new pane.StudyLists(ggsr2013);
    const spec = lists.spec();
    const paneLists = (col: string, from: number, to: number) => {
      const c = col.charCodeAt(0) - 65;
      return spec!.values.slice(from - 1, to).map((r) => cellText(r[c]));
    };
    const specs = [pane.answersSpec(ggsr2013, lists), pane.frameworkSpec(ggsr2013, lists), pane.overridesSpec(lists)];
    for (const s of specs) {
      const ws = wb.getWorksheet(s.name)!;
      const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
      const cliDropdowns = Object.entries(model)
        .filter(([, v]) => v?.type === "list")
        .map(([range, v]) => [range, options(String(v.formulae[0]), cliLists), v.errorStyle] as const)
        .sort();
      const paneDropdowns = (s.validations ?? [])
        .filter((v) => v.list)
        .map((v) => [v.range, options(v.list!, paneLists), v.alert?.style] as const)
        .sort();
      expect(paneDropdowns).toEqual(cliDropdowns);
      expect(trimRow(s.values[0])).toEqual(trimRow(values(ws)[0]));
    }
  });

  test("Resultaten, Overeenstemming and Controle hold the command line's values", () => {
    const { study, results, sheets } = example();
    const issues = [{ severity: "fout" as const, code: "x", sheet: "Antwoorden", cell: "B7", message: "Antwoorden!B7: Aanpak is leeg." }];
    const wb = cli.writeScored({ framework: study.framework, sheets, results, issues, contexts: study.contexts, factsheets: false });
    const res = pane.resultsSpec(results.flatMap(pane.resultRows));
    expect(res.values.map(trimRow)).toEqual(values(wb.getWorksheet("Resultaten")!).map(trimRow));
    expect(pane.checkSpec(issues).values.map(trimRow)).toEqual(values(wb.getWorksheet("Controle")!).map(trimRow));
    expect(pane.agreementSpec(results).values.map(trimRow)).toEqual(values(wb.getWorksheet("Overeenstemming")!).map(trimRow));
    // Verdict colours as three conditional formats on the Oordeel column, not one call per cell.
    expect(res.textColours).toEqual([
      {
        range: "G2:G91",
        bold: true,
        rules: [
          { beginsWith: "✓", fill: "#C6EFCE", font: "#006100" },
          { beginsWith: "✗", fill: "#FFC7CE", font: "#9C0006" },
          { beginsWith: "?", fill: "#FFEB9C", font: "#9C5700" },
        ],
      },
    ]);
  });

  test("every text cell is Text (@); numbers and dates keep a number format", () => {
    const spec = pane.answersSpec(ggsr2013, new pane.StudyLists(ggsr2013), [
      ["Gemeente", "Aanpak", "Respondent", "Rol", "TL1"],
      ["=1+1", "A", "R", "gemeente", new Date(Date.UTC(2024, 0, 2))],
    ]);
    expect(spec.formats[1]).toEqual(["@", "@", "@", "@", "yyyy-mm-dd"]);
    expect(pane.resultsSpec([[null, null, null, null, null, null, null, null, 0.5]]).formats[1][8]).toBe("0.00");
    expect(spec.blankFormats?.toRow).toBe(pane.TEMPLATE_ROWS + 1);
  });
});

describe("overrides in the Aanpassingen sheet", () => {
  const header = [...OVERRIDE_COLUMNS] as CellValue[];
  const o = { gemeente: "Emmen", approach: "CJG-aanpak", indicator: "AP9", verdict: "voldoet" as const, reason: "convenant", author: "A", date: "2026-03-01 10:00" };

  test("upsert appends, replaces the same indicator (spelling aside) and keeps everything else", () => {
    const own = [[...header, "Eigen kolom"], ["Oosterhout", "Gezinsmanager", "TL1", "", "Eigen tekst", "reden", "", "", "notitie"], ["x", "y", "ZZ9", "", "", "", "", "", ""]];
    const once = pane.upsertOverride(own, o);
    expect(once).toHaveLength(4);
    expect(once[3].slice(0, 8)).toEqual(["Emmen", "CJG-aanpak", "AP9", "voldoet", "", "convenant", "A", "2026-03-01 10:00"]);
    const twice = pane.upsertOverride(once, { ...o, gemeente: " emmen ", approach: "cjg-aanpak", verdict: undefined, text: "Nieuwe tekst" });
    expect(twice).toHaveLength(4);
    expect(twice[3][3]).toBe("");
    expect(twice[3][4]).toBe("Nieuwe tekst");
    expect(twice[1]).toEqual(own[1]);
    expect(twice[2]).toEqual(own[2]);
    const read = readOverrides({ name: "Aanpassingen", values: twice }, { framework: ggsr2013 });
    expect(read.overrides.map((x) => x.indicator)).toEqual(["TL1", "AP9"]);
    expect(read.overrides[1].date).toBe("2026-03-01T10:00");
    expect(pane.overrideCell(twice, o)).toBe("C4");
    const removed = pane.removeOverride(twice, o);
    expect(removed).toHaveLength(3);
    expect(pane.overrideCell(removed, o)).toBeNull();
  });

  test("an empty or missing sheet gets the header; the date reads back as a date", () => {
    const v = pane.upsertOverride([], o);
    expect(v[0]).toEqual(header);
    expect(pane.overrideDate(new Date(2026, 2, 1, 9, 5))).toBe("2026-03-01 09:05");
  });

  test("applying new override values re-scores only the approach concerned", () => {
    const { study, results, sheets } = example();
    const loaded = { study, sheets, overrideValues: null };
    const next = applyOverrideValues(loaded, results, pane.upsertOverride([], o));
    expect(next.results[1]).toBe(results[1]);
    expect(next.results[0]).not.toBe(results[0]);
    const ap9 = next.results[0].indicators.find((i) => i.code === "AP9")!;
    expect(ap9.verdict).toBe("voldoet");
    expect(ap9.computedVerdict).toBe("verbeterpunt");
    expect(ap9.override?.author).toBe("A");
    expect(next.loaded.study.overrides).toHaveLength(1);
  });
});

describe("what the pane shows", () => {
  test("answers side by side, with cells, invalid answers as typed and roles not asked", () => {
    const rows = exampleAnswerRows(ggsr2013).map((r) => [...r]);
    const col = rows[0].indexOf("AP9");
    rows[2][col] = "jaa";
    const sheet: SheetData = { name: "Antwoorden", values: rows };
    const study = readStudy({ answers: sheet });
    const grid = answerGrid(study.approaches[0], study.framework, "AP9", sheet)!;
    expect(grid.respondents.map((r) => r.name)).toEqual(["Gemeente Emmen", "CJG", "Icare", "Documenten"]);
    expect(grid.rows[0].cells[1]).toMatchObject({ text: "jaa", invalid: true });
    expect(grid.rows[0].cells[0]).toMatchObject({ text: "nee", invalid: false, notAsked: false });
    expect(grid.rows[0].cells[0].ref).toMatch(/^Antwoorden![A-Z]+2$/);
    const tl2 = answerGrid(study.approaches[0], study.framework, "TL2", sheet)!;
    expect(tl2.rows[0].cells[1].notAsked).toBe(true);
    const gc2 = answerGrid(study.approaches[2], study.framework, "GC2", sheet)!;
    expect(gc2.notes).not.toBeNull();
    expect(splitCellRef("'Blad met spatie'!B7")).toEqual({ sheet: "Blad met spatie", address: "B7" });
  });

  test("overview: tallies per theme, matrix per approach, factsheet groups per gemeente", () => {
    const { study, results } = example();
    const tallies = themeTallies(results, study.framework);
    expect(tallies.map((t) => t.theme)).toEqual(study.framework.themes.map((t) => t.name));
    expect(tallies.reduce((n, t) => n + t.verbeterpunt, 0)).toBe(results.reduce((n, r) => n + r.counts.verbeterpunt, 0));
    const m = verdictMatrix(results, study.framework);
    expect(m.rows).toHaveLength(3);
    expect(m.rows[0].cells).toHaveLength(30);
    expect(byGemeente([...results, results[0]]).map((g) => g.results.length)).toEqual([2, 1, 1]);
  });

  test("long work yields to the browser between slices and reports progress", async () => {
    const seen: [number, number][] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const out = await inSlices(
      Array.from({ length: 50 }, (_, i) => i),
      (i) => {
        const end = Date.now() + 2;
        while (Date.now() < end);
        return i * 2;
      },
      (d, t) => seen.push([d, t]),
      5,
    );
    clearInterval(timer);
    expect(out[49]).toBe(98);
    expect(seen[0]).toEqual([0, 50]);
    expect(seen.at(-1)).toEqual([50, 50]);
    expect(seen.length).toBeGreaterThan(5);
    expect(ticks).toBeGreaterThan(3);
  });

  test("originValues puts a sheet read from an origin back at A1", () => {
    expect(originValues({ name: "x", values: [["a"]], origin: { row: 1, col: 2 } })).toEqual([[], [null, null, "a"]]);
  });
});
