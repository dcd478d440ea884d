/**
 * Scoren: reads the sheets, scores every approach and writes Resultaten, Overeenstemming and Controle,
 * in slices with progress so the pane stays responsive on a national study.
 */
import * as React from "react";
import { Body1, Button, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ApproachResult } from "../../scoring";
import { loadStudy, outputSpecs, scoreInSlices, withLists, type LoadedStudy } from "../flow";
import { approachTitle } from "../model";
import { RESULTS_SHEET } from "../sheets";
import { usePane } from "./pane";

/** Approaches listed by name after scoring; a national study is summarised in Overzicht instead. */
const LISTED = 30;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ScorePanelProps {
  results: ApproachResult[] | null;
  /** An override changed after the last write of Resultaten. */
  stale: boolean;
  onScored: (loaded: LoadedStudy, results: ApproachResult[]) => void;
}

export function ScorePanel({ results, stale, onScored }: ScorePanelProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, confirm, goTo } = usePane();
  const [written, setWritten] = React.useState(false);

  const score = () =>
    run(async (phase) => {
      setWritten(false);
      const loaded = await loadStudy(workbook, phase("phaseRead"));
      const scored = await scoreInSlices(loaded.study, phase("phaseScore"));
      const specs = await outputSpecs(scored, loaded.study.issues, phase("phaseTexts"));
      const all = await withLists(workbook, specs, null, confirm, s);
      if (!all) return;
      await workbook.writeSheets(all, phase("phaseWrite"));
      onScored(loaded, scored);
      setWritten(true);
    });

  return (
    <section className={styles.section} aria-labelledby="score-heading">
      <Subtitle2 as="h2" id="score-heading">
        {s("scoreHeading")}
      </Subtitle2>
      <Body1 as="p">{s("scoreHelp")}</Body1>
      {stale && (
        <MessageBar intent="warning">
          <MessageBarBody>{s("staleResults")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void score()} disabled={busy}>
          {results ? s("scoreAgain") : s("scoreButton")}
        </Button>
        {results && (
          <Button onClick={() => goTo(`${RESULTS_SHEET}!A1`)} disabled={busy}>
            {s("toResults")}
          </Button>
        )}
      </div>
      {written && results && (
        <MessageBar intent={results.length > 0 ? "success" : "warning"}>
          <MessageBarBody>{results.length > 0 ? s("scoreDone", { approaches: results.length }) : s("scoreNothing")}</MessageBarBody>
        </MessageBar>
      )}
      {results && results.length > 0 && (
        <ul className={styles.list}>
          {results.slice(0, LISTED).map((r) => (
            <li key={`${r.gemeente}\u0000${r.approach}`}>
              <Body1>
                <strong>{approachTitle(r)}</strong>: {s("approachSummary", { ...r.counts })}
              </Body1>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
