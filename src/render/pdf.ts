/**
 * Rendering checks (Node only, not part of the add-in): .xlsx → PDF with LibreOffice headless, and
 * the PDF's text, word boxes and page images with poppler-utils (pdftotext, pdftoppm, pdfinfo).
 * Each conversion uses its own LibreOffice profile directory, so parallel runs do not clash.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ConvertOptions {
  /** Default 180 s: the first start of LibreOffice in a fresh profile takes a while. */
  timeoutMs?: number;
}

/** Converts .xlsx files to PDF in `outDir` with one LibreOffice process; returns the PDF paths. */
export async function convertToPdf(files: readonly string[], outDir: string, options: ConvertOptions = {}): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), "stj-lo-profile-"));
  try {
    await run(
      process.env.STJ_SOFFICE ?? "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", outDir, ...files],
      { timeout: options.timeoutMs ?? 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, `${basename(f, extname(f))}.pdf`));
}

export async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run("pdfinfo", [pdf]);
  const m = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!m) throw new Error(`pdfinfo: no page count for ${pdf}`);
  return Number(m[1]);
}

/** The text of each page (pdftotext, reading order). */
export async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-raw", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split("\f");
  if (pages.length > 1 && pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/**
 * Every word with its box (points, origin top-left), per page, in the PDF's drawing order (-raw:
 * LibreOffice draws each cell's text in one go, so a cell's words are consecutive).
 */
export async function pageWords(pdf: string): Promise<{ width: number; height: number; words: Word[] }[]> {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-raw", "-bbox", pdf, "-"], { maxBuffer: 128 * 1024 * 1024 });
  const pages: { width: number; height: number; words: Word[] }[] = [];
  for (const page of stdout.split(/<page /).slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    const words: Word[] = [];
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g))
      words.push({ xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text: unescape(m[5]) });
    pages.push({ width: size ? +size[1] : 0, height: size ? +size[2] : 0, words });
  }
  return pages;
}

/** PNG images of the pages: `<prefix>-1.png`, … (pdftoppm numbers with leading zeros for many pages). */
export async function pdfToPngs(pdf: string, prefix: string, dpi = 80): Promise<void> {
  await run("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix], { timeout: 120_000 });
}

/** Text for comparisons: compatibility forms (ligatures), no soft hyphens, one space between words. */
export function normaliseText(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/\u00ad/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Whether LibreOffice and poppler are installed. */
export async function renderToolsAvailable(): Promise<boolean> {
  try {
    await run(process.env.STJ_SOFFICE ?? "soffice", ["--version"], { timeout: 60_000 });
    await run("pdftotext", ["-v"]);
    return true;
  } catch {
    return false;
  }
}
