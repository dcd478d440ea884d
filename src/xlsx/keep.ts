/**
 * Sheets of the analyst that STJ Toets did not make are carried over unchanged when a workbook is
 * scored again: values, formulas (with their cached results), number formats, fonts, fills, borders,
 * merges, column widths, row heights, views and data validations (whatever ExcelJS reads; it does
 * not read notes, charts, images or pivot tables).
 *
 * Which sheets STJ Toets made is recorded in the scored workbook's document property "Opmerkingen"
 * (description): "Gemaakt met STJ Toets. …" followed by one sheet name per line. On the next run
 * exactly those sheets (and the input sheets Antwoorden, Context, Toetsingskader, Aanpassingen, which
 * are always rewritten from their values) are replaced; every other sheet is kept. A workbook
 * without that record (scored by an older version) is recognised by its fixed sheet names and by
 * factsheets: a sheet named "Factsheet …" with the title "Uitkomsten toezichtonderzoek …" at the top.
 */
import type ExcelJS from "exceljs";
import { labelKey } from "../scoring";
import { AGREEMENT_SHEET, ANSWERS_SHEET, CHECK_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, LISTS_SHEET, OVERRIDES_SHEET, RESULTS_SHEET } from "../layout/sheets";

export const GENERATED_MARK = "Gemaakt met STJ Toets.";
const GENERATED_INTRO = `${GENERATED_MARK} Bij opnieuw scoren vervangt STJ Toets deze bladen; andere bladen blijven ongewijzigd:`;

/** Sheets every scored workbook has, rewritten on every run (compared with labelKey). */
export const ALWAYS_REWRITTEN = [ANSWERS_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, OVERRIDES_SHEET, RESULTS_SHEET, AGREEMENT_SHEET, CHECK_SHEET, LISTS_SHEET];

/** The description (document property) that records the sheets STJ Toets wrote. */
export function generatedSheetsNote(names: readonly string[]): string {
  return [GENERATED_INTRO, ...names].join("\n");
}

/** The sheet names recorded by {@link generatedSheetsNote}; null when the workbook has no such record. */
export function recordedGeneratedSheets(description: string | undefined): string[] | null {
  if (!description || !description.startsWith(GENERATED_MARK)) return null;
  return description.split(/\r?\n/).slice(1).filter((s) => s.trim() !== "");
}

function looksLikeFactsheet(ws: ExcelJS.Worksheet): boolean {
  if (!/^factsheet\b/i.test(ws.name)) return false;
  for (let r = 1; r <= 3; r++) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === "string" && v.startsWith("Uitkomsten toezichtonderzoek")) return true;
  }
  return false;
}

/** The worksheets of `wb` that STJ Toets did not make, in workbook order. */
export function sheetsToKeep(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const fixed = new Set(ALWAYS_REWRITTEN.map(labelKey));
  const recorded = recordedGeneratedSheets(wb.description);
  const made = new Set((recorded ?? []).map((n) => n.toLocaleLowerCase("nl")));
  return wb.worksheets.filter((ws) => {
    if (fixed.has(labelKey(ws.name))) return false;
    if (recorded) return !made.has(ws.name.toLocaleLowerCase("nl"));
    return !looksLikeFactsheet(ws);
  });
}

/** Copies a worksheet (of another workbook) into `wb` under the same name, unchanged. */
export function copyWorksheet(src: ExcelJS.Worksheet, wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(src.name);
  const model = src.model as unknown as Record<string, unknown> & { merges: string[] };
  // ExcelJS reads merges from `mergeCells` when a model is assigned; images belong to the source
  // workbook's media and cannot be carried over.
  ws.model = { ...model, id: ws.id, name: src.name, media: [], mergeCells: model.merges } as unknown as ExcelJS.WorksheetModel;
  ws.state = src.state;
  return ws;
}
