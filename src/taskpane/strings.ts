/*
 * All user-facing strings of the task pane, in one place.
 *
 * Dutch (nl) is the default language; English (en) is used when Office
 * reports a display language that is not Dutch. Add a key to `nl` first;
 * the type of `en` then forces the English translation.
 */

const nl = {
  appTitle: "STJ Toets",
  intro:
    "Met STJ Toets controleert en scoort u vragenlijsten aan de hand van het toetsingskader met 30 indicatoren, en maakt u factsheets.",
  stepsLabel: "Werkstappen",
  stepStart: "Start",
  stepCheck: "Controleren",
  stepScore: "Scoren",
  stepAssess: "Beoordelen",
  stepFactsheet: "Factsheet",
  stepOverview: "Overzicht",
  notAvailable: "Nog niet beschikbaar in deze versie.",
  notInExcel: "Deze pagina werkt alleen als invoegtoepassing in Excel. Open STJ Toets via het lint in Excel.",
  versionLabel: "Versie",
} as const;

export type StringKey = keyof typeof nl;
export type Language = "nl" | "en";

const en: Record<StringKey, string> = {
  appTitle: "STJ Toets",
  intro:
    "STJ Toets checks and scores questionnaires against the framework of 30 indicators, and produces factsheets.",
  stepsLabel: "Workflow steps",
  stepStart: "Start",
  stepCheck: "Check",
  stepScore: "Score",
  stepAssess: "Assess",
  stepFactsheet: "Factsheet",
  stepOverview: "Overview",
  notAvailable: "Not available in this version yet.",
  notInExcel: "This page only works as an add-in in Excel. Open STJ Toets from the Excel ribbon.",
  versionLabel: "Version",
};

export const strings: Record<Language, Record<StringKey, string>> = { nl, en };

/**
 * Maps an Office display language (e.g. "nl-NL", "nl-BE", "en-US") to a UI
 * language. Dutch for any nl-* tag, English for any other known language,
 * Dutch when the language is unknown.
 */
export function resolveLanguage(displayLanguage: string | undefined | null): Language {
  if (!displayLanguage) return "nl";
  const primary = displayLanguage.toLowerCase().split(/[-_]/)[0];
  return primary === "nl" ? "nl" : "en";
}

/** The UI language for the current Office session (nl outside Office). */
export function currentLanguage(): Language {
  let displayLanguage: string | undefined;
  try {
    if (typeof Office !== "undefined" && Office.context) {
      displayLanguage = Office.context.displayLanguage;
    }
  } catch {
    displayLanguage = undefined;
  }
  return resolveLanguage(displayLanguage);
}

/** Looks up a UI string in the given language (default: the current one). */
export function t(key: StringKey, language: Language = currentLanguage()): string {
  return strings[language][key];
}
