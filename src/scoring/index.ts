/** Public API of the scoring core. Pure TypeScript: no Office, no DOM, no I/O. */
export * from "./types";
export { ggsr2013, LEEFGEBIEDEN, PARTIJEN, DOELGROEPEN } from "./framework/ggsr2013";
export { indicatorPlaces, indicators, allQuestions, findIndicator } from "./framework/walk";
export { frameworkToSheet, frameworkFromSheet, FRAMEWORK_HEADER, FRAMEWORK_SHEET } from "./framework/sheet";
export { readAnswers, ANSWERS_SHEET, KEY_COLUMNS, NOTE_SUFFIX } from "./answers";
export { readContext, CONTEXT_COLUMNS, CONTEXT_SHEET } from "./context";
export { scoreApproach, scoreAll, approachAgreement, findingText, SYMBOL, VERDICT_TEXT } from "./score";
export { percentAgreement, gwetAC1, krippendorffAlphaNominal, pairwiseAgreement } from "./agreement";
export { answerText, parseAnswer, parseJaNee, parseRole, labelKey, cellText } from "./normalise";
export { cellAddress, columnLetter, parseAddress, parseRange } from "./address";
export { readOverrides, overridesToSheet, OVERRIDE_COLUMNS, OVERRIDES_SHEET, parseVerdict, parseDate } from "./overrides";
export type { OverrideChecks } from "./overrides";
