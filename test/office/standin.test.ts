/** The Office.js stand-in behaves like Excel's proxy objects: queued writes, load + sync, counted syncs. */
import ExcelJS from "exceljs";
import { StandIn, StandInError } from "../standin/excel";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof StandInError ? e.code : `not a StandInError: ${String(e)}`;
  }
  return "no error";
}

describe("Office.js stand-in: proxy semantics", () => {
  it("throws PropertyNotLoaded for properties that were not loaded and synced", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      const range = ws.getRange("A1:B2");
      range.values = [
        [1, "a"],
        [2, "b"],
      ];
      expect(() => range.values).toThrow(/not available/);
      expect(() => ws.name).toThrow(StandInError);
      range.load("values, address");
      expect(() => range.values).toThrow(StandInError); // loaded only after the sync
      await context.sync();
      expect(range.values).toEqual([
        [1, "a"],
        [2, "b"],
      ]);
      expect(range.address).toBe("Blad1!A1:B2");
      expect(() => range.rowCount).toThrow(/rowCount/);
    });
  });

  it("queues writes until sync and applies them in order", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Nieuw");
      ws.getRange("A1").values = [["eerst"]];
      ws.getRange("A1").values = [["daarna"]];
      expect(host.sheetByName("Nieuw")).toBeUndefined();
      await context.sync();
      expect(host.sheetByName("Nieuw")!.getCell("A1").value).toBe("daarna");
    });
  });

  it("counts syncs, including the one Excel.run makes for work still queued", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      await context.sync();
      await context.sync();
      context.workbook.worksheets.getItem("Blad1").getRange("A1").values = [["x"]];
    });
    expect(host.stats.syncs).toBe(3);
    expect(host.stats.runs).toBe(1);
  });

  it("gives null objects for missing sheets after a sync, and ItemNotFound for getItem", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Bestaat niet");
      const present = context.workbook.worksheets.getItemOrNullObject("blad1");
      expect(() => missing.isNullObject).toThrow(StandInError);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      // Properties of a null object can be loaded and read as null, as in Office.js.
      missing.load("name");
      const used = present.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      expect(missing.name).toBeNull();
      expect(used.isNullObject).toBe(true);
      expect(used.address).toBeNull();
      context.workbook.worksheets.getItem("Bestaat niet").getRange("A1").values = [["x"]];
      expect(await codeOf(context.sync())).toBe("ItemNotFound");
    });
  });

  it("refuses a second sheet of the same name and loads collections with items/name", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      context.workbook.worksheets.add("Factsheet Emmen");
      await context.sync();
      context.workbook.worksheets.add("factsheet emmen");
      expect(await codeOf(context.sync())).toBe("ItemAlreadyExists");
      const sheets = context.workbook.worksheets.load("items/name");
      expect(() => sheets.items).toThrow(StandInError);
      await context.sync();
      expect(sheets.items.map((w) => w.name)).toEqual(["Blad1", "Factsheet Emmen"]);
      expect(() => sheets.items[0].showGridlines).toThrow(StandInError);
    });
  });

  it("parses values like typed input, except in cells with the Text number format", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1:C1").values = [["=1+1", "12", "tekst"]];
      const text = ws.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["=1+1", "12", "tekst"]];
      const all = ws.getRange("A1:C2").load("formulas, values, valueTypes, numberFormat");
      await context.sync();
      expect(all.formulas[0]).toEqual(["=1+1", 12, "tekst"]);
      expect(all.valueTypes[0]).toEqual(["Integer", "Integer", "String"]);
      expect(all.values[1]).toEqual(["=1+1", "12", "tekst"]);
      expect(all.valueTypes[1]).toEqual(["String", "String", "String"]);
      expect(all.numberFormat[1]).toEqual(["@", "@", "@"]);
    });
    const ws = host.sheetByName("Blad1")!;
    expect(ws.getCell("A1").formula).toBe("1+1");
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
  });

  it("rejects arrays of the wrong shape and requests above the size limit", async () => {
    const host = new StandIn(undefined, { maxRequestBytes: 10_000 });
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Blad1");
      ws.getRange("A1:B2").values = [[1, 2]];
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
      ws.getRange("A1:A1000").values = Array.from({ length: 1000 }, () => ["een tamelijk lange tekst"]);
      expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    });
  });

  it("keeps formats, merges, page layout, breaks, conditional formats and charts in the workbook model", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Opmaak");
      const r = ws.getRange("A1:B2");
      r.values = [
        ["✓", "✗"],
        [1, 2],
      ];
      r.format.font.bold = true;
      r.format.font.color = "#C00000";
      r.format.fill.color = "#D9E2F3";
      r.format.wrapText = true;
      r.format.verticalAlignment = "Top";
      r.format.borders.getItem("EdgeTop").style = "Continuous";
      r.format.borders.getItem("InsideHorizontal").style = "Continuous";
      r.format.rowHeight = 30;
      r.format.columnWidth = 52.5;
      ws.getRange("C1:D1").merge();
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      ws.pageLayout.leftMargin = 36;
      ws.pageLayout.setPrintTitleRows("$1:$1");
      ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = "Pagina &P van &N";
      ws.horizontalPageBreaks.add("A2");
      ws.freezePanes.freezeRows(1);
      const cf = ws.getRange("A1:B1").conditionalFormats.add("ContainsText");
      cf.textComparison.format.fill.color = "#C6EFCE";
      cf.textComparison.rule = { operator: "BeginsWith", text: "✓" };
      const chart = ws.charts.add("BarClustered", ws.getRange("A1:B2"), "Columns");
      chart.title.text = "Verbeterpunten";
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      const fmt = r.format.load("rowHeight, columnWidth, wrapText");
      const font = r.format.font.load("bold, color");
      const layout = ws.pageLayout.load("orientation, zoom, leftMargin");
      await context.sync();
      expect(fmt.rowHeight).toBe(30);
      expect(fmt.columnWidth).toBeCloseTo(52.5);
      expect(font.color).toBe("#C00000");
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(layout.leftMargin).toBeCloseTo(36);
    });
    const ws = host.sheetByName("Opmaak")!;
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect((ws.getCell("B2").fill as ExcelJS.FillPattern).fgColor!.argb).toBe("FFD9E2F3");
    expect(ws.getCell("A1").border.top?.style).toBe("thin");
    expect(ws.getCell("A1").border.bottom?.style).toBe("thin"); // inside horizontal
    expect(ws.getCell("A2").border.bottom).toBeUndefined();
    expect(ws.getColumn(1).width).toBeCloseTo(10);
    expect(ws.getCell("D1").isMerged).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    expect(ws.pageSetup.margins!.left).toBeCloseTo(0.5);
    expect(ws.headerFooter.oddFooter).toBe("&RPagina &P van &N");
    expect((ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id)).toEqual([1]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(host.charts).toEqual([expect.objectContaining({ sheet: "Opmaak", type: "BarClustered", source: "A1:B2", title: "Verbeterpunten" })]);
    expect(host.stats.screenUpdatingSuspended).toBe(1);
    // What the stand-in holds saves as a real .xlsx.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await host.save());
    expect(back.getWorksheet("Opmaak")!.getCell("A1").value).toBe("✓");
  });

  it("has tables, visibility, protection, the used range, activation and selection", async () => {
    const host = new StandIn();
    await host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Data");
      ws.getRange("B2:C4").values = [
        ["Gemeente", "Aantal"],
        ["Emmen", 3],
        ["Oosterhout", 4],
      ];
      const table = ws.tables.add("B2:C4", true);
      const hidden = context.workbook.worksheets.add("Verborgen");
      hidden.visibility = "Hidden";
      ws.protection.protect({ selectLockedCells: true });
      const used = ws.getUsedRange(true).load("address, rowCount, columnCount, text");
      const props = ws.load("visibility, position");
      const protection = ws.protection.load("protected");
      ws.getRange("C3").select();
      await context.sync();
      expect(table.name).toBe("Tabel1");
      expect(used.address).toBe("Data!B2:C4");
      expect([used.rowCount, used.columnCount]).toEqual([3, 2]);
      expect(used.text[1]).toEqual(["Emmen", "3"]);
      expect(props.visibility).toBe("Visible");
      expect(props.position).toBe(1);
      expect(protection.protected).toBe(true);
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Data");
    });
    expect(host.sheetByName("Verborgen")!.state).toBe("hidden");
    expect(host.selection).toEqual({ sheet: "Data", address: "C3" });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await host.save());
    expect(back.getWorksheet("Data")!.getTable("Tabel1")).toBeDefined();
  });
});
