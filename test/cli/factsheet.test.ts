/** `stj factsheet`: only the overview and the factsheets, with the month and gemeenten chosen. */
import { run } from "../../src/cli";
import { loadWorkbook, memoryIO, tempDir } from "../xlsx/helpers";

describe("stj factsheet", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it("writes Overzicht and one factsheet per gemeente, with the month given", async () => {
    const io = memoryIO(tmp.dir);
    expect(await run(["example", "-o", "voorbeeld.xlsx"], io)).toBe(0);
    expect(await run(["factsheet", "voorbeeld.xlsx", "-o", "fs.xlsx", "--maand", "september 2013"], io)).toBe(0);
    expect(io.out).toContain("Factsheets geschreven naar");
    const wb = await loadWorkbook(tmp.path("fs.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Overzicht", "Factsheet Emmen", "Factsheet Oosterhout", "Factsheet Spijkenisse"]);
    const values: unknown[] = [];
    wb.getWorksheet("Factsheet Spijkenisse")!.eachRow((r) => r.eachCell((c) => values.push(c.value)));
    expect(values).toContain("September 2013");
    expect(values).toContain("Uitkomsten toezichtonderzoek Spijkenisse");
  });

  it("chooses gemeenten, leaves out the overview on request and refuses unknown gemeenten", async () => {
    const io = memoryIO(tmp.dir);
    await run(["example", "-o", "voorbeeld2.xlsx"], io);
    expect(await run(["factsheet", "voorbeeld2.xlsx", "-o", "een.xlsx", "--gemeente", "emmen,Spijkenisse", "--zonder-overzicht"], io)).toBe(0);
    expect((await loadWorkbook(tmp.path("een.xlsx"))).worksheets.map((w) => w.name)).toEqual(["Factsheet Emmen", "Factsheet Spijkenisse"]);
    const bad = memoryIO(tmp.dir);
    expect(await run(["factsheet", "voorbeeld2.xlsx", "-o", "twee.xlsx", "--gemeente", "Assen"], bad)).toBe(2);
    expect(bad.err).toContain("onbekende gemeente 'Assen'");
    expect(await run(["factsheet", "voorbeeld2.xlsx", "-o", "een.xlsx"], bad)).toBe(2);
    expect(bad.err).toContain("bestaat al");
  });
});
