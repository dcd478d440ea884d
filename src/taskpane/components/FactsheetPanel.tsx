/**
 * Factsheet: choose approaches (grouped per gemeente), write one factsheet per gemeente through the
 * factsheet writer (src/office/factsheet.ts), see progress, jump to the result. An existing factsheet
 * is only replaced after the analyst's explicit yes (the writer keeps the old one as "… (oud)").
 */
import * as React from "react";
import { Body1, Button, Caption1, Checkbox, Field, Link, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { factsheetSheetName } from "../../layout";
import { labelKey } from "../../scoring";
import type { ApproachResult } from "../../scoring";
import type { LoadedStudy } from "../flow";
import { approachKey, byGemeente } from "../model";
import { findSheet } from "../sheets";
import { usePane } from "./pane";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  children: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalXXL },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  shareHeading: { marginTop: tokens.spacingVerticalL },
});

export interface FactsheetPanelProps {
  loaded: LoadedStudy | null;
  results: ApproachResult[] | null;
}

export function FactsheetPanel({ loaded, results }: FactsheetPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, confirm, goTo } = usePane();
  const [chosen, setChosen] = React.useState<Set<string> | null>(null);
  const [written, setWritten] = React.useState<string[] | null>(null);
  const [problem, setProblem] = React.useState<string | null>(null);

  const all = React.useMemo(() => new Set((results ?? []).map(approachKey)), [results]);
  const selected = chosen ?? all;

  const heading = (
    <Subtitle2 as="h2" id="factsheet-heading">
      {s("factsheetHeading")}
    </Subtitle2>
  );
  if (!results || !loaded || results.length === 0) {
    return (
      <section className={styles.section} aria-labelledby="factsheet-heading">
        {heading}
        <Body1 as="p">{results && results.length === 0 ? s("scoreNothing") : s("factsheetNeedsScore")}</Body1>
      </section>
    );
  }

  const toggle = (keys: string[], on: boolean) => {
    const next = new Set(selected);
    for (const k of keys) {
      if (on) next.add(k);
      else next.delete(k);
    }
    setChosen(next);
  };

  const generate = () => {
    setWritten(null);
    setProblem(null);
    const writer = workbook.writeFactsheets;
    if (!writer) return;
    const picked = results.filter((r) => selected.has(approachKey(r)));
    if (picked.length === 0) {
      setProblem(s("factsheetNoneChosen"));
      return;
    }
    void run(async (phase) => {
      const groups = byGemeente(picked).map((g) => ({
        ...g,
        context: loaded.study.contexts.find((c) => labelKey(c.gemeente) === labelKey(g.gemeente)),
      }));
      const summary = await workbook.summary();
      const clashes = groups.map((g) => findSheet(summary.sheets, factsheetSheetName(g.gemeente, []))?.name).filter((n): n is string => n !== undefined);
      if (clashes.length > 0 && !(await confirm({ title: "confirmReplaceTitle", body: s("confirmReplaceFactsheet", { sheets: clashes.join(", ") }), confirm: "replace" }))) return;
      const out = await writer({ groups, framework: loaded.study.framework, replace: clashes }, phase("phaseFactsheet"));
      setWritten(out.sheets);
    });
  };

  return (
    <section className={styles.section} aria-labelledby="factsheet-heading">
      {heading}
      {!workbook.writeFactsheets ? (
        <MessageBar intent="info">
          <MessageBarBody>{s("factsheetNoWriter")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Body1 as="p">{s("factsheetHelp")}</Body1>
          <div className={styles.row}>
            <Button size="small" onClick={() => setChosen(new Set(all))} disabled={busy}>
              {s("selectAll")}
            </Button>
            <Button size="small" onClick={() => setChosen(new Set())} disabled={busy}>
              {s("selectNone")}
            </Button>
          </div>
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>{s("factsheetChoose")}</legend>
            {byGemeente(results).map((g) => {
              const keys = g.results.map(approachKey);
              const on = keys.filter((k) => selected.has(k)).length;
              return (
                <div key={g.gemeente}>
                  <Checkbox
                    label={g.gemeente}
                    checked={on === keys.length ? true : on === 0 ? false : "mixed"}
                    onChange={(_, d) => toggle(keys, d.checked === true || d.checked === "mixed")}
                  />
                  {g.results.length > 1 && (
                    <div className={styles.children}>
                      {g.results.map((r) => (
                        <Checkbox key={approachKey(r)} label={r.approach} checked={selected.has(approachKey(r))} onChange={(_, d) => toggle([approachKey(r)], d.checked === true)} />
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
          </fieldset>
          <div>
            <Button appearance="primary" onClick={generate} disabled={busy}>
              {s("factsheetButton")}
            </Button>
          </div>
          {problem && (
            <MessageBar intent="warning">
              <MessageBarBody>{problem}</MessageBarBody>
            </MessageBar>
          )}
          {written && (
            <>
              <MessageBar intent="success">
                <MessageBarBody>{s("factsheetDone", { n: written.length })}</MessageBarBody>
              </MessageBar>
              <Body1 as="p">{s("factsheetWritten")}</Body1>
              <ul className={styles.list}>
                {written.map((name) => (
                  <li key={name}>
                    <Link as="button" onClick={() => goTo(`${name}!A1`)}>
                      {s("goTo", { ref: name })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <SharePanel loaded={loaded} results={results} />
    </section>
  );
}

interface Download {
  url: string;
  fileName: string;
  partnerNames: string[];
}

/**
 * "Deel met gemeente": the share copy of src/share (ExcelJS only, loaded on demand), checked with the
 * same rules as the command line's copies, offered as a download. The open workbook is not changed.
 */
function SharePanel({ loaded, results }: { loaded: LoadedStudy; results: ApproachResult[] }): React.JSX.Element {
  const styles = useStyles();
  const { s, run, busy } = usePane();
  const gemeenten = React.useMemo(() => byGemeente(results).map((g) => g.gemeente), [results]);
  const [gemeente, setGemeente] = React.useState(gemeenten[0] ?? "");
  const [names, setNames] = React.useState(false);
  const [download, setDownload] = React.useState<Download | null>(null);
  const selectId = React.useId();

  React.useEffect(() => () => void (download && URL.revokeObjectURL(download.url)), [download]);

  const make = () =>
    run(async (phase) => {
      setDownload(null);
      const progress = phase("phaseShare");
      progress(0, 2);
      const share = await import(/* webpackChunkName: "share" */ "../../share");
      const chosen = gemeenten.includes(gemeente) ? gemeente : gemeenten[0];
      const made = await share.shareWorkbookBytes({ gemeente: chosen, framework: loaded.study.framework, results, contexts: loaded.study.contexts }, { keepPartnerNames: names });
      progress(1, 2);
      const check = await share.inspectShareBytes(made.bytes, { title: made.plan.title });
      if (check.problems.length > 0) throw new Error(s("shareRefused", { problems: check.problems.slice(0, 3).join(" ") }));
      const blob = new Blob([made.bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      setDownload({ url: URL.createObjectURL(blob), fileName: made.fileName, partnerNames: made.plan.partnerNames });
      progress(2, 2);
    });

  return (
    <>
      <Subtitle2 as="h3" className={styles.shareHeading}>
        {s("shareHeading")}
      </Subtitle2>
      <Body1 as="p">{s("shareHelp")}</Body1>
      <Field label={s("shareGemeente")}>
        <Select id={selectId} value={gemeente} onChange={(_, d) => setGemeente(d.value)}>
          {gemeenten.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox checked={names} onChange={(_, d) => setNames(d.checked === true)} label={s("shareNames")} />
      <div className={styles.row}>
        <Button onClick={() => void make()} disabled={busy || gemeenten.length === 0}>
          {s("shareButton")}
        </Button>
      </div>
      {download && (
        <MessageBar intent="success">
          <MessageBarBody>
            {s("shareReady")}{" "}
            <Link href={download.url} download={download.fileName}>
              {s("shareDownload", { file: download.fileName })}
            </Link>
            {download.partnerNames.length > 0 && <> {s("shareNamesCheck", { names: download.partnerNames.join(", ") })}</>}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{s("shareDesktop")}</Caption1>
    </>
  );
}
