/** Reading the answers file the analyst picks, as the pane does in the browser (src/taskpane/importFile.ts). */
import { exampleAnswerRows } from "../../src/examples/seeds";
import { ggsr2013 } from "../../src/scoring";
import { ImportFileError, readAnswersFile, rowsFromHeader } from "../../src/taskpane/importFile";
import { workbookBuffer, writeStudyWorkbook } from "../../src/xlsx/write";

const picked = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });

test("a CSV with semicolons, quotes and a byte-order mark", async () => {
  const rows = exampleAnswerRows(ggsr2013).slice(0, 5);
  const csv = rows.map((r) => r.map((v) => `"${String(v ?? "").replace(/"/g, '""')}"`).join(";")).join("\r\n");
  const file = await readAnswersFile(picked("antwoorden.csv", new TextEncoder().encode(`\ufeff${csv}`)));
  expect(file.answers).toHaveLength(5);
  expect(file.approaches).toBe(1);
  expect(file.respondents).toBe(4);
  expect(file.context).toBeNull();
});

test("an .xlsx with the answers and a context sheet", async () => {
  const wb = writeStudyWorkbook(ggsr2013, { answers: exampleAnswerRows(ggsr2013) });
  const file = await readAnswersFile(picked("studie.xlsx", new Uint8Array(await workbookBuffer(wb))));
  expect(file.answers?.[0].slice(0, 4)).toEqual(["Gemeente", "Aanpak", "Respondent", "Rol"]);
  expect(file.approaches).toBe(3);
  expect(file.errors).toBe(0);
  // The template's empty Context sheet (only its header) is not offered.
  expect(file.context).toBeNull();
});

test("files it cannot read say why", async () => {
  await expect(readAnswersFile(picked("oud.xls", new Uint8Array([1])))).rejects.toMatchObject({ kind: "xls" });
  await expect(readAnswersFile(picked("notities.docx", new Uint8Array([1])))).rejects.toMatchObject({ kind: "type" });
  await expect(readAnswersFile(picked("vermomd.xlsx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).rejects.toMatchObject({ kind: "xls" });
  const err = await readAnswersFile(picked("kapot.xlsx", new Uint8Array([1, 2, 3]))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportFileError);
  expect((err as ImportFileError).detail).toMatch(/kapot\.xlsx kan niet worden gelezen als Excel-werkmap/);
});

test("rows start at the header: empty rows above and the sheet's offset are dropped", () => {
  expect(rowsFromHeader({ name: "A", values: [[null], ["Gemeente", "Aanpak"], ["X", "Y"], [null, null]], origin: { row: 0, col: 1 } })).toEqual([
    [null, "Gemeente", "Aanpak"],
    [null, "X", "Y"],
  ]);
  expect(rowsFromHeader({ name: "A", values: [] })).toBeNull();
});
