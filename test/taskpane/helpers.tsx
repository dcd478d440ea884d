import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { exampleAnswerRows, exampleContextRows } from "../../src/examples/seeds";
import { ggsr2013 } from "../../src/scoring";
import type { CellValue } from "../../src/scoring";
import { App } from "../../src/taskpane/App";
import type { Step } from "../../src/taskpane/App";
import { workbookBuffer, writeStudyWorkbook } from "../../src/xlsx/write";
import { FakeWorkbook } from "./fake";

/** Renders the pane and waits until its first look at the workbook is done. */
export async function renderApp(workbook: FakeWorkbook, initialStep: Step = "start", language: "nl" | "en" = "nl") {
  const utils = render(<App inExcel workbook={workbook} language={language} initialStep={initialStep} />);
  await waitIdle();
  return utils;
}

/** The example study as an .xlsx file (what `stj example` writes). */
export async function exampleFile(name = "voorbeeld.xlsx"): Promise<File> {
  const wb = writeStudyWorkbook(ggsr2013, { answers: exampleAnswerRows(ggsr2013), context: exampleContextRows() });
  const bytes = await workbookBuffer(wb);
  return new File([new Uint8Array(bytes)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** A workbook that already holds the example study's Antwoorden and Context. */
export function exampleWorkbook(extra: Record<string, CellValue[][]> = {}): FakeWorkbook {
  return new FakeWorkbook({ Antwoorden: exampleAnswerRows(ggsr2013), Context: exampleContextRows(), ...extra });
}

/** The visible panel of a step. */
export function panel(step: Step): HTMLElement {
  const el = document.getElementById(`panel-${step}`);
  if (!el) throw new Error(`no panel ${step}`);
  return el;
}

export async function waitIdle(): Promise<void> {
  await waitFor(() => expect(screen.getByTestId("pane-status").getAttribute("aria-busy")).toBe("false"), { timeout: 20000 });
}

export function inPanel(step: Step) {
  return within(panel(step));
}

/** Opens a step by clicking its tab. */
export function tab(name: string) {
  fireEvent.click(screen.getByRole("tab", { name }));
}

/** Scores the example study (3 approaches) from the Scoren step and waits for the result. */
export async function score(): Promise<void> {
  tab("Scoren");
  fireEvent.click(inPanel("scoren").getByRole("button", { name: /^(Scoren|Opnieuw scoren)$/ }));
  await waitIdle();
  await inPanel("scoren").findByText(/Gescoord: 3 aanpakken/);
}

/**
 * The open confirmation dialog. In jsdom, Fluent's focus manager marks a dialog aria-hidden some
 * 250 ms after it opens (focus does not move into it as in a browser); the browser test checks the
 * real dialog, here we look past that.
 */
export async function dialog(): Promise<HTMLElement> {
  const found = await screen.findAllByRole("alertdialog", { hidden: true });
  return found[found.length - 1];
}

export async function answerDialog(button: string): Promise<string> {
  const d = await dialog();
  const text = d.textContent ?? "";
  fireEvent.click(within(d).getByRole("button", { name: button, hidden: true }));
  await waitFor(() => expect(screen.queryAllByRole("alertdialog", { hidden: true }).filter((x) => x.getAttribute("aria-hidden") !== "true")).toHaveLength(0));
  return text;
}
