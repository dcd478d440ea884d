/**
 * The part of the Excel JavaScript API that the factsheet writer uses, as plain TypeScript
 * interfaces with Office.js's names. The real `Excel` namespace satisfies them (checked at compile
 * time in api-check.ts); so does the stand-in the tests use (test/standin). Enum-valued properties
 * take Office.js's string values ("Portrait", "A4", "Continuous", …).
 */

export interface ExcelApi {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
}

export interface RequestContext {
  readonly workbook: Workbook;
  sync(): Promise<void>;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
}

export interface Application {
  /** ExcelApi 1.9; absent on older hosts. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface WorksheetCollection {
  readonly items: Worksheet[];
  load(propertyNames?: string | string[]): WorksheetCollection;
  add(name?: string): Worksheet;
  getItem(key: string): Worksheet;
  getItemOrNullObject(key: string): Worksheet;
  getActiveWorksheet(): Worksheet;
}

export interface Worksheet {
  name: string;
  position: number;
  showGridlines: boolean;
  readonly isNullObject: boolean;
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly charts: ChartCollection;
  load(propertyNames?: string | string[]): Worksheet;
  getRange(address?: string): Range;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  activate(): void;
}

export interface Range {
  values: any[][];
  numberFormat: any[][];
  readonly address: string;
  load(propertyNames?: string | string[]): Range;
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  merge(across?: boolean): void;
  select(): void;
}

export interface RangeFormat {
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  rowHeight: number;
  columnWidth: number;
}

export interface RangeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

export interface RangeFill {
  color: string;
}

export interface RangeBorderCollection {
  getItem(index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal"): RangeBorder;
}

export interface RangeBorder {
  style: string;
  color: string;
  weight: string;
}

export interface PageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printGridlines: boolean;
  firstPageNumber: number | "";
  readonly headersFooters: HeaderFooterGroup;
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
}

export interface HeaderFooterGroup {
  readonly defaultForAllPages: HeaderFooter;
}

export interface HeaderFooter {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageBreakCollection {
  add(pageBreakRange: string): unknown;
}

export interface WorksheetFreezePanes {
  freezeAt(frozenRange: string): void;
}

export interface ChartCollection {
  add(type: string, sourceData: Range, seriesBy?: string): Chart;
}

export interface Chart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  setPosition(startCell: string, endCell?: string): void;
}

export interface ConditionalFormatCollection {
  add(type: string): ConditionalFormat;
}

export interface ConditionalFormat {
  readonly textComparison: {
    readonly format: { readonly font: { color: string }; readonly fill: { color: string } };
    rule: { operator: string; text: string };
  };
  readonly dataBar: {
    barDirection: string;
    readonly positiveFormat: { fillColor: string; gradientFill: boolean };
    lowerBoundRule: { type: string; formula?: string };
    upperBoundRule: { type: string; formula?: string };
  };
}
