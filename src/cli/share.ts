/**
 * `stj share` (one gemeente's share copy) and `stj batch` (a share copy per gemeente plus the national
 * overview). Both score the input's Antwoorden (and Aanpassingen) themselves: a scored workbook keeps
 * those sheets, so its share copy shows exactly what `stj score` computed.
 */
import { mkdir, rename, stat, unlink } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import { labelKey, scoreAll } from "../scoring";
import { closest } from "../scoring/normalise";
import type { Approach, Framework, GemeenteContext, Issue, Override } from "../scoring";
import { inspectShareBytes, planShare, shareFileName, uniqueFileName, workbookBytes, writeShare } from "../share";
import type { ShareInput, ShareOptions, SharePlan } from "../share";
import { checkOutputPath, EXIT_INPUT_ERRORS, EXIT_OK, exists, issueSummary, plural, readInput, saveBytes, UsageError } from "./commands";
import type { CliIO } from "./commands";
import { NATIONAL_FILE, NationalOverview } from "./national";
import { Progress } from "./progress";
import { countIssues, readStudy } from "./study";

/** "2024-03-05" or "2024-03" → a local date; anything else is a usage error. */
export function parseShareDate(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
    const date = new Date(y, mo - 1, d, 12);
    if (date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d) return date;
  }
  throw new UsageError(`--datum '${text}' is geen datum; schrijf jjjj-mm-dd of jjjj-mm, bijvoorbeeld 2024-03-01.`);
}

/** What `share` and `batch` need from the input, without the input's cell values. */
interface StudyForSharing {
  framework: Framework;
  contexts: GemeenteContext[];
  overrides: Override[];
  approaches: Approach[];
  issues: Issue[];
}

async function readForSharing(path: string): Promise<StudyForSharing> {
  const read = await readInput(path);
  read.workbook = undefined;
  const study = readStudy(read);
  if (!read.answers) throw new UsageError(study.issues.find((i) => i.code === "missing-sheet")?.message ?? `${path} heeft geen blad 'Antwoorden'.`);
  return { framework: study.framework, contexts: study.contexts, overrides: study.overrides, approaches: study.approaches, issues: study.issues };
}

/** Renders, checks and returns the bytes of a share copy; a copy that breaks a rule is never written. */
async function shareBytes(plan: SharePlan, compressionLevel?: number): Promise<Uint8Array> {
  const bytes = await workbookBytes(await writeShare(plan), { compressionLevel });
  const check = await inspectShareBytes(bytes, { title: plan.title });
  if (check.problems.length > 0) {
    throw new UsageError(`de deelkopie voor ${plan.gemeente} voldoet niet aan de regels en is niet geschreven: ${check.problems.slice(0, 3).join(" ")} Meld dit.`);
  }
  return bytes;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export interface ShareCommandOptions extends ShareOptions {
  gemeente: string;
  output?: string;
  overwrite: boolean;
}

export async function cmdShare(input: string, o: ShareCommandOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, input);
  const date = o.date ?? new Date();
  const study = await readForSharing(inPath);
  const results = scoreAll(
    study.approaches.filter((a) => labelKey(a.gemeente) === labelKey(o.gemeente)),
    study.framework,
    study.overrides,
  );
  if (results.length === 0) {
    const names = [...new Map(study.approaches.map((a) => [labelKey(a.gemeente), a.gemeente])).values()];
    const hint = closest(o.gemeente, names);
    const list = names.length === 0 ? "er is geen enkele aanpak gelezen" : `gemeenten: ${names.slice(0, 10).join(", ")}${names.length > 10 ? ` en ${names.length - 10} andere` : ""}`;
    throw new UsageError(`gemeente '${o.gemeente}' staat niet in ${input}${hint ? `. Bedoelt u '${hint}'?` : ""} (${list}).`);
  }
  const shareInput: ShareInput = { gemeente: o.gemeente, framework: study.framework, results, contexts: study.contexts, approaches: study.approaches };
  const plan = planShare(shareInput, { keepPartnerNames: o.keepPartnerNames, includeNotes: o.includeNotes, date });

  let outPath: string;
  if (o.output === undefined) outPath = resolve(cwd, plan.fileName);
  else {
    const given = resolve(cwd, o.output);
    const folder = o.output.endsWith("/") || o.output.endsWith("\\");
    if (folder && !(await isDirectory(given))) {
      try {
        await mkdir(given, { recursive: true });
      } catch (e) {
        throw new UsageError(`De map ${given} kan niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}.`);
      }
    }
    if (folder || (await isDirectory(given))) outPath = join(given, plan.fileName);
    else {
      if (extname(given).toLowerCase() !== ".xlsx") throw new UsageError(`Het uitvoerbestand moet een .xlsx-bestand zijn (kreeg: ${o.output}).`);
      outPath = given;
    }
  }
  await checkOutputPath(inPath, outPath, o.overwrite);
  await saveBytes(await shareBytes(plan), outPath, o.overwrite);

  const factsheets = plan.sheets.filter((s) => s.kind === "factsheet").length;
  io.stdout(`Deelkopie voor ${plan.gemeente} geschreven naar ${outPath}\n`);
  io.stdout(
    `  ${plural(factsheets, "factsheet", "factsheets")} en het overzicht${o.includeNotes ? ", met de toelichtingen van de respondenten" : ""}; alleen waarden, bladen beveiligd (zonder wachtwoord).\n`,
  );
  if (o.keepPartnerNames) {
    io.stdout(`  Namen van netwerkpartners in de deelkopie: ${plan.partnerNames.length ? plan.partnerNames.join(", ") : "(geen)"}. Controleer dat dit organisaties zijn en geen personen.\n`);
  } else io.stdout("  Netwerkpartners staan er zonder naam in (netwerkpartner A, B, …); --met-namen neemt de namen van de organisaties op.\n");
  const { errors } = countIssues(study.issues);
  if (errors > 0) {
    io.stdout(`Let op: de invoer bevat ${issueSummary(study.issues)}; rijen en cellen met fouten zijn niet meegeteld. Controleer met 'stj validate' voordat u de deelkopie verstuurt.\n`);
    return EXIT_INPUT_ERRORS;
  }
  return EXIT_OK;
}

export interface BatchCommandOptions extends ShareOptions {
  outDir: string;
  overwrite: boolean;
  /** Deflate level of the share copies (1 = fastest). */
  compressionLevel?: number;
}

export async function cmdBatch(input: string, o: BatchCommandOptions, io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const inPath = resolve(cwd, input);
  const outDir = resolve(cwd, o.outDir);
  const date = o.date ?? new Date();
  const options: ShareOptions = { keepPartnerNames: o.keepPartnerNames, includeNotes: o.includeNotes, date };

  // Read and group; the input's cell values are released once the approaches are read.
  let study: StudyForSharing | null = await readForSharing(inPath);
  const { framework, contexts, overrides, issues } = study;
  const groups = new Map<string, Approach[]>();
  for (const a of study.approaches) {
    const k = labelKey(a.gemeente);
    const g = groups.get(k);
    if (g) g.push(a);
    else groups.set(k, [a]);
  }
  study = null;
  if (groups.size === 0) throw new UsageError(`${input} bevat geen enkele aanpak die gelezen kon worden; zie 'stj validate ${input}'.`);

  // File names first: unique, and nothing is written when one of them already exists.
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    throw new UsageError(`De map ${outDir} kan niet worden gemaakt: ${e instanceof Error ? e.message : String(e)}.`);
  }
  if (!(await isDirectory(outDir))) throw new UsageError(`${outDir} is geen map.`);
  const taken = new Set<string>([NATIONAL_FILE.toLocaleLowerCase("nl")]);
  const files = new Map<string, string>();
  for (const [k, approaches] of groups) files.set(k, join(outDir, uniqueFileName(shareFileName(approaches[0].gemeente.trim(), date), taken)));
  const nationalPath = join(outDir, NATIONAL_FILE);
  if (!o.overwrite) {
    const existing: string[] = [];
    for (const p of [nationalPath, ...files.values()]) if (await exists(p)) existing.push(basename(p));
    if (existing.length > 0) {
      throw new UsageError(
        `${plural(existing.length, "bestand bestaat", "bestanden bestaan")} al in ${outDir} (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", …" : ""}). Gebruik --overwrite om ze te overschrijven, of kies een andere map.`,
      );
    }
  }

  const { errors, warnings } = countIssues(issues);
  const nationalTmp = `${nationalPath}.${process.pid}.tmp`;
  const national = new NationalOverview(nationalTmp, framework, date);
  const progress = new Progress({ total: groups.size, write: io.stderr, tty: io.stderrIsTTY === true, unit: "gemeenten" });
  let written = 0;
  let approachCount = 0;
  try {
    for (const [k, approaches] of groups) {
      const results = scoreAll(approaches, framework, overrides);
      const plan = planShare({ gemeente: approaches[0].gemeente, framework, results, contexts, approaches }, options);
      await saveBytes(await shareBytes(plan, o.compressionLevel), files.get(k)!, o.overwrite);
      national.add(results);
      written++;
      approachCount += results.length;
      // Nothing of this gemeente is kept once its copy is written.
      groups.delete(k);
      progress.tick();
    }
    progress.finish();
    await national.finish({ date, gemeenten: written, files: written, errors, warnings });
    await rename(nationalTmp, nationalPath);
  } catch (e) {
    progress.finish();
    await unlink(nationalTmp).catch(() => undefined);
    throw e;
  }
  io.stdout(`${plural(written, "deelkopie", "deelkopieën")} (${plural(approachCount, "aanpak", "aanpakken")}) en ${NATIONAL_FILE} geschreven in ${outDir}\n`);
  if (!o.keepPartnerNames) io.stdout("Netwerkpartners staan er zonder naam in (netwerkpartner A, B, …); --met-namen neemt de namen van de organisaties op.\n");
  if (errors > 0) {
    io.stdout(`Let op: de invoer bevat ${issueSummary(issues)}; rijen en cellen met fouten zijn niet meegeteld. Zie 'stj validate ${input}'.\n`);
    return EXIT_INPUT_ERRORS;
  }
  if (warnings > 0) io.stdout(`Controle: ${issueSummary(issues)}.\n`);
  return EXIT_OK;
}
