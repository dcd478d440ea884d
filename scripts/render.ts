/**
 * `npm run render`: runs the demo, then renders the factsheets of the example study (one workbook
 * per gemeente) and the overview with LibreOffice and writes their pages as PNG images to
 * out/render/ (factsheet-<gemeente>-<page>.png, overzicht-<page>.png), plus the PDFs, and reports
 * per factsheet whether any text is cut (src/render/check.ts). STJ_MONTH sets the month shown,
 * STJ_RENDER_DPI the image resolution (default 80).
 * Needs LibreOffice (soffice) and poppler-utils (scripts/system-deps.sh installs them).
 */
import ExcelJS from "exceljs";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run } from "../src/cli";
import { readStudy, scoreStudy } from "../src/cli/study";
import { exampleAnswerRows, exampleContextRows } from "../src/examples/seeds";
import { studyLayouts } from "../src/layout";
import type { SheetLayout } from "../src/layout";
import { checkLayout } from "../src/render/check";
import { convertToPdf, pageCount, pageWords, pdfToPngs } from "../src/render/pdf";
import { ggsr2013 } from "../src/scoring";
import { renderLayout } from "../src/xlsx/factsheet";
import { workbookBuffer } from "../src/xlsx/write";

export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? "out/render");
  const code = await run(["demo", "--out-dir", resolve(outDir, "..")], { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) });
  if (code === 2) throw new Error("stj demo failed");
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/\.(png|pdf|xlsx)$/.test(f)) rmSync(join(outDir, f));

  const study = readStudy({ answers: { name: "Antwoorden", values: exampleAnswerRows(ggsr2013) }, context: { name: "Context", values: exampleContextRows() } });
  const results = scoreStudy(study);
  const layouts = studyLayouts(results, { framework: study.framework, contexts: study.contexts, month: process.env.STJ_MONTH });
  const files: { name: string; path: string; layout: SheetLayout }[] = [];
  for (const layout of layouts) {
    const name = layout.kind === "overview" ? "overzicht" : `factsheet-${slug(layout.gemeente ?? layout.name)}`;
    const wb = new ExcelJS.Workbook();
    renderLayout(wb, layout);
    const path = join(outDir, `${name}.xlsx`);
    writeFileSync(path, await workbookBuffer(wb));
    files.push({ name, path, layout });
  }

  const t0 = Date.now();
  const pdfs = await convertToPdf(
    files.map((f) => f.path),
    outDir,
  );
  console.log(`LibreOffice: ${files.length} workbooks to PDF in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (let i = 0; i < files.length; i++) {
    await pdfToPngs(pdfs[i], join(outDir, files[i].name), Number(process.env.STJ_RENDER_DPI ?? 80));
    let note = "";
    if (files[i].layout.kind === "factsheet") {
      const check = checkLayout(files[i].layout, await pageWords(pdfs[i]));
      const slack = check.cells.filter((c) => c.page !== null).map((c) => c.cellHeight - c.textHeight);
      note = `; ${check.cells.length} text cells, ${check.missing.length} not found, ${check.cut.length} cut; room below the text: min ${Math.min(...slack).toFixed(1)} pt, median ${slack.sort((x, y) => x - y)[Math.floor(slack.length / 2)].toFixed(1)} pt`;
    }
    console.log(`  ${files[i].name}: ${await pageCount(pdfs[i])} pages${note}`);
  }
  console.log(`Pages written to ${outDir} (PNG and PDF).`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
