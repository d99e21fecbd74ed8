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

/// One-column values: (field, label its values get, the header keys that name it).
#[rustfmt::skip]
const WHOLE: &[(Field, &str, &[&str])] = &[
    // Folio's own CSV, and generic names in English and Czech.
    (GivenName, "", &["givenname", "firstname", "first", "given"]),
    (FamilyName, "", &["familyname", "lastname", "surname", "last"]),
    (FullName, "", &["name", "fullname", "displayname", "fn"]),
    (Email, "", &["emails", "email", "mail"]),
    (Phone, "", &["phones", "phone", "tel"]),
    (Phone, "mobile", &["mobile"]),
    (Phone, "fax", &["fax"]),
    (Phone, "work", &["work"]),
    (Phone, "home", &["home"]),
    (Organisation, "", &["organisation", "organization", "company", "companyname", "organisationname"]),
    (Role, "", &["role", "jobtitle"]),
    (Ico, "", &["ico", "ic", "companyid"]),
    (VatId, "", &["dic", "vatid", "vat", "vatnumber", "taxid"]),
    (Address, "", &["address", "addresses"]),
    (Birthday, "", &["birthday", "birthdate", "dateofbirth"]),
    (Tags, "", &["tags", "labels", "category", "categories"]),
    (Preferences, "", &["preferences"]),
    (Notes, "", &["notes", "note"]),
    // Czech spreadsheets made by hand.
    (GivenName, "", &["jmeno", "krestnijmeno"]),
    (FamilyName, "", &["prijmeni"]),
    (FullName, "", &["jmenoaprijmeni", "celejmeno", "nazevkontaktu"]),
    (Organisation, "", &["firma", "organizace", "nazevfirmy", "spolecnost"]),
    (Role, "", &["funkce", "pozice", "pracovnipozice"]),
    (Ico, "", &["icofirmy"]),
    (Address, "", &["adresa"]),
    (Birthday, "", &["datumnarozeni", "narozeniny"]),
    (Notes, "", &["poznamka", "poznamky"]),
    (Tags, "", &["stitky", "stitek", "kategorie", "skupiny", "skupina"]),
    (Email, "", &["emailadresa"]),
    (Phone, "", &["telefon"]),
    (Phone, "mobile", &["mobil", "telefonmobil"]),
    (Phone, "work", &["telefonprace"]),
    // Google Contacts (current and before 2020; numbered columns are read by pattern below).
    (Organisation, "", &["organizationname"]),
    (Role, "", &["organizationtitle"]),
    (Tags, "", &["groupmembership"]),
    // Outlook, English (desktop and outlook.com).
    (Email, "", &["emailaddress", "email2address", "email3address", "email2"]),
    (Phone, "mobile", &["mobilephone"]),
    (Phone, "work", &["businessphone", "businessphone2", "companymainphone"]),
    (Phone, "home", &["homephone", "homephone2"]),
    (Phone, "", &["primaryphone"]),
    (Phone, "other", &["otherphone"]),
    (Phone, "car", &["carphone"]),
    (Phone, "assistant", &["assistantsphone"]),
    (Phone, "fax", &["businessfax", "homefax", "otherfax"]),
    (Phone, "pager", &["pager"]),
    (Phone, "callback", &["callback"]),
    (Phone, "radio", &["radiophone"]),
    (Phone, "isdn", &["isdn"]),
    (Phone, "tty", &["ttytddphone"]),
    (Ico, "", &["organizationalidnumber"]),
    // Outlook, German.
    (GivenName, "", &["vorname"]),
    (FamilyName, "", &["nachname"]),
    (Role, "", &["position"]),
    (Email, "", &["emailadresse", "email2adresse", "email3adresse"]),
    (Phone, "mobile", &["mobiltelefon", "mobiltelefon2"]),
    (Phone, "work", &["telefongeschaftlich", "telefongeschaftlich2", "telefonfirma"]),
    (Phone, "home", &["telefonprivat", "telefonprivat2"]),
    (Phone, "", &["haupttelefon"]),
    (Phone, "other", &["weiterestelefon"]),
    (Phone, "car", &["autotelefon"]),
    (Phone, "assistant", &["telefonassistent"]),
    (Phone, "fax", &["faxgeschaftlich", "faxprivat", "weiteresfax"]),
    (Birthday, "", &["geburtstag"]),
    (Tags, "", &["kategorien"]),
    (Notes, "", &["notizen"]),
    (Ico, "", &["organisationsnr"]),
    // Outlook, Czech.
    (Email, "", &["emailovaadresa", "emailovaadresa2", "emailovaadresa3"]),
    (Phone, "mobile", &["mobilnitelefon"]),
    (Phone, "work", &["telefonzam", "telefon2zam", "telefondozamestnani", "telefonspolecnosti"]),
    (Phone, "home", &["telefondomu", "telefon2domu"]),
    (Phone, "", &["primarnitelefon"]),
    (Phone, "other", &["jinytelefon"]),
    (Phone, "car", &["telefondoauta"]),
    (Phone, "assistant", &["telefonasistenta"]),
    (Phone, "fax", &["faxzam", "faxdomu", "jinyfax"]),
    // Outlook, Slovak.
    (GivenName, "", &["krstnemeno"]),
    (FamilyName, "", &["priezvisko"]),
    (Organisation, "", &["spolocnost"]),
    (Role, "", &["funkcia"]),
    (Birthday, "", &["narodeniny"]),
    (Tags, "", &["kategorie"]),
    (Phone, "mobile", &["mobilnytelefon"]),
    (Phone, "work", &["telefondoprace", "telefondoprace2", "hlavnytelefonspolocnosti"]),
    (Phone, "home", &["telefondomov", "telefondomov2"]),
    (Phone, "", &["primarnytelefon"]),
    (Phone, "other", &["inytelefon"]),
    (Phone, "fax", &["faxdoprace", "faxdomov", "inyfax"]),
    // Outlook, Polish.
    (GivenName, "", &["imie"]),
    (FamilyName, "", &["nazwisko"]),
    (Role, "", &["stanowisko"]),
    (Email, "", &["adresemail", "adresemail2", "adresemail3"]),
    (Phone, "mobile", &["telefonkomorkowy"]),
    (Phone, "work", &["telefonsluzbowy", "telefonsluzbowy2", "glownytelefondofirmy"]),
    (Phone, "home", &["telefondomowy", "telefondomowy2"]),
    (Phone, "", &["telefonpodstawowy"]),
    (Phone, "other", &["innytelefon"]),
    (Phone, "car", &["telefonwsamochodzie"]),
    (Phone, "assistant", &["telefonasystenta"]),
    (Phone, "fax", &["fakssluzbowy", "faksdomowy", "innyfaks"]),
    (Birthday, "", &["urodziny"]),
    (Notes, "", &["notatki"]),
    // Outlook, French ("Titre" twice: the first is Mr/Ms, the second the job title).
    (GivenName, "", &["prenom"]),
    (FamilyName, "", &["nom"]),
    (Organisation, "", &["societe"]),
    (Email, "", &["adressedemessagerie", "adressedemessagerie2", "adressedemessagerie3"]),
    (Phone, "mobile", &["telmobile"]),
    (Phone, "work", &["telephonebureau", "telephone2bureau", "telephonesociete"]),
    (Phone, "home", &["telephonedomicile", "telephone2domicile"]),
    (Phone, "", &["telephoneprincipal"]),
    (Phone, "other", &["telephoneautre"]),
    (Phone, "car", &["telephonevoiture"]),
    (Phone, "assistant", &["telephonedelassistante"]),
    (Phone, "fax", &["telecopiebureau", "telecopiedomicile", "telecopieautre"]),
    (Birthday, "", &["anniversaire"]),
    (Ico, "", &["numerodidentificationdelorganisation"]),
    // Thunderbird.
    (Email, "", &["primaryemail", "secondaryemail"]),
    (Phone, "work", &["workphone"]),
    (Phone, "fax", &["faxnumber"]),
    (Phone, "pager", &["pagernumber"]),
    (Phone, "mobile", &["mobilenumber"]),
    // Apple Numbers / Contacts exports to CSV (via third-party exporters).
    (Email, "work", &["workemail"]),
    (Email, "home", &["homeemail"]),
    (Phone, "mobile", &["mobilephonenumber"]),
    // LinkedIn Connections.csv ("First Name", "Last Name", "Company" are above).
    (Email, "", &["emailaddresses"]),
];

/// Columns that hold a part of a value: (header key, field, label, address group, part).
#[rustfmt::skip]
const PARTS: &[(&str, Field, &str, &str, Part)] = &[
    // Czech spreadsheets made by hand.
    ("ulice", Address, "", "a", Street), ("mesto", Address, "", "a", City), ("obec", Address, "", "a", City),
    ("psc", Address, "", "a", Postcode),
    // Thunderbird.
    ("homeaddress", Address, "home", "home", Street), ("homeaddress2", Address, "home", "home", MoreStreet),
    ("homezipcode", Address, "home", "home", Postcode), ("workaddress", Address, "work", "work", Street),
    ("workaddress2", Address, "work", "work", MoreStreet), ("workcity", Address, "work", "work", City),
    ("workstate", Address, "work", "work", Region), ("workzipcode", Address, "work", "work", Postcode),
    ("workcountry", Address, "work", "work", Country), ("birthyear", Birthday, "", "", Year),
    ("birthmonth", Birthday, "", "", Month),
];

/// The parts of an Outlook address, in the order `OUTLOOK_ADDRESSES` lists their keys.
const OUTLOOK_PARTS: [Part; 9] = [
    Street, MoreStreet, MoreStreet, City, Region, Postcode, Country, Country, MoreStreet,
];

/// Outlook's work, home and other address, language by language: (label, which is also the
/// address group; the keys of street, street 2, street 3, city, region, postal code, country,
/// country or region ("" where the language has one of the two), PO box).
#[rustfmt::skip]
const OUTLOOK_ADDRESSES: &[(&str, [&str; 9])] = &[
    // Outlook, English.
    ("work", ["businessstreet", "businessstreet2", "businessstreet3", "businesscity", "businessstate", "businesspostalcode", "businesscountryregion", "businesscountry", "businessaddresspobox"]),
    ("home", ["homestreet", "homestreet2", "homestreet3", "homecity", "homestate", "homepostalcode", "homecountryregion", "homecountry", "homeaddresspobox"]),
    ("other", ["otherstreet", "otherstreet2", "otherstreet3", "othercity", "otherstate", "otherpostalcode", "othercountryregion", "othercountry", "otheraddresspobox"]),
    // Outlook, German.
    ("work", ["strassegeschaftlich", "strassegeschaftlich2", "strassegeschaftlich3", "ortgeschaftlich", "regiongeschaftlich", "postleitzahlgeschaftlich", "landregiongeschaftlich", "", "postfachgeschaftlich"]),
    ("home", ["strasseprivat", "strasseprivat2", "strasseprivat3", "ortprivat", "bundeslandkantonprivat", "postleitzahlprivat", "landregionprivat", "", "postfachprivat"]),
    ("other", ["weiterestrasse", "weiterestrasse2", "weiterestrasse3", "weitererort", "weiteresrbundeslandkanton", "weiterepostleitzahl", "weitereslandregion", "", "weiterespostfach"]),
    // Outlook, Czech.
    ("work", ["ulicezam", "ulice2zam", "ulice3zam", "mestozam", "zemezam", "psczam", "zemezamestnani", "", "postovniprihradkazamestnani"]),
    ("home", ["ulicedom", "ulice2dom", "ulice3dom", "mestodom", "zemedom", "pscdom", "zemedomu", "", "postovniprihradkadomu"]),
    ("other", ["jinaulice", "jinaulice2", "jinaulice3", "jinemesto", "jinyokres", "jinepsc", "jinazeme", "", "jinapostovniprihradka"]),
    // Outlook, Slovak.
    ("work", ["ulicapraca", "ulicapraca2", "ulicapraca3", "mestopraca", "okrespraca", "pscpraca", "krajinaaleboblastpraca", "", "poboxpracoviska"]),
    ("home", ["ulicadomov", "ulica2domov", "ulica3domov", "mestodomov", "okresdomov", "pscdomov", "krajinaaleboblastdomov", "", "poboxtrvalehobydliska"]),
    ("other", ["inaulica", "inaulica2", "inaulica3", "inemesto", "inykraj", "inepsc", "krajinaaleboblastine", "", "poboxprechodnehobydliska"]),
    // Outlook, Polish.
    ("work", ["adressluzbowyulica", "adressluzbowyulica2", "adressluzbowyulica3", "adressluzbowymiejscowosc", "adressluzbowywojewodztwo", "adressluzbowykodpocztowy", "adressluzbowykrajregion", "", "sluzbowaskrzynkapocztowa"]),
    ("home", ["adresdomowyulica", "adresdomowyulica2", "adresdomowyulica3", "adresdomowymiejscowosc", "adresdomowywojewodztwo", "adresdomowykodpocztowy", "adresdomowykrajregion", "", "domowaskrzynkapocztowa"]),
    ("other", ["innyadresulica", "innyadresulica2", "innyadresulica3", "innyadresmiejscowosc", "innyadreswojewodztwo", "innyadreskodpocztowy", "innyadreskrajregion", "", "innaskrzynkapocztowa"]),
    // Outlook, French.
    ("work", ["ruebureau", "ruebureau2", "ruebureau3", "villebureau", "depregionbureau", "codepostalbureau", "paysbureau", "paysregionbureau", "bpprofessionnelle"]),
    ("home", ["ruedomicile", "ruedomicile2", "ruedomicile3", "villedomicile", "depregiondomicile", "codepostaldomicile", "paysdomicile", "paysregiondomicile", "boitepostaledudomicile"]),
    ("other", ["rueautre", "rueautre2", "rueautre3", "villeautre", "depregionautre", "codepostalautre", "paysautre", "paysregionautre", "autreboitepostale"]),
];

/// What a column name says, if Folio knows it. `birth_parts`: whether the file has
/// Thunderbird's "Birth Year"/"Birth Month" columns (then "Birth Day" is the day, not the
/// whole birthday).
pub fn column_of(header: &str, birth_parts: bool) -> Option<Column> {
    let key = header_key(header);
    if key == "birthday" && birth_parts {
        return Some(column(Birthday, "", "", Day));
    }
    if let Some((field, label, _)) = WHOLE.iter().find(|(.., keys)| keys.contains(&&*key)) {
        return Some(column(*field, label, "", Whole));
    }
    if let Some((_, field, label, group, part)) = PARTS.iter().find(|(k, ..)| *k == key) {
        return Some(column(*field, label, group, *part));
    }
    outlook_address(&key).or_else(|| numbered(&key))
}

/// An Outlook address column: its label (and group) and part, by where its key stands.
fn outlook_address(key: &str) -> Option<Column> {
    OUTLOOK_ADDRESSES.iter().find_map(|(label, keys)| {
        let (_, part) = keys
            .iter()
            .zip(OUTLOOK_PARTS)
            .find(|(k, _)| !k.is_empty() && **k == key)?;
        Some(column(Address, label, label, part))
    })
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
