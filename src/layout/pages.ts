/**
 * Builds a sheet row by row and paginates it at the same time: it knows the height of every row and
 * the printable height of a page, and starts a new page (a manual page break) before a block that
 * would not fit. Sections can name a heading that is repeated at the top of each page they continue
 * on ("Vervolg bevindingen toezichtonderzoek"). Pure: produces the parts of a {@link SheetLayout}.
 */
import { heightForLines, MAX_ROW_HEIGHT, splitToHeight, textHeight } from "./measure";
import type { CellStyle, LayoutCell, LayoutMerge, StyleBook } from "./model";

export class PageBuilder {
  readonly cells: LayoutCell[] = [];
  readonly merges: LayoutMerge[] = [];
  readonly heights: number[] = [];
  readonly breaks: number[] = [];
  /** Height used on the current page, in points. */
  used = 0;
  /** Called at the top of every new page (continuation headings). */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly widths: readonly number[],
    readonly capacity: number,
    readonly book: StyleBook,
  ) {}

  get row(): number {
    return this.heights.length;
  }

  get remaining(): number {
    return this.capacity - this.used;
  }

  fits(height: number): boolean {
    return this.used + height <= this.capacity + 1e-6;
  }

  /** Whether the current page is still empty. */
  get atTop(): boolean {
    return this.used === 0;
  }

  newPage(): void {
    if (this.atTop) return;
    this.breaks.push(this.row);
    this.used = 0;
    this.onNewPage?.();
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (!this.fits(height)) this.newPage();
  }

  addRow(height: number): number {
    this.heights.push(height);
    this.used += height;
    return this.heights.length - 1;
  }

  /** Grows a row already placed (on the current page). */
  grow(row: number, extra: number): void {
    if (extra <= 0) return;
    this.heights[row] += extra;
    this.used += extra;
  }

  cell(row: number, col: number, value: string | number, style: string): void {
    this.cells.push({ row, col, value, style });
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push({ top, left, bottom, right });
  }

  /** Width in character units of columns `left`..`right`. */
  span(left: number, right: number): number {
    let w = 0;
    for (let c = left; c <= right; c++) w += this.widths[c];
    return w;
  }

  style(key: string): CellStyle {
    return this.book.styles[key];
  }

  /** Height a text needs in columns left..right with the style `key`. */
  measure(text: string, key: string, left = 0, right = this.widths.length - 1): number {
    return textHeight(text, this.span(left, right), this.style(key));
  }

  /** Empty space; nothing at the top of a page. */
  gap(points: number): void {
    if (this.atTop || points <= 0) return;
    if (!this.fits(points)) {
      this.newPage();
      return;
    }
    this.addRow(points);
  }

  /**
   * One text across columns left..right (merged), as many rows as Excel's row limit needs; each row
   * moves to a new page when it does not fit. `keepWithNext` is the height that must fit below it
   * (a heading stays with the start of its text).
   */
  text(value: string, key: string, opts: { left?: number; right?: number; keepWithNext?: number; minHeight?: number } = {}): number {
    const left = opts.left ?? 0;
    const right = opts.right ?? this.widths.length - 1;
    const pieces = splitToHeight(value, this.span(left, right), this.style(key));
    let first = -1;
    pieces.forEach((piece, i) => {
      const h = Math.max(opts.minHeight ?? 0, Math.min(MAX_ROW_HEIGHT, this.measure(piece, key, left, right)));
      this.ensure(h + (i === pieces.length - 1 ? (opts.keepWithNext ?? 0) : 0));
      const r = this.addRow(h);
      if (first < 0) first = r;
      this.cell(r, left, piece, key);
      this.merge(r, left, r, right);
    });
    return first;
  }

  /** The height of {@link text} for `value` (for keep-with-next decisions). */
  textHeight(value: string, key: string, left = 0, right = this.widths.length - 1): number {
    return Math.min(MAX_ROW_HEIGHT, this.measure(value, key, left, right));
  }

  /** One line's height at the style's size. */
  lineHeight(key: string): number {
    return heightForLines(1, this.style(key).size);
  }
}
