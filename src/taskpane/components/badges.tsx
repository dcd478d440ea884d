/** Verdict, LET OP, divergence and override badges: text and symbol, never colour alone. */
import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { DivergenceLabel, Verdict } from "../../scoring";
import type { StringKey } from "../strings";
import { usePane } from "./pane";

export const VERDICT_KEY: Record<Verdict, StringKey> = {
  voldoet: "verdictVoldoet",
  verbeterpunt: "verdictVerbeterpunt",
  onvoldoende: "verdictOnvoldoende",
};

const DIVERGENCE_KEY: Record<DivergenceLabel, StringKey> = {
  eensgezind: "divergenceEensgezind",
  "minderheid wijkt af": "divergenceMinderheid",
  verdeeld: "divergenceVerdeeld",
  "te weinig antwoorden": "divergenceTeWeinig",
};

export function VerdictBadge({ verdict }: { verdict: Verdict }): React.JSX.Element {
  const { s } = usePane();
  const color = verdict === "voldoet" ? "success" : verdict === "verbeterpunt" ? "danger" : "warning";
  return (
    <Badge appearance="filled" color={color} shape="rounded" data-verdict={verdict}>
      {s(VERDICT_KEY[verdict])}
    </Badge>
  );
}

export function LetOpBadge(): React.JSX.Element {
  const { s } = usePane();
  return (
    <Badge appearance="tint" color="warning" shape="rounded">
      {s("letOpBadge")}
    </Badge>
  );
}

export function DivergenceBadge({ label }: { label: DivergenceLabel }): React.JSX.Element {
  const { s } = usePane();
  const color = label === "verdeeld" ? "danger" : label === "minderheid wijkt af" ? "warning" : "informative";
  return (
    <Badge appearance="outline" color={color} shape="rounded" title={s("divergenceLabel")}>
      {s(DIVERGENCE_KEY[label])}
    </Badge>
  );
}

export function OverriddenBadge(): React.JSX.Element {
  const { s } = usePane();
  return (
    <Badge appearance="outline" color="brand" shape="rounded">
      {s("overriddenBadge")}
    </Badge>
  );
}
