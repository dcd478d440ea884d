/**
 * Bad input, nothing lost: over 10,000 generated malformed answer sheets (see generators.ts) go
 * through readAnswers + scoreAll (and some through the .xlsx and CSV readers). Never a crash; every
 * issue names its sheet and a valid cell inside the sheet (or no cell for a sheet-level issue), with
 * a Dutch message that starts with "<sheet>!<cell>:" or "<sheet>:"; and the valid approaches planted
 * among the junk are read and scored exactly as when they are alone.
 *
 * Run counts (numRuns) add up to {@link TOTAL_RUNS}; the suite takes well under a minute on two cores.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readStudy, scoreStudy } from "../../src/cli/study";
import { labelKey, parseRange, readAnswers, scoreAll } from "../../src/scoring";
import type { Approach, ApproachResult, CellValue } from "../../src/scoring";
import { readCsvText, readWorkbookBuffer } from "../../src/xlsx/read";
import { setCell } from "../../src/xlsx/cells";
import { expectGoodIssues } from "./checks";
import { brokenHeaderSheetArb, FW, malformedSheetArb } from "./generators";
import type { MalformedSheet } from "./generators";

const RUNS = { planted: Number(process.env.FUZZ_PLANTED ?? 1000), brokenHeader: 5000, csv: 4000, xlsx: 100 };
export const TOTAL_RUNS = Object.values(RUNS).reduce((a, b) => a + b, 0);
let generated = 0;

/** What must be equal between a planted approach read from junk and read alone. */
function essence(a: Approach): unknown {
  return { gemeente: a.gemeente, name: a.name, respondents: a.respondents.map((r) => ({ name: r.name, role: r.role, answers: r.answers })) };
}

/** Verdicts (and, with `texts`, the findings, which are built lazily and cost more). */
function verdicts(r: ApproachResult, texts = false): unknown {
  return r.indicators.map((i) => (texts ? [i.code, i.verdict, i.letOp, i.finding] : [i.code, i.verdict, i.letOp]));
}

/** Checks that the planted approaches were read and scored as alone. */
function expectPlantedIntact(found: readonly Approach[], results: readonly ApproachResult[], m: MalformedSheet, texts = false): void {
  const alone = readAnswers(m.clean, FW);
  const errors = alone.issues.filter((i) => i.severity === "fout");
  if (errors.length) throw new Error(`the oracle has errors: ${errors[0].message}`);
  const aloneResults = scoreAll(alone.approaches, FW);
  m.planted.forEach((p, i) => {
    const key = `${labelKey(p.gemeente)}\u0000${labelKey(p.aanpak)}`;
    const k = found.findIndex((a) => `${labelKey(a.gemeente)}\u0000${labelKey(a.name)}` === key);
    if (k < 0) throw new Error(`planted approach ${p.gemeente} / ${p.aanpak} not read`);
    expect(essence(found[k])).toEqual(essence(alone.approaches[i]));
    expect(verdicts(results[k], texts)).toEqual(verdicts(aloneResults[i], texts));
  });
}

const ran = new Set<string>();
afterAll(() => {
  // The brief: at least 10,000 generated malformed sheets in total (when the whole file runs).
  if (ran.size === Object.keys(RUNS).length) expect(generated).toBeGreaterThanOrEqual(10_000);
});

describe("fuzz: malformed answer sheets", () => {
  it(`never crash, report every problem with its cell, and still score the valid rows (${RUNS.planted} sheets)`, () => {
    fc.assert(
      fc.property(malformedSheetArb, (m) => {
        generated++;
        ran.add("planted");
        const read = readAnswers(m.sheet, FW);
        const results = scoreAll(read.approaches, FW);
        expectGoodIssues(read.issues, m.sheet);
        expectPlantedIntact(read.approaches, results, m);
        // The texts (findings, notes, conclusions) of a junk approach can be built without a crash.
        const junk = results.find((r) => !r.gemeente.startsWith("Geplant"));
        if (junk) void junk.conclusions.length;
      }),
      { numRuns: RUNS.planted },
    );
  });

  it(`a header without the key columns is reported, and nothing is read (${RUNS.brokenHeader} sheets)`, () => {
    fc.assert(
      fc.property(brokenHeaderSheetArb, ({ sheet, missing }) => {
        generated++;
        ran.add("brokenHeader");
        const read = readAnswers(sheet, FW);
        expect(() => scoreAll(read.approaches, FW)).not.toThrow();
        expectGoodIssues(read.issues, sheet);
        expect(read.approaches).toEqual([]);
        const issue = read.issues.find((i) => i.code === "missing-column" || i.code === "empty-sheet")!;
        expect(issue).toBeDefined();
        if (issue.code === "missing-column") for (const k of missing) expect(issue.message).toContain(`'${k}'`);
      }),
      { numRuns: RUNS.brokenHeader },
    );
  });

  it(`CSV text with stray quotes, separators and line breaks reads and scores without a crash (${RUNS.csv} files)`, () => {
    const chunk = fc.oneof(
      fc.constantFrom(";", ",", "\t", '"', '""', "\r\n", "\n", "\r", "ja", "nee", "Gemeente", "Aanpak", "Respondent", "Rol", "gemeente", "netwerkpartner", "TL3", "AP9", "#N/A", "=1+1", "\ufeff"),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 80 }), (chunks) => {
        generated++;
        ran.add("csv");
        const text = `Gemeente;Aanpak;Respondent;Rol;TL3;AP9\n${chunks.join("")}`;
        const { sheet, issues } = readCsvText(text);
        // An unclosed quote on the last line is reported at its cell, though that row reads as empty.
        expectGoodIssues(issues, sheet, false);
        const read = readAnswers(sheet, FW);
        expectGoodIssues(read.issues, sheet);
        scoreAll(read.approaches, FW);
      }),
      { numRuns: RUNS.csv },
    );
  });

  it(`through a real .xlsx (merged cells, error values, dates written by ExcelJS) nothing is lost (${RUNS.xlsx} workbooks)`, async () => {
    await fc.assert(
      fc.asyncProperty(malformedSheetArb, async (m) => {
        generated++;
        ran.add("xlsx");
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet(m.sheet.name);
        const r0 = m.sheet.origin?.row ?? 0;
        const c0 = m.sheet.origin?.col ?? 0;
        m.sheet.values.forEach((row, r) => row.forEach((v, c) => setCell(ws.getCell(r0 + r + 1, c0 + c + 1), v as CellValue)));
        // Real merged cells, except over planted rows and the header (Excel would empty the covered
        // cells, so those would really be lost; the merge is reported either way).
        const planted = new Set(m.plantedRows.map((r) => r + r0));
        const headerRow = r0 + m.headerRow;
        for (const range of m.sheet.merges ?? []) {
          const b = parseRange(range)!;
          let covers = b.top <= headerRow;
          for (let r = b.top; r <= b.bottom; r++) if (planted.has(r)) covers = true;
          if (covers) continue;
          try {
            ws.mergeCells(range);
          } catch {
            // Overlapping merges cannot be made; skip.
          }
        }
        const buf = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        const input = await readWorkbookBuffer(buf, "fuzz.xlsx");
        const sheet = input.answers;
        if (!sheet) {
          // A sheet that is not called Antwoorden: the reader says so.
          expect(input.issues.map((i) => i.code)).toContain("missing-sheet");
          return;
        }
        const study = readStudy(input);
        const results = scoreStudy(study);
        expectGoodIssues(study.issues.filter((i) => i.sheet === sheet.name), sheet);
        expectPlantedIntact(study.approaches, results, m, true);
      }),
      { numRuns: RUNS.xlsx },
    );
  });
});
