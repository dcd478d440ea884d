/** Shared helpers for the xlsx and cli tests: temp dirs, in-memory IO, building and reading workbooks. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliIO } from "../../src/cli";
import type { CellValue } from "../../src/scoring";

export function tempDir(prefix = "stj-test-"): { dir: string; path(name: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function memoryIO(cwd?: string): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

/** A workbook with the given sheets of plain values (row-major from A1). */
export function workbookOf(sheets: Record<string, CellValue[][]>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => {
      if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
    }));
  }
  return wb;
}

export async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function loadWorkbook(pathOrBuffer: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof pathOrBuffer === "string") await wb.xlsx.readFile(pathOrBuffer);
  else await wb.xlsx.load(pathOrBuffer as unknown as ArrayBuffer);
  return wb;
}

/** The XML of a worksheet in an .xlsx, by sheet name. */
export async function sheetXml(buffer: Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = [...wbXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((s) => s.includes(`name="${sheetName}"`));
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rid = /r:id="([^"]+)"/.exec(sheet)![1];
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rid}"`))!;
  const target = /Target="([^"]+)"/.exec(rel)![1];
  return zip.file(target.startsWith("/") ? target.slice(1) : `xl/${target}`)!.async("string");
}

/** Replaces text in a worksheet's XML inside an .xlsx buffer (to make cells ExcelJS cannot write). */
export async function patchSheetXml(buffer: Buffer, sheetName: string, patch: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const before = await sheetXml(buffer, sheetName);
  for (const p of Object.keys(zip.files)) {
    if (!p.startsWith("xl/worksheets/") || !p.endsWith(".xml")) continue;
    const xml = await zip.file(p)!.async("string");
    if (xml === before) {
      zip.file(p, patch(xml));
      return zip.generateAsync({ type: "nodebuffer" });
    }
  }
  throw new Error(`sheet ${sheetName} not found`);
}

/** Rows of a worksheet as plain values (ExcelJS values, 0-based), header first. */
export function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}
