//! Contacts from other programs: CSV (any character set real programs write, comma, semicolon
//! or tab separated, the header found past preambles, the column names of Google, Outlook in
//! six languages, Thunderbird, Apple, LinkedIn and Czech spreadsheets) and vCard 2.1/3.0/4.0
//! (folded lines, groups, quoted-printable, every declared CHARSET), read into import rows: a
//! contact draft or an organisation, with every value that had to be dropped and why. Capped
//! and linear: any bytes end in rows or in an error, never a panic.
//! Pure: imports `domain` only; must not import `app`, `store`, `vault`, `ui` or browser types,
//! save one: in the browser, `charset` decodes with the browser's `TextDecoder` (see there).

mod charset;
mod columns;
mod csv;
mod row;
mod vcard;

#[cfg(test)]
mod corpus;
#[cfg(test)]
mod proptests;

pub use charset::{decode, decode_strict, encoding_for, CHOICES};
pub use columns::field_of;
pub use csv::{csv, detect_delimiter};
pub use encoding_rs::Encoding;
pub use row::split_full_name;
pub use vcard::vcard;

use crate::domain::contact::ContactDraft;
use crate::domain::organisation::OrganisationDraft;
use crate::domain::{FieldError, FieldErrors};

/// Files larger than this are refused before reading (a contacts file is far smaller).
pub const MAX_BYTES: usize = 20_000_000;
/// The longest line read. Long enough for a photo a phone wrote unfolded on one line.
pub const MAX_LINE_CHARS: usize = 1_000_000;
/// The most columns a CSV row may have (Outlook writes 92, Google about 100 at most).
pub const MAX_COLUMNS: usize = 1_000;
/// The most properties one vCard may have.
pub const MAX_PROPERTIES: usize = 5_000;
/// The most rows or cards a file may have (ten times a large vault).
pub const MAX_RECORDS: usize = 100_000;

/// Why a file could not be read as contacts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContactsInError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than {0} bytes")]
    TooLarge(usize),
    #[error("this is not a text file (CSV or vCard)")]
    NotText,
    #[error("this is neither a CSV table of contacts nor a vCard file")]
    NotContacts,
    #[error("the CSV could not be read at line {line}: {why}")]
    Csv { line: u64, why: String },
    #[error("line {line} is longer than {max} characters")]
    LineTooLong { line: usize, max: usize },
    #[error("row {line} has more than {max} columns")]
    TooManyColumns { line: usize, max: usize },
    #[error("card {card} has more than {max} lines")]
    TooManyProperties { card: usize, max: usize },
    #[error("the file holds more than {max} contacts")]
    TooManyRecords { max: usize },
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
    Birthday,
    Tags,
    Preferences,
    Notes,
}

impl Field {
    /// Every field, in the order a mapping menu lists them.
    pub const ALL: [Field; 14] = [
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
        Field::Birthday,
        Field::Tags,
        Field::Preferences,
        Field::Notes,
    ];
}

/// Which field each CSV column feeds (None: not imported), by column index. The preview edits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping(pub Vec<Option<Field>>);

/// Why a value was left out of what is imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DropReason {
    /// The domain's rules refuse it (not an e-mail address, not a phone number…).
    Invalid(FieldError),
    /// A spreadsheet turned a phone number into a rounded number ("4,20777E+11").
    SpreadsheetNumber,
    /// An Exchange (X.500) mailbox name, not an e-mail address.
    ExchangeAddress,
}

/// A value of a row or card that is not imported, with its field (a `contact::fields` name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub field: &'static str,
    pub value: String,
    pub why: DropReason,
}

/// How a person without a name was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// From their (first) e-mail address.
    Email,
}

/// What a row or card becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A person: `draft` (with `organisation` matched or created).
    Person,
    /// A company card or a row with only a company: an organisation and no person. Values an
    /// organisation has no field for (phones, e-mails) are written into its notes.
    Organisation(OrganisationDraft),
}

/// One contact (or organisation) as it will be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// 1-based: the spreadsheet row or the card's number in the file.
    pub number: usize,
    pub kind: RowKind,
    /// The contact; its organisation is named in `organisation` (matched or created on import).
    pub draft: ContactDraft,
    pub organisation: String,
    /// What still stops the row (nothing: it can be imported). Bad values are dropped instead,
    /// so this holds only what no dropping can mend (no name at all).
    pub problems: FieldErrors,
    /// The values left out, and why.
    pub dropped: Vec<Dropped>,
    /// Set when the person had no name and was named another way.
    pub named_from: Option<Naming>,
}

impl ImportRow {
    /// The name shown in a preview: "Given Family", or the organisation's name.
    pub fn name(&self) -> String {
        if let RowKind::Organisation(o) = &self.kind {
            return o.name.clone();
        }
        match (self.draft.given_name.trim(), self.draft.family_name.trim()) {
            ("", f) => f.to_string(),
            (g, "") => g.to_string(),
            (g, f) => format!("{g} {f}"),
        }
    }

    pub fn is_organisation(&self) -> bool {
        matches!(self.kind, RowKind::Organisation(_))
    }
}

/// A CSV file as read: its header, its records (with their row numbers) and its delimiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub delimiter: char,
    /// The spreadsheet row the header was found on (1 unless a preamble comes first).
    pub header_row: usize,
    pub headers: Vec<String>,
    /// (row number, cells); blank records are left out.
    pub records: Vec<(usize, Vec<String>)>,
}

/// A vCard file as read: its cards as import rows, and the properties Folio has no place for
/// (name, how many cards hold one), most frequent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VcardFile {
    pub rows: Vec<ImportRow>,
    pub unplaced: Vec<(String, usize)>,
}

/// What a file turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Csv(CsvTable),
    Vcard(VcardFile),
}

/// How the character set was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetHow {
    /// A byte-order mark said so.
    ByteOrderMark,
    /// UTF-16 recognised by its pattern of zero bytes.
    Detected,
    /// Valid UTF-8 (or plain ASCII), or every value declared its own (vCard).
    Valid,
    /// 8-bit text without a declaration: the likeliest code page was assumed.
    Assumed,
    /// The user chose it.
    Chosen,
}

/// The character set a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charset {
    pub encoding: &'static Encoding,
    pub how: CharsetHow,
}

/// A file as read, and the character set it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    pub source: Source,
    pub charset: Charset,
}

/// Reads a file as CSV or vCard (whichever it is), its character set found out.
pub fn read(bytes: &[u8]) -> Result<Read, ContactsInError> {
    read_as(bytes, None)
}

/// Reads a file as CSV or vCard; `choice` (the preview's menu) overrides the character set
/// found out (for a vCard: of the values that declare none).
pub fn read_as(bytes: &[u8], choice: Option<&'static Encoding>) -> Result<Read, ContactsInError> {
    if bytes.len() > MAX_BYTES {
        return Err(ContactsInError::TooLarge(MAX_BYTES));
    }
    let utf16 = charset::utf16_of(bytes).is_some()
        || choice.is_some_and(|c| c == encoding_rs::UTF_16LE || c == encoding_rs::UTF_16BE);
    // A vCard in an ASCII-compatible set is read from its bytes: each value may declare its own.
    if !utf16 && starts_vcard(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
        let (file, charset) = vcard::vcard_bytes(bytes, choice)?;
        return Ok(Read {
            source: Source::Vcard(file),
            charset,
        });
    }
    let (text, charset) = charset::decode_file(bytes, choice)?;
    if text.trim().is_empty() {
        return Err(ContactsInError::Empty);
    }
    if starts_vcard(text.as_bytes()) {
        let (file, _) = vcard::vcard_bytes(text.as_bytes(), Some(encoding_rs::UTF_8))?;
        return Ok(Read {
            source: Source::Vcard(file),
            charset,
        });
    }
    if matches!(text.trim_start().chars().next(), Some('{' | '[' | '<')) {
        return Err(ContactsInError::NotContacts);
    }
    let table = csv(&text)?;
    if table.headers.len() < 2 && table.guess_mapping().0.iter().all(Option::is_none) {
        return Err(ContactsInError::NotContacts);
    }
    Ok(Read {
        source: Source::Csv(table),
        charset,
    })
}

/// Whether text starts (after white space) with "BEGIN:VCARD", in any letter case.
fn starts_vcard(bytes: &[u8]) -> bool {
    let head = bytes.trim_ascii_start();
    head.get(..11)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"BEGIN:VCARD"))
}

#[cfg(test)]
pub(super) mod tests {
    use super::csv::tests::csv_rows;
    use super::vcard::tests::cards;
    use crate::domain::contact::{Contact, Labelled};
    use chrono::NaiveDate;

    fn sample() -> Contact {
        Contact {
            given_name: "Jana".into(),
            family_name: "Dvořáková".into(),
            emails: vec![
                Labelled {
                    label: "práce".into(),
                    value: "jana@dvorakova.cz".into(),
                },
                Labelled {
                    label: String::new(),
                    value: "jana.d@seznam.cz".into(),
                },
            ],
            phones: vec![
                Labelled {
                    label: "mobile".into(),
                    value: "+420 601 234 567".into(),
                },
                Labelled {
                    label: "asistentka".into(),
                    value: "+420 777 000 111".into(),
                },
            ],
            role: "jednatelka; účetní".into(),
            ico: Some("27082440".into()),
            vat_id: Some("CZ27082440".into()),
            addresses: vec![
                Labelled {
                    label: "work".into(),
                    value: "Na Příkopě 12\n110 00 Praha 1".into(),
                },
                Labelled {
                    label: "chalupa".into(),
                    value: "Lhota 5, 543 71 Hostinné".into(),
                },
            ],
            birthday: NaiveDate::from_ymd_opt(1985, 4, 12),
            tags: vec!["klient".into(), "Praha".into()],
            preferences: vec![
                ("prefers".into(), "phone".into()),
                ("newsletter".into(), "no".into()),
            ],
            notes: "Volat po 14:00.\nPreferuje e-mail, ne SMS.".into(),
            ..Contact::default()
        }
    }

    #[test]
    fn folio_csv_reads_back_as_it_was_written() {
        let c = sample();
        let mut other = sample();
        other.given_name = "Petr".into();
        other.birthday = NaiveDate::from_ymd_opt(crate::domain::birthday::NO_YEAR, 2, 29);
        other.phones = vec![Labelled {
            label: String::new(),
            value: "+420 777 000 111".into(),
        }];
        let file = super::super::contacts_out::csv([
            (&c, "Dvořák & syn, s.r.o.", "Newsletter"),
            (&other, "=HYPERLINK(\"x\")", ""),
        ]);
        let rows = csv_rows(file.as_bytes());
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].organisation, "Dvořák & syn, s.r.o.");
        assert_eq!(rows[1].organisation, "=HYPERLINK(\"x\")");
        for (row, want) in rows.iter().zip([&c, &other]) {
            assert_eq!(row.dropped, vec![]);
            assert_eq!(&row.draft.validate().unwrap(), want);
        }
    }

    #[test]
    fn folio_vcard_reads_back_as_it_was_written() {
        let c = sample();
        let mut other = sample();
        other.given_name = "Petr".into();
        other.notes = "Dlouhá poznámka s diakritikou, čárkou; středníkem. ".repeat(4);
        other.ico = None;
        other.birthday = NaiveDate::from_ymd_opt(crate::domain::birthday::NO_YEAR, 6, 15);
        let at = chrono::DateTime::UNIX_EPOCH;
        let file = super::super::contacts_out::vcard("a", &c, "Dvořák, s.r.o.", "all purposes", at)
            + &super::super::contacts_out::vcard("b", &other, "", "", at);
        let rows = cards(&file);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].organisation, "Dvořák, s.r.o.");
        assert_eq!(rows[0].dropped, vec![]);
        assert_eq!(rows[0].draft.validate().unwrap(), c);
        assert_eq!(rows[1].number, 2);
        let mut expected = other.clone();
        expected.notes = other.notes.trim().to_string();
        assert_eq!(rows[1].draft.validate().unwrap(), expected);
        assert_eq!(rows[1].organisation, "");
    }
}
