/**
 * The layout model: a printable sheet as plain data. Pure — no Office.js, no ExcelJS, no DOM — so
 * the .xlsx writer (src/xlsx/factsheet.ts) and the Office.js writer (src/office/excel.ts) render
 * exactly the same thing and neither decides layout on its own.
 *
 * Units: rows and columns are zero-based; column widths are Excel character units (the `width`
 * stored in .xlsx, which includes the cell padding); row heights, margins of text measures and page
 * sizes are points; page margins are inches (as Excel's dialog and .xlsx store them). Colours are
 * "RRGGBB" without '#'.
 */
import { columnLetter } from "../scoring/address";

/** A border line of a cell side. */
export interface BorderSpec {
  style: "thin" | "medium";
  color: string;
}

/** What a cell looks like, independent of the writer. */
export interface CellStyle {
  font: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  /** Number format; "@" (Text) for every text cell so nothing a respondent wrote can become a formula. */
  numberFormat?: string;
  border?: { top?: BorderSpec; bottom?: BorderSpec; left?: BorderSpec; right?: BorderSpec };
}

export interface LayoutCell {
  row: number;
  col: number;
  /** Text is always written as text; numbers as numbers. */
  value: string | number;
  /** Key into {@link SheetLayout.styles}. */
  style: string;
}

/** A rectangle, zero-based and inclusive. */
export interface LayoutRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A merged area; its value and style sit in the top-left cell and the style covers the whole area. */
export type LayoutMerge = LayoutRange;

export interface HeaderFooterText {
  /** Excel header/footer codes: &P page, &N pages, && a literal ampersand, &8 font size. */
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSettings {
  orientation: "portrait" | "landscape";
  paper: "A4";
  /** Fit to this many pages wide (1) and tall (0 = as many as needed). */
  fitToWidth: number;
  fitToHeight: number;
  /** Inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows repeated at the top of every printed page, e.g. the header rows of a long table. */
  titleRows?: { first: number; last: number };
  area: LayoutRange;
  header: HeaderFooterText;
  footer: HeaderFooterText;
  firstPageNumber: number;
}

/**
 * Conditional formatting: colour cells whose text begins with `text` (Excel's "Text that begins
 * with", which unlike "contains" has no wildcards — "?" is a verdict symbol here), or data bars over
 * numbers.
 */
export type ConditionalFormat =
  | { kind: "beginsWith"; range: LayoutRange; text: string; color: string; fill: string }
  | { kind: "dataBar"; range: LayoutRange; color: string };

/** A native chart (the Office.js writer; the .xlsx writer shows data bars instead, see docs/architecture.md). */
export interface ChartSpec {
  kind: "barClustered";
  title: string;
  /** Categories in the first column, values in the next; the first row holds the series names. */
  source: LayoutRange;
  /** Where the chart sits: its top-left and bottom-right cells. */
  anchor: LayoutRange;
}

export interface SheetLayout {
  /** What this sheet is; tests and writers use it to order sheets. */
  kind: "factsheet" | "overview";
  /** Sheet name, valid for Excel (≤ 31 characters, no []:*?/\). Writers may make it unique. */
  name: string;
  /** The gemeente of a factsheet (for headers and tests). */
  gemeente?: string;
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Height in points of every row, index = row; no text is cut at these heights. */
  rowHeights: number[];
  styles: Record<string, CellStyle>;
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Rows that start a new printed page (manual page breaks above them). */
  pageBreaks: number[];
  print: PrintSettings;
  showGridLines: boolean;
  /** Rows (and columns) frozen at the top (left) when scrolling. */
  freeze?: { rows: number; columns: number };
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/** Pixels per character unit of Calibri 11, the default font of our workbooks (Excel's "maximum digit width"). */
export const DIGIT_PX = 7;

/** A column width snapped to whole pixels, as Excel shows it (so both writers give the same width). */
export function snapWidth(width: number): number {
  return Math.round(width * DIGIT_PX) / DIGIT_PX;
}

/** Excel character units → points (Office.js sets column widths in points). */
export function charsToPoints(width: number): number {
  return Math.round(width * DIGIT_PX) * 0.75;
}

/** Points → Excel character units (inverse of {@link charsToPoints}). */
export function pointsToChars(points: number): number {
  return points / 0.75 / DIGIT_PX;
}

export const A4 = { width: 595.28, height: 841.89 };

/** Printable size in points of a page with these settings (before any fit-to scaling). */
export function printableSize(print: PrintSettings): { width: number; height: number } {
  const portrait = print.orientation === "portrait";
  const w = portrait ? A4.width : A4.height;
  const h = portrait ? A4.height : A4.width;
  const m = print.margins;
  return { width: w - (m.left + m.right) * 72, height: h - (m.top + m.bottom) * 72 };
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** Column letters ("A", …, "AA"): the one implementation is in src/scoring/address.ts. */
export const columnName = columnLetter;

/** "A1:D4" (or "A1" for one cell). */
export function rangeAddress(r: LayoutRange): string {
  const a = `${columnName(r.left)}${r.top + 1}`;
  const b = `${columnName(r.right)}${r.bottom + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Header/footer text with Excel's codes: '&' in names must be doubled. */
export function headerText(s: string): string {
  return s.replace(/&/g, "&&");
}

// ---------------------------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------------------------

/**
 * Collects the styles of one layout under readable names; asking twice for the same name with the
 * same spec gives the same key, a different spec under the same name gets a numbered key
 * ("finding", "finding-2", …).
 */
export class StyleBook {
  readonly styles: Record<string, CellStyle> = {};
  private byJson = new Map<string, string>();

  add(name: string, spec: CellStyle): string {
    const json = `${name}\u0000${JSON.stringify(spec)}`;
    const hit = this.byJson.get(json);
    if (hit) return hit;
    let key = name;
    for (let n = 2; this.styles[key]; n++) key = `${name}-${n}`;
    this.styles[key] = spec;
    this.byJson.set(json, key);
    return key;
  }
}

/**
 * The style of every cell of the layout's area, merged areas included (their covered cells take the
 * style of the top-left cell); null where nothing is styled.
 */
export function styleGrid(layout: SheetLayout): (string | null)[][] {
  const rows = layout.rowHeights.length;
  const cols = layout.columnWidths.length;
  const grid: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const c of layout.cells) if (c.row < rows && c.col < cols) grid[c.row][c.col] = c.style;
  for (const m of layout.merges) {
    const s = grid[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) grid[r][c] = s;
  }
  return grid;
}

/**
 * The styled cells grouped into rectangles of one style each (greedy: widest run along the row, then
 * as many rows down as match). The Office.js writer formats each rectangle with one set of calls.
 */
export function styleRectangles(layout: SheetLayout): { style: string; range: LayoutRange }[] {
  const grid = styleGrid(layout);
  const done = grid.map((row) => row.map(() => false));
  const out: { style: string; range: LayoutRange }[] = [];
  for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const s = grid[r][c];
      if (s === null || done[r][c]) continue;
      let right = c;
      while (right + 1 < grid[r].length && grid[r][right + 1] === s && !done[r][right + 1]) right++;
      let bottom = r;
      const rowMatches = (rr: number) => {
        for (let cc = c; cc <= right; cc++) if (grid[rr][cc] !== s || done[rr][cc]) return false;
        return true;
      };
      while (bottom + 1 < grid.length && rowMatches(bottom + 1)) bottom++;
      for (let rr = r; rr <= bottom; rr++) for (let cc = c; cc <= right; cc++) done[rr][cc] = true;
      out.push({ style: s, range: { top: r, left: c, bottom, right } });
    }
  }
  return out;
}

/** Runs of consecutive rows with equal height: [first row, count, height]. */
export function rowHeightRuns(heights: readonly number[]): { first: number; count: number; height: number }[] {
  const runs: { first: number; count: number; height: number }[] = [];
  heights.forEach((h, r) => {
    const last = runs[runs.length - 1];
    if (last && last.height === h && last.first + last.count === r) last.count++;
    else runs.push({ first: r, count: 1, height: h });
  });
  return runs;
}

/** The text of every cell in reading order (for tests and checks). */
export function layoutTexts(layout: SheetLayout): string[] {
  return [...layout.cells].sort((a, b) => a.row - b.row || a.col - b.col).map((c) => String(c.value));
}
