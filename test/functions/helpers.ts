/**
 * Helpers for the custom-functions tests: the example study as Excel passes a range to a custom
 * function, and the scoring core's own results to compare with.
 */
import { exampleAnswerRows } from "../../src/examples/seeds";
import { ggsr2013, readAnswers, scoreAll, SYMBOL, VERDICT_TEXT } from "../../src/scoring";
import type { ApproachResult, CellValue, Framework, Verdict } from "../../src/scoring";

/**
 * A range as Excel hands it to a custom function: a fresh 2-D array on every call (through JSON, as
 * Excel's messages are), empty cells as "", numbers as numbers, every row as wide as the range.
 */
export function asExcelRange(rows: readonly (readonly CellValue[])[], width?: number, height?: number): unknown[][] {
  const w = width ?? Math.max(...rows.map((r) => r.length));
  const h = height ?? rows.length;
  const out: unknown[][] = [];
  for (let r = 0; r < h; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < w; c++) {
      const v = rows[r]?.[c];
      row.push(v === null || v === undefined ? "" : v);
    }
    out.push(row);
  }
  return JSON.parse(JSON.stringify(out));
}

export const EXAMPLE_ROWS: CellValue[][] = exampleAnswerRows(ggsr2013);

/** The scoring core's results for rows, the reference for every function. */
export function coreResults(rows: CellValue[][] = EXAMPLE_ROWS, fw: Framework = ggsr2013): ApproachResult[] {
  return scoreAll(readAnswers({ name: "Antwoorden", values: rows }, fw).approaches, fw);
}

export function label(v: Verdict): string {
  return `${SYMBOL[v]} ${VERDICT_TEXT[v]}`;
}

/** "Emmen — CJG-aanpak". */
export function approachName(r: ApproachResult): string {
  return `${r.gemeente} — ${r.approach}`;
}

/** A stand-in for the `CustomFunctions` global of the Office runtime (Error and ErrorCode). */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsGlobal(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
  };
}

export function removeCustomFunctionsGlobal(): void {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
}
