/**
 * @jest-environment jsdom
 */
/** jest-axe over every step of the pane, before and after scoring, an open indicator and the dialog. */
import "./setup";
import { fireEvent, screen } from "@testing-library/react";
import { axe } from "jest-axe";
import { answerDialog, exampleWorkbook, inPanel, renderApp, score, tab, waitIdle } from "./helpers";

jest.setTimeout(90000);

test("no axe violations in any step, before and after scoring", async () => {
  const wb = exampleWorkbook();
  const { container } = await renderApp(wb);
  await waitIdle();
  expect(await axe(container)).toHaveNoViolations();
  for (const name of ["Controleren", "Beoordelen", "Factsheet", "Overzicht"]) {
    tab(name);
    expect(await axe(container)).toHaveNoViolations();
  }
  tab("Controleren");
  fireEvent.click(inPanel("controleren").getByRole("button", { name: "Controleren" }));
  await waitIdle();
  expect(await axe(container)).toHaveNoViolations();
  await score();
  expect(await axe(container)).toHaveNoViolations();
  for (const name of ["Beoordelen", "Factsheet", "Overzicht"]) {
    tab(name);
    expect(await axe(container)).toHaveNoViolations();
  }
  tab("Beoordelen");
  fireEvent.click(inPanel("beoordelen").getByRole("button", { name: /^TL1 / }));
  await inPanel("beoordelen").findByRole("heading", { name: /^TL1 / });
  expect(await axe(container)).toHaveNoViolations();
  // The confirmation dialog too.
  tab("Factsheet");
  fireEvent.click(inPanel("factsheet").getByRole("button", { name: "Factsheets maken" }));
  await inPanel("factsheet").findByText("Klaar: 3 factsheets.");
  fireEvent.click(inPanel("factsheet").getByRole("button", { name: "Factsheets maken" }));
  await screen.findByRole("alertdialog");
  expect(await axe(document.body)).toHaveNoViolations();
  await answerDialog("Annuleren");
});
