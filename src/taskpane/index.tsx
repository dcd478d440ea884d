/*
 * Entry point of the task pane bundle (taskpane.js).
 *
 * taskpane.html is also the page of the shared runtime: Excel loads it (with
 * functions.js) for custom functions even when the task pane is closed, so
 * keep top-level work here cheap.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { currentLanguage } from "./strings";

function isDarkOfficeTheme(): boolean {
  try {
    return Office.context?.officeTheme?.isDarkTheme === true;
  } catch {
    return false; // officeTheme is not available on every platform
  }
}

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  const language = currentLanguage();
  document.documentElement.lang = language;
  createRoot(container).render(
    <React.StrictMode>
      <App inExcel={info.host === Office.HostType.Excel} darkTheme={isDarkOfficeTheme()} language={language} />
    </React.StrictMode>
  );
});
