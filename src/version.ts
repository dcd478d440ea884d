/**
 * Version of the STJ Toets add-in, shown by =STJ.VERSION() and in the task pane.
 *
 * Keep in sync with "version" in package.json: webpack.config.js fails the
 * build when the two differ.
 */
export const ADDIN_VERSION = "0.1.0";
