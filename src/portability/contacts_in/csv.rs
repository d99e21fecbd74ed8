//! CSV contact files: the delimiter, the header row (found past preambles such as LinkedIn's
//! "Notes:"), the columns (see `columns`) and the rows they make. Capped: line length, columns
//! per row and rows per file.

use super::columns::{column_of, header_key, label_column, Column, Part};
use super::row::{Collected, Parts};
use super::*;

/// How many records at the top are searched for the header row.
const HEADER_SEARCH: usize = 20;

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

/// Refuses text with a line longer than [`MAX_LINE_CHARS`] (one linear pass).
pub(super) fn check_lines(text: &str) -> Result<(), ContactsInError> {
    for (i, line) in text.split('\n').enumerate() {
        // Bytes bound characters from above: count characters only when it could matter.
        if line.len() > MAX_LINE_CHARS && line.chars().count() > MAX_LINE_CHARS {
            return Err(ContactsInError::LineTooLong {
                line: i + 1,
                max: MAX_LINE_CHARS,
            });
        }
    }
    Ok(())
}

/// A cell as Folio keeps it: trimmed, and a `'` that defused a formula taken off again.
fn cell(raw: &str) -> String {
    let raw = raw.trim_matches(|c: char| c.is_whitespace() && c != '\t');
    let raw = match raw.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => raw,
    };
    raw.trim().to_string()
}

/// Up to `limit` non-blank records of `body` with their spreadsheet row numbers (`offset` rows
/// come before `body`), capped in columns and rows.
fn records(
    body: &str,
    delimiter: char,
    offset: usize,
    limit: usize,
) -> Result<Vec<(usize, Vec<String>)>, ContactsInError> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(delimiter).unwrap_or(b','))
        .from_reader(body.as_bytes());
    let mut out = Vec::new();
    // Line breaks inside quoted cells: a spreadsheet shows such a record on one row.
    let mut inner_breaks: usize = 0;
    // Physical lines are counted here, from each record's first byte (linear: each byte once).
    let (mut counted_to, mut lines_before) = (0usize, 0usize);
    let bytes = body.as_bytes();
    let mut record = ::csv::StringRecord::new();
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| ContactsInError::Csv {
                line: e.position().map(|p| p.line()).unwrap_or(0) + offset as u64,
                why: e.to_string(),
            })?;
        if !more || out.len() >= limit {
            break;
        }
        let mut start = record
            .position()
            .map(|p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .unwrap_or(counted_to)
            .clamp(counted_to, bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        lines_before += bytes
            .get(counted_to..start)
            .map(|b| b.iter().filter(|c| **c == b'\n').count())
            .unwrap_or(0);
        counted_to = start;
        let row = (lines_before + 1).saturating_sub(inner_breaks) + offset;
        inner_breaks += record
            .iter()
            .map(|c| c.bytes().filter(|b| *b == b'\n').count())
            .sum::<usize>();
        if record.len() > MAX_COLUMNS {
            return Err(ContactsInError::TooManyColumns {
                line: row,
                max: MAX_COLUMNS,
            });
        }
        let cells: Vec<String> = record.iter().map(cell).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            if out.len() == MAX_RECORDS + 1 {
                return Err(ContactsInError::TooManyRecords { max: MAX_RECORDS });
            }
            out.push((row, cells));
        }
    }
    Ok(out)
}

/// How many cells of a record are column names Folio knows (a header row has several).
fn header_score(cells: &[String]) -> usize {
    cells
        .iter()
        .take(200)
        .filter(|c| column_of(c, false).is_some())
        .count()
}

/// The header among the first records: the first with the most known column names (two at
/// least); else the first record.
fn header_index(records: &[(usize, Vec<String>)]) -> (usize, usize) {
    let mut best = (0, 0);
    for (i, (_, cells)) in records.iter().take(HEADER_SEARCH).enumerate() {
        let score = header_score(cells);
        if score > best.1 {
            best = (i, score);
        }
    }
    if best.1 < 2 {
        (0, best.1)
    } else {
        best
    }
}

/// Reads CSV text (BOM already removed): the delimiter (Excel's `sep=;` first line honoured),
/// the header row and the non-blank records after it.
pub fn csv(text: &str) -> Result<CsvTable, ContactsInError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_lines(text)?;
    let first = text.lines().next().unwrap_or("");
    let (explicit, body, skipped) = match first.trim().strip_prefix("sep=") {
        Some(sep) if sep.len() == 1 && sep.is_ascii() => {
            let rest = text.split_once('\n').map(|(_, r)| r).unwrap_or("");
            (sep.chars().next(), rest, 1)
        }
        _ => (None, text, 0),
    };
    let delimiter = match explicit {
        Some(d) => d,
        None => {
            // The delimiter under which the top of the file has the best header row.
            let mut best: Option<(char, usize)> = None;
            for d in [',', ';', '\t'] {
                let top = records(body, d, skipped, HEADER_SEARCH).unwrap_or_default();
                let score = header_index(&top).1;
                if score >= 2 && best.is_none_or(|(_, s)| score > s) {
                    best = Some((d, score));
                }
            }
            match best {
                Some((d, _)) => d,
                None => detect_delimiter(body.lines().find(|l| !l.trim().is_empty()).unwrap_or("")),
            }
        }
    };
    let mut all = records(body, delimiter, skipped, MAX_RECORDS + 2)?;
    if all.len() > MAX_RECORDS + 1 {
        return Err(ContactsInError::TooManyRecords { max: MAX_RECORDS });
    }
    let (header_at, _) = header_index(&all);
    let rest = all.split_off((header_at + 1).min(all.len()));
    let (header_row, headers) = all.pop().unwrap_or((1, Vec::new()));
    Ok(CsvTable {
        delimiter,
        header_row,
        headers,
        records: rest,
    })
}

impl CsvTable {
    /// What each column's name says (None: Folio does not know it).
    fn columns(&self) -> Vec<Option<Column>> {
        let keys: Vec<String> = self.headers.iter().map(|h| header_key(h)).collect();
        let birth_parts = keys.iter().any(|k| k == "birthyear" || k == "birthmonth");
        let mut seen_titre = false;
        keys.iter()
            .zip(&self.headers)
            .map(|(key, header)| {
                // French Outlook: the first "Titre" is Mr/Ms, the second the job title.
                if key == "titre" {
                    let role = seen_titre;
                    seen_titre = true;
                    return role.then_some(Column {
                        field: Field::Role,
                        label: "",
                        group: "",
                        part: Part::Whole,
                    });
                }
                column_of(header, birth_parts)
            })
            .collect()
    }

    /// The mapping Folio proposes: each column by its name, unknown ones not imported.
    pub fn guess_mapping(&self) -> Mapping {
        Mapping(
            self.columns()
                .into_iter()
                .map(|c| c.map(|c| c.field))
                .collect(),
        )
    }

    /// Columns not imported under `mapping` that hold data: (column, header, how many rows).
    pub fn unmapped_with_data(&self, mapping: &Mapping) -> Vec<(usize, String, usize)> {
        self.headers
            .iter()
            .enumerate()
            .filter(|(i, _)| mapping.0.get(*i).copied().flatten().is_none())
            .filter_map(|(i, h)| {
                let n = self
                    .records
                    .iter()
                    .filter(|(_, cells)| cells.get(i).is_some_and(|c| !c.is_empty()))
                    .count();
                (n > 0).then(|| (i, h.clone(), n))
            })
            .collect()
    }

    /// Whether dates with slashes are month first (a US English header), not day first.
    fn month_first(&self) -> bool {
        self.headers.iter().any(|h| {
            matches!(
                header_key(h).as_str(),
                "firstname" | "businessstreet" | "emailaddress"
            )
        })
    }

    /// Every record as an import row under `mapping`.
    pub fn rows(&self, mapping: &Mapping) -> Vec<ImportRow> {
        let keys: Vec<String> = self.headers.iter().map(|h| header_key(h)).collect();
        let named = self.columns();
        // Each column: what it feeds under the mapping, with its name's label, address group
        // and part when the mapping keeps the field its name says.
        let plan: Vec<Option<(Column, Option<usize>)>> = (0..self.headers.len())
            .map(|i| {
                let field = mapping.0.get(i).copied().flatten()?;
                let from_name = named.get(i).copied().flatten().filter(|c| c.field == field);
                let column = from_name.unwrap_or(Column {
                    field,
                    label: "",
                    group: "",
                    part: Part::Whole,
                });
                Some((column, label_column(&keys, i)))
            })
            .collect();
        let month_first = self.month_first();
        self.records
            .iter()
            .map(|(number, cells)| {
                let mut c = Collected {
                    month_first,
                    ..Collected::default()
                };
                let mut parts = Parts::default();
                for (i, value) in cells.iter().enumerate() {
                    let Some(Some((column, label_from))) = plan.get(i) else {
                        continue;
                    };
                    if value.is_empty() {
                        continue;
                    }
                    let label = label_from
                        .and_then(|l| cells.get(l))
                        .map(String::as_str)
                        .unwrap_or(column.label);
                    match (column.field, column.part) {
                        (Field::Address, Part::Whole) if column.group.is_empty() => {
                            c.add(Field::Address, value, label)
                        }
                        (Field::Address, part) => {
                            let group = if column.group.is_empty() {
                                format!("#{i}")
                            } else {
                                column.group.to_string()
                            };
                            parts.address(&group, label, part, value);
                        }
                        (Field::Birthday, part @ (Part::Year | Part::Month | Part::Day)) => {
                            parts.birthday(part, value)
                        }
                        (field, _) => c.add(field, value, label),
                    }
                }
                parts.into(&mut c);
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
        match read(bytes).unwrap().source {
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
            Jana Dvořáková,Jana,,Dvořáková,,Volá ráno,* myContacts ::: Klienti ::: * starred,* Work,jana@dvorak.cz,* Home,jana.d@seznam.cz,Mobile,+420 601 234 567 ::: +420 777 000 111,,Dvořák s.r.o.,jednatelka,Work,\"Na Příkopě 12\n110 00 Praha 1\"\r\n";
        let t = table(file.as_bytes());
        assert_eq!(t.delimiter, ',');
        assert_eq!(t.header_row, 1);
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
        let flagged: Vec<String> = t
            .unmapped_with_data(&mapping)
            .into_iter()
            .map(|(_, h, _)| h)
            .collect();
        assert!(
            !flagged.contains(&"Additional Name".to_string()),
            "an empty column is not flagged"
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
        assert_eq!(
            r.draft.tags, "Klienti",
            "Google's system groups are no tags"
        );
        assert_eq!(r.draft.addresses, "work: Na Příkopě 12\n110 00 Praha 1");
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
        assert_eq!(z.organisation, "Šťastný a syn, s.r.o.");
        assert_eq!(z.draft.ico, "27082440");
        assert_eq!(z.draft.vat_id, "CZ27082440");
        assert_eq!(z.draft.notes, "Pozor; jen ráno");
        assert_eq!(z.draft.tags, "klient, Brno");
        // A bad e-mail is dropped, and Petr comes in without it.
        assert_eq!(rows[1].problems, vec![]);
        assert_eq!(rows[1].draft.emails, "");
        assert_eq!(
            rows[1].dropped,
            vec![Dropped {
                field: fields::EMAIL,
                value: "petr@".into(),
                why: DropReason::Invalid(FieldError::Email(EmailError::EmptyDomain)),
            }]
        );
        assert_eq!(rows[2].draft.phones, "777 123 456");
    }

    #[test]
    fn outlook_csv_keeps_every_address_with_its_label() {
        let file = "First Name,Middle Name,Last Name,Title,Company,Job Title,Business Street,Business City,Business Postal Code,Business Country/Region,Home Street,Home City,Business Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail 2 Address,Birthday,Categories\r\n\
            Tomáš,,Marek,Ing.,Marek Consulting,Konzultant,Dlouhá 5,Praha,110 00,Česká republika,Krátká 1,Brno,+420 222 333 444,BusinessPhone,tomas@marek.cz,SMTP,t.marek@gmail.com,4/12/1985,VIP;Partneři\r\n";
        let t = table(file.as_bytes());
        let r = &t.rows(&t.guess_mapping())[0];
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.name(), "Tomáš Marek");
        assert_eq!(r.draft.role, "Konzultant");
        assert_eq!(r.draft.emails, "tomas@marek.cz\nt.marek@gmail.com");
        assert_eq!(r.draft.phones, "work: +420 222 333 444");
        assert_eq!(
            r.dropped.len(),
            1,
            "a word in a phone column is dropped: {:?}",
            r.dropped
        );
        assert_eq!(r.dropped[0].value, "BusinessPhone");
        assert_eq!(
            r.draft.addresses,
            "work: Dlouhá 5\n110 00 Praha\nČeská republika\n\nhome: Krátká 1\nBrno"
        );
        assert_eq!(
            r.draft.birthday, "1985-04-12",
            "US English dates are month first"
        );
        assert_eq!(r.draft.tags, "VIP, Partneři");
    }

    #[test]
    fn linkedin_preamble_is_passed_and_the_header_row_said() {
        let file = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nJana,Horáková,https://www.linkedin.com/in/x,,Firma s.r.o.,Head of Sales,12 Mar 2024\n";
        let t = table(file.as_bytes());
        assert_eq!(t.header_row, 4);
        assert_eq!(t.delimiter, ',');
        let rows = t.rows(&t.guess_mapping());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].number, 5);
        assert_eq!(rows[0].name(), "Jana Horáková");
        assert_eq!(rows[0].organisation, "Firma s.r.o.");
        assert_eq!(rows[0].draft.role, "Head of Sales");
    }

    #[test]
    fn a_row_with_only_a_company_is_an_organisation() {
        let rows = csv_rows(b"First Name,Last Name,Display Name,Work Phone,Organization\n,,Acer America,(800) 000-0000,Acer America\n,,,,\n");
        assert_eq!(rows.len(), 1);
        assert!(rows[0].is_organisation());
        assert_eq!(rows[0].name(), "Acer America");
    }

    #[test]
    fn a_person_without_a_name_is_named_from_their_email() {
        let rows = csv_rows(b"First Name,Last Name,E-mail Address\n,,info@pekarna.cz\n,,\n");
        assert_eq!(rows[0].name(), "info@pekarna.cz");
        assert_eq!(rows[0].named_from, Some(Naming::Email));
        assert_eq!(rows[0].problems, vec![]);
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
        // Unquoted "Dvořák, Jan" is two cells: everything shifts one column to the right, and
        // what no longer fits is dropped and said.
        assert_eq!(rows[1].draft.given_name, "Dvořák");
        let dropped: Vec<&str> = rows[1].dropped.iter().map(|d| d.field).collect();
        assert_eq!(dropped, vec![fields::EMAIL, fields::PHONE]);
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
    fn empty_header_only_binary_json_and_windows_1250_files() {
        assert_eq!(read(b"").map(|_| ()), Err(ContactsInError::Empty));
        assert_eq!(
            read(b"\xef\xbb\xbf \r\n").map(|_| ()),
            Err(ContactsInError::Empty)
        );
        let header_only = table(b"\xef\xbb\xbfFirst Name;Last Name;E-mail\r\n");
        assert_eq!(header_only.delimiter, ';');
        assert!(header_only.rows(&header_only.guess_mapping()).is_empty());
        assert_eq!(
            read(b"PK\x03\x04\0\0").map(|_| ()),
            Err(ContactsInError::NotText)
        );
        assert_eq!(
            read(b"{\"format\": \"folio-export\"}").map(|_| ()),
            Err(ContactsInError::NotContacts)
        );
        // Czech Excel's "CSV (oddělený středníkem)" is windows-1250: read, and said so.
        let cp1250 = read(b"Jm\xe9no;P\xf8\xedjmen\xed\r\nJan;Nov\xe1k\r\n").unwrap();
        assert_eq!(cp1250.charset.encoding, encoding_rs::WINDOWS_1250);
        assert_eq!(cp1250.charset.how, CharsetHow::Assumed);
        let Source::Csv(t) = cp1250.source else {
            panic!("CSV")
        };
        assert_eq!(t.rows(&t.guess_mapping())[0].name(), "Jan Novák");
        assert_eq!(
            read(b"just one line of text").map(|_| ()),
            Err(ContactsInError::NotContacts)
        );
    }

    #[test]
    fn caps_say_which_was_hit() {
        let long = format!("Jméno;E-mail\nJan;{}\n", "x".repeat(MAX_LINE_CHARS + 1));
        assert_eq!(
            read(long.as_bytes()).map(|_| ()),
            Err(ContactsInError::LineTooLong {
                line: 2,
                max: MAX_LINE_CHARS
            })
        );
        let wide = format!("Jméno;E-mail\nJan{}\n", ";".repeat(MAX_COLUMNS + 1));
        assert_eq!(
            read(wide.as_bytes()).map(|_| ()),
            Err(ContactsInError::TooManyColumns {
                line: 2,
                max: MAX_COLUMNS
            })
        );
        let tall = format!("Jméno;E-mail\n{}", "a;b\n".repeat(MAX_RECORDS + 1));
        assert_eq!(
            read(tall.as_bytes()).map(|_| ()),
            Err(ContactsInError::TooManyRecords { max: MAX_RECORDS })
        );
    }

    #[test]
    fn utf16_with_and_without_a_byte_order_mark_is_read() {
        let text = "Jméno\tPříjmení\tE-mail\r\nŽofie\tČermáková\tzofie@cermakova.cz\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [&[0xff, 0xfe][..], &le].concat(),
            [&[0xfe, 0xff][..], &be].concat(),
            le,
            be,
        ] {
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
        assert_eq!(t.header_row, 2);
        assert_eq!(t.rows(&t.guess_mapping())[0].name(), "Jan Novák");
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
        let t = table("Jméno;Příjmení;Svátek;E-mail\nJan;Novák;1. 5.;jan@novak.cz\n".as_bytes());
        let mut mapping = t.guess_mapping();
        assert_eq!(mapping.0[2], None);
        assert_eq!(
            t.unmapped_with_data(&mapping),
            vec![(2, "Svátek".to_string(), 1)]
        );
        mapping.0[2] = Some(Field::Notes);
        mapping.0[3] = None;
        let r = &t.rows(&mapping)[0];
        assert_eq!(r.draft.notes, "1. 5.");
        assert_eq!(r.draft.emails, "");
        let t2 = table("Jméno;E-mail;E-mail 2\nJan;jan@novak.cz;jn@firma.cz\n".as_bytes());
        assert_eq!(
            t2.rows(&t2.guess_mapping())[0].draft.emails,
            "jan@novak.cz\njn@firma.cz"
        );
    }
}
