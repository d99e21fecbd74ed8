//! Words for the status message after an action (what it did, what Undo put back) and for the
//! questions asked before one, with names in them; both languages side by side.

use super::super::Lang;

/// "Withdraw consent to Newsletter?"
pub fn withdraw_question(lang: Lang, purpose: &str) -> String {
    match lang {
        Lang::En => format!("Withdraw consent to {purpose}?"),
        Lang::Cs => format!("Odvolat souhlas pro účel „{purpose}“?"),
    }
}

/// What withdrawing means, said under the question.
pub fn withdraw_explained(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The withdrawal is recorded in the consent's history and on its receipt. Undo is offered for a few seconds in case this was a mistake.",
        Lang::Cs => "Odvolání se zapíše do historie souhlasu i do jeho potvrzení. Pro případ omylu jde několik sekund vrátit zpět.",
    }
}

/// "Consent to Newsletter withdrawn."
pub fn consent_withdrawn(lang: Lang, purpose: &str) -> String {
    match lang {
        Lang::En => format!("Consent to {purpose} withdrawn."),
        Lang::Cs => format!("Souhlas pro účel „{purpose}“ odvolán."),
    }
}

/// "Consent to Newsletter renewed."
pub fn consent_renewed(lang: Lang, purpose: &str) -> String {
    match lang {
        Lang::En => format!("Consent to {purpose} renewed."),
        Lang::Cs => format!("Souhlas pro účel „{purpose}“ obnoven."),
    }
}

/// "Withdrawal undone: consent to Newsletter is given again."
pub fn withdrawal_undone(lang: Lang, purpose: &str) -> String {
    match lang {
        Lang::En => format!("Withdrawal undone: consent to {purpose} is given again."),
        Lang::Cs => format!("Odvolání vráceno zpět: souhlas pro účel „{purpose}“ opět platí."),
    }
}

/// "Moved “Tax audit” back to Lead."
pub fn moved_back(lang: Lang, title: &str, stage: &str) -> String {
    match lang {
        Lang::En => format!("Moved “{title}” back to {stage}."),
        Lang::Cs => format!("„{title}“ vráceno do fáze {stage}."),
    }
}
