//! CSV contact files: the delimiter, the header row, the columns Folio recognises and the rows
//! they make.

use super::row::Collected;
use super::*;
use crate::domain::search::fold;

/// The delimiter of a header line: the most frequent of `;`, `,` and tab outside quotes (`,`
/// when none occurs or on a tie with it).
pub fn detect_delimiter(header_line: &str) -> char {
    let (mut semicolons, mut commas, mut tabs, mut quoted) = (0, 0, 0, false);
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > commas && tabs > semicolons {
        '\t'
    } else if semicolons > commas {
        ';'
    } else {
        ','
    }
}

/// Reads CSV text (BOM already removed): the delimiter (Excel's `sep=;` first line honoured),
/// the header and the non-blank records.
pub fn csv(text: &str) -> Result<CsvTable, ContactsInError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let (delimiter, body, skipped) = match first.trim().strip_prefix("sep=") {
        Some(sep) if sep.chars().count() == 1 => {
            let rest = text.split_once('\n').map(|(_, r)| r).unwrap_or("");
            (sep.chars().next().unwrap_or(','), rest, 1)
        }
        _ => (detect_delimiter(first), text, 0),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(body.as_bytes());
    let mut headers = Vec::new();
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ContactsInError::Csv {
            line: e.position().map(|p| p.line()).unwrap_or(0) + skipped,
            why: e.to_string(),
        })?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if i == 0 {
            headers = cells;
        } else if cells.iter().any(|c| !c.is_empty()) {
            records.push((i + 1, cells));
        }
    }
    Ok(CsvTable {
        delimiter,
        headers,
        records,
    })
}

/// A header reduced to what matters for recognising it: lower case, no diacritics, letters
/// and digits only ("E-mail 1 - Value" → "email1value", "Příjmení" → "prijmeni").
pub(super) fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The label a column gives its e-mails or phones by its name ("Mobile Phone" → "mobile").
pub(super) fn column_label(key: &str) -> &'static str {
    if key.contains("mobil") || key.contains("cell") {
        "mobile"
    } else if ["business", "work", "prac", "zamestn"]
        .iter()
        .any(|w| key.contains(w))
    {
        "work"
    } else if key.contains("home") || key.contains("domu") || key.contains("soukrom") {
        "home"
    } else {
        ""
    }
}

/// "email2value" → Some(("email", "2", "value")): a numbered column of Google or Outlook.
pub(super) fn numbered<'a>(key: &'a str, prefix: &'static str) -> Option<(&'a str, &'a str)> {
    let rest = key.strip_prefix(prefix)?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    Some((&rest[..digits], &rest[digits..]))
}

/// The field a column name stands for, if Folio knows it.
pub fn field_of(header: &str) -> Option<Field> {
    let key = header_key(header);
    let field = match key.as_str() {
        "givenname" | "firstname" | "jmeno" | "krestnijmeno" | "first" | "given" => {
            Field::GivenName
        }
        "familyname" | "lastname" | "surname" | "prijmeni" => Field::FamilyName,
        "name" | "fullname" | "displayname" | "jmenoaprijmeni" | "celejmeno" | "fn"
        | "nazevkontaktu" => Field::FullName,
        "organisation" | "organization" | "organizace" | "company" | "companyname" | "firma"
        | "spolecnost" | "organizationname" | "organisationname" | "organization1name"
        | "nazevfirmy" => Field::Organisation,
        "role" | "jobtitle" | "organizationtitle" | "organization1title" | "funkce" | "pozice"
        | "pracovnipozice" => Field::Role,
        "ico" | "ic" | "icofirmy" | "companyid" => Field::Ico,
        "dic" | "vatid" | "vat" | "vatnumber" | "taxid" => Field::VatId,
        "address" | "adresa" | "address1formatted" | "ulice" | "mesto" | "obec" | "psc" => {
            Field::Address
        }
        "notes" | "note" | "poznamka" | "poznamky" => Field::Notes,
        "tags" | "labels" | "groupmembership" | "categories" | "stitky" | "stitek"
        | "kategorie" | "skupiny" | "skupina" => Field::Tags,
        "emails" | "mail" | "emailovaadresa" | "emailovaadresa2" | "emailovaadresa3"
        | "emailadresa" => Field::Email,
        "phones"
        | "tel"
        | "telefon"
        | "mobil"
        | "mobile"
        | "mobilnitelefon"
        | "telefonmobil"
        | "telefonprace"
        | "telefondomu"
        | "telefondozamestnani"
        | "primaryphone"
        | "otherphone"
        | "companymainphone"
        | "mobilephone"
        | "businessphone"
        | "businessphone2"
        | "homephone"
        | "homephone2"
        | "carphone" => Field::Phone,
        k if k.starts_with("business") || k.starts_with("home") => {
            // Outlook's address parts: Business Street, Business City, Home Postal Code…
            let part = k.trim_start_matches("business").trim_start_matches("home");
            let part = part.trim_end_matches(|c: char| c.is_ascii_digit());
            match part {
                "street" | "city" | "state" | "postalcode" | "countryregion" | "country" => {
                    Field::Address
                }
                _ => return None,
            }
        }
        k => match (numbered(k, "email"), numbered(k, "phone")) {
            (Some((_, "" | "value" | "address" | "adresa")), _) => Field::Email,
            (_, Some((_, "" | "value"))) => Field::Phone,
            _ => return None,
        },
    };
    Some(field)
}

/// Where a value column's label comes from: its own name, or a companion "… - Type" column.
pub(super) fn label_column(headers: &[String], column: usize) -> Option<usize> {
    let key = header_key(&headers[column]);
    for prefix in ["email", "phone"] {
        if let Some((n, "value")) = numbered(&key, prefix) {
            return headers.iter().position(|h| {
                let k = header_key(h);
                k == format!("{prefix}{n}type") || k == format!("{prefix}{n}label")
            });
        }
    }
    None
}

impl CsvTable {
    /// The mapping Folio proposes: each column by its name, unknown ones not imported.
    pub fn guess_mapping(&self) -> Mapping {
        Mapping(self.headers.iter().map(|h| field_of(h)).collect())
    }

    /// Every record as an import row under `mapping`.
    pub fn rows(&self, mapping: &Mapping) -> Vec<ImportRow> {
        let labels: Vec<(Option<usize>, &'static str)> = (0..self.headers.len())
            .map(|i| {
                (
                    label_column(&self.headers, i),
                    column_label(&header_key(&self.headers[i])),
                )
            })
            .collect();
        self.records
            .iter()
            .map(|(number, cells)| {
                let mut c = Collected::default();
                for (i, cell) in cells.iter().enumerate() {
                    let Some(Some(field)) = mapping.0.get(i) else {
                        continue;
                    };
                    if cell.is_empty() {
                        continue;
                    }
                    let (from, fixed) = labels.get(i).copied().unwrap_or((None, ""));
                    let label = from
                        .and_then(|l| cells.get(l))
                        .map(String::as_str)
                        .unwrap_or(fixed);
                    c.add(*field, cell, label);
                }
                c.into_row(*number)
            })
            .collect()
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::domain::contact::fields;
    use crate::domain::{EmailError, FieldError};

    fn table(bytes: &[u8]) -> CsvTable {
        match read(bytes).unwrap() {
            Source::Csv(t) => t,
            Source::Vcard(_) => panic!("read as vCard"),
        }
    }

    pub(in crate::portability::contacts_in) fn csv_rows(bytes: &[u8]) -> Vec<ImportRow> {
        let t = table(bytes);
        t.rows(&t.guess_mapping())
    }

    #[test]
    fn google_contacts_csv_with_a_bom() {
        let file = "\u{feff}Name,Given Name,Additional Name,Family Name,Yomi Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Address 1 - Type,Address 1 - Formatted\r\n\
            Jana Dvořáková,Jana,,Dvořáková,,Volá ráno,* myContacts ::: Klienti,* Work,jana@dvorak.cz,* Home,jana.d@seznam.cz,Mobile,+420 601 234 567 ::: +420 777 000 111,,Dvořák s.r.o.,jednatelka,Work,\"Na Příkopě 12\n110 00 Praha 1\"\r\n";
        let t = table(file.as_bytes());
        assert_eq!(t.delimiter, ',');
        assert_eq!(
            t.headers[0], "Name",
            "the BOM is not part of the first header"
        );
        let mapping = t.guess_mapping();
        let unmapped: Vec<&str> = t
            .headers
            .iter()
            .zip(&mapping.0)
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| h.as_str())
            .collect();
        assert_eq!(
            unmapped,
            vec![
                "Additional Name",
                "Yomi Name",
                "E-mail 1 - Type",
                "E-mail 2 - Type",
                "Phone 1 - Type",
                "Organization 1 - Type",
                "Address 1 - Type"
            ]
        );
        let rows = t.rows(&mapping);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.number, 2, "the header is row 1");
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Jana Dvořáková");
        assert_eq!(
            r.draft.emails,
            "work: jana@dvorak.cz\nhome: jana.d@seznam.cz"
        );
        assert_eq!(
            r.draft.phones,
            "mobile: +420 601 234 567\nmobile: +420 777 000 111"
        );
        assert_eq!(r.organisation, "Dvořák s.r.o.");
        assert_eq!(r.draft.role, "jednatelka");
        assert_eq!(r.draft.tags, "Klienti");
        assert_eq!(r.draft.address, "Na Příkopě 12, 110 00 Praha 1");
        assert_eq!(r.draft.notes, "Volá ráno");
    }

    #[test]
    fn czech_excel_csv_with_semicolons_and_diacritics() {
        let file = "Jméno;Příjmení;E-mail;Telefon;Firma;IČO;DIČ;Poznámka;Štítky\r\n\
            Zdeňka;Šťastná;zdenka@stastna.cz;+420 601 234 567;Šťastný a syn, s.r.o.;27082440;CZ27082440;\"Pozor; jen ráno\";klient, Brno\r\n\
            Petr;Novák;petr@;;;;;;\r\n\
            ;;;;;;;;\r\n\
            Eva;Malá;;777 123 456;;;;;\r\n";
        let t = table(file.as_bytes());
        assert_eq!(t.delimiter, ';');
        assert!(t.guess_mapping().0.iter().all(Option::is_some));
        let rows = t.rows(&t.guess_mapping());
        assert_eq!(
            rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![2, 3, 5],
            "a blank record is no row, and the numbers stay the spreadsheet's"
        );
        let z = &rows[0];
        assert_eq!(z.problems, vec![]);
        assert_eq!(
            (z.draft.given_name.as_str(), z.draft.family_name.as_str()),
            ("Zdeňka", "Šťastná")
        );
        assert_eq!(z.organisation, "Šťastný a syn, s.r.o.");
        assert_eq!(z.draft.ico, "27082440");
        assert_eq!(z.draft.vat_id, "CZ27082440");
        assert_eq!(z.draft.notes, "Pozor; jen ráno");
        assert_eq!(z.draft.tags, "klient, Brno");
        assert_eq!(
            rows[1].problems,
            vec![(fields::EMAIL, FieldError::Email(EmailError::EmptyDomain))]
        );
        assert_eq!(rows[2].problems, vec![]);
        assert_eq!(rows[2].draft.phones, "777 123 456");
    }

    #[test]
    fn outlook_csv() {
        let file = "First Name,Middle Name,Last Name,Title,Suffix,Company,Department,Job Title,Business Street,Business City,Business Postal Code,Business Country/Region,Business Phone,Home Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes,Categories\r\n\
            Tomáš,,Marek,Ing.,,Marek Consulting,,Konzultant,Dlouhá 5,Praha,110 00,Česká republika,+420 222 333 444,,+420 603 111 222,tomas@marek.cz,SMTP,Tomáš Marek (tomas@marek.cz),t.marek@gmail.com,,VIP;Partneři\r\n";
        let t = table(file.as_bytes());
        let mapping = t.guess_mapping();
        let of = |h: &str| mapping.0[t.headers.iter().position(|x| x == h).unwrap()];
        assert_eq!(of("Title"), None, "Outlook's Title is Mr./Ms., not a role");
        assert_eq!(of("Job Title"), Some(Field::Role));
        assert_eq!(of("E-mail Type"), None);
        assert_eq!(of("E-mail Display Name"), None);
        assert_eq!(of("E-mail 2 Address"), Some(Field::Email));
        let r = &t.rows(&mapping)[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Tomáš Marek");
        assert_eq!(r.organisation, "Marek Consulting");
        assert_eq!(r.draft.role, "Konzultant");
        assert_eq!(r.draft.emails, "tomas@marek.cz\nt.marek@gmail.com");
        assert_eq!(
            r.draft.phones,
            "work: +420 222 333 444\nmobile: +420 603 111 222"
        );
        assert_eq!(r.draft.address, "Dlouhá 5, Praha, 110 00, Česká republika");
        assert_eq!(r.draft.tags, "VIP, Partneři");
    }

    #[test]
    fn missing_columns_and_short_records() {
        let rows = csv_rows(b"Name,E-mail,Phone\nJana Nov\xc3\xa1kov\xc3\xa1\nDvo\xc5\x99\xc3\xa1k, Jan,jan@dvorak.cz\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (
                rows[0].draft.given_name.as_str(),
                rows[0].draft.family_name.as_str()
            ),
            ("Jana", "Nováková"),
            "a full name is split when there are no name columns"
        );
        assert_eq!(rows[0].problems, vec![]);
        // Unquoted "Dvořák, Jan" is two cells: everything shifts one column to the right, and
        // the domain's validation says what no longer fits.
        assert_eq!(rows[1].draft.given_name, "Dvořák");
        assert_eq!(rows[1].draft.emails, "Jan");
        assert_eq!(rows[1].draft.phones, "jan@dvorak.cz");
        let wrong: Vec<&str> = rows[1].problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(wrong, vec![fields::EMAIL, fields::PHONE]);
    }

    #[test]
    fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
        let rows = csv_rows(
            "given_name;family_name;notes;organisation\r\nJan;Novák;\"První řádek\r\ndruhý; a \"\"třetí\"\"\";\"A; B, s.r.o.\"\r\nEva;Malá;;\r\n"
                .as_bytes(),
        );
        assert_eq!(rows[0].draft.notes, "První řádek\r\ndruhý; a \"třetí\"");
        assert_eq!(rows[0].organisation, "A; B, s.r.o.");
        assert_eq!(
            rows[1].number, 3,
            "a record over two lines is still one row"
        );
    }

    #[test]
    fn empty_header_only_binary_json_and_not_utf8_files() {
        assert_eq!(read(b""), Err(ContactsInError::Empty));
        assert_eq!(read(b"\xef\xbb\xbf \r\n"), Err(ContactsInError::Empty));
        let header_only = table(b"\xef\xbb\xbfFirst Name;Last Name;E-mail\r\n");
        assert_eq!(header_only.delimiter, ';');
        assert!(header_only.rows(&header_only.guess_mapping()).is_empty());
        assert_eq!(read(b"PK\x03\x04\0\0"), Err(ContactsInError::NotText));
        assert_eq!(
            read(b"{\"format\": \"folio-export\"}"),
            Err(ContactsInError::NotContacts)
        );
        assert_eq!(
            read(b"Jm\xe9no;P\xf8\xedjmen\xed\r\nJan;Nov\xe1k\r\n"),
            Err(ContactsInError::NotUtf8(1)),
            "windows-1250 CSV is refused with advice, not read as mojibake"
        );
        assert_eq!(
            read(b"just one line of text"),
            Err(ContactsInError::NotContacts)
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let text = "Jméno\tPříjmení\tE-mail\r\nŽofie\tČermáková\tzofie@cermakova.cz\r\n";
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        for bytes in [le, be] {
            let t = table(&bytes);
            assert_eq!(t.delimiter, '\t');
            let r = &t.rows(&t.guess_mapping())[0];
            assert_eq!(r.name(), "Žofie Čermáková");
            assert_eq!(r.draft.emails, "zofie@cermakova.cz");
        }
    }

    #[test]
    fn delimiter_is_counted_outside_quotes_and_sep_line_is_honoured() {
        assert_eq!(detect_delimiter("\"a,b,c\";d;e"), ';');
        assert_eq!(detect_delimiter("a,b;c,d"), ',');
        assert_eq!(detect_delimiter("a\tb\tc"), '\t');
        assert_eq!(detect_delimiter("single"), ',');
        let t =
            table(b"sep=;\r\nJm\xc3\xa9no;P\xc5\x99\xc3\xadjmen\xc3\xad\r\nJan;Nov\xc3\xa1k\r\n");
        assert_eq!(t.delimiter, ';');
        assert_eq!(t.headers, vec!["Jméno", "Příjmení"]);
        assert_eq!(t.rows(&t.guess_mapping())[0].name(), "Jan Novák");
    }

    #[test]
    fn headers_are_recognised_whatever_their_case_and_diacritics() {
        for (header, field) in [
            ("PŘÍJMENÍ", Some(Field::FamilyName)),
            ("prijmeni", Some(Field::FamilyName)),
            ("Jméno", Some(Field::GivenName)),
            ("E-mail 3 - Value", Some(Field::Email)),
            ("Phone 2 - Value", Some(Field::Phone)),
            ("Phone 2 - Type", None),
            ("Organization Name", Some(Field::Organisation)),
            ("Organization 1 - Title", Some(Field::Role)),
            ("Labels", Some(Field::Tags)),
            ("Business Street 2", Some(Field::Address)),
            ("Home Phone", Some(Field::Phone)),
            ("Business Fax", None),
            ("Birthday", None),
            ("vat_id", Some(Field::VatId)),
            ("IČ", Some(Field::Ico)),
            // Outlook in Czech
            ("Křestní jméno", Some(Field::GivenName)),
            ("E-mailová adresa 2", Some(Field::Email)),
            ("Telefon do zaměstnání", Some(Field::Phone)),
            ("Mobilní telefon", Some(Field::Phone)),
            ("Společnost", Some(Field::Organisation)),
        ] {
            assert_eq!(field_of(header), field, "{header}");
        }
    }

    #[test]
    fn phone_columns_label_their_numbers() {
        let t = table(
            "Křestní jméno;Příjmení;Telefon do zaměstnání;Mobilní telefon;Telefon domů\nJan;Novák;222 333 444;603 111 222;545 000 111\n"
                .as_bytes(),
        );
        assert_eq!(
            t.rows(&t.guess_mapping())[0].draft.phones,
            "work: 222 333 444\nmobile: 603 111 222\nhome: 545 000 111"
        );
    }

    #[test]
    fn the_mapping_can_be_changed_per_column() {
        let t =
            table("Jméno;Příjmení;Narozeniny;E-mail\nJan;Novák;1. 5.;jan@novak.cz\n".as_bytes());
        let mut mapping = t.guess_mapping();
        assert_eq!(mapping.0[2], None);
        mapping.0[2] = Some(Field::Notes);
        mapping.0[3] = None;
        let r = &t.rows(&mapping)[0];
        assert_eq!(r.draft.notes, "1. 5.");
        assert_eq!(r.draft.emails, "");
        // Two columns into one field: both e-mails, one per line.
        mapping.0[2] = Some(Field::Email);
        mapping.0[3] = Some(Field::Email);
        let t2 = table("Jméno;E-mail;E-mail 2\nJan;jan@novak.cz;jn@firma.cz\n".as_bytes());
        let m2 = t2.guess_mapping();
        assert_eq!(t2.rows(&m2)[0].draft.emails, "jan@novak.cz\njn@firma.cz");
    }
}
