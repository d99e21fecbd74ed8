//! Tests of `contact`: the form's rules, addresses, tags, merging.
use super::*;
use crate::domain::{EmailError, IcoError, PhoneError};

fn draft() -> ContactDraft {
    ContactDraft {
        given_name: " Zdeňka ".into(),
        family_name: "Dvořáková".into(),
        emails: "work: zdenka@firma.cz\n\n zdenka.d@seznam.cz ".into(),
        phones: "mobile: +420 601 234 567".into(),
        tags: "klient, Praha, klient ,  ".into(),
        preferences: "prefers: phone\nlanguage: cs".into(),
        ico: "27082440".into(),
        ..ContactDraft::default()
    }
}

#[test]
fn a_valid_draft_becomes_a_contact() {
    let c = draft().validate().unwrap();
    assert_eq!(c.display_name(), "Zdeňka Dvořáková");
    assert_eq!(
        c.emails,
        vec![
            Labelled {
                label: "work".into(),
                value: "zdenka@firma.cz".into()
            },
            Labelled {
                label: "".into(),
                value: "zdenka.d@seznam.cz".into()
            },
        ]
    );
    assert_eq!(
        c.phones[0],
        Labelled {
            label: "mobile".into(),
            value: "+420 601 234 567".into()
        }
    );
    assert_eq!(c.tags, vec!["klient", "Praha"]);
    assert_eq!(
        c.preferences,
        vec![
            ("prefers".into(), "phone".into()),
            ("language".into(), "cs".into())
        ]
    );
    assert_eq!(ContactDraft::from_contact(&c).validate().unwrap(), c);
}

#[test]
fn a_record_stored_by_the_previous_version_still_opens() {
    let old = r#"{"given_name":"Jana","family_name":"Dvořáková","emails":[],"phones":[],
        "organisation_id":null,"role":"","ico":null,"vat_id":null,
        "address":"Na Příkopě 12\n110 00 Praha 1","tags":[],"preferences":[],"notes":"",
        "restricted":false,"merged_from":[]}"#;
    let c: Contact = serde_json::from_str(old).unwrap();
    assert_eq!(
        c.addresses,
        vec![Labelled {
            label: String::new(),
            value: "Na Příkopě 12\n110 00 Praha 1".into()
        }]
    );
    assert_eq!(c.birthday, None);
    let empty = old.replace(
        r#""address":"Na Příkopě 12\n110 00 Praha 1""#,
        r#""address":"""#,
    );
    assert!(serde_json::from_str::<Contact>(&empty)
        .unwrap()
        .addresses
        .is_empty());
    // Written again, it has the new shape, and reads back the same.
    let json = serde_json::to_string(&c).unwrap();
    assert!(json.contains("\"addresses\"") && !json.contains("\"address\""));
    assert_eq!(serde_json::from_str::<Contact>(&json).unwrap(), c);
}

#[test]
fn addresses_and_birthdays_in_the_form() {
    let d = ContactDraft {
        given_name: "Jana".into(),
        addresses: "work: Na Příkopě 12\n110 00 Praha 1\n\n  \nDlouhá 5, Brno\n".into(),
        birthday: "12. 4. 1985".into(),
        ..ContactDraft::default()
    };
    let c = d.validate().unwrap();
    assert_eq!(c.addresses.len(), 2);
    assert_eq!(c.addresses[0].label, "work");
    assert_eq!(c.addresses[1].value, "Dlouhá 5, Brno");
    assert_eq!(c.birthday, NaiveDate::from_ymd_opt(1985, 4, 12));
    assert_eq!(ContactDraft::from_contact(&c).validate().unwrap(), c);
    let bad = ContactDraft {
        birthday: "31. 2. 1985".into(),
        ..d
    };
    assert_eq!(bad.validate().unwrap_err()[0].0, fields::BIRTHDAY);
}

#[test]
fn one_name_is_enough_but_not_none() {
    let only_family = ContactDraft {
        family_name: "Novák".into(),
        ..ContactDraft::default()
    };
    assert_eq!(only_family.validate().unwrap().display_name(), "Novák");
    let nameless = ContactDraft {
        emails: "a@b.cz".into(),
        ..ContactDraft::default()
    };
    assert_eq!(
        nameless.validate().unwrap_err(),
        vec![(fields::GIVEN_NAME, FieldError::Required)]
    );
}

#[test]
fn every_bad_field_is_reported() {
    let bad = ContactDraft {
        given_name: "Jana".into(),
        emails: "jana@".into(),
        phones: "call me".into(),
        ico: "12345678".into(),
        ..ContactDraft::default()
    };
    assert_eq!(
        bad.validate().unwrap_err(),
        vec![
            (fields::EMAIL, FieldError::Email(EmailError::EmptyDomain)),
            (
                fields::PHONE,
                FieldError::Phone(PhoneError::BadCharacter('c'))
            ),
            (fields::ICO, FieldError::Ico(IcoError::BadCheckDigit)),
        ]
    );
}

#[test]
fn audit_fields_show_only_what_changed() {
    let before = draft().validate().unwrap();
    let mut after = before.clone();
    after.role = "CEO".into();
    let changes = crate::domain::audit::diff(&before.fields(), &after.fields());
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, fields::ROLE);
    assert_eq!(changes[0].before, None);
    assert_eq!(changes[0].after.as_deref(), Some("CEO"));
}

#[test]
fn merge_takes_the_chosen_values_and_combines_lists() {
    let keep = draft().validate().unwrap();
    let other = ContactDraft {
        given_name: "Zdena".into(),
        family_name: "Dvořáková".into(),
        emails: "ZDENKA@firma.cz\nzd@jinde.cz".into(),
        phones: "00420601234567\n777 000 111".into(),
        role: "Jednatelka".into(),
        tags: "Praha, vip".into(),
        preferences: "prefers: e-mail\nnewsletter: no".into(),
        ..ContactDraft::default()
    }
    .validate()
    .unwrap();
    let differences = merge_differences(&keep, &other);
    let fields_differing: Vec<&str> = differences.iter().map(|d| d.0).collect();
    assert_eq!(fields_differing, vec![fields::GIVEN_NAME, fields::ROLE]);
    assert_eq!(differences[0].3, Side::Keep);
    assert_eq!(
        differences[1].3,
        Side::Other,
        "an empty kept value defaults to the other's"
    );
    let merged = merge(&keep, "k", &other, "o", |f| {
        if f == fields::ROLE {
            Side::Other
        } else {
            Side::Keep
        }
    });
    assert_eq!(merged.given_name, "Zdeňka");
    assert_eq!(merged.role, "Jednatelka");
    let emails: Vec<&str> = merged.emails.iter().map(|e| e.value.as_str()).collect();
    assert_eq!(
        emails,
        vec!["zdenka@firma.cz", "zdenka.d@seznam.cz", "zd@jinde.cz"]
    );
    assert_eq!(
        merged.phones.len(),
        2,
        "the same number in another spelling is not repeated"
    );
    assert_eq!(merged.tags, vec!["klient", "Praha", "vip"]);
    assert_eq!(
        merged.preferences.len(),
        3,
        "the kept contact's preference wins for the same key"
    );
    assert_eq!(merged.merged_from, vec!["o"]);
}

#[test]
fn duplicates_by_email_phone_or_ico() {
    let jana = draft().validate().unwrap();
    let petr = ContactDraft {
        given_name: "Petr".into(),
        ico: "00006947".into(),
        ..ContactDraft::default()
    }
    .validate()
    .unwrap();
    let existing = [("jana", &jana), ("petr", &petr)];
    let by_email = ContactDraft {
        emails: "ZDENKA@Firma.cz".into(),
        ..ContactDraft::default()
    };
    assert_eq!(
        find_duplicates(&by_email, existing, None),
        vec![(
            "jana".to_string(),
            Duplicate::Email("zdenka@firma.cz".into())
        )]
    );
    let by_phone = ContactDraft {
        phones: "00420601234567".into(),
        ..ContactDraft::default()
    };
    assert_eq!(
        find_duplicates(&by_phone, existing, None),
        vec![(
            "jana".to_string(),
            Duplicate::Phone("+420 601 234 567".into())
        )]
    );
    let by_ico = ContactDraft {
        ico: "000 06 947".into(),
        ..ContactDraft::default()
    };
    assert_eq!(
        find_duplicates(&by_ico, existing, None),
        vec![("petr".to_string(), Duplicate::Ico("00006947".into()))]
    );
    // A contact is not its own duplicate, and nothing in common is nothing found.
    assert!(find_duplicates(&by_email, existing, Some("jana")).is_empty());
    assert!(find_duplicates(&ContactDraft::default(), existing, None).is_empty());
}

#[test]
fn search_finds_by_every_listed_field() {
    let c = draft().validate().unwrap();
    let h = c.haystack(Some("Firma Dvořák s.r.o."));
    use crate::domain::search::Query;
    for q in [
        "dvorakova",
        "zdenka",
        "seznam.cz",
        "601234567",
        "firma dvorak",
        "praha",
        "27082440",
    ] {
        assert!(h.matches(&Query::new(q)), "{q}");
    }
}
