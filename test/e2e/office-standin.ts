/**
 * Browser entry of the end-to-end test: served in place of https://appsforoffice.microsoft.com/…/office.js.
 * It puts the Excel stand-in (test/standin, state in an ExcelJS workbook) and an `Office` global into
 * the page, starting from an empty workbook, and exposes `window.__standin` so the test can read the
 * workbook (as .xlsx bytes), the selection, settings and sync counts afterwards.
 *
 * Query parameters of the page: `lang` (Office display language, default nl-NL), `theme=dark`.
 */
import ExcelJS from "exceljs";
import { StandIn } from "../standin/excel";
import { installOffice } from "./office-shim";

const params = new URLSearchParams(window.location.search);
const standIn = new StandIn(new ExcelJS.Workbook());
const shim = installOffice(standIn, window as unknown as Record<string, unknown>, {
  displayLanguage: params.get("lang") ?? "nl-NL",
  darkTheme: params.get("theme") === "dark",
});

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

(window as unknown as Record<string, unknown>).__standin = {
  async xlsxBase64(): Promise<string> {
    return base64(new Uint8Array(await standIn.save()));
  },
  selection: () => standIn.selection,
  stats: () => ({ ...standIn.stats }),
  resetStats: () => standIn.resetStats(),
  settings: () => Object.fromEntries(shim.settings),
  sheetNames: () => standIn.workbook.worksheets.map((w) => w.name),
  /** Types a value into a cell, as the analyst would in Excel. */
  setCell(sheet: string, address: string, value: string | number | null): void {
    const ws = standIn.sheetByName(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}`);
    ws.getCell(address).value = value;
  },
  cell(sheet: string, address: string): unknown {
    return standIn.sheetByName(sheet)?.getCell(address).value ?? null;
  },
};
