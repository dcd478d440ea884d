/**
 * A stand-in for the Excel JavaScript API (test code, not shipped): the subset the add-in uses, with
 * Office.js's proxy semantics, and its state kept in a real workbook model (an ExcelJS Workbook), so
 * whatever a writer produced can be saved as .xlsx and rendered.
 *
 * Semantics, as in Excel:
 * - property writes and method calls are queued and applied, in order, at `context.sync()`;
 * - reading a property that was not `load()`ed and synced throws a PropertyNotLoaded error;
 * - `getItemOrNullObject` gives an object whose `isNullObject` is known after the next sync;
 * - a failing operation rejects the sync with a RichApi-style error (code ItemNotFound, …);
 * - `sync()` is counted, and so are the queued operations and the size of each request; a request
 *   larger than `maxRequestBytes` (5 MB, the limit of Excel on the web) is refused;
 * - values are parsed like typed input unless the cell's number format is "@" (Text): "=1+1"
 *   becomes a formula, "12" a number.
 *
 * No Node-only APIs: it also runs in a browser (webpack resolves "exceljs" to its browser build).
 */
import ExcelJS from "exceljs";

// ---------------------------------------------------------------------------------------------
// Errors, requests and the host
// ---------------------------------------------------------------------------------------------

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Op {
  apply(): void | Promise<void>;
  bytes: number;
}

export interface ChartRecord {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  position: { start: string; end: string } | null;
}

export interface StandInOptions {
  /** Simulated round trip per sync, in milliseconds (default 0). */
  latencyMs?: number;
  /** Largest request accepted (default 5 MB, as Excel on the web). */
  maxRequestBytes?: number;
}

export class StandIn {
  readonly workbook: ExcelJS.Workbook;
  readonly stats = { runs: 0, syncs: 0, operations: 0, largestRequest: 0, screenUpdatingSuspended: 0 };
  readonly charts: ChartRecord[] = [];
  selection: { sheet: string; address: string } | null = null;
  latencyMs: number;
  maxRequestBytes: number;
  /** Header/footer parts per sheet id (ExcelJS keeps one combined string). */
  readonly headerFooter = new Map<number, Record<string, string>>();
  /** What the add-in uses: `Excel.run(batch)`. */
  readonly Excel: { run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> };

  constructor(workbook: ExcelJS.Workbook = new ExcelJS.Workbook(), options: StandInOptions = {}) {
    this.workbook = workbook;
    if (workbook.worksheets.length === 0) workbook.addWorksheet("Blad1");
    this.latencyMs = options.latencyMs ?? 0;
    this.maxRequestBytes = options.maxRequestBytes ?? 5 * 1024 * 1024;
    this.Excel = {
      run: async <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => {
        this.stats.runs++;
        const context = new RequestContext(this);
        const result = await batch(context);
        if (context.pending > 0) await context.sync();
        return result;
      },
    };
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<ArrayBuffer> {
    return (await this.workbook.xlsx.writeBuffer()) as ArrayBuffer;
  }

  resetStats(): void {
    Object.assign(this.stats, { runs: 0, syncs: 0, operations: 0, largestRequest: 0, screenUpdatingSuspended: 0 });
  }

  sheetById(id: number): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((w) => w.id === id);
  }

  sheetByName(name: string): ExcelJS.Worksheet | undefined {
    const k = name.toLowerCase();
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === k);
  }

  get activeSheet(): ExcelJS.Worksheet {
    const view = this.workbook.views?.[0];
    return this.workbook.worksheets[view?.activeTab ?? 0] ?? this.workbook.worksheets[0];
  }

  activate(ws: ExcelJS.Worksheet): void {
    const index = this.workbook.worksheets.indexOf(ws);
    this.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" }];
  }
}

export class RequestContext {
  readonly workbook: Workbook;
  private queue: Op[] = [];

  constructor(readonly host: StandIn) {
    this.workbook = new Workbook(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(apply: () => void | Promise<void>, payload?: unknown): void {
    const bytes = 60 + (payload === undefined ? 0 : JSON.stringify(payload)?.length ?? 0);
    this.queue.push({ apply, bytes });
  }

  async sync(): Promise<void> {
    const host = this.host;
    const ops = this.queue;
    this.queue = [];
    host.stats.syncs++;
    host.stats.operations += ops.length;
    const bytes = ops.reduce((a, o) => a + o.bytes, 0);
    host.stats.largestRequest = Math.max(host.stats.largestRequest, bytes);
    if (host.latencyMs > 0) await new Promise((r) => setTimeout(r, host.latencyMs));
    if (bytes > host.maxRequestBytes) throw new StandInError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    for (const op of ops) await op.apply();
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy objects
// ---------------------------------------------------------------------------------------------

/** Names of properties to load: "a, b", ["a", "b"], { select: "a,b" }; "items/name" for collections. */
function propNames(props: unknown): string[] | null {
  if (props === undefined || props === null) return null;
  if (typeof props === "string") return props.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (Array.isArray(props)) return props.map(String);
  const select = (props as { select?: string | string[] }).select;
  return select === undefined ? null : propNames(select);
}

const notLoaded = (name: string) =>
  new StandInError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  /** Properties loaded by `load()` without names. */
  protected abstract readonly scalars: readonly string[];

  constructor(readonly context: RequestContext) {}

  /** The current value of a property, read at sync time. */
  protected abstract snapshot(name: string): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props) ?? [...this.scalars];
    this.context.enqueue(() => {
      for (const n of names) this.loaded.set(n, this.snapshot(n));
    });
    return this;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected queue(apply: () => void | Promise<void>, payload?: unknown): void {
    this.context.enqueue(apply, payload);
  }

  /** Marks a property as known without a load (isNullObject after a sync). */
  protected know(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

export class ClientResult<T> {
  private known = false;
  private v: T | undefined;
  set(value: T): void {
    this.v = value;
    this.known = true;
  }
  get value(): T {
    if (!this.known) throw notLoaded("value");
    return this.v as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets
// ---------------------------------------------------------------------------------------------

export class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly application: Application;
  constructor(readonly context: RequestContext) {
    this.worksheets = new WorksheetCollection(context);
    this.application = new Application(context);
  }
}

export class Application {
  constructor(readonly context: RequestContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(() => {
      this.context.host.stats.screenUpdatingSuspended++;
    });
  }
}

export class WorksheetCollection extends ClientObject {
  protected readonly scalars = ["items"];
  private itemProps: string[] | null = null;
  private list: Worksheet[] | null = null;

  protected snapshot(): unknown {
    return undefined;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = propNames(props) ?? ["items"];
    const itemProps = names.filter((n) => n.startsWith("items/")).map((n) => n.slice("items/".length));
    this.itemProps = itemProps.length > 0 ? itemProps : null;
    this.context.enqueue(() => {
      this.list = this.context.host.workbook.worksheets.map((ws) => {
        const w = new Worksheet(this.context, () => this.context.host.sheetById(ws.id) ?? null);
        w.preload(this.itemProps);
        return w;
      });
    });
    return this;
  }

  get items(): Worksheet[] {
    if (!this.list) throw notLoaded("items");
    return this.list;
  }

  add(name?: string): Worksheet {
    let id = -1;
    this.queue(() => {
      const host = this.context.host;
      let n = name;
      if (n === undefined) for (let i = host.workbook.worksheets.length + 1; host.sheetByName((n = `Blad${i}`)); i++);
      if (host.sheetByName(n!)) throw new StandInError("ItemAlreadyExists", `A worksheet named '${n}' already exists.`);
      if (n!.length > 31 || /[[\]:*?/\\]/.test(n!)) throw new StandInError("InvalidArgument", `'${n}' is not a valid worksheet name.`);
      id = host.workbook.addWorksheet(n!).id;
    }, name);
    return new Worksheet(this.context, () => this.context.host.sheetById(id) ?? null);
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.host.sheetByName(key) ?? null);
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.context, () => this.context.host.sheetByName(key) ?? null, true);
  }

  getActiveWorksheet(): Worksheet {
    let id = -1;
    this.queue(() => {
      id = this.context.host.activeSheet.id;
    });
    return new Worksheet(this.context, () => this.context.host.sheetById(id) ?? null);
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.queue(() => r.set(this.context.host.workbook.worksheets.length));
    return r;
  }
}

const VISIBILITY: Record<string, ExcelJS.Worksheet["state"]> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

export class Worksheet extends ClientObject {
  protected readonly scalars = ["name", "position", "visibility", "showGridlines", "id"];
  readonly pageLayout: PageLayout;
  readonly horizontalPageBreaks: PageBreakCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly charts: ChartCollection;
  readonly tables: TableCollection;
  readonly protection: WorksheetProtection;

  constructor(
    context: RequestContext,
    private readonly find: () => ExcelJS.Worksheet | null,
    private readonly nullable = false,
  ) {
    super(context);
    if (nullable) this.queue(() => this.know("isNullObject", this.find() === null));
    else this.know("isNullObject", false);
    this.pageLayout = new PageLayout(context, this);
    this.horizontalPageBreaks = new PageBreakCollection(context, this);
    this.freezePanes = new WorksheetFreezePanes(context, this);
    this.charts = new ChartCollection(context, this);
    this.tables = new TableCollection(context, this);
    this.protection = new WorksheetProtection(context, this);
  }

  /** The ExcelJS sheet; throws ItemNotFound (at sync) when there is none. */
  target(): ExcelJS.Worksheet {
    const ws = this.find();
    if (!ws) throw new StandInError("ItemNotFound", "The requested resource doesn't exist.");
    return ws;
  }

  preload(props: string[] | null): void {
    for (const p of props ?? this.scalars) this.know(p, this.snapshot(p));
  }

  protected snapshot(name: string): unknown {
    const ws = this.find();
    if (name === "isNullObject") return ws === null;
    if (!ws && this.nullable) return null; // properties of a null object read as null
    if (!ws) throw new StandInError("ItemNotFound", "The requested resource doesn't exist.");
    switch (name) {
      case "name":
        return ws.name;
      case "id":
        return `{${ws.id}}`;
      case "position":
        return this.context.host.workbook.worksheets.indexOf(ws);
      case "visibility":
        return Object.entries(VISIBILITY).find(([, v]) => v === ws.state)?.[0] ?? "Visible";
      case "showGridlines":
        return ws.views?.[0]?.showGridLines !== false;
      default:
        throw new StandInError("InvalidArgument", `Unknown worksheet property '${name}'.`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue(() => {
      const ws = this.target();
      const other = this.context.host.sheetByName(value);
      if (other && other !== ws) throw new StandInError("ItemAlreadyExists", `A worksheet named '${value}' already exists.`);
      ws.name = value;
    }, value);
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.queue(() => {
      const sheets = this.context.host.workbook.worksheets;
      const ws = this.target();
      const order = sheets.filter((s) => s !== ws);
      order.splice(Math.min(value, order.length), 0, ws);
      order.forEach((s, i) => ((s as unknown as { orderNo: number }).orderNo = i));
    }, value);
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.queue(() => {
      this.target().state = VISIBILITY[value] ?? "visible";
    }, value);
  }
  get showGridlines(): boolean {
    return this.read("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.queue(() => {
      const ws = this.target();
      ws.views = [{ ...(ws.views?.[0] ?? {}), showGridLines: value }];
    }, value);
  }
  get id(): string {
    return this.read("id");
  }

  activate(): void {
    this.queue(() => this.context.host.activate(this.target()));
  }

  delete(): void {
    this.queue(() => this.context.host.workbook.removeWorksheet(this.target().id));
  }

  getRange(address?: string): Range {
    const area = address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseAddress(address);
    return new Range(this.context, this, () => area);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    if (rowCount < 1 || columnCount < 1) throw new StandInError("InvalidArgument", "rowCount and columnCount must be at least 1.");
    const area = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    return new Range(this.context, this, () => area);
  }

  /** The used range: cells with values (valuesOnly) or also with formats; A1 when the sheet is empty. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, this, () => usedArea(this.target(), valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.context, this, () => usedArea(this.target(), valuesOnly), true);
  }
}

function usedArea(ws: ExcelJS.Worksheet, valuesOnly: boolean): Area | null {
  let area: Area | null = null;
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: !valuesOnly }, (cell, c) => {
      const hasValue = cell.value !== null && cell.value !== undefined && cell.value !== "";
      if (valuesOnly && !hasValue) return;
      if (!valuesOnly && !hasValue && Object.keys(cell.style ?? {}).length === 0) return;
      area = area
        ? { top: Math.min(area.top, r - 1), left: Math.min(area.left, c - 1), bottom: Math.max(area.bottom, r - 1), right: Math.max(area.right, c - 1) }
        : { top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 };
    }),
  );
  return area;
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "A1", "A1:D4", "5:7" (whole rows), "B:C" (whole columns), optionally with "Sheet!" and "$". */
export function parseAddress(address: string): Area {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "").trim();
  const rows = /^(\d+):(\d+)$/.exec(a);
  if (rows) return { top: +rows[1] - 1, left: 0, bottom: +rows[2] - 1, right: 16383 };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) return { top: 0, left: columnIndex(cols[1]), bottom: 1048575, right: columnIndex(cols[2]) };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (!m) throw new StandInError("InvalidArgument", `Invalid address '${address}'.`);
  const top = +m[2] - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? +m[4] - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

export function areaAddress(a: Area): string {
  const tl = `${columnLetters(a.left)}${a.top + 1}`;
  const br = `${columnLetters(a.right)}${a.bottom + 1}`;
  return tl === br ? tl : `${tl}:${br}`;
}

/** Each cell of the area, with its zero-based offsets. Whole rows/columns stop at the used part. */
function eachCell(ws: ExcelJS.Worksheet, a: Area, fn: (cell: ExcelJS.Cell, i: number, j: number) => void): void {
  const bottom = Math.min(a.bottom, Math.max(a.top, ws.rowCount - 1));
  const right = Math.min(a.right, Math.max(a.left, ws.columnCount - 1));
  for (let r = a.top; r <= bottom; r++) for (let c = a.left; c <= right; c++) fn(ws.getCell(r + 1, c + 1), r - a.top, c - a.left);
}

/** Style objects after a patch, per style object and patch key (ExcelJS writes styles by value, so sharing is safe). */
const restyled = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
const EMPTY_STYLE = {};

/**
 * Gives a cell a new style object: its style changed by `patch`, which `key` names. The old object
 * is never changed (ExcelJS shares style objects between cells); cells with the same style that get
 * the same patch share the result.
 */
function restyle(cell: ExcelJS.Cell, key: string, patch: (s: Partial<ExcelJS.Style>) => void): void {
  const s = cell.style ?? {};
  const origin = Object.keys(s).length === 0 ? EMPTY_STYLE : s;
  let byKey = restyled.get(origin);
  if (!byKey) restyled.set(origin, (byKey = new Map()));
  let copy = byKey.get(key);
  if (!copy) {
    copy = {
      ...s,
      font: s.font ? { ...s.font } : undefined,
      alignment: s.alignment ? { ...s.alignment } : undefined,
      border: s.border ? { ...s.border } : undefined,
    };
    for (const k of Object.keys(copy) as (keyof ExcelJS.Style)[]) if (copy[k] === undefined) delete copy[k];
    patch(copy);
    byKey.set(key, copy);
  }
  cell.style = copy;
}

const NUMBER = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/;

/** A value as Excel stores what the API writes: text in Text-formatted cells, else parsed like input. */
function setCellValue(cell: ExcelJS.Cell, v: unknown): void {
  if (v === null || v === undefined || v === "") {
    cell.value = null;
    return;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  const s = String(v);
  if (cell.numFmt === "@") cell.value = s;
  else if (s.startsWith("=") && s.length > 1) cell.value = { formula: s.slice(1) } as ExcelJS.CellFormulaValue;
  else if (NUMBER.test(s.trim())) cell.value = Number(s.trim().replace(",", "."));
  else cell.value = s;
}

function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function cellValue(cell: ExcelJS.Cell): string | number | boolean {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateSerial(v);
  if (typeof v === "object" && "formula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || result === null ? 0 : result instanceof Date ? dateSerial(result) : typeof result === "object" ? String((result as { error: string }).error) : result;
  }
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  if (typeof v === "object" && "error" in v) return (v as ExcelJS.CellErrorValue).error;
  return String(v);
}

function valueType(cell: ExcelJS.Cell): string {
  const v = cellValue(cell);
  if (v === "") return "Empty";
  if (typeof v === "boolean") return "Boolean";
  if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
  if (typeof cell.value === "object" && cell.value !== null && "error" in cell.value) return "Error";
  return "String";
}

export class Range extends ClientObject {
  protected readonly scalars = ["address", "values", "text", "formulas", "numberFormat", "valueTypes", "rowCount", "columnCount", "rowIndex", "columnIndex"];
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;

  constructor(
    context: RequestContext,
    readonly worksheet: Worksheet,
    private readonly resolveArea: () => Area | null,
    private readonly nullable = false,
  ) {
    super(context);
    if (nullable) this.queue(() => this.know("isNullObject", this.resolveArea() === null));
    else this.know("isNullObject", false);
    this.format = new RangeFormat(context, this);
    this.conditionalFormats = new ConditionalFormatCollection(context, this);
  }

  area(): Area {
    const a = this.resolveArea();
    if (!a) throw new StandInError("ItemNotFound", "The range does not exist.");
    return a;
  }

  sheet(): ExcelJS.Worksheet {
    return this.worksheet.target();
  }

  /** Applies `fn` to every cell at sync time. */
  forEachCell(fn: (cell: ExcelJS.Cell, i: number, j: number) => void): void {
    eachCell(this.sheet(), this.area(), fn);
  }

  private grid<T>(fn: (cell: ExcelJS.Cell) => T): T[][] {
    const a = this.area();
    const ws = this.sheet();
    const out: T[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: T[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(fn(ws.getCell(r + 1, c + 1)));
      out.push(row);
    }
    return out;
  }

  protected snapshot(name: string): unknown {
    if (name === "isNullObject") return this.resolveArea() === null;
    if (this.nullable && this.resolveArea() === null) return null; // properties of a null object read as null
    const a = this.area();
    switch (name) {
      case "address":
        return `${quoteSheet(this.sheet().name)}!${areaAddress(a)}`;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "rowIndex":
        return a.top;
      case "columnIndex":
        return a.left;
      case "values":
        return this.grid(cellValue);
      case "text":
        return this.grid((c) => String(cellValue(c)));
      case "formulas":
        return this.grid((c) => (typeof c.value === "object" && c.value !== null && "formula" in c.value ? `=${(c.value as ExcelJS.CellFormulaValue).formula}` : cellValue(c)));
      case "numberFormat":
        return this.grid((c) => c.numFmt ?? "General");
      case "valueTypes":
        return this.grid(valueType);
      default:
        throw new StandInError("InvalidArgument", `Unknown range property '${name}'.`);
    }
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.queue(() => this.fill(v, setCellValue), v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queue(
      () =>
        this.fill(v, (cell, x) => {
          const s = typeof x === "string" ? x : null;
          if (s !== null && s.startsWith("=")) cell.value = { formula: s.slice(1) } as ExcelJS.CellFormulaValue;
          else setCellValue(cell, x);
        }),
      v,
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queue(() => this.fill(v, (cell, f) => restyle(cell, `numFmt:${String(f)}`, (s) => (s.numFmt = String(f)))), v);
  }

  /** Writes a 2-D array (or one value for every cell) of the range's exact shape. */
  private fill(v: unknown, set: (cell: ExcelJS.Cell, x: unknown) => void): void {
    const a = this.area();
    const rows = a.bottom - a.top + 1;
    const cols = a.right - a.left + 1;
    const matrix = Array.isArray(v) ? (v as unknown[][]) : null;
    if (matrix && (matrix.length !== rows || matrix.some((r) => !Array.isArray(r) || r.length !== cols)))
      throw new StandInError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    const ws = this.sheet();
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) set(ws.getCell(a.top + i + 1, a.left + j + 1), matrix ? matrix[i][j] : v);
  }

  merge(across = false): void {
    this.queue(() => {
      const a = this.area();
      const ws = this.sheet();
      try {
        if (across) for (let r = a.top; r <= a.bottom; r++) ws.mergeCells(r + 1, a.left + 1, r + 1, a.right + 1);
        else ws.mergeCells(a.top + 1, a.left + 1, a.bottom + 1, a.right + 1);
      } catch (e) {
        throw new StandInError("InvalidOperation", `Cannot merge ${areaAddress(a)}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  unmerge(): void {
    this.queue(() => {
      const a = this.area();
      this.sheet().unMergeCells(a.top + 1, a.left + 1, a.bottom + 1, a.right + 1);
    });
  }

  select(): void {
    this.queue(() => {
      const ws = this.sheet();
      this.context.host.activate(ws);
      this.context.host.selection = { sheet: ws.name, address: areaAddress(this.area()) };
    });
  }

  getCell(row: number, column: number): Range {
    return new Range(this.context, this.worksheet, () => {
      const a = this.area();
      return { top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column };
    });
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

const argb = (color: string) => ({ argb: `FF${color.replace(/^#/, "").toUpperCase()}` });
const rgb = (c: Partial<ExcelJS.Color> | undefined) => (c?.argb ? `#${c.argb.slice(2)}` : "#000000");
const H_IN: Record<string, ExcelJS.Alignment["horizontal"] | undefined> = { General: undefined, Left: "left", Center: "center", Right: "right", Fill: "fill", Justify: "justify", CenterAcrossSelection: "centerContinuous", Distributed: "distributed" };
const V_IN: Record<string, ExcelJS.Alignment["vertical"]> = { Top: "top", Center: "middle", Bottom: "bottom", Justify: "justify", Distributed: "distributed" };
const invert = <T>(m: Record<string, T>) => (v: T) => Object.entries(m).find(([, x]) => x === v)?.[0];

/** Points per character unit of the default font (Calibri 11: 7 pixels per character). */
const POINTS_PER_CHAR = 7 * 0.75;

export class RangeFormat extends ClientObject {
  protected readonly scalars = ["wrapText", "horizontalAlignment", "verticalAlignment", "rowHeight", "columnWidth"];
  readonly font: RangeFont;
  readonly fill: RangeFill;
  readonly borders: RangeBorderCollection;

  constructor(
    context: RequestContext,
    readonly range: Range,
  ) {
    super(context);
    this.font = new RangeFont(context, range);
    this.fill = new RangeFill(context, range);
    this.borders = new RangeBorderCollection(context, range);
  }

  protected snapshot(name: string): unknown {
    const a = this.range.area();
    const ws = this.range.sheet();
    const cell = ws.getCell(a.top + 1, a.left + 1);
    switch (name) {
      case "wrapText":
        return cell.alignment?.wrapText ?? false;
      case "horizontalAlignment":
        return invert(H_IN)(cell.alignment?.horizontal) ?? "General";
      case "verticalAlignment":
        return invert(V_IN)(cell.alignment?.vertical ?? "bottom") ?? "Bottom";
      case "rowHeight":
        return ws.getRow(a.top + 1).height ?? 15;
      case "columnWidth":
        return (ws.getColumn(a.left + 1).width ?? 8.43) * POINTS_PER_CHAR;
      default:
        throw new StandInError("InvalidArgument", `Unknown format property '${name}'.`);
    }
  }

  private align(key: string, patch: (a: Partial<ExcelJS.Alignment>) => void, payload: unknown): void {
    this.queue(() => this.range.forEachCell((cell) => restyle(cell, `align.${key}:${String(payload)}`, (s) => patch((s.alignment ??= {})))), payload);
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.align("wrap", (a) => (a.wrapText = v), v);
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.align("horizontal", (a) => {
      const h = H_IN[v];
      if (h) a.horizontal = h;
      else delete a.horizontal;
    }, v);
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.align("vertical", (a) => (a.vertical = V_IN[v] ?? "bottom"), v);
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(v: number) {
    this.queue(() => {
      const a = this.range.area();
      const ws = this.range.sheet();
      for (let r = a.top; r <= a.bottom; r++) ws.getRow(r + 1).height = v;
    }, v);
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.queue(() => {
      const a = this.range.area();
      const ws = this.range.sheet();
      for (let c = a.left; c <= a.right; c++) ws.getColumn(c + 1).width = v / POINTS_PER_CHAR;
    }, v);
  }

  autofitRows(): void {
    this.queue(() => undefined);
  }
  autofitColumns(): void {
    this.queue(() => undefined);
  }
}

export class RangeFont extends ClientObject {
  protected readonly scalars = ["name", "size", "bold", "italic", "color"];
  constructor(
    context: RequestContext,
    readonly range: Range,
  ) {
    super(context);
  }
  protected snapshot(name: string): unknown {
    const a = this.range.area();
    const f = this.range.sheet().getCell(a.top + 1, a.left + 1).font ?? {};
    switch (name) {
      case "name":
        return f.name ?? "Calibri";
      case "size":
        return f.size ?? 11;
      case "bold":
        return f.bold ?? false;
      case "italic":
        return f.italic ?? false;
      case "color":
        return rgb(f.color);
      default:
        throw new StandInError("InvalidArgument", `Unknown font property '${name}'.`);
    }
  }
  private set(key: string, patch: (f: Partial<ExcelJS.Font>) => void, payload: unknown): void {
    this.queue(() => this.range.forEachCell((cell) => restyle(cell, `font.${key}:${String(payload)}`, (s) => patch((s.font ??= {})))), payload);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", (f) => (f.name = v), v);
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.set("size", (f) => (f.size = v), v);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.set("bold", (f) => (f.bold = v), v);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.set("italic", (f) => (f.italic = v), v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", (f) => (f.color = argb(v)), v);
  }
}

export class RangeFill extends ClientObject {
  protected readonly scalars = ["color"];
  constructor(
    context: RequestContext,
    readonly range: Range,
  ) {
    super(context);
  }
  protected snapshot(): unknown {
    const a = this.range.area();
    const fill = this.range.sheet().getCell(a.top + 1, a.left + 1).fill as ExcelJS.FillPattern | undefined;
    return fill?.pattern === "solid" ? rgb(fill.fgColor) : null;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.queue(() => this.range.forEachCell((cell) => restyle(cell, `fill:${v}`, (s) => (s.fill = { type: "pattern", pattern: "solid", fgColor: argb(v) }))), v);
  }
  clear(): void {
    this.queue(() => this.range.forEachCell((cell) => restyle(cell, "fill:-", (s) => delete s.fill)));
  }
}

type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";
type Side = "top" | "bottom" | "left" | "right";

export class RangeBorderCollection {
  constructor(
    readonly context: RequestContext,
    readonly range: Range,
  ) {}
  getItem(index: BorderIndex): RangeBorder {
    return new RangeBorder(this.context, this.range, index);
  }
}

const STYLE_IN: Record<string, ExcelJS.BorderStyle | null> = { None: null, Continuous: "thin", Dash: "dashed", DashDot: "dashDot", DashDotDot: "dashDotDot", Dot: "dotted", Double: "double", SlantDashDot: "slantDashDot" };
const WEIGHT_IN: Record<string, ExcelJS.BorderStyle> = { Hairline: "hair", Thin: "thin", Medium: "medium", Thick: "thick" };

export class RangeBorder extends ClientObject {
  protected readonly scalars = ["style", "color", "weight"];
  constructor(
    context: RequestContext,
    readonly range: Range,
    readonly index: BorderIndex,
  ) {
    super(context);
  }

  /** The cell sides this border index covers, for each cell of the area. */
  private sides(i: number, j: number, a: Area): Side[] {
    const rows = a.bottom - a.top;
    const cols = a.right - a.left;
    switch (this.index) {
      case "EdgeTop":
        return i === 0 ? ["top"] : [];
      case "EdgeBottom":
        return i === rows ? ["bottom"] : [];
      case "EdgeLeft":
        return j === 0 ? ["left"] : [];
      case "EdgeRight":
        return j === cols ? ["right"] : [];
      case "InsideHorizontal":
        return [...(i > 0 ? (["top"] as Side[]) : []), ...(i < rows ? (["bottom"] as Side[]) : [])];
      case "InsideVertical":
        return [...(j > 0 ? (["left"] as Side[]) : []), ...(j < cols ? (["right"] as Side[]) : [])];
    }
  }

  private patch(prop: string, fn: (b: Partial<ExcelJS.Border> | null) => Partial<ExcelJS.Border> | null, payload: unknown): void {
    this.queue(() => {
      const a = this.range.area();
      this.range.forEachCell((cell, i, j) => {
        const sides = this.sides(i, j, a);
        if (sides.length === 0) return;
        restyle(cell, `border.${prop}:${String(payload)}:${sides.join(",")}`, (s) => {
          const border: Partial<ExcelJS.Borders> = { ...(s.border ?? {}) };
          for (const side of sides) {
            const next = fn(border[side] ?? null);
            if (next) border[side] = next as ExcelJS.Border;
            else delete border[side];
          }
          s.border = border as ExcelJS.Borders;
        });
      });
    }, payload);
  }

  protected snapshot(name: string): unknown {
    const a = this.range.area();
    const cell = this.range.sheet().getCell(a.top + 1, a.left + 1);
    const side: Side = this.index === "EdgeBottom" ? "bottom" : this.index === "EdgeLeft" || this.index === "InsideVertical" ? "left" : this.index === "EdgeRight" ? "right" : "top";
    const b = cell.border?.[side];
    switch (name) {
      case "style":
        return b?.style ? (invert(STYLE_IN)(b.style) ?? "Continuous") : "None";
      case "color":
        return rgb(b?.color);
      case "weight":
        return b?.style ? (invert(WEIGHT_IN)(b.style) ?? "Thin") : "Thin";
      default:
        throw new StandInError("InvalidArgument", `Unknown border property '${name}'.`);
    }
  }

  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.patch("style", (b) => (STYLE_IN[v] === null ? null : { ...(b ?? {}), style: b?.style && v === "Continuous" ? b.style : (STYLE_IN[v] ?? "thin") }), v);
  }
  get weight(): string {
    return this.read("weight");
  }
  set weight(v: string) {
    this.patch("weight", (b) => (b ? { ...b, style: b.style === "thin" || b.style === "medium" || b.style === "thick" || b.style === "hair" ? WEIGHT_IN[v] : b.style } : b), v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.patch("color", (b) => ({ style: "thin", ...(b ?? {}), color: argb(v) }), v);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

type Dxf = { font?: { color?: string }; fill?: { color?: string } };

export class ConditionalFormatCollection {
  constructor(
    readonly context: RequestContext,
    readonly range: Range,
  ) {}

  add(type: string): ConditionalFormat {
    const cf = new ConditionalFormat(this.context, this.range, type);
    // The rule is written at sync time with the settings made on it before the sync.
    this.context.enqueue(() => cf.apply(), type);
    return cf;
  }
}

export class ConditionalFormat {
  readonly textComparison: { format: { font: { color: string }; fill: { color: string } }; rule: { operator: string; text: string } };
  readonly dataBar: {
    barDirection: string;
    positiveFormat: { fillColor: string; gradientFill: boolean };
    lowerBoundRule: { type: string; formula?: string };
    upperBoundRule: { type: string; formula?: string };
  };
  private readonly dxf: Dxf = {};

  constructor(
    readonly context: RequestContext,
    readonly range: Range,
    readonly type: string,
  ) {
    const dxf = this.dxf;
    const tc = { operator: "Contains", text: "" };
    const queue = (payload: unknown) => context.enqueue(() => undefined, payload);
    this.textComparison = {
      format: {
        font: {
          get color() {
            throw notLoaded("color");
          },
          set color(v: string) {
            (dxf.font ??= {}).color = v;
            queue(v);
          },
        },
        fill: {
          get color() {
            throw notLoaded("color");
          },
          set color(v: string) {
            (dxf.fill ??= {}).color = v;
            queue(v);
          },
        },
      },
      get rule() {
        throw notLoaded("rule");
      },
      set rule(v: { operator: string; text: string }) {
        Object.assign(tc, v);
        queue(v);
      },
    };
    this.textRule = tc;
    const bar = { barDirection: "Context", fillColor: "#638EC6", gradientFill: true, lower: { type: "LowestValue" } as { type: string; formula?: string }, upper: { type: "HighestValue" } as { type: string; formula?: string } };
    this.bar = bar;
    this.dataBar = {
      get barDirection() {
        throw notLoaded("barDirection");
      },
      set barDirection(v: string) {
        bar.barDirection = v;
        queue(v);
      },
      positiveFormat: {
        get fillColor() {
          throw notLoaded("fillColor");
        },
        set fillColor(v: string) {
          bar.fillColor = v;
          queue(v);
        },
        get gradientFill() {
          throw notLoaded("gradientFill");
        },
        set gradientFill(v: boolean) {
          bar.gradientFill = v;
          queue(v);
        },
      },
      get lowerBoundRule() {
        throw notLoaded("lowerBoundRule");
      },
      set lowerBoundRule(v: { type: string; formula?: string }) {
        bar.lower = v;
        queue(v);
      },
      get upperBoundRule() {
        throw notLoaded("upperBoundRule");
      },
      set upperBoundRule(v: { type: string; formula?: string }) {
        bar.upper = v;
        queue(v);
      },
    };
  }

  private readonly textRule: { operator: string; text: string };
  private readonly bar: { barDirection: string; fillColor: string; gradientFill: boolean; lower: { type: string; formula?: string }; upper: { type: string; formula?: string } };

  /** Writes the rule into the ExcelJS sheet (text rules as the formula rule Excel uses, which ExcelJS saves correctly). */
  apply(): void {
    {
      const a = this.range.area();
      const ws = this.range.sheet();
      const ref = areaAddress(a);
      const tl = areaAddress({ ...a, bottom: a.top, right: a.left });
      const priority = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings?.length ?? 0;
      if (this.type === "ContainsText") {
        const t = this.textRule.text.replace(/"/g, '""');
        const formula =
          this.textRule.operator === "BeginsWith"
            ? `LEFT(${tl},LEN("${t}"))="${t}"`
            : this.textRule.operator === "EndsWith"
              ? `RIGHT(${tl},LEN("${t}"))="${t}"`
              : this.textRule.operator === "NotContains"
                ? `ISERROR(SEARCH("${t}",${tl}))`
                : `NOT(ISERROR(SEARCH("${t}",${tl})))`;
        const style: Partial<ExcelJS.Style> = {};
        if (this.dxf.font?.color) style.font = { color: argb(this.dxf.font.color) };
        if (this.dxf.fill?.color) style.fill = { type: "pattern", pattern: "solid", bgColor: argb(this.dxf.fill.color) };
        ws.addConditionalFormatting({ ref, rules: [{ type: "expression", formulae: [formula], style, priority: priority + 1 }] });
      } else if (this.type === "DataBar") {
        const cfvo = (r: { type: string; formula?: string }) =>
          r.type === "Number" ? { type: "num", value: Number(r.formula ?? 0) } : r.type === "LowestValue" ? { type: "min" } : r.type === "HighestValue" ? { type: "max" } : { type: "percent", value: Number(r.formula ?? 0) };
        ws.addConditionalFormatting({
          ref,
          rules: [{ type: "dataBar", priority: priority + 1, gradient: this.bar.gradientFill, cfvo: [cfvo(this.bar.lower), cfvo(this.bar.upper)], color: argb(this.bar.fillColor) } as unknown as ExcelJS.ConditionalFormattingRule],
        });
      } else throw new StandInError("NotImplemented", `The stand-in does not implement conditional format type '${this.type}'.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Page layout, page breaks, freeze panes
// ---------------------------------------------------------------------------------------------

const PAPER: Record<string, number> = { Letter: 1, Legal: 5, A3: 8, A4: 9, A5: 11 };
const MARGINS = { leftMargin: "left", rightMargin: "right", topMargin: "top", bottomMargin: "bottom", headerMargin: "header", footerMargin: "footer" } as const;
type MarginName = keyof typeof MARGINS;
const HF_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

export class PageLayout extends ClientObject {
  protected readonly scalars = ["orientation", "paperSize", "zoom", "firstPageNumber", "printGridlines", ...Object.keys(MARGINS)];
  readonly headersFooters: { defaultForAllPages: HeaderFooter };

  constructor(
    context: RequestContext,
    readonly worksheet: Worksheet,
  ) {
    super(context);
    this.headersFooters = { defaultForAllPages: new HeaderFooter(context, worksheet) };
  }

  private setup(patch: (p: Partial<ExcelJS.PageSetup>) => void, payload: unknown): void {
    this.queue(() => {
      const ws = this.worksheet.target();
      const p = { ...ws.pageSetup, margins: { ...(ws.pageSetup.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }) } };
      patch(p);
      ws.pageSetup = p as ExcelJS.PageSetup;
    }, payload);
  }

  protected snapshot(name: string): unknown {
    const p = this.worksheet.target().pageSetup;
    if (name in MARGINS) return (p.margins?.[MARGINS[name as MarginName]] ?? 0.75) * 72;
    switch (name) {
      case "orientation":
        return p.orientation === "landscape" ? "Landscape" : "Portrait";
      case "paperSize":
        return Object.entries(PAPER).find(([, v]) => v === p.paperSize)?.[0] ?? "Letter";
      case "zoom":
        return p.fitToPage ? { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight } : { scale: p.scale ?? 100 };
      case "firstPageNumber":
        return p.firstPageNumber ?? "";
      case "printGridlines":
        return p.showGridLines ?? false;
      default:
        throw new StandInError("InvalidArgument", `Unknown page layout property '${name}'.`);
    }
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.setup((p) => (p.orientation = v === "Landscape" ? "landscape" : "portrait"), v);
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.setup((p) => (p.paperSize = PAPER[v] as ExcelJS.PaperSize), v);
  }
  get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
    return this.read("zoom");
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.setup((p) => {
      if (v.scale !== undefined && v.scale !== null) {
        p.fitToPage = false;
        p.scale = v.scale;
      } else {
        p.fitToPage = true;
        p.fitToWidth = v.horizontalFitToPages ?? 1;
        p.fitToHeight = v.verticalFitToPages ?? 0;
      }
    }, v);
  }
  get firstPageNumber(): number | "" {
    return this.read("firstPageNumber");
  }
  set firstPageNumber(v: number | "") {
    this.setup((p) => (p.firstPageNumber = v === "" ? undefined : v), v);
  }
  get printGridlines(): boolean {
    return this.read("printGridlines");
  }
  set printGridlines(v: boolean) {
    this.setup((p) => (p.showGridLines = v), v);
  }
  private margin(name: MarginName): number {
    return this.read(name);
  }
  private setMargin(name: MarginName, points: number): void {
    this.setup((p) => ((p.margins as unknown as Record<string, number>)[MARGINS[name]] = points / 72), points);
  }
  get leftMargin(): number {
    return this.margin("leftMargin");
  }
  set leftMargin(v: number) {
    this.setMargin("leftMargin", v);
  }
  get rightMargin(): number {
    return this.margin("rightMargin");
  }
  set rightMargin(v: number) {
    this.setMargin("rightMargin", v);
  }
  get topMargin(): number {
    return this.margin("topMargin");
  }
  set topMargin(v: number) {
    this.setMargin("topMargin", v);
  }
  get bottomMargin(): number {
    return this.margin("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setMargin("bottomMargin", v);
  }
  get headerMargin(): number {
    return this.margin("headerMargin");
  }
  set headerMargin(v: number) {
    this.setMargin("headerMargin", v);
  }
  get footerMargin(): number {
    return this.margin("footerMargin");
  }
  set footerMargin(v: number) {
    this.setMargin("footerMargin", v);
  }

  setPrintArea(printArea: string): void {
    this.setup((p) => (p.printArea = areaAddress(parseAddress(printArea))), printArea);
  }
  setPrintTitleRows(rows: string): void {
    this.setup((p) => {
      const a = parseAddress(rows);
      p.printTitlesRow = `${a.top + 1}:${a.bottom + 1}`;
    }, rows);
  }
}

export class HeaderFooter {
  constructor(
    readonly context: RequestContext,
    readonly worksheet: Worksheet,
  ) {
    for (const part of HF_PARTS)
      Object.defineProperty(this, part, {
        get: () => {
          throw notLoaded(part);
        },
        set: (v: string) => this.set(part, v),
        enumerable: true,
      });
  }
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  private set(part: (typeof HF_PARTS)[number], value: string): void {
    this.context.enqueue(() => {
      const ws = this.worksheet.target();
      const host = this.context.host;
      const parts = host.headerFooter.get(ws.id) ?? {};
      parts[part] = value;
      host.headerFooter.set(ws.id, parts);
      const join = (kind: "Header" | "Footer") =>
        ["left", "center", "right"]
          .map((pos, i) => (parts[`${pos}${kind}`] ? `&${"LCR"[i]}${parts[`${pos}${kind}`]}` : ""))
          .join("");
      ws.headerFooter = { ...ws.headerFooter, oddHeader: join("Header"), oddFooter: join("Footer") };
    }, value);
  }
}

export class PageBreakCollection {
  constructor(
    readonly context: RequestContext,
    readonly worksheet: Worksheet,
  ) {}

  /** A manual page break above the top-left cell of the range. */
  add(pageBreakRange: string | Range): void {
    this.context.enqueue(() => {
      const a = typeof pageBreakRange === "string" ? parseAddress(pageBreakRange) : pageBreakRange.area();
      if (a.top === 0) throw new StandInError("InvalidArgument", "A page break cannot be added above the first row.");
      this.worksheet.target().getRow(a.top).addPageBreak();
    }, typeof pageBreakRange === "string" ? pageBreakRange : "range");
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(((this.worksheet.target() as unknown as { rowBreaks?: unknown[] }).rowBreaks ?? []).length));
    return r;
  }

  removePageBreaks(): void {
    this.context.enqueue(() => {
      (this.worksheet.target() as unknown as { rowBreaks: unknown[] }).rowBreaks = [];
    });
  }
}

export class WorksheetFreezePanes {
  constructor(
    readonly context: RequestContext,
    readonly worksheet: Worksheet,
  ) {}
  private freeze(rows: number, columns: number): void {
    this.context.enqueue(() => {
      const ws = this.worksheet.target();
      const view = ws.views?.[0] ?? {};
      ws.views = [{ ...view, state: rows + columns > 0 ? "frozen" : "normal", xSplit: columns, ySplit: rows } as ExcelJS.WorksheetView];
    });
  }
  freezeRows(count = 1): void {
    this.freeze(count, 0);
  }
  freezeColumns(count = 1): void {
    this.freeze(0, count);
  }
  freezeAt(frozenRange: string | Range): void {
    if (typeof frozenRange === "string") {
      const a = parseAddress(frozenRange);
      this.freeze(a.bottom + 1, a.right + 1);
    } else
      this.context.enqueue(() => {
        const a = frozenRange.area();
        const ws = this.worksheet.target();
        ws.views = [{ ...(ws.views?.[0] ?? {}), state: "frozen", xSplit: a.right + 1, ySplit: a.bottom + 1 } as ExcelJS.WorksheetView];
      });
  }
  unfreeze(): void {
    this.freeze(0, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts, tables, protection
// ---------------------------------------------------------------------------------------------

export class ChartCollection {
  constructor(
    readonly context: RequestContext,
    readonly worksheet: Worksheet,
  ) {}

  /** Records the chart (type and source range); ExcelJS cannot save charts, so they live in `host.charts`. */
  add(type: string, sourceData: Range, seriesBy = "Auto"): Chart {
    const record: ChartRecord = { sheet: "", type, source: "", seriesBy, title: "", legendVisible: true, position: null };
    this.context.enqueue(() => {
      record.sheet = this.worksheet.target().name;
      record.source = areaAddress(sourceData.area());
      this.context.host.charts.push(record);
    }, type);
    return new Chart(this.context, record);
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context.enqueue(() => r.set(this.context.host.charts.filter((c) => c.sheet === this.worksheet.target().name).length));
    return r;
  }
}

export class Chart {
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  constructor(
    readonly context: RequestContext,
    private readonly record: ChartRecord,
  ) {
    const queue = (fn: () => void, payload: unknown) => context.enqueue(fn, payload);
    this.title = {
      get text(): string {
        throw notLoaded("text");
      },
      set text(v: string) {
        queue(() => {
          record.title = v;
        }, v);
      },
    };
    this.legend = {
      get visible(): boolean {
        throw notLoaded("visible");
      },
      set visible(v: boolean) {
        queue(() => {
          record.legendVisible = v;
        }, v);
      },
    };
  }
  get name(): string {
    throw notLoaded("name");
  }
  set name(v: string) {
    this.context.enqueue(() => undefined, v);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue(() => {
      this.record.position = { start: startCell, end: endCell ?? startCell };
    }, [startCell, endCell]);
  }
}

export class TableCollection {
  constructor(
    readonly context: RequestContext,
    readonly worksheet: Worksheet,
  ) {}

  /** An Excel table over the range (the cells keep their values). */
  add(address: string, hasHeaders: boolean): { name: string } {
    const table = { name: "" };
    this.context.enqueue(() => {
      const ws = this.worksheet.target();
      const a = parseAddress(address);
      const values = (r: number) => Array.from({ length: a.right - a.left + 1 }, (_, j) => cellValue(ws.getCell(r + 1, a.left + j + 1)));
      const header = hasHeaders ? values(a.top).map((v, j) => String(v || `Kolom${j + 1}`)) : values(a.top).map((_, j) => `Kolom${j + 1}`);
      const rows: (string | number | boolean)[][] = [];
      for (let r = hasHeaders ? a.top + 1 : a.top; r <= a.bottom; r++) rows.push(values(r));
      const n = this.context.host.workbook.worksheets.reduce((k, w) => k + Object.keys((w as unknown as { tables?: object }).tables ?? {}).length, 0) + 1;
      table.name = `Tabel${n}`;
      ws.addTable({ name: table.name, ref: `${columnLetters(a.left)}${a.top + 1}`, headerRow: true, columns: header.map((name) => ({ name })), rows });
    }, address);
    return table;
  }
}

export class WorksheetProtection extends ClientObject {
  protected readonly scalars = ["protected"];
  constructor(
    context: RequestContext,
    readonly worksheet: Worksheet,
  ) {
    super(context);
  }
  protected snapshot(): unknown {
    return (this.worksheet.target() as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options?: Partial<ExcelJS.WorksheetProtection>, password?: string): void {
    this.queue(() => this.worksheet.target().protect(password ?? "", options ?? {}));
  }
  unprotect(): void {
    this.queue(() => this.worksheet.target().unprotect());
  }
}
