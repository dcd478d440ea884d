/**
 * A plain-text progress bar on stderr. On a terminal it redraws one line in place ("\r", at most
 * ten times a second); otherwise (a log file, CI) it writes a line at every 10%.
 *
 *   [############............]  50%  200/400 gemeenten  (6 s)
 */

export interface ProgressOptions {
  total: number;
  write: (text: string) => void;
  tty: boolean;
  /** What is counted, plural: "gemeenten". */
  unit: string;
  /** Characters in the bar. */
  width?: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

export class Progress {
  private done = 0;
  private lastDecile = 0;
  private lastDraw = -Infinity;
  private readonly started: number;
  private readonly now: () => number;
  private lastLength = 0;

  constructor(private readonly o: ProgressOptions) {
    this.now = o.now ?? (() => Date.now());
    this.started = this.now();
    if (o.tty) this.draw();
  }

  /** The bar as text for `done` of `total`. */
  static bar(done: number, total: number, width = 24): string {
    const frac = total > 0 ? Math.min(1, done / total) : 1;
    const filled = Math.round(frac * width);
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
  }

  private line(): string {
    const { total, unit } = this.o;
    const pct = total > 0 ? Math.floor((this.done * 100) / total) : 100;
    const secs = Math.round((this.now() - this.started) / 1000);
    return `${Progress.bar(this.done, total, this.o.width)} ${String(pct).padStart(3)}%  ${this.done}/${total} ${unit}  (${secs} s)`;
  }

  private draw(): void {
    const text = this.line();
    // Pad with spaces over a longer previous line; no terminal control codes needed.
    this.o.write(`\r${text}${" ".repeat(Math.max(0, this.lastLength - text.length))}`);
    this.lastLength = text.length;
    this.lastDraw = this.now();
  }

  /** One more item done. */
  tick(n = 1): void {
    this.done = Math.min(this.o.total, this.done + n);
    if (this.o.tty) {
      if (this.done === this.o.total || this.now() - this.lastDraw >= 100) this.draw();
      return;
    }
    const decile = this.o.total > 0 ? Math.floor((this.done * 10) / this.o.total) : 10;
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.o.write(`${this.line()}\n`);
    }
  }

  /** Ends the bar (a newline on a terminal). */
  finish(): void {
    if (this.o.tty) {
      this.draw();
      this.o.write("\n");
    } else if (this.lastDecile < 10) {
      this.lastDecile = 10;
      this.o.write(`${this.line()}\n`);
    }
  }
}
