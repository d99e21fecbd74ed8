//! Contacts from other programs: CSV (UTF-8 with or without a BOM, comma, semicolon or tab
//! separated, Folio's own, Google Contacts, Outlook and Czech spreadsheet column names) and
//! vCard 2.1/3.0/4.0 (folded lines, groups, quoted-printable, windows-1250/ISO-8859-2), read
//! into import rows: a contact draft, its organisation's name and the domain's own problems.
//! Pure: imports `domain` only; must not import `app`, `store`, `vault`, `ui` or browser types.

mod charset;
mod csv;
mod row;
mod vcard;

pub use csv::{csv, detect_delimiter, field_of};
pub use row::split_full_name;
pub use vcard::vcard;

use crate::domain::contact::ContactDraft;
use crate::domain::FieldErrors;
use charset::utf16;

/// Files larger than this are refused before reading (a contacts file is far smaller).
pub const MAX_BYTES: usize = 20_000_000;

/// Why a file could not be read as contacts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactsInError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("this is not a text file (CSV or vCard)")]
    NotText,
    #[error("the file is not UTF-8 text (at line {0}); save it as \"CSV UTF-8\" and try again")]
    NotUtf8(usize),
    #[error("this is neither a CSV table of contacts nor a vCard file")]
    NotContacts,
    #[error("the CSV could not be read at line {line}: {why}")]
    Csv { line: u64, why: String },
}

/// A contact field a column (or vCard property) can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    GivenName,
    FamilyName,
    /// "Jana Dvořáková": split into given and family names when those are empty.
    FullName,
    Email,
    Phone,
    Organisation,
    Role,
    Ico,
    VatId,
    Address,
    Tags,
    Notes,
}

impl Field {
    /// Every field, in the order a mapping menu lists them.
    pub const ALL: [Field; 12] = [
        Field::GivenName,
        Field::FamilyName,
        Field::FullName,
        Field::Email,
        Field::Phone,
        Field::Organisation,
        Field::Role,
        Field::Ico,
        Field::VatId,
        Field::Address,
        Field::Tags,
        Field::Notes,
    ];
}

/// Which field each CSV column feeds (None: not imported), by column index. The preview edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping(pub Vec<Option<Field>>);

/// One contact as it will be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based: the spreadsheet row (the header is row 1) or the card's number in the file.
    pub number: usize,
    /// The contact; its organisation is named in `organisation` (matched or created on import).
    pub draft: ContactDraft,
    pub organisation: String,
    /// What the domain's validation says is wrong (nothing: the row can be imported).
    pub problems: FieldErrors,
}

impl ImportRow {
    /// The name shown in a preview: "Given Family".
    pub fn name(&self) -> String {
        match (self.draft.given_name.trim(), self.draft.family_name.trim()) {
            ("", f) => f.to_string(),
            (g, "") => g.to_string(),
            (g, f) => format!("{g} {f}"),
        }
    }
}

/// A CSV file as read: its header, its records (with their row numbers) and its delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub delimiter: char,
    pub headers: Vec<String>,
    /// (row number, cells); blank records are left out.
    pub records: Vec<(usize, Vec<String>)>,
}

/// What a file turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Csv(CsvTable),
    /// The cards, each already an import row.
    Vcard(Vec<ImportRow>),
}

/// Reads a file as CSV or vCard (whichever it is).
pub fn read(bytes: &[u8]) -> Result<Source, ContactsInError> {
    if bytes.len() > MAX_BYTES {
        return Err(ContactsInError::TooLarge(MAX_BYTES));
    }
    // Excel's "Unicode text" and some phones write UTF-16 with a byte-order mark.
    let utf16 = match bytes {
        [0xff, 0xfe, rest @ ..] => Some(utf16(rest, u16::from_le_bytes)?),
        [0xfe, 0xff, rest @ ..] => Some(utf16(rest, u16::from_be_bytes)?),
        _ => None,
    };
    let bytes = utf16.as_ref().map(|t| t.as_bytes()).unwrap_or(bytes);
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ContactsInError::Empty);
    }
    if bytes.contains(&0) {
        return Err(ContactsInError::NotText);
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let head = &bytes[start..];
    if head.len() >= 11 && head[..11].eq_ignore_ascii_case(b"BEGIN:VCARD") {
        return vcard(bytes).map(Source::Vcard);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        ContactsInError::NotUtf8(line + 1)
    })?;
    if matches!(text.trim_start().chars().next(), Some('{' | '[' | '<')) {
        return Err(ContactsInError::NotContacts);
    }
    let table = csv(text)?;
    if table.headers.len() < 2 && table.guess_mapping().0.iter().all(Option::is_none) {
        return Err(ContactsInError::NotContacts);
    }
    Ok(Source::Csv(table))
}

#[cfg(test)]
pub(super) mod tests {
    use super::csv::tests::csv_rows;
    use super::vcard::tests::cards;
    use crate::domain::contact::{Contact, Labelled};

    fn sample() -> Contact {
        Contact {
            given_name: "Jana".into(),
            family_name: "Dvořáková".into(),
            emails: vec![
                Labelled {
                    label: "work".into(),
                    value: "jana@dvorakova.cz".into(),
                },
                Labelled {
                    label: String::new(),
                    value: "jana.d@seznam.cz".into(),
                },
            ],
            phones: vec![Labelled {
                label: "mobile".into(),
                value: "+420 601 234 567".into(),
            }],
            role: "jednatelka; účetní".into(),
            ico: Some("27082440".into()),
            address: "Na Příkopě 12, 110 00 Praha 1".into(),
            tags: vec!["klient".into(), "Praha".into()],
            notes: "Volat po 14:00.\nPreferuje e-mail, ne SMS.".into(),
            ..Contact::default()
        }
    }

    #[test]
    fn folio_csv_reads_back_as_it_was_written() {
        let c = sample();
        let file = super::super::contacts_out::csv([(&c, "Dvořák & syn, s.r.o.")]);
        let rows = csv_rows(file.as_bytes());
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].organisation, "Dvořák & syn, s.r.o.");
        let back = rows[0].draft.validate().unwrap();
        // CSV keeps no labels; everything else comes back.
        let mut expected = c.clone();
        for l in expected.emails.iter_mut().chain(expected.phones.iter_mut()) {
            l.label.clear();
        }
        assert_eq!(back, expected);
    }

    #[test]
    fn folio_vcard_reads_back_as_it_was_written() {
        let c = sample();
        let mut other = sample();
        other.given_name = "Petr".into();
        other.notes = "Dlouhá poznámka s diakritikou, čárkou; středníkem. ".repeat(4);
        other.ico = None;
        let at = chrono::DateTime::UNIX_EPOCH;
        let file = super::super::contacts_out::vcard("a", &c, "Dvořák, s.r.o.", at)
            + &super::super::contacts_out::vcard("b", &other, "", at);
        let rows = cards(&file);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].organisation, "Dvořák, s.r.o.");
        let mut expected = c.clone();
        expected.ico = None; // vCard has no IČO property
        expected.phones[0].value = "+420601234567".into(); // a tel: URI keeps no spaces
        assert_eq!(rows[0].draft.validate().unwrap(), expected);
        assert_eq!(rows[1].number, 2);
        assert_eq!(rows[1].draft.notes, other.notes.trim());
        assert_eq!(rows[1].organisation, "");
    }
}
