/**
 * Overzicht: the study at a glance: counts, verbeterpunten per theme (chart and table) and the verdict
 * matrix (approaches × indicators); optionally written to the workbook as the sheet "Overzicht".
 */
import * as React from "react";
import { Body1, Button, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { OVERVIEW_SHEET } from "../../layout";
import { SYMBOL } from "../../scoring";
import type { ApproachResult, Verdict } from "../../scoring";
import type { LoadedStudy } from "../flow";
import { approachTitle, studyCounts, themeTallies, verdictMatrix } from "../model";
import { findSheet } from "../sheets";
import { VERDICT_KEY } from "./badges";
import { BarChart } from "./BarChart";
import { usePane } from "./pane";

const FILL: Record<Verdict, string> = {
  voldoet: tokens.colorPaletteGreenBackground2,
  verbeterpunt: tokens.colorPaletteRedBackground2,
  onvoldoende: tokens.colorPaletteYellowBackground2,
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  scroll: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "left", padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  th: { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left", whiteSpace: "nowrap", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  themeTh: { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left", borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  rowTh: { padding: `2px ${tokens.spacingHorizontalXS}`, textAlign: "left", fontWeight: tokens.fontWeightRegular, whiteSpace: "nowrap", position: "sticky", left: 0, backgroundColor: tokens.colorNeutralBackground1 },
  cell: { textAlign: "center", minWidth: "26px", padding: "2px", color: tokens.colorNeutralForeground1, "@media (forced-colors: active)": { backgroundColor: "Canvas" } },
  num: { textAlign: "right", padding: `2px ${tokens.spacingHorizontalS}` },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface OverviewPanelProps {
  loaded: LoadedStudy | null;
  results: ApproachResult[] | null;
}

export function OverviewPanel({ loaded, results }: OverviewPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, confirm, goTo } = usePane();
  const [written, setWritten] = React.useState<string | null>(null);
  const fw = loaded?.study.framework;
  const tallies = React.useMemo(() => (results && fw ? themeTallies(results, fw) : []), [results, fw]);
  const matrix = React.useMemo(() => (results && fw ? verdictMatrix(results, fw) : null), [results, fw]);

  const heading = (
    <Subtitle2 as="h2" id="overview-heading">
      {s("overviewHeading")}
    </Subtitle2>
  );
  if (!results || !loaded || !fw || !matrix || results.length === 0) {
    return (
      <section className={styles.section} aria-labelledby="overview-heading">
        {heading}
        <Body1 as="p">{results && results.length === 0 ? s("scoreNothing") : s("overviewNeedsScore")}</Body1>
      </section>
    );
  }
  const c = studyCounts(results);

  const writeOverview = () => {
    const writer = workbook.writeOverview;
    if (!writer) return;
    setWritten(null);
    void run(async (phase) => {
      const summary = await workbook.summary();
      const existing = findSheet(summary.sheets, OVERVIEW_SHEET);
      if (existing && !(await confirm({ title: "confirmReplaceTitle", body: s("confirmReplaceOverview", { sheet: existing.name }), confirm: "replace" }))) return;
      const out = await writer({ results, framework: fw, replace: existing ? [existing.name] : [] }, phase("phaseWrite"));
      setWritten(out.sheets[0] ?? null);
    });
  };

  return (
    <section className={styles.section} aria-labelledby="overview-heading">
      {heading}
      <Body1 as="p">{s("overviewCounts", { ...c })}</Body1>
      {c.overridden > 0 && <Body1 as="p">{s("overviewOverridden", { n: c.overridden })}</Body1>}

      <Subtitle2 as="h3">{s("chartTitle")}</Subtitle2>
      <BarChart tallies={tallies} />
      <table className={styles.table}>
        <caption className={styles.hidden}>{s("chartDesc")}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {s("themeColumn")}
            </th>
            <th scope="col" className={styles.th}>
              {s("chartVerbeterpunt")}
            </th>
            <th scope="col" className={styles.th}>
              {s("chartLetOp")}
            </th>
          </tr>
        </thead>
        <tbody>
          {tallies.map((t) => (
            <tr key={t.theme}>
              <th scope="row" className={styles.rowTh}>
                {t.theme}
              </th>
              <td className={styles.num}>{t.verbeterpunt}</td>
              <td className={styles.num}>{t.letOp}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <Subtitle2 as="h3">{s("matrixHeading")}</Subtitle2>
      <div className={styles.scroll} role="region" aria-label={s("matrixScroll")} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>{s("matrixCaption")}</caption>
          <thead>
            <tr>
              <td />
              {matrix.themes.map((t) => (
                <th key={t.theme} scope="colgroup" colSpan={t.codes.length} className={styles.themeTh}>
                  {t.theme}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" className={styles.th}>
                {s("approachLabel")}
              </th>
              {matrix.themes.flatMap((t) =>
                t.codes.map((code) => (
                  <th key={code} scope="col" className={styles.th}>
                    {code}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" className={styles.rowTh}>
                  {approachTitle(row)}
                </th>
                {row.cells.map((cell) => {
                  if (!cell.verdict) return <td key={cell.code} className={styles.cell} />;
                  const words = [s(VERDICT_KEY[cell.verdict]), cell.letOp ? s("matrixLetOp") : "", cell.overridden ? s("matrixOverridden") : ""].filter(Boolean).join(", ");
                  return (
                    <td key={cell.code} className={styles.cell} style={{ backgroundColor: FILL[cell.verdict] }} title={`${cell.code}: ${words}`}>
                      <span aria-hidden="true">
                        {SYMBOL[cell.verdict]}
                        {cell.letOp ? "!" : ""}
                        {cell.overridden ? "*" : ""}
                      </span>
                      <span className={styles.hidden}>{words}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {workbook.writeOverview && (
        <div className={styles.row}>
          <Button onClick={writeOverview} disabled={busy}>
            {s("overviewWrite")}
          </Button>
          {written && (
            <Link as="button" onClick={() => goTo(`${written}!A1`)}>
              {s("overviewWritten", { sheet: written })}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
