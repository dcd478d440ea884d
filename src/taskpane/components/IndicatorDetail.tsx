/**
 * One indicator of one approach: verdict and finding, why, every respondent's answers side by side
 * (each answer a link that selects its cell), and the override form.
 */
import * as React from "react";
import { Body1, Button, Caption1, Link, Subtitle2, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Approach, ApproachResult, IndicatorResult } from "../../scoring";
import type { LoadedStudy } from "../flow";
import { answerGrid } from "../model";
import { DivergenceBadge, LetOpBadge, OverriddenBadge, VerdictBadge } from "./badges";
import { OverrideForm } from "./OverrideForm";
import { usePane } from "./pane";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  heading: { ...typographyStyles.subtitle1, outlineStyle: "none", margin: 0 },
  h4: { margin: `${tokens.spacingVerticalS} 0 0 0` },
  scroll: {
    overflowX: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: "collapse", minWidth: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: "72px",
  },
  rowHead: { textAlign: "left", verticalAlign: "top", padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, fontWeight: tokens.fontWeightRegular, minWidth: "120px" },
  muted: { color: tokens.colorNeutralForeground3, display: "block" },
  invalid: { color: tokens.colorPaletteRedForeground1, display: "block" },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface IndicatorDetailProps {
  loaded: LoadedStudy;
  results: ApproachResult[];
  result: ApproachResult;
  approach: Approach;
  indicator: IndicatorResult;
  onBack: () => void;
  onOverrides: (loaded: LoadedStudy, results: ApproachResult[]) => void;
}

export function IndicatorDetail({ loaded, results, result, approach, indicator, onBack, onOverrides }: IndicatorDetailProps): React.JSX.Element {
  const styles = useStyles();
  const { s, goTo } = usePane();
  const heading = React.useRef<HTMLHeadingElement>(null);
  const grid = React.useMemo(() => answerGrid(approach, loaded.study.framework, indicator.code, loaded.sheets.answers), [approach, loaded, indicator.code]);

  React.useEffect(() => {
    heading.current?.focus();
  }, [indicator.code]);

  const headingId = `ind-${indicator.code}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2">{s("assessHeading")}</Subtitle2>
      <div>
        <Button onClick={onBack}>← {s("backToList")}</Button>
      </div>
      <Caption1>{`${result.gemeente} — ${result.approach} · ${indicator.theme} · ${indicator.criterion}`}</Caption1>
      <h3 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {indicator.code} {indicator.text}
      </h3>
      <div className={styles.badges}>
        <VerdictBadge verdict={indicator.verdict} />
        {indicator.verdict === "voldoet" && indicator.letOp && <LetOpBadge />}
        <DivergenceBadge label={indicator.divergence.label} />
        {indicator.override && <OverriddenBadge />}
      </div>

      <Subtitle2 as="h4" className={styles.h4}>
        {s("findingHeading")}
      </Subtitle2>
      <Body1 as="p" data-testid="finding">
        {indicator.finding}
      </Body1>
      {indicator.override && (
        <Caption1 as="p">
          {s("computedVerdict", { verdict: s(indicator.computedVerdict === "voldoet" ? "verdictVoldoet" : indicator.computedVerdict === "verbeterpunt" ? "verdictVerbeterpunt" : "verdictOnvoldoende") })}.{" "}
          {indicator.computedFinding}
        </Caption1>
      )}

      <Subtitle2 as="h4" className={styles.h4}>
        {s("reasonsHeading")}
      </Subtitle2>
      <ul className={styles.reasons}>
        {indicator.reasons.map((r, i) => (
          <li key={i}>
            <Body1>{r}</Body1>
          </li>
        ))}
        <li>
          <Body1>{indicator.divergence.text}</Body1>
        </li>
      </ul>

      {grid && (
        <>
          <Subtitle2 as="h4" className={styles.h4}>
            {s("answersHeading")}
          </Subtitle2>
          <Caption1>{s("answersHelp")}</Caption1>
          <div className={styles.scroll} role="region" aria-label={s("answersHeading")} tabIndex={0}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col" className={styles.cell}>
                    {s("questionColumn")}
                  </th>
                  {grid.respondents.map((r) => (
                    <th key={`${r.name}-${r.row}`} scope="col" className={styles.cell}>
                      {r.name}
                      <span className={styles.muted}>{r.role}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.code}>
                    <th scope="row" className={styles.rowHead}>
                      <strong>{row.code}</strong>
                      <span className={styles.muted}>{row.text}</span>
                    </th>
                    {row.cells.map((c, i) => {
                      const shown = c.text || s("emptyAnswer");
                      const respondent = grid.respondents[i].name;
                      return (
                        <td key={i} className={styles.cell}>
                          {c.ref ? (
                            <Link as="button" onClick={() => goTo(c.ref!)} aria-label={s("answerCellLabel", { respondent, question: row.code, answer: shown, ref: c.ref })}>
                              {shown}
                            </Link>
                          ) : (
                            shown
                          )}
                          {c.notAsked && <span className={styles.muted}>{s("notAsked")}</span>}
                          {c.invalid && <span className={styles.invalid}>{s("invalidAnswer")}</span>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
                {grid.notes && (
                  <tr>
                    <th scope="row" className={styles.rowHead}>
                      {s("noteRow")}
                    </th>
                    {grid.notes.map((c, i) => (
                      <td key={i} className={styles.cell}>
                        {c.ref && c.text ? (
                          <Link as="button" onClick={() => goTo(c.ref!)} aria-label={s("answerCellLabel", { respondent: grid.respondents[i].name, question: s("noteRow"), answer: c.text, ref: c.ref })}>
                            {c.text}
                          </Link>
                        ) : (
                          c.text
                        )}
                      </td>
                    ))}
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}

      <OverrideForm loaded={loaded} results={results} result={result} indicator={indicator} onOverrides={onOverrides} />
    </section>
  );
}
