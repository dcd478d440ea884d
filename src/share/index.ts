/**
 * The share copy ("Deel met gemeente"): one gemeente's factsheet(s) and overview row(s), values only,
 * without respondent names, free text, formulas, hidden sheets, comments or defined names.
 *
 * - `planShare` (pure): what goes in, file name and document properties;
 * - `writeShare` / `shareWorkbookBytes` (ExcelJS, also in the browser): the cleaned, protected workbook;
 * - `inspectShareBytes` (JSZip, also in the browser): checks the bytes against the rules.
 * See docs/security.md.
 */
export { planShare, ShareError, OVERVIEW_SHEET, NOTES_SHEET } from "./plan";
export type { ShareInput, ShareOptions, SharePlan, ShareSheet, TableSheet, FactsheetSheet, ShareProperties } from "./plan";
export { writeShare, shareWorkbookBytes, workbookBytes, cleanWorkbook, cleanWorksheet, protectWorkbook, SHARE_PROTECTION } from "./workbook";
export type { BytesOptions } from "./workbook";
export { inspectShareBytes } from "./verify";
export { unescapeXml } from "../xlsx/xml";
export type { Inspection, InspectOptions } from "./verify";
export { redactResult, respondentAliases, partnerAlias, resultsOf, GEMEENTE_ALIAS, DOCUMENT_ALIAS } from "./redact";
export type { RedactOptions } from "./redact";
export { overviewLayout, overviewRow, overviewLegend, IndicatorTally } from "./overview";
export type { OverviewLayout } from "./overview";
export { shareTitle, shareFileName, sanitiseFileName, uniqueFileName, yearMonth, xmlSafe } from "./names";
