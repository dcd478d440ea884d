/**
 * Helpers for the share-copy tests: the example study with planted markers, reading a share copy
 * back in every way (ExcelJS cells, notes, names, properties; every raw XML part through JSZip) and
 * LibreOffice conversions with a private profile.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { ggsr2013, indicatorPlaces, KEY_COLUMNS, overridesToSheet } from "../../src/scoring";
import type { CellValue, Override } from "../../src/scoring";
import { unescapeXml } from "../../src/share";

export interface PlantedStudy {
  answers: CellValue[][];
  context: CellValue[][];
  overrides: CellValue[][];
  /** Names of people: the gemeente's respondent and the documents row, and the analyst. Never in a share copy. */
  persons: string[];
  /** Netwerkpartner organisation names: only in a share copy made with --met-namen. */
  partners: Map<string, string[]>;
  /** Free text (toelichting) per gemeente: only in the Toelichting sheet of that gemeente with --met-toelichting. */
  markers: Map<string, string[]>;
  /** Markers that never appear, not even with --met-toelichting (override reasons and authors). */
  internal: string[];
}

/** Columns of toelichting planted for every respondent. */
export const NOTE_CODES = ["TL1", "GC2", "AP9", "SW6", "CO3"];

/**
 * The example study (Emmen, Oosterhout, Spijkenisse) with every respondent renamed to a unique
 * marker — "PERSOON-<n>" for the gemeente's respondent and the documents row, "NWPARTNER-<n>" for
 * netwerkpartners — a toelichting "LEAK-MARKER-<n>" on five indicators for every respondent, and
 * overrides whose reason and author are markers too.
 */
export function plantedStudy(rows: CellValue[][] = exampleAnswerRows(ggsr2013), prefix = ""): PlantedStudy {
  const header = [...rows[0], ...NOTE_CODES.map((c) => `${c}_toelichting`).filter((h) => !rows[0].includes(h))];
  const col = (name: string) => header.indexOf(name);
  const persons: string[] = [];
  const partners = new Map<string, string[]>();
  const markers = new Map<string, string[]>();
  let n = 0;
  const answers: CellValue[][] = [header];
  for (const r of rows.slice(1)) {
    const row = [...r];
    while (row.length < header.length) row.push(null);
    n++;
    const role = String(row[col("Rol")]);
    const gemeente = String(row[col("Gemeente")]);
    if (role === "netwerkpartner") {
      const name = `NWPARTNER-${prefix}${n}Z`;
      row[col("Respondent")] = name;
      partners.set(gemeente, [...(partners.get(gemeente) ?? []), name]);
    } else {
      const name = `PERSOON-${prefix}${n}Z`;
      row[col("Respondent")] = name;
      persons.push(name);
    }
    for (const code of NOTE_CODES) {
      const m = `LEAK-MARKER-${prefix}${n}-${code}Z`;
      row[col(`${code}_toelichting`)] = `Toelichting ${m}: zie het gesprek met PERSOON-X${prefix}${n}Z.`;
      markers.set(gemeente, [...(markers.get(gemeente) ?? []), m, `PERSOON-X${prefix}${n}Z`]);
    }
    answers.push(row);
  }
  const gemeenten = [...new Set(answers.slice(1).map((r) => String(r[col("Gemeente")])))];
  const approachOf = new Map(answers.slice(1).map((r) => [String(r[col("Gemeente")]), String(r[col("Aanpak")])]));
  const internal: string[] = [];
  const overrides: Override[] = gemeenten.map((g, i) => {
    const reason = `LEAK-MARKER-REDEN-${prefix}${i}Z`;
    const author = `PERSOON-ANALIST-${prefix}${i}Z`;
    internal.push(reason, author);
    return { gemeente: g, approach: approachOf.get(g)!, indicator: indicatorPlaces(ggsr2013)[i % 30].indicator.code, verdict: "voldoet", reason, author, date: "2024-03-01" };
  });
  persons.push(...internal.filter((s) => s.startsWith("PERSOON")));
  return { answers, context: exampleContextRows(), overrides: overridesToSheet(overrides), persons, partners, markers, internal };
}

export const KEY_HEADER = [...KEY_COLUMNS];

/** Every cell value of every sheet, as text, with the cell's type. */
export interface CellDump {
  sheet: string;
  address: string;
  type: ExcelJS.ValueType;
  text: string;
}

export function dumpCells(wb: ExcelJS.Workbook): CellDump[] {
  const out: CellDump[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        const text = v === null || v === undefined ? "" : typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : String(v);
        out.push({ sheet: ws.name, address: cell.address, type: cell.type, text });
      }),
    );
  }
  return out;
}

/** The raw text of every part of an .xlsx (XML parts; binary parts as their length). */
export async function zipParts(bytes: Uint8Array | Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [path, f] of Object.entries(zip.files)) if (!f.dir) parts.set(path, /\.(xml|rels|vml)$/i.test(path) ? await f.async("string") : `<binary ${path}>`);
  return parts;
}

/**
 * Reads a share copy back in every way and returns every problem found (empty = clean):
 * ExcelJS (every cell of every sheet, notes, formulas, sheet state, defined names, validations,
 * protection, document properties) and JSZip (every part's raw and unescaped XML).
 */
export async function leakProblems(bytes: Buffer, o: { forbidden: readonly string[]; title: string; date?: Date; requireProtection?: boolean }): Promise<string[]> {
  const problems: string[] = [];
  const hit = (where: string, text: string) => {
    for (const s of o.forbidden) if (text.includes(s)) problems.push(`${where}: contains ${s}`);
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const c of dumpCells(wb)) {
    hit(`${c.sheet}!${c.address}`, c.text);
    if (c.type === ExcelJS.ValueType.Formula) problems.push(`${c.sheet}!${c.address}: formula ${c.text}`);
  }
  for (const ws of wb.worksheets) {
    hit(`sheet name`, ws.name);
    if (ws.state !== "visible") problems.push(`${ws.name}: state ${ws.state}`);
    ws.eachRow({ includeEmpty: true }, (row) => {
      if (row.hidden) problems.push(`${ws.name}: row ${row.number} hidden`);
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.note !== undefined) problems.push(`${ws.name}!${cell.address}: note`);
        if (cell.dataValidation) problems.push(`${ws.name}!${cell.address}: data validation`);
      });
    });
    if (o.requireProtection !== false && !(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet) problems.push(`${ws.name}: not protected`);
    hit(`${ws.name} header/footer`, JSON.stringify(ws.headerFooter ?? {}));
  }
  const names = (wb.definedNames as unknown as { model: unknown[] }).model;
  if (names.length > 0) problems.push(`defined names: ${JSON.stringify(names)}`);
  for (const key of ["creator", "lastModifiedBy", "company", "manager", "title", "subject", "keywords", "description", "category"] as const) {
    hit(`property ${key}`, String(wb[key] ?? ""));
  }
  if (wb.title !== o.title) problems.push(`title is ${wb.title}`);
  if (wb.company) problems.push(`company is ${wb.company}`);
  if (wb.manager) problems.push(`manager is ${wb.manager}`);
  for (const who of [wb.creator, wb.lastModifiedBy]) if (who && who !== "STJ Toets") problems.push(`author is ${who}`);
  if (o.date) {
    for (const d of [wb.created, wb.modified]) if (!d || Math.abs(d.getTime() - o.date.getTime()) > 1000) problems.push(`date is ${d?.toISOString()}`);
  }

  const parts = await zipParts(bytes);
  for (const [path, xml] of parts) {
    hit(path, xml);
    hit(`${path} (unescaped)`, unescapeXml(xml));
    if (/<(\w+:)?f[\s>/]/.test(xml)) problems.push(`${path}: <f> element`);
    if (/comments|threadedComment|\.vml$|externalLink|customXml|custom\.xml|vbaProject|connections/i.test(path)) problems.push(`${path}: forbidden part`);
    if (/<(\w+:)?definedName[\s>]/.test(xml)) problems.push(`${path}: definedName`);
    if (/<(\w+:)?sheet\b[^>]*state="(hidden|veryHidden)"/.test(xml)) problems.push(`${path}: hidden sheet`);
  }
  for (const p of ["docProps/core.xml", "docProps/app.xml"]) if (!parts.has(p)) problems.push(`${p} missing`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice
// ---------------------------------------------------------------------------------------------

/**
 * Converts files with LibreOffice (headless, a private profile so parallel runs and a user's own
 * LibreOffice never interfere). Returns the paths of the converted files, in the order given.
 */
export function convertWithLibreOffice(files: readonly string[], format: "pdf" | "xlsx" | "ods", outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = join(tmpdir(), `stj-lo-profile-${process.pid}-${Date.now()}`);
  try {
    // In chunks: one LibreOffice run given hundreds of files has been seen to stop part-way, silently.
    for (let i = 0; i < files.length; i += 40) {
      execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : format, "--outdir", outDir, ...files.slice(i, i + 40)], {
        stdio: "pipe",
        timeout: 300_000,
      });
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const made = new Set(readdirSync(outDir));
  return files.map((f) => {
    const name = `${basename(f).replace(/\.[^.]+$/, "")}.${format}`;
    if (!made.has(name)) throw new Error(`LibreOffice did not convert ${f} to ${format}`);
    return join(outDir, name);
  });
}

/** Cell formulas in a worksheet's XML: <c> elements with an <f> child (not the <xm:f> values of conditional formats). */
export function cellFormulas(xml: string): string[] {
  return [...xml.matchAll(/<c\b[^>]*>(?:(?!<\/c>)[\s\S])*?<f[\s>/](?:(?!<\/c>)[\s\S])*<\/c>/g)].map((m) => m[0]);
}

export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** Text with all white space folded to single spaces (pdftotext breaks lines where the PDF does). */
export function fold(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
