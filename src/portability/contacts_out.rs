//! Contacts for other programs: CSV (UTF-8 with a BOM so Excel reads the diacritics, comma
//! separated, CRLF, cells that a spreadsheet would run as a formula defused) and vCard 4.0
//! (RFC 6350: escaped values without control characters, RFC 6350 TYPE values whatever the
//! interface language, lines folded at 75 octets, CRLF). What Folio writes, Folio reads back
//! whole (`contacts_in` tests the round trip). Imports `domain` only.

use crate::domain::birthday;
use crate::domain::contact::{addresses_text, Contact, Labelled};
use chrono::{DateTime, Datelike, Utc};

/// The CSV header; the access report's contact card uses the same columns.
/// `objected_to` marks a person who objected: "all purposes" or the purposes' names.
pub const CSV_HEADER: &str = "given_name,family_name,emails,phones,organisation,role,ico,vat_id,addresses,birthday,tags,preferences,notes,objected_to";

/// Labelled values one per line, "label: value" (the contact form's own way of writing them).
fn labelled_lines(items: &[Labelled]) -> String {
    items
        .iter()
        .map(|x| {
            if x.label.is_empty() {
                x.value.clone()
            } else {
                format!("{}: {}", x.label, x.value)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One contact as a CSV row. E-mails, phones and preferences one per line with their labels,
/// addresses one per paragraph, tags joined by " | ": the contact form's own ways, which the
/// import reads back. `objected_to` is what the person objects to (empty: nothing).
pub fn csv_row(c: &Contact, organisation: &str, objected_to: &str) -> String {
    [
        c.given_name.clone(),
        c.family_name.clone(),
        labelled_lines(&c.emails),
        labelled_lines(&c.phones),
        organisation.to_string(),
        c.role.clone(),
        c.ico.clone().unwrap_or_default(),
        c.vat_id.clone().unwrap_or_default(),
        addresses_text(&c.addresses),
        c.birthday.map(birthday::format).unwrap_or_default(),
        c.tags.join(" | "),
        c.preferences
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join("\n"),
        c.notes.clone(),
        objected_to.to_string(),
    ]
    .iter()
    .map(|f| csv_field(f))
    .collect::<Vec<_>>()
    .join(",")
}

/// Contacts (with their organisation's name and what they object to) as a CSV file's text.
pub fn csv<'a>(contacts: impl IntoIterator<Item = (&'a Contact, &'a str, &'a str)>) -> String {
    let mut out = format!("\u{feff}{CSV_HEADER}\r\n");
    for (c, organisation, objected_to) in contacts {
        out.push_str(&csv_row(c, organisation, objected_to));
        out.push_str("\r\n");
    }
    out
}

/// One CSV field: quoted when it holds a separator, a quote or a line break; a cell a
/// spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is
/// prefixed with `'`, which spreadsheets show as text (OWASP's advice on CSV injection).
/// Folio's import takes the `'` off again.
pub fn csv_field(text: &str) -> String {
    let defused;
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        defused = format!("'{text}");
        defused.as_str()
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Text without control characters, line breaks kept as `\n` (vCard has no place for the rest).
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// A text value escaped for vCard: backslash, comma, semicolon and line breaks; control
/// characters dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in clean(text).chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no line exceeds 75 octets (never inside a character).
fn line(out: &mut String, text: &str) {
    let mut width = 0;
    for ch in text.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

/// The labels the import gives a value of each RFC 6350 type: a label written as one of these
/// needs nothing more to come back as it was.
const CANONICAL: [(&str, &str); 5] = [
    ("work", "work"),
    ("home", "home"),
    ("cell", "mobile"),
    ("fax", "fax"),
    ("pager", "pager"),
];

/// The RFC 6350 TYPE for a label in either interface language ("práce" → work, "mobil" →
/// cell), if it has one.
pub fn rfc_type(label: &str) -> Option<&'static str> {
    let folded = crate::domain::search::fold(label.trim());
    let t = match folded.as_str() {
        "work" | "business" | "office" | "prace" | "pracovni" | "zamestnani" | "firma" => "work",
        "home" | "private" | "personal" | "domu" | "doma" | "domaci" | "soukromy" | "soukroma"
        | "soukrome" | "osobni" | "bydliste" => "home",
        "mobile" | "cell" | "mobil" | "mobilni" | "iphone" => "cell",
        "fax" => "fax",
        "pager" => "pager",
        _ => return None,
    };
    Some(t)
}

/// A property with a label: `TYPE=` in RFC 6350 words, and where the label is the user's own
/// words (or Czech), an Apple-style `itemN.X-ABLABEL` with it, so it comes back as written.
fn labelled_property(
    out: &mut String,
    item: &mut usize,
    name: &str,
    extra: &str,
    label: &str,
    value: &str,
) {
    let kind = rfc_type(label);
    let canonical = CANONICAL
        .iter()
        .any(|(t, l)| Some(*t) == kind && *l == label);
    let type_param = kind.map(|t| format!(";TYPE={t}")).unwrap_or_default();
    if label.is_empty() || canonical {
        line(out, &format!("{name}{extra}{type_param}:{value}"));
    } else {
        *item += 1;
        line(
            out,
            &format!("item{item}.{name}{extra}{type_param}:{value}"),
        );
        line(out, &format!("item{item}.X-ABLABEL:{}", escape(label)));
    }
}

/// One contact as a vCard 4.0. IČO, DIČ, preferences and what the person objects to, which
/// vCard has no property for, go in `X-FOLIO-…` extensions (other programs keep or ignore
/// them).
pub fn vcard(
    id: &str,
    c: &Contact,
    organisation: &str,
    objected_to: &str,
    updated: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    let mut item = 0;
    line(&mut out, "BEGIN:VCARD");
    line(&mut out, "VERSION:4.0");
    line(&mut out, &format!("UID:urn:uuid:{}", escape(id)));
    line(&mut out, &format!("FN:{}", escape(&c.display_name())));
    line(
        &mut out,
        &format!("N:{};{};;;", escape(&c.family_name), escape(&c.given_name)),
    );
    for e in &c.emails {
        labelled_property(
            &mut out,
            &mut item,
            "EMAIL",
            "",
            &e.label,
            &escape(&e.value),
        );
    }
    for p in &c.phones {
        // A tel: URI keeps no spaces, so the number goes as text, as people wrote it.
        labelled_property(
            &mut out,
            &mut item,
            "TEL",
            ";VALUE=text",
            &p.label,
            &escape(&p.value),
        );
    }
    if !organisation.is_empty() {
        line(&mut out, &format!("ORG:{}", escape(organisation)));
    }
    if !c.role.is_empty() {
        line(&mut out, &format!("TITLE:{}", escape(&c.role)));
    }
    for a in &c.addresses {
        // Folio keeps an address as written; it goes whole into the street part.
        let value = format!(";;{};;;;", escape(&a.value));
        labelled_property(&mut out, &mut item, "ADR", "", &a.label, &value);
    }
    if let Some(day) = c.birthday {
        let text = if birthday::has_year(day) {
            day.format("%Y%m%d").to_string()
        } else {
            format!("--{:02}{:02}", day.month(), day.day())
        };
        line(&mut out, &format!("BDAY:{text}"));
    }
    if let Some(ico) = &c.ico {
        line(&mut out, &format!("X-FOLIO-ICO:{}", escape(ico)));
    }
    if let Some(vat) = &c.vat_id {
        line(&mut out, &format!("X-FOLIO-VAT-ID:{}", escape(vat)));
    }
    if !objected_to.is_empty() {
        line(
            &mut out,
            &format!("X-FOLIO-OBJECTED-TO:{}", escape(objected_to)),
        );
    }
    for (k, v) in &c.preferences {
        line(
            &mut out,
            &format!("X-FOLIO-PREFERENCE:{}", escape(&format!("{k}: {v}"))),
        );
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| escape(t)).collect();
        line(&mut out, &format!("CATEGORIES:{}", tags.join(",")));
    }
    if !c.notes.is_empty() {
        line(&mut out, &format!("NOTE:{}", escape(&c.notes)));
    }
    line(
        &mut out,
        &format!("REV:{}", updated.format("%Y%m%dT%H%M%SZ")),
    );
    line(&mut out, "END:VCARD");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Labelled;
    use chrono::TimeZone;

    fn jana() -> Contact {
        Contact {
            given_name: "Jana".into(),
            family_name: "Dvořáková".into(),
            emails: vec![Labelled {
                label: "práce".into(),
                value: "jana@dvorakova.cz".into(),
            }],
            phones: vec![Labelled {
                label: "mobile".into(),
                value: "+420 601 234 567".into(),
            }],
            role: "jednatelka; účetní".into(),
            addresses: vec![Labelled {
                label: "work".into(),
                value: "Na Příkopě 12\n110 00 Praha 1".into(),
            }],
            tags: vec!["klient".into(), "Praha".into()],
            notes: "Volat po 14:00.\nPreferuje e-mail.".into(),
            ..Contact::default()
        }
    }

    #[test]
    fn csv_has_a_bom_a_header_and_quoted_fields() {
        let c = jana();
        let text = csv([(&c, "Dvořák & syn, s.r.o.", "Newsletter | all purposes")]);
        let mut lines = text.split("\r\n");
        assert_eq!(lines.next(), Some(&*format!("\u{feff}{CSV_HEADER}")));
        assert_eq!(
            lines.next(),
            Some("Jana,Dvořáková,práce: jana@dvorakova.cz,mobile: +420 601 234 567,\"Dvořák & syn, s.r.o.\",\"jednatelka; účetní\",,,\"work: Na Příkopě 12\n110 00 Praha 1\",,klient | Praha,,\"Volat po 14:00.\nPreferuje e-mail.\",Newsletter | all purposes")
        );
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_defused() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+420 601 234 567", "'+420 601 234 567"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("Praha", "Praha"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_field(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn vcard_4_escapes_and_folds_at_75_octets() {
        let mut c = jana();
        c.notes = "Dlouhá poznámka s diakritikou: ".repeat(5);
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let card = vcard(
            "0e90871d-7d2e-4e9e-9e86-c9879de22270",
            &c,
            "Dvořák, s.r.o.",
            "Newsletter",
            at,
        );
        assert!(card.contains("X-FOLIO-OBJECTED-TO:Newsletter\r\n"));
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
        assert!(card.ends_with("REV:20261123T100000Z\r\nEND:VCARD\r\n"));
        assert!(card.contains("N:Dvořáková;Jana;;;\r\n"));
        assert!(card.contains("ORG:Dvořák\\, s.r.o.\r\n"));
        assert!(card.contains("TITLE:jednatelka\\; účetní\r\n"));
        assert!(card.contains("TEL;VALUE=text;TYPE=cell:+420 601 234 567\r\n"));
        assert!(card.contains("ADR;TYPE=work:;;Na Příkopě 12\\n110 00 Praha 1;;;;\r\n"));
        assert!(card.contains("CATEGORIES:klient,Praha\r\n"));
        for l in card.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        // Unfolding gives the whole note back, escaped.
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("NOTE:{}", escape(&c.notes))));
    }

    #[test]
    fn vcard_types_are_rfc_6350_words_whatever_the_language_of_the_label() {
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let card = vcard("a", &jana(), "", "", at).replace("\r\n ", "");
        // A Czech label: TYPE=work for other programs, the label itself for Folio and Apple.
        assert!(
            card.contains("item1.EMAIL;TYPE=work:jana@dvorakova.cz\r\nitem1.X-ABLABEL:práce\r\n")
        );
        assert!(!card.contains("TYPE=práce"));
        let mut c = jana();
        c.phones[0].label = "asistentka".into();
        let card = vcard("a", &c, "", "", at);
        assert!(card
            .contains("item2.TEL;VALUE=text:+420 601 234 567\r\nitem2.X-ABLABEL:asistentka\r\n"));
        assert_eq!(rfc_type("Mobil"), Some("cell"));
        assert_eq!(rfc_type("soukromý"), Some("home"));
        assert_eq!(rfc_type("asistentka"), None);
    }

    #[test]
    fn vcard_values_carry_no_control_characters() {
        let mut c = jana();
        c.notes = "a\u{0}b\u{7}c\u{1b}[31md\r\ne\tf".into();
        c.given_name = "Ja\u{8}na".into();
        c.emails[0].label = "pr\u{0}áce".into();
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
        let card = vcard("id\u{0}", &c, "Firma\u{c}", "News\u{1}letter", at);
        assert!(card.contains("NOTE:abc[31md\\nef\r\n"));
        assert!(card.contains("N:Dvořáková;Jana;;;"));
        assert!(card.contains("ORG:Firma\r\n"));
        assert!(card.contains("X-ABLABEL:práce\r\n"));
        let controls = card
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\r' | '\n'))
            .count();
        assert_eq!(controls, 0);
    }
}
