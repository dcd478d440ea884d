/**
 * "Landelijk overzicht.xlsx": every approach of a national study with its counts, verbeterpunten per
 * theme and the verdict symbol per indicator, plus a sheet per indicator and a legend. Written with
 * ExcelJS's streaming writer (Node.js): each gemeente's rows are committed as soon as they are
 * known, so nothing per gemeente is kept. Values only; respondent names never appear.
 */
import ExcelJS from "exceljs";
import type { ApproachResult, CellValue, Framework } from "../scoring";
import { IndicatorTally, overviewLayout, overviewLegend, overviewRow } from "../share/overview";
import type { OverviewLayout } from "../share/overview";
import { SYMBOL_FILL } from "../share/workbook";
import { setCell } from "../xlsx/cells";

export const NATIONAL_FILE = "Landelijk overzicht.xlsx";
export const NATIONAL_TITLE = "Landelijk overzicht toezichtonderzoek GGSR";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

type StreamSheet = ExcelJS.Worksheet;

function writeRow(ws: StreamSheet, n: number, values: readonly CellValue[], style?: (cell: ExcelJS.Cell, c: number) => void): void {
  const row = ws.getRow(n);
  values.forEach((v, c) => {
    const cell = row.getCell(c + 1);
    setCell(cell, v);
    style?.(cell, c);
  });
  row.commit();
}

const boldHeader = (cell: ExcelJS.Cell) => {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.alignment = { vertical: "top", wrapText: true };
};

export interface NationalMeta {
  date: Date;
  gemeenten: number;
  files: number;
  errors: number;
  warnings: number;
}

export class NationalOverview {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly ws: StreamSheet;
  private readonly layout: OverviewLayout;
  private readonly tally: IndicatorTally;
  private row = 2;

  constructor(
    filename: string,
    private readonly fw: Framework,
    date: Date,
  ) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: true });
    const props = this.wb as unknown as Record<string, unknown>;
    Object.assign(props, { creator: "STJ Toets", lastModifiedBy: "STJ Toets", title: NATIONAL_TITLE, created: date, modified: date });
    this.layout = overviewLayout(fw);
    this.tally = new IndicatorTally(fw);
    this.ws = this.wb.addWorksheet("Overzicht", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] }) as unknown as StreamSheet;
    this.ws.columns = this.layout.widths.map((width) => ({ width }));
    writeRow(this.ws, 1, this.layout.header, boldHeader);
  }

  /** Adds (and commits) the rows of one gemeente's approaches. */
  add(results: readonly ApproachResult[]): void {
    for (const r of results) {
      const values = overviewRow(r, this.fw, this.layout);
      writeRow(this.ws, this.row++, values, (cell, c) => {
        if (c >= this.layout.firstIndicator) {
          const f = SYMBOL_FILL[String(values[c])];
          if (f) {
            cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: f.fill } };
            cell.font = { bold: true, color: { argb: f.font } };
          }
          cell.alignment = { horizontal: "center" };
        }
      });
      this.tally.add(r);
    }
  }

  /** Writes the remaining sheets and closes the file. */
  async finish(meta: NationalMeta): Promise<void> {
    this.ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, this.row - 1), column: this.layout.header.length } };
    this.ws.commit();

    const per = this.wb.addWorksheet("Per indicator", { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] }) as unknown as StreamSheet;
    per.columns = [8, 60, 16, 10, 12, 13, 13, 13].map((width) => ({ width }));
    writeRow(per, 1, IndicatorTally.HEADER, boldHeader);
    this.tally.rows().forEach((r, i) =>
      writeRow(per, i + 2, r, (cell, c) => {
        if (c === 1) cell.alignment = { wrapText: true, vertical: "top" };
        if (c === 7) cell.numFmt = "0%";
      }),
    );
    per.commit();

    const legend = this.wb.addWorksheet("Legenda") as unknown as StreamSheet;
    legend.columns = [8, 70, 18, 40].map((width) => ({ width }));
    overviewLegend(this.fw).forEach((r, i) => writeRow(legend, i + 1, r, (cell) => (i === 0 || i === 5 ? (cell.font = { bold: true }) : undefined)));
    legend.commit();

    const about = this.wb.addWorksheet("Over dit bestand") as unknown as StreamSheet;
    about.columns = [30, 80].map((width) => ({ width }));
    const y = meta.date;
    const rows: CellValue[][] = [
      [NATIONAL_TITLE],
      ["Gemaakt op", `${y.getFullYear()}-${String(y.getMonth() + 1).padStart(2, "0")}-${String(y.getDate()).padStart(2, "0")}`],
      ["Toetsingskader", this.fw.name],
      ["Gemeenten", meta.gemeenten],
      ["Aanpakken", this.tally.approaches],
      ["Deelkopieën geschreven", meta.files],
      ["Meldingen in de invoer", `${meta.errors} fouten, ${meta.warnings} waarschuwingen (zie 'stj validate'); rijen en cellen met fouten zijn niet meegeteld.`],
    ];
    rows.forEach((r, i) => writeRow(about, i + 1, r, (cell, c) => (i === 0 || c === 0 ? (cell.font = { bold: true }) : undefined)));
    about.commit();
    await this.wb.commit();
  }
}
