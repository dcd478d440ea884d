/**
 * The metadata Excel reads: generated from the JSDoc of src/functions/functions.ts by the same
 * generator the build uses (custom-functions-metadata, inside CustomFunctionsMetadataPlugin), and the
 * Dutch copy the build derives from it (LocalizedFunctionsMetadataPlugin in webpack.config.js).
 * Also: functions.ts turns engine errors into CustomFunctions.Error with the right code.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { functionsNl } from "../../src/functions/functions-nl";
import { FakeCustomFunctionsError, installCustomFunctionsGlobal, removeCustomFunctionsGlobal, asExcelRange, EXAMPLE_ROWS } from "./helpers";

// webpack.config.js is CommonJS and exports the localisation step it runs at build time.
const { localizeFunctionsMetadata } = require("../../webpack.config.js") as {
  localizeFunctionsMetadata: (json: string, tr: unknown, label?: string) => { json: string; errors: string[]; warnings: string[] };
};

interface Param {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

const INPUT = path.resolve(__dirname, "../../src/functions/functions.ts");
let json = "";
let fns: Fn[] = [];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(INPUT, false);
  expect(generated.errors).toEqual([]);
  json = generated.metadataJson;
  fns = JSON.parse(json).functions;
}, 60000);

const fn = (id: string) => fns.find((f) => f.id === id)!;
const shape = (p: Param) => [p.name, p.type, p.dimensionality ?? "scalar", p.optional === true];

const indicator = ["indicator", "string", "scalar", false];
const answers = ["answers", "any", "matrix", false];
const approach = ["approach", "string", "scalar", true];
const framework = ["framework", "any", "matrix", true];

describe("generated functions.json", () => {
  it("declares exactly these functions, ids equal to names", () => {
    expect(fns.map((f) => f.id)).toEqual(["VERSION", "ANSWERS", "VERDICT", "DIVERGENCE", "FINDING", "VERDICTS", "AGREEMENT", "IMPROVEMENTS"]);
    for (const f of fns) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
      expect(f.description && f.description.length).toBeGreaterThan(10);
    }
  });

  it("has the right parameters: names, types, matrix ranges and optional flags", () => {
    expect(fn("VERSION").parameters).toEqual([]);
    expect(fn("ANSWERS").parameters.map(shape)).toEqual([answers]);
    for (const id of ["VERDICT", "DIVERGENCE", "FINDING"]) expect(fn(id).parameters.map(shape)).toEqual([indicator, answers, approach, framework]);
    for (const id of ["VERDICTS", "AGREEMENT"]) expect(fn(id).parameters.map(shape)).toEqual([answers, approach, framework]);
    expect(fn("IMPROVEMENTS").parameters.map(shape)).toEqual([answers, approach, ["theme", "string", "scalar", true], framework]);
    for (const f of fns) for (const p of f.parameters) expect(p.description && p.description.length).toBeGreaterThan(5);
  });

  it("spill functions return a matrix; the others a scalar of the right type", () => {
    expect(fn("VERDICTS").result).toEqual({ dimensionality: "matrix" });
    expect(fn("AGREEMENT").result).toEqual({ dimensionality: "matrix" });
    expect(fn("VERDICT").result).toEqual({ type: "string" });
    expect(fn("ANSWERS").result).toEqual({ type: "string" });
    expect(fn("FINDING").result).toEqual({ type: "string" });
    expect(fn("DIVERGENCE").result).toEqual({ type: "number" });
    expect(fn("IMPROVEMENTS").result).toEqual({ type: "number" });
  });

  it("no function is volatile, streaming, cancelable or asks for its address", () => {
    for (const f of fns) {
      const o = f.options ?? {};
      expect([o.volatile, o.stream, o.cancelable, o.requiresAddress, o.requiresParameterAddresses].filter(Boolean)).toEqual([]);
    }
  });
});

describe("the Dutch functions-nl.json derived at build time", () => {
  it("has a Dutch description for every function and parameter, and keeps ids and names", () => {
    const nl = localizeFunctionsMetadata(json, functionsNl, "functions-nl.ts");
    expect(nl.errors).toEqual([]);
    expect(nl.warnings).toEqual([]);
    const nlFns: Fn[] = JSON.parse(nl.json).functions;
    expect(nlFns.map((f) => [f.id, f.name])).toEqual(fns.map((f) => [f.id, f.name]));
    nlFns.forEach((f, i) => {
      expect(f.description).toBe(functionsNl[f.id].description);
      expect(f.description).not.toBe(fns[i].description);
      f.parameters.forEach((p, k) => {
        expect(p.description).toBe(functionsNl[f.id].parameters![p.name]);
        expect(shape(p)).toEqual(shape(fns[i].parameters[k]));
      });
    });
    // No Dutch names: formulas stay =STJ.VERDICT(…) in every Excel language.
    for (const t of Object.values(functionsNl)) expect(t.name).toBeUndefined();
  });

  it("names clash with no built-in function, in English or Dutch, with or without the STJ. prefix", () => {
    // HyperFormula's function list with its Dutch translations stands in for Excel's (it follows Excel's names).
        const nlNL = require("hyperformula/commonjs/i18n/languages/nlNL.js");
    const builtIn = (nlNL.default ?? nlNL).functions as Record<string, string>;
    const taken = new Set([...Object.keys(builtIn), ...Object.values(builtIn)].map((s) => s.toUpperCase()));
    expect(taken.has("COUNT") && taken.has("AANTAL") && taken.has("VERT.ZOEKEN")).toBe(true);
    for (const f of fns) {
      expect(taken.has(f.name)).toBe(false);
      expect(taken.has(`STJ.${f.name}`)).toBe(false);
    }
  });
});

describe("functions.ts: engine errors become CustomFunctions.Error", () => {
  afterEach(removeCustomFunctionsGlobal);

  it("#VALUE! and #N/A with the Dutch message; values pass through", async () => {
    installCustomFunctionsGlobal();
    const functions = await import("../../src/functions/functions");
    const range = asExcelRange(EXAMPLE_ROWS) as never;
    expect(functions.verdict("AP9", range, "Emmen")).toBe("✗ verbeterpunt");
    expect(functions.version()).toMatch(/^\d+\.\d+\.\d+$/);
    const caught = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e;
      }
      throw new Error("expected an error");
    };
    const unknown = caught(() => functions.verdict("XX1", range, "Emmen")) as FakeCustomFunctionsError;
    expect(unknown).toBeInstanceOf(FakeCustomFunctionsError);
    expect(unknown.code).toBe("#VALUE!");
    expect(unknown.message).toMatch(/^Onbekende indicator 'XX1'\. Geldige codes: TL1/);
    const na = caught(() => functions.divergence("TL2", range, "Emmen")) as FakeCustomFunctionsError;
    expect(na.code).toBe("#N/A");
    expect(na.message).toMatch(/^Geen spreiding voor TL2/);
    expect((caught(() => functions.verdicts(range)) as FakeCustomFunctionsError).code).toBe("#VALUE!");
  });

  it("falls back to a plain Error (#VALUE! in Excel) when the runtime has no CustomFunctions.Error", async () => {
    const functions = await import("../../src/functions/functions");
    expect(() => functions.verdict("XX1", asExcelRange(EXAMPLE_ROWS) as never, "Emmen")).toThrow(/^Onbekende indicator/);
  });
});
