//! The note that takes the rewrite's place when none is offered: one line in the
//! interface language, saying why and what to change by hand (`Report::rewrite_note`).

use crate::model::{Exchange, Finding, Platform, Report};
use crate::rulebook::{book, FixKind, RuleId};

use super::check::Why;

/// The finding to name as what to change by hand: the one `why` is about, else the
/// most severe one the coach cannot fix itself, else the most severe.
fn todo<'r>(report: &'r Report, why: &Why) -> Option<&'r Finding> {
    let of_rule = |id: RuleId| report.findings.iter().find(|f| f.rule == id.name());
    let manual = || {
        report.findings.iter().find(|f| {
            RuleId::from_name(&f.rule)
                .is_none_or(|id| matches!(id.rule().fix_kind(), None | Some(FixKind::Manual)))
        })
    };
    match why {
        Why::Still(id) => of_rule(*id).or_else(|| report.findings.first()),
        Why::Nothing => manual().or_else(|| report.findings.first()),
        _ => report.findings.first(),
    }
}

/// The note for `why`, or none when the draft has no findings.
pub(super) fn line(ex: &Exchange, report: &Report, why: Why) -> Option<String> {
    if report.findings.is_empty() {
        return None;
    }
    let ui = ex.profile.ui_language;
    let notes = &book().interface.rewrite_note;
    let todo = todo(report, &why)
        .map(|f| f.message.clone())
        .unwrap_or_default();
    let platform = match ex.platform.unwrap_or(ex.profile.platform) {
        Platform::X => "X",
        Platform::Facebook => "Facebook",
    };
    let (text, vars): (&str, Vec<(&str, String)>) = match why {
        Why::Nothing => (notes.manual.get(ui), vec![("todo", todo)]),
        Why::Still(_) => (notes.still.get(ui), vec![("todo", todo)]),
        Why::Changes => (notes.changes.get(ui), vec![("todo", todo)]),
        Why::TooLong { counted, limit } => (
            notes.too_long.get(ui),
            vec![
                ("platform", platform.to_string()),
                ("counted", counted.to_string()),
                ("limit", limit.to_string()),
            ],
        ),
        Why::Translate => {
            let lang = report.incoming.language.unwrap_or(report.language);
            let name = book().interface.language_name.get(lang).get(ui);
            (
                notes.translate.get(ui),
                vec![("language", name.to_string())],
            )
        }
        Why::DontRespond => (notes.dont_respond.get(ui), vec![]),
        Why::TooLongToRewrite => (notes.too_long_to_rewrite.get(ui), vec![]),
    };
    let mut out = text.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{k}}}"), &v);
    }
    Some(out.trim_end().to_string())
}
