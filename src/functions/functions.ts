/*
 * Excel custom functions of STJ Toets (namespace STJ, see manifest.xml).
 *
 * This file is the input of CustomFunctionsMetadataPlugin (webpack.config.js):
 * the JSDoc tags below generate dist/functions.json, and the plugin's loader
 * appends the `CustomFunctions.associate(id, function)` calls to this module at
 * build time, so there is no hand-written registration here (as in Microsoft's
 * Excel-Custom-Functions template).
 *
 * The bundle is loaded by taskpane.html, which is the single page of the shared
 * runtime, so the functions and the task pane share globals.
 *
 * Dutch descriptions for functions-nl.json live in ./functions-nl.ts; keep a
 * Dutch entry for every function declared here.
 */

import { ADDIN_VERSION } from "../version";

/**
 * Returns the version of the STJ Toets add-in.
 * @customfunction VERSION
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
