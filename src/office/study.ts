/**
 * The task pane's {@link StudyWorkbook} port implemented with the Excel JavaScript API.
 *
 * Every method is one `Excel.run` with few `context.sync()` calls: the first sync learns which sheets
 * exist and how large they are; reading and writing then go in bulk (`range.values`,
 * `range.numberFormat` as 2-D arrays), in chunks of rows so a large study neither exceeds Excel's
 * request size nor freezes the pane (the pane yields to the browser between chunks and reports
 * progress). Text cells get the number format "@" before their value is written.
 *
 * Enum values are passed as their strings ("All", "Warning", …): they are part of the API contract
 * and do not need the `Excel` enum objects.
 */
import { OVERVIEW_SHEET, overviewLayout } from "../layout";
import { ANSWERS_SHEET, type CellValue, type SheetData } from "../scoring";
import type { FactsheetOutcome, FactsheetRequest, OverviewRequest, Progress, SheetSpec, SheetSummary, StudyWorkbook, WorkbookSummary } from "../taskpane/port";
import { officeFactsheetWriter, writeLayouts } from "./factsheet";
import { columnLetter } from "../scoring/address";

/** Cells per read or write request; Excel on the web refuses requests above ~5 MB. */
export const CELLS_PER_CHUNK = 20_000;
/** Characters per write request (findings are long texts). */
export const CHARS_PER_CHUNK = 1_500_000;
const ANSWERS = "antwoorden";
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const lower = (s: string) => s.toLocaleLowerCase("nl");
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Whether a number format shows a date or time (quoted text and [colour] sections ignored). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format) || format === "@") return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  return /[dmyhsjt]/i.test(bare.replace(/e\+|e-/gi, ""));
}

export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH + Math.round(serial * DAY));
}

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / DAY;
}

/** A value read through the API as the core's CellValue: "" is empty, date-formatted numbers are dates. */
export function fromOffice(value: unknown, format: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToDate(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** A CellValue as written through the API ("" clears; dates as serial numbers; errors as their text). */
export function toOffice(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "#VALUE!" : dateToSerial(v);
  return v.error;
}

/** Excel characters to points (the API's column width unit): ~7 px per character plus padding, 0.75 pt per px. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Splits rows into chunks that stay under the cell and character limits. */
export function chunkRows(values: readonly (readonly CellValue[])[], width: number, cells = CELLS_PER_CHUNK, chars = CHARS_PER_CHUNK): [number, number][] {
  const chunks: [number, number][] = [];
  let start = 0;
  let n = 0;
  let size = 0;
  for (let r = 0; r < values.length; r++) {
    let rowChars = 0;
    for (const v of values[r]) if (typeof v === "string") rowChars += v.length;
    if (r > start && (n + width > cells || size + rowChars > chars)) {
      chunks.push([start, r]);
      start = r;
      n = 0;
      size = 0;
    }
    n += width;
    size += rowChars;
  }
  if (values.length > start) chunks.push([start, values.length]);
  return chunks;
}

function pad<T>(row: readonly T[] | undefined, width: number, fill: T): T[] {
  const out = row ? row.slice(0, width) : [];
  while (out.length < width) out.push(fill);
  return out;
}

/** The bottom row (1-based) a spec reaches: values, blank formats and validations. */
function specHeight(spec: SheetSpec): number {
  let h = Math.max(spec.values.length, spec.blankFormats?.toRow ?? 0);
  for (const v of spec.validations ?? []) {
    const m = /(\d+)$/.exec(v.range);
    if (m) h = Math.max(h, Number(m[1]));
  }
  return h;
}

function specWidth(spec: SheetSpec): number {
  let w = spec.widths?.length ?? 0;
  for (const r of spec.values) w = Math.max(w, r.length);
  return Math.max(1, w, spec.blankFormats?.formats.length ?? 0);
}

/** Settings stored with the document; absent outside Office (tests, a plain browser). */
function documentSettings(): Office.Settings | null {
  try {
    return typeof Office !== "undefined" && Office.context?.document?.settings ? Office.context.document.settings : null;
  } catch {
    return null;
  }
}

export type FactsheetWriter = (request: FactsheetRequest, progress?: Progress) => Promise<FactsheetOutcome>;
export type OverviewWriter = (request: OverviewRequest, progress?: Progress) => Promise<FactsheetOutcome>;

/** The factsheet writer of src/office/factsheet.ts (one batched Excel.run per call). */
export function defaultFactsheetWriter(): FactsheetWriter {
  return officeFactsheetWriter(Excel);
}

/** The overview sheet ("Overzicht") through the same layout writer. */
export function defaultOverviewWriter(): OverviewWriter {
  return async (request, progress) => {
    const layout = overviewLayout(request.results, { framework: request.framework });
    const report = await writeLayouts(Excel, [layout], { replace: request.replace, progress });
    return { sheets: report.sheets };
  };
}

export { OVERVIEW_SHEET };

export class OfficeStudyWorkbook implements StudyWorkbook {
  /** Number of `context.sync()` calls made, for tests and diagnostics. */
  syncs = 0;
  readonly writeFactsheets: FactsheetWriter | null;
  readonly writeOverview: OverviewWriter | null;

  constructor(writers: { factsheets?: FactsheetWriter | null; overview?: OverviewWriter | null } = {}) {
    this.writeFactsheets = writers.factsheets === undefined ? defaultFactsheetWriter() : writers.factsheets;
    this.writeOverview = writers.overview === undefined ? defaultOverviewWriter() : writers.overview;
  }

  private async sync(context: Excel.RequestContext): Promise<void> {
    this.syncs++;
    await context.sync();
  }

  /** The worksheets (names loaded) and the Antwoorden table (null object when absent), in one sync. */
  private async sheetsAndAnswersTable(context: Excel.RequestContext): Promise<{ sheets: Excel.WorksheetCollection; table: Excel.Table }> {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const table = context.workbook.tables.getItemOrNullObject(ANSWERS_SHEET);
    table.load("name");
    await this.sync(context);
    return { sheets, table };
  }

  async summary(headersOf: readonly string[] = []): Promise<WorkbookSummary> {
    return Excel.run(async (context) => {
      const { sheets, table } = await this.sheetsAndAnswersTable(context);
      const wanted = new Set(headersOf.map(lower));
      const used = sheets.items.map((ws) => ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
      await this.sync(context);
      const out: SheetSummary[] = sheets.items.map((ws, i) => {
        const u = used[i];
        return { name: ws.name, rows: u.isNullObject ? 0 : u.rowIndex + u.rowCount, columns: u.isNullObject ? 0 : u.columnIndex + u.columnCount };
      });
      // Row 1 of the sheets asked for, as far as each sheet is used.
      const headers = out.map((s, i) => (wanted.has(lower(s.name)) && s.columns > 0 ? sheets.items[i].getRangeByIndexes(0, 0, 1, s.columns).load("values") : null));
      if (headers.some((h) => h !== null)) await this.sync(context);
      out.forEach((s, i) => {
        const h = headers[i];
        if (h) s.header = (h.values[0] as unknown[]).map((v) => fromOffice(v, null));
        else if (wanted.has(lower(s.name))) s.header = [];
      });
      return { sheets: out, answersTable: !table.isNullObject };
    });
  }

  async readSheets(names: readonly string[], progress?: Progress): Promise<Record<string, SheetData | null>> {
    return Excel.run(async (context) => {
      const { sheets, table } = await this.sheetsAndAnswersTable(context);

      type Source = { key: string; name: string; ws: Excel.Worksheet; range: Excel.Range; merges: boolean };
      const sources: Source[] = [];
      const result: Record<string, SheetData | null> = {};
      for (const key of names) {
        result[key] = null;
        const ws = sheets.items.find((w) => lower(w.name) === lower(key));
        if (ws) sources.push({ key, name: ws.name, ws, range: ws.getUsedRangeOrNullObject(true), merges: lower(key) === ANSWERS });
        else if (lower(key) === ANSWERS && !table.isNullObject) {
          const tws = table.worksheet.load("name");
          sources.push({ key, name: "", ws: tws, range: table.getRange(), merges: true });
        }
      }
      for (const s of sources) s.range.load("rowIndex,columnIndex,rowCount,columnCount");
      for (const s of sources) if (!s.name) s.ws.load("name");
      await this.sync(context);

      const live = sources.filter((s) => !s.range.isNullObject);
      for (const s of sources) {
        if (!s.name) s.name = s.ws.name;
        if (s.range.isNullObject) result[s.key] = { name: s.name, values: [], merges: [], origin: { row: 0, col: 0 } };
      }
      // Chunked reads of values and number formats (dates are numbers with a date format).
      type Part = { source: Source; row: number; rows: number; range: Excel.Range };
      const parts: Part[] = [];
      for (const s of live) {
        const width = Math.max(1, s.range.columnCount);
        const per = Math.max(1, Math.floor(CELLS_PER_CHUNK / width));
        for (let r = 0; r < s.range.rowCount; r += per) {
          const rows = Math.min(per, s.range.rowCount - r);
          parts.push({ source: s, row: r, rows, range: s.ws.getRangeByIndexes(s.range.rowIndex + r, s.range.columnIndex, rows, width) });
        }
      }
      const mergeAreas = new Map<Source, Excel.RangeAreas>();
      const canMerge = mergesSupported();
      const total = parts.length;
      let done = 0;
      progress?.(0, total);
      const values = new Map<Source, CellValue[][]>();
      let batch: Part[] = [];
      let cells = 0;
      const flush = async () => {
        for (const p of batch) p.range.load("values,numberFormat");
        if (canMerge)
          for (const s of live) {
            if (s.merges && !mergeAreas.has(s)) {
              const m = s.range.getMergedAreasOrNullObject();
              m.load("address");
              mergeAreas.set(s, m);
            }
          }
        await this.sync(context);
        for (const p of batch) {
          const out = values.get(p.source) ?? [];
          const v = p.range.values as unknown[][];
          const f = p.range.numberFormat as unknown[][];
          for (let r = 0; r < v.length; r++) out.push(v[r].map((x, c) => fromOffice(x, f[r]?.[c])));
          values.set(p.source, out);
        }
        done += batch.length;
        progress?.(done, total);
        batch = [];
        cells = 0;
        await pause();
      };
      for (const p of parts) {
        const n = p.rows * Math.max(1, p.source.range.columnCount);
        if (batch.length > 0 && cells + n > CELLS_PER_CHUNK * 2) await flush();
        batch.push(p);
        cells += n;
      }
      if (batch.length > 0 || (canMerge && live.some((s) => s.merges))) await flush();

      for (const s of live) {
        const m = mergeAreas.get(s);
        const merges = m && !m.isNullObject && m.address ? m.address.split(",").map((a) => a.slice(a.lastIndexOf("!") + 1).replace(/\$/g, "")) : [];
        result[s.key] = { name: s.name, values: values.get(s) ?? [], merges, origin: { row: s.range.rowIndex, col: s.range.columnIndex } };
      }
      return result;
    });
  }

  async writeSheets(specs: readonly SheetSpec[], progress?: Progress): Promise<void> {
    if (specs.length === 0) return;
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await this.sync(context);
      const existing = new Map(sheets.items.map((ws) => [lower(ws.name), ws]));
      const used = new Map<SheetSpec, Excel.Range>();
      for (const spec of specs) {
        const ws = existing.get(lower(spec.name));
        if (ws) used.set(spec, ws.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount"));
      }
      if (used.size > 0) await this.sync(context);

      const plans = specs.map((spec) => ({ spec, width: specWidth(spec), chunks: chunkRows(spec.values, specWidth(spec)) }));
      const total = plans.reduce((n, p) => n + p.chunks.length, 0);
      let done = 0;
      let queued = 0;
      // Small sheets share a request; a request is sent when the next chunk would pass the budget.
      let pendingCells = 0;
      let pendingChars = 0;
      const flush = async () => {
        await this.sync(context);
        done = queued;
        progress?.(done, total);
        pendingCells = 0;
        pendingChars = 0;
        await pause();
      };
      progress?.(0, total);
      let activate: Excel.Worksheet | null = null;
      for (const { spec, width, chunks } of plans) {
        let ws = existing.get(lower(spec.name));
        const height = specHeight(spec);
        if (ws) {
          const u = used.get(spec)!;
          const rows = Math.max(height, u.isNullObject ? 0 : u.rowIndex + u.rowCount, 1);
          const cols = Math.max(width, u.isNullObject ? 0 : u.columnIndex + u.columnCount, 1);
          const all = ws.getRangeByIndexes(0, 0, rows, cols);
          all.clear("All");
          all.conditionalFormats.clearAll();
          all.dataValidation.clear();
          ws.freezePanes.unfreeze();
        } else {
          ws = sheets.add(spec.name);
          existing.set(lower(spec.name), ws);
        }
        pendingCells += this.layout(ws, spec);
        for (const [a, b] of chunks) {
          const rows = spec.values.slice(a, b);
          let chars = 0;
          for (const r of rows) for (const v of r) if (typeof v === "string") chars += v.length;
          const cells = (b - a) * width;
          if (pendingCells > 0 && (pendingCells + cells > CELLS_PER_CHUNK || pendingChars + chars > CHARS_PER_CHUNK)) await flush();
          const range = ws.getRangeByIndexes(a, 0, b - a, width);
          range.numberFormat = rows.map((_, i) => pad(spec.formats[a + i], width, "General"));
          range.values = rows.map((r) => pad(r, width, null).map(toOffice));
          pendingCells += cells;
          pendingChars += chars;
          queued++;
        }
        this.finish(ws, spec, width);
        if (spec.activate) activate = ws;
      }
      if (activate) {
        activate.activate();
        activate.getRange("A1").select();
      }
      await flush();
      progress?.(total, total);
    });
  }

  /** Widths, wrapping, blank formats and validations (queued, no sync); returns the cells of payload queued. */
  private layout(ws: Excel.Worksheet, spec: SheetSpec): number {
    let cells = 0;
    spec.widths?.forEach((w, c) => {
      ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(w);
    });
    for (const c of spec.wrap ?? []) {
      const col = ws.getRangeByIndexes(0, c, Math.max(1, spec.values.length), 1);
      col.format.wrapText = true;
      col.format.verticalAlignment = "Top";
    }
    const bf = spec.blankFormats;
    if (bf && bf.toRow > spec.values.length) {
      const rows = bf.toRow - spec.values.length;
      // One range per run of columns with the same format.
      let start = 0;
      for (let c = 1; c <= bf.formats.length; c++) {
        if (c < bf.formats.length && bf.formats[c] === bf.formats[start]) continue;
        const cols = c - start;
        ws.getRangeByIndexes(spec.values.length, start, rows, cols).numberFormat = Array.from({ length: rows }, () => Array<string>(cols).fill(bf.formats[start]));
        cells += rows * cols;
        start = c;
      }
    }
    for (const v of spec.validations ?? []) {
      const dv = ws.getRange(v.range).dataValidation;
      if (v.list !== undefined) dv.rule = { list: { inCellDropDown: true, source: v.list } };
      else if (v.wholeNumberAtLeast !== undefined) dv.rule = { wholeNumber: { formula1: v.wholeNumberAtLeast, operator: "GreaterThanOrEqualTo" } };
      dv.ignoreBlanks = true;
      if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      if (v.alert) dv.errorAlert = { showAlert: true, style: v.alert.style === "stop" ? "Stop" : "Warning", title: v.alert.title, message: v.alert.message };
      cells += 20;
    }
    return cells;
  }

  /** Header and title styles, fills, freeze panes, filter and visibility (queued, no sync). */
  private finish(ws: Excel.Worksheet, spec: SheetSpec, width: number): void {
    for (const r of spec.headerRows ?? []) {
      const h = ws.getRangeByIndexes(r - 1, 0, 1, width);
      h.format.font.bold = true;
      h.format.fill.color = "#D9E1F2";
      h.format.wrapText = true;
      h.format.verticalAlignment = "Top";
    }
    if (spec.title) {
      const a1 = ws.getRange("A1");
      a1.format.font.bold = true;
      a1.format.font.size = 13;
    }
    for (const t of spec.textColours ?? []) {
      const r = ws.getRange(t.range);
      if (t.bold) r.format.font.bold = true;
      for (const rule of t.rules) {
        const cf = r.conditionalFormats.add("ContainsText");
        cf.textComparison.format.fill.color = rule.fill;
        cf.textComparison.format.font.color = rule.font;
        cf.textComparison.rule = { operator: "BeginsWith", text: rule.beginsWith };
      }
    }
    const fr = spec.freeze;
    if (fr && (fr.rows > 0 || fr.columns > 0)) {
      if (fr.rows > 0 && fr.columns > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(fr.columns - 1)}${fr.rows}`));
      else if (fr.rows > 0) ws.freezePanes.freezeRows(fr.rows);
      else ws.freezePanes.freezeColumns(fr.columns);
    }
    if (spec.autoFilter && spec.values.length > 1) ws.autoFilter.apply(ws.getRangeByIndexes(0, 0, spec.values.length, width));
    if (spec.hidden) ws.visibility = "Hidden";
  }

  async select(sheet: string, address: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address || "A1").select();
      await this.sync(context);
    });
  }

  getSetting(key: string): string | undefined {
    const v = documentSettings()?.get(key);
    return typeof v === "string" ? v : undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    const settings = documentSettings();
    if (!settings) return;
    settings.set(key, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(new Error(r.error?.message ?? "saveAsync")) : resolve())),
    );
  }
}

/** Merged areas need ExcelApi 1.13; older clients simply do not report merges. */
function mergesSupported(): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported?.("ExcelApi", "1.13");
  } catch {
    return false;
  }
}
