/*
 * Dutch (nl-NL) texts for the custom functions metadata.
 *
 * Used at BUILD time only: webpack.config.js reads this map and derives
 * dist/functions-nl.json from the generated dist/functions.json (the manifest
 * points nl-NL users to that file). It is not bundled into the add-in.
 *
 * Keys are function ids as they appear in functions.json (upper case, e.g.
 * "VERSION"). Ids are never translated. `name` is optional: by default the
 * Dutch name equals the English one (STJ.VERDICT stays STJ.VERDICT).
 * Parameter keys are the parameter names in functions.json.
 *
 * Keep this file free of imports other than types: the build evaluates it in
 * isolation.
 */

export interface FunctionTranslation {
  /** Dutch function name; omit to keep the English name. */
  name?: string;
  /** Dutch description shown in Excel's formula autocomplete. */
  description: string;
  /** Dutch descriptions of parameters, keyed by parameter name. */
  parameters?: Record<string, string>;
}

export const functionsNl: Record<string, FunctionTranslation> = {
  VERSION: {
    description: "Geeft het versienummer van de invoegtoepassing STJ Toets.",
  },
};

export default functionsNl;
