/** The study helpers moved to the scoring core (src/scoring/study.ts) so the task pane can use them too. */
export { readStudy, scoreStudy, countIssues } from "../scoring/study";
export type { Study, StudySheets } from "../scoring/study";
