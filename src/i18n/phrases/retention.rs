//! Words of the retention schedule (GDPR Art. 5(1)(e)): a rule ("12 months after the last
//! activity"), why a person is due for review and since when, and the questions and outcomes
//! of erasing them from there; both languages side by side. Must not import anything outside
//! `domain` and `i18n`.

use super::super::plural::count;
use super::super::{Lang, Text};
use super::{day, document_kind};
use crate::domain::retention::{After, Ground, Reason, RetentionRule};
use chrono::NaiveDate;

/// What a rule counts from, as the form's select and the sentences say it.
pub fn after_text(after: After) -> Text {
    match after {
        After::LastActivity => Text::AfterLastActivity,
        After::DealClosed => Text::AfterDealClosed,
        After::ConsentEnded => Text::AfterConsentEnded,
        After::ContractEnded => Text::AfterContractEnded,
    }
}

/// "12 months after the last activity" / "12 měsíců po poslední aktivitě".
pub fn rule_text(lang: Lang, rule: RetentionRule) -> String {
    let n = u64::from(rule.months);
    let after = after_text(rule.after).get(lang);
    match lang {
        Lang::En => format!("{} after {after}", count(lang, n, "month", "", "months")),
        Lang::Cs => format!("{} po {after}", count(lang, n, "měsíc", "měsíce", "měsíců")),
    }
}

/// "due since 31 Mar 2021" / "k přezkoumání od 31. 3. 2021".
pub fn due_since(lang: Lang, since: NaiveDate) -> String {
    match lang {
        Lang::En => format!("due since {}", day(lang, since)),
        Lang::Cs => format!("k přezkoumání od {}", day(lang, since)),
    }
}

/// Why one justification no longer keeps a person, with its dates: "Contact record: 12 months
/// after the last activity (31 Mar 2020), ended 31 Mar 2021". `purpose` names the purpose of a
/// purpose's or consent's ground.
pub fn ended_reason(lang: Lang, reason: &Reason, purpose: &str) -> String {
    let since = |d: Option<NaiveDate>| {
        d.map(|d| format!(" ({})", day(lang, d)))
            .unwrap_or_default()
    };
    let ended = match (lang, reason.ends) {
        (Lang::En, Some(e)) => format!(", ended {}", day(lang, e)),
        (Lang::Cs, Some(e)) => format!(", skončilo {}", day(lang, e)),
        (_, None) => String::new(),
    };
    match &reason.ground {
        Ground::Record(rule) => {
            let what = match lang {
                Lang::En => "Contact record",
                Lang::Cs => "Záznam o kontaktu",
            };
            format!(
                "{what}: {}{}{ended}",
                rule_text(lang, *rule),
                since(reason.anchor)
            )
        }
        Ground::Purpose { rule, .. } => {
            format!(
                "{purpose}: {}{}{ended}",
                rule_text(lang, *rule),
                since(reason.anchor)
            )
        }
        Ground::ConsentGiven { .. } => match lang {
            Lang::En => format!("{purpose}: consent given"),
            Lang::Cs => format!("{purpose}: souhlas udělen"),
        },
        Ground::Hold { kind, number, .. } => {
            let kind = document_kind(*kind).get(lang);
            let until = reason.anchor.map(|d| day(lang, d)).unwrap_or_default();
            match lang {
                Lang::En => format!("{kind} {number}: kept until {until}"),
                Lang::Cs => format!("{kind} {number}: uchovat do {until}"),
            }
        }
        Ground::OpenDeal { .. } => match lang {
            Lang::En => "an open deal".to_string(),
            Lang::Cs => "otevřený obchod".to_string(),
        },
    }
}

fn people(lang: Lang, n: usize) -> String {
    let n = n as u64;
    match lang {
        Lang::En => count(lang, n, "person", "", "people"),
        Lang::Cs => count(lang, n, "osobu", "osoby", "osob"),
    }
}

/// "Erase Jana Nováková? This cannot be undone."
pub fn erase_one_question(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Erase {name}? This cannot be undone."),
        Lang::Cs => format!("Vymazat osobu {name}? Tuto akci nelze vrátit."),
    }
}

/// "Erase all 3 people due for review? This cannot be undone."
pub fn erase_all_question(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!(
            "Erase all {} due for review? This cannot be undone.",
            people(lang, n)
        ),
        // 1 osobu, všechny 3 osoby, všech 5 osob.
        Lang::Cs => format!(
            "Vymazat {}{} k přezkoumání? Tuto akci nelze vrátit.",
            super::super::plural::choose(lang, n as u64, "", "všechny ", "všech "),
            people(lang, n)
        ),
    }
}

/// "Erased 3 people." / "Vymazáno: 3 osoby."
pub fn erased_people(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Erased {}.", people(lang, n)),
        Lang::Cs => {
            let who = count(lang, n as u64, "osoba", "osoby", "osob");
            format!("Vymazáno: {who}.")
        }
    }
}

/// Home's line: "3 people due for review" / "3 osoby k přezkoumání".
pub fn due_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{} due for review", people(lang, n)),
        Lang::Cs => format!(
            "{} k přezkoumání",
            count(lang, n as u64, "osoba", "osoby", "osob")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Dates are worded by the browser's `Intl` (tested end to end); these need none.
    #[test]
    fn rules_reasons_and_counts_read_right_in_both_languages() {
        let rule = |months, after| RetentionRule { months, after };
        assert_eq!(
            rule_text(Lang::En, rule(1, After::DealClosed)),
            "1 month after the deal's close"
        );
        assert_eq!(
            rule_text(Lang::Cs, rule(3, After::ConsentEnded)),
            "3 měsíce po skončení souhlasu"
        );
        assert_eq!(
            rule_text(Lang::Cs, rule(36, After::LastActivity)),
            "36 měsíců po poslední aktivitě"
        );
        let record = Reason {
            ground: Ground::Record(rule(12, After::LastActivity)),
            anchor: None,
            ends: None,
        };
        assert_eq!(
            ended_reason(Lang::En, &record, ""),
            "Contact record: 12 months after the last activity"
        );
        let purpose = Reason {
            ground: Ground::Purpose {
                purpose_id: "p".into(),
                rule: rule(6, After::ContractEnded),
            },
            anchor: None,
            ends: None,
        };
        assert_eq!(
            ended_reason(Lang::Cs, &purpose, "Smlouvy"),
            "Smlouvy: 6 měsíců po skončení smlouvy"
        );
        assert_eq!(
            erase_all_question(Lang::En, 1),
            "Erase all 1 person due for review? This cannot be undone."
        );
        assert_eq!(
            erase_all_question(Lang::Cs, 3),
            "Vymazat všechny 3 osoby k přezkoumání? Tuto akci nelze vrátit."
        );
        assert_eq!(due_count(Lang::Cs, 5), "5 osob k přezkoumání");
        assert_eq!(due_count(Lang::En, 2), "2 people due for review");
        assert_eq!(erased_people(Lang::Cs, 2), "Vymazáno: 2 osoby.");
    }
}
