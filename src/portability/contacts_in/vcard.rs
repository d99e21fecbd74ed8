//! vCard contact files (2.1, 3.0, 4.0): folded lines, groups, parameters, quoted-printable and
//! declared character sets, one import row per card.

use super::charset::{decode, quoted_printable};
use super::row::{first, Collected};
use super::*;

/// Whether a content line's name-and-parameters part asks for quoted-printable.
pub(super) fn is_quoted_printable(line: &[u8]) -> bool {
    let head = &line[..position_of_colon(line).unwrap_or(line.len())];
    String::from_utf8_lossy(head)
        .to_ascii_uppercase()
        .contains("QUOTED-PRINTABLE")
}

/// Where a content line's value starts: its first `:` outside double quotes.
pub(super) fn position_of_colon(line: &[u8]) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in line.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Logical lines with their first physical line's number: a line starting with a space or tab
/// continues the one before (RFC 6350 folding), and so does any line after a quoted-printable
/// line ending in a soft break "=".
pub(super) fn unfold(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut soft_break = false;
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        match out.last_mut() {
            Some((_, last)) if soft_break => {
                last.pop(); // the "="
                last.extend_from_slice(line);
            }
            Some((_, last)) if matches!(line.first(), Some(b' ' | b'\t')) => {
                last.extend_from_slice(&line[1..]);
            }
            _ => out.push((i + 1, line.to_vec())),
        }
        soft_break = out
            .last()
            .is_some_and(|(_, l)| l.ends_with(b"=") && is_quoted_printable(l));
    }
    out
}

/// One content line: group, name, parameters (upper-cased names; TYPE values split) and value.
pub(super) struct Property {
    group: String,
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn types(&self) -> Vec<String> {
        self.params
            .iter()
            .filter(|(k, _)| k == "TYPE" || k.is_empty())
            .flat_map(|(_, v)| v.split(',').map(|t| t.trim().to_ascii_lowercase()))
            .collect()
    }

    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Splits on `sep` outside double quotes.
pub(super) fn split_outside_quotes(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Parses a logical line; Err(line) when its value is not UTF-8 and no charset says otherwise.
pub(super) fn property(number: usize, line: &[u8]) -> Result<Option<Property>, ContactsInError> {
    let Some(colon) = position_of_colon(line) else {
        return Ok(None);
    };
    let head = String::from_utf8_lossy(&line[..colon]).to_string();
    let mut parts = split_outside_quotes(&head, ';').into_iter();
    let full_name = parts.next().unwrap_or("").trim();
    let (group, name) = match full_name.rsplit_once('.') {
        Some((g, n)) => (g.to_string(), n.to_ascii_uppercase()),
        None => (String::new(), full_name.to_ascii_uppercase()),
    };
    let params: Vec<(String, String)> = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().replace('"', "")),
            // vCard 2.1 bare parameters: "TEL;CELL;VOICE:…", "NOTE;QUOTED-PRINTABLE:…".
            None => {
                let v = p.trim().to_ascii_uppercase();
                if v == "QUOTED-PRINTABLE" {
                    ("ENCODING".into(), v)
                } else {
                    (String::new(), v)
                }
            }
        })
        .collect();
    let raw = &line[colon + 1..];
    let qp = params
        .iter()
        .any(|(k, v)| k == "ENCODING" && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
    let bytes = if qp {
        quoted_printable(raw)
    } else {
        raw.to_vec()
    };
    let charset = params
        .iter()
        .find(|(k, _)| k == "CHARSET")
        .map(|(_, v)| v.as_str())
        .unwrap_or("utf-8");
    let value = decode(&bytes, charset).ok_or(ContactsInError::NotUtf8(number))?;
    Ok(Some(Property {
        group,
        name,
        params,
        value,
    }))
}

/// Splits a structured value on unescaped `sep` and unescapes each part (`\,` `\;` `\n` `\\`).
pub(super) fn components(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let last = parts.last_mut().expect("never empty");
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => last.push('\n'),
                Some(other) => last.push(other),
                None => {}
            },
            c if c == sep => parts.push(String::new()),
            c => last.push(c),
        }
    }
    parts
}

pub(super) fn text(value: &str) -> String {
    components(value, '\u{0}').concat().trim().to_string()
}

/// The label of a TEL or EMAIL by its TYPE parameters ("cell" → "mobile").
pub(super) fn type_label(types: &[String]) -> &str {
    let has = |t: &str| types.iter().any(|x| x == t);
    if has("fax") {
        "fax"
    } else if has("cell") || has("mobile") || has("iphone") {
        "mobile"
    } else if has("work") {
        "work"
    } else if has("home") {
        "home"
    } else {
        // A label of the user's own ("TYPE=asistentka"); the technical ones say nothing.
        types
            .iter()
            .find(|t| {
                !t.is_empty()
                    && !t.starts_with("x-")
                    && !matches!(
                        t.as_str(),
                        "voice" | "pref" | "internet" | "text" | "msg" | "uri" | "x400"
                    )
            })
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Every card of a vCard file, as import rows numbered from 1.
pub fn vcard(bytes: &[u8]) -> Result<Vec<ImportRow>, ContactsInError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut rows = Vec::new();
    let mut card: Option<Vec<Property>> = None;
    for (number, line) in unfold(bytes) {
        let Some(p) = property(number, &line)? else {
            continue;
        };
        match (
            p.name.as_str(),
            p.value.trim().to_ascii_uppercase().as_str(),
        ) {
            ("BEGIN", "VCARD") => card = Some(Vec::new()),
            ("END", "VCARD") => {
                if let Some(props) = card.take() {
                    rows.push(card_row(rows.len() + 1, &props));
                }
            }
            _ => {
                if let Some(props) = card.as_mut() {
                    props.push(p);
                }
            }
        }
    }
    if let Some(props) = card {
        rows.push(card_row(rows.len() + 1, &props));
    }
    if rows.is_empty() {
        return Err(ContactsInError::NotContacts);
    }
    Ok(rows)
}

pub(super) fn card_row(number: usize, props: &[Property]) -> ImportRow {
    let mut c = Collected::default();
    // iPhone names a grouped value's label in a sibling line: item1.X-ABLabel:_$!<Other>!$_
    let group_label = |group: &str| -> Option<String> {
        if group.is_empty() {
            return None;
        }
        props
            .iter()
            .find(|p| p.group == group && p.name == "X-ABLABEL")
            .map(|p| {
                text(&p.value)
                    .trim_start_matches("_$!<")
                    .trim_end_matches(">!$_")
                    .to_string()
            })
    };
    let mut role = String::new();
    for p in props {
        match p.name.as_str() {
            "N" => {
                let n = components(&p.value, ';');
                first(&mut c.family, n.first().map(String::as_str).unwrap_or(""));
                first(&mut c.given, n.get(1).map(String::as_str).unwrap_or(""));
            }
            "FN" => first(&mut c.full, &text(&p.value)),
            "EMAIL" => {
                let label =
                    group_label(&p.group).unwrap_or_else(|| type_label(&p.types()).to_string());
                c.email(&label, &text(&p.value));
            }
            "TEL" => {
                let label =
                    group_label(&p.group).unwrap_or_else(|| type_label(&p.types()).to_string());
                let value = text(&p.value);
                let value = match value.get(..4) {
                    Some(s) if s.eq_ignore_ascii_case("tel:") => {
                        value[4..].split(';').next().unwrap_or("").to_string()
                    }
                    _ => value,
                };
                c.phone(&label, &value);
            }
            "ORG" => first(
                &mut c.organisation,
                components(&p.value, ';')
                    .first()
                    .map(String::as_str)
                    .unwrap_or(""),
            ),
            "TITLE" => first(&mut c.role, &text(&p.value)),
            "ROLE" => first(&mut role, &text(&p.value)),
            "ADR" if c.address.is_empty() => {
                let parts: Vec<String> = components(&p.value, ';')
                    .iter()
                    .flat_map(|part| part.lines().map(str::trim).map(str::to_string))
                    .filter(|l| !l.is_empty())
                    .collect();
                let joined = if parts.is_empty() {
                    p.param("LABEL").unwrap_or("").to_string()
                } else {
                    parts.join(", ")
                };
                c.add(Field::Address, &joined, "");
            }
            "NOTE" => c.add(Field::Notes, &text(&p.value), ""),
            "CATEGORIES" => {
                for t in components(&p.value, ',') {
                    let t = t.trim();
                    if !t.is_empty() {
                        c.tags.push(t.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    if c.role.is_empty() {
        c.role = role;
    }
    c.into_row(number)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::contact::fields;
    use crate::domain::FieldError;

    pub(in crate::portability::contacts_in) fn cards(text: &str) -> Vec<ImportRow> {
        match read(text.as_bytes()).unwrap() {
            Source::Vcard(rows) => rows,
            Source::Csv(_) => panic!("read as CSV"),
        }
    }

    #[test]
    fn android_vcard_3_with_quoted_printable_utf8_and_soft_breaks() {
        let file = "BEGIN:VCARD\r\nVERSION:3.0\r\n\
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C5=A0=C5=A5astn=C3=A1;V=C4=9Bra;;;\r\n\
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:V=C4=9Bra =C5=A0=C5=A5astn=C3=A1\r\n\
            TEL;TYPE=CELL:+420601234567\r\n\
            TEL;TYPE=WORK:+420 541 000 111\r\n\
            EMAIL;TYPE=HOME:vera@stastna.cz\r\n\
            NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dlouh=C3=A1 pozn=C3=A1mka, kter=C3=A1 se =\r\n\
            nevejde na jeden =C5=99=C3=A1dek=0D=0Aa druh=C3=BD =C5=99=C3=A1dek\r\n\
            END:VCARD\r\n";
        let r = &cards(file)[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Věra Šťastná");
        assert_eq!(
            r.draft.phones,
            "mobile: +420601234567\nwork: +420 541 000 111"
        );
        assert_eq!(r.draft.emails, "home: vera@stastna.cz");
        assert_eq!(
            r.draft.notes,
            "Dlouhá poznámka, která se nevejde na jeden řádek\r\na druhý řádek"
        );
    }

    #[test]
    fn iphone_vcard_3_with_item_groups() {
        let file = "BEGIN:VCARD\nVERSION:3.0\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\n\
            N:Dvořák;Jan;;Ing.;\nFN:Ing. Jan Dvořák\nORG:Dvořák s.r.o.;Obchod;\n\
            TITLE:Obchodní ředitel\n\
            item1.EMAIL;type=INTERNET;type=pref:jan@dvorak.cz\nitem1.X-ABLabel:_$!<Other>!$_\n\
            item2.EMAIL;type=INTERNET:jan.dvorak@gmail.com\nitem2.X-ABLabel:soukromý\n\
            TEL;type=CELL;type=VOICE;type=pref:+420 602 111 222\n\
            item3.ADR;type=WORK;type=pref:;;Vinohradská 12;Praha;;120 00;Česko\n\
            item3.X-ABADR:cz\nCATEGORIES:Klienti,Praha\nEND:VCARD\n";
        let r = &cards(file)[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Jan Dvořák", "N wins over FN's title");
        assert_eq!(
            r.draft.emails,
            "jan@dvorak.cz\nsoukromý: jan.dvorak@gmail.com"
        );
        assert_eq!(r.draft.phones, "mobile: +420 602 111 222");
        assert_eq!(r.organisation, "Dvořák s.r.o.");
        assert_eq!(r.draft.role, "Obchodní ředitel");
        assert_eq!(r.draft.address, "Vinohradská 12, Praha, 120 00, Česko");
        assert_eq!(r.draft.tags, "Klienti, Praha");
        let c = r.draft.validate().unwrap();
        assert_eq!(c.emails[1].label, "soukromý");
    }

    #[test]
    fn vcard_4_with_folded_lines_and_tel_uris() {
        let file = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Markéta Horáková\r\n\
            TEL;VALUE=uri;TYPE=\"work,voice\":tel:+420-222-111-000;ext=12\r\n\
            EMAIL;TYPE=work:marketa.horakova@velmi-dlouha-domena-pro-test\r\n ovani-skladani.cz\r\n\
            NOTE:Tato poznámka je dlouhá a je proto zalomená na více řádků podle RFC \r\n\t6350\\, s čárkou a středníkem\\; konec.\r\n\
            END:VCARD\r\n";
        let r = &cards(file)[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(
            (r.draft.given_name.as_str(), r.draft.family_name.as_str()),
            ("Markéta", "Horáková"),
            "FN alone is split into given and family names"
        );
        assert_eq!(r.draft.phones, "work: +420-222-111-000");
        assert_eq!(
            r.draft.emails,
            "work: marketa.horakova@velmi-dlouha-domena-pro-testovani-skladani.cz"
        );
        assert_eq!(
            r.draft.notes,
            "Tato poznámka je dlouhá a je proto zalomená na více řádků podle RFC 6350, s čárkou a středníkem; konec."
        );
    }

    #[test]
    fn vcard_2_1_in_windows_1250_and_several_cards() {
        let mut file: Vec<u8> = Vec::new();
        file.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:2.1\r\n");
        file.extend_from_slice(
            b"N;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:Ku=E8erov=E1;Ji=F8ina\r\n",
        );
        file.extend_from_slice(
            b"TEL;WORK;VOICE:+420 541 000 111\r\nEMAIL;PREF;INTERNET:jirina@kucerova.cz\r\n",
        );
        file.extend_from_slice(
            b"ADR;WORK;CHARSET=windows-1250;ENCODING=QUOTED-PRINTABLE:;;=8Akoln=ED 5;Brno;;602 00;\r\n",
        );
        file.extend_from_slice(b"ORG;CHARSET=windows-1250:Ku\xe8erov\xe1 a spol.\r\n");
        file.extend_from_slice(
            b"NOTE;CHARSET=windows-1250;QUOTED-PRINTABLE:=8Elu=9Dou=E8k=FD k=F9=F2 =\r\n=FAp=ECl\r\n",
        );
        file.extend_from_slice(b"END:VCARD\r\n");
        file.extend_from_slice(
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-2:\xa9\xbbastn\xe1;Eva\r\nEND:VCARD\r\n",
        );
        file.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nikdo@nikde.cz\r\nORG:Bez jm\xc3\xa9na\r\nEND:VCARD\r\n");
        let rows = match read(&file).unwrap() {
            Source::Vcard(rows) => rows,
            Source::Csv(_) => panic!("read as CSV"),
        };
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        let j = &rows[0];
        assert_eq!(j.problems, vec![]);
        assert_eq!(j.name(), "Jiřina Kučerová");
        assert_eq!(j.draft.phones, "work: +420 541 000 111");
        assert_eq!(j.draft.emails, "jirina@kucerova.cz");
        assert_eq!(j.draft.address, "Školní 5, Brno, 602 00");
        assert_eq!(j.organisation, "Kučerová a spol.");
        assert_eq!(j.draft.notes, "Žluťoučký kůň úpěl");
        assert_eq!(rows[1].name(), "Eva Šťastná");
        assert_eq!(
            rows[2].problems,
            vec![(fields::GIVEN_NAME, FieldError::Required)],
            "a card without any name is a row problem"
        );
        assert_eq!(rows[2].organisation, "Bez jména");
    }

    #[test]
    fn a_vcard_not_in_utf8_without_a_charset_is_refused() {
        assert_eq!(
            read(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ku\xe8erov\xe1\r\nEND:VCARD\r\n"),
            Err(ContactsInError::NotUtf8(3))
        );
    }
}
