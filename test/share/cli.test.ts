/**
 * `stj share` usage and file handling, and that src/share can run in the task pane (no Node.js
 * module anywhere in its import graph, so webpack can bundle it for the browser).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { run } from "../../src/cli";
import { parseShareDate } from "../../src/cli/share";
import { sanitiseFileName, shareFileName, uniqueFileName, xmlSafe } from "../../src/share";
import { memoryIO, tempDir } from "../xlsx/helpers";

const tmp = tempDir("stj-share-cli-");
afterAll(() => tmp.cleanup());

describe("stj share", () => {
  const example = tmp.path("voorbeeld.xlsx");
  beforeAll(async () => {
    expect(await run(["example", "-o", example], memoryIO())).toBe(0);
  });

  it("writes the clear file name in the current folder by default, and refuses to overwrite it", async () => {
    const io = memoryIO(tmp.dir);
    expect(await run(["share", "voorbeeld.xlsx", "--gemeente", "Emmen", "--datum", "2024-11"], io)).toBe(0);
    const file = tmp.path("Uitkomsten toezichtonderzoek Emmen 2024-11.xlsx");
    expect(io.out).toContain(`Deelkopie voor Emmen geschreven naar ${file}`);
    expect(io.out).toContain("zonder naam");
    const before = statSync(file).mtimeMs;
    const again = memoryIO(tmp.dir);
    expect(await run(["share", "voorbeeld.xlsx", "--gemeente", "Emmen", "--datum", "2024-11"], again)).toBe(2);
    expect(again.err).toMatch(/bestaat al\. Gebruik --overwrite/);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(await run(["share", "voorbeeld.xlsx", "--gemeente", "Emmen", "--datum", "2024-11", "--overwrite"], memoryIO(tmp.dir))).toBe(0);
  });

  it("takes -o as a file name or a folder, and names the partners it includes with --met-namen", async () => {
    const io = memoryIO(tmp.dir);
    expect(await run(["share", example, "--gemeente", "oosterhout", "-o", "eigen naam.xlsx", "--met-namen"], io)).toBe(0);
    expect(existsSync(tmp.path("eigen naam.xlsx"))).toBe(true);
    expect(io.out).toContain("Namen van netwerkpartners in de deelkopie: Multivision, GGD West-Brabant, Surplus Welzijn.");
    expect(await run(["share", example, "--gemeente", "Spijkenisse", "-o", "map/sub/", "--datum", "2024-03-01"], memoryIO(tmp.dir))).toBe(0);
    expect(existsSync(tmp.path("map/sub/Uitkomsten toezichtonderzoek Spijkenisse 2024-03.xlsx"))).toBe(true);
  });

  it("exits 2 with a Dutch message on usage errors, and writes nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["share", example], /heeft een gemeente nodig: --gemeente/],
      [["share", example, "--gemeente", "Oosterhuot"], /gemeente 'Oosterhuot' staat niet in .*Bedoelt u 'Oosterhout'\?/],
      [["share", example, "--gemeente", "Emmen", "-o", "x.csv"], /moet een \.xlsx-bestand zijn/],
      [["share", example, "--gemeente", "Emmen", "--datum", "2024-13-01"], /--datum '2024-13-01' is geen datum/],
      [["share", example, "--gemeente", "Emmen", "-o", example, "--overwrite"], /ook het invoerbestand/],
      [["share", tmp.path("nergens.xlsx"), "--gemeente", "Emmen"], /nergens\.xlsx bestaat niet/],
      [["batch", example], /heeft een uitvoermap nodig: --out/],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIO(tmp.dir);
      expect(await run(argv, io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(example).length).toBeGreaterThan(0);
  });

  it("has help in Dutch with an English line", async () => {
    for (const cmd of ["share", "batch"]) {
      const io = memoryIO();
      expect(await run([cmd, "--help"], io)).toBe(0);
      expect(io.out).toContain(`Gebruik: stj ${cmd}`);
      expect(io.out).toMatch(/\(Writes /);
    }
    const io = memoryIO();
    await run(["--help"], io);
    expect(io.out).toContain("share <invoer.xlsx|.csv> --gemeente <naam>");
    expect(io.out).toContain("batch <antwoorden.xlsx|.csv> --out <map>");
  });
});

describe("file names and text", () => {
  it("makes clear, valid file names", () => {
    const d = new Date(2024, 2, 5);
    expect(shareFileName("Emmen", d)).toBe("Uitkomsten toezichtonderzoek Emmen 2024-03.xlsx");
    expect(shareFileName("Bergen (NH)", d)).toBe("Uitkomsten toezichtonderzoek Bergen (NH) 2024-03.xlsx");
    expect(shareFileName("Súdwest-Fryslân", d)).toBe("Uitkomsten toezichtonderzoek Súdwest-Fryslân 2024-03.xlsx");
    expect(shareFileName('a/b\\c:d*e?f"g<h>i|j', d)).toBe("Uitkomsten toezichtonderzoek a-b-c-d-e-f-g-h-i-j 2024-03.xlsx");
    expect(shareFileName("x".repeat(500), d).length).toBeLessThanOrEqual(150);
    expect(sanitiseFileName(" ..con.. ")).toBe("con-");
    expect(sanitiseFileName("")).toBe("bestand");
    const taken = new Set<string>();
    expect(uniqueFileName("A.xlsx", taken)).toBe("A.xlsx");
    expect(uniqueFileName("a.xlsx", taken)).toBe("a (2).xlsx");
  });

  it("replaces what XML cannot hold", () => {
    expect(xmlSafe("a\ud800b\ufffec\u0001d")).toBe("a\ufffdb\ufffdc\ufffdd");
    expect(xmlSafe("emoji 😀 blijft")).toBe("emoji 😀 blijft");
  });

  it("parses --datum", () => {
    expect(parseShareDate("2024-03-05").getDate()).toBe(5);
    expect(parseShareDate("2024-3").getMonth()).toBe(2);
    expect(() => parseShareDate("5-3-2024")).toThrow(/geen datum/);
  });
});

describe("src/share runs in the browser", () => {
  it("imports no Node.js module, directly or through its imports (so the task pane can bundle it)", () => {
    const root = resolve(__dirname, "../../src/share/index.ts");
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
        const spec = m[1];
        if (spec.startsWith(".")) {
          const base = resolve(dirname(file), spec);
          const candidates = [`${base}.ts`, join(base, "index.ts")];
          const next = candidates.find((c) => existsSync(c));
          if (next) visit(next);
        } else if (/^(node:|fs$|path$|os$|child_process$|stream$)/.test(spec)) nodeImports.push(`${file}: ${spec}`);
      }
      for (const m of src.matchAll(/(?:require\(|import\()\s*"([^"]+)"/g)) if (/^(node:|fs$|path$)/.test(m[1])) nodeImports.push(`${file}: ${m[1]}`);
    };
    visit(root);
    expect(seen.size).toBeGreaterThan(5);
    expect(nodeImports).toEqual([]);
    writeFileSync(tmp.path("graph.txt"), [...seen].join("\n"));
  });
});
