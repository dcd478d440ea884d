/**
 * Offline checks of the add-in manifest. `office-addin-manifest validate` posts the manifest to an
 * online Microsoft service, and the manifest XML schemas (XSD) are not in any package available here,
 * so CI checks what the schema checks that matters to us (well-formed XML, the order of the top-level
 * elements, value formats, lengths) plus rules of our own: one long-lived shared runtime, the same
 * resid for runtime, task pane, functions page and function file, every resid defined, https only
 * and no localhost in production, Permissions exactly ReadWriteDocument, the requirement sets.
 * Returns the problems found; an empty list means the manifest passes.
 */

const OFFICEAPP_NS = "http://schemas.microsoft.com/office/appforoffice/1.1";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** The order of OfficeApp's children in the schema (TaskPaneApp), for the elements we may use. */
const OFFICEAPP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

export interface ManifestOptions {
  /** "production": https everywhere, no localhost. "development": every URL on the dev server. */
  mode: "production" | "development";
  /** The base URL in development (default https://localhost:3000/). */
  devUrl?: string;
}

function children(el: Element, localName?: string): Element[] {
  return [...el.children].filter((c) => localName === undefined || c.localName === localName);
}

function descendants(root: Document | Element, localName: string): Element[] {
  return [...root.getElementsByTagName("*")].filter((e) => e.localName === localName);
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(XSI_NS, "type");
}

export function checkManifest(xml: string, options: ManifestOptions): string[] {
  const problems: string[] = [];
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const parseError = doc.getElementsByTagName("parsererror")[0];
  if (parseError) return [`not well-formed XML: ${parseError.textContent?.trim()}`];

  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.namespaceURI !== OFFICEAPP_NS) problems.push(`root must be OfficeApp in ${OFFICEAPP_NS}`);
  if (xsiType(root) !== "TaskPaneApp") problems.push(`OfficeApp xsi:type must be TaskPaneApp (is ${xsiType(root)})`);

  // Schema order of the top-level elements.
  const names = children(root).map((c) => c.localName);
  const unknown = names.filter((n) => !OFFICEAPP_ORDER.includes(n));
  if (unknown.length) problems.push(`unexpected elements in OfficeApp: ${unknown.join(", ")}`);
  const positions = names.filter((n) => OFFICEAPP_ORDER.includes(n)).map((n) => OFFICEAPP_ORDER.indexOf(n));
  if (positions.some((p, i) => i > 0 && p <= positions[i - 1])) problems.push(`OfficeApp children out of schema order (or repeated): ${names.join(", ")}`);
  for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "DefaultSettings", "Permissions"])
    if (!names.includes(required)) problems.push(`missing <${required}>`);

  const text = (name: string) => children(root, name)[0]?.textContent?.trim() ?? "";
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text("Id"))) problems.push(`<Id> is not a GUID: ${text("Id")}`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text("Version"))) problems.push(`<Version> is not n.n.n.n: ${text("Version")}`);
  if (text("Permissions") !== "ReadWriteDocument") problems.push(`<Permissions> must be exactly ReadWriteDocument (Excel's API reads and writes the workbook; nothing more), is '${text("Permissions")}'`);

  // Lengths the schema allows.
  const limit = (el: Element | undefined, what: string, max: number) => {
    if (!el) return;
    for (const v of [el.getAttribute("DefaultValue"), ...children(el, "Override").map((o) => o.getAttribute("Value"))])
      if (v !== null && v.length > max) problems.push(`${what} longer than ${max} characters: ${v.slice(0, 40)}…`);
  };
  limit(children(root, "DisplayName")[0], "DisplayName", 125);
  limit(children(root, "Description")[0], "Description", 250);
  for (const s of descendants(doc, "ShortStrings").flatMap((x) => children(x, "String"))) limit(s, `ShortString ${s.getAttribute("id")}`, 125);
  for (const s of descendants(doc, "LongStrings").flatMap((x) => children(x, "String"))) limit(s, `LongString ${s.getAttribute("id")}`, 250);
  for (const o of descendants(doc, "Override"))
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(o.getAttribute("Locale") ?? "")) problems.push(`Override with an invalid Locale '${o.getAttribute("Locale")}'`);

  // Requirement sets.
  const sets = new Map(descendants(children(root, "Requirements")[0] ?? doc.createElement("x"), "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion") ?? ""]));
  for (const name of ["CustomFunctionsRuntime", "SharedRuntime"]) if (!sets.has(name)) problems.push(`<Requirements> lacks the set ${name}`);
  if (sets.get("SharedRuntime") && Number(sets.get("SharedRuntime")) < 1.1) problems.push("SharedRuntime must be at least 1.1");

  // Resources: ids unique, every resid defined.
  const resources = descendants(doc, "Resources")[0];
  const defined = new Map<string, Element>();
  if (!resources) problems.push("missing <Resources>");
  else
    for (const group of children(resources))
      for (const item of children(group)) {
        const id = item.getAttribute("id");
        if (!id) continue;
        if (defined.has(id)) problems.push(`resource id '${id}' is defined twice`);
        defined.set(id, item);
      }
  const resids = [...doc.getElementsByTagName("*")].filter((e) => e.hasAttribute("resid"));
  for (const e of resids) {
    const id = e.getAttribute("resid")!;
    if (id.length > 32) problems.push(`resid '${id}' is longer than 32 characters`);
    if (!defined.has(id)) problems.push(`<${e.localName} resid="${id}"> refers to no resource`);
  }
  const used = new Set(resids.map((e) => e.getAttribute("resid")));
  for (const id of defined.keys()) if (!used.has(id)) problems.push(`resource '${id}' is never used`);

  // One long-lived shared runtime, and the same resid everywhere.
  const workbookHosts = descendants(doc, "Host").filter((h) => xsiType(h) === "Workbook");
  if (workbookHosts.length !== 1) problems.push(`expected one <Host xsi:type="Workbook"> in VersionOverrides, found ${workbookHosts.length}`);
  const runtimes = descendants(doc, "Runtime");
  if (runtimes.length !== 1) problems.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
  const runtime = runtimes[0];
  if (runtime && runtime.getAttribute("lifetime") !== "long") problems.push(`the <Runtime> must have lifetime="long" (is '${runtime.getAttribute("lifetime")}')`);
  const runtimeId = runtime?.getAttribute("resid") ?? "";
  const cf = descendants(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
  const sourceOf = (el: Element | undefined) => (el ? children(el, "SourceLocation")[0]?.getAttribute("resid") : undefined);
  const pageId = cf ? sourceOf(children(cf, "Page")[0]) : null;
  if (!cf) problems.push("no CustomFunctions extension point");
  const functionFile = descendants(doc, "FunctionFile")[0]?.getAttribute("resid");
  const taskpanes = descendants(doc, "Action")
    .filter((a) => xsiType(a) === "ShowTaskpane")
    .map((a) => children(a, "SourceLocation")[0]?.getAttribute("resid"));
  if (taskpanes.length === 0) problems.push("no ShowTaskpane action");
  const ids = { runtime: runtimeId, "functions page": pageId, "function file": functionFile, ...Object.fromEntries(taskpanes.map((t, i) => [`task pane ${i + 1}`, t])) };
  for (const [what, id] of Object.entries(ids))
    if (id !== runtimeId) problems.push(`the ${what} uses resid '${id}', the runtime '${runtimeId}': Office shares the runtime only when they are the same`);
  const taskpaneIds = new Set(descendants(doc, "TaskpaneId").map((t) => t.textContent?.trim()));
  if (taskpaneIds.size > 1) problems.push(`more than one TaskpaneId (${[...taskpaneIds].join(", ")}): a second task pane would get its own runtime`);
  const runtimeUrl = defined.get(runtimeId)?.getAttribute("DefaultValue");
  const source = children(children(root, "DefaultSettings")[0] ?? doc.createElement("x"), "SourceLocation")[0]?.getAttribute("DefaultValue");
  if (runtimeUrl && source && runtimeUrl !== source) problems.push(`DefaultSettings/SourceLocation (${source}) differs from the runtime page (${runtimeUrl})`);
  const scriptId = cf ? sourceOf(children(cf, "Script")[0]) : null;
  if (cf && !scriptId) problems.push("the CustomFunctions extension point lacks <Script> (required by the schema)");
  const namespaceId = cf ? children(cf, "Namespace")[0]?.getAttribute("resid") : null;
  if (cf && (!namespaceId || defined.get(namespaceId)?.getAttribute("DefaultValue") !== "STJ")) problems.push("the custom functions namespace must be STJ");

  // URLs.
  const urls: { where: string; url: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) for (const e of children(root, name)) urls.push({ where: name, url: e.getAttribute("DefaultValue") ?? "" });
  for (const e of descendants(children(root, "DefaultSettings")[0] ?? doc.createElement("x"), "SourceLocation")) urls.push({ where: "DefaultSettings/SourceLocation", url: e.getAttribute("DefaultValue") ?? "" });
  for (const e of [...descendants(doc, "Url"), ...descendants(doc, "Image")].filter((x) => x.namespaceURI === BT_NS && x.hasAttribute("id"))) {
    urls.push({ where: e.getAttribute("id")!, url: e.getAttribute("DefaultValue") ?? "" });
    for (const o of children(e, "Override")) urls.push({ where: `${e.getAttribute("id")} (${o.getAttribute("Locale")})`, url: o.getAttribute("Value") ?? "" });
  }
  for (const { where, url } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where}: not an https URL: ${url}`);
    if (options.mode === "production" && /localhost|127\.0\.0\.1/i.test(url)) problems.push(`${where}: a local URL in the production manifest: ${url}`);
    if (options.mode === "development" && !url.startsWith(options.devUrl ?? "https://localhost:3000/")) problems.push(`${where}: not on the dev server: ${url}`);
  }
  if (options.mode === "production" && /localhost/i.test(xml)) problems.push("'localhost' is still in the production manifest");
  return problems;
}
