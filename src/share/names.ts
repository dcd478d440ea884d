/**
 * Names of the share copy: its title, its file name and the text clean-up every string in it gets.
 * Pure: no I/O, no ExcelJS.
 */

/** "Uitkomsten toezichtonderzoek <Gemeente>": the factsheet's title, the workbook's title property. */
export function shareTitle(gemeente: string): string {
  return `Uitkomsten toezichtonderzoek ${gemeente}`;
}

/** "2024-03" (jjjj-mm) of a date, in local time (the analyst's month). */
export function yearMonth(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/**
 * Characters no XML document may contain (lone surrogates, U+FFFE, U+FFFF, C0 controls other than
 * tab, LF and CR). A workbook with one of them cannot be opened; they become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, "\ufffd");
}

/** Longest file name we produce (without folder), well under the 255 of every file system. */
export const MAX_FILE_NAME = 150;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name that is valid on Windows, macOS and Linux: no \ / : * ? " < > | or control characters,
 * no leading or trailing dots or spaces, at most {@link MAX_FILE_NAME} characters. Empty → "bestand".
 */
export function sanitiseFileName(name: string, extension = ""): string {
  let s = xmlSafe(name)
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f\ufffd]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (s === "" || WINDOWS_RESERVED.test(s)) s = s === "" ? "bestand" : `${s}-`;
  const max = MAX_FILE_NAME - extension.length;
  if (s.length > max) s = s.slice(0, max).replace(/[\s.]+$/, "");
  return s + extension;
}

/** "Uitkomsten toezichtonderzoek <Gemeente> <jjjj-mm>.xlsx", sanitised. */
export function shareFileName(gemeente: string, date: Date): string {
  return sanitiseFileName(`${shareTitle(gemeente)} ${yearMonth(date)}`, ".xlsx");
}

/** Makes `name` unique among `taken` (case-insensitive, as Windows and macOS compare): "x.xlsx", "x (2).xlsx". */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    const key = candidate.toLocaleLowerCase("nl");
    if (!taken.has(key)) {
      taken.add(key);
      return candidate;
    }
  }
}
