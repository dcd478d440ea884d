/*
 * Excel custom functions of STJ Toets (namespace STJ, see manifest.xml): =STJ.VERDICT("AP9", …) etc.
 *
 * This file is the input of CustomFunctionsMetadataPlugin (webpack.config.js): the JSDoc tags below
 * generate dist/functions.json, and the plugin's loader appends the
 * `CustomFunctions.associate(id, function)` calls to this module at build time, so there is no
 * hand-written registration here (as in Microsoft's Excel-Custom-Functions template).
 *
 * The bundle is loaded by taskpane.html, which is the single page of the shared runtime, so the
 * functions and the task pane share globals.
 *
 * Every function is a thin wrapper over ./engine.ts (pure, Office-free, unit-tested): it passes the
 * arguments on exactly as Excel delivers them and turns an engine error into a
 * `CustomFunctions.Error` with a Dutch message. The functions only compute values: they never
 * write or format cells, and none is volatile. See docs/functions.md.
 *
 * Dutch descriptions for functions-nl.json live in ./functions-nl.ts; keep a Dutch entry for every
 * function and parameter declared here. Ids and names stay English in every language.
 */

import { ADDIN_VERSION } from "../version";
import * as engine from "./engine";
import type { EngineError, Result } from "./engine";

/** Excel's error codes as text, for runtimes without the `CustomFunctions.ErrorCode` enum (before 1.3). */
const ERROR_CODE: Record<EngineError["error"], string> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/** The `CustomFunctions.Error` for an engine error; a plain Error (#VALUE!) on very old runtimes. */
export function toExcelError(e: EngineError): Error | CustomFunctions.Error {
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (!cf || typeof cf.Error !== "function") return new Error(e.message);
  const code = (cf.ErrorCode?.[e.error] ?? ERROR_CODE[e.error]) as CustomFunctions.ErrorCode;
  return new cf.Error(code, e.message);
}

function unwrap<T>(r: Result<T>): T {
  if (engine.isEngineError(r)) throw toExcelError(r);
  return r;
}

/**
 * Returns the version of the STJ Toets add-in.
 * @customfunction VERSION
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}

/**
 * Reads the Antwoorden range once and returns its key. Give the cell with this key instead of the range to the other STJ functions when many cells use the same answers: they then recalculate in microseconds.
 * @customfunction ANSWERS
 * @param answers The Antwoorden range including its header row (Gemeente, Aanpak, Respondent, Rol, question codes).
 * @returns A key such as "STJ-antwoorden: 3 aanpakken, 14 respondenten [d877c92533317]"; it changes when an answer changes.
 */
export function answerSet(answers: any[][]): string {
  return unwrap(engine.answerSet(answers));
}

/**
 * Verdict of one indicator for one approach: "✓ voldoet", "✗ verbeterpunt" or "? onvoldoende informatie".
 * @customfunction VERDICT
 * @param indicator Indicator code, for example "AP9".
 * @param answers The Antwoorden range including its header row (Gemeente, Aanpak, Respondent, Rol, question codes), or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in GGSR 2013 framework.
 * @returns The verdict with its symbol.
 */
export function verdict(indicator: string, answers: any[][], approach?: string, framework?: any[][]): string {
  return unwrap(engine.verdict(indicator, answers, approach, framework));
}

/**
 * Divergence of the answers on an indicator's main question: 0 = everyone agrees, 1 = maximally divided. #N/A with fewer than two real answers.
 * @customfunction DIVERGENCE
 * @param indicator Indicator code, for example "AP9".
 * @param answers The Antwoorden range including its header row, or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in framework.
 * @returns A number from 0 to 1.
 */
export function divergence(indicator: string, answers: any[][], approach?: string, framework?: any[][]): number {
  return unwrap(engine.divergence(indicator, answers, approach, framework));
}

/**
 * Finding of one indicator as in the factsheet: symbol, who said what, and any "LET OP:" notes.
 * @customfunction FINDING
 * @param indicator Indicator code, for example "AP9".
 * @param answers The Antwoorden range including its header row, or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in framework.
 * @returns The finding text.
 */
export function finding(indicator: string, answers: any[][], approach?: string, framework?: any[][]): string {
  return unwrap(engine.finding(indicator, answers, approach, framework));
}

/**
 * All indicators of one approach as a spilled table with a header: Code, Indicator, Oordeel, LET OP, Spreiding, Bevinding.
 * @customfunction VERDICTS
 * @param answers The Antwoorden range including its header row, or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in framework.
 * @returns One row per indicator under a header row.
 */
export function verdicts(answers: any[][], approach?: string, framework?: any[][]): any[][] {
  return unwrap(engine.verdicts(answers, approach, framework));
}

/**
 * Agreement between the respondents of one approach, as a spilled header and row: Items, Beoordelaars, Overeenstemming, AC1, Alpha.
 * @customfunction AGREEMENT
 * @param answers The Antwoorden range including its header row, or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in framework.
 * @returns Two rows: the header and the figures (empty where a figure is undefined).
 */
export function agreement(answers: any[][], approach?: string, framework?: any[][]): any[][] {
  return unwrap(engine.agreement(answers, approach, framework));
}

/**
 * Number of verbeterpunten (✗) of one approach, in all themes or in one theme.
 * @customfunction IMPROVEMENTS
 * @param answers The Antwoorden range including its header row, or a cell with its key from STJ.ANSWERS.
 * @param [approach] "Gemeente — Aanpak", or the Aanpak name when unique; may be left out when the range holds one approach.
 * @param [theme] A theme name, for example "Samenwerking"; leave out to count all themes.
 * @param [framework] The Toetsingskader range from A1; leave out for the built-in framework.
 * @returns The number of indicators with verdict verbeterpunt.
 */
export function improvements(answers: any[][], approach?: string, theme?: string, framework?: any[][]): number {
  return unwrap(engine.improvements(answers, approach, theme, framework));
}
