/**
 * Compile-time check that Office.js's `Excel` namespace (from @types/office-js) satisfies our
 * {@link ExcelApi}, so the writer cannot use anything the real API lacks. Nothing imports this
 * file; `npm run typecheck` compiles it.
 */
import type { ExcelApi } from "./api";

export type OfficeExcelSatisfiesApi = typeof Excel extends ExcelApi ? true : never;
export const officeExcelSatisfiesApi: OfficeExcelSatisfiesApi = true;
