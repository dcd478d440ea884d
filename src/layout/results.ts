/**
 * The "Resultaten" sheet as data: its columns, widths, wrapped columns and one row per approach ×
 * indicator. Pure, so the .xlsx writer (src/xlsx/write.ts) and the task pane (src/taskpane/sheets.ts)
 * write the same sheet from one definition.
 */
import { SYMBOL, VERDICT_TEXT } from "../scoring";
import type { ApproachResult, CellValue, Verdict } from "../scoring";

export const RESULT_COLUMNS = [
  "Gemeente",
  "Aanpak",
  "Thema",
  "Criterium",
  "Code",
  "Indicator",
  "Oordeel",
  "LET OP",
  "Spreiding",
  "Spreiding label",
  "Antwoorden",
  "Bevinding",
  "Aangepast",
  "Redenen",
] as const;
export const RESULT_WIDTHS = [14, 24, 14, 26, 7, 44, 16, 40, 10, 18, 26, 70, 10, 60];
export const RESULT_WRAP: readonly string[] = ["Criterium", "Indicator", "LET OP", "Bevinding", "Redenen", "Aanpak", "Antwoorden"];

/** "✓ voldoet", "✗ verbeterpunt", "? onvoldoende informatie". */
export function verdictLabel(v: Verdict): string {
  return `${SYMBOL[v]} ${VERDICT_TEXT[v]}`;
}

/** The Resultaten rows of one approach (this builds the finding texts, which is the slow part). */
export function resultRows(a: ApproachResult): CellValue[][] {
  return a.indicators.map((r) => [
    a.gemeente,
    a.approach,
    r.theme,
    r.criterion,
    r.code,
    r.text,
    verdictLabel(r.verdict),
    r.notes.join("\n"),
    r.divergence.score === null ? null : Math.round(r.divergence.score * 100) / 100,
    r.divergence.label,
    r.divergence.countsText,
    r.finding,
    r.override ? "ja" : "",
    r.reasons.join("\n"),
  ]);
}
