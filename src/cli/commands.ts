/**
 * The commands of `stj`. Each takes its arguments and an {@link CliIO} and returns the exit code:
 * 0 = done without errors (warnings allowed), 1 = done but the input has errors, 2 = usage error or a
 * file that cannot be read or written. Nothing here calls process.exit or prints a stack trace.
 */
import { mkdir, rename, stat, unlink, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { exampleAnswerRows, exampleContextRows } from "../examples/seeds";
import { ggsr2013, OVERRIDE_COLUMNS } from "../scoring";
import type { ApproachResult, Issue } from "../scoring";
import { fileErrorMessage, InputError, readInputFile } from "../xlsx/read";
import { sheetsToKeep } from "../xlsx/keep";
import { issueText, workbookBuffer, writeScored, writeStudyWorkbook, writeTemplate } from "../xlsx/write";
import type ExcelJS from "exceljs";
import { countIssues, readStudy, scoreStudy } from "./study";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against; default process.cwd(). */
  cwd?: string;
  /** Whether stderr is a terminal: progress bars then update in place. Default false. */
  stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** A problem that ends a command with exit code 2; the message is Dutch and names the file. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

// ---------------------------------------------------------------------------------------------
// Dutch text helpers
// ---------------------------------------------------------------------------------------------

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "fout\tAntwoorden!D7\t<melding>". */
export function issueLine(i: Issue): string {
  const where = i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
  return `${i.severity}\t${where}\t${issueText(i)}`;
}

/** "Emmen — CJG-aanpak: 22 voldoet (6 met LET OP), 8 verbeterpunten". */
export function approachSummary(r: ApproachResult): string {
  const c = r.counts;
  const parts = [`${c.voldoet} voldoet${c.letOp ? ` (${c.letOp} met LET OP)` : ""}`, plural(c.verbeterpunt, "verbeterpunt", "verbeterpunten")];
  if (c.onvoldoende) parts.push(`${c.onvoldoende} onvoldoende informatie`);
  return `${r.gemeente} — ${r.approach}: ${parts.join(", ")}`;
}

export function issueSummary(issues: readonly Issue[]): string {
  const { errors, warnings } = countIssues(issues);
  if (errors === 0 && warnings === 0) return "geen fouten en geen waarschuwingen";
  return `${plural(errors, "fout", "fouten")} en ${plural(warnings, "waarschuwing", "waarschuwingen")}`;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * A command's output may not be its input, nor an existing file unless --overwrite was given.
 * `shown` is how the first message names the output (as typed, by default the full path).
 */
export async function checkOutputPath(inPath: string, outPath: string, overwrite: boolean, shown = outPath): Promise<void> {
  if (inPath === outPath) throw new UsageError(`${shown} is ook het invoerbestand; kies een ander uitvoerbestand.`);
  if (!overwrite && (await exists(outPath))) throw new UsageError(`${outPath} bestaat al. Gebruik --overwrite om het te overschrijven.`);
}

export function requireXlsx(path: string, what: string): void {
  if (extname(path).toLowerCase() !== ".xlsx") throw new UsageError(`${what} moet een .xlsx-bestand zijn (kreeg: ${path}).`);
}

/**
 * Writes the workbook. Without `overwrite` an existing file is never touched (exclusive create); with
 * it, the new file is written beside the old one first and then renamed over it, so a failed write
 * never leaves a half-written workbook behind.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string, overwrite: boolean): Promise<void> {
  let data: Buffer;
  try {
    data = await workbookBuffer(wb);
  } catch (e) {
    throw new UsageError(`${path} kan niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}.`);
  }
  await saveBytes(data, path, overwrite);
}

/** Writes bytes to `path` with the same rules as {@link saveWorkbook}. */
export async function saveBytes(data: Uint8Array, path: string, overwrite: boolean): Promise<void> {
  if (!overwrite) {
    try {
      await writeFile(path, data, { flag: "wx" });
    } catch (e) {
      if ((e as { code?: string }).code === "EEXIST") throw new UsageError(`${path} bestaat al. Gebruik --overwrite om het te overschrijven.`);
      throw new UsageError(fileErrorMessage(path, e, "geschreven"));
    }
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new UsageError(fileErrorMessage(path, e, "geschreven"));
  }
}

export async function readInput(path: string) {
  try {
    return await readInputFile(path);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw new UsageError(`${path} kan niet worden gelezen: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

export async function cmdTemplate(output: string, overwrite: boolean, io: CliIO): Promise<number> {
  requireXlsx(output, "Het uitvoerbestand");
  const path = resolve(io.cwd ?? process.cwd(), output);
  await saveWorkbook(writeTemplate(ggsr2013), path, overwrite);
  io.stdout(`Leeg antwoordformulier geschreven naar ${path}\n`);
  io.stdout("Bladen: Antwoorden (één rij per respondent), Context, Toetsingskader en Aanpassingen.\n");
  return EXIT_OK;
}

export function exampleWorkbook(): ExcelJS.Workbook {
  return writeStudyWorkbook(ggsr2013, {
    answers: exampleAnswerRows(ggsr2013),
    context: exampleContextRows(),
    overrides: [[...OVERRIDE_COLUMNS]],
  });
}

export async function cmdExample(output: string, overwrite: boolean, io: CliIO): Promise<number> {
  requireXlsx(output, "Het uitvoerbestand");
  const path = resolve(io.cwd ?? process.cwd(), output);
  await saveWorkbook(exampleWorkbook(), path, overwrite);
  io.stdout(`Voorbeeldonderzoek (Emmen, Oosterhout, Spijkenisse) geschreven naar ${path}\n`);
  return EXIT_OK;
}

export async function cmdValidate(input: string, io: CliIO): Promise<number> {
  const path = resolve(io.cwd ?? process.cwd(), input);
  const read = await readInput(path);
  const study = readStudy(read);
  for (const i of study.issues) io.stdout(`${issueLine(i)}\n`);
  const { errors } = countIssues(study.issues);
  const respondents = study.approaches.reduce((n, a) => n + a.respondents.length, 0);
  const read_ = `${plural(study.approaches.length, "aanpak", "aanpakken")} met ${plural(respondents, "respondent", "respondenten")} gelezen`;
  const fw = `Toetsingskader: ${study.framework.name} (${study.frameworkSource === "blad" ? "uit het blad Toetsingskader" : "ingebouwd"}).`;
  if (errors === 0) io.stdout(`Controle van ${input}: ${issueSummary(study.issues)}. ${read_}. ${fw}\n`);
  else
    io.stdout(
      `Controle van ${input}: ${issueSummary(study.issues)}. ${read_}; rijen en cellen met fouten tellen niet mee. ${fw} Herstel de fouten en controleer opnieuw.\n`,
    );
  return errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

/** Reads, scores and writes; returns the results, the issues and the analyst's sheets that were kept. */
async function scoreFile(
  inputPath: string,
  outputPath: string,
  overwrite: boolean,
  factsheets = true,
): Promise<{ results: ApproachResult[]; issues: Issue[]; frameworkName: string; kept: string[] }> {
  const read = await readInput(inputPath);
  // The analyst's own sheets go over unchanged; without any, the loaded workbook can be released.
  const keepSheets = read.workbook ? sheetsToKeep(read.workbook) : [];
  read.workbook = undefined;
  const study = readStudy(read);
  const results = scoreStudy(study);
  const wb = writeScored({
    framework: study.framework,
    sheets: { answers: read.answers, context: read.context, framework: read.framework, overrides: read.overrides },
    results,
    issues: study.issues,
    contexts: study.contexts,
    factsheets,
    keepSheets,
  });
  await saveWorkbook(wb, outputPath, overwrite);
  return { results, issues: study.issues, frameworkName: study.framework.name, kept: keepSheets.map((w) => w.name) };
}

export async function cmdScore(input: string, output: string, overwrite: boolean, io: CliIO, factsheets = true): Promise<number> {
  requireXlsx(output, "Het uitvoerbestand");
  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, input);
  const outPath = resolve(cwd, output);
  await checkOutputPath(inPath, outPath, overwrite, output);
  const { results, issues, kept } = await scoreFile(inPath, outPath, overwrite, factsheets);
  const { errors } = countIssues(issues);
  io.stdout(`Resultaten geschreven naar ${outPath}\n`);
  if (kept.length > 0) io.stdout(`Eigen bladen ongewijzigd overgenomen: ${kept.map((n) => `'${n}'`).join(", ")}\n`);
  for (const r of results) io.stdout(`  ${approachSummary(r)}\n`);
  if (results.length === 0) io.stdout("  Er is geen enkele aanpak gelezen.\n");
  io.stdout(
    `Controle: ${issueSummary(issues)}${issues.length ? " (zie het blad Controle, of 'stj validate')" : ""}.${errors ? " Rijen en cellen met fouten zijn niet meegeteld." : ""}\n`,
  );
  return errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

export const DEMO_ANSWERS = "voorbeeld-antwoorden.xlsx";
export const DEMO_RESULTS = "voorbeeld-resultaten.xlsx";

export async function cmdDemo(outDir: string, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd ?? process.cwd(), outDir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new UsageError(`De map ${dir} kan niet worden gemaakt: ${fileErrorMessage(dir, e, "geschreven")}`);
  }
  const answers = resolve(dir, DEMO_ANSWERS);
  const results = resolve(dir, DEMO_RESULTS);
  await saveWorkbook(exampleWorkbook(), answers, true);
  const scored = await scoreFile(answers, results, true);
  io.stdout("Demo van STJ Toets: het voorbeeldonderzoek is geschreven en gescoord.\n");
  io.stdout(`  Antwoorden: ${answers}\n`);
  io.stdout(`  Resultaten: ${results}\n`);
  io.stdout(`Toetsingskader: ${scored.frameworkName}. Per aanpak:\n`);
  for (const r of scored.results) io.stdout(`  ${approachSummary(r)}\n`);
  io.stdout(`Controle: ${issueSummary(scored.issues)}.\n`);
  io.stdout(`Open ${DEMO_RESULTS} in Excel: bladen Resultaten, Overeenstemming, Controle, Overzicht en een factsheet per gemeente.\n`);
  return countIssues(scored.issues).errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}

