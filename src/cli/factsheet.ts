/**
 * `stj factsheet`: a workbook with only the overview "Overzicht" and the factsheets (one per
 * gemeente), from the layout model (src/layout) through the .xlsx writer.
 */
import { resolve } from "node:path";
import { byGemeente } from "../layout";
import { labelKey } from "../scoring";
import { writeFactsheetWorkbook } from "../xlsx/factsheet";
import { approachSummary, checkOutputPath, EXIT_INPUT_ERRORS, EXIT_OK, issueSummary, readInput, requireXlsx, saveWorkbook, UsageError } from "./commands";
import type { CliIO } from "./commands";
import { countIssues, readStudy, scoreStudy } from "./study";

export interface FactsheetCommandOptions {
  /** Month and year on the title pages ("september 2013"); default the current month. */
  month?: string;
  /** Only these gemeenten (comma-separated on the command line); default all. */
  gemeenten?: string[];
  /** Leave out the overview sheet. */
  noOverview?: boolean;
}

export async function cmdFactsheet(input: string, output: string, overwrite: boolean, io: CliIO, options: FactsheetCommandOptions = {}): Promise<number> {
  requireXlsx(output, "Het uitvoerbestand");
  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, input);
  const outPath = resolve(cwd, output);
  await checkOutputPath(inPath, outPath, overwrite, output);
  const read = await readInput(inPath);
  read.workbook = undefined;
  const study = readStudy(read);
  const results = scoreStudy(study);
  const known = byGemeente(results).map((g) => g[0].gemeente);
  const wanted = options.gemeenten?.map((g) => g.trim()).filter((g) => g !== "");
  if (wanted?.length) {
    const unknown = wanted.filter((w) => !known.some((k) => labelKey(k) === labelKey(w)));
    if (unknown.length) throw new UsageError(`onbekende gemeente ${unknown.map((u) => `'${u}'`).join(", ")}. In de antwoorden staan: ${known.join(", ") || "(geen)"}.`);
  }
  const chosen = wanted?.length ? results.filter((r) => wanted.some((w) => labelKey(w) === labelKey(r.gemeente))) : results;
  const wb = writeFactsheetWorkbook({ results: chosen, contexts: study.contexts, framework: study.framework, month: options.month, overview: !options.noOverview });
  await saveWorkbook(wb, outPath, overwrite);
  io.stdout(`Factsheets geschreven naar ${outPath}\n`);
  io.stdout(`  Bladen: ${wb.worksheets.map((w) => w.name).join(", ")}\n`);
  for (const r of chosen) io.stdout(`  ${approachSummary(r)}\n`);
  if (chosen.length === 0) io.stdout("  Er is geen enkele aanpak gelezen.\n");
  io.stdout(`Controle: ${issueSummary(study.issues)}.\n`);
  return countIssues(study.issues).errors > 0 ? EXIT_INPUT_ERRORS : EXIT_OK;
}
