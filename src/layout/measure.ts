/**
 * A small text-measuring heuristic for wrapped cells: how many lines a text takes in a column of a
 * given width, and so how tall its row must be. Excel does not auto-fit rows with merged or (when
 * written by a program) wrapped cells, so the layout sets every row height itself.
 *
 * The factsheet font is Arial: Excel and LibreOffice (which uses the metric-compatible Liberation
 * Sans) then agree on both the width of the text and the distance between lines (1.117 em). With
 * Calibri they do not: LibreOffice sets Carlito lines 1.0 em apart, Excel 1.22 em.
 *
 * Widths are the advance widths of Liberation Sans (= Arial), in 1/1000 em, for printable ASCII
 * (italic has the same widths; bold separately). Other letters are measured as their base letter
 * (é as e); unknown characters as a wide 0.6 em, symbols such as ✓ and ✗ (taken from a fallback
 * font) as 0.8 em. Lines break at spaces only (Excel and LibreOffice may also break after hyphens,
 * which only makes them need fewer lines than estimated).
 *
 * Heights use Excel's line pitch: Arial's win ascent + descent (1.117 em), rounded up to whole
 * pixels at 96 dpi.
 */
import { charsToPoints } from "./model";
import type { CellStyle } from "./model";

const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
  584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
  500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584,
  584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
  278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556,
  500, 389, 280, 389, 584,
];
const EXTRA: Record<string, number> = {
  "–": 556,
  "—": 1000,
  "‘": 278,
  "’": 278,
  "“": 500,
  "”": 500,
  "„": 500,
  "…": 1000,
  "•": 350,
  "€": 556,
  "°": 400,
  "×": 584,
  "·": 333,
  "«": 556,
  "»": 556,
  "\u00a0": 278,
};
const SYMBOLS = /[\u2190-\u2bff]/;

/** Multiplier on measured widths: Excel on Windows rounds glyphs to whole pixels, which mostly widens text. */
export const WIDTH_SAFETY = 1.04;
/** Space in points between a cell's border and its text, each side. */
export const CELL_PADDING = 2.25;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

const widthCache = new Map<string, number>();

/** Advance width of one character in 1/1000 em. */
export function charWidth(ch: string, bold = false): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32];
  const known = EXTRA[ch];
  if (known !== undefined) return known;
  const key = `${bold ? "b" : "r"}${ch}`;
  const hit = widthCache.get(key);
  if (hit !== undefined) return hit;
  const base = ch.normalize("NFD").charAt(0);
  const w = base !== ch && base.charCodeAt(0) < 127 && base.charCodeAt(0) >= 32 ? charWidth(base, bold) : SYMBOLS.test(ch) ? 800 : 600;
  widthCache.set(key, w);
  return w;
}

/** Width of `text` in points at `size` points (without the safety margin). */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch, bold);
  return (units * size) / 1000;
}

/** The usable text width in points of a cell `widthChars` character units wide. */
export function innerWidth(widthChars: number): number {
  return charsToPoints(widthChars) - 2 * CELL_PADDING;
}

/**
 * The lines `text` wraps into in a box `width` points wide: greedy, breaking at spaces; a word longer
 * than a line is broken between characters (as Excel does). Line breaks in the text are kept.
 */
export function wrapLines(text: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  const space = (charWidth(" ", bold) * size * WIDTH_SAFETY) / 1000;
  const measure = (s: string) => textWidth(s, size, bold) * WIDTH_SAFETY;
  for (const para of text.split(/\r\n|\r|\n/)) {
    let line = "";
    let used = 0;
    for (const word of para.split(/ +/).filter((w) => w !== "")) {
      let w = measure(word);
      if (line !== "" && used + space + w <= width) {
        line += ` ${word}`;
        used += space + w;
        continue;
      }
      if (line !== "") lines.push(line);
      line = word;
      used = w;
      // A word wider than the line: break it between characters.
      while (used > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
        w = measure(line);
        used = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Excel's distance between wrapped lines of Arial at `size` points: 1.117 em, rounded up to whole pixels. */
export function lineHeight(size: number): number {
  return Math.ceil((size * 1.1172) / 0.75 - 1e-9) * 0.75;
}

/** Row height in points for `lines` lines at `size` points, with padding; at most {@link MAX_ROW_HEIGHT}. */
export function heightForLines(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, lines * lineHeight(size) + 3);
}

const lineCache = new Map<string, number>();
/** Characters of the keys in {@link lineCache}: it is emptied beyond {@link LINE_CACHE_CHARS}. */
let lineCacheChars = 0;
/**
 * About 4 MB of keys. Bounded by characters, not entries: findings run to hundreds of characters,
 * and 50,000 of them kept a national batch's heap growing by some 15 KB per gemeente.
 */
const LINE_CACHE_CHARS = 2_000_000;

/** Number of lines `text` takes in a cell `widthChars` wide with this style (remembered: texts repeat). */
export function countLines(text: string, widthChars: number, style: Pick<CellStyle, "size" | "bold">): number {
  if (text === "") return 1;
  const key = `${style.size}|${style.bold ? 1 : 0}|${widthChars}|${text}`;
  const hit = lineCache.get(key);
  if (hit !== undefined) return hit;
  const n = wrapLines(text, innerWidth(widthChars), style.size, style.bold ?? false).length;
  if (lineCacheChars + key.length > LINE_CACHE_CHARS) {
    lineCache.clear();
    lineCacheChars = 0;
  }
  lineCache.set(key, n);
  lineCacheChars += key.length;
  return n;
}

/** The height in points a cell `widthChars` wide needs to show `text` in full (uncapped). */
export function textHeight(text: string, widthChars: number, style: Pick<CellStyle, "size" | "bold">): number {
  return countLines(text, widthChars, style) * lineHeight(style.size) + 3;
}

/**
 * Splits `text` into pieces that each fit in a cell `widthChars` wide and at most `maxHeight` points
 * tall (for texts longer than Excel's largest row). Pieces break between estimated lines and are
 * joined by spaces (a line break inside a long text may become a space).
 */
export function splitToHeight(text: string, widthChars: number, style: Pick<CellStyle, "size" | "bold">, maxHeight = MAX_ROW_HEIGHT): string[] {
  const perPiece = Math.max(1, Math.floor((maxHeight - 3) / lineHeight(style.size)));
  if (countLines(text, widthChars, style) <= perPiece) return [text];
  const lines = wrapLines(text, innerWidth(widthChars), style.size, style.bold ?? false);
  const pieces: string[] = [];
  for (let i = 0; i < lines.length; i += perPiece) pieces.push(lines.slice(i, i + perPiece).join(" "));
  return pieces;
}
