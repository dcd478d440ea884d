/**
 * A 50,000-row answers sheet: 12,000 valid approaches (bench/score.ts's generator) with 2,000 bad
 * rows spread through it. Every bad row is reported with its cell; every valid approach is read and
 * scored, and (for a sample, to keep the run short) exactly as when scored without the bad rows.
 */
import { generateAnswers } from "../../bench/score";
import { parseAddress, readAnswers, scoreAll } from "../../src/scoring";
import type { CellValue, SheetData } from "../../src/scoring";
import { expectGoodIssues } from "./checks";
import { FW } from "./generators";

describe("a 50,000-row sheet", () => {
  it("reads and scores 12,000 valid approaches among 2,000 bad rows, each bad row reported with its cell", () => {
    const valid = generateAnswers(12_000, 3);
    const header = valid[0];
    const bad: CellValue[][] = [];
    for (let i = 0; i < 2_000; i++) {
      const kind = i % 5;
      bad.push(
        kind === 0
          ? ["Kapot", "X", `R${i}`, "partnr", "ja"] // unknown role
          : kind === 1
            ? ["Kapot", { error: "#N/A" }, `R${i}`, "gemeente"] // error value as key
            : kind === 2
              ? [new Date(Date.UTC(2013, 0, 1)), "X", `R${i}`, "gemeente"] // a date as gemeente
              : kind === 3
                ? ["Kapot", "X", "", "netwerkpartner"] // no respondent
                : ["Kapot", `Y${i}`, "R", "document", "jaa"], // read, but its answer is invalid
      );
    }
    // One bad row after every 24 valid rows.
    const values: CellValue[][] = [header];
    let b = 0;
    for (let i = 1; i < valid.length; i++) {
      values.push(valid[i]);
      if (i % 24 === 0 && b < bad.length) values.push(bad[b++]);
    }
    while (b < bad.length) values.push(bad[b++]);
    expect(values.length).toBe(50_001);

    const sheet: SheetData = { name: "Antwoorden", values };
    const read = readAnswers(sheet, FW);
    const results = scoreAll(read.approaches, FW);
    expectGoodIssues(read.issues, sheet);

    // 1,600 bad rows are left out with an error on their key cell; 400 are read with their bad answer reported.
    const errors = read.issues.filter((i) => i.severity === "fout");
    expect(errors.filter((i) => ["unknown-role", "error-value", "invalid-key", "missing-key"].includes(i.code))).toHaveLength(1_600);
    expect(errors.filter((i) => i.code === "invalid-answer")).toHaveLength(400);
    const badRows = new Set<number>();
    values.forEach((row, r) => {
      if (row[0] === "Kapot" || row[0] instanceof Date) badRows.add(r);
    });
    expect(new Set(errors.map((i) => parseAddress(i.cell)!.row))).toEqual(badRows);

    // Every valid approach is there with its four respondents and thirty verdicts.
    const mine = results.filter((r) => r.gemeente.startsWith("Gemeente "));
    expect(mine).toHaveLength(12_000);
    expect(mine.every((r) => r.respondents.length === 4 && r.indicators.length === 30)).toBe(true);
    // A sample (the first 600 and the last 600 approaches) scored alone gives the same verdicts.
    const sample = [...valid.slice(1, 1 + 600 * 4), ...valid.slice(valid.length - 600 * 4)];
    const alone = scoreAll(readAnswers({ name: "Antwoorden", values: [header, ...sample] }, FW).approaches, FW);
    const picked = [...mine.slice(0, 600), ...mine.slice(mine.length - 600)];
    expect(picked.map((r) => `${r.gemeente}/${r.approach}:${r.indicators.map((i) => i.verdict[0]).join("")}`)).toEqual(
      alone.map((r) => `${r.gemeente}/${r.approach}:${r.indicators.map((i) => i.verdict[0]).join("")}`),
    );
  });
});
