/**
 * Plain-Dutch (or English) messages for what can go wrong, each saying what to do. Office.js errors
 * carry a `code` (OfficeExtension.ErrorCodes); the file reader throws {@link ImportFileError}.
 */
import { ImportFileError } from "./importFile";
import type { Params, StringKey } from "./strings";

type Say = (key: StringKey, params?: Params) => string;

const OFFICE_CODES: Record<string, StringKey> = {
  InvalidOperationInCellEditMode: "errorEditMode",
  AccessDenied: "errorProtected",
  RequestPayloadSizeLimitExceeded: "errorTooLarge",
  ResponsePayloadSizeLimitExceeded: "errorTooLarge",
  PayloadTooLarge: "errorTooLarge",
  ItemNotFound: "errorSheetMissing",
  ActivityLimitReached: "errorBusy",
  Conflict: "errorBusy",
};

export function errorMessage(e: unknown, say: Say): string {
  if (e instanceof ImportFileError) {
    if (e.kind === "xls") return say("errorOldXls", { file: e.file });
    if (e.kind === "type") return say("errorFileType", { file: e.file });
    return say("errorFile", { detail: e.detail });
  }
  const code = (e as { code?: unknown })?.code;
  if (typeof code === "string" && OFFICE_CODES[code]) return say(OFFICE_CODES[code]);
  const detail = e instanceof Error ? e.message : String(e);
  return say("errorUnknown", { detail: detail.replace(/[.\s]+$/, "") });
}
