/**
 * Parts of the Excel JavaScript API the task pane uses that the shared stand-in (test/standin) does
 * not model yet: Range.clear, Range.dataValidation, conditionalFormats.clearAll, Worksheet.autoFilter,
 * Workbook.tables, and loading
 * properties of a null object (allowed in Office.js: they read as null). Each is
 * added only when the stand-in lacks it, with the stand-in's own proxy semantics (queued, applied at
 * sync, state in the ExcelJS workbook), so this file becomes a no-op once test/standin grows them.
 */
import type ExcelJS from "exceljs";
import { areaAddress, ConditionalFormatCollection, parseAddress, Range, StandInError, Workbook, Worksheet } from "../standin/excel";
import type { Area, RequestContext } from "../standin/excel";

function method(proto: object, name: string, value: (...args: never[]) => unknown): void {
  if (!(name in proto)) Object.defineProperty(proto, name, { configurable: true, writable: true, value });
}

function getter(proto: object, name: string, get: (this: never) => unknown): void {
  if (!(name in proto)) Object.defineProperty(proto, name, { configurable: true, get });
}

const intersects = (a: Area, b: Area) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

type Validation = ExcelJS.DataValidation & { [k: string]: unknown };
type ValidationModel = Record<string, Validation | undefined>;
const validations = (ws: ExcelJS.Worksheet): ValidationModel => (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations.model;

// Range.clear(applyTo): "All" (default), "Contents" or "Formats".
method(Range.prototype, "clear", function (this: Range, applyTo: string = "All") {
  this.context.enqueue(() => {
    this.forEachCell((cell) => {
      if (applyTo === "All" || applyTo === "Contents") cell.value = null;
      if (applyTo === "All" || applyTo === "Formats") cell.style = {};
    });
  }, applyTo);
});

const OPERATORS: Record<string, ExcelJS.DataValidation["operator"]> = {
  Between: "between",
  NotBetween: "notBetween",
  EqualTo: "equal",
  NotEqualTo: "notEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

/** Range.dataValidation: rule (list, wholeNumber), prompt, errorAlert, ignoreBlanks, clear(). */
class DataValidationShim {
  constructor(private readonly range: Range) {}
  private get context(): RequestContext {
    return this.range.context;
  }
  private edit(change: (v: Validation) => void, payload: unknown): void {
    this.context.enqueue(() => {
      const key = areaAddress(this.range.area());
      const model = validations(this.range.sheet());
      const v = model[key] ?? ({ type: "any", allowBlank: true, formulae: [] } as unknown as Validation);
      change(v);
      model[key] = v;
    }, payload);
  }
  set rule(rule: { list?: { inCellDropDown?: boolean; source: string }; wholeNumber?: { formula1: number | string; operator: string } }) {
    this.edit((v) => {
      if (rule.list) {
        v.type = "list";
        v.formulae = [rule.list.source.startsWith("=") ? rule.list.source.slice(1) : `"${rule.list.source}"`];
        if (rule.list.inCellDropDown === false) v.showDropDown = true; // OOXML's flag is inverted
      } else if (rule.wholeNumber) {
        const op = OPERATORS[rule.wholeNumber.operator];
        if (!op) throw new StandInError("InvalidArgument", `Unknown operator '${rule.wholeNumber.operator}'.`);
        v.type = "whole";
        v.operator = op;
        v.formulae = [rule.wholeNumber.formula1];
      } else throw new StandInError("InvalidArgument", "Unsupported data validation rule.");
    }, rule);
  }
  set prompt(p: { showPrompt: boolean; title?: string; message?: string }) {
    this.edit((v) => {
      v.showInputMessage = p.showPrompt;
      v.promptTitle = p.title ?? "";
      v.prompt = p.message ?? "";
    }, p);
  }
  set errorAlert(a: { showAlert: boolean; style?: string; title?: string; message?: string }) {
    this.edit((v) => {
      v.showErrorMessage = a.showAlert;
      v.errorStyle = (a.style ?? "Stop").toLowerCase() as ExcelJS.DataValidation["errorStyle"];
      v.errorTitle = a.title ?? "";
      v.error = a.message ?? "";
    }, a);
  }
  set ignoreBlanks(b: boolean) {
    this.edit((v) => {
      v.allowBlank = b;
    }, b);
  }
  clear(): void {
    this.context.enqueue(() => {
      const area = this.range.area();
      const model = validations(this.range.sheet());
      for (const key of Object.keys(model)) {
        if (!model[key]) continue;
        let a: Area;
        try {
          a = parseAddress(key.replace(/^range:/, "").split(" ")[0]);
        } catch {
          continue;
        }
        if (intersects(a, area)) delete model[key];
      }
    });
  }
}

getter(Range.prototype, "dataValidation", function (this: Range) {
  return new DataValidationShim(this);
});

// Worksheet.autoFilter.apply(range) and remove().
getter(Worksheet.prototype, "autoFilter", function (this: Worksheet) {
  return {
    apply: (range: Range | string) => {
      this.context.enqueue(() => {
        const ws = this.target();
        const area = typeof range === "string" ? parseAddress(range) : range.area();
        ws.autoFilter = areaAddress(area);
      });
    },
    remove: () => {
      this.context.enqueue(() => {
        this.target().autoFilter = null as unknown as string;
      });
    },
  };
});

/** Workbook.tables.getItemOrNullObject(name): a table anywhere in the workbook. */
class TableShim {
  private found: { sheet: string; area: Area } | null = null;
  private known = false;
  constructor(
    private readonly context: RequestContext,
    name: string,
  ) {
    context.enqueue(() => {
      for (const ws of context.host.workbook.worksheets) {
        const t = (ws as unknown as { getTables?: () => { name?: string; table?: { name?: string; tableRef?: string; ref?: string } }[] }).getTables?.() ?? [];
        for (const x of t) {
          const tname = x.name ?? x.table?.name;
          const ref = x.table?.tableRef ?? x.table?.ref;
          if (tname && ref && tname.toLowerCase() === name.toLowerCase()) this.found = { sheet: ws.name, area: parseAddress(ref) };
        }
      }
      this.known = true;
    });
  }
  get isNullObject(): boolean {
    if (!this.known) throw new StandInError("PropertyNotLoaded", "isNullObject is known after a sync.");
    return this.found === null;
  }
  load(): this {
    return this;
  }
  get name(): string {
    return this.found ? "Antwoorden" : "";
  }
  get worksheet(): Worksheet {
    return new Worksheet(this.context, () => (this.found ? (this.context.host.sheetByName(this.found.sheet) ?? null) : null));
  }
  getRange(): Range {
    const ws = this.worksheet;
    return new Range(this.context, ws, () => this.found?.area ?? null);
  }
}

getter(Workbook.prototype, "tables", function (this: Workbook) {
  return { getItemOrNullObject: (name: string) => new TableShim(this.context, name) };
});

export const STANDIN_EXTRAS = ["Range.clear", "Range.dataValidation", "Range.conditionalFormats.clearAll", "Worksheet.autoFilter", "Workbook.tables.getItemOrNullObject", "null-object loads"] as const;

// As in Office.js, loading properties of a null object (getUsedRangeOrNullObject on an empty sheet)
// is no error: isNullObject is true and the other properties are null.
{
  const proto = Range.prototype as unknown as { snapshot(name: string): unknown; __nullSafe?: boolean };
  if (!proto.__nullSafe) {
    const snapshot = proto.snapshot;
    proto.snapshot = function (this: { resolveArea(): Area | null }, name: string) {
      if (name !== "isNullObject" && this.resolveArea() === null) return null;
      return snapshot.call(this, name);
    };
    proto.__nullSafe = true;
  }
}

// ConditionalFormatCollection.clearAll(): removes the conditional formats that overlap the range.
{
  const proto = (ConditionalFormatCollection as unknown as { prototype: object }).prototype;
  method(proto, "clearAll", function (this: { context: RequestContext; range: Range }) {
    this.context.enqueue(() => {
      const area = this.range.area();
      const ws = this.range.sheet() as unknown as { conditionalFormattings?: { ref: string }[] };
      if (!ws.conditionalFormattings) return;
      ws.conditionalFormattings = ws.conditionalFormattings.filter((c) => {
        try {
          return !c.ref.split(/\s+/).some((r) => intersects(parseAddress(r), area));
        } catch {
          return true;
        }
      });
    });
  });
}
