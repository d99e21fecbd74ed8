//! Contacts for other programs: CSV (UTF-8 with a BOM so Excel reads the diacritics, comma
//! separated, CRLF) and vCard 4.0 (RFC 6350: escaped values, lines folded at 75 octets, CRLF).

use crate::domain::contact::Contact;
use chrono::{DateTime, Utc};

/// The CSV header; the access report's contact card uses the same columns.
pub const CSV_HEADER: &str =
    "given_name,family_name,emails,phones,organisation,role,ico,vat_id,address,tags,notes";

/// One contact as a CSV row (several e-mails or phones joined by " | ").
pub fn csv_row(c: &Contact, organisation: &str) -> String {
    let list = |l: &[crate::domain::contact::Labelled]| {
        l.iter()
            .map(|x| x.value.clone())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    [
        c.given_name.clone(),
        c.family_name.clone(),
        list(&c.emails),
        list(&c.phones),
        organisation.to_string(),
        c.role.clone(),
        c.ico.clone().unwrap_or_default(),
        c.vat_id.clone().unwrap_or_default(),
        c.address.clone(),
        c.tags.join(" | "),
        c.notes.clone(),
    ]
    .iter()
    .map(|f| csv_field(f))
    .collect::<Vec<_>>()
    .join(",")
}

/// Contacts (with their organisation's name) as a CSV file's text.
pub fn csv<'a>(contacts: impl IntoIterator<Item = (&'a Contact, &'a str)>) -> String {
    let mut out = format!("\u{feff}{CSV_HEADER}\r\n");
    for (c, organisation) in contacts {
        out.push_str(&csv_row(c, organisation));
        out.push_str("\r\n");
    }
    out
}

/// A text value escaped for vCard: backslash, comma, semicolon and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
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

/// One contact as a vCard 4.0.
pub fn vcard(id: &str, c: &Contact, organisation: &str, updated: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCARD");
    line(&mut out, "VERSION:4.0");
    line(&mut out, &format!("UID:urn:uuid:{id}"));
    line(&mut out, &format!("FN:{}", escape(&c.display_name())));
    line(
        &mut out,
        &format!("N:{};{};;;", escape(&c.family_name), escape(&c.given_name)),
    );
    for e in &c.emails {
        let kind = if e.label.is_empty() {
            String::new()
        } else {
            format!(";TYPE={}", escape(&e.label))
        };
        line(&mut out, &format!("EMAIL{kind}:{}", escape(&e.value)));
    }
    for p in &c.phones {
        let kind = if p.label.is_empty() {
            String::new()
        } else {
            format!(";TYPE={}", escape(&p.label))
        };
        let uri: String = p.value.chars().filter(|c| !c.is_whitespace()).collect();
        line(&mut out, &format!("TEL;VALUE=uri{kind}:tel:{uri}"));
    }
    if !organisation.is_empty() {
        line(&mut out, &format!("ORG:{}", escape(organisation)));
    }
    if !c.role.is_empty() {
        line(&mut out, &format!("TITLE:{}", escape(&c.role)));
    }
    if !c.address.is_empty() {
        line(
            &mut out,
            &format!(
                "ADR;LABEL=\"{}\":;;{};;;;",
                c.address.replace(['"', '\n'], " "),
                escape(&c.address)
            ),
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

/// One CSV field, quoted when it holds a separator, a quote or a line break.
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r', ';']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
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
                label: "work".into(),
                value: "jana@dvorakova.cz".into(),
            }],
            phones: vec![Labelled {
                label: "cell".into(),
                value: "+420 601 234 567".into(),
            }],
            role: "jednatelka; účetní".into(),
            address: "Na Příkopě 12, 110 00 Praha 1".into(),
            tags: vec!["klient".into(), "Praha".into()],
            notes: "Volat po 14:00.\nPreferuje e-mail.".into(),
            ..Contact::default()
        }
    }

    #[test]
    fn csv_has_a_bom_a_header_and_quoted_fields() {
        let c = jana();
        let text = csv([(&c, "Dvořák & syn, s.r.o.")]);
        let mut lines = text.split("\r\n");
        assert_eq!(lines.next(), Some(&*format!("\u{feff}{CSV_HEADER}")));
        assert_eq!(
            lines.next(),
            Some("Jana,Dvořáková,jana@dvorakova.cz,+420 601 234 567,\"Dvořák & syn, s.r.o.\",\"jednatelka; účetní\",,,\"Na Příkopě 12, 110 00 Praha 1\",klient | Praha,\"Volat po 14:00.\nPreferuje e-mail.\"")
        );
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
            at,
        );
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
        assert!(card.ends_with("REV:20261123T100000Z\r\nEND:VCARD\r\n"));
        assert!(card.contains("N:Dvořáková;Jana;;;\r\n"));
        assert!(card.contains("ORG:Dvořák\\, s.r.o.\r\n"));
        assert!(card.contains("TITLE:jednatelka\\; účetní\r\n"));
        assert!(card.contains("TEL;VALUE=uri;TYPE=cell:tel:+420601234567\r\n"));
        assert!(card.contains("CATEGORIES:klient,Praha\r\n"));
        for l in card.split("\r\n") {
            assert!(l.len() <= 75, "{l:?} is {} octets", l.len());
        }
        // Unfolding gives the whole note back, escaped.
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("NOTE:{}", escape(&c.notes))));
    }
}
