/**
 * The pane's long operations, written against the {@link StudyWorkbook} port: read the study sheets,
 * score in chunks (yielding to the browser between chunks so the pane stays responsive and shows
 * progress), build and write the output sheets. No React, no Office globals.
 */
import { ggsr2013, labelKey, readOverrides, scoreApproach } from "../scoring";
import type { ApproachResult, CellValue, Framework, Issue, SheetData } from "../scoring";
import { readStudy } from "../scoring/study";
import type { Study, StudySheets } from "../scoring/study";
import type { Progress, SheetSpec, StudyWorkbook, WorkbookSummary } from "./port";
import {
  agreementSpec,
  ANSWERS_SHEET,
  checkSpec,
  CONTEXT_SHEET,
  findSheet,
  FRAMEWORK_SHEET,
  INPUT_SHEETS,
  LISTS_SHEET,
  OUTPUT_SHEETS,
  OVERRIDES_SHEET,
  replaceableWithoutAsking,
  resultRows,
  resultsSpec,
  StudyLists,
} from "./sheets";
import type { Params, StringKey } from "./strings";

/** Lets the browser paint and handle input (a macrotask, not a microtask). */
export function yieldToUI(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `step` for every item, yielding to the UI whenever ~`sliceMs` milliseconds have passed. */
export async function inSlices<T, R>(items: readonly T[], step: (item: T, index: number) => R, progress?: Progress, sliceMs = 30): Promise<R[]> {
  const out: R[] = [];
  let since = Date.now();
  progress?.(0, items.length);
  for (let i = 0; i < items.length; i++) {
    out.push(step(items[i], i));
    if (Date.now() - since >= sliceMs) {
      progress?.(i + 1, items.length);
      await yieldToUI();
      since = Date.now();
    }
  }
  progress?.(items.length, items.length);
  return out;
}

/** Everything the pane holds after reading the workbook. */
export interface LoadedStudy {
  study: Study;
  /** The sheets as read (the answers sheet is needed to show invalid answers as they are). */
  sheets: StudySheets;
  /** The Aanpassingen values as read (header included), or null when there is no such sheet. */
  overrideValues: CellValue[][] | null;
}

function missingAnswers(summary: WorkbookSummary): Issue {
  const names = summary.sheets.map((s) => `'${s.name}'`).join(", ");
  return {
    severity: "fout",
    code: "missing-sheet",
    sheet: ANSWERS_SHEET,
    cell: "",
    message: `${ANSWERS_SHEET}: deze werkmap heeft geen blad '${ANSWERS_SHEET}' en geen tabel met die naam${names ? ` (bladen: ${names})` : ""}. Zet de bladen klaar (stap Start) of importeer de antwoorden.`,
  };
}

/** Reads Antwoorden, Context, Toetsingskader and Aanpassingen and everything the core derives from them. */
export async function loadStudy(workbook: StudyWorkbook, progress?: Progress, builtIn: Framework = ggsr2013): Promise<LoadedStudy> {
  const read = await workbook.readSheets(INPUT_SHEETS, progress);
  const get = (name: string): SheetData | undefined => {
    const key = Object.keys(read).find((k) => labelKey(k) === labelKey(name));
    return (key && read[key]) || undefined;
  };
  const issues: Issue[] = [];
  const answers = get(ANSWERS_SHEET) ?? null;
  if (!answers) issues.push(missingAnswers(await workbook.summary()));
  const sheets: StudySheets = { answers, context: get(CONTEXT_SHEET), framework: get(FRAMEWORK_SHEET), overrides: get(OVERRIDES_SHEET), issues };
  const study = readStudy(sheets, builtIn);
  const ov = sheets.overrides;
  return { study, sheets, overrideValues: ov ? originValues(ov) : null };
}

/** A sheet's values from A1 (padding the rows and columns above and left of its origin). */
export function originValues(sheet: SheetData): CellValue[][] {
  const r0 = sheet.origin?.row ?? 0;
  const c0 = sheet.origin?.col ?? 0;
  const pad: CellValue[] = Array(c0).fill(null);
  return [...Array.from({ length: r0 }, () => [] as CellValue[]), ...sheet.values.map((r) => [...pad, ...r])];
}

/** Scores every approach, yielding between slices. */
export async function scoreInSlices(study: Study, progress?: Progress): Promise<ApproachResult[]> {
  return inSlices(study.approaches, (a) => scoreApproach(a, study.framework, study.overrides), progress);
}

/** The output sheets of a scored study; building the finding texts is the slow part, done in slices. */
export async function outputSpecs(results: readonly ApproachResult[], issues: readonly Issue[], progress?: Progress): Promise<SheetSpec[]> {
  const rows = (await inSlices(results, (r) => resultRows(r), progress)).flat();
  return [resultsSpec(rows), agreementSpec(results), checkSpec(issues)];
}

/** The output sheets that exist and are not ours (their first row is not the header we write). */
export function foreignSheets(summary: WorkbookSummary, specs: readonly SheetSpec[]): string[] {
  return specs.filter((s) => !replaceableWithoutAsking(findSheet(summary.sheets, s.name), s)).map((s) => findSheet(summary.sheets, s.name)!.name);
}

export const OUTPUT_SHEET_NAMES: readonly string[] = OUTPUT_SHEETS;

/** The sheets the pane generates and may rewrite when their header shows they are its own. */
const GENERATED: readonly string[] = [LISTS_SHEET, ...OUTPUT_SHEETS].map((n) => labelKey(n));

type Confirm = (request: { title: StringKey; body: string; confirm: StringKey }) => Promise<boolean>;
type Say = (key: StringKey, params?: Params) => string;

/**
 * The specs to write, plus the hidden "Lijsten" sheet when a dropdown refers to it. Generated sheets
 * (Lijsten, Resultaten, Overeenstemming, Controle) that exist but were not written by STJ Toets are
 * only overwritten after an explicit yes; null when the analyst says no.
 */
export async function withLists(workbook: StudyWorkbook, specs: readonly SheetSpec[], lists: StudyLists | null, confirm: Confirm, say: Say): Promise<SheetSpec[] | null> {
  const needsLists = specs.some((sp) => sp.validations?.some((v) => v.list?.startsWith(`=${LISTS_SHEET}!`)));
  const listsSpec = needsLists && lists ? lists.spec() : null;
  const all = listsSpec ? [...specs, listsSpec] : [...specs];
  const generated = all.filter((sp) => GENERATED.includes(labelKey(sp.name)));
  if (generated.length === 0) return all;
  const summary = await workbook.summary(generated.map((x) => x.name));
  const foreign = foreignSheets(summary, generated);
  if (foreign.length > 0 && !(await confirm({ title: "confirmReplaceTitle", body: say("confirmReplaceSheets", { sheets: foreign.join(", ") }), confirm: "replace" }))) return null;
  return all;
}

/**
 * The study and results after the Aanpassingen sheet was rewritten with `values`: the overrides and
 * their problems are read again, and the approaches whose overrides changed are scored again.
 */
export function applyOverrideValues(loaded: LoadedStudy, results: readonly ApproachResult[], values: CellValue[][], sheetName: string = OVERRIDES_SHEET): { loaded: LoadedStudy; results: ApproachResult[] } {
  const { study } = loaded;
  const sheet: SheetData = { name: sheetName, values, merges: [], origin: { row: 0, col: 0 } };
  const read = readOverrides(sheet, { framework: study.framework, approaches: study.approaches });
  const issues = [...study.issues.filter((i) => labelKey(i.sheet) !== labelKey(sheetName)), ...read.issues];
  const nextStudy = { ...study, overrides: read.overrides, issues };
  const key = (g: string, a: string) => `${labelKey(g)}\u0000${labelKey(a)}`;
  const signature = (list: readonly { gemeente: string; approach: string }[], g: string, a: string) =>
    JSON.stringify(list.filter((o) => key(o.gemeente, o.approach) === key(g, a)));
  const next = results.map((r) => {
    if (signature(study.overrides, r.gemeente, r.approach) === signature(read.overrides, r.gemeente, r.approach)) return r;
    const approach = study.approaches.find((a) => key(a.gemeente, a.name) === key(r.gemeente, r.approach));
    return approach ? scoreApproach(approach, study.framework, read.overrides) : r;
  });
  return { loaded: { study: nextStudy, sheets: { ...loaded.sheets, overrides: sheet }, overrideValues: values }, results: next };
}
