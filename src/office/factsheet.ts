/**
 * The Office.js writer of the layout model (src/layout): writes factsheets and the overview into the
 * live workbook. It renders exactly what the layout says, like the .xlsx writer (src/xlsx/factsheet.ts).
 *
 * Batched: one `Excel.run`; one sync to learn the sheet names, then everything for every sheet is
 * queued and sent with one more sync — two syncs however large the factsheets are. Only when the
 * queued request would pass {@link MAX_REQUEST_BYTES} (Excel on the web refuses requests above 5 MB)
 * is it sent in several chunks, one sync each. Values and number formats go as whole 2-D arrays
 * (the number format "@" of text cells first, so respondent text such as "=1+1" stays text); formats
 * are set per rectangle of equal style; row heights per run of equal heights; screen updating is
 * suspended until the sync.
 *
 * Existing sheets are never overwritten silently: a sheet whose name is taken gets a new unique name
 * ("Factsheet Emmen (2)"), unless the caller asks to replace it — then the old sheet is kept, renamed
 * to "Factsheet Emmen (oud)", and the new one takes the name.
 */
import { factsheetLayout, overviewLayout, uniqueSheetName } from "../layout";
import { charsToPoints, columnName, rangeAddress, rowHeightRuns, styleGrid, styleRectangles } from "../layout/model";
import type { CellStyle, ConditionalFormat, LayoutRange, SheetLayout } from "../layout/model";
import type { ApproachResult, Framework, GemeenteContext } from "../scoring";
import type { ExcelApi, Range, RequestContext, Worksheet } from "./api";

/** Largest request we send in one sync (Excel on the web refuses requests above 5 MB). */
export const MAX_REQUEST_BYTES = 4_000_000;

export interface WriteOptions {
  /**
   * Replace existing sheets of the same name: true for all, or a list of names (case-insensitive).
   * A replaced sheet is kept under the name "<name> (oud)". Default: never replace; a taken name
   * gets a unique new one.
   */
  replace?: boolean | readonly string[];
  /** Activate the first sheet written and select A1 (default true). */
  activate?: boolean;
  /** Request size budget in bytes (default {@link MAX_REQUEST_BYTES}). */
  maxRequestBytes?: number;
  /** Progress per sheet queued. */
  progress?: (done: number, total: number) => void;
}

export interface WriteReport {
  /** The names of the sheets written, in order. */
  sheets: string[];
  /** Existing sheets that were renamed to make way for a replacement. */
  renamed: { from: string; to: string }[];
  /** `context.sync()` calls made. */
  syncs: number;
  /** Estimated size of the largest request, in bytes. */
  largestRequest: number;
}

const lower = (s: string) => s.toLocaleLowerCase("nl");
const hex = (rgb: string) => `#${rgb.toUpperCase()}`;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Queues operations and syncs when the estimated request size reaches the budget. */
class Batch {
  bytes = 0;
  syncs = 0;
  largest = 0;
  constructor(
    private readonly context: RequestContext,
    readonly budget: number,
  ) {}

  /** Accounts for one queued operation with this payload (≈ its JSON size plus overhead). */
  add(payload: number | unknown = 0): void {
    this.bytes += 80 + (typeof payload === "number" ? payload : JSON.stringify(payload).length);
  }

  suspendScreenUpdating(): void {
    const app = this.context.workbook.application;
    if (typeof app.suspendScreenUpdatingUntilNextSync === "function") {
      app.suspendScreenUpdatingUntilNextSync();
      this.add();
    }
  }

  async sync(): Promise<void> {
    this.largest = Math.max(this.largest, this.bytes);
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }

  /** Sends what is queued when `next` more bytes would pass the budget. */
  async room(next: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + next > this.budget) {
      await this.sync();
      this.suspendScreenUpdating();
    }
  }
}

/** The names the new sheets get, and the existing sheets to rename first. */
export function planSheetNames(
  wanted: readonly string[],
  existing: readonly string[],
  replace: WriteOptions["replace"] = false,
): { names: string[]; renames: { from: string; to: string }[] } {
  const taken = [...existing];
  const replaceable = (name: string) => replace === true || (Array.isArray(replace) && replace.some((r) => lower(r) === lower(name)));
  const names: string[] = [];
  const renames: { from: string; to: string }[] = [];
  for (const w of wanted) {
    const clash = taken.find((t) => lower(t) === lower(w));
    const isOld = clash !== undefined && existing.some((e) => lower(e) === lower(clash)) && !renames.some((r) => lower(r.from) === lower(clash));
    if (clash !== undefined && isOld && replaceable(w)) {
      const to = uniqueSheetName(`${clash} (oud)`, [...taken, ...names]);
      renames.push({ from: clash, to });
      taken.push(to);
      names.push(clash);
    } else {
      const name = uniqueSheetName(w, [...taken, ...names]);
      names.push(name);
    }
    taken.push(names[names.length - 1]);
  }
  return { names, renames };
}

/** Writes the layouts as new sheets, in order, with a constant number of syncs (two for normal sizes). */
export async function writeLayouts(excel: ExcelApi, layouts: readonly SheetLayout[], options: WriteOptions = {}): Promise<WriteReport> {
  return excel.run(async (context) => {
    const batch = new Batch(context, options.maxRequestBytes ?? MAX_REQUEST_BYTES);
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await batch.sync();
    const existing = sheets.items.map((w) => w.name);
    const plan = planSheetNames(
      layouts.map((l) => l.name),
      existing,
      options.replace,
    );

    batch.suspendScreenUpdating();
    for (const r of plan.renames) {
      sheets.getItem(r.from).name = r.to;
      batch.add(r);
    }
    let first: Worksheet | null = null;
    for (let i = 0; i < layouts.length; i++) {
      await batch.room(20_000);
      const ws = sheets.add(plan.names[i]);
      batch.add(plan.names[i]);
      first ??= ws;
      await writeSheet(ws, layouts[i], batch);
      options.progress?.(i + 1, layouts.length);
    }
    if (first && options.activate !== false) {
      first.activate();
      first.getRange("A1").select();
      batch.add(2);
    }
    await batch.sync();
    return { sheets: plan.names, renamed: plan.renames, syncs: batch.syncs, largestRequest: batch.largest };
  });
}

/** Values and number formats as 2-D arrays; text cells get "@" (Text) so nothing becomes a formula. */
export function valueGrids(layout: SheetLayout): { values: (string | number)[][]; formats: string[][] } {
  const rows = layout.rowHeights.length;
  const cols = layout.columnWidths.length;
  const grid = styleGrid(layout);
  const values = Array.from({ length: rows }, () => new Array<string | number>(cols).fill(""));
  const formats = grid.map((row) => row.map((key) => (key !== null ? (layout.styles[key].numberFormat ?? "General") : "General")));
  for (const c of layout.cells) {
    if (c.row >= rows || c.col >= cols) continue;
    values[c.row][c.col] = typeof c.value === "string" ? c.value.replace(/\r\n?/g, "\n") : Number.isFinite(c.value) ? c.value : "#NUM!";
    if (typeof c.value === "string" && c.value !== "") formats[c.row][c.col] = "@";
  }
  return { values, formats };
}

function rangeOf(ws: Worksheet, r: LayoutRange): Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

async function writeSheet(ws: Worksheet, layout: SheetLayout, batch: Batch): Promise<void> {
  const rows = layout.rowHeights.length;
  const cols = layout.columnWidths.length;
  ws.showGridlines = layout.showGridLines;
  batch.add();

  // Column widths (points) per run of equal widths, row heights per run of equal heights.
  for (let c = 0; c < cols; ) {
    let end = c;
    while (end + 1 < cols && layout.columnWidths[end + 1] === layout.columnWidths[c]) end++;
    ws.getRange(`${columnName(c)}:${columnName(end)}`).format.columnWidth = charsToPoints(layout.columnWidths[c]);
    batch.add();
    c = end + 1;
  }
  for (const run of rowHeightRuns(layout.rowHeights)) {
    ws.getRange(`${run.first + 1}:${run.first + run.count}`).format.rowHeight = run.height;
    batch.add();
  }

  // Number formats before values, in bands of rows of at most a quarter of the request budget.
  const { values, formats } = valueGrids(layout);
  for (let top = 0; top < rows; ) {
    let bottom = top;
    let size = JSON.stringify(values[top]).length + JSON.stringify(formats[top]).length;
    while (bottom + 1 < rows) {
      const next = JSON.stringify(values[bottom + 1]).length + JSON.stringify(formats[bottom + 1]).length;
      if (size + next > Math.max(10_000, batch.budget / 4)) break;
      size += next;
      bottom++;
    }
    await batch.room(size + 200);
    const band = ws.getRangeByIndexes(top, 0, bottom - top + 1, cols);
    band.numberFormat = formats.slice(top, bottom + 1);
    band.values = values.slice(top, bottom + 1);
    batch.add(size);
    top = bottom + 1;
  }

  for (const m of layout.merges) {
    rangeOf(ws, m).merge(false);
    batch.add();
  }
  for (const { style, range } of styleRectangles(layout)) {
    await batch.room(1500);
    formatRange(rangeOf(ws, range), layout.styles[style], range, batch);
  }
  await batch.room(layout.pageBreaks.length * 100 + 3000);
  for (const b of layout.pageBreaks) {
    if (b <= 0) continue;
    ws.horizontalPageBreaks.add(`A${b + 1}`);
    batch.add();
  }
  pageSetup(ws, layout, batch);
  if (layout.freeze && (layout.freeze.rows > 0 || layout.freeze.columns > 0)) {
    ws.freezePanes.freezeAt(
      rangeAddress({ top: 0, left: 0, bottom: Math.max(0, layout.freeze.rows - 1), right: Math.max(0, layout.freeze.columns - 1) }),
    );
    batch.add();
  }
  for (const cf of layout.conditionalFormats) conditionalFormat(ws, cf, batch);
  for (const chart of layout.charts) {
    const c = ws.charts.add("BarClustered", rangeOf(ws, chart.source), "Columns");
    c.title.text = chart.title;
    c.legend.visible = false;
    c.setPosition(rangeAddress({ ...chart.anchor, bottom: chart.anchor.top, right: chart.anchor.left }), rangeAddress({ ...chart.anchor, top: chart.anchor.bottom, left: chart.anchor.right }));
    batch.add(chart);
  }
}

function formatRange(range: Range, s: CellStyle, area: LayoutRange, batch: Batch): void {
  const f = range.format;
  f.font.name = s.font;
  f.font.size = s.size;
  // New sheets are not bold, italic or wrapped: only what differs is sent.
  if (s.bold) f.font.bold = true;
  if (s.italic) f.font.italic = true;
  if (s.color) f.font.color = hex(s.color);
  if (s.fill) f.fill.color = hex(s.fill);
  if (s.wrap) f.wrapText = true;
  f.horizontalAlignment = H_ALIGN[s.horizontal ?? "left"];
  f.verticalAlignment = V_ALIGN[s.vertical ?? "top"];
  batch.add(400);
  const b = s.border;
  if (!b) return;
  const side = (index: Parameters<Range["format"]["borders"]["getItem"]>[0], spec: { style: string; color: string }) => {
    const border = f.borders.getItem(index);
    border.style = "Continuous";
    border.weight = spec.style === "medium" ? "Medium" : "Thin";
    border.color = hex(spec.color);
    batch.add(150);
  };
  if (b.top) side("EdgeTop", b.top);
  if (b.bottom) side("EdgeBottom", b.bottom);
  if (b.left) side("EdgeLeft", b.left);
  if (b.right) side("EdgeRight", b.right);
  // Every cell of the rectangle has the same borders, so the lines between its cells are drawn too.
  const horizontal = b.top ?? b.bottom;
  const vertical = b.left ?? b.right;
  if (horizontal && area.bottom > area.top) side("InsideHorizontal", horizontal);
  if (vertical && area.right > area.left) side("InsideVertical", vertical);
}

function pageSetup(ws: Worksheet, layout: SheetLayout, batch: Batch): void {
  const p = layout.print;
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === "portrait" ? "Portrait" : "Landscape";
  pl.paperSize = "A4";
  pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  pl.leftMargin = p.margins.left * 72;
  pl.rightMargin = p.margins.right * 72;
  pl.topMargin = p.margins.top * 72;
  pl.bottomMargin = p.margins.bottom * 72;
  pl.headerMargin = p.margins.header * 72;
  pl.footerMargin = p.margins.footer * 72;
  pl.printGridlines = false;
  pl.firstPageNumber = p.firstPageNumber;
  pl.setPrintArea(rangeAddress(p.area));
  if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  const hf = pl.headersFooters.defaultForAllPages;
  hf.leftHeader = p.header.left ?? "";
  hf.centerHeader = p.header.center ?? "";
  hf.rightHeader = p.header.right ?? "";
  hf.leftFooter = p.footer.left ?? "";
  hf.centerFooter = p.footer.center ?? "";
  hf.rightFooter = p.footer.right ?? "";
  batch.add(p);
}

function conditionalFormat(ws: Worksheet, cf: ConditionalFormat, batch: Batch): void {
  const range = rangeOf(ws, cf.range);
  if (cf.kind === "beginsWith") {
    const f = range.conditionalFormats.add("ContainsText");
    f.textComparison.format.font.color = hex(cf.color);
    f.textComparison.format.fill.color = hex(cf.fill);
    f.textComparison.rule = { operator: "BeginsWith", text: cf.text };
  } else {
    const f = range.conditionalFormats.add("DataBar");
    f.dataBar.barDirection = "LeftToRight";
    f.dataBar.positiveFormat.fillColor = hex(cf.color);
    f.dataBar.positiveFormat.gradientFill = false;
    f.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    f.dataBar.upperBoundRule = { type: "HighestValue" };
  }
  batch.add(cf);
}

// ---------------------------------------------------------------------------------------------
// For the task pane
// ---------------------------------------------------------------------------------------------

/** What the task pane asks for: one group per gemeente (the port in src/taskpane/port.ts). */
export interface FactsheetWriteRequest {
  groups: readonly { gemeente: string; results: ApproachResult[]; context?: GemeenteContext }[];
  framework: Framework;
  /** Names of existing sheets the analyst agreed to replace (they are kept as "<name> (oud)"). */
  replace: readonly string[];
}

/**
 * A factsheet writer for the task pane: `(request, progress) => { sheets }`. With `overview` the
 * overview "Overzicht" of all groups is written first.
 */
export function officeFactsheetWriter(excel: ExcelApi, options: { month?: string; overview?: boolean } = {}) {
  return async (request: FactsheetWriteRequest, progress?: (done: number, total: number) => void): Promise<{ sheets: string[] }> => {
    const layouts: SheetLayout[] = [];
    if (options.overview)
      layouts.push(
        overviewLayout(
          request.groups.flatMap((g) => g.results),
          { framework: request.framework, month: options.month },
        ),
      );
    for (const g of request.groups) layouts.push(factsheetLayout(g.results, { framework: request.framework, context: g.context, month: options.month }));
    const report = await writeLayouts(excel, layouts, { replace: request.replace, progress });
    return { sheets: report.sheets };
  };
}
