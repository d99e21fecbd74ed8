//! Why a contact was found by a search: which field matched, when it was not the name (the
//! contact list says "matched: e-mail jana@…"). Must not import anything outside `domain`.

use super::contact::Contact;
use super::search::Query;

/// The longest excerpt of a matched value shown (characters).
const EXCERPT: usize = 40;

/// A field a search can match besides the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FoundIn {
    Email,
    Phone,
    Organisation,
    Role,
    Ico,
    Tag,
    Address,
    Notes,
}

/// Which field (and its value, shortened) a search found `contact` by; None when the query is
/// empty or the name alone answers it. A field counts for the words the name lacks. Fields are tried in the order a person would look:
/// e-mail, phone, organisation, role, IČO, tags, address, notes.
pub fn found_by(
    contact: &Contact,
    organisation_name: Option<&str>,
    query: &Query,
) -> Option<(FoundIn, String)> {
    let name = format!("{} {}", contact.given_name, contact.family_name);
    if query.is_empty() || query.all_in(&name) {
        return None;
    }
    let mut fields: Vec<(FoundIn, &str)> = Vec::new();
    fields.extend(
        contact
            .emails
            .iter()
            .map(|e| (FoundIn::Email, e.value.as_str())),
    );
    fields.extend(
        contact
            .phones
            .iter()
            .map(|p| (FoundIn::Phone, p.value.as_str())),
    );
    fields.extend(organisation_name.map(|o| (FoundIn::Organisation, o)));
    fields.push((FoundIn::Role, contact.role.as_str()));
    fields.extend(contact.ico.as_deref().map(|i| (FoundIn::Ico, i)));
    fields.extend(contact.tags.iter().map(|t| (FoundIn::Tag, t.as_str())));
    fields.extend(
        contact
            .addresses
            .iter()
            .map(|a| (FoundIn::Address, a.value.as_str())),
    );
    fields.push((FoundIn::Notes, contact.notes.as_str()));
    fields
        .into_iter()
        .find(|(_, value)| !value.trim().is_empty() && query.some_in_besides(value, &name))
        .map(|(field, value)| (field, excerpt(value)))
}

/// A value on one line, at most `EXCERPT` characters (cut on a character, never a byte).
fn excerpt(value: &str) -> String {
    let one_line = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= EXCERPT {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(EXCERPT - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Labelled;

    fn jana() -> Contact {
        let labelled = |v: &str| Labelled {
            label: String::new(),
            value: v.to_string(),
        };
        Contact {
            given_name: "Jana".into(),
            family_name: "Dvořáková".into(),
            emails: vec![labelled("jana@firma.cz")],
            phones: vec![labelled("+420 601 234 567")],
            role: "Jednatelka".into(),
            tags: vec!["klient".into()],
            addresses: vec![labelled("Dlouhá 5\nPraha 1")],
            notes: "Prefers mornings; her assistant Petr takes calls on Fridays and books the meeting rooms.".into(),
            ..Contact::default()
        }
    }

    fn found(q: &str) -> Option<(FoundIn, String)> {
        found_by(&jana(), Some("Firma s.r.o."), &Query::new(q))
    }

    #[test]
    fn a_match_on_the_name_needs_no_explanation() {
        assert_eq!(found(""), None);
        assert_eq!(found("jana"), None);
        assert_eq!(found("dvorakova jana"), None);
    }

    #[test]
    fn a_match_elsewhere_names_the_field_and_its_value() {
        assert_eq!(
            found("firma.cz"),
            Some((FoundIn::Email, "jana@firma.cz".into()))
        );
        assert_eq!(
            found("601 234"),
            Some((FoundIn::Phone, "+420 601 234 567".into()))
        );
        assert_eq!(
            found("s.r.o"),
            Some((FoundIn::Organisation, "Firma s.r.o.".into()))
        );
        assert_eq!(
            found("jednatel"),
            Some((FoundIn::Role, "Jednatelka".into()))
        );
        assert_eq!(found("KLIENT"), Some((FoundIn::Tag, "klient".into())));
        assert_eq!(
            found("dlouha"),
            Some((FoundIn::Address, "Dlouhá 5 Praha 1".into()))
        );
        // A name word and another field's word: the other field is why it was found.
        assert_eq!(
            found("jana jednatelka"),
            Some((FoundIn::Role, "Jednatelka".into()))
        );
    }

    #[test]
    fn a_long_value_is_cut_on_a_character() {
        let (field, value) = found("assistant").unwrap();
        assert_eq!(field, FoundIn::Notes);
        assert_eq!(value.chars().count(), EXCERPT);
        assert!(value.ends_with('…'));
        assert_eq!(
            excerpt("žluťoučký kůň ".repeat(10).as_str())
                .chars()
                .count(),
            EXCERPT
        );
    }
}
