/**
 * Reads an answers file the analyst picks (.xlsx or .csv) in the browser, with the same reader as the
 * command line (src/xlsx/read.ts: ExcelJS for workbooks, our own CSV parser). The reader and ExcelJS
 * are loaded on demand (a separate bundle chunk), so opening the pane stays fast.
 */
import { FRAMEWORK_SHEET, ggsr2013, labelKey } from "../scoring";
import type { CellValue, Framework, Issue, SheetData } from "../scoring";
import { countIssues, readStudy } from "../scoring/study";

export interface ImportedFile {
  file: string;
  /** The answers from their header row down (header first); null when the file has none. */
  answers: CellValue[][] | null;
  /** The Context sheet from its header row down, when the file has one with content. */
  context: CellValue[][] | null;
  respondents: number;
  approaches: number;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** A file the pane cannot read; `kind` picks the Dutch message, `detail` is the reader's own text. */
export class ImportFileError extends Error {
  constructor(
    readonly kind: "type" | "xls" | "read",
    readonly file: string,
    readonly detail = "",
  ) {
    super(detail || `${kind}: ${file}`);
    this.name = "ImportFileError";
  }
}

/** The rows of a sheet from its first non-empty row (the header) down, from column A. */
export function rowsFromHeader(sheet: SheetData | null | undefined): CellValue[][] | null {
  if (!sheet) return null;
  const c0 = sheet.origin?.col ?? 0;
  const rows = sheet.values.map((r) => [...Array<CellValue>(c0).fill(null), ...r]);
  const first = rows.findIndex((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
  if (first < 0) return null;
  const out = rows.slice(first);
  while (out.length > 1 && out[out.length - 1].every((v) => v === null || v === undefined || v === "")) out.pop();
  return out;
}

/** The parts of a File the reader needs (a browser File has them; tests pass plain objects). */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readAnswersFile(picked: PickedFile, framework: Framework = ggsr2013): Promise<ImportedFile> {
  const name = picked.name;
  const ext = (/\.([^./\\]+)$/.exec(name)?.[1] ?? "").toLowerCase();
  if (ext === "xls") throw new ImportFileError("xls", name);
  if (!["xlsx", "xlsm", "csv", "txt"].includes(ext)) throw new ImportFileError("type", name);
  const bytes = new Uint8Array(await picked.arrayBuffer());
  const reader = await import(/* webpackChunkName: "xlsx-reader" */ "../xlsx/read");
  let input: Awaited<ReturnType<typeof reader.readWorkbookBuffer>>;
  try {
    if (ext === "csv" || ext === "txt") input = reader.readCsvBuffer(bytes, name);
    else {
      if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ImportFileError("xls", name);
      input = await reader.readWorkbookBuffer(bytes, name);
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError("read", name, e instanceof Error ? e.message : String(e));
  }
  const answers = rowsFromHeader(input.answers);
  const context = rowsFromHeader(input.context);
  const study = readStudy({ answers: input.answers, context: input.context, issues: input.issues.filter((i) => labelKey(i.sheet) !== labelKey(FRAMEWORK_SHEET)) }, framework);
  const { errors, warnings } = countIssues(study.issues);
  return {
    file: name,
    answers,
    context: context && context.length > 1 ? context : null,
    respondents: study.approaches.reduce((n, a) => n + a.respondents.length, 0),
    approaches: study.approaches.length,
    errors,
    warnings,
    issues: study.issues,
  };
}
