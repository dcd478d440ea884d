/**
 * A small horizontal bar chart in SVG: per theme the number of verbeterpunten, and beside it the number
 * of LET OP's. Accessible: role img with a title and a description that states every number, and the
 * same numbers in a table below it. In forced-colors (high contrast) mode the bars use system colours
 * and the two series differ by pattern, not colour.
 */
import * as React from "react";
import { makeStyles, shorthands, tokens } from "@fluentui/react-components";
import type { ThemeTally } from "../model";
import { usePane } from "./pane";

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px", "@media (forced-colors: active)": { fill: "CanvasText" } },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "11px", "@media (forced-colors: active)": { fill: "CanvasText" } },
  bad: { fill: tokens.colorPaletteRedBackground3, "@media (forced-colors: active)": { fill: "CanvasText" } },
  letOp: {
    fill: tokens.colorPaletteMarigoldBackground2,
    stroke: tokens.colorPaletteMarigoldBorderActive,
    strokeWidth: "1px",
    "@media (forced-colors: active)": { fill: "Canvas", stroke: "CanvasText" },
  },
  axis: { stroke: tokens.colorNeutralStroke1, "@media (forced-colors: active)": { stroke: "CanvasText" } },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXS },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatchBad: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    backgroundColor: tokens.colorPaletteRedBackground3,
    "@media (forced-colors: active)": { backgroundColor: "CanvasText" },
  },
  swatchLetOp: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    border: `1px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    "@media (forced-colors: active)": { backgroundColor: "Canvas", ...shorthands.borderColor("CanvasText") },
  },
});

const LABEL_W = 110;
const BAR_H = 12;
const GAP = 3;
const ROW_H = BAR_H * 2 + GAP + 12;
const WIDTH = 320;

export function BarChart({ tallies }: { tallies: ThemeTally[] }): React.JSX.Element {
  const styles = useStyles();
  const { s } = usePane();
  const id = React.useId();
  const max = Math.max(1, ...tallies.map((t) => Math.max(t.verbeterpunt, t.letOp)));
  const plot = WIDTH - LABEL_W - 30;
  const height = tallies.length * ROW_H + 4;
  const desc = tallies.map((t) => `${t.theme}: ${t.verbeterpunt} ${s("chartVerbeterpunt")}, ${t.letOp} ${s("chartLetOp")}`).join("; ");
  return (
    <figure style={{ margin: 0 }}>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
        <title id={`${id}-t`}>{s("chartTitle")}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line className={styles.axis} x1={LABEL_W} x2={LABEL_W} y1={0} y2={height} />
        {tallies.map((t, i) => {
          const y = i * ROW_H + 4;
          const w1 = (t.verbeterpunt / max) * plot;
          const w2 = (t.letOp / max) * plot;
          return (
            <g key={t.theme}>
              <text className={styles.label} x={LABEL_W - 6} y={y + BAR_H + 2} textAnchor="end">
                {t.theme}
              </text>
              <rect className={styles.bad} x={LABEL_W} y={y} width={Math.max(w1, 0.5)} height={BAR_H} />
              <text className={styles.value} x={LABEL_W + w1 + 4} y={y + BAR_H - 2}>
                {t.verbeterpunt}
              </text>
              <rect className={styles.letOp} x={LABEL_W} y={y + BAR_H + GAP} width={Math.max(w2, 0.5)} height={BAR_H} />
              <text className={styles.value} x={LABEL_W + w2 + 4} y={y + 2 * BAR_H + GAP - 2}>
                {t.letOp}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.legend}>
        <span className={styles.key}>
          <span className={styles.swatchBad} aria-hidden="true" /> {s("chartVerbeterpunt")}
        </span>
        <span className={styles.key}>
          <span className={styles.swatchLetOp} aria-hidden="true" /> {s("chartLetOp")}
        </span>
      </figcaption>
    </figure>
  );
}
