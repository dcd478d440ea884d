/**
 * @jest-environment jsdom
 */
import "./setup";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { exampleAnswerRows } from "../../src/examples/seeds";
import { columnLetter, ggsr2013 } from "../../src/scoring";
import type { CellValue } from "../../src/scoring";
import { answersHeader, RESULT_COLUMNS } from "../../src/taskpane/sheets";
import { FakeWorkbook } from "./fake";
import { answerDialog, exampleFile, exampleWorkbook, inPanel, panel, renderApp, score, tab, waitIdle } from "./helpers";

jest.setTimeout(60000);

describe("Start", () => {
  test("recognises an empty workbook and sets up the missing sheets with dropdowns", async () => {
    const wb = new FakeWorkbook();
    await renderApp(wb);
    await waitIdle();
    expect(inPanel("start").getAllByText("ontbreekt")).toHaveLength(4);
    fireEvent.click(screen.getByRole("button", { name: "Bladen klaarzetten" }));
    await inPanel("start").findByText(/Klaargezet: Antwoorden, Context, Toetsingskader, Aanpassingen/);
    expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Antwoorden", "Context", "Toetsingskader", "Aanpassingen"]));
    const answers = wb.sheet("Antwoorden")!;
    expect(answers.values[0]).toEqual(answersHeader(ggsr2013));
    const roleValidation = answers.spec!.validations!.find((v) => v.range.startsWith("D2:"));
    expect(roleValidation?.list).toBe("gemeente,netwerkpartner,document");
    expect(answers.spec!.freeze).toEqual({ rows: 1, columns: 4 });
    expect(inPanel("start").queryByText("ontbreekt")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Bladen klaarzetten" }));
    await inPanel("start").findByText("Alle bladen zijn er al; er is niets veranderd.");
  });

  test("imports answers and context from an .xlsx, replacing existing answers only after a yes", async () => {
    const wb = new FakeWorkbook({ Antwoorden: [answersHeader(ggsr2013), ["Ergens", "Iets", "Iemand", "gemeente"]] });
    await renderApp(wb);
    await waitIdle();
    const input = panel("start").querySelector("input[type=file]") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [await exampleFile()] } });
    await inPanel("start").findByText(/voorbeeld\.xlsx: 14 respondenten in 3 aanpakken; geen fouten of waarschuwingen/, undefined, { timeout: 20000 });
    expect((inPanel("start").getByRole("checkbox", { name: /Ook het blad Context/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Importeren" }));
    expect(await answerDialog("Annuleren")).toMatch(/bevat al 1 rij met antwoorden/);
    await waitIdle();
    expect(wb.sheet("Antwoorden")!.values).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Importeren" }));
    await answerDialog("Vervangen");
    await inPanel("start").findByText(/14 rijen met antwoorden en de context staan nu in de werkmap/);
    expect(wb.sheet("Antwoorden")!.values).toHaveLength(15);
    expect(wb.sheet("Context")!.values.length).toBeGreaterThan(3);
    expect(wb.selections.at(-1)).toEqual({ sheet: "Antwoorden", address: "A1" });
  });

  test("explains a file it cannot read, in Dutch, with what to do", async () => {
    await renderApp(new FakeWorkbook());
    await waitIdle();
    const input = panel("start").querySelector("input[type=file]") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["x"], "oud.xls")] } });
    await screen.findByText(/oud\.xls is een oud Excel-bestand \(\.xls\)\. Open het in Excel en sla het op als Excel-werkmap/);
    fireEvent.change(input, { target: { files: [new File(["x"], "kapot.xlsx")] } });
    await screen.findByText(/Het bestand kan niet worden gelezen: kapot\.xlsx kan niet worden gelezen als Excel-werkmap/);
  });
});

describe("Controleren", () => {
  test("lists every problem with sheet and cell; choosing one selects the cell", async () => {
    const rows = exampleAnswerRows(ggsr2013).map((r) => [...r]);
    const col = (rows[0] as CellValue[]).indexOf("AP9");
    rows[2][col] = "jaa";
    const wb = new FakeWorkbook({ Antwoorden: rows });
    await renderApp(wb, "controleren");
    fireEvent.click(inPanel("controleren").getByRole("button", { name: "Controleren" }));
    await waitIdle();
    await inPanel("controleren").findByText(/1 fout en 0 waarschuwingen/);
    const letter = columnLetter(col);
    const link = inPanel("controleren").getByRole("button", { name: `Ga naar Antwoorden!${letter}3` });
    expect(inPanel("controleren").getByText(/AP9: 'jaa' is geen geldig antwoord/)).toBeTruthy();
    fireEvent.click(link);
    await waitFor(() => expect(wb.selections).toContainEqual({ sheet: "Antwoorden", address: `${letter}3` }));
  });

  test("says so when the workbook has no answers sheet", async () => {
    await renderApp(new FakeWorkbook({ Blad1: [["x"]] }), "controleren");
    fireEvent.click(inPanel("controleren").getByRole("button", { name: "Controleren" }));
    await waitIdle();
    await inPanel("controleren").findByText(/deze werkmap heeft geen blad 'Antwoorden'.*Zet de bladen klaar/);
  });
});

describe("Scoren, Beoordelen, Factsheet, Overzicht", () => {
  test("scores, asks before overwriting a sheet it did not write, and writes the output sheets", async () => {
    const wb = exampleWorkbook({ Resultaten: [["Mijn eigen aantekeningen"]] });
    await renderApp(wb, "scoren");
    fireEvent.click(inPanel("scoren").getByRole("button", { name: "Scoren" }));
    expect(await answerDialog("Vervangen")).toMatch(/niet door STJ Toets gemaakt.*Resultaten/);
    await inPanel("scoren").findByText(/Gescoord: 3 aanpakken/);
    const results = wb.sheet("Resultaten")!;
    expect(results.values[0]).toEqual([...RESULT_COLUMNS]);
    expect(results.values).toHaveLength(91);
    expect(wb.sheet("Controle")).toBeDefined();
    expect(wb.sheet("Overeenstemming")).toBeDefined();
    expect(inPanel("scoren").getByText(/Emmen — CJG-aanpak/)).toBeTruthy();

    // A second run rewrites its own sheets without asking.
    fireEvent.click(inPanel("scoren").getByRole("button", { name: "Opnieuw scoren" }));
    await waitIdle();
    expect(screen.queryAllByRole("alertdialog", { hidden: true })).toHaveLength(0);
  });

  test("review: badges, answers side by side with links, an override with reason that survives re-scoring", async () => {
    const wb = exampleWorkbook();
    await renderApp(wb);
    await waitIdle();
    await score();
    tab("Beoordelen");
    const list = inPanel("beoordelen");
    expect((list.getByRole("combobox", { name: "Aanpak" }) as HTMLSelectElement).value).toContain("emmen");
    const ap9 = list.getByRole("button", { name: /^AP9 De doorzettingsmacht/ });
    expect(within(ap9).getByText("✗ verbeterpunt")).toBeTruthy();
    fireEvent.click(ap9);

    const detail = inPanel("beoordelen");
    await detail.findByRole("heading", { name: /AP9 De doorzettingsmacht/ });
    expect(document.activeElement).toBe(detail.getByRole("heading", { name: /AP9 De doorzettingsmacht/ }));
    const table = detail.getByRole("table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Vraag", "Gemeente Emmengemeente", "CJGnetwerkpartner", "Icarenetwerkpartner", "Documentendocument"]);
    const answer = within(table).getByRole("button", { name: /^Gemeente Emmen, AP9: nee\. Ga naar Antwoorden!/ });
    fireEvent.click(answer);
    await waitFor(() => expect(wb.selections.at(-1)?.sheet).toBe("Antwoorden"));
    expect(wb.selections.at(-1)?.address).toMatch(/^[A-Z]+2$/);

    // No reason: a plain message, nothing written.
    fireEvent.change(detail.getByRole("combobox", { name: "Oordeel" }), { target: { value: "voldoet" } });
    fireEvent.click(detail.getByRole("button", { name: "Aanpassing opslaan" }));
    expect(await detail.findByText("Vul een reden in: elke aanpassing moet uitgelegd zijn.")).toBeTruthy();
    expect(wb.sheet("Aanpassingen")).toBeUndefined();

    fireEvent.change(detail.getByRole("textbox", { name: /Reden/ }), { target: { value: "Het mandaat staat in het convenant van 2012." } });
    fireEvent.change(detail.getByRole("textbox", { name: "Uw naam" }), { target: { value: "A. Analist" } });
    fireEvent.click(detail.getByRole("button", { name: "Aanpassing opslaan" }));
    await detail.findByText("Aanpassing opgeslagen op het blad Aanpassingen.");
    const overrides = wb.sheet("Aanpassingen")!.values;
    expect(overrides[0]).toEqual(["Gemeente", "Aanpak", "Indicator", "Oordeel", "Tekst", "Reden", "Door", "Datum"]);
    expect(overrides[1].slice(0, 7)).toEqual(["Emmen", "CJG-aanpak", "AP9", "voldoet", null, "Het mandaat staat in het convenant van 2012.", "A. Analist"]);
    expect(String(overrides[1][7])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(wb.settings.get("stj.analist")).toBe("A. Analist");
    expect(detail.getAllByText("✓ voldoet").length).toBeGreaterThan(0);
    expect(detail.getByText("aangepast")).toBeTruthy();
    expect(detail.getByText(/Aangepast door A\. Analist op/)).toBeTruthy();

    // Back to the list: focus returns to the indicator.
    fireEvent.click(detail.getByRole("button", { name: /Terug naar de lijst/ }));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-indicator")).toBe("AP9"));

    // Re-scoring keeps the override and writes it to Resultaten.
    tab("Scoren");
    expect(inPanel("scoren").getByText(/Scoor opnieuw om het blad Resultaten bij te werken/)).toBeTruthy();
    fireEvent.click(inPanel("scoren").getByRole("button", { name: "Opnieuw scoren" }));
    await waitIdle();
    await waitFor(() => expect(inPanel("scoren").queryByText(/Scoor opnieuw om het blad Resultaten/)).toBeNull());
    const row = wb.sheet("Resultaten")!.values.find((r) => r[0] === "Emmen" && r[4] === "AP9")!;
    expect(row[6]).toBe("✓ voldoet");
    expect(row[12]).toBe("ja");
  });

  test("factsheets for the chosen approaches, replacing an earlier one only after a yes", async () => {
    const wb = exampleWorkbook();
    await renderApp(wb);
    await waitIdle();
    await score();
    tab("Factsheet");
    const p = inPanel("factsheet");
    fireEvent.click(p.getByRole("checkbox", { name: "Oosterhout" }));
    fireEvent.click(p.getByRole("button", { name: "Factsheets maken" }));
    await p.findByText("Klaar: 2 factsheets.");
    expect(wb.factsheetRequests[0].groups.map((g) => g.gemeente)).toEqual(["Emmen", "Spijkenisse"]);
    expect(wb.factsheetRequests[0].groups[1].context?.inwoners).toBe(72000);
    fireEvent.click(p.getByRole("button", { name: "Ga naar Factsheet Emmen" }));
    await waitFor(() => expect(wb.selections.at(-1)).toEqual({ sheet: "Factsheet Emmen", address: "A1" }));

    fireEvent.click(p.getByRole("button", { name: "Factsheets maken" }));
    expect(await answerDialog("Annuleren")).toMatch(/Factsheet Emmen, Factsheet Spijkenisse/);
    await waitIdle();
    expect(wb.factsheetRequests).toHaveLength(1);
    fireEvent.click(p.getByRole("button", { name: "Factsheets maken" }));
    await answerDialog("Vervangen");
    await waitIdle();
    await waitFor(() => expect(wb.factsheetRequests).toHaveLength(2));
    expect(wb.factsheetRequests[1].replace).toEqual(["Factsheet Emmen", "Factsheet Spijkenisse"]);

    fireEvent.click(p.getByRole("button", { name: "Niets kiezen" }));
    fireEvent.click(p.getByRole("button", { name: "Factsheets maken" }));
    expect(await p.findByText("Kies ten minste één aanpak.")).toBeTruthy();
  });

  test("share copy for one gemeente, checked and offered as a download; the workbook is not changed", async () => {
    const wb = exampleWorkbook();
    await renderApp(wb);
    await score();
    tab("Factsheet");
    const p = inPanel("factsheet");
    const before = wb.sheets.map((x) => x.name);
    fireEvent.change(p.getByRole("combobox", { name: "Gemeente" }), { target: { value: "Spijkenisse" } });
    fireEvent.click(p.getByRole("checkbox", { name: /Met de namen van de netwerkpartners/ }));
    fireEvent.click(p.getByRole("button", { name: "Deelkopie maken" }));
    const link = await p.findByRole("link", { name: /^Uitkomsten toezichtonderzoek Spijkenisse \d{4}-\d\d\.xlsx downloaden$/ }, { timeout: 20000 });
    expect(link.getAttribute("href")).toMatch(/^blob:/);
    expect(link.getAttribute("download")).toMatch(/^Uitkomsten toezichtonderzoek Spijkenisse/);
    expect(p.getByText(/Controleer dat dit organisaties zijn, geen personen: .*CJG/)).toBeTruthy();
    expect(wb.sheets.map((x) => x.name)).toEqual(before);
  });

  test("overview: counts, an accessible chart and the verdict matrix", async () => {
    const wb = exampleWorkbook();
    await renderApp(wb);
    await waitIdle();
    await score();
    tab("Overzicht");
    const p = inPanel("overzicht");
    expect(p.getByText(/3 aanpakken in 3 gemeenten\. Van de 90 oordelen/)).toBeTruthy();
    const chart = p.getByRole("img", { name: "Verbeterpunten per thema" });
    expect(chart.querySelector("desc")?.textContent).toMatch(/Toeleiding: \d+ verbeterpunten/);
    const matrix = p.getByRole("region", { name: /Tabel met oordelen/ });
    expect(within(matrix).getAllByRole("row")).toHaveLength(2 + 3);
    expect(within(matrix).getByRole("rowheader", { name: "Emmen — CJG-aanpak" })).toBeTruthy();
    fireEvent.click(p.getByRole("button", { name: "Overzicht in de werkmap zetten" }));
    await p.findByRole("button", { name: "Het overzicht staat op het blad Overzicht." });
    expect(wb.overviewRequests[0].results).toHaveLength(3);
  });
});

describe("language", () => {
  test("English when Office speaks English", async () => {
    await renderApp(new FakeWorkbook(), "start", "en");
    await waitIdle();
    expect(screen.getByRole("tab", { name: "Check" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Set up sheets" })).toBeTruthy();
    expect(screen.getAllByText("missing")).toHaveLength(4);
  });
});
