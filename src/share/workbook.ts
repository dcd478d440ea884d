/**
 * Renders a {@link SharePlan} with ExcelJS and cleans the result, so the share copy holds values only.
 *
 * No Node.js API is used here: ExcelJS and this module also run in the browser, so the task pane can
 * call {@link shareWorkbookBytes} and offer the bytes as a download (a Blob) — nothing leaves the
 * computer. The CLI (`stj share`, `stj batch`) uses the same functions and writes the bytes to disk.
 *
 * Cleaning (applied after rendering, whatever the factsheet renderer did):
 * - every formula cell becomes its value (the result, or empty) — no `<f>` element anywhere;
 * - hyperlinks become their text; comments/notes, data validations, conditional formats, tables,
 *   print areas and print titles are removed; the workbook has no defined names;
 * - every sheet and every row and column is visible;
 * - every sheet is protected without a password (selecting and resizing allowed, editing not);
 * - document properties: see `planShare` (title "Uitkomsten toezichtonderzoek <Gemeente>", creator
 *   "STJ Toets", no last-modified-by, company or manager, created = modified = the share date).
 */
import ExcelJS from "exceljs";
import { setCell } from "../xlsx/cells";
import { renderLayout } from "../xlsx/factsheet";
import { planShare } from "./plan";
import type { ShareInput, ShareOptions, SharePlan, TableSheet } from "./plan";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
/** Static fills for the verdict symbols (no conditional formatting: it carries formulas). */
export const SYMBOL_FILL: Record<string, { fill: string; font: string }> = {
  "✓": { fill: "FFC6EFCE", font: "FF006100" },
  "✗": { fill: "FFFFC7CE", font: "FF9C0006" },
  "?": { fill: "FFFFEB9C", font: "FF9C5700" },
};

/** What a protected share sheet still allows: selecting cells and resizing rows and columns. */
export const SHARE_PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

function renderTable(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  t.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const bold = new Set(t.boldRows);
  const wrap = new Set(t.wrapColumns);
  t.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      setCell(cell, v);
      if (bold.has(r)) {
        cell.font = { bold: true };
        if (r === 0) cell.fill = HEADER_FILL;
      }
      cell.alignment = { vertical: "top", wrapText: wrap.has(c) || r === 0 };
      const sym = t.symbols;
      if (sym && r >= sym.top && r <= sym.bottom && c >= sym.left && c <= sym.right && typeof v === "string" && SYMBOL_FILL[v]) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: SYMBOL_FILL[v].fill } };
        cell.font = { bold: true, color: { argb: SYMBOL_FILL[v].font } };
        cell.alignment = { vertical: "top", horizontal: "center" };
      }
    });
  });
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}

type Internal = {
  _comment?: unknown;
};

/** The value a formula cell shows, as a plain value (its cached result; empty when there is none). */
function formulaResult(v: ExcelJS.CellValue): ExcelJS.CellValue {
  const r = (v as { result?: unknown }).result;
  if (r === undefined || r === null) return null;
  if (typeof r === "object" && !(r instanceof Date) && !("error" in (r as object))) return null;
  return r as ExcelJS.CellValue;
}

/** Makes one worksheet values-only and visible (see the module comment). */
export function cleanWorksheet(ws: ExcelJS.Worksheet): void {
  ws.state = "visible";
  ws.eachRow({ includeEmpty: true }, (row) => {
    if (row.hidden) row.hidden = false;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const internal = cell as unknown as Internal;
      if (internal._comment !== undefined) internal._comment = undefined;
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const r = formulaResult(v);
        cell.value = null;
        if (typeof r === "string" || typeof r === "number" || typeof r === "boolean" || r instanceof Date) setCell(cell, r);
        else if (r && typeof r === "object" && "error" in r) setCell(cell, { error: String((r as ExcelJS.CellErrorValue).error) });
      } else if (cell.type === ExcelJS.ValueType.Hyperlink) {
        const h = v as ExcelJS.CellHyperlinkValue;
        cell.value = null;
        setCell(cell, typeof h.text === "string" ? h.text : "");
      }
    });
  });
  ws.columns?.forEach((col) => {
    if (col.hidden) col.hidden = false;
  });
  (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = {};
  (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
  (ws as unknown as { tables: Record<string, unknown> }).tables = {};
  ws.autoFilter = undefined as unknown as ExcelJS.AutoFilter;
  const ps = ws.pageSetup as Partial<ExcelJS.PageSetup>;
  delete ps.printArea;
  delete ps.printTitlesRow;
  delete ps.printTitlesColumn;
}

/** Makes the whole workbook values-only, visible and nameless; sets the plan's document properties. */
export function cleanWorkbook(wb: ExcelJS.Workbook, plan: Pick<SharePlan, "properties">): void {
  for (const ws of wb.worksheets) cleanWorksheet(ws);
  (wb.definedNames as unknown as { model: unknown[] }).model = [];
  const p = plan.properties;
  wb.title = p.title;
  wb.subject = p.subject;
  wb.creator = p.creator;
  wb.lastModifiedBy = p.lastModifiedBy;
  wb.company = p.company;
  wb.manager = p.manager;
  wb.keywords = p.keywords;
  wb.description = p.description;
  wb.category = p.category;
  wb.created = p.created;
  wb.modified = p.modified;
  wb.lastPrinted = undefined as unknown as Date;
}

/** Protects every sheet against accidental edits, without a password. */
export async function protectWorkbook(wb: ExcelJS.Workbook): Promise<void> {
  for (const ws of wb.worksheets) await ws.protect("", { ...SHARE_PROTECTION });
}

/** The share workbook of a plan: factsheets, Overzicht (and Toelichting), cleaned and protected. Opens on the first factsheet. */
export async function writeShare(plan: SharePlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of plan.sheets) {
    if (s.kind === "factsheet") renderLayout(wb, s.layout);
    else renderTable(wb, s);
  }
  cleanWorkbook(wb, plan);
  await protectWorkbook(wb);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return wb;
}

/** Options for the bytes: ExcelJS's zip options (compression level). */
export interface BytesOptions {
  /** Deflate level 1–9 (default: JSZip's default, 6). */
  compressionLevel?: number;
}

/** The .xlsx bytes of a workbook (works in Node.js and in the browser). */
export async function workbookBytes(wb: ExcelJS.Workbook, options: BytesOptions = {}): Promise<Uint8Array> {
  const zip = options.compressionLevel ? { zip: { compression: "DEFLATE", compressionOptions: { level: options.compressionLevel } } } : undefined;
  const data = await wb.xlsx.writeBuffer(zip as unknown as ExcelJS.XlsxWriteOptions);
  return data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
}

/**
 * Scoring results + context + options in, the share copy's .xlsx bytes and file name out. Pure apart
 * from ExcelJS; for the task pane (offer the bytes as a download) and the CLI alike.
 */
export async function shareWorkbookBytes(input: ShareInput, options: ShareOptions = {}, bytes: BytesOptions = {}): Promise<{ bytes: Uint8Array; fileName: string; plan: SharePlan }> {
  const plan = planShare(input, options);
  const wb = await writeShare(plan);
  return { bytes: await workbookBytes(wb, bytes), fileName: plan.fileName, plan };
}
