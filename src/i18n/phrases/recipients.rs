//! Sentences of the recipients log, the processors register and the legitimate-interest
//! assessment (#21). Must not import anything outside `domain` and `i18n`.

use super::super::Lang;
use crate::domain::disclosure::NotifyWording;
use chrono::NaiveDate;

/// How the Art. 19 follow-ups are worded in `lang`; an erasure's says what to tell the
/// recipient without naming the person: "…: erasure of a person's data, recorded 1 Dec 2026".
pub fn notify_wording(lang: Lang, today: NaiveDate) -> NotifyWording {
    let day = super::day(lang, today);
    match lang {
        Lang::En => NotifyWording {
            title: "Notify {recipient} (Art. 19)".into(),
            erasure: format!(
                "Notify {{recipient}} (Art. 19): erasure of a person's data, recorded {day}"
            ),
        },
        Lang::Cs => NotifyWording {
            title: "Informovat {recipient} (čl. 19)".into(),
            erasure: format!(
                "Informovat {{recipient}} (čl. 19): výmaz údajů osoby, zaznamenaný {day}"
            ),
        },
    }
}

/// "review due since 30 Nov 2026" / "přezkum od 30. 11. 2026".
pub fn lia_review_since(lang: Lang, on: NaiveDate) -> String {
    match lang {
        Lang::En => format!("review due since {}", super::day(lang, on)),
        Lang::Cs => format!("přezkum od {}", super::day(lang, on)),
    }
}

/// "outside the EU/EEA: standard contractual clauses" / "mimo EU/EHP: …".
pub fn transfer_with_safeguard(lang: Lang, safeguard: &str) -> String {
    match lang {
        Lang::En => format!("outside the EU/EEA: {safeguard}"),
        Lang::Cs => format!("mimo EU/EHP: {safeguard}"),
    }
}

/// "agreement signed 1 Mar 2026" / "smlouva podepsána 1. 3. 2026".
pub fn agreement_signed(lang: Lang, on: NaiveDate) -> String {
    match lang {
        Lang::En => format!("agreement signed {}", super::day(lang, on)),
        Lang::Cs => format!("smlouva podepsána {}", super::day(lang, on)),
    }
}
