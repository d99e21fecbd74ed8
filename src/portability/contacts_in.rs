//! Contacts from other programs: CSV (UTF-8 with or without a BOM, comma, semicolon or tab
//! separated, Folio's own, Google Contacts, Outlook and Czech spreadsheet column names) and
//! vCard 2.1/3.0/4.0 (folded lines, groups, quoted-printable, windows-1250/ISO-8859-2), read
//! into import rows: a contact draft, its organisation's name and the domain's own problems.
//! Pure: imports `domain` only; must not import `app`, `store`, `vault`, `ui` or browser types.

use crate::domain::contact::ContactDraft;
use crate::domain::search::fold;
use crate::domain::FieldErrors;

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

/// UTF-16 text (after its byte-order mark) as UTF-8.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ContactsInError> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16(&units).map_err(|_| ContactsInError::NotText)
}

// ---------------------------------------------------------------------------------------------
// CSV

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
fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The label a column gives its e-mails or phones by its name ("Mobile Phone" → "mobile").
fn column_label(key: &str) -> &'static str {
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
fn numbered<'a>(key: &'a str, prefix: &'static str) -> Option<(&'a str, &'a str)> {
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
fn label_column(headers: &[String], column: usize) -> Option<usize> {
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

/// Splits a cell holding several values (" | " as Folio writes, " ::: " as Google writes, or
/// line breaks; for e-mails also `;` and `,`).
fn several(cell: &str, also: &[char]) -> Vec<String> {
    cell.split(":::")
        .flat_map(|p| p.split(|c: char| c == '|' || c == '\n' || also.contains(&c)))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// A label the contact form accepts ("label: value"): letters, spaces and hyphens, lower case.
fn clean_label(label: &str) -> String {
    let kept: String = label
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ' || *c == '-')
        .collect();
    let kept = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = kept.to_lowercase();
    match lower.as_str() {
        "cell" | "mobile" | "iphone" | "mobil" => "mobile".into(),
        "business" | "work" | "pracovni" => "work".into(),
        "internet" | "voice" | "pref" | "other" | "x-internet" => String::new(),
        _ => lower,
    }
}

/// What one row or card says, field by field, before it becomes a draft.
#[derive(Debug, Default)]
struct Collected {
    given: String,
    family: String,
    full: String,
    emails: Vec<(String, String)>,
    phones: Vec<(String, String)>,
    organisation: String,
    role: String,
    ico: String,
    vat_id: String,
    address: Vec<String>,
    tags: Vec<String>,
    notes: Vec<String>,
}

fn first(slot: &mut String, value: &str) {
    if slot.is_empty() {
        *slot = value.trim().to_string();
    }
}

impl Collected {
    fn add(&mut self, field: Field, value: &str, label: &str) {
        let value = value.trim();
        match field {
            Field::GivenName => first(&mut self.given, value),
            Field::FamilyName => first(&mut self.family, value),
            Field::FullName => first(&mut self.full, value),
            Field::Email => {
                for e in several(value, &[';', ',']) {
                    self.email(label, &e);
                }
            }
            Field::Phone => {
                for p in several(value, &[';']) {
                    self.phone(label, &p);
                }
            }
            Field::Organisation => first(&mut self.organisation, value),
            Field::Role => first(&mut self.role, value),
            Field::Ico => first(&mut self.ico, value),
            Field::VatId => first(&mut self.vat_id, value),
            Field::Address => self.address.push(
                value
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Field::Tags => {
                for t in several(value, &[',', ';']) {
                    // Google's own groups ("* myContacts", "* starred") are not the user's tags.
                    if !t.starts_with('*') {
                        self.tags.push(t);
                    }
                }
            }
            Field::Notes => self.notes.push(value.to_string()),
        }
    }

    fn email(&mut self, label: &str, value: &str) {
        let value = value.trim();
        let value = if value.len() > 7 && value[..7].eq_ignore_ascii_case("mailto:") {
            &value[7..]
        } else {
            value
        };
        let value = value.trim();
        if !value.is_empty()
            && !self
                .emails
                .iter()
                .any(|(_, v)| v.to_lowercase() == value.to_lowercase())
        {
            self.emails.push((clean_label(label), value.to_string()));
        }
    }

    fn phone(&mut self, label: &str, value: &str) {
        let value = value.trim();
        if !value.is_empty() && !self.phones.iter().any(|(_, v)| v == value) {
            self.phones.push((clean_label(label), value.to_string()));
        }
    }

    fn into_row(self, number: usize) -> ImportRow {
        let (mut given, mut family) = (self.given, self.family);
        if given.is_empty() && family.is_empty() {
            (given, family) = split_full_name(&self.full);
        }
        let lines = |items: &[(String, String)]| {
            items
                .iter()
                .map(|(l, v)| {
                    if l.is_empty() {
                        v.clone()
                    } else {
                        format!("{l}: {v}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        let draft = ContactDraft {
            given_name: given,
            family_name: family,
            emails: lines(&self.emails),
            phones: lines(&self.phones),
            organisation_id: None,
            role: self.role,
            ico: self.ico,
            vat_id: self.vat_id,
            address: self
                .address
                .iter()
                .filter(|a| !a.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            tags: self
                .tags
                .iter()
                .map(|t| t.replace(',', " "))
                .collect::<Vec<_>>()
                .join(", "),
            preferences: String::new(),
            notes: self.notes.join("\n"),
        };
        let problems = draft.validate().err().unwrap_or_default();
        ImportRow {
            number,
            draft,
            organisation: self.organisation,
            problems,
        }
    }
}

/// "Jana Dvořáková" → ("Jana", "Dvořáková"); "Dvořáková, Jana" → the same; one word is a given
/// name; "Jan van Dijk" keeps all but the last word as the given name.
pub fn split_full_name(full: &str) -> (String, String) {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        return (given.trim().to_string(), family.trim().to_string());
    }
    match full.rsplit_once(char::is_whitespace) {
        Some((given, family)) => (given.trim().to_string(), family.trim().to_string()),
        None => (full.to_string(), String::new()),
    }
}

// ---------------------------------------------------------------------------------------------
// vCard

/// The Czech (and other Central European) letters of windows-1250, 0x80–0xFF.
const CP1250: [char; 128] = [
    '€', '\u{fffd}', '‚', '\u{fffd}', '„', '…', '†', '‡', '\u{fffd}', '‰', 'Š', '‹', 'Ś', 'Ť', 'Ž',
    'Ź', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '\u{fffd}', '™', 'š', '›', 'ś', 'ť', 'ž',
    'ź', '\u{a0}', 'ˇ', '˘', 'Ł', '¤', 'Ą', '¦', '§', '¨', '©', 'Ş', '«', '¬', '\u{ad}', '®', 'Ż',
    '°', '±', '˛', 'ł', '´', 'µ', '¶', '·', '¸', 'ą', 'ş', '»', 'Ľ', '˝', 'ľ', 'ż', 'Ŕ', 'Á', 'Â',
    'Ă', 'Ä', 'Ĺ', 'Ć', 'Ç', 'Č', 'É', 'Ę', 'Ë', 'Ě', 'Í', 'Î', 'Ď', 'Đ', 'Ń', 'Ň', 'Ó', 'Ô', 'Ő',
    'Ö', '×', 'Ř', 'Ů', 'Ú', 'Ű', 'Ü', 'Ý', 'Ţ', 'ß', 'ŕ', 'á', 'â', 'ă', 'ä', 'ĺ', 'ć', 'ç', 'č',
    'é', 'ę', 'ë', 'ě', 'í', 'î', 'ď', 'đ', 'ń', 'ň', 'ó', 'ô', 'ő', 'ö', '÷', 'ř', 'ů', 'ú', 'ű',
    'ü', 'ý', 'ţ', '˙',
];

/// ISO-8859-2 where it differs from windows-1250: 0xA0–0xBF (0xC0–0xFF are the same).
const LATIN2_A0: [char; 32] = [
    '\u{a0}', 'Ą', '˘', 'Ł', '¤', 'Ľ', 'Ś', '§', '¨', 'Š', 'Ş', 'Ť', 'Ź', '\u{ad}', 'Ž', 'Ż', '°',
    'ą', '˛', 'ł', '´', 'ľ', 'ś', 'ˇ', '¸', 'š', 'ş', 'ť', 'ź', '˝', 'ž', 'ż',
];

/// Bytes in a named character set as text; None when the set is UTF-8 and the bytes are not.
fn decode(bytes: &[u8], charset: &str) -> Option<String> {
    let charset = charset.to_ascii_lowercase().replace('_', "-");
    let single = |map: &dyn Fn(u8) -> char| bytes.iter().map(|b| map(*b)).collect::<String>();
    match charset.as_str() {
        "windows-1250" | "cp1250" | "x-cp1250" => Some(single(&|b| {
            if b < 0x80 {
                b as char
            } else {
                CP1250[(b - 0x80) as usize]
            }
        })),
        "iso-8859-2" | "iso8859-2" | "latin2" | "l2" => Some(single(&|b| match b {
            0..=0x7f => b as char,
            0x80..=0x9f => char::from(b),
            0xa0..=0xbf => LATIN2_A0[(b - 0xa0) as usize],
            _ => CP1250[(b - 0x80) as usize],
        })),
        "iso-8859-1" | "latin1" | "us-ascii" | "ascii" => Some(single(&char::from)),
        _ => String::from_utf8(bytes.to_vec()).ok(),
    }
}

/// Quoted-printable to bytes: "=C5=99" → [0xC5, 0x99]; a soft break "=" at a line end vanishes.
fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'=' {
            match (text.get(i + 1), text.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => i += 3,
                (Some(b'\n'), _) => i += 2,
                (None, _) => i += 1,
                (Some(&a), Some(&b)) if hex(a).is_some() && hex(b).is_some() => {
                    out.push(hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0));
                    i += 3;
                }
                _ => {
                    out.push(b'=');
                    i += 1;
                }
            }
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

/// Whether a content line's name-and-parameters part asks for quoted-printable.
fn is_quoted_printable(line: &[u8]) -> bool {
    let head = &line[..position_of_colon(line).unwrap_or(line.len())];
    String::from_utf8_lossy(head)
        .to_ascii_uppercase()
        .contains("QUOTED-PRINTABLE")
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

/// Logical lines with their first physical line's number: a line starting with a space or tab
/// continues the one before (RFC 6350 folding), and so does any line after a quoted-printable
/// line ending in a soft break "=".
fn unfold(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
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
struct Property {
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
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Parses a logical line; Err(line) when its value is not UTF-8 and no charset says otherwise.
fn property(number: usize, line: &[u8]) -> Result<Option<Property>, ContactsInError> {
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
fn components(value: &str, sep: char) -> Vec<String> {
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

fn text(value: &str) -> String {
    components(value, '\u{0}').concat().trim().to_string()
}

/// The label of a TEL or EMAIL by its TYPE parameters ("cell" → "mobile").
fn type_label(types: &[String]) -> &str {
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

fn card_row(number: usize, props: &[Property]) -> ImportRow {
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
mod tests {
    use super::*;
    use crate::domain::contact::{fields, Contact, Labelled};
    use crate::domain::{EmailError, FieldError};

    fn table(bytes: &[u8]) -> CsvTable {
        match read(bytes).unwrap() {
            Source::Csv(t) => t,
            Source::Vcard(_) => panic!("read as vCard"),
        }
    }

    fn csv_rows(bytes: &[u8]) -> Vec<ImportRow> {
        let t = table(bytes);
        t.rows(&t.guess_mapping())
    }

    fn cards(text: &str) -> Vec<ImportRow> {
        match read(text.as_bytes()).unwrap() {
            Source::Vcard(rows) => rows,
            Source::Csv(_) => panic!("read as CSV"),
        }
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

    #[test]
    fn quoted_printable_and_code_pages_decode() {
        assert_eq!(
            quoted_printable(b"a=3Db=\r\nc=C5=99"),
            b"a=bc\xc5\x99".to_vec()
        );
        assert_eq!(
            decode(
                b"\x8a\x9d\x8e\xe8\xf8\xf9\xec\xe1\xed\xe9\xfd\xfa\xf2\xef",
                "windows-1250"
            )
            .unwrap(),
            "ŠťŽčřůěáíéýúňď"
        );
        assert_eq!(
            decode(b"\xa9\xbb\xae\xb9\xb5\xe8", "ISO-8859-2").unwrap(),
            "ŠťŽšľč"
        );
        assert_eq!(decode(b"\xe8", "UTF-8"), None);
    }

    #[test]
    fn full_names_split_sensibly() {
        let s = |t: &str| split_full_name(t);
        assert_eq!(s("Jana Dvořáková"), ("Jana".into(), "Dvořáková".into()));
        assert_eq!(s("Dvořáková, Jana"), ("Jana".into(), "Dvořáková".into()));
        assert_eq!(s("Jan van Dijk"), ("Jan van".into(), "Dijk".into()));
        assert_eq!(s("Madonna"), ("Madonna".into(), String::new()));
    }
}
