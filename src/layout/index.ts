/** The layout model and the factsheet and overview layouts. Pure: no Office.js, no ExcelJS. */
export * from "./model";
export * from "./measure";
export { factsheetLayout, factsheetSheetName, uniqueSheetName, sanitiseSheetName, splitFinding, FACTSHEET_COLUMNS, FACTSHEET_FONT, FACTSHEET_PAGE_HEIGHT, MAX_SHEET_NAME } from "./factsheet";
export type { FactsheetOptions } from "./factsheet";
export { overviewLayout, OVERVIEW_SHEET, VERDICT_FILL } from "./overview";
export type { OverviewOptions } from "./overview";
export { studyLayouts, byGemeente } from "./study";
export type { StudyLayoutOptions } from "./study";
export { dutchMonthYear, formatNumberNl, cbsSentence } from "./texts";
