//! too-long: over the platform's limit as the platform counts it (`crate::length`: X's
//! 280 weighted characters, Facebook's 8,000), brief §5. The span is what runs over; the
//! writer shortens (the rewrite drops fact-free filler).

use super::{Check, Context, Out};
use crate::model::Platform;
use crate::rulebook::RuleId;

pub const RULE: Check = Check {
    id: RuleId::TooLong,
    check,
};

fn check(cx: &Context, out: &mut Out) {
    let Some(at) = cx.over_at else {
        return;
    };
    let platform = match cx.platform {
        Platform::X => "X",
        Platform::Facebook => "Facebook",
    };
    let (counted, limit) = (cx.length.counted, cx.length.limit);
    out.push(
        &[
            ("counted", counted.to_string()),
            ("limit", limit.to_string()),
            ("platform", platform.to_string()),
            ("over", (counted - limit).to_string()),
        ],
        Some([at, cx.reading.doc.utf16_len]),
        None,
    );
}

#[cfg(test)]
mod tests {
    use crate::model::Platform;
    use crate::rules::testing::case;
    use crate::rulebook::RuleId::TooLong;

    #[test]
    fn what_runs_over_the_limit() {
        let reply = format!("Hi Sam, {}.", "we will look into it ".repeat(14).trim_end());
        let c = case("my parcel is late", &reply);
        let f = &c.findings(TooLong)[0];
        assert_eq!(f.span, Some([280, reply.len()]));
        assert_eq!(f.message, "302 of 280 characters as X counts them: 22 too many.");
        assert!(!case("my parcel is late", &reply).platform(Platform::Facebook).fires(TooLong));
    }

    #[test]
    fn links_count_23_and_opening_mentions_nothing() {
        let reply = format!(
            "@sam @shop {} https://example.com/{}",
            "a".repeat(250),
            "p".repeat(100)
        );
        assert!(!case("my parcel is late", &reply).fires(TooLong));
    }
}
