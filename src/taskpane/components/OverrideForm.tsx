/**
 * The override of one indicator: verdict and/or text, with a required reason, the analyst's name and
 * the date. Written to the workbook's "Aanpassingen" sheet (never to browser storage), where it wins
 * over the computation and survives re-scoring. The analyst's name is asked once and kept in the
 * workbook's settings (Office does not tell an add-in who the user is).
 */
import * as React from "react";
import { Body1, Button, Field, Input, Link, MessageBar, MessageBarBody, Select, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { OVERRIDE_COLUMNS } from "../../scoring";
import type { ApproachResult, IndicatorResult, Override, Verdict } from "../../scoring";
import { applyOverrideValues, originValues, type LoadedStudy } from "../flow";
import { OVERRIDES_SHEET, overrideCell, overrideDate, overridesSpec, removeOverride, StudyLists, upsertOverride } from "../sheets";
import { withLists } from "../flow";
import { VERDICT_KEY } from "./badges";
import { usePane } from "./pane";

/** The workbook setting that remembers the analyst's name. */
export const AUTHOR_SETTING = "stj.analist";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface OverrideFormProps {
  loaded: LoadedStudy;
  results: ApproachResult[];
  result: ApproachResult;
  indicator: IndicatorResult;
  onOverrides: (loaded: LoadedStudy, results: ApproachResult[]) => void;
}

export function OverrideForm({ loaded, results, result, indicator, onOverrides }: OverrideFormProps): React.JSX.Element {
  const styles = useStyles();
  const { workbook, s, run, busy, confirm, goTo } = usePane();
  const current = indicator.override;
  const [verdict, setVerdict] = React.useState<Verdict | "">(current?.verdict ?? "");
  const [text, setText] = React.useState(current?.text ?? "");
  const [reason, setReason] = React.useState(current?.reason ?? "");
  const [author, setAuthor] = React.useState(() => workbook.getSetting(AUTHOR_SETTING) ?? "");
  const [problem, setProblem] = React.useState<{ field: "reason" | "change"; text: string } | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  React.useEffect(() => {
    setVerdict(current?.verdict ?? "");
    setText(current?.text ?? "");
    setReason(current?.reason ?? "");
    setProblem(null);
  }, [indicator.code, result.gemeente, result.approach, current]);

  /** Reads Aanpassingen, applies `change` to its values and writes the sheet back. */
  const rewrite = async (change: (values: ReturnType<typeof originValues>) => ReturnType<typeof originValues>) => {
    const read = (await workbook.readSheets([OVERRIDES_SHEET]))[OVERRIDES_SHEET];
    const values = change(read ? originValues(read) : [[...OVERRIDE_COLUMNS]]);
    const lists = new StudyLists(loaded.study.framework);
    const specs = await withLists(workbook, [overridesSpec(lists, values)], lists, confirm, s);
    if (!specs) return false;
    await workbook.writeSheets(specs);
    const next = applyOverrideValues(loaded, results, values, read?.name ?? OVERRIDES_SHEET);
    onOverrides(next.loaded, next.results);
    return true;
  };

  const save = () => {
    setMessage(null);
    if (reason.trim() === "") {
      setProblem({ field: "reason", text: s("overrideNeedReason") });
      return;
    }
    if (verdict === "" && text.trim() === "") {
      setProblem({ field: "change", text: s("overrideNeedChange") });
      return;
    }
    setProblem(null);
    void run(async () => {
      const name = author.trim();
      if (name !== (workbook.getSetting(AUTHOR_SETTING) ?? "")) await workbook.setSetting(AUTHOR_SETTING, name);
      const o: Override = { gemeente: result.gemeente, approach: result.approach, indicator: indicator.code, reason: reason.trim(), date: overrideDate(new Date()) };
      if (verdict !== "") o.verdict = verdict;
      if (text.trim() !== "") o.text = text.trim();
      if (name !== "") o.author = name;
      if (await rewrite((values) => upsertOverride(values, o))) setMessage(s("overrideSaved"));
    });
  };

  const remove = () => {
    setMessage(null);
    void run(async () => {
      if (await rewrite((values) => removeOverride(values, { gemeente: result.gemeente, approach: result.approach, indicator: indicator.code }))) setMessage(s("overrideRemoved"));
    });
  };

  const rowCell = loaded.overrideValues ? overrideCell(loaded.overrideValues, { gemeente: result.gemeente, approach: result.approach, indicator: indicator.code }) : null;
  const sheetName = loaded.sheets.overrides?.name ?? OVERRIDES_SHEET;

  return (
    <form
      className={styles.form}
      aria-labelledby={`override-${indicator.code}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Subtitle2 as="h4" id={`override-${indicator.code}`}>
        {s("overrideHeading")}
      </Subtitle2>
      <Body1 as="p">{s("overrideHelp")}</Body1>
      {current && (
        <Body1 as="p">
          {current.author || current.date
            ? s("overrideCurrent", { author: current.author ?? s("unknownAuthor"), date: (current.date ?? "").replace("T", " "), reason: current.reason })
            : s("overrideCurrentNoAuthor", { reason: current.reason })}{" "}
          {rowCell && (
            <Link as="button" type="button" onClick={() => goTo(`${sheetName}!${rowCell}`)}>
              {s("toOverrideRow")}
            </Link>
          )}
        </Body1>
      )}
      <Field label={s("overrideVerdict")} validationMessage={problem?.field === "change" ? problem.text : undefined} validationState={problem?.field === "change" ? "error" : "none"}>
        <Select value={verdict} onChange={(_, d) => setVerdict(d.value as Verdict | "")}>
          <option value="">{s("overrideKeep")}</option>
          {(Object.keys(VERDICT_KEY) as Verdict[]).map((v) => (
            <option key={v} value={v}>
              {s(VERDICT_KEY[v])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={s("overrideText")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={3} />
      </Field>
      <Field label={s("overrideReason")} required validationMessage={problem?.field === "reason" ? problem.text : undefined} validationState={problem?.field === "reason" ? "error" : "none"}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={2} />
      </Field>
      <Field label={s("overrideAuthor")} hint={s("overrideAuthorHelp")}>
        <Input value={author} onChange={(_, d) => setAuthor(d.value)} autoComplete="name" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" onClick={(e) => {
          e.preventDefault();
          save();
        }} disabled={busy}>
          {s("overrideSave")}
        </Button>
        {current && (
          <Button type="button" onClick={remove} disabled={busy}>
            {s("overrideRemove")}
          </Button>
        )}
      </div>
      {message && (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
