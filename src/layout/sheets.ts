/**
 * The names of the workbook's sheets, defined once for the .xlsx writer and reader, the task pane
 * and the share copy. The input sheets are part of the answer-sheet contract and live in the
 * scoring core (docs/answer-sheet.md); the generated ones are here.
 */
export { ANSWERS_SHEET, CONTEXT_SHEET, FRAMEWORK_SHEET, OVERRIDES_SHEET } from "../scoring";
export { OVERVIEW_SHEET } from "./overview";

/** The answer lists the dropdowns of the template read from. */
export const LISTS_SHEET = "Lijsten";
export const RESULTS_SHEET = "Resultaten";
export const AGREEMENT_SHEET = "Overeenstemming";
export const CHECK_SHEET = "Controle";
