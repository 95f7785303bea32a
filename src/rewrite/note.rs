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
    let n = &book().interface.rewrite_note;
    let text = match why {
        Why::Nothing => n.manual,
        Why::Still(_) => n.still,
        Why::Changes => n.changes,
        Why::TooLong { .. } => n.too_long,
        Why::Translate => n.translate,
        Why::OtherLanguage => n.other_language,
        Why::DontRespond => n.dont_respond,
        Why::TooLongToRewrite => n.too_long_to_rewrite,
        Why::Elsewhere => n.elsewhere,
        Why::Defends => n.defends,
    };
    let (counted, limit) = match why {
        Why::TooLong { counted, limit } => (counted, limit),
        _ => (0, 0),
    };
    let platform = match ex.platform.unwrap_or(ex.profile.platform) {
        Platform::X => "X",
        Platform::Facebook => "Facebook",
    };
    let lang = report.incoming.language.unwrap_or(report.language);
    let out = text
        .get(ui)
        .replace(
            "{todo}",
            todo(report, &why).map_or("", |f| f.message.as_str()),
        )
        .replace("{platform}", platform)
        .replace("{counted}", &counted.to_string())
        .replace("{limit}", &limit.to_string())
        .replace(
            "{language}",
            book().interface.language_name.get(lang).get(ui),
        );
    Some(out.trim_end().to_string())
}
