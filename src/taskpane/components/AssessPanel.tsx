/**
 * Beoordelen: per approach and theme every indicator with its verdict, LET OP and divergence; open an
 * indicator to see every respondent's answers side by side (each a link to its cell) and to override
 * the verdict and/or the text with a reason (written to the Aanpassingen sheet).
 */
import * as React from "react";
import { Body1, Caption1, Checkbox, Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { createFocusOutlineStyle } from "@fluentui/react-components";
import type { ApproachResult, IndicatorResult } from "../../scoring";
import type { LoadedStudy } from "../flow";
import { approachKey, approachTitle, needsAttention, themesOf } from "../model";
import { DivergenceBadge, LetOpBadge, OverriddenBadge, VerdictBadge } from "./badges";
import { IndicatorDetail } from "./IndicatorDetail";
import { usePane } from "./pane";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  theme: { marginTop: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...createFocusOutlineStyle(),
  },
  title: { display: "block" },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  code: { fontWeight: tokens.fontWeightSemibold },
});

export interface AssessPanelProps {
  loaded: LoadedStudy | null;
  results: ApproachResult[] | null;
  onOverrides: (loaded: LoadedStudy, results: ApproachResult[]) => void;
}

export function AssessPanel({ loaded, results, onOverrides }: AssessPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { s } = usePane();
  const [selected, setSelected] = React.useState<string>("");
  const [attentionOnly, setAttentionOnly] = React.useState(false);
  const [open, setOpen] = React.useState<string | null>(null);
  const buttons = React.useRef(new Map<string, HTMLButtonElement>());
  const returnTo = React.useRef<string | null>(null);
  const selectId = React.useId();

  React.useEffect(() => {
    if (!results || results.length === 0) return;
    if (!results.some((r) => approachKey(r) === selected)) setSelected(approachKey(results[0]));
  }, [results, selected]);

  React.useEffect(() => {
    if (open === null && returnTo.current) {
      buttons.current.get(returnTo.current)?.focus();
      returnTo.current = null;
    }
  }, [open]);

  if (!results || !loaded) {
    return (
      <section className={styles.section} aria-labelledby="assess-heading">
        <Subtitle2 as="h2" id="assess-heading">
          {s("assessHeading")}
        </Subtitle2>
        <Body1 as="p">{s("assessNeedsScore")}</Body1>
      </section>
    );
  }

  const result = results.find((r) => approachKey(r) === selected) ?? results[0];
  const approach = result && loaded.study.approaches.find((a) => approachKey(a) === approachKey(result));
  const indicator = result && open ? result.indicators.find((i) => i.code === open) : undefined;

  if (result && approach && indicator) {
    return (
      <IndicatorDetail
        loaded={loaded}
        results={results}
        result={result}
        approach={approach}
        indicator={indicator}
        onBack={() => {
          returnTo.current = indicator.code;
          setOpen(null);
        }}
        onOverrides={onOverrides}
      />
    );
  }

  const row = (ind: IndicatorResult) => (
    <li key={ind.code}>
      <button
        type="button"
        className={styles.item}
        ref={(el) => {
          if (el) buttons.current.set(ind.code, el);
          else buttons.current.delete(ind.code);
        }}
        onClick={() => setOpen(ind.code)}
        data-indicator={ind.code}
      >
        <span className={styles.title}>
          <span className={styles.code}>{ind.code}</span> {ind.text}
        </span>
        <span className={styles.badges}>
          <VerdictBadge verdict={ind.verdict} />
          {ind.verdict === "voldoet" && ind.letOp && <LetOpBadge />}
          <DivergenceBadge label={ind.divergence.label} />
          {ind.override && <OverriddenBadge />}
        </span>
      </button>
    </li>
  );

  return (
    <section className={styles.section} aria-labelledby="assess-heading">
      <Subtitle2 as="h2" id="assess-heading">
        {s("assessHeading")}
      </Subtitle2>
      {results.length === 0 ? (
        <Body1 as="p">{s("scoreNothing")}</Body1>
      ) : (
        <>
          <Field label={s("approachLabel")}>
            <Select id={selectId} value={approachKey(result)} onChange={(_, d) => setSelected(d.value)}>
              {results.map((r) => (
                <option key={approachKey(r)} value={approachKey(r)}>
                  {approachTitle(r)}
                </option>
              ))}
            </Select>
          </Field>
          <Caption1>{s("approachSummary", { ...result.counts })}</Caption1>
          <Checkbox checked={attentionOnly} onChange={(_, d) => setAttentionOnly(d.checked === true)} label={s("onlyAttention")} />
          {themesOf(result).map(({ theme, indicators }) => {
            const shown = attentionOnly ? indicators.filter(needsAttention) : indicators;
            if (shown.length === 0) return null;
            return (
              <div key={theme} className={styles.theme}>
                <Subtitle2 as="h3">{theme}</Subtitle2>
                <ul className={styles.list} aria-label={s("indicatorList", { theme })}>
                  {shown.map(row)}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
