/**
 * The factsheet of one gemeente as a layout model, after the published factsheet "Uitkomsten
 * toezichtonderzoek Spijkenisse" (seed 002):
 *
 * title, subtitle and month; the GGSR definition box; the introduction; "Context <Gemeente>" (CBS
 * figures and the context text); then per approach "Aanpak: <naam>" with the netwerkpartners that
 * answered, "Beschrijving", "Bevindingen toezichtonderzoek" with one table per theme
 * (Criteria | Indicatoren | Bevindingen, criteria merged over their indicators) and "Conclusie" with
 * per theme "Wat gaat goed?" / "Wat kan beter?".
 *
 * Pure: the .xlsx writer and the Office.js writer both render the {@link SheetLayout} built here.
 *
 * Two choices follow from Office.js, which can format only whole cells (no bold or colour for part
 * of a cell's text on every host):
 * - the ✓ / ✗ of a finding sits in its own narrow column, coloured (green / red) and as a symbol,
 *   drawn without a border towards the finding so the two read as one cell;
 * - "LET OP: …" notes go on their own row under the finding, in bold, in the same column.
 *
 * Pages: A4 portrait, columns as wide as the printable width (so "fit to page width" never has to
 * shrink), row heights from {@link textHeight}, and manual page breaks wherever the next block does
 * not fit. A theme table that continues on a new page gets "Vervolg bevindingen toezichtonderzoek",
 * its title "(vervolg)" and the header row again; a criterion split by the break is repeated.
 */
import { labelKey, SYMBOL } from "../scoring";
import type { ApproachResult, Framework, GemeenteContext, IndicatorResult, ThemeConclusion, Verdict } from "../scoring";
import { countLines, heightForLines, lineHeight, MAX_ROW_HEIGHT, splitToHeight, textHeight } from "./measure";
import { headerText, printableSize, snapWidth, StyleBook } from "./model";
import type { BorderSpec, CellStyle, PrintSettings, SheetLayout } from "./model";
import { PageBuilder } from "./pages";
import {
  cbsSentence,
  conclusionIntro,
  DEFINITION,
  dutchMonthYear,
  familiesSentence,
  FINDINGS_EXPLANATION,
  findingsIntro,
  HEADINGS,
  INTRODUCTION,
  MINISTRY,
  ORGANISATION,
  respondentsText,
  SUBTITLE,
  TITLE,
} from "./texts";

export { formatNumberNl } from "./texts";

/** Arial: Excel and LibreOffice (Liberation Sans) measure it alike, see measure.ts. */
export const FACTSHEET_FONT = "Arial";

/** Columns: Criteria | Indicatoren | ✓/✗ | Bevindingen, in Excel character units (≈ the A4 printable width). */
export const FACTSHEET_COLUMNS = [17, 25, 3.3, 45.5].map(snapWidth);
const [CRIT, IND, SYM, FIND] = [0, 1, 2, 3];
const LAST = FACTSHEET_COLUMNS.length - 1;

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
 * `base`, made valid and unique among `taken` (case-insensitive, as Excel compares): "Factsheet
 * Emmen", then "Factsheet Emmen (2)"; truncated to 31 characters keeping the suffix.
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
// Styles
// ---------------------------------------------------------------------------------------------

const BLUE = "1F3864";
const GREY = "595959";
const LINE: BorderSpec = { style: "thin", color: "8EA9DB" };
const BOX: BorderSpec = { style: "thin", color: "8EA9DB" };
export const VERDICT_COLOUR: Record<Verdict, string> = { voldoet: "00843D", verbeterpunt: "C00000", onvoldoende: "B7791F" };

type Sides = { top?: boolean; bottom?: boolean; left?: boolean; right?: boolean };
const borders = (s: Sides, spec = LINE): CellStyle["border"] => ({
  ...(s.top ? { top: spec } : {}),
  ...(s.bottom ? { bottom: spec } : {}),
  ...(s.left ? { left: spec } : {}),
  ...(s.right ? { right: spec } : {}),
});
const ALL: Sides = { top: true, bottom: true, left: true, right: true };

/** Remembers the style key per argument list (the style functions are called for every cell). */
function memo<A extends unknown[]>(f: (...args: A) => string): (...args: A) => string {
  const keys = new Map<string, string>();
  return (...args: A) => {
    const k = JSON.stringify(args);
    let v = keys.get(k);
    if (v === undefined) keys.set(k, (v = f(...args)));
    return v;
  };
}

/** The named styles of a factsheet; table cells get their borders per position. */
function factsheetStyles(book: StyleBook) {
  const base = (spec: Omit<CellStyle, "font" | "numberFormat">): CellStyle => ({ font: FACTSHEET_FONT, numberFormat: "@", wrap: true, vertical: "top", horizontal: "left", ...spec });
  const box = (name: string, spec: Omit<CellStyle, "font" | "numberFormat">, first: boolean, last: boolean) =>
    book.add(name, base({ ...spec, fill: "EAF0F9", border: borders({ left: true, right: true, top: first, bottom: last }, BOX) }));
  return {
    brand: book.add("brand", base({ size: 11, bold: true, color: BLUE })),
    ministry: book.add("ministry", base({ size: 9, color: GREY })),
    title: book.add("title", base({ size: 22, bold: true, color: BLUE, vertical: "bottom" })),
    subtitle: book.add("subtitle", base({ size: 12, color: BLUE })),
    date: book.add("date", base({ size: 11, color: GREY })),
    definition: memo((first: boolean, last: boolean) => box("definition", { size: 10, italic: true }, first, last)),
    definitionBullet: memo((first: boolean, last: boolean) => box("definitionBullet", { size: 10 }, first, last)),
    intro: book.add("intro", base({ size: 10, italic: true })),
    heading: book.add("heading", base({ size: 14, bold: true, color: BLUE, vertical: "bottom" })),
    continuation: book.add("continuation", base({ size: 12, bold: true, color: BLUE, vertical: "bottom" })),
    body: book.add("body", base({ size: 10 })),
    italic: book.add("italic", base({ size: 10, italic: true })),
    bullet: book.add("bullet", base({ size: 10 })),
    themeName: book.add("themeName", base({ size: 10, bold: true })),
    themeText: book.add("themeText", base({ size: 10 })),
    tableTitle: book.add("tableTitle", base({ size: 11, bold: true, color: "FFFFFF", fill: BLUE, vertical: "middle", border: borders(ALL, { style: "thin", color: BLUE }) })),
    tableHeader: book.add("tableHeader", base({ size: 10, bold: true, fill: "D9E2F3", vertical: "middle", border: borders(ALL) })),
    criterion: book.add("criterion", base({ size: 10, bold: true, border: borders(ALL) })),
    indicator: book.add("indicator", base({ size: 10, border: borders(ALL) })),
    symbol: memo((v: Verdict) =>
      book.add(`symbol-${v}`, { font: FACTSHEET_FONT, size: 11, bold: true, color: VERDICT_COLOUR[v], wrap: false, vertical: "top", horizontal: "center", numberFormat: "@", border: borders({ top: true, bottom: true, left: true }) })),
    finding: memo((s: Sides) => book.add("finding", base({ size: 10, border: borders({ ...s, right: true }) }))),
    letOp: memo((s: Sides) => book.add("letOp", base({ size: 10, bold: true, border: borders({ ...s, right: true }) }))),
    conclusion: memo((s: Sides) => book.add("conclusion", base({ size: 10, border: borders(s) }))),
  };
}
type Styles = ReturnType<typeof factsheetStyles>;

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

/** A finding split for the table: its verdict symbol, the text, and the LET OP notes ("LET OP: …"). */
export function splitFinding(ind: Pick<IndicatorResult, "finding" | "verdict">): { symbol: string; text: string; notes: string[] } {
  const body = ind.finding.replace(/^\s*[✓✗?Xx](\s+|$)/, "").trim();
  const parts = body.split(/\s*(?=LET OP:)/);
  const text = parts[0].startsWith("LET OP:") ? "" : parts.shift()!.trim();
  return { symbol: SYMBOL[ind.verdict], text, notes: parts.map((p) => p.trim()).filter((p) => p !== "") };
}

// ---------------------------------------------------------------------------------------------
// Options and page geometry
// ---------------------------------------------------------------------------------------------

export interface FactsheetOptions {
  /** For the theme descriptions; default: the themes as the results name them, without descriptions. */
  framework?: Framework;
  /** The gemeente's context (from the Context sheet). */
  context?: GemeenteContext;
  /** Sheet names already in use; the factsheet's name is made unique among them. */
  takenNames?: Iterable<string>;
  /** Month and year on the title page, e.g. "november 2026"; default the current month. */
  month?: string;
}

export const FACTSHEET_PRINT: Omit<PrintSettings, "area" | "header" | "footer"> = {
  orientation: "portrait",
  paper: "A4",
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  firstPageNumber: 1,
};

/** Printable height of a factsheet page minus a safety margin, in points. */
export const FACTSHEET_PAGE_HEIGHT = Math.floor(printableSize({ ...FACTSHEET_PRINT, area: { top: 0, left: 0, bottom: 0, right: 0 }, header: {}, footer: {} }).height) - 12;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Themes in framework order with their indicators (from the results) and descriptions (from the framework). */
function themesOf(result: ApproachResult, fw?: Framework): { name: string; description: string; indicators: IndicatorResult[] }[] {
  const themes: { name: string; description: string; indicators: IndicatorResult[] }[] = [];
  for (const ind of result.indicators) {
    let t = themes.find((x) => x.name === ind.theme);
    if (!t) {
      t = { name: ind.theme, description: fw?.themes.find((x) => x.name === ind.theme)?.description ?? "", indicators: [] };
      themes.push(t);
    }
    t.indicators.push(ind);
  }
  return themes;
}

function approachContext(ctx: GemeenteContext | undefined, approach: string): { beschrijving?: string; aantalGezinnen?: number } | undefined {
  if (!ctx) return undefined;
  const key = labelKey(approach);
  return Object.entries(ctx.approaches).find(([name]) => labelKey(name) === key)?.[1];
}

const paragraphs = (text: string | undefined) =>
  (text ?? "")
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

// ---------------------------------------------------------------------------------------------
// The layout
// ---------------------------------------------------------------------------------------------

/**
 * The factsheet of one gemeente: one result (one approach) or several results of the same gemeente
 * (one "Aanpak" section each, the title page and context once).
 */
export function factsheetLayout(input: ApproachResult | readonly ApproachResult[], options: FactsheetOptions = {}): SheetLayout {
  const results = Array.isArray(input) ? (input as readonly ApproachResult[]) : [input as ApproachResult];
  if (results.length === 0) throw new Error("factsheetLayout: no results");
  const gemeente = results[0].gemeente;
  const book = new StyleBook();
  const S = factsheetStyles(book);
  const p = new PageBuilder(FACTSHEET_COLUMNS, FACTSHEET_PAGE_HEIGHT, book);
  const month = capitalise(options.month ?? dutchMonthYear(new Date()));

  // Title page.
  p.text(ORGANISATION, S.brand);
  p.text(MINISTRY, S.ministry);
  p.gap(30);
  p.text(`${TITLE} ${gemeente}`, S.title, { minHeight: 34 });
  p.gap(4);
  p.text(SUBTITLE, S.subtitle);
  p.gap(4);
  p.text(month, S.date);
  p.gap(16);
  definitionBox(p, S);
  p.gap(12);
  for (const para of INTRODUCTION) {
    p.text(para, S.intro);
    p.gap(5);
  }

  // Context.
  p.gap(10);
  const ctx = options.context;
  const contextTexts = [...(ctx ? [cbsSentence(gemeente, ctx)] : []), ...paragraphs(ctx?.beschrijving)].filter((t): t is string => !!t);
  heading(p, S, `Context ${gemeente}`, contextTexts[0]);
  if (contextTexts.length === 0) p.text("Er zijn geen contextgegevens van deze gemeente aangeleverd (blad Context).", S.italic);
  for (const t of contextTexts) {
    p.text(t, S.body);
    p.gap(5);
  }

  results.forEach((result, i) => {
    if (i > 0) p.newPage();
    else p.gap(10);
    approachSection(p, S, result, options, results.length > 1);
  });

  const rows = p.heights.length;
  const name = factsheetSheetName(gemeente, options.takenNames ?? []);
  return {
    kind: "factsheet",
    name,
    gemeente,
    columnWidths: [...FACTSHEET_COLUMNS],
    rowHeights: p.heights.map((h) => Math.round(h * 100) / 100),
    styles: book.styles,
    cells: p.cells,
    merges: p.merges,
    pageBreaks: p.breaks,
    print: {
      ...FACTSHEET_PRINT,
      area: { top: 0, left: 0, bottom: rows - 1, right: LAST },
      header: { left: `&"Arial,Regular"&8${ORGANISATION}`, right: `&"Arial,Regular"&8${headerText(`${TITLE} ${gemeente}`)}` },
      footer: { left: `&"Arial,Regular"&8${headerText(month)}`, right: '&"Arial,Regular"&8Pagina &P van &N' },
    },
    showGridLines: false,
    conditionalFormats: [],
    charts: [],
  };
}

function heading(p: PageBuilder, S: Styles, text: string, next?: string, key = S.heading): void {
  const nextHeight = next ? Math.min(p.textHeight(next, S.body), 4 * lineHeight(10)) : 0;
  p.text(text, key, { keepWithNext: nextHeight, minHeight: 24 });
  p.gap(3);
}

function definitionBox(p: PageBuilder, S: Styles): void {
  const items = [...DEFINITION.paragraphs.map((t) => ({ t, bullet: false })), ...DEFINITION.bullets.map((t) => ({ t: `•  ${t}`, bullet: true }))];
  // Paragraphs get a little space below them, and the box some padding at the bottom.
  const heights = items.map((it, i) => p.textHeight(it.t, (it.bullet ? S.definitionBullet : S.definition)(i === 0, i === items.length - 1)) + (!it.bullet ? 5 : i === items.length - 1 ? 5 : 0));
  p.ensure(heights.reduce((a, b) => a + b, 0));
  items.forEach((it, i) => {
    const key = (it.bullet ? S.definitionBullet : S.definition)(i === 0, i === items.length - 1);
    const r = p.addRow(heights[i]);
    p.cell(r, 0, it.t, key);
    p.merge(r, 0, r, LAST);
  });
}

function approachSection(p: PageBuilder, S: Styles, result: ApproachResult, options: FactsheetOptions, several: boolean): void {
  const partners = result.respondents.filter((r) => r.role === "netwerkpartner").map((r) => r.name);
  const who = respondentsText({
    gemeente: result.respondents.some((r) => r.role === "gemeente"),
    documents: result.respondents.some((r) => r.role === "document"),
    partners: partners.length,
  });
  heading(p, S, `Aanpak: ${result.approach}`, who.before);
  p.text(who.before, S.italic);
  p.gap(3);
  for (const name of partners) p.text(`•  ${name}`, S.bullet);
  p.gap(3);
  p.text(who.after, S.italic);
  p.gap(10);

  const actx = approachContext(options.context, result.approach);
  const description = paragraphs(actx?.beschrijving);
  if (actx?.aantalGezinnen !== undefined && !description.some((d) => d.includes(String(actx.aantalGezinnen)))) description.push(familiesSentence(actx.aantalGezinnen));
  if (description.length === 0) description.push("Er is geen beschrijving van deze aanpak aangeleverd (blad Context).");
  heading(p, S, HEADINGS.beschrijving, description[0]);
  for (const d of description) {
    p.text(d, S.body);
    p.gap(5);
  }
  p.gap(8);

  // Bevindingen.
  const themes = themesOf(result, options.framework);
  const intro = findingsIntro(result.approach, themes.length);
  heading(p, S, HEADINGS.bevindingen, intro);
  p.text(intro, S.body);
  p.gap(4);
  for (const t of themes) {
    const name = `${t.name}:`;
    const h = Math.max(p.textHeight(name, S.themeName, 0, 0), p.textHeight(t.description || " ", S.themeText, 1, LAST));
    p.ensure(h);
    const r = p.addRow(h);
    p.cell(r, 0, name, S.themeName);
    if (t.description) p.cell(r, 1, t.description, S.themeText);
    p.merge(r, 1, r, LAST);
  }
  p.gap(4);
  p.text(FINDINGS_EXPLANATION, S.body);
  p.gap(10);

  p.onNewPage = () => {
    p.text(HEADINGS.vervolgBevindingen, S.continuation, { minHeight: 22 });
    p.gap(6);
  };
  themes.forEach((t, i) => {
    themeTable(p, S, t.name, t.indicators);
    if (i < themes.length - 1) p.gap(14);
  });
  p.onNewPage = null;

  // Conclusie.
  p.gap(16);
  const cIntro = conclusionIntro(result.gemeente, themes.length);
  heading(p, S, several ? `${HEADINGS.conclusie}: ${result.approach}` : HEADINGS.conclusie, cIntro);
  p.text(cIntro, S.body);
  p.gap(10);
  p.onNewPage = () => {
    p.text(HEADINGS.vervolgConclusie, S.continuation, { minHeight: 22 });
    p.gap(6);
  };
  result.conclusions.forEach((c, i) => {
    conclusionTable(p, S, c);
    if (i < result.conclusions.length - 1) p.gap(12);
  });
  p.onNewPage = null;
}

// ---------------------------------------------------------------------------------------------
// Theme tables
// ---------------------------------------------------------------------------------------------

interface Unit {
  ind: IndicatorResult;
  /** Row heights: the finding (one or more rows for very long texts), then the LET OP row if any. */
  heights: number[];
  findingPieces: string[];
  notes: string;
  verdict: Verdict;
  total: number;
}

function indicatorUnit(ind: IndicatorResult): Unit {
  const { text, notes } = splitFinding(ind);
  const notesText = notes.join("\n");
  const findStyle = { size: 10 };
  const pieces = text === "" && notes.length ? [] : splitToHeight(text, FACTSHEET_COLUMNS[FIND], findStyle);
  const heights = pieces.map((piece) => Math.min(MAX_ROW_HEIGHT, textHeight(piece, FACTSHEET_COLUMNS[FIND], findStyle)));
  if (notes.length) heights.push(Math.min(MAX_ROW_HEIGHT, textHeight(notesText, FACTSHEET_COLUMNS[FIND], { size: 10, bold: true })));
  // The indicator text and the symbol span all rows of the unit; the last row grows when they need
  // more (so a LET OP note stays right under its finding).
  const need = Math.max(textHeight(ind.text, FACTSHEET_COLUMNS[IND], { size: 10 }), heightForLines(1, 11));
  const have = heights.reduce((a, b) => a + b, 0);
  const last = heights.length - 1;
  if (need > have) heights[last] = Math.min(MAX_ROW_HEIGHT, heights[last] + need - have);
  return { ind, heights, findingPieces: pieces, notes: notesText, verdict: ind.verdict, total: heights.reduce((a, b) => a + b, 0) };
}

function tableTitle(p: PageBuilder, S: Styles, title: string, header: "findings" | "conclusion"): void {
  const r = p.addRow(heightForLines(1, 11) + 3);
  p.cell(r, 0, title, S.tableTitle);
  p.merge(r, 0, r, LAST);
  const h = p.addRow(heightForLines(1, 10) + 3);
  if (header === "findings") {
    p.cell(h, CRIT, HEADINGS.table[0], S.tableHeader);
    p.cell(h, IND, HEADINGS.table[1], S.tableHeader);
    p.cell(h, SYM, HEADINGS.table[2], S.tableHeader);
    p.merge(h, SYM, h, FIND);
  } else {
    p.cell(h, 0, HEADINGS.good, S.tableHeader);
    p.merge(h, 0, h, 1);
    p.cell(h, 2, HEADINGS.better, S.tableHeader);
    p.merge(h, 2, h, LAST);
  }
}

const titleHeight = () => heightForLines(1, 11) + 3 + heightForLines(1, 10) + 3;

function themeTable(p: PageBuilder, S: Styles, theme: string, indicators: IndicatorResult[]): void {
  const units = indicators.map((ind) => indicatorUnit(ind));
  const critHeight = (name: string) => textHeight(name, FACTSHEET_COLUMNS[CRIT], { size: 10, bold: true });
  const whole = titleHeight() + units.reduce((a, u) => a + u.total, 0);
  const continuationHeight = heightForLines(1, 12) + 10 + 6;
  // A table that fits on one page is not split: it moves to the next page when it does not fit here
  // (as in the seed). A longer table starts here when at least its first indicator fits.
  const firstNeed = titleHeight() + units[0].total;
  if (!p.fits(firstNeed) || (!p.fits(whole) && whole <= p.capacity - continuationHeight)) p.newPage();
  tableTitle(p, S, theme, "findings");

  let segment: { name: string; top: number; height: number } | null = null;
  const closeSegment = () => {
    if (!segment) return;
    const bottom = p.row - 1;
    const need = critHeight(segment.name);
    if (need > segment.height) p.grow(bottom, need - segment.height);
    p.cell(segment.top, CRIT, segment.name, S.criterion);
    p.merge(segment.top, CRIT, bottom, CRIT);
    segment = null;
  };

  for (const u of units) {
    const criterion = u.ind.criterion;
    const continuing = segment !== null && segment.name === criterion;
    const deficit = Math.max(0, critHeight(criterion) - (continuing ? segment!.height : 0) - u.total);
    if (!p.fits(u.total + deficit)) {
      closeSegment();
      p.newPage();
      tableTitle(p, S, `${theme} (vervolg)`, "findings");
    } else if (!continuing) closeSegment();
    if (!segment) segment = { name: criterion, top: p.row, height: 0 };
    placeUnit(p, S, u);
    segment.height += u.total;
  }
  closeSegment();
}

function placeUnit(p: PageBuilder, S: Styles, u: Unit): void {
  const top = p.row;
  u.heights.forEach((h) => p.addRow(h));
  const bottom = p.row - 1;
  p.cell(top, IND, u.ind.text, S.indicator);
  p.merge(top, IND, bottom, IND);
  p.cell(top, SYM, SYMBOL[u.verdict], S.symbol(u.verdict));
  p.merge(top, SYM, bottom, SYM);
  const hasNotes = u.notes !== "";
  u.findingPieces.forEach((piece, i) => {
    const last = i === u.findingPieces.length - 1 && !hasNotes;
    p.cell(top + i, FIND, piece, S.finding({ top: i === 0, bottom: last }));
  });
  if (hasNotes) p.cell(bottom, FIND, u.notes, S.letOp({ top: u.findingPieces.length === 0, bottom: true }));
}

// ---------------------------------------------------------------------------------------------
// Conclusion tables
// ---------------------------------------------------------------------------------------------

/** Bullets grouped into pieces whose text fits in `maxHeight` points in a column `width` wide (lines add up per bullet). */
function bulletPieces(items: readonly string[], width: number, maxHeight: number): string[] {
  const pieces: string[] = [];
  const maxLines = Math.max(1, Math.floor((maxHeight - 3) / lineHeight(10)));
  let current: string[] = [];
  let lines = 0;
  for (const item of items.map((t) => `•  ${t}`)) {
    const n = countLines(item, width, { size: 10 });
    if (current.length > 0 && lines + n > maxLines) {
      pieces.push(current.join("\n"));
      current = [];
      lines = 0;
    }
    current.push(item);
    lines += n;
  }
  if (current.length > 0) pieces.push(current.join("\n"));
  return pieces;
}

/**
 * "Wat gaat goed?" | "Wat kan beter?" for one theme: each column one cell of bullets (more rows only
 * for long lists, so a page break can fall between them).
 */
function conclusionTable(p: PageBuilder, S: Styles, c: ThemeConclusion): void {
  const leftW = FACTSHEET_COLUMNS[0] + FACTSHEET_COLUMNS[1];
  const rightW = FACTSHEET_COLUMNS[2] + FACTSHEET_COLUMNS[3];
  const limit = 380;
  const good = bulletPieces(c.good, leftW, limit);
  const better = bulletPieces(c.better, rightW, limit);
  const n = Math.max(1, good.length, better.length);
  const rows = Array.from({ length: n }, (_, i) => {
    const g = good[i] ?? "";
    const b = better[i] ?? "";
    return { good: g, better: b, height: Math.min(MAX_ROW_HEIGHT, Math.max(textHeight(g, leftW, { size: 10 }), textHeight(b, rightW, { size: 10 })) + 3) };
  });
  const whole = titleHeight() + rows.reduce((a, r) => a + r.height, 0);
  if (!p.fits(titleHeight() + rows[0].height) || (!p.fits(whole) && whole <= p.capacity - 40)) p.newPage();
  tableTitle(p, S, c.theme, "conclusion");
  rows.forEach((row, i) => {
    if (!p.fits(row.height)) {
      p.newPage();
      tableTitle(p, S, `${c.theme} (vervolg)`, "conclusion");
    }
    const r = p.addRow(row.height);
    const last = i === n - 1 || !p.fits(rows[i + 1].height);
    const key = S.conclusion({ left: true, right: true, top: i === 0, bottom: last });
    p.cell(r, 0, row.good, key);
    p.merge(r, 0, r, 1);
    p.cell(r, 2, row.better, key);
    p.merge(r, 2, r, LAST);
  });
}
