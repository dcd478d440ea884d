/**
 * From the sheets of an input file to everything the scoring core derives from them: the framework
 * (the workbook's own "Toetsingskader" or the built-in GGSR 2013), the approaches, context, overrides
 * and every issue, in reading order. Pure: no I/O, no ExcelJS: the command line and the task pane both use it.
 */
import { frameworkFromSheet, ggsr2013, readAnswers, readContext, readOverrides, scoreAll } from "./index";
import type { AnswersRead, Approach, ApproachResult, Framework, GemeenteContext, Issue, Override, SheetData } from "./index";

export interface StudySheets {
  answers: SheetData | null;
  context?: SheetData;
  framework?: SheetData;
  overrides?: SheetData;
  /** Issues the reader found before the core (missing sheet, formulas without result, CSV problems). */
  issues?: Issue[];
}

export interface Study {
  framework: Framework;
  /** "blad": the workbook's Toetsingskader; "ingebouwd": the built-in framework (also when the sheet had errors). */
  frameworkSource: "blad" | "ingebouwd";
  answers: AnswersRead | null;
  approaches: Approach[];
  contexts: GemeenteContext[];
  overrides: Override[];
  issues: Issue[];
}

export function readStudy(sheets: StudySheets, builtIn: Framework = ggsr2013): Study {
  const issues: Issue[] = [...(sheets.issues ?? [])];
  let framework = builtIn;
  let frameworkSource: Study["frameworkSource"] = "ingebouwd";
  if (sheets.framework) {
    const read = frameworkFromSheet(sheets.framework);
    issues.push(...read.issues);
    if (read.framework) {
      framework = read.framework;
      frameworkSource = "blad";
    } else {
      issues.push({
        severity: "fout",
        code: "framework-fallback",
        sheet: sheets.framework.name,
        cell: "",
        message: `${sheets.framework.name}: het toetsingskader op dit blad bevat fouten en is niet gebruikt; er is gescoord met het ingebouwde toetsingskader '${builtIn.name}'. Herstel de fouten hierboven en scoor opnieuw.`,
      });
    }
  }
  const answers = sheets.answers ? readAnswers(sheets.answers, framework) : null;
  if (answers) issues.push(...answers.issues);
  const approaches = answers?.approaches ?? [];
  let contexts: GemeenteContext[] = [];
  if (sheets.context) {
    const read = readContext(sheets.context);
    contexts = read.contexts;
    issues.push(...read.issues);
  }
  let overrides: Override[] = [];
  if (sheets.overrides) {
    const read = readOverrides(sheets.overrides, { framework, approaches });
    overrides = read.overrides;
    issues.push(...read.issues);
  }
  return { framework, frameworkSource, answers, approaches, contexts, overrides, issues };
}

export function scoreStudy(study: Study): ApproachResult[] {
  return scoreAll(study.approaches, study.framework, study.overrides);
}

export function countIssues(issues: readonly Issue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === "fout").length;
  return { errors, warnings: issues.length - errors };
}
