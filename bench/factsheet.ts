/**
 * bench/factsheet: the Office.js factsheet writer against a naive per-cell writer, both on the
 * Office.js stand-in (test/standin), in one run — syncs, operations and time, and their ratios; then
 * the .xlsx writer for 400 gemeenten (800 approaches from bench/score.ts's generateAnswers).
 * Run: `npm run bench:factsheet`.
 *
 * The stand-in answers a sync at once; in Excel every sync is a round trip (tens of milliseconds on
 * the desktop, more on the web), so the sync count is what decides the time in a real workbook. The
 * estimate below adds STJ_BENCH_RTT_MS (default 50 ms) per sync to the measured time. On the
 * stand-in alone our writer is about as fast as the naive one: it writes the whole area (blank cells
 * too) and formats rectangles cell by cell in the ExcelJS model, work Excel does natively.
 */
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { readStudy, scoreStudy } from "../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../src/examples/seeds";
import { factsheetLayout, studyLayouts } from "../src/layout";
import { charsToPoints, columnName, styleGrid } from "../src/layout/model";
import type { SheetLayout } from "../src/layout/model";
import { writeLayouts } from "../src/office/factsheet";
import type { ExcelApi } from "../src/office/api";
import { ggsr2013, readAnswers, scoreAll } from "../src/scoring";
import { renderLayout } from "../src/xlsx/factsheet";
import { StandIn } from "../test/standin/excel";
import { generateAnswers } from "./score";

const RTT = Number(process.env.STJ_BENCH_RTT_MS ?? 50);
const MONTH = "november 2026";

/**
 * The naive way: every cell on its own — its own range object, value, number format and format
 * properties, and a sync after each cell; then each merge, row height and column width with a sync.
 */
async function naiveWriter(excel: ExcelApi, layouts: readonly SheetLayout[]): Promise<void> {
  await excel.run(async (context) => {
    for (const layout of layouts) {
      const ws = context.workbook.worksheets.add(layout.name);
      await context.sync();
      const grid = styleGrid(layout);
      const values = new Map(layout.cells.map((c) => [`${c.row},${c.col}`, c.value]));
      for (let r = 0; r < grid.length; r++)
        for (let c = 0; c < grid[r].length; c++) {
          const key = grid[r][c];
          const value = values.get(`${r},${c}`);
          if (key === null && value === undefined) continue;
          const cell = ws.getRange(`${columnName(c)}${r + 1}`);
          if (key !== null) {
            const s = layout.styles[key];
            cell.numberFormat = [[s.numberFormat ?? "General"]];
            cell.format.font.name = s.font;
            cell.format.font.size = s.size;
            cell.format.font.bold = s.bold ?? false;
            cell.format.font.italic = s.italic ?? false;
            if (s.color) cell.format.font.color = `#${s.color}`;
            if (s.fill) cell.format.fill.color = `#${s.fill}`;
            cell.format.wrapText = s.wrap ?? false;
            for (const [side, index] of [
              ["top", "EdgeTop"],
              ["bottom", "EdgeBottom"],
              ["left", "EdgeLeft"],
              ["right", "EdgeRight"],
            ] as const)
              if (s.border?.[side]) cell.format.borders.getItem(index).style = "Continuous";
          }
          if (value !== undefined) cell.values = [[value]];
          await context.sync();
        }
      for (const m of layout.merges) {
        ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
        await context.sync();
      }
      for (let r = 0; r < layout.rowHeights.length; r++) {
        ws.getRange(`${r + 1}:${r + 1}`).format.rowHeight = layout.rowHeights[r];
        await context.sync();
      }
      for (let c = 0; c < layout.columnWidths.length; c++) {
        ws.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = charsToPoints(layout.columnWidths[c]);
        await context.sync();
      }
    }
  });
}

async function measure(write: (excel: ExcelApi) => Promise<unknown>, repeats: number) {
  let ms = 0;
  let host = new StandIn();
  for (let i = 0; i < repeats; i++) {
    host = new StandIn();
    const t0 = performance.now();
    await write(host.Excel);
    ms += performance.now() - t0;
  }
  return { ms: ms / repeats, syncs: host.stats.syncs, operations: host.stats.operations, largest: host.stats.largestRequest };
}

async function main(): Promise<void> {
  const study = readStudy({ answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, context: { name: "Context", values: exampleContextRows() } });
  const results = scoreStudy(study);
  const one = [factsheetLayout(results.filter((r) => r.gemeente === "Spijkenisse"), { framework: study.framework, context: study.contexts.find((c) => c.gemeente === "Spijkenisse"), month: MONTH })];
  const all = studyLayouts(results, { framework: study.framework, contexts: study.contexts, month: MONTH });
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  const cells = (ls: SheetLayout[]) => ls.reduce((n, l) => n + l.rowHeights.length * l.columnWidths.length, 0);

  console.log(`bench/factsheet — Office.js writer vs naive per-cell writer on the stand-in (estimate: + ${RTT} ms per sync)`);
  for (const [name, layouts] of [
    ["1 factsheet (Spijkenisse)", one],
    ["3 factsheets + Overzicht", all],
  ] as const) {
    const ours = await measure((excel) => writeLayouts(excel, layouts), 5);
    const naive = await measure((excel) => naiveWriter(excel, layouts), 3);
    console.log(`  ${name} (${cells(layouts)} cells in the sheets' areas):`);
    console.log(`    ours:  ${ours.syncs} syncs, ${ours.operations} operations, largest request ${(ours.largest / 1024).toFixed(0)} KB, ${fmt(ours.ms)} (estimate in Excel ${fmt(ours.ms + ours.syncs * RTT)})`);
    console.log(`    naive: ${naive.syncs} syncs, ${naive.operations} operations, ${fmt(naive.ms)} (estimate in Excel ${fmt(naive.ms + naive.syncs * RTT)})`);
    console.log(
      `    ratio naive / ours: syncs ${(naive.syncs / ours.syncs).toFixed(0)}× (target ≥ 20×); time on the stand-in (no round trips) ${(naive.ms / ours.ms).toFixed(1)}×; estimated time in Excel ${((naive.ms + naive.syncs * RTT) / (ours.ms + ours.syncs * RTT)).toFixed(0)}×`,
    );
  }

  // The .xlsx writer for 400 gemeenten (two approaches each).
  const values = generateAnswers(800);
  const t0 = performance.now();
  const read = readAnswers({ name: "Antwoorden", values }, ggsr2013);
  const scored = scoreAll(read.approaches, ggsr2013);
  // The findings and conclusions are built lazily; build them here so "layouts" is the layout alone.
  for (const r of scored) {
    for (const i of r.indicators) void i.finding;
    void r.conclusions;
  }
  const t1 = performance.now();
  const layouts = studyLayouts(scored, { framework: ggsr2013, month: MONTH });
  const t2 = performance.now();
  const wb = new ExcelJS.Workbook();
  for (const l of layouts) renderLayout(wb, l);
  const t3 = performance.now();
  const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
  const t4 = performance.now();
  const pages = layouts.reduce((n, l) => n + (l.kind === "factsheet" ? l.pageBreaks.length + 1 : 0), 0);
  console.log(`  .xlsx writer, 400 gemeenten (800 approaches, ${layouts.length - 1} factsheets of ${pages} pages + Overzicht):`);
  console.log(`    read + score + texts ${fmt(t1 - t0)}, layouts ${fmt(t2 - t1)}, ExcelJS sheets ${fmt(t3 - t2)}, .xlsx bytes ${fmt(t4 - t3)}; total ${fmt(t4 - t0)}, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);
  console.log(`    per gemeente: ${fmt((t4 - t1) / 400)} for layout and writing; heap used ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
