//! Sentences of the breach register with values in them: the 72-hour clock ("31 h left",
//! "overdue by 5 h"), the deadline, approximate numbers, and the notification draft's timing and
//! communication lines, in either language whatever the interface's (a notification may be
//! printed in the other). Dates arrive formatted. Must not import `ui`.

use super::super::{Lang, Text};
use crate::domain::breach::{Clock, Notice};

/// The user's word for a field of a breach in the audit trail.
pub fn field_label(field: &str) -> Option<Text> {
    Some(match field {
        "discovered_at" => Text::BreachDiscovered,
        "nature" => Text::BreachNature,
        "categories" => Text::BreachCategories,
        "people_count" => Text::BreachPeopleCount,
        "records_count" => Text::BreachRecordsCount,
        "consequences" => Text::BreachConsequences,
        "measures" => Text::BreachMeasures,
        "authority" => Text::BreachAuthority,
        "authority_at" => Text::BreachAuthorityAt,
        "authority_reason" => Text::BreachAuthorityReason,
        "people" => Text::BreachPeopleNotice,
        "people_at" => Text::BreachPeopleAt,
        "people_reason" => Text::BreachPeopleReason,
        "unlinked_breaches" => Text::UnlinkedBreaches,
        _ => return None,
    })
}

/// What an erasure does to the breach register: the person is taken off the entries, which stay
/// (the register is the controller's, Art. 33(5)); nothing when they were on none.
pub fn erasure_breaches(lang: Lang, n: usize) -> Option<String> {
    (n > 0).then(|| {
        let n = n as u64;
        match lang {
            Lang::En => format!(
                "the person's link on {} (they stay, without the person)",
                super::super::plural::count(
                    lang,
                    n,
                    "breach register entry",
                    "",
                    "breach register entries"
                )
            ),
            Lang::Cs => format!(
                "osoba u {} (zůstanou, bez ní)",
                super::super::plural::count(
                    lang,
                    n,
                    "záznamu o porušení zabezpečení",
                    "záznamů o porušení zabezpečení",
                    "záznamů o porušení zabezpečení"
                )
            ),
        }
    })
}

/// Hours, or minutes under an hour: "5 h", "45 min".
fn span(d: chrono::Duration) -> String {
    if d.num_hours() >= 1 {
        format!("{} h", d.num_hours())
    } else {
        format!("{} min", d.num_minutes().max(0))
    }
}

/// Where the clock stands: "31 h left" / "zbývá 31 h", "overdue by 5 h" / "po lhůtě o 5 h";
/// empty once settled.
pub fn breach_clock(lang: Lang, clock: Clock) -> String {
    match (lang, clock) {
        (Lang::En, Clock::Running(d)) => format!("{} left", span(d)),
        (Lang::Cs, Clock::Running(d)) => format!("zbývá {}", span(d)),
        (Lang::En, Clock::Overdue(d)) => format!("overdue by {}", span(d)),
        (Lang::Cs, Clock::Overdue(d)) => format!("po lhůtě o {}", span(d)),
        (_, Clock::Settled) => String::new(),
    }
}

/// "Notify ÚOOÚ by 4 Dec 2026, 18:34" (the time formatted in the user's zone).
pub fn breach_deadline(lang: Lang, when: &str) -> String {
    match lang {
        Lang::En => format!("Notify ÚOOÚ by {when}"),
        Lang::Cs => format!("Ohlásit ÚOOÚ do {when}"),
    }
}

/// The words for a notice decision.
pub fn notice_text(notice: Notice) -> Text {
    match notice {
        Notice::Pending => Text::NoticePending,
        Notice::Notified => Text::NoticeNotified,
        Notice::NotNotified => Text::NoticeNotNotified,
    }
}

/// "approximately 1 200" / "přibližně 1 200"; "not known" without a number.
pub fn about(lang: Lang, n: Option<u64>) -> String {
    let Some(n) = n else {
        return Text::NotKnown.get(lang).to_string();
    };
    let digits = n.to_string();
    let sep = match lang {
        Lang::En => ',',
        Lang::Cs => '\u{a0}',
    };
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(d);
    }
    match lang {
        Lang::En => format!("approximately {grouped}"),
        Lang::Cs => format!("přibližně {grouped}"),
    }
}

/// The notification's timing: discovered when, due when, and — past 72 hours — the reasons for
/// the delay (Art. 33(1)), or a gap to fill in.
pub fn notification_timing(
    lang: Lang,
    discovered: &str,
    deadline: &str,
    late: bool,
    reason: &str,
) -> String {
    let reason = reason.trim();
    match (lang, late) {
        (Lang::En, false) => format!(
            "The breach was discovered on {discovered}. This notification is made within 72 hours of discovery (by {deadline})."
        ),
        (Lang::Cs, false) => format!(
            "Porušení bylo zjištěno {discovered}. Toto ohlášení je činěno do 72 hodin od zjištění (do {deadline})."
        ),
        (Lang::En, true) => format!(
            "The breach was discovered on {discovered}; the 72 hours ended on {deadline}. Reasons for the delay: {}",
            if reason.is_empty() { "[state the reasons for the delay]" } else { reason }
        ),
        (Lang::Cs, true) => format!(
            "Porušení bylo zjištěno {discovered}; lhůta 72 hodin uplynula {deadline}. Důvody zpoždění: {}",
            if reason.is_empty() { "[uveďte důvody zpoždění]" } else { reason }
        ),
    }
}

/// Whether and when the people affected were told, or why not.
pub fn notification_people(lang: Lang, notice: Notice, at: &str, reason: &str) -> String {
    match (lang, notice) {
        (Lang::En, Notice::Notified) => format!("The people affected were informed on {at}."),
        (Lang::Cs, Notice::Notified) => format!("Dotčené osoby byly informovány {at}."),
        (Lang::En, Notice::NotNotified) => {
            format!("The people affected are not being informed: {reason}")
        }
        (Lang::Cs, Notice::NotNotified) => {
            format!("Dotčené osoby nejsou informovány: {reason}")
        }
        (Lang::En, Notice::Pending) => "Not yet decided.".to_string(),
        (Lang::Cs, Notice::Pending) => "Zatím nerozhodnuto.".to_string(),
    }
}

/// One breach in a person's access report: when, what, and what was done.
pub fn access_breach(lang: Lang, discovered: &str, nature: &str, measures: &str) -> String {
    let measures = measures.trim();
    match lang {
        Lang::En if measures.is_empty() => format!("{discovered}: {nature}"),
        Lang::Cs if measures.is_empty() => format!("{discovered}: {nature}"),
        Lang::En => format!("{discovered}: {nature} Measures taken: {measures}"),
        Lang::Cs => format!("{discovered}: {nature} Přijatá opatření: {measures}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn the_clock_says_hours_left_or_overdue_in_both_languages() {
        let left = Clock::Running(Duration::minutes(31 * 60 + 59));
        assert_eq!(breach_clock(Lang::En, left), "31 h left");
        assert_eq!(breach_clock(Lang::Cs, left), "zbývá 31 h");
        let over = Clock::Overdue(Duration::minutes(45));
        assert_eq!(breach_clock(Lang::En, over), "overdue by 45 min");
        assert_eq!(breach_clock(Lang::Cs, over), "po lhůtě o 45 min");
        assert_eq!(breach_clock(Lang::En, Clock::Settled), "");
    }

    #[test]
    fn an_erasure_says_how_many_breach_entries_lose_the_person() {
        assert_eq!(erasure_breaches(Lang::En, 0), None);
        assert_eq!(
            erasure_breaches(Lang::En, 2).as_deref(),
            Some("the person's link on 2 breach register entries (they stay, without the person)")
        );
        assert_eq!(
            erasure_breaches(Lang::Cs, 1).as_deref(),
            Some("osoba u 1 záznamu o porušení zabezpečení (zůstanou, bez ní)")
        );
    }

    #[test]
    fn numbers_are_approximate_and_grouped() {
        assert_eq!(about(Lang::En, Some(1_200)), "approximately 1,200");
        assert_eq!(about(Lang::Cs, Some(1_200)), "přibližně 1\u{a0}200");
        assert_eq!(about(Lang::Cs, None), "neznámo");
    }

    #[test]
    fn a_late_notification_gives_the_reasons_for_the_delay_or_a_gap_for_them() {
        let late = notification_timing(Lang::En, "1 Mar", "4 Mar", true, "");
        assert!(late.contains("[state the reasons for the delay]"));
        let late = notification_timing(Lang::Cs, "1. 3.", "4. 3.", true, "forenzní zpráva");
        assert!(late.ends_with("Důvody zpoždění: forenzní zpráva"));
        assert!(!notification_timing(Lang::En, "1 Mar", "4 Mar", false, "x").contains("delay"));
    }
}
