//! CSV column names, program by program: which contact field a column feeds, the label it
//! gives its values ("work", "mobile"…), and for an address or a birthday split over several
//! columns, which address and which part. One table; a test per program checks its headers.

use super::Field;
use crate::domain::search::fold;

/// A part of a value that several columns spell out together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The whole value in one column.
    Whole,
    Street,
    /// Extended address, second street line, PO box: more lines after the street.
    MoreStreet,
    City,
    Region,
    Postcode,
    Country,
    Year,
    Month,
    Day,
}

/// What a column name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub field: Field,
    /// The label its e-mails, phones or address get ("" for none).
    pub label: &'static str,
    /// Which address its part belongs to (columns of one address share it).
    pub group: &'static str,
    pub part: Part,
}

/// A header reduced to what matters for recognising it: lower case, no diacritics, letters
/// and digits only ("E-mail 1 - Value" → "email1value", "Příjmení" → "prijmeni").
pub fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

use Field::*;
use Part::*;

/// (header key, field, label, address group, part). Keys are `header_key`s.
#[rustfmt::skip]
const TABLE: &[(&str, Field, &str, &str, Part)] = &[
    // Folio's own CSV, and generic names in English and Czech.
    ("givenname", GivenName, "", "", Whole), ("firstname", GivenName, "", "", Whole),
    ("first", GivenName, "", "", Whole), ("given", GivenName, "", "", Whole),
    ("familyname", FamilyName, "", "", Whole), ("lastname", FamilyName, "", "", Whole),
    ("surname", FamilyName, "", "", Whole), ("last", FamilyName, "", "", Whole),
    ("name", FullName, "", "", Whole), ("fullname", FullName, "", "", Whole),
    ("displayname", FullName, "", "", Whole), ("fn", FullName, "", "", Whole),
    ("emails", Email, "", "", Whole), ("email", Email, "", "", Whole), ("mail", Email, "", "", Whole),
    ("phones", Phone, "", "", Whole), ("phone", Phone, "", "", Whole), ("tel", Phone, "", "", Whole),
    ("mobile", Phone, "mobile", "", Whole), ("fax", Phone, "fax", "", Whole),
    ("work", Phone, "work", "", Whole), ("home", Phone, "home", "", Whole),
    ("organisation", Organisation, "", "", Whole), ("organization", Organisation, "", "", Whole),
    ("company", Organisation, "", "", Whole), ("companyname", Organisation, "", "", Whole),
    ("organisationname", Organisation, "", "", Whole),
    ("role", Role, "", "", Whole), ("jobtitle", Role, "", "", Whole),
    ("ico", Ico, "", "", Whole), ("ic", Ico, "", "", Whole), ("companyid", Ico, "", "", Whole),
    ("dic", VatId, "", "", Whole), ("vatid", VatId, "", "", Whole), ("vat", VatId, "", "", Whole),
    ("vatnumber", VatId, "", "", Whole), ("taxid", VatId, "", "", Whole),
    ("address", Address, "", "", Whole), ("addresses", Address, "", "", Whole),
    ("birthday", Birthday, "", "", Whole), ("birthdate", Birthday, "", "", Whole),
    ("dateofbirth", Birthday, "", "", Whole),
    ("tags", Tags, "", "", Whole), ("labels", Tags, "", "", Whole), ("category", Tags, "", "", Whole),
    ("categories", Tags, "", "", Whole),
    ("preferences", Preferences, "", "", Whole),
    ("notes", Notes, "", "", Whole), ("note", Notes, "", "", Whole),
    // Czech spreadsheets made by hand.
    ("jmeno", GivenName, "", "", Whole), ("krestnijmeno", GivenName, "", "", Whole),
    ("prijmeni", FamilyName, "", "", Whole), ("jmenoaprijmeni", FullName, "", "", Whole),
    ("celejmeno", FullName, "", "", Whole), ("nazevkontaktu", FullName, "", "", Whole),
    ("firma", Organisation, "", "", Whole), ("organizace", Organisation, "", "", Whole),
    ("nazevfirmy", Organisation, "", "", Whole), ("spolecnost", Organisation, "", "", Whole),
    ("funkce", Role, "", "", Whole), ("pozice", Role, "", "", Whole),
    ("pracovnipozice", Role, "", "", Whole), ("icofirmy", Ico, "", "", Whole),
    ("adresa", Address, "", "", Whole), ("ulice", Address, "", "a", Street),
    ("mesto", Address, "", "a", City), ("obec", Address, "", "a", City), ("psc", Address, "", "a", Postcode),
    ("datumnarozeni", Birthday, "", "", Whole), ("narozeniny", Birthday, "", "", Whole),
    ("poznamka", Notes, "", "", Whole), ("poznamky", Notes, "", "", Whole),
    ("stitky", Tags, "", "", Whole), ("stitek", Tags, "", "", Whole), ("kategorie", Tags, "", "", Whole),
    ("skupiny", Tags, "", "", Whole), ("skupina", Tags, "", "", Whole),
    ("emailadresa", Email, "", "", Whole),
    ("telefon", Phone, "", "", Whole), ("mobil", Phone, "mobile", "", Whole),
    ("telefonmobil", Phone, "mobile", "", Whole), ("telefonprace", Phone, "work", "", Whole),
    // Google Contacts (current and before 2020; numbered columns are read by pattern below).
    ("organizationname", Organisation, "", "", Whole), ("organizationtitle", Role, "", "", Whole),
    ("groupmembership", Tags, "", "", Whole),
    // Outlook, English (desktop and outlook.com).
    ("emailaddress", Email, "", "", Whole), ("email2address", Email, "", "", Whole),
    ("email3address", Email, "", "", Whole), ("email2", Email, "", "", Whole),
    ("mobilephone", Phone, "mobile", "", Whole), ("businessphone", Phone, "work", "", Whole),
    ("businessphone2", Phone, "work", "", Whole), ("homephone", Phone, "home", "", Whole),
    ("homephone2", Phone, "home", "", Whole), ("primaryphone", Phone, "", "", Whole),
    ("otherphone", Phone, "other", "", Whole), ("companymainphone", Phone, "work", "", Whole),
    ("carphone", Phone, "car", "", Whole), ("assistantsphone", Phone, "assistant", "", Whole),
    ("businessfax", Phone, "fax", "", Whole), ("homefax", Phone, "fax", "", Whole),
    ("otherfax", Phone, "fax", "", Whole), ("pager", Phone, "pager", "", Whole),
    ("callback", Phone, "callback", "", Whole), ("radiophone", Phone, "radio", "", Whole),
    ("isdn", Phone, "isdn", "", Whole), ("ttytddphone", Phone, "tty", "", Whole),
    ("organizationalidnumber", Ico, "", "", Whole),
    ("businessstreet", Address, "work", "work", Street), ("businessstreet2", Address, "work", "work", MoreStreet),
    ("businessstreet3", Address, "work", "work", MoreStreet), ("businesscity", Address, "work", "work", City),
    ("businessstate", Address, "work", "work", Region), ("businesspostalcode", Address, "work", "work", Postcode),
    ("businesscountryregion", Address, "work", "work", Country), ("businesscountry", Address, "work", "work", Country),
    ("businessaddresspobox", Address, "work", "work", MoreStreet),
    ("homestreet", Address, "home", "home", Street), ("homestreet2", Address, "home", "home", MoreStreet),
    ("homestreet3", Address, "home", "home", MoreStreet), ("homecity", Address, "home", "home", City),
    ("homestate", Address, "home", "home", Region), ("homepostalcode", Address, "home", "home", Postcode),
    ("homecountryregion", Address, "home", "home", Country), ("homecountry", Address, "home", "home", Country),
    ("homeaddresspobox", Address, "home", "home", MoreStreet),
    ("otherstreet", Address, "other", "other", Street), ("otherstreet2", Address, "other", "other", MoreStreet),
    ("otherstreet3", Address, "other", "other", MoreStreet), ("othercity", Address, "other", "other", City),
    ("otherstate", Address, "other", "other", Region), ("otherpostalcode", Address, "other", "other", Postcode),
    ("othercountryregion", Address, "other", "other", Country), ("othercountry", Address, "other", "other", Country),
    ("otheraddresspobox", Address, "other", "other", MoreStreet),
    // Outlook, German.
    ("vorname", GivenName, "", "", Whole), ("nachname", FamilyName, "", "", Whole),
    ("position", Role, "", "", Whole), ("emailadresse", Email, "", "", Whole),
    ("email2adresse", Email, "", "", Whole), ("email3adresse", Email, "", "", Whole),
    ("mobiltelefon", Phone, "mobile", "", Whole), ("mobiltelefon2", Phone, "mobile", "", Whole),
    ("telefongeschaftlich", Phone, "work", "", Whole), ("telefongeschaftlich2", Phone, "work", "", Whole),
    ("telefonprivat", Phone, "home", "", Whole), ("telefonprivat2", Phone, "home", "", Whole),
    ("haupttelefon", Phone, "", "", Whole), ("weiterestelefon", Phone, "other", "", Whole),
    ("telefonfirma", Phone, "work", "", Whole), ("autotelefon", Phone, "car", "", Whole),
    ("telefonassistent", Phone, "assistant", "", Whole), ("faxgeschaftlich", Phone, "fax", "", Whole),
    ("faxprivat", Phone, "fax", "", Whole), ("weiteresfax", Phone, "fax", "", Whole),
    ("geburtstag", Birthday, "", "", Whole), ("kategorien", Tags, "", "", Whole),
    ("notizen", Notes, "", "", Whole), ("organisationsnr", Ico, "", "", Whole),
    ("strassegeschaftlich", Address, "work", "work", Street), ("strassegeschaftlich2", Address, "work", "work", MoreStreet),
    ("strassegeschaftlich3", Address, "work", "work", MoreStreet), ("ortgeschaftlich", Address, "work", "work", City),
    ("regiongeschaftlich", Address, "work", "work", Region), ("postleitzahlgeschaftlich", Address, "work", "work", Postcode),
    ("landregiongeschaftlich", Address, "work", "work", Country), ("postfachgeschaftlich", Address, "work", "work", MoreStreet),
    ("strasseprivat", Address, "home", "home", Street), ("strasseprivat2", Address, "home", "home", MoreStreet),
    ("strasseprivat3", Address, "home", "home", MoreStreet), ("ortprivat", Address, "home", "home", City),
    ("bundeslandkantonprivat", Address, "home", "home", Region), ("postleitzahlprivat", Address, "home", "home", Postcode),
    ("landregionprivat", Address, "home", "home", Country), ("postfachprivat", Address, "home", "home", MoreStreet),
    ("weiterestrasse", Address, "other", "other", Street), ("weiterestrasse2", Address, "other", "other", MoreStreet),
    ("weiterestrasse3", Address, "other", "other", MoreStreet), ("weitererort", Address, "other", "other", City),
    ("weiteresrbundeslandkanton", Address, "other", "other", Region), ("weiterepostleitzahl", Address, "other", "other", Postcode),
    ("weitereslandregion", Address, "other", "other", Country), ("weiterespostfach", Address, "other", "other", MoreStreet),
    // Outlook, Czech.
    ("emailovaadresa", Email, "", "", Whole), ("emailovaadresa2", Email, "", "", Whole),
    ("emailovaadresa3", Email, "", "", Whole),
    ("mobilnitelefon", Phone, "mobile", "", Whole), ("telefonzam", Phone, "work", "", Whole),
    ("telefon2zam", Phone, "work", "", Whole), ("telefondozamestnani", Phone, "work", "", Whole),
    ("telefondomu", Phone, "home", "", Whole), ("telefon2domu", Phone, "home", "", Whole),
    ("primarnitelefon", Phone, "", "", Whole), ("jinytelefon", Phone, "other", "", Whole),
    ("telefonspolecnosti", Phone, "work", "", Whole), ("telefondoauta", Phone, "car", "", Whole),
    ("telefonasistenta", Phone, "assistant", "", Whole), ("faxzam", Phone, "fax", "", Whole),
    ("faxdomu", Phone, "fax", "", Whole), ("jinyfax", Phone, "fax", "", Whole),
    ("ulicezam", Address, "work", "work", Street), ("ulice2zam", Address, "work", "work", MoreStreet),
    ("ulice3zam", Address, "work", "work", MoreStreet), ("mestozam", Address, "work", "work", City),
    ("zemezam", Address, "work", "work", Region), ("psczam", Address, "work", "work", Postcode),
    ("zemezamestnani", Address, "work", "work", Country),
    ("postovniprihradkazamestnani", Address, "work", "work", MoreStreet),
    ("ulicedom", Address, "home", "home", Street), ("ulice2dom", Address, "home", "home", MoreStreet),
    ("ulice3dom", Address, "home", "home", MoreStreet), ("mestodom", Address, "home", "home", City),
    ("zemedom", Address, "home", "home", Region), ("pscdom", Address, "home", "home", Postcode),
    ("zemedomu", Address, "home", "home", Country), ("postovniprihradkadomu", Address, "home", "home", MoreStreet),
    ("jinaulice", Address, "other", "other", Street), ("jinaulice2", Address, "other", "other", MoreStreet),
    ("jinaulice3", Address, "other", "other", MoreStreet), ("jinemesto", Address, "other", "other", City),
    ("jinyokres", Address, "other", "other", Region), ("jinepsc", Address, "other", "other", Postcode),
    ("jinazeme", Address, "other", "other", Country), ("jinapostovniprihradka", Address, "other", "other", MoreStreet),
    // Outlook, Slovak.
    ("krstnemeno", GivenName, "", "", Whole), ("priezvisko", FamilyName, "", "", Whole),
    ("spolocnost", Organisation, "", "", Whole), ("funkcia", Role, "", "", Whole),
    ("narodeniny", Birthday, "", "", Whole), ("kategorie", Tags, "", "", Whole),
    ("mobilnytelefon", Phone, "mobile", "", Whole), ("telefondoprace", Phone, "work", "", Whole),
    ("telefondoprace2", Phone, "work", "", Whole), ("telefondomov", Phone, "home", "", Whole),
    ("telefondomov2", Phone, "home", "", Whole), ("primarnytelefon", Phone, "", "", Whole),
    ("inytelefon", Phone, "other", "", Whole), ("hlavnytelefonspolocnosti", Phone, "work", "", Whole),
    ("faxdoprace", Phone, "fax", "", Whole), ("faxdomov", Phone, "fax", "", Whole), ("inyfax", Phone, "fax", "", Whole),
    ("ulicapraca", Address, "work", "work", Street), ("ulicapraca2", Address, "work", "work", MoreStreet),
    ("ulicapraca3", Address, "work", "work", MoreStreet), ("mestopraca", Address, "work", "work", City),
    ("okrespraca", Address, "work", "work", Region), ("pscpraca", Address, "work", "work", Postcode),
    ("krajinaaleboblastpraca", Address, "work", "work", Country), ("poboxpracoviska", Address, "work", "work", MoreStreet),
    ("ulicadomov", Address, "home", "home", Street), ("ulica2domov", Address, "home", "home", MoreStreet),
    ("ulica3domov", Address, "home", "home", MoreStreet), ("mestodomov", Address, "home", "home", City),
    ("okresdomov", Address, "home", "home", Region), ("pscdomov", Address, "home", "home", Postcode),
    ("krajinaaleboblastdomov", Address, "home", "home", Country),
    ("poboxtrvalehobydliska", Address, "home", "home", MoreStreet),
    ("inaulica", Address, "other", "other", Street), ("inaulica2", Address, "other", "other", MoreStreet),
    ("inaulica3", Address, "other", "other", MoreStreet), ("inemesto", Address, "other", "other", City),
    ("inykraj", Address, "other", "other", Region), ("inepsc", Address, "other", "other", Postcode),
    ("krajinaaleboblastine", Address, "other", "other", Country),
    ("poboxprechodnehobydliska", Address, "other", "other", MoreStreet),
    // Outlook, Polish.
    ("imie", GivenName, "", "", Whole), ("nazwisko", FamilyName, "", "", Whole),
    ("stanowisko", Role, "", "", Whole), ("adresemail", Email, "", "", Whole),
    ("adresemail2", Email, "", "", Whole), ("adresemail3", Email, "", "", Whole),
    ("telefonkomorkowy", Phone, "mobile", "", Whole), ("telefonsluzbowy", Phone, "work", "", Whole),
    ("telefonsluzbowy2", Phone, "work", "", Whole), ("telefondomowy", Phone, "home", "", Whole),
    ("telefondomowy2", Phone, "home", "", Whole), ("telefonpodstawowy", Phone, "", "", Whole),
    ("innytelefon", Phone, "other", "", Whole), ("glownytelefondofirmy", Phone, "work", "", Whole),
    ("telefonwsamochodzie", Phone, "car", "", Whole), ("telefonasystenta", Phone, "assistant", "", Whole),
    ("fakssluzbowy", Phone, "fax", "", Whole), ("faksdomowy", Phone, "fax", "", Whole), ("innyfaks", Phone, "fax", "", Whole),
    ("urodziny", Birthday, "", "", Whole), ("notatki", Notes, "", "", Whole),
    ("adressluzbowyulica", Address, "work", "work", Street), ("adressluzbowyulica2", Address, "work", "work", MoreStreet),
    ("adressluzbowyulica3", Address, "work", "work", MoreStreet), ("adressluzbowymiejscowosc", Address, "work", "work", City),
    ("adressluzbowywojewodztwo", Address, "work", "work", Region), ("adressluzbowykodpocztowy", Address, "work", "work", Postcode),
    ("adressluzbowykrajregion", Address, "work", "work", Country),
    ("sluzbowaskrzynkapocztowa", Address, "work", "work", MoreStreet),
    ("adresdomowyulica", Address, "home", "home", Street), ("adresdomowyulica2", Address, "home", "home", MoreStreet),
    ("adresdomowyulica3", Address, "home", "home", MoreStreet), ("adresdomowymiejscowosc", Address, "home", "home", City),
    ("adresdomowywojewodztwo", Address, "home", "home", Region), ("adresdomowykodpocztowy", Address, "home", "home", Postcode),
    ("adresdomowykrajregion", Address, "home", "home", Country),
    ("domowaskrzynkapocztowa", Address, "home", "home", MoreStreet),
    ("innyadresulica", Address, "other", "other", Street), ("innyadresulica2", Address, "other", "other", MoreStreet),
    ("innyadresulica3", Address, "other", "other", MoreStreet), ("innyadresmiejscowosc", Address, "other", "other", City),
    ("innyadreswojewodztwo", Address, "other", "other", Region), ("innyadreskodpocztowy", Address, "other", "other", Postcode),
    ("innyadreskrajregion", Address, "other", "other", Country),
    ("innaskrzynkapocztowa", Address, "other", "other", MoreStreet),
    // Outlook, French ("Titre" twice: the first is Mr/Ms, the second the job title).
    ("prenom", GivenName, "", "", Whole), ("nom", FamilyName, "", "", Whole),
    ("societe", Organisation, "", "", Whole), ("adressedemessagerie", Email, "", "", Whole),
    ("adressedemessagerie2", Email, "", "", Whole), ("adressedemessagerie3", Email, "", "", Whole),
    ("telmobile", Phone, "mobile", "", Whole), ("telephonebureau", Phone, "work", "", Whole),
    ("telephone2bureau", Phone, "work", "", Whole), ("telephonedomicile", Phone, "home", "", Whole),
    ("telephone2domicile", Phone, "home", "", Whole), ("telephoneprincipal", Phone, "", "", Whole),
    ("telephoneautre", Phone, "other", "", Whole), ("telephonesociete", Phone, "work", "", Whole),
    ("telephonevoiture", Phone, "car", "", Whole), ("telephonedelassistante", Phone, "assistant", "", Whole),
    ("telecopiebureau", Phone, "fax", "", Whole), ("telecopiedomicile", Phone, "fax", "", Whole),
    ("telecopieautre", Phone, "fax", "", Whole), ("anniversaire", Birthday, "", "", Whole),
    ("numerodidentificationdelorganisation", Ico, "", "", Whole),
    ("ruebureau", Address, "work", "work", Street), ("ruebureau2", Address, "work", "work", MoreStreet),
    ("ruebureau3", Address, "work", "work", MoreStreet), ("villebureau", Address, "work", "work", City),
    ("depregionbureau", Address, "work", "work", Region), ("codepostalbureau", Address, "work", "work", Postcode),
    ("paysbureau", Address, "work", "work", Country), ("paysregionbureau", Address, "work", "work", Country),
    ("bpprofessionnelle", Address, "work", "work", MoreStreet),
    ("ruedomicile", Address, "home", "home", Street), ("ruedomicile2", Address, "home", "home", MoreStreet),
    ("ruedomicile3", Address, "home", "home", MoreStreet), ("villedomicile", Address, "home", "home", City),
    ("depregiondomicile", Address, "home", "home", Region), ("codepostaldomicile", Address, "home", "home", Postcode),
    ("paysdomicile", Address, "home", "home", Country), ("paysregiondomicile", Address, "home", "home", Country),
    ("boitepostaledudomicile", Address, "home", "home", MoreStreet),
    ("rueautre", Address, "other", "other", Street), ("rueautre2", Address, "other", "other", MoreStreet),
    ("rueautre3", Address, "other", "other", MoreStreet), ("villeautre", Address, "other", "other", City),
    ("depregionautre", Address, "other", "other", Region), ("codepostalautre", Address, "other", "other", Postcode),
    ("paysautre", Address, "other", "other", Country), ("paysregionautre", Address, "other", "other", Country),
    ("autreboitepostale", Address, "other", "other", MoreStreet),
    // Thunderbird.
    ("primaryemail", Email, "", "", Whole), ("secondaryemail", Email, "", "", Whole),
    ("workphone", Phone, "work", "", Whole), ("faxnumber", Phone, "fax", "", Whole),
    ("pagernumber", Phone, "pager", "", Whole), ("mobilenumber", Phone, "mobile", "", Whole),
    ("homeaddress", Address, "home", "home", Street), ("homeaddress2", Address, "home", "home", MoreStreet),
    ("homezipcode", Address, "home", "home", Postcode),
    ("workaddress", Address, "work", "work", Street), ("workaddress2", Address, "work", "work", MoreStreet),
    ("workcity", Address, "work", "work", City), ("workstate", Address, "work", "work", Region),
    ("workzipcode", Address, "work", "work", Postcode), ("workcountry", Address, "work", "work", Country),
    ("birthyear", Birthday, "", "", Year), ("birthmonth", Birthday, "", "", Month),
    // Apple Numbers / Contacts exports to CSV (via third-party exporters).
    ("workemail", Email, "work", "", Whole), ("homeemail", Email, "home", "", Whole),
    ("mobilephonenumber", Phone, "mobile", "", Whole),
    // LinkedIn Connections.csv ("First Name", "Last Name", "Company" are above).
    ("emailaddresses", Email, "", "", Whole),
];

/// What a column name says, if Folio knows it. `birth_parts`: whether the file has
/// Thunderbird's "Birth Year"/"Birth Month" columns (then "Birth Day" is the day, not the
/// whole birthday).
pub fn column_of(header: &str, birth_parts: bool) -> Option<Column> {
    let key = header_key(header);
    if key == "birthday" && birth_parts {
        return Some(column(Birthday, "", "", Day));
    }
    if let Some((_, field, label, group, part)) = TABLE.iter().find(|(k, ..)| *k == key) {
        return Some(column(*field, label, group, *part));
    }
    numbered(&key)
}

fn column(field: Field, label: &'static str, group: &'static str, part: Part) -> Column {
    Column {
        field,
        label,
        group,
        part,
    }
}

/// Google's and Outlook's numbered columns: "E-mail 2 - Value", "Phone 1 - Value", "Address 1
/// - Street", "Organization 1 - Name"; the "… - Type/Label" columns are their labels.
fn numbered(key: &str) -> Option<Column> {
    const GROUPS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    for (prefix, field) in [
        ("email", Email),
        ("phone", Phone),
        ("address", Address),
        ("organization", Organisation),
    ] {
        let Some(rest) = key.strip_prefix(prefix) else {
            continue;
        };
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (n, what) = rest.split_at(digits);
        let group = GROUPS.iter().find(|g| **g == n).copied().unwrap_or("");
        let found = match (field, what) {
            (Email, "" | "value" | "address" | "adresa") => column(Email, "", group, Whole),
            (Phone, "" | "value") => column(Phone, "", group, Whole),
            (Address, "formatted") => column(Address, "", group, Whole),
            (Address, "street") => column(Address, "", group, Street),
            (Address, "extendedaddress" | "pobox") => column(Address, "", group, MoreStreet),
            (Address, "city") => column(Address, "", group, City),
            (Address, "region") => column(Address, "", group, Region),
            (Address, "postalcode") => column(Address, "", group, Postcode),
            (Address, "country") => column(Address, "", group, Country),
            (Organisation, "name") => column(Organisation, "", group, Whole),
            (Organisation, "title") => column(Role, "", group, Whole),
            _ => return None,
        };
        return Some(found);
    }
    None
}

/// The companion column that labels a numbered value column ("E-mail 1 - Value" is labelled by
/// "E-mail 1 - Type" or "E-mail 1 - Label"; "Address 2 - …" by "Address 2 - Type").
pub fn label_column(keys: &[String], column: usize) -> Option<usize> {
    let key = keys.get(column)?;
    if key.ends_with("label") || key.ends_with("type") {
        return None;
    }
    for prefix in ["email", "phone", "address"] {
        let Some(rest) = key.strip_prefix(prefix) else {
            continue;
        };
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if n.is_empty() {
            continue;
        }
        let (label, kind) = (format!("{prefix}{n}label"), format!("{prefix}{n}type"));
        return keys.iter().position(|k| *k == label || *k == kind);
    }
    None
}

/// A field a column name stands for, if Folio knows it.
pub fn field_of(header: &str) -> Option<Field> {
    column_of(header, false).map(|c| c.field)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every header of a program's file, and the field Folio gives it (None: not imported).
    fn check(program: &str, header_line: &str, want: &[(&str, Option<Field>)]) {
        let headers: Vec<String> = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(header_line.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let birth = headers.iter().any(|h| header_key(h) == "birthyear");
        for (header, field) in want {
            assert!(
                headers.iter().any(|h| h.trim() == *header),
                "{program}: {header} is a header"
            );
            assert_eq!(
                column_of(header, birth).map(|c| c.field),
                *field,
                "{program}: {header}"
            );
        }
    }

    #[test]
    fn thunderbird_columns() {
        check("Thunderbird", "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes", &[
            ("First Name", Some(GivenName)), ("Last Name", Some(FamilyName)), ("Display Name", Some(FullName)),
            ("Primary Email", Some(Email)), ("Secondary Email", Some(Email)), ("Work Phone", Some(Phone)),
            ("Mobile Number", Some(Phone)), ("Home Address", Some(Address)), ("Home City", Some(Address)),
            ("Work ZipCode", Some(Address)), ("Job Title", Some(Role)), ("Organization", Some(Organisation)),
            ("Birth Year", Some(Birthday)), ("Birth Day", Some(Birthday)), ("Notes", Some(Notes)),
            ("Nickname", None), ("Web Page 1", None), ("Custom 1", None),
        ]);
        assert_eq!(column_of("Birth Day", true).map(|c| c.part), Some(Day));
        assert_eq!(column_of("Birthday", false).map(|c| c.part), Some(Whole));
    }

    #[test]
    fn outlook_columns_in_six_languages() {
        check("Outlook en", "Title,First Name,Middle Name,Last Name,Company,Job Title,Business Street,Business City,Business Postal Code,Business Country/Region,Home Street,Business Phone,Home Phone,Mobile Phone,Birthday,Categories,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,Notes,Organizational ID Number", &[
            ("Title", None), ("First Name", Some(GivenName)), ("Middle Name", None), ("Last Name", Some(FamilyName)),
            ("Company", Some(Organisation)), ("Job Title", Some(Role)), ("Business Street", Some(Address)),
            ("Business Country/Region", Some(Address)), ("Mobile Phone", Some(Phone)), ("Birthday", Some(Birthday)),
            ("Categories", Some(Tags)), ("E-mail Address", Some(Email)), ("E-mail Type", None),
            ("E-mail Display Name", None), ("E-mail 2 Address", Some(Email)), ("Notes", Some(Notes)),
            ("Organizational ID Number", Some(Ico)),
        ]);
        check("Outlook de", "Anrede,Vorname,Nachname,Firma,Position,Straße geschäftlich,Ort privat,Telefon geschäftlich,Telefon (privat),Mobiltelefon,E-Mail-Adresse,E-Mail-Typ,E-Mail 2: Adresse,Geburtstag,Kategorien,Notizen,Ort", &[
            ("Anrede", None), ("Vorname", Some(GivenName)), ("Nachname", Some(FamilyName)), ("Firma", Some(Organisation)),
            ("Position", Some(Role)), ("Straße geschäftlich", Some(Address)), ("Ort privat", Some(Address)),
            ("Telefon geschäftlich", Some(Phone)), ("Telefon (privat)", Some(Phone)), ("Mobiltelefon", Some(Phone)),
            ("E-Mail-Adresse", Some(Email)), ("E-Mail-Typ", None), ("E-Mail 2: Adresse", Some(Email)),
            ("Geburtstag", Some(Birthday)), ("Kategorien", Some(Tags)), ("Notizen", Some(Notes)), ("Ort", None),
        ]);
        check("Outlook cs", "Titul,Jméno,Příjmení,Společnost,Funkce,Ulice (zam.),Město (dom.),Země (zaměstnání),Telefon (zam.),Telefon domů,Mobilní telefon,E-mailová adresa,Typ e-mailu,E-mailová adresa 2,Narozeniny,Kategorie,Poznámky,IČO", &[
            ("Titul", None), ("Jméno", Some(GivenName)), ("Příjmení", Some(FamilyName)), ("Společnost", Some(Organisation)),
            ("Funkce", Some(Role)), ("Ulice (zam.)", Some(Address)), ("Město (dom.)", Some(Address)),
            ("Země (zaměstnání)", Some(Address)), ("Telefon (zam.)", Some(Phone)), ("Telefon domů", Some(Phone)),
            ("Mobilní telefon", Some(Phone)), ("E-mailová adresa", Some(Email)), ("Typ e-mailu", None),
            ("E-mailová adresa 2", Some(Email)), ("Narozeniny", Some(Birthday)), ("Kategorie", Some(Tags)),
            ("Poznámky", Some(Notes)), ("IČO", Some(Ico)),
        ]);
        check("Outlook sk", "Titul,Krstné meno,Priezvisko,Spoločnosť,Funkcia,Ulica (práca),Mesto (domov),Telefón do práce,Mobilný telefón,E-mailová adresa,Narodeniny,Kategórie,Poznámky", &[
            ("Krstné meno", Some(GivenName)), ("Priezvisko", Some(FamilyName)), ("Spoločnosť", Some(Organisation)),
            ("Funkcia", Some(Role)), ("Ulica (práca)", Some(Address)), ("Mesto (domov)", Some(Address)),
            ("Telefón do práce", Some(Phone)), ("Mobilný telefón", Some(Phone)), ("E-mailová adresa", Some(Email)),
            ("Narodeniny", Some(Birthday)), ("Kategórie", Some(Tags)), ("Poznámky", Some(Notes)),
        ]);
        check("Outlook pl", "Tytuł,Imię,Nazwisko,Firma,Stanowisko,Adres służbowy - ulica,Adres domowy - ulica (2),Telefon służbowy,Telefon komórkowy,Adres e-mail,Typ poczty e-mail,Urodziny,Kategorie,Notatki", &[
            ("Tytuł", None), ("Imię", Some(GivenName)), ("Nazwisko", Some(FamilyName)), ("Firma", Some(Organisation)),
            ("Stanowisko", Some(Role)), ("Adres służbowy - ulica", Some(Address)), ("Adres domowy - ulica (2)", Some(Address)),
            ("Telefon służbowy", Some(Phone)), ("Telefon komórkowy", Some(Phone)), ("Adres e-mail", Some(Email)),
            ("Typ poczty e-mail", None), ("Urodziny", Some(Birthday)), ("Kategorie", Some(Tags)), ("Notatki", Some(Notes)),
        ]);
        check("Outlook fr", "Titre,Prénom,Nom,Société ,Rue (bureau),Ville (domicile),Téléphone (bureau),Tél. mobile,Adresse de messagerie,Anniversaire,Anniversaire de mariage ou fête,Catégories,Notes", &[
            ("Prénom", Some(GivenName)), ("Nom", Some(FamilyName)), ("Société", Some(Organisation)),
            ("Rue (bureau)", Some(Address)), ("Ville (domicile)", Some(Address)), ("Téléphone (bureau)", Some(Phone)),
            ("Tél. mobile", Some(Phone)), ("Adresse de messagerie", Some(Email)), ("Anniversaire", Some(Birthday)),
            ("Anniversaire de mariage ou fête", None), ("Catégories", Some(Tags)), ("Notes", Some(Notes)),
        ]);
    }

    #[test]
    fn google_columns_current_and_legacy() {
        check("Google", "First Name,Middle Name,Last Name,Organization Name,Organization Title,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - Postal Code,Website 1 - Value", &[
            ("Organization Name", Some(Organisation)), ("Organization Title", Some(Role)), ("Birthday", Some(Birthday)),
            ("Labels", Some(Tags)), ("E-mail 1 - Label", None), ("E-mail 1 - Value", Some(Email)),
            ("Phone 1 - Value", Some(Phone)), ("Address 1 - Label", None), ("Address 1 - Formatted", Some(Address)),
            ("Address 1 - Street", Some(Address)), ("Address 1 - Postal Code", Some(Address)), ("Website 1 - Value", None),
        ]);
        check("Google legacy", "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,Address 1 - Formatted,Organization 1 - Name,Organization 1 - Title", &[
            ("Name", Some(FullName)), ("Given Name", Some(GivenName)), ("Additional Name", None),
            ("Family Name", Some(FamilyName)), ("Group Membership", Some(Tags)), ("E-mail 1 - Type", None),
            ("Organization 1 - Name", Some(Organisation)), ("Organization 1 - Title", Some(Role)),
        ]);
        let keys: Vec<String> = [
            "E-mail 1 - Label",
            "E-mail 1 - Value",
            "Address 2 - Type",
            "Address 2 - Street",
        ]
        .iter()
        .map(|h| header_key(h))
        .collect();
        assert_eq!(label_column(&keys, 1), Some(0));
        assert_eq!(label_column(&keys, 3), Some(2));
        assert_eq!(label_column(&keys, 0), None);
    }

    #[test]
    fn linkedin_apple_and_czech_spreadsheet_columns() {
        check(
            "LinkedIn",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
            &[
                ("First Name", Some(GivenName)),
                ("Last Name", Some(FamilyName)),
                ("URL", None),
                ("Email Address", Some(Email)),
                ("Company", Some(Organisation)),
                ("Position", Some(Role)),
                ("Connected On", None),
            ],
        );
        check("Apple", "First name,Last name,Work email,Home email,Mobile phone number,Organization,Job title,Birthday,Note", &[
            ("Work email", Some(Email)), ("Home email", Some(Email)), ("Mobile phone number", Some(Phone)),
            ("Job title", Some(Role)), ("Note", Some(Notes)),
        ]);
        check(
            "Czech Excel",
            "Příjmení,Jméno,Firma,Funkce,E-mail,Mobil,Telefon,Narozeniny,Poznámka",
            &[
                ("Příjmení", Some(FamilyName)),
                ("Jméno", Some(GivenName)),
                ("Firma", Some(Organisation)),
                ("Funkce", Some(Role)),
                ("E-mail", Some(Email)),
                ("Mobil", Some(Phone)),
                ("Telefon", Some(Phone)),
                ("Narozeniny", Some(Birthday)),
                ("Poznámka", Some(Notes)),
            ],
        );
    }
}
