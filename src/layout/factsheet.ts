/**
 * The layout of a simple factsheet per approach, as data: cells with a value and a style name, merged
 * areas, column widths and estimated row heights. Pure (no ExcelJS, no Office.js): the ExcelJS
 * renderer (src/xlsx/factsheet.ts) and a later Office.js writer both consume this model.
 *
 * Content, after seed 002: title "Uitkomsten toezichtonderzoek <Gemeente>", "Aanpak: <naam>", the
 * netwerkpartners that answered, the context of the gemeente, the approach's description, then per
 * theme a table Criteria | Indicatoren | Bevindingen (criteria spanning their indicators), then
 * "Conclusie" with per theme "Wat gaat goed?" and "Wat kan beter?".
 */
import { labelKey } from "../scoring";
import type { ApproachResult, Framework, GemeenteContext, IndicatorResult } from "../scoring";

/** Style names; what they look like is {@link FACTSHEET_STYLES}. */
export type LayoutStyle =
  | "title"
  | "subtitle"
  | "meta"
  | "heading"
  | "text"
  | "themeHeading"
  | "tableHeader"
  | "criterion"
  | "indicator"
  | "finding"
  | "conclusionTheme"
  | "conclusionLabel"
  | "bullet";

/** A renderer-neutral description of a style. Colours are RGB hex without '#'. Sizes in points. */
export interface StyleSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  fill?: string;
  wrap: boolean;
  /** Thin border around the cell (table cells). */
  border?: boolean;
  vertical: "top" | "middle";
}

export const FACTSHEET_FONT = "Calibri";

export const FACTSHEET_STYLES: Record<LayoutStyle, StyleSpec> = {
  title: { size: 16, bold: true, color: "1F3864", wrap: true, vertical: "top" },
  subtitle: { size: 13, bold: true, color: "1F3864", wrap: true, vertical: "top" },
  meta: { size: 11, italic: true, color: "404040", wrap: true, vertical: "top" },
  heading: { size: 13, bold: true, color: "1F3864", wrap: true, vertical: "top" },
  text: { size: 11, wrap: true, vertical: "top" },
  themeHeading: { size: 12, bold: true, color: "FFFFFF", fill: "1F3864", wrap: true, vertical: "middle" },
  tableHeader: { size: 11, bold: true, fill: "D9E1F2", wrap: true, border: true, vertical: "middle" },
  criterion: { size: 11, bold: true, wrap: true, border: true, vertical: "top" },
  indicator: { size: 11, wrap: true, border: true, vertical: "top" },
  finding: { size: 11, wrap: true, border: true, vertical: "top" },
  conclusionTheme: { size: 12, bold: true, color: "1F3864", wrap: true, vertical: "top" },
  conclusionLabel: { size: 11, bold: true, italic: true, wrap: true, vertical: "top" },
  bullet: { size: 11, wrap: true, vertical: "top" },
};

export interface LayoutCell {
  /** Zero-based row and column. */
  row: number;
  col: number;
  value: string;
  style: LayoutStyle;
}

/** A merged area, zero-based and inclusive. The value sits in its top-left cell. */
export interface LayoutMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  /** Sheet name, valid for Excel (≤ 31 characters, no []:*?/\). */
  name: string;
  /** Column widths in Excel character units. */
  columnWidths: number[];
  cells: LayoutCell[];
  merges: LayoutMerge[];
  /** Estimated height in points per row (index = row); wrapped text does not grow rows by itself everywhere. */
  rowHeights: number[];
  /** Rows after which a page break is welcome (before a theme table or the conclusion). */
  pageBreakHints: number[];
}

// ---------------------------------------------------------------------------------------------
// Sheet names
// ---------------------------------------------------------------------------------------------

export const MAX_SHEET_NAME = 31;

/** Replaces characters Excel forbids in sheet names and trims apostrophes at the ends. */
export function sanitiseSheetName(name: string): string {
  let s = name
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/[\u0000-\u001f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  s = s.replace(/^'+|'+$/g, "").trim();
  return s === "" || labelKey(s) === "history" ? "Blad" : s;
}

/**
 * "Factsheet <Gemeente>", made valid and unique among `taken` (case-insensitive, as Excel compares):
 * "Factsheet Emmen", then "Factsheet Emmen (2)"; truncated to 31 characters keeping the suffix.
 */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLocaleLowerCase("nl")));
  const clean = sanitiseSheetName(base);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const head = clean.slice(0, MAX_SHEET_NAME - suffix.length).replace(/[\s']+$/, "");
    const name = head + suffix;
    if (!used.has(name.toLocaleLowerCase("nl"))) return name;
  }
}

export function factsheetSheetName(gemeente: string, taken: Iterable<string>): string {
  return uniqueSheetName(`Factsheet ${gemeente}`, taken);
}

// ---------------------------------------------------------------------------------------------
// Text measures
// ---------------------------------------------------------------------------------------------

/**
 * Estimated number of lines of wrapped text in a cell `width` characters wide (Excel units, which are
 * the width of a '0' in the default font; running text averages a little narrower) at `size` points.
 */
export function estimateLines(text: string, width: number, size = 11): number {
  const perLine = Math.max(4, Math.floor((width * 1.15 * 11) / size) - 1);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    // Greedy word wrap.
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter((w) => w !== "")) {
      const w = word.length;
      if (line === 0) line = w;
      else if (line + 1 + w <= perLine) line += 1 + w;
      else {
        count++;
        line = w;
      }
      while (line > perLine) {
        count++;
        line -= perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Height in points of `lines` lines at `size` points, with a little padding. */
export function linesToPoints(lines: number, size = 11): number {
  return Math.ceil(lines * size * 1.3 + 3);
}

/** Dutch thousands separator: 72000 → "72.000". */
export function formatNumberNl(n: number): string {
  const [int, frac] = String(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `,${frac}` : ""}`;
}

function joinDutch(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} en ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// The layout
// ---------------------------------------------------------------------------------------------

export interface FactsheetOptions {
  /** For the theme descriptions under each theme heading. */
  framework?: Framework;
  /** The context of the approach's gemeente (from the Context sheet). */
  context?: GemeenteContext;
  /** Sheet names already in use; the factsheet's name is made unique among them. */
  takenNames?: Iterable<string>;
}

/** Column widths: Criteria | Indicatoren | Bevindingen; about 100 characters fit the width of an A4 page in portrait. */
export const FACTSHEET_COLUMNS = [22, 32, 46];

export function factsheetLayout(result: ApproachResult, options: FactsheetOptions = {}): SheetLayout {
  const widths = FACTSHEET_COLUMNS;
  const full = widths.reduce((a, b) => a + b, 0);
  const last = widths.length - 1;
  const cells: LayoutCell[] = [];
  const merges: LayoutMerge[] = [];
  const heights: number[] = [];
  const breaks: number[] = [];
  let row = 0;

  /** Sets the height of `r` to at least what `text` in `width` needs. */
  const fit = (r: number, text: string, width: number, style: LayoutStyle) => {
    const size = FACTSHEET_STYLES[style].size;
    heights[r] = Math.max(heights[r] ?? 0, linesToPoints(estimateLines(text, width, size), size));
  };
  /** A line across the full width. */
  const line = (value: string, style: LayoutStyle) => {
    cells.push({ row, col: 0, value, style });
    merges.push({ top: row, left: 0, bottom: row, right: last });
    fit(row, value, full, style);
    row++;
  };
  const blank = (points = 8) => {
    heights[row] = points;
    row++;
  };

  const ctx = options.context;
  const approachCtx = ctx
    ? Object.entries(ctx.approaches).find(([name]) => labelKey(name) === labelKey(result.approach))?.[1]
    : undefined;

  line(`Uitkomsten toezichtonderzoek ${result.gemeente}`, "title");
  line(`Aanpak: ${result.approach}`, "subtitle");
  const partners = result.respondents.filter((r) => r.role === "netwerkpartner").map((r) => r.name);
  const gemeenteAnswered = result.respondents.some((r) => r.role === "gemeente");
  const documents = result.respondents.some((r) => r.role === "document");
  const who: string[] = [];
  if (gemeenteAnswered) who.push("de gemeente");
  if (partners.length) who.push(`${partners.length === 1 ? "netwerkpartner" : `${partners.length} netwerkpartners`} (${partners.join(", ")})`);
  line(
    who.length
      ? `Ondervraagd: ${joinDutch(who)}${documents ? "; daarnaast zijn documenten van de gemeente bestudeerd" : ""}.`
      : "Er zijn geen ondervraagden.",
    "meta",
  );
  if (approachCtx?.aantalGezinnen !== undefined) line(`Aantal gezinnen in de aanpak: ${formatNumberNl(approachCtx.aantalGezinnen)}.`, "meta");
  blank();

  if (ctx && (ctx.beschrijving || ctx.inwoners !== undefined || ctx.meerpersoonshuishoudens !== undefined)) {
    line(`Context ${result.gemeente}`, "heading");
    const facts: string[] = [];
    if (ctx.inwoners !== undefined) facts.push(`${formatNumberNl(ctx.inwoners)} inwoners`);
    if (ctx.meerpersoonshuishoudens !== undefined) facts.push(`${formatNumberNl(ctx.meerpersoonshuishoudens)} meerpersoonshuishoudens`);
    if (facts.length) line(`${result.gemeente} heeft ${joinDutch(facts)}${ctx.peildatum ? ` (${ctx.peildatum})` : ""}.`, "text");
    if (ctx.beschrijving) line(ctx.beschrijving, "text");
    blank();
  }
  if (approachCtx?.beschrijving) {
    line("Beschrijving", "heading");
    line(approachCtx.beschrijving, "text");
    blank();
  }

  line("Bevindingen toezichtonderzoek", "heading");
  const themes: { name: string; indicators: IndicatorResult[] }[] = [];
  for (const ind of result.indicators) {
    let t = themes[themes.length - 1];
    if (!t || t.name !== ind.theme) {
      t = { name: ind.theme, indicators: [] };
      themes.push(t);
    }
    t.indicators.push(ind);
  }
  const description = (theme: string) => options.framework?.themes.find((t) => t.name === theme)?.description ?? "";

  for (const theme of themes) {
    breaks.push(row - 1);
    const desc = description(theme.name);
    line(desc ? `${theme.name}: ${desc}` : theme.name, "themeHeading");
    ["Criteria", "Indicatoren", "Bevindingen"].forEach((h, c) => {
      cells.push({ row, col: c, value: h, style: "tableHeader" });
    });
    heights[row] = linesToPoints(1, FACTSHEET_STYLES.tableHeader.size);
    row++;
    let i = 0;
    while (i < theme.indicators.length) {
      const criterion = theme.indicators[i].criterion;
      const start = row;
      while (i < theme.indicators.length && theme.indicators[i].criterion === criterion) {
        const ind = theme.indicators[i];
        cells.push({ row, col: 1, value: ind.text, style: "indicator" });
        cells.push({ row, col: 2, value: ind.finding, style: "finding" });
        fit(row, ind.text, widths[1], "indicator");
        fit(row, ind.finding, widths[2], "finding");
        row++;
        i++;
      }
      cells.push({ row: start, col: 0, value: criterion, style: "criterion" });
      if (row - start > 1) merges.push({ top: start, left: 0, bottom: row - 1, right: 0 });
      // The criterion spans its rows; when it needs more height than they have, the last row grows.
      const need = linesToPoints(estimateLines(criterion, widths[0], FACTSHEET_STYLES.criterion.size), FACTSHEET_STYLES.criterion.size);
      let have = 0;
      for (let r = start; r < row; r++) have += heights[r];
      if (need > have) heights[row - 1] += need - have;
    }
    blank(12);
  }

  breaks.push(row - 1);
  line("Conclusie", "heading");
  for (const c of result.conclusions) {
    line(c.theme, "conclusionTheme");
    line("Wat gaat goed?", "conclusionLabel");
    if (c.good.length === 0) line("–", "bullet");
    for (const g of c.good) line(`•  ${g}`, "bullet");
    line("Wat kan beter?", "conclusionLabel");
    if (c.better.length === 0) line("–", "bullet");
    for (const b of c.better) line(`•  ${b}`, "bullet");
    blank();
  }

  const rowHeights: number[] = [];
  const used = cells.reduce((m, c) => Math.max(m, c.row + 1), 0);
  for (let r = 0; r < used; r++) rowHeights.push(Math.min(MAX_ROW_HEIGHT, heights[r] ?? linesToPoints(1)));
  return {
    name: factsheetSheetName(result.gemeente, options.takenNames ?? []),
    columnWidths: [...widths],
    cells,
    merges,
    rowHeights,
    pageBreakHints: breaks.filter((b) => b > 0),
  };
}
