//! vCard contact files (2.1, 3.0, 4.0): folded lines, groups, parameters, quoted-printable and
//! every character set a value may declare (the undeclared ones read as UTF-8 when they are,
//! else in the likeliest code page or the one the user chose), one import row per card; Apple's
//! company cards become organisations. Linear and capped: lines, properties per card, cards.

use super::charset::{self, encoding_for, quoted_printable};
use super::columns::Part;
use super::row::{clean_label, first, Collected, Parts};
use super::*;
use encoding_rs::UTF_8;

/// A logical line (folding undone), and whether it is quoted-printable (known once, when the
/// line starts).
struct Logical {
    bytes: Vec<u8>,
    qp: bool,
}

/// Whether a content line's name-and-parameters part asks for quoted-printable.
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = line
        .get(..position_of_colon(line).unwrap_or(line.len()))
        .unwrap_or(line);
    head.windows(16)
        .any(|w| w.eq_ignore_ascii_case(b"QUOTED-PRINTABLE"))
}

/// Where a content line's value starts: its first `:` outside double quotes.
fn position_of_colon(line: &[u8]) -> Option<usize> {
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

/// Logical lines: a line starting with a space or tab continues the one before (RFC 6350
/// folding), and so does any line after a quoted-printable line ending in a soft break "=".
fn unfold(bytes: &[u8]) -> Result<Vec<Logical>, ContactsInError> {
    let mut out: Vec<Logical> = Vec::new();
    let mut soft_break = false;
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        // Characters are at most bytes: count them only when the bytes could be too many.
        if raw.len() > MAX_LINE_CHARS
            && raw.iter().filter(|b| (**b & 0xc0) != 0x80).count() > MAX_LINE_CHARS
        {
            return Err(ContactsInError::LineTooLong {
                line: i + 1,
                max: MAX_LINE_CHARS,
            });
        }
        let mut line = raw;
        while let Some(rest) = line.strip_suffix(b"\r") {
            line = rest;
        }
        match out.last_mut() {
            Some(last) if soft_break => {
                last.bytes.pop(); // the "="
                last.bytes.extend_from_slice(line);
            }
            Some(last) if matches!(line.first(), Some(b' ' | b'\t')) => {
                last.bytes.extend_from_slice(line.get(1..).unwrap_or(&[]));
            }
            _ => out.push(Logical {
                bytes: line.to_vec(),
                qp: is_quoted_printable(line),
            }),
        }
        soft_break = out.last().is_some_and(|l| l.qp && l.bytes.ends_with(b"="));
    }
    Ok(out)
}

/// One content line before its value is decoded: group, name, parameters (upper-cased names;
/// vCard 2.1 bare parameters under TYPE or ENCODING) and the value's bytes (QP undone).
struct RawProperty {
    group: String,
    name: String,
    params: Vec<(String, String)>,
    value: Vec<u8>,
}

impl RawProperty {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A content line with its value decoded.
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
fn split_outside_quotes(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut quoted, mut start) = (false, 0);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            parts.push(text.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// Parses a logical line (None: it has no colon, so it is no property).
fn raw_property(line: &Logical) -> Option<RawProperty> {
    let colon = position_of_colon(&line.bytes)?;
    let (head, value) = line.bytes.split_at(colon);
    let head = String::from_utf8_lossy(head);
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
                match v.as_str() {
                    "QUOTED-PRINTABLE" | "BASE64" | "8BIT" | "7BIT" => ("ENCODING".into(), v),
                    _ => (String::new(), v),
                }
            }
        })
        .collect();
    let value = value.get(1..).unwrap_or(&[]);
    let qp = params
        .iter()
        .any(|(k, v)| k == "ENCODING" && v.eq_ignore_ascii_case("QUOTED-PRINTABLE"));
    Some(RawProperty {
        group,
        name,
        params,
        value: if qp {
            quoted_printable(value)
        } else {
            value.to_vec()
        },
    })
}

/// Splits a structured value on unescaped `sep` and unescapes each part (`\,` `\;` `\n` `\\`).
pub(super) fn components(value: &str, sep: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == sep {
            parts.push(String::new());
            continue;
        }
        let Some(last) = parts.last_mut() else {
            continue;
        };
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => last.push('\n'),
                Some(other) => last.push(other),
                None => {}
            },
            c => last.push(c),
        }
    }
    parts
}

fn text(value: &str) -> String {
    components(value, '\u{0}').concat().trim().to_string()
}

/// The label of a TEL, EMAIL or ADR by its TYPE parameters ("cell" → "mobile").
fn type_label(types: &[String]) -> &str {
    let has = |t: &str| types.iter().any(|x| x == t);
    if has("fax") {
        "fax"
    } else if has("cell") || has("mobile") || has("iphone") {
        "mobile"
    } else if has("pager") {
        "pager"
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
                        "voice"
                            | "pref"
                            | "internet"
                            | "text"
                            | "msg"
                            | "uri"
                            | "x400"
                            | "dom"
                            | "intl"
                            | "postal"
                            | "parcel"
                            | "video"
                            | "other"
                    )
            })
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Properties that say nothing a contact needs (bookkeeping, or repeated elsewhere).
const TECHNICAL: [&str; 17] = [
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "REV",
    "UID",
    "X-ABLABEL",
    "X-ABADR",
    "X-ABUID",
    "X-ABSHOWAS",
    "SORT-STRING",
    "X-EVOLUTION-FILE-AS",
    "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
    "X-MS-OL-DESIGN",
    "CLASS",
    "KIND",
    "SOURCE",
];

/// The properties Folio reads into a contact.
const PLACED: [&str; 16] = [
    "N",
    "FN",
    "EMAIL",
    "TEL",
    "ORG",
    "TITLE",
    "ROLE",
    "ADR",
    "LABEL",
    "BDAY",
    "NOTE",
    "CATEGORIES",
    "X-FOLIO-ICO",
    "X-FOLIO-VAT-ID",
    "X-FOLIO-PREFERENCE",
    "X-ABSHOWAS",
];

/// Every card of a vCard file (its bytes in an ASCII-compatible set), as import rows numbered
/// from 1.
pub fn vcard(bytes: &[u8]) -> Result<Vec<ImportRow>, ContactsInError> {
    vcard_bytes(bytes, None).map(|(file, _)| file.rows)
}

/// Every card of a vCard file, the properties Folio has no place for, and the character set the
/// values without a CHARSET were read in (`choice`, else UTF-8 where valid, else the likeliest
/// code page).
pub(super) fn vcard_bytes(
    bytes: &[u8],
    choice: Option<&'static Encoding>,
) -> Result<(VcardFile, Charset), ContactsInError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(ContactsInError::NotText);
    }
    let mut cards: Vec<Vec<RawProperty>> = Vec::new();
    let mut card: Option<Vec<RawProperty>> = None;
    for line in unfold(bytes)? {
        let Some(p) = raw_property(&line) else {
            continue;
        };
        let value_is = |word: &[u8]| p.value.trim_ascii().eq_ignore_ascii_case(word);
        if p.name == "BEGIN" && value_is(b"VCARD") {
            if let Some(open) = card.take() {
                cards.push(open);
            }
            if cards.len() >= MAX_RECORDS {
                return Err(ContactsInError::TooManyRecords { max: MAX_RECORDS });
            }
            card = Some(Vec::new());
        } else if p.name == "END" && value_is(b"VCARD") {
            if let Some(done) = card.take() {
                cards.push(done);
            }
        } else if let Some(props) = card.as_mut() {
            if props.len() >= MAX_PROPERTIES {
                return Err(ContactsInError::TooManyProperties {
                    card: cards.len() + 1,
                    max: MAX_PROPERTIES,
                });
            }
            props.push(p);
        }
    }
    if let Some(open) = card {
        cards.push(open);
    }
    if cards.is_empty() {
        return Err(ContactsInError::NotContacts);
    }
    // The values that declare no character set and are not UTF-8 decide the fallback.
    let undeclared = |p: &RawProperty| p.param("CHARSET").and_then(encoding_for).is_none();
    let (fallback, how) = match choice {
        Some(chosen) => (chosen, CharsetHow::Chosen),
        None => {
            let mut sample = Vec::new();
            for p in cards.iter().flatten() {
                if undeclared(p) && !p.value.is_ascii() && std::str::from_utf8(&p.value).is_err() {
                    sample.extend_from_slice(&p.value);
                    sample.push(b'\n');
                    if sample.len() > 256 * 1024 {
                        break;
                    }
                }
            }
            if sample.is_empty() {
                (UTF_8, CharsetHow::Valid)
            } else {
                (charset::guess(&sample), CharsetHow::Assumed)
            }
        }
    };
    let mut unplaced: Vec<(String, usize)> = Vec::new();
    let rows = cards
        .into_iter()
        .enumerate()
        .map(|(i, raw)| {
            let props: Vec<Property> = raw
                .into_iter()
                .map(|p| {
                    let encoding = match (p.param("CHARSET").and_then(encoding_for), choice) {
                        (Some(declared), _) => declared,
                        (None, Some(chosen)) => chosen,
                        (None, None) if std::str::from_utf8(&p.value).is_ok() => UTF_8,
                        (None, None) => fallback,
                    };
                    Property {
                        value: charset::decode(&p.value, encoding),
                        group: p.group,
                        name: p.name,
                        params: p.params,
                    }
                })
                .collect();
            let mut seen: Vec<&str> = Vec::new();
            for p in &props {
                let name = p.name.as_str();
                if !TECHNICAL.contains(&name)
                    && !PLACED.contains(&name)
                    && !p.value.trim().is_empty()
                    && !seen.contains(&name)
                {
                    seen.push(name);
                    match unplaced.iter_mut().find(|(n, _)| n == name) {
                        Some((_, count)) => *count += 1,
                        None => unplaced.push((name.to_string(), 1)),
                    }
                }
            }
            card_row(i + 1, &props)
        })
        .collect();
    unplaced.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok((
        VcardFile { rows, unplaced },
        Charset {
            encoding: fallback,
            how,
        },
    ))
}

pub(super) fn card_row(number: usize, props: &[Property]) -> ImportRow {
    let mut c = Collected::default();
    let mut parts = Parts::default();
    // iPhone names a grouped value's label in a sibling line: item1.X-ABLabel:_$!<Other>!$_
    let group_label = |group: &str| -> Option<String> {
        if group.is_empty() {
            return None;
        }
        props
            .iter()
            .find(|p| p.group == group && p.name == "X-ABLABEL")
            .map(|p| text(&p.value))
    };
    let label_of =
        |p: &Property| group_label(&p.group).unwrap_or_else(|| type_label(&p.types()).to_string());
    let mut role = String::new();
    let mut label_text = String::new();
    let mut has_adr = false;
    for (i, p) in props.iter().enumerate() {
        match p.name.as_str() {
            "N" => {
                let n = components(&p.value, ';');
                first(&mut c.family, n.first().map(String::as_str).unwrap_or(""));
                first(&mut c.given, n.get(1).map(String::as_str).unwrap_or(""));
            }
            "FN" => {
                first(&mut c.full, &text(&p.value));
                c.full_as_written = true;
            }
            "EMAIL" => c.email(&label_of(p), &text(&p.value)),
            "TEL" => {
                let value = text(&p.value);
                let value = match value.get(..4) {
                    Some(s) if s.eq_ignore_ascii_case("tel:") => value
                        .get(4..)
                        .unwrap_or("")
                        .split(';')
                        .next()
                        .unwrap_or("")
                        .to_string(),
                    _ => value,
                };
                c.phone(&label_of(p), &value);
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
            "ADR" => {
                has_adr = true;
                let label = clean_label(&label_of(p));
                let group = format!("#{i}");
                let kinds = [
                    Part::MoreStreet,
                    Part::MoreStreet,
                    Part::Street,
                    Part::City,
                    Part::Region,
                    Part::Postcode,
                    Part::Country,
                ];
                let values = components(&p.value, ';');
                let mut any = false;
                for (kind, value) in kinds.iter().zip(&values) {
                    if !value.trim().is_empty() {
                        any = true;
                        parts.address(&group, &label, *kind, value);
                    }
                }
                if !any {
                    if let Some(l) = p.param("LABEL") {
                        parts.address(&group, &label, Part::Whole, &l.replace("\\n", "\n"));
                    }
                }
            }
            "LABEL" => first(&mut label_text, &text(&p.value)),
            "BDAY" => c.add(Field::Birthday, &text(&p.value), ""),
            "NOTE" => c.add(Field::Notes, &text(&p.value), ""),
            "CATEGORIES" => {
                for t in components(&p.value, ',') {
                    c.add(Field::Tags, &t.replace([',', ';'], " "), "");
                }
            }
            "X-FOLIO-ICO" => c.add(Field::Ico, &text(&p.value), ""),
            "X-FOLIO-VAT-ID" => c.add(Field::VatId, &text(&p.value), ""),
            "X-FOLIO-PREFERENCE" => c.add(Field::Preferences, &text(&p.value), ""),
            "X-ABSHOWAS" if text(&p.value).eq_ignore_ascii_case("COMPANY") => c.company = true,
            "KIND" if text(&p.value).eq_ignore_ascii_case("org") => c.company = true,
            _ => {}
        }
    }
    // A 2.1 card with a LABEL and no ADR: the label is its only address.
    if !has_adr && !label_text.is_empty() {
        parts.address("label", "", Part::Whole, &label_text);
    }
    parts.into(&mut c);
    if c.role.is_empty() {
        c.role = role;
    }
    c.into_row(number)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::portability::contacts_in) fn cards(text: &str) -> Vec<ImportRow> {
        match read(text.as_bytes()).unwrap().source {
            Source::Vcard(file) => file.rows,
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
            item3.X-ABADR:cz\nADR;TYPE=HOME:;;Krátká 1;Brno;;602 00;\nBDAY:1975-03-01\n\
            CATEGORIES:Klienti,Praha\nURL:https://dvorak.cz\nEND:VCARD\n";
        let file = match read(file.as_bytes()).unwrap().source {
            Source::Vcard(f) => f,
            Source::Csv(_) => panic!("CSV"),
        };
        let r = &file.rows[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Jan Dvořák", "N wins over FN's title");
        assert_eq!(
            r.draft.emails,
            "jan@dvorak.cz\nsoukromý: jan.dvorak@gmail.com"
        );
        assert_eq!(r.draft.phones, "mobile: +420 602 111 222");
        assert_eq!(r.organisation, "Dvořák s.r.o.");
        assert_eq!(r.draft.role, "Obchodní ředitel");
        assert_eq!(
            r.draft.addresses,
            "work: Vinohradská 12\n120 00 Praha\nČesko\n\nhome: Krátká 1\n602 00 Brno"
        );
        assert_eq!(r.draft.birthday, "1975-03-01");
        assert_eq!(r.draft.tags, "Klienti, Praha");
        assert_eq!(file.unplaced, vec![("URL".to_string(), 1)]);
    }

    #[test]
    fn vcard_4_with_folded_lines_and_tel_uris_and_fn_as_written() {
        let file = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Markéta Horáková\r\n\
            TEL;VALUE=uri;TYPE=\"work,voice\":tel:+420-222-111-000;ext=12\r\n\
            EMAIL;TYPE=work:marketa.horakova@velmi-dlouha-domena-pro-test\r\n ovani-skladani.cz\r\n\
            NOTE:Tato poznámka je dlouhá a je proto zalomená na více řádků podle RFC \r\n\t6350\\, s čárkou a středníkem\\; konec.\r\n\
            END:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Horák\\, Petr\r\nEMAIL:petr@horak.cz\r\nEND:VCARD\r\n";
        let rows = cards(file);
        let r = &rows[0];
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
        assert_eq!(
            rows[1].name(),
            "Horák, Petr",
            "a 4.0 FN is not read as Family, Given"
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
        file.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nikdo@nikde.cz\r\nNOTE:Bez jm\xc3\xa9na\r\nEND:VCARD\r\n");
        file.extend_from_slice(b"BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Jen firma\r\nEND:VCARD\r\n");
        let rows = match read(&file).unwrap().source {
            Source::Vcard(f) => f.rows,
            Source::Csv(_) => panic!("read as CSV"),
        };
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
        let j = &rows[0];
        assert_eq!(j.problems, vec![]);
        assert_eq!(j.name(), "Jiřina Kučerová");
        assert_eq!(j.draft.phones, "work: +420 541 000 111");
        assert_eq!(j.draft.emails, "jirina@kucerova.cz");
        assert_eq!(j.draft.addresses, "work: Školní 5\n602 00 Brno");
        assert_eq!(j.organisation, "Kučerová a spol.");
        assert_eq!(j.draft.notes, "Žluťoučký kůň úpěl");
        assert_eq!(rows[1].name(), "Eva Šťastná");
        assert_eq!(
            rows[2].name(),
            "nikdo@nikde.cz",
            "a card without a name is named from its e-mail"
        );
        assert_eq!(rows[2].named_from, Some(Naming::Email));
        assert_eq!(rows[2].draft.notes, "Bez jména");
        assert!(
            rows[3].is_organisation(),
            "a card with only a company is the company"
        );
    }

    #[test]
    fn a_vcard_in_8_bit_text_without_a_charset_is_read_in_windows_1250() {
        let read =
            read(b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ku\xe8erov\xe1 \xc8\xedla\r\nEND:VCARD\r\n")
                .unwrap();
        assert_eq!(read.charset.encoding, encoding_rs::WINDOWS_1250);
        assert_eq!(read.charset.how, CharsetHow::Assumed);
        let Source::Vcard(file) = read.source else {
            panic!("vCard")
        };
        assert_eq!(file.rows[0].name(), "Kučerová Číla");
        // The user may choose another: the same bytes read again.
        let again = read_as(
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ku\xe8erov\xe1\r\nEND:VCARD\r\n",
            Some(encoding_rs::WINDOWS_1252),
        )
        .unwrap();
        assert_eq!(again.charset.how, CharsetHow::Chosen);
        let Source::Vcard(file) = again.source else {
            panic!("vCard")
        };
        assert_eq!(file.rows[0].name(), "Kuèerová");
    }

    #[test]
    fn an_apple_company_card_is_an_organisation_only() {
        let rows = cards("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Apple Computer AG\nORG:Apple Computer AG;\nitem1.ADR;type=WORK:;;Birgistrasse 4a;Wallisellen-Zürich;;8304;Switzerland\nTEL;type=WORK:+41 1 555 00 00\nX-ABShowAs:COMPANY\nEND:VCARD\n");
        assert_eq!(rows.len(), 1);
        let RowKind::Organisation(o) = &rows[0].kind else {
            panic!("an organisation")
        };
        assert_eq!(o.name, "Apple Computer AG");
        assert_eq!(
            o.address,
            "Birgistrasse 4a, 8304 Wallisellen-Zürich, Switzerland"
        );
        assert!(
            o.notes.contains("+41 1 555 00 00"),
            "the phone is kept in its notes"
        );
    }

    #[test]
    fn caps_on_properties_and_cards() {
        let many = format!(
            "BEGIN:VCARD\r\n{}END:VCARD\r\n",
            "NOTE:x\r\n".repeat(MAX_PROPERTIES + 1)
        );
        assert_eq!(
            read(many.as_bytes()).map(|_| ()),
            Err(ContactsInError::TooManyProperties {
                card: 1,
                max: MAX_PROPERTIES
            })
        );
        let cards = "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n".repeat(MAX_RECORDS + 1);
        assert_eq!(
            read(cards.as_bytes()).map(|_| ()),
            Err(ContactsInError::TooManyRecords { max: MAX_RECORDS })
        );
    }
}
