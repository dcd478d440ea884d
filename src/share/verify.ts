/**
 * Checks a share copy's bytes the hard way: every part of the .xlsx zip, as raw XML. Used by the CLI
 * after writing each share copy (a copy that fails is not kept) and by the leak tests. Works in the
 * browser too (JSZip).
 *
 * Rules (each broken rule is one Dutch line in `problems`):
 * - no formula element (`<f>`) in any part; no defined names; no hidden sheet, row or column;
 * - no comments, notes (VML drawings), threaded comments, external links, connections, query tables,
 *   pivot caches, macros or custom XML/custom document properties;
 * - no data validations and no hyperlinks; every worksheet protected;
 * - document properties: creator and last-modified-by empty or "STJ Toets"; no company or manager;
 *   the expected title when given;
 * - none of the `forbidden` strings in any part (raw or XML-unescaped).
 */
import JSZip from "jszip";
import { unescapeXml } from "../xlsx/xml";

/** The only author the share copy names: the program. */
export const SHARE_AUTHOR = "STJ Toets";

export interface InspectOptions {
  /** Strings that must not occur anywhere (respondent names, free text…). */
  forbidden?: readonly string[];
  /** The expected document title. */
  title?: string;
}

export interface Inspection {
  problems: string[];
  /** Every part's text (XML parts) by path, for further checks in tests. */
  parts: Map<string, string>;
  sheetNames: string[];
}

const FORBIDDEN_PARTS: [RegExp, string][] = [
  [/(^|\/)comments\d*\.xml$/i, "opmerkingen (comments)"],
  [/threadedComments/i, "opmerkingen (threaded comments)"],
  [/\.vml$/i, "notities (VML)"],
  [/externalLink/i, "externe koppelingen"],
  [/connections\.xml$/i, "gegevensverbindingen"],
  [/queryTable/i, "querytabellen"],
  [/pivot/i, "draaitabellen"],
  [/vbaProject/i, "macro's"],
  [/^customXml\//i, "custom XML"],
  [/^docProps\/custom\.xml$/i, "aangepaste documenteigenschappen"],
  [/(^|\/)persons?\//i, "personen (threaded comments)"],
];

function tagText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (m) return unescapeXml(m[1]);
  return new RegExp(`<${tag}(?:\\s[^>]*)?/>`).test(xml) ? "" : null;
}

/** Inspects .xlsx bytes against the share copy's rules (see the module comment). */
export async function inspectShareBytes(bytes: Uint8Array | ArrayBuffer, options: InspectOptions = {}): Promise<Inspection> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort()) {
    const f = zip.files[path];
    if (f.dir) continue;
    for (const [re, what] of FORBIDDEN_PARTS) if (re.test(path)) problems.push(`${path}: ${what} horen niet in een deelkopie.`);
    if (/\.(xml|rels|vml)$/i.test(path)) parts.set(path, await f.async("string"));
    else if (!/\.(png|jpe?g|gif|emf|wmf|bmp|tiff?)$/i.test(path)) problems.push(`${path}: onverwacht onderdeel in de werkmap.`);
  }
  for (const [path, xml] of parts) {
    if (/<(\w+:)?f[\s>/]/.test(xml)) problems.push(`${path}: bevat een formule (<f>).`);
    if (/<(\w+:)?definedName[\s>]/.test(xml)) problems.push(`${path}: bevat een gedefinieerde naam.`);
    if (/<(\w+:)?dataValidation[\s>]/.test(xml)) problems.push(`${path}: bevat gegevensvalidatie.`);
    if (/<(\w+:)?hyperlink[\s>]/.test(xml)) problems.push(`${path}: bevat een hyperlink.`);
    const text = unescapeXml(xml);
    for (const s of options.forbidden ?? []) {
      if (s !== "" && (xml.includes(s) || text.includes(s))) problems.push(`${path}: bevat '${s}'.`);
    }
  }
  const wbXml = parts.get("xl/workbook.xml") ?? "";
  if (!wbXml) problems.push("xl/workbook.xml ontbreekt.");
  const sheetNames: string[] = [];
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    sheetNames.push(name);
    if (/\bstate="(hidden|veryHidden)"/.test(m[0])) problems.push(`xl/workbook.xml: blad '${name}' is verborgen.`);
  }
  for (const [path, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(path)) continue;
    if (!/<(\w+:)?sheetProtection\b[^>]*\bsheet="1"/.test(xml)) problems.push(`${path}: het blad is niet beveiligd.`);
    if (/<(\w+:)?(row|col)\b[^>]*\bhidden="(1|true)"/.test(xml)) problems.push(`${path}: bevat verborgen rijen of kolommen.`);
  }
  const core = parts.get("docProps/core.xml") ?? "";
  const app = parts.get("docProps/app.xml") ?? "";
  for (const [tag, what] of [
    ["dc:creator", "maker"],
    ["cp:lastModifiedBy", "laatst gewijzigd door"],
  ]) {
    const v = tagText(core, tag);
    if (v && v !== SHARE_AUTHOR) problems.push(`docProps/core.xml: '${what}' is '${v}'; verwacht leeg of '${SHARE_AUTHOR}'.`);
  }
  for (const tag of ["Company", "Manager"]) {
    const v = tagText(app, tag);
    if (v) problems.push(`docProps/app.xml: ${tag} is '${v}'.`);
  }
  if (options.title !== undefined) {
    const title = tagText(core, "dc:title");
    if (title !== options.title) problems.push(`docProps/core.xml: titel is '${title ?? ""}', verwacht '${options.title}'.`);
  }
  return { problems, parts, sheetNames };
}
