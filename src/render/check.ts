/**
 * Checks a rendered layout against the layout model, from the word boxes of its PDF (pdf.ts):
 * every text cell must be found (its words consecutive, on one page) and its text must not be
 * taller than the cell — text that LibreOffice wraps into more lines than the row heights allow is
 * drawn past the cell's bottom and cut off in print (the PDF still contains it, clipped).
 */
import type { SheetLayout } from "../layout/model";
import { normaliseText } from "./pdf";
import type { Word } from "./pdf";

export interface CellCheck {
  row: number;
  col: number;
  text: string;
  /** 1-based page, or null when the text was not found. */
  page: number | null;
  /** Height of the drawn text and of the cell, in points. */
  textHeight: number;
  cellHeight: number;
}

export interface LayoutCheck {
  cells: CellCheck[];
  missing: CellCheck[];
  cut: CellCheck[];
}

/**
 * Text as compared: no spaces, and no symbols such as ✓ and ✗ (LibreOffice draws them from a
 * fallback font, as a separate run, so they come out of the PDF away from their words).
 */
const squash = (s: string) => normaliseText(s).replace(/[\s\u2190-\u2bff]/g, "");

/**
 * Finds each text cell of `layout` in `pages` and compares the height of its words with the cell's
 * height (the rows it spans) times `scale` (the print scale; 1 when the columns fit the page).
 * `tolerance` absorbs the font's box being a little taller than its line pitch.
 */
export function checkLayout(layout: SheetLayout, pages: readonly { words: readonly Word[] }[], options: { scale?: number; tolerance?: number } = {}): LayoutCheck {
  const scale = options.scale ?? 1;
  const tolerance = options.tolerance ?? 1;
  // All words in drawing order, squashed into one string; `owner[i]` is the word of character i.
  const words: { word: Word; page: number }[] = [];
  let stream = "";
  const owner: number[] = [];
  pages.forEach((p, pi) =>
    p.words.forEach((w) => {
      const t = squash(w.text);
      words.push({ word: w, page: pi + 1 });
      stream += t;
      for (let k = 0; k < t.length; k++) owner.push(words.length - 1);
    }),
  );
  const used = new Uint8Array(stream.length);
  const merges = new Map(layout.merges.map((m) => [`${m.top},${m.left}`, m]));

  const cells: CellCheck[] = [];
  // Longest texts first, so a short text ("Wat kan beter?") cannot take the words of a long one.
  const texts = layout.cells.filter((c) => typeof c.value === "string" && squash(c.value) !== "").sort((a, b) => String(b.value).length - String(a.value).length);
  for (const c of texts) {
    const want = squash(String(c.value));
    const m = merges.get(`${c.row},${c.col}`);
    const rows = m ? layout.rowHeights.slice(m.top, m.bottom + 1) : [layout.rowHeights[c.row]];
    const cellHeight = rows.reduce((a, b) => a + b, 0) * scale;
    const check: CellCheck = { row: c.row, col: c.col, text: String(c.value), page: null, textHeight: 0, cellHeight };
    for (let at = stream.indexOf(want); at >= 0; at = stream.indexOf(want, at + 1)) {
      const end = at + want.length;
      if (used.subarray(at, end).some((u) => u === 1)) continue;
      const ws = [...new Set(owner.slice(at, end))].map((i) => words[i]);
      if (ws.some((w) => w.page !== ws[0].page)) continue;
      used.fill(1, at, end);
      check.page = ws[0].page;
      check.textHeight = Math.max(...ws.map((w) => w.word.yMax)) - Math.min(...ws.map((w) => w.word.yMin));
      break;
    }
    cells.push(check);
  }
  return {
    cells,
    missing: cells.filter((c) => c.page === null),
    cut: cells.filter((c) => c.page !== null && c.textHeight > c.cellHeight + tolerance),
  };
}
