/**
 * The port between the task pane and the workbook. The React components only talk to a
 * {@link StudyWorkbook}; the Office.js implementation is `src/office/study.ts`, tests use an
 * in-memory fake. Nothing here touches Office globals.
 *
 * The port is deliberately small and generic: the pane decides *what* a sheet holds (pure builders in
 * `./sheets.ts`, equivalent to what the command line writes with ExcelJS) and the port only reads
 * values and applies {@link SheetSpec}s, in few batched round trips.
 */
import type { ApproachResult, CellValue, Framework, GemeenteContext, SheetData } from "../scoring";

/** Progress of long work: `done` of `total` steps; `total` 0 means unknown. */
export type Progress = (done: number, total: number) => void;

/** What the pane knows of one sheet without reading all of it. */
export interface SheetSummary {
  name: string;
  /** Last used row (1-based); 0 when the sheet is empty. */
  rows: number;
  /** Last used column (1-based); 0 when the sheet is empty. */
  columns: number;
  /** The values of row 1 (up to the last used column); only for the sheets asked for in `summary`. */
  header?: CellValue[];
}

export interface WorkbookSummary {
  /** Every sheet, in workbook order. */
  sheets: SheetSummary[];
  /** Whether the workbook has an Excel table named "Antwoorden" (an alternative to the sheet). */
  answersTable: boolean;
}

/** A data validation on a range of a sheet. */
export interface ValidationSpec {
  /** A1 range without the sheet, e.g. "E2:E501". */
  range: string;
  /** A dropdown: inline options "ja,nee" or a formula "=Lijsten!$A$2:$A$9". */
  list?: string;
  /** A whole number of at least this value. */
  wholeNumberAtLeast?: number;
  /** The input message shown when the cell is selected. */
  prompt?: { title: string; message: string };
  /** The alert on an invalid entry: "stop" refuses it, "warning" lets the analyst keep it. */
  alert?: { style: "stop" | "warning"; title: string; message: string };
}

/**
 * Colours by the text a cell begins with (the verdict colours of Resultaten: "✓ …" green, "✗ …" red),
 * as conditional formats: three rules for the whole column instead of one format call per cell, and
 * they follow when the analyst edits a cell. Colours as "#RRGGBB".
 */
export interface TextColourSpec {
  /** A1 range without the sheet. */
  range: string;
  rules: { beginsWith: string; fill: string; font: string }[];
  /** Make the range bold as well. */
  bold?: boolean;
}

/**
 * Everything the pane writes into one sheet. Values start at A1. Writing a spec replaces the sheet's
 * contents, formats and validations (the sheet itself, and formulas elsewhere that refer to it, stay).
 */
export interface SheetSpec {
  name: string;
  values: CellValue[][];
  /**
   * Number format per cell, same shape as `values` (rows may be shorter: missing cells get "General").
   * Text gets "@" so respondent text such as "=1+1" stays text.
   */
  formats: string[][];
  /**
   * Number formats of the empty rows below the values, down to row `toRow` (1-based), one per column:
   * a template's answer columns are Text before anyone types into them.
   */
  blankFormats?: { toRow: number; formats: string[] };
  /** 1-based rows styled as a header (bold, light blue). */
  headerRows?: number[];
  /** A title in A1 (bold, larger). */
  title?: boolean;
  /** Column widths in Excel characters, from column A. */
  widths?: number[];
  /** 0-based columns whose cells wrap and align to the top. */
  wrap?: number[];
  freeze?: { rows: number; columns: number };
  validations?: ValidationSpec[];
  textColours?: TextColourSpec[];
  /** An autofilter over the header row and the data below it. */
  autoFilter?: boolean;
  hidden?: boolean;
  /** Select A1 of this sheet afterwards. */
  activate?: boolean;
}

/** A factsheet the pane asks the factsheet writer for. */
export interface FactsheetRequest {
  /** One gemeente's results (one or more approaches); one factsheet sheet each. */
  groups: { gemeente: string; results: ApproachResult[]; context?: GemeenteContext }[];
  framework: Framework;
  /** Names of existing sheets the analyst agreed to replace. */
  replace: string[];
}

export interface OverviewRequest {
  results: ApproachResult[];
  framework: Framework;
  /** Names of existing sheets the analyst agreed to replace. */
  replace: string[];
}

export interface FactsheetOutcome {
  /** The sheets written, in order. */
  sheets: string[];
}

/** The workbook as the task pane sees it. Every method is one batched Excel.run (or a few). */
export interface StudyWorkbook {
  /** Sheet names and sizes; `headersOf` lists sheets whose first row is returned too. */
  summary(headersOf?: readonly string[]): Promise<WorkbookSummary>;
  /**
   * The values of these sheets (matched without regard to case) as the scoring core reads them;
   * null for a sheet that is not there. `answersTable`: read the table "Antwoorden" when there is no
   * sheet of that name.
   */
  readSheets(names: readonly string[], progress?: Progress): Promise<Record<string, SheetData | null>>;
  /** Creates or replaces these sheets (in order). Large sheets are written in chunks with progress. */
  writeSheets(specs: readonly SheetSpec[], progress?: Progress): Promise<void>;
  /** Activates the sheet and selects the cell or range ("D7", "A3:A5"; empty: A1). */
  select(sheet: string, address: string): Promise<void>;
  /** Writes factsheets; null when this build has no factsheet writer. */
  writeFactsheets: ((request: FactsheetRequest, progress?: Progress) => Promise<FactsheetOutcome>) | null;
  /** Writes the study overview sheet ("Overzicht"); null when this build has no overview writer. */
  writeOverview: ((request: OverviewRequest, progress?: Progress) => Promise<FactsheetOutcome>) | null;
  /** A value stored with the workbook (Office document settings), e.g. the analyst's name. */
  getSetting(key: string): string | undefined;
  setSetting(key: string, value: string): Promise<void>;
}
