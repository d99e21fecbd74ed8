//! Words for the contacts import (CSV or vCard): fields, formats, character sets, header rows,
//! rows to skip and values to drop, and the outcome; both languages side by side.

use super::super::plural::count;
use super::super::{Lang, Text};
use crate::portability::contacts_in::{Charset, CharsetHow, DropReason, Dropped, Naming};

/// How many rows or cards a contacts import shows at most in its outcome, one by one.
const SKIPPED_LISTED: usize = 20;

/// The contact field a column feeds, as the mapping menu names it.
pub fn import_field(field: crate::portability::contacts_in::Field) -> Text {
    use crate::portability::contacts_in::Field;
    match field {
        Field::GivenName => Text::GivenName,
        Field::FamilyName => Text::FamilyName,
        Field::FullName => Text::FullNameField,
        Field::Email => Text::Email,
        Field::Phone => Text::Phone,
        Field::Organisation => Text::Organisation,
        Field::Role => Text::Role,
        Field::Ico => Text::Ico,
        Field::VatId => Text::VatId,
        Field::Address => Text::Address,
        Field::Birthday => Text::Birthday,
        Field::Tags => Text::Tags,
        Field::Preferences => Text::Preferences,
        Field::Notes => Text::Notes,
    }
}

/// The name of the contact field an error is about ("email" → "E-mail").
pub fn contact_field(lang: Lang, field: &str) -> String {
    use crate::domain::contact::fields;
    let text = match field {
        fields::GIVEN_NAME => Text::GivenName,
        fields::FAMILY_NAME => Text::FamilyName,
        fields::EMAIL => Text::Email,
        fields::PHONE => Text::Phone,
        fields::ORGANISATION => Text::Organisation,
        fields::ROLE => Text::Role,
        fields::ICO => Text::Ico,
        fields::VAT_ID => Text::VatId,
        fields::ADDRESS => Text::Address,
        fields::BIRTHDAY => Text::Birthday,
        fields::TAGS => Text::Tags,
        fields::PREFERENCES => Text::Preferences,
        fields::NOTES => Text::Notes,
        other => return other.to_string(),
    };
    text.get(lang).to_string()
}

/// "CSV separated by semicolons (;)", or "vCard" when there is no delimiter.
pub fn contacts_format(lang: Lang, delimiter: Option<char>) -> String {
    let name = |en: &'static str, cs: &'static str| if lang == Lang::En { en } else { cs };
    match delimiter {
        None => name("vCard (contact cards)", "vCard (elektronické vizitky)").to_string(),
        Some(d) => {
            let (what, shown) = match d {
                ';' => (name("semicolons", "středníky"), ";".to_string()),
                ',' => (name("commas", "čárkami"), ",".to_string()),
                '\t' => (name("tabs", "tabulátory"), "Tab".to_string()),
                other => (name("the character", "znakem"), other.to_string()),
            };
            match lang {
                Lang::En => format!("CSV separated by {what} ({shown})"),
                Lang::Cs => format!("CSV oddělené {what} ({shown})"),
            }
        }
    }
}

/// "row 12" or "card 3" (Czech: "řádek 12", "vizitka 3").
fn row_word(lang: Lang, number: usize, card: bool) -> String {
    let word = match (lang, card) {
        (Lang::En, false) => "row",
        (Lang::En, true) => "card",
        (Lang::Cs, false) => "řádek",
        (Lang::Cs, true) => "vizitka",
    };
    format!("{word} {number}")
}

/// What is wrong with one row: "E-mail: the part after the @ is missing; Phone: …".
pub fn field_problems(lang: Lang, problems: &crate::domain::FieldErrors) -> String {
    problems
        .iter()
        .map(|(field, e)| {
            format!(
                "{}: {}",
                contact_field(lang, field),
                super::super::errors::field_error(lang, e)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a row was skipped: its problems, "already in Folio", or "same e-mail as row 5".
pub fn skip_reason(
    lang: Lang,
    why: &crate::app::service::contacts_import::SkipReason,
    card: bool,
) -> String {
    use crate::app::service::contacts_import::SkipReason;
    match (lang, why) {
        (_, SkipReason::Invalid(problems)) => field_problems(lang, problems),
        (Lang::En, SkipReason::AlreadyInFolio) => "already in Folio (the same e-mail)".into(),
        (Lang::Cs, SkipReason::AlreadyInFolio) => "už je ve Foliu (stejný e-mail)".into(),
        (Lang::En, SkipReason::RepeatsRow(n)) => {
            format!("the same e-mail as {}", row_word(lang, *n, card))
        }
        (Lang::Cs, SkipReason::RepeatsRow(n)) => {
            format!("stejný e-mail jako {}", row_word(lang, *n, card))
        }
        (Lang::En, SkipReason::OrganisationInFolio) => {
            "an organisation of this name is already in Folio".into()
        }
        (Lang::Cs, SkipReason::OrganisationInFolio) => "firma tohoto jména už je ve Foliu".into(),
        (Lang::En, SkipReason::OrganisationRepeatsRow(n)) => {
            format!("the same organisation as {}", row_word(lang, *n, card))
        }
        (Lang::Cs, SkipReason::OrganisationRepeatsRow(n)) => {
            format!("stejná firma jako {}", row_word(lang, *n, card))
        }
        (_, SkipReason::DoNotContact(reason)) => crate::i18n::phrases::exclusion(
            lang,
            &crate::domain::consent::Exclusion::DoNotContact(*reason),
        ),
    }
}

/// "row 12 — E-mail: …": one skipped row for a list of them.
pub fn skipped_row(
    lang: Lang,
    number: usize,
    why: &crate::app::service::contacts_import::SkipReason,
    card: bool,
) -> String {
    format!(
        "{} — {}",
        row_word(lang, number, card),
        skip_reason(lang, why, card)
    )
}

/// "Imported 97 (2 new organisations), skipped 3: row 12 — E-mail: …; row 15 — already in
/// Folio (the same e-mail)." The first twenty skipped rows are listed, then how many more.
pub fn contacts_import_outcome(
    lang: Lang,
    s: &crate::app::service::contacts_import::ContactsImportSummary,
    card: bool,
) -> String {
    let mut out = match lang {
        Lang::En => format!("Imported {}", s.imported),
        Lang::Cs => format!("Importováno {}", s.imported),
    };
    if s.companies > 0 {
        let n = s.companies as u64;
        out.push_str(&match lang {
            Lang::En => format!(
                " and {}",
                count(lang, n, "organisation only", "", "organisations only")
            ),
            Lang::Cs => format!(
                " a {}",
                count(
                    lang,
                    n,
                    "samotnou firmu",
                    "samotné firmy",
                    "samotných firem"
                )
            ),
        });
    }
    let new_for_people = s.organisations_created.saturating_sub(s.companies);
    if new_for_people > 0 {
        let n = new_for_people as u64;
        let orgs = match lang {
            Lang::En => count(lang, n, "new organisation", "", "new organisations"),
            Lang::Cs => count(lang, n, "nová firma", "nové firmy", "nových firem"),
        };
        out.push_str(&format!(" ({orgs})"));
    }
    if !s.skipped.is_empty() {
        let listed: Vec<String> = s
            .skipped
            .iter()
            .take(SKIPPED_LISTED)
            .map(|(n, why)| skipped_row(lang, *n, why, card))
            .collect();
        let word = if lang == Lang::En {
            "skipped"
        } else {
            "přeskočeno"
        };
        out.push_str(&format!(
            ", {word} {}: {}",
            s.skipped.len(),
            listed.join("; ")
        ));
        let more = s.skipped.len().saturating_sub(SKIPPED_LISTED);
        if more > 0 {
            out.push_str(&match lang {
                Lang::En => format!("; and {more} more"),
                Lang::Cs => format!("; a dalších {more}"),
            });
        }
    }
    out.push('.');
    out
}

/// "12 contacts ready to import; 3 rows will be skipped." (and "… and 1 organisation only").
pub fn contacts_ready(
    lang: Lang,
    ready: usize,
    companies: usize,
    skipped: usize,
    card: bool,
) -> String {
    let people = match lang {
        Lang::En => count(lang, ready as u64, "contact", "", "contacts"),
        Lang::Cs => count(lang, ready as u64, "kontakt", "kontakty", "kontaktů"),
    };
    let orgs = match lang {
        Lang::En => count(
            lang,
            companies as u64,
            "organisation only",
            "",
            "organisations only",
        ),
        Lang::Cs => count(
            lang,
            companies as u64,
            "samotná firma",
            "samotné firmy",
            "samotných firem",
        ),
    };
    let ready_text = match (lang, companies) {
        (Lang::En, 0) => format!("{people} ready to import"),
        (Lang::Cs, 0) => format!("{people} připraveno k importu"),
        (Lang::En, _) => format!("{people} and {orgs} ready to import"),
        (Lang::Cs, _) => format!("{people} a {orgs} připraveno k importu"),
    };
    if skipped == 0 {
        return format!("{ready_text}.");
    }
    let n = skipped as u64;
    let skipped_text = match (lang, card) {
        (Lang::En, false) => count(lang, n, "row", "", "rows"),
        (Lang::En, true) => count(lang, n, "card", "", "cards"),
        (Lang::Cs, false) => count(lang, n, "řádek", "řádky", "řádků"),
        (Lang::Cs, true) => count(lang, n, "vizitka", "vizitky", "vizitek"),
    };
    match lang {
        Lang::En => format!("{ready_text}; {skipped_text} will be skipped."),
        Lang::Cs => format!("{ready_text}; přeskočí se {skipped_text}."),
    }
}

/// Why a value is left out: "E-mail “petr@”: the domain after the @ is missing".
pub fn dropped_value(lang: Lang, d: &Dropped) -> String {
    let why = match (lang, &d.why) {
        (_, DropReason::Invalid(e)) => super::super::errors::field_error(lang, e),
        (Lang::En, DropReason::SpreadsheetNumber) => {
            "a spreadsheet turned the number into a rounded one; its digits are lost".into()
        }
        (Lang::Cs, DropReason::SpreadsheetNumber) => {
            "tabulkový program číslo zaokrouhlil; jeho číslice se ztratily".into()
        }
        (Lang::En, DropReason::ExchangeAddress) => {
            "an Exchange mailbox name, not an e-mail address".into()
        }
        (Lang::Cs, DropReason::ExchangeAddress) => {
            "jméno schránky Exchange, ne e-mailová adresa".into()
        }
    };
    format!("{} “{}”: {why}", contact_field(lang, d.field), d.value)
}

/// How a nameless person was named: "named from the e-mail address".
pub fn naming(lang: Lang, how: Naming) -> &'static str {
    match (lang, how) {
        (Lang::En, Naming::Email) => "no name in the file: named from the e-mail address",
        (Lang::Cs, Naming::Email) => "v souboru bez jména: pojmenováno podle e-mailové adresy",
    }
}

/// The character set a file was read in, and how Folio knew it.
pub fn charset(lang: Lang, c: &Charset) -> String {
    let name = c.encoding.name();
    let how = match (lang, c.how) {
        (Lang::En, CharsetHow::ByteOrderMark) => "marked in the file",
        (Lang::Cs, CharsetHow::ByteOrderMark) => "vyznačeno v souboru",
        (Lang::En, CharsetHow::Detected) => "recognised",
        (Lang::Cs, CharsetHow::Detected) => "rozpoznáno",
        (Lang::En, CharsetHow::Valid) => "the text is valid in it",
        (Lang::Cs, CharsetHow::Valid) => "text v ní dává smysl",
        (Lang::En, CharsetHow::Assumed) => {
            "assumed: the file does not say; choose another if letters look wrong"
        }
        (Lang::Cs, CharsetHow::Assumed) => {
            "odhadnuto: soubor ji neuvádí; pokud písmena nevypadají správně, zvolte jinou"
        }
        (Lang::En, CharsetHow::Chosen) => "as you chose",
        (Lang::Cs, CharsetHow::Chosen) => "podle vaší volby",
    };
    format!("{name} ({how})")
}

/// "Header row: 4 (the rows above it were left out)."
pub fn header_row(lang: Lang, row: usize) -> String {
    match (lang, row) {
        (Lang::En, 1) => "row 1".into(),
        (Lang::Cs, 1) => "řádek 1".into(),
        (Lang::En, n) => format!("row {n} (the rows above it are not contacts)"),
        (Lang::Cs, n) => format!("řádek {n} (řádky nad ním nejsou kontakty)"),
    }
}

/// "Middle Name (2 rows)" / "PHOTO (3 cards)": what will not be imported, and how often.
pub fn not_imported(lang: Lang, name: &str, n: usize, card: bool) -> String {
    let n = n as u64;
    let what = match (lang, card) {
        (Lang::En, false) => count(lang, n, "row", "", "rows"),
        (Lang::En, true) => count(lang, n, "card", "", "cards"),
        (Lang::Cs, false) => count(lang, n, "řádek", "řádky", "řádků"),
        (Lang::Cs, true) => count(lang, n, "vizitka", "vizitky", "vizitek"),
    };
    format!("{name} ({what})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contacts_import_says_what_came_in_and_what_not_and_why() {
        use crate::app::service::contacts_import::{ContactsImportSummary, SkipReason};
        use crate::domain::{EmailError, FieldError};
        let s = ContactsImportSummary {
            imported: 97,
            organisations_created: 2,
            companies: 0,
            skipped: vec![
                (
                    12,
                    SkipReason::Invalid(vec![("email", FieldError::Email(EmailError::MissingAt))]),
                ),
                (15, SkipReason::AlreadyInFolio),
                (16, SkipReason::RepeatsRow(5)),
            ],
        };
        assert_eq!(
            contacts_import_outcome(Lang::En, &s, false),
            format!(
                "Imported 97 (2 new organisations), skipped 3: row 12 — E-mail: {}; row 15 — already in Folio (the same e-mail); row 16 — the same e-mail as row 5.",
                EmailError::MissingAt
            )
        );
        assert_eq!(
            contacts_import_outcome(Lang::Cs, &s, true),
            "Importováno 97 (2 nové firmy), přeskočeno 3: vizitka 12 — E-mail: e-mailová adresa potřebuje zavináč @ mezi jménem a doménou; vizitka 15 — už je ve Foliu (stejný e-mail); vizitka 16 — stejný e-mail jako vizitka 5."
        );
        let quiet = ContactsImportSummary {
            imported: 1,
            ..ContactsImportSummary::default()
        };
        assert_eq!(
            contacts_import_outcome(Lang::En, &quiet, false),
            "Imported 1."
        );
        let many = ContactsImportSummary {
            imported: 0,
            organisations_created: 0,
            companies: 0,
            skipped: (1..=25).map(|n| (n, SkipReason::AlreadyInFolio)).collect(),
        };
        assert!(contacts_import_outcome(Lang::En, &many, false).ends_with("; and 5 more."));
        assert_eq!(
            contacts_ready(Lang::Cs, 2, 0, 5, false),
            "2 kontakty připraveno k importu; přeskočí se 5 řádků."
        );
        assert_eq!(
            contacts_ready(Lang::En, 3, 1, 0, true),
            "3 contacts and 1 organisation only ready to import."
        );
        let companies = ContactsImportSummary {
            imported: 2,
            organisations_created: 3,
            companies: 1,
            ..ContactsImportSummary::default()
        };
        assert_eq!(
            contacts_import_outcome(Lang::En, &companies, true),
            "Imported 2 and 1 organisation only (2 new organisations)."
        );
        let dropped = Dropped {
            field: "phone",
            value: "4,20777E+11".into(),
            why: DropReason::SpreadsheetNumber,
        };
        assert_eq!(
            dropped_value(Lang::En, &dropped),
            "Phone “4,20777E+11”: a spreadsheet turned the number into a rounded one; its digits are lost"
        );
        assert_eq!(
            header_row(Lang::Cs, 4),
            "řádek 4 (řádky nad ním nejsou kontakty)"
        );
        assert_eq!(
            contacts_format(Lang::Cs, Some(';')),
            "CSV oddělené středníky (;)"
        );
    }
}
