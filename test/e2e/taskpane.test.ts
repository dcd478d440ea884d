/**
 * End to end: the production build of the task pane, served on 127.0.0.1, in Debian's Chromium
 * (playwright-core, no browser download), with office.js replaced by the Excel stand-in and an empty
 * workbook. The analyst's whole day is clicked through — set up the sheets, import the example study
 * (an .xlsx picked in the file dialog), check, score, review, override one verdict with a reason,
 * score again (the override survives), make the factsheets, look at the overview — partly with the
 * keyboard only. Afterwards the workbook itself is checked (through the stand-in's ExcelJS model),
 * axe-core runs in the real browser (colour contrast included), and screenshots land in
 * out/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { columnLetter, ggsr2013 } from "../../src/scoring";
import { inspectShareBytes } from "../../src/share";
import { RESULT_COLUMNS } from "../../src/taskpane/sheets";
import { workbookBuffer, writeStudyWorkbook } from "../../src/xlsx/write";
import { buildPane, buildStandIn, ROOT } from "./build";
import { serve } from "./server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUT = join(ROOT, "out", "e2e");
const SHOTS = join(ROOT, "out", "screenshots");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

jest.setTimeout(180_000);

let context: BrowserContext;
let page: Page;
let server: { url: string; close: () => Promise<void> };
let userDataDir: string;
const problems: string[] = [];
let RUN = "";

/** A screenshot of what the analyst sees (the pane is 420 × 900), or of the whole page. */
async function shot(name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(250); // let Fluent's transitions (tab indicator, message bars) settle
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function idle(): Promise<void> {
  await page.locator('[data-testid="pane-status"][aria-busy="false"]').waitFor({ state: "attached", timeout: 60_000 });
}

/** Waits until `read()` gives `want` (deep equality), for effects that land after a click. */
async function until<T>(read: () => Promise<T>, want: T, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(want)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(last).toEqual(want);
}

async function standIn<T>(fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => (window as unknown as { __standin: Record<string, (...x: unknown[]) => unknown> }).__standin[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
}

/** axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays on). */
async function axeViolations(): Promise<string[]> {
  const source = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const violations = (await page.evaluate(() =>
    // Fluent's focus manager (tabster) puts invisible, aria-hidden <i tabindex="0"> guards around
    // focus groups that pass focus on at once; they are its design, not content, so axe skips them.
    (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; html?: string }[] }[] }> } }).axe.run(
      { include: [document], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    ),
  )) as { violations: { id: string; nodes: { target: string[]; html?: string }[] }[] };
  return violations.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${(n.html ?? "").slice(0, 160)}`).join(", ")}`);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is niet gevonden (${CHROMIUM}). De browsertest gebruikt Chromium van Debian; installeer het met:\n  sudo apt-get install -y --no-install-recommends chromium\n(npm test doet dat zelf via scripts/system-deps.sh als het als root draait.)`,
    );
  }
  // Screenshots are overwritten, builds go to a directory of this run: two runs at once (two people
  // running npm test in one checkout) do not pull the files from under each other.
  mkdirSync(SHOTS, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  RUN = mkdtempSync(join(OUT, "run-"));
  const dist = join(RUN, "dist");
  const [, standInJs] = await Promise.all([buildPane(dist), buildStandIn(join(RUN, "standin"))]);
  const standInSource = readFileSync(standInJs);

  // The file the analyst picks: the example study, as `stj example` writes it.
  const wb = writeStudyWorkbook(ggsr2013, { answers: exampleAnswerRows(ggsr2013), context: exampleContextRows() });
  writeFileSync(join(RUN, "voorbeeldstudie.xlsx"), await workbookBuffer(wb));

  server = await serve(dist);
  userDataDir = mkdtempSync(join(tmpdir(), "stj-e2e-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: 420, height: 900 },
    locale: "nl-NL",
    acceptDownloads: true,
    reducedMotion: "reduce",
  });
  // Nothing leaves the machine: office.js is the stand-in, everything else but the local server is refused.
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: standInSource });
    if (url.startsWith(server.url)) return route.continue();
    problems.push(`blocked request: ${url}`);
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
}, 170_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  if (RUN) rmSync(RUN, { recursive: true, force: true });
});

test("the whole flow from an empty workbook to factsheets, with an override that survives re-scoring", async () => {
  await page.goto(`${server.url}taskpane.html`);
  await page.getByRole("heading", { name: "STJ Toets", level: 1 }).waitFor();
  await idle();

  // --- Start: an empty workbook; set up the sheets -----------------------------------------------
  expect(await page.getByText("ontbreekt").count()).toBe(4);
  await shot("01-start-lege-werkmap");
  await page.getByRole("button", { name: "Bladen klaarzetten" }).click();
  await page.getByText(/Klaargezet: Antwoorden, Context, Toetsingskader, Aanpassingen/).waitFor();
  await idle();

  // --- Import the example study from an .xlsx ----------------------------------------------------
  await page.locator('input[type="file"]').setInputFiles(join(RUN, "voorbeeldstudie.xlsx"));
  await page.getByText(/voorbeeldstudie\.xlsx: 14 respondenten in 3 aanpakken; geen fouten of waarschuwingen/).waitFor();
  await shot("02-start-bestand-gekozen");
  await page.getByRole("button", { name: "Importeren" }).click();
  await page.getByText(/14 rijen met antwoorden en de context staan nu in de werkmap/).waitFor();
  await idle();
  expect(await standIn("selection")).toEqual({ sheet: "Antwoorden", address: "A1" });
  await shot("03-start-geimporteerd");

  // --- Controleren, with the keyboard only -------------------------------------------------------
  // The analyst mistypes an answer in Excel; Controleren points at the cell.
  const header = exampleAnswerRows(ggsr2013)[0] as string[];
  const ap9 = header.indexOf("AP9");
  const ap9Col = columnLetter(ap9);
  await standIn("setCell", "Antwoorden", `${ap9Col}3`, "jaa");
  await page.getByRole("tab", { name: "Start" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  expect(await page.getByRole("tab", { name: "Controleren" }).getAttribute("aria-selected")).toBe("true");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Controleren");
  await page.keyboard.press("Enter");
  await page.getByText(/1 fout en 0 waarschuwingen/).waitFor();
  await idle();
  const issueLink = page.getByRole("button", { name: `Ga naar Antwoorden!${ap9Col}3` });
  await issueLink.focus();
  await page.keyboard.press("Enter");
  await until(() => standIn("selection"), { sheet: "Antwoorden", address: `${ap9Col}3` });
  await shot("04-controleren-melding");
  await standIn("setCell", "Antwoorden", `${ap9Col}3`, "nee");

  // --- Scoren ------------------------------------------------------------------------------------
  await page.getByRole("tab", { name: "Scoren" }).click();
  await page.getByRole("button", { name: "Scoren", exact: true }).click();
  await page.getByText("Gescoord: 3 aanpakken. Resultaten staan op het blad Resultaten.").waitFor();
  await idle();
  await shot("05-scoren-klaar");

  // --- Beoordelen: open AP9 of Emmen, jump to an answer, override with a reason ------------------
  await page.getByRole("tab", { name: "Beoordelen" }).click();
  await shot("06-beoordelen-lijst");
  const ap9Button = page.getByRole("button", { name: /^AP9 De doorzettingsmacht/ });
  expect(await ap9Button.textContent()).toContain("✗ verbeterpunt");
  await ap9Button.click();
  await page.getByRole("heading", { name: /^AP9 De doorzettingsmacht/, level: 3 }).waitFor();
  const answer = page.getByRole("button", { name: /^CJG, AP9: nee\. Ga naar Antwoorden!/ });
  await answer.click();
  await until(() => standIn<{ sheet: string; address: string }>("selection").then((x) => x.address), `${ap9Col}3`);
  await shot("07-beoordelen-indicator");
  expect(await axeViolations()).toEqual([]);

  await page.getByRole("combobox", { name: "Oordeel" }).selectOption("voldoet");
  await page.getByRole("textbox", { name: /Reden/ }).fill("Het convenant van 2012 regelt de doorzettingsmacht; de respondenten kenden het niet.");
  await page.getByRole("textbox", { name: "Uw naam" }).fill("A. Analist");
  await page.getByRole("button", { name: "Aanpassing opslaan" }).click();
  await page.getByText("Aanpassing opgeslagen op het blad Aanpassingen.").waitFor();
  await idle();
  await page.getByText(/Aangepast door A\. Analist op/).waitFor();
  await shot("08-beoordelen-aanpassing");
  await page.getByRole("button", { name: /Terug naar de lijst/ }).click();
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-indicator"))).toBe("AP9");

  // --- Score again: the override survives --------------------------------------------------------
  await page.getByRole("tab", { name: "Scoren" }).click();
  await page.getByText(/Scoor opnieuw om het blad Resultaten bij te werken/).waitFor();
  await page.getByRole("button", { name: "Opnieuw scoren" }).click();
  await idle();
  await page.getByText(/Scoor opnieuw om het blad Resultaten/).waitFor({ state: "detached" });

  // --- Factsheets ---------------------------------------------------------------------------------
  await page.getByRole("tab", { name: "Factsheet" }).click();
  await page.getByRole("button", { name: "Factsheets maken" }).click();
  await page.getByText("Klaar: 3 factsheets.").waitFor({ timeout: 60_000 });
  await idle();
  await shot("09-factsheet-klaar");
  await page.getByRole("button", { name: "Ga naar Factsheet Emmen" }).click();
  await until(() => standIn("selection"), { sheet: "Factsheet Emmen", address: "A1" });
  // A second time asks before replacing; "Annuleren" leaves everything as it is.
  await page.getByRole("button", { name: "Factsheets maken" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/Factsheet Emmen, Factsheet Oosterhout, Factsheet Spijkenisse/);
  await page.waitForTimeout(600); // let the dialog finish fading in
  // Focus is in the dialog, on the safe choice.
  expect(await page.evaluate(() => document.activeElement?.closest("[role=alertdialog]") !== null && document.activeElement?.textContent)).toBe("Annuleren");
  await shot("10-factsheet-vervangen-vraag");
  await dialog.getByRole("button", { name: "Annuleren" }).click();
  await dialog.waitFor({ state: "detached" });
  await idle();

  // --- Share copy for Spijkenisse, downloaded --------------------------------------------------
  await page.getByRole("combobox", { name: "Gemeente" }).selectOption("Spijkenisse");
  await page.getByRole("button", { name: "Deelkopie maken" }).click();
  const downloadLink = page.getByRole("link", { name: /^Uitkomsten toezichtonderzoek Spijkenisse \d{4}-\d\d\.xlsx downloaden$/ });
  await downloadLink.waitFor({ timeout: 60_000 });
  await idle();
  await downloadLink.scrollIntoViewIfNeeded();
  await shot("11-delen-met-gemeente");
  const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
  const sharePath = join(RUN, download.suggestedFilename());
  await download.saveAs(sharePath);
  const shared = readFileSync(sharePath);
  expect((await inspectShareBytes(new Uint8Array(shared), { forbidden: ["Gemeente Spijkenisse", "Het convenant van 2012"] })).problems).toEqual([]);
  const shareBook = new ExcelJS.Workbook();
  await shareBook.xlsx.load(shared as unknown as ArrayBuffer);
  expect(shareBook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Factsheet Spijkenisse"]));

  // --- Overzicht ----------------------------------------------------------------------------------
  await page.getByRole("tab", { name: "Overzicht" }).click();
  await page.getByRole("img", { name: "Verbeterpunten per thema" }).waitFor();
  await shot("12-overzicht");
  expect(await axeViolations()).toEqual([]);
  await page.emulateMedia({ forcedColors: "active" });
  await page.getByRole("img", { name: "Verbeterpunten per thema" }).waitFor();
  await shot("13-overzicht-hoog-contrast");
  await page.emulateMedia({ forcedColors: "none" });
  await page.getByRole("button", { name: "Overzicht in de werkmap zetten" }).click();
  await page.getByRole("button", { name: "Het overzicht staat op het blad Overzicht." }).waitFor({ timeout: 60_000 });
  await idle();

  // --- The workbook afterwards --------------------------------------------------------------------
  const bytes = Buffer.from(await standIn<string>("xlsxBase64"), "base64");
  writeFileSync(join(OUT, "werkmap-na-de-test.xlsx"), bytes);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const names = book.worksheets.map((w) => w.name);
  expect(names).toEqual(
    expect.arrayContaining(["Antwoorden", "Context", "Toetsingskader", "Aanpassingen", "Resultaten", "Overeenstemming", "Controle", "Factsheet Emmen", "Factsheet Oosterhout", "Factsheet Spijkenisse", "Overzicht"]),
  );
  expect(names.some((n) => /\(oud\)|\(2\)/.test(n))).toBe(false);

  const answers = book.getWorksheet("Antwoorden")!;
  expect(answers.actualRowCount).toBe(15);
  expect(answers.getCell("A2").numFmt).toBe("@");
  expect(answers.getCell(`${ap9Col}3`).value).toBe("nee");

  const overrides = book.getWorksheet("Aanpassingen")!;
  const row = overrides.getRow(2).values as unknown[];
  expect(row.slice(1, 4)).toEqual(["Emmen", "CJG-aanpak", "AP9"]);
  expect(row[4]).toBe("voldoet");
  expect(row[6]).toMatch(/^Het convenant van 2012/);
  expect(row[7]).toBe("A. Analist");
  expect(String(row[8])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

  const results = book.getWorksheet("Resultaten")!;
  expect((results.getRow(1).values as unknown[]).slice(1)).toEqual([...RESULT_COLUMNS]);
  expect(results.actualRowCount).toBe(91);
  let found = false;
  results.eachRow((r) => {
    if (r.getCell(1).value === "Emmen" && r.getCell(5).value === "AP9") {
      found = true;
      expect(r.getCell(7).value).toBe("✓ voldoet");
      expect(r.getCell(13).value).toBe("ja");
    }
  });
  expect(found).toBe(true);
  expect(book.getWorksheet("Controle")!.getCell("D2").value).toMatch(/Geen meldingen/);
  expect(String(book.getWorksheet("Factsheet Emmen")!.getCell("A1").value ?? "") + JSON.stringify(book.getWorksheet("Factsheet Emmen")!.getSheetValues())).toContain("Uitkomsten toezichtonderzoek Emmen");
  expect(await standIn("settings")).toEqual({ "stj.analist": "A. Analist" });

  // The production manifest that was built with the pane.
  // The production manifest built with the pane is the source manifest with production URLs, exactly
  // what test/manifest checks against our rules (no localhost, https only, one shared runtime, …).
  const { rewriteManifest, productionUrl } = require(join(ROOT, "webpack.config.js")) as { rewriteManifest(xml: string, url: string): string; productionUrl(): string };
  const manifest = readFileSync(join(RUN, "dist", "manifest.xml"), "utf8");
  expect(manifest).toBe(rewriteManifest(readFileSync(join(ROOT, "manifest.xml"), "utf8"), productionUrl()));
  expect(manifest).not.toMatch(/localhost/i);

  // Office's dark theme (a fresh pane on an empty workbook), with axe's contrast check.
  const dark = await context.newPage();
  dark.on("pageerror", (e) => problems.push(`page error (dark): ${e.message}`));
  await dark.goto(`${server.url}taskpane.html?theme=dark`);
  await dark.getByRole("button", { name: "Bladen klaarzetten" }).waitFor();
  await dark.locator('[data-testid="pane-status"][aria-busy="false"]').waitFor({ state: "attached" });
  await dark.waitForTimeout(250);
  await dark.screenshot({ path: join(SHOTS, "14-start-donker-thema.png") });
  const main = page;
  page = dark;
  expect(await axeViolations()).toEqual([]);
  page = main;
  await dark.close();

  expect(problems).toEqual([]);
});
