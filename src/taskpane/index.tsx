/*
 * Entry point of the task pane bundle (taskpane.js).
 *
 * taskpane.html is also the page of the shared runtime: Excel loads it (with
 * functions.js) for custom functions even when the task pane is closed, so
 * keep top-level work here cheap.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { OfficeStudyWorkbook } from "../office/study";
import { App, type ThemeChoice } from "./App";
import { currentLanguage } from "./strings";

function isDarkOfficeTheme(): boolean {
  try {
    return Office.context?.officeTheme?.isDarkTheme === true;
  } catch {
    return false; // officeTheme is not available on every platform
  }
}

/** High contrast (Windows contrast themes: forced colors) wins; else Office's own light or dark theme. */
function themeChoice(): ThemeChoice {
  if (typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches) return "highContrast";
  return isDarkOfficeTheme() ? "dark" : "light";
}

function Root({ inExcel }: { inExcel: boolean }): React.JSX.Element {
  const language = currentLanguage();
  const workbook = React.useMemo(() => (inExcel ? new OfficeStudyWorkbook() : undefined), [inExcel]);
  const [theme, setTheme] = React.useState<ThemeChoice>(themeChoice);
  React.useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(forced-colors: active)");
    const update = () => setTheme(themeChoice());
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, []);
  return <App inExcel={inExcel} workbook={workbook} theme={theme} language={language} />;
}

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = currentLanguage();
  createRoot(container).render(
    <React.StrictMode>
      <Root inExcel={info.host === Office.HostType.Excel} />
    </React.StrictMode>
  );
});
