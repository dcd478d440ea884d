/**
 * The one way this project puts a value into an ExcelJS cell. Used for every cell we write.
 *
 * Text never becomes a formula: ExcelJS writes a JavaScript string as a (shared) string, never as
 * `<f>`, and we never assign `{ formula }` from any text. Text that Excel would take for a formula when
 * someone edits the cell (starting with `=`, `+`, `-`, `@`, tab, carriage return or — since a carriage
 * return is stored as a line feed — line feed) additionally gets
 * the number format "@" (Text), so pressing F2 + Enter in Excel keeps it literal too.
 * Carriage returns are written as line feeds (CRLF → LF), the line break Excel uses inside cells.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../scoring";

/** Text that a spreadsheet could read as a formula or command ("formula injection"). */
export const FORMULA_LIKE = /^[=+\-@\t\r\n]/;

/** The error values every Excel version knows; others (e.g. our "#FORMULA") are written as text. */
const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/**
 * Text that XML can hold. A lone surrogate, U+FFFE or U+FFFF in a cell makes the whole workbook
 * unreadable (ExcelJS writes them as they are), and ExcelJS silently drops other control
 * characters; so: vertical tab and form feed (Word's line and page breaks) become line breaks, the
 * rest becomes U+FFFD (the replacement character), visibly.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(s: string): string {
  return s.replace(/[\u000b\u000c]/g, "\n").replace(XML_INVALID, "\ufffd");
}

export function isFormulaLike(s: string): boolean {
  return FORMULA_LIKE.test(s);
}

/** Writes `value` into `cell` safely. Empty text and null clear the cell. */
export function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null || value === undefined || value === "") {
    cell.value = null;
    return;
  }
  if (typeof value === "string") {
    // Line breaks in a cell are LF in Excel; a raw CR would be turned into LF by any XML reader anyway.
    cell.value = xmlText(value).replace(/\r\n?/g, "\n");
    if (isFormulaLike(value)) cell.numFmt = "@";
    return;
  }
  if (typeof value === "number") {
    if (Number.isFinite(value)) cell.value = value;
    else cell.value = { error: "#NUM!" };
    return;
  }
  if (typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (value instanceof Date) {
    cell.value = Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : value;
    return;
  }
  const code = String(value.error);
  if (EXCEL_ERRORS.has(code)) cell.value = { error: code as ExcelJS.CellErrorValue["error"] };
  else {
    cell.value = code;
    cell.numFmt = "@";
  }
}

/** Writes a row of values starting at (row, col), both 1-based. */
export function setRow(ws: ExcelJS.Worksheet, row: number, values: readonly CellValue[], col = 1): void {
  values.forEach((v, i) => setCell(ws.getCell(row, col + i), v));
}
