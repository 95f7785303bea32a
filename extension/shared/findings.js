// @ts-check
// What the worker does to the engine's findings before anyone sees them, so the badge,
// the panel and the popup agree:
//   - a rule the user switched off (settings `disabled_rules`) reports nothing. The
//     engine does this itself once it reads Profile.disabled_rules; until then, and for
//     any engine, this filter keeps the promise the settings page makes;
//   - a custom phrase of the team that matches where a built-in rule fires gives one
//     finding, the team's: the same words flagged twice read as two problems.

/** @typedef {import('reply-coach-engine').Report} Report */
/** @typedef {import('reply-coach-engine').Finding} Finding */

/** @param {Finding} f */
const isCustom = (f) => f.rule.startsWith('custom-');

/**
 * @param {Finding} a
 * @param {Finding} b
 */
const sameSpan = (a, b) => Boolean(a.span && b.span && a.span[0] === b.span[0] && a.span[1] === b.span[1]);

/**
 * The report with the findings the user should see; the same object when nothing is
 * taken out.
 * @param {Report} report
 * @param {readonly string[]} disabledRules
 * @returns {Report}
 */
export function settleFindings(report, disabledRules) {
  const off = new Set(disabledRules);
  const findings = report.findings.filter((f, _, all) => {
    if (off.has(f.rule)) return false;
    if (!isCustom(f) && all.some((g) => isCustom(g) && !off.has(g.rule) && sameSpan(f, g))) return false;
    return true;
  });
  return findings.length === report.findings.length ? report : { ...report, findings };
}
