/**
 * Controleren: reads the study sheets and lists every problem with its sheet and cell; choosing one
 * selects that cell in the workbook.
 */
import * as React from "react";
import { Badge, Body1, Button, Caption1, Link, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../scoring";
import { countIssues } from "../../scoring/study";
import { loadStudy, type LoadedStudy } from "../flow";
import { issueText } from "../sheets";
import { usePane } from "./pane";

const PAGE = 100;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export function severityBadge(i: Pick<Issue, "severity">, s: ReturnType<typeof usePane>["s"]): React.JSX.Element {
  return i.severity === "fout" ? (
    <Badge appearance="filled" color="danger" shape="rounded">
      {s("severityError")}
    </Badge>
  ) : (
    <Badge appearance="tint" color="warning" shape="rounded">
      {s("severityWarning")}
    </Badge>
  );
}

export interface CheckPanelProps {
  loaded: LoadedStudy | null;
  onLoaded: (loaded: LoadedStudy) => void;
}

export function CheckPanel({ loaded, onLoaded }: CheckPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, goTo } = usePane();
  const [shown, setShown] = React.useState(PAGE);

  const check = () =>
    run(async (phase) => {
      const l = await loadStudy(workbook, phase("phaseRead"));
      setShown(PAGE);
      onLoaded(l);
    });

  const issues = loaded?.study.issues ?? [];
  const { errors, warnings } = countIssues(issues);
  const study = loaded?.study;
  const sh = loaded?.sheets;
  const readSheets = new Set([sh?.answers, sh?.context, sh?.framework, sh?.overrides].flatMap((x) => (x ? [x.name] : [])));

  return (
    <section className={styles.section} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading">
        {s("checkHeading")}
      </Subtitle2>
      <Body1 as="p">{s("checkHelp")}</Body1>
      <div>
        <Button appearance="primary" onClick={() => void check()} disabled={busy}>
          {s("checkButton")}
        </Button>
      </div>
      {study && (
        <>
          <Body1 as="p">
            {s("checkRead", {
              respondents: study.approaches.reduce((n, a) => n + a.respondents.length, 0),
              approaches: study.approaches.length,
              framework: study.framework.name,
              source: s(study.frameworkSource === "blad" ? "frameworkFromSheet" : "frameworkBuiltIn"),
            })}
          </Body1>
          <MessageBar intent={errors > 0 ? "error" : warnings > 0 ? "warning" : "success"}>
            <MessageBarBody>{issues.length === 0 ? s("checkClean") : s("checkSummary", { errors, warnings })}</MessageBarBody>
          </MessageBar>
          {issues.length > 0 && (
            <ul className={styles.list} aria-label={s("issuesLabel")}>
              {issues.slice(0, shown).map((i, n) => {
                const ref = i.cell ? `${i.sheet}!${i.cell}` : readSheets.has(i.sheet) ? `${i.sheet}!` : null;
                return (
                  <li key={n} className={styles.item}>
                    <span className={styles.head}>
                      {severityBadge(i, s)}
                      {ref ? (
                        <Link as="button" onClick={() => goTo(ref)} aria-label={s("goTo", { ref: i.cell ? ref : s("wholeSheet", { sheet: i.sheet }) })}>
                          {i.cell ? ref : i.sheet}
                        </Link>
                      ) : (
                        <Caption1>{i.sheet}</Caption1>
                      )}
                    </span>
                    <Body1>{issueText(i)}</Body1>
                  </li>
                );
              })}
            </ul>
          )}
          {issues.length > shown && (
            <div>
              <Button onClick={() => setShown((n) => n + PAGE * 2)}>{s("showMore", { n: Math.min(PAGE * 2, issues.length - shown) })}</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
