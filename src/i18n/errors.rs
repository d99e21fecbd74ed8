//! The one place that turns errors into words for the user, in the user's language. English
//! reuses each error's own message (its `Display`); Czech is written here, variant by variant.

use super::plural::{choose, count};
use super::Lang;
use crate::app::AppError;
use crate::domain::audit::ChainError;
use crate::domain::birthday::BirthdayError;
use crate::domain::{EmailError, FieldError, IcoError, MoneyError, PhoneError, VatIdError};
use crate::store::StoreError;
use crate::vault::{PassphraseError, VaultError};

/// A sentence for the user about what went wrong and what to do.
pub fn describe(lang: Lang, error: &AppError) -> String {
    let en = lang == Lang::En;
    match error {
        AppError::Consent(_) => if en {
            "That is not possible for this consent now (a consent's history is only ever added to, in order). Nothing was changed."
        } else {
            "U tohoto souhlasu to teď nejde (historie souhlasu se jen doplňuje, a to popořadě). Nic se nezměnilo."
        }
        .to_string(),
        AppError::Import(e) => import_error(lang, e),
        AppError::Sync(e) => sync_error(lang, e),
        AppError::Request(e) => {
            use crate::domain::request::RequestError;
            match (lang, e) {
                (Lang::En, e) => format!("{}. Nothing was changed.", capitalised(&e.to_string())),
                (Lang::Cs, RequestError::Closed) => "Žádost je uzavřená. Nic se nezměnilo.".into(),
                (Lang::Cs, RequestError::ExtendedAlready) => "Lhůta už byla jednou prodloužena. Nic se nezměnilo.".into(),
                (Lang::Cs, RequestError::ReasonRequired) => "Prodloužení, zamítnutí i krok potřebují důvod či poznámku. Nic se nezměnilo.".into(),
                (Lang::Cs, RequestError::TooLate) => "Lhůta už uplynula: prodloužit ji lze jen před jejím koncem (čl. 12 odst. 3). Nic se nezměnilo.".into(),
            }
        }
        AppError::UndoTooLate => if en {
            "This can no longer be undone: it has changed since. Nothing was changed."
        } else {
            "Tohle už nejde vrátit zpět: mezitím se to změnilo. Nic se nezměnilo."
        }
        .to_string(),
        AppError::NotEmpty => if en {
            "This vault has data already. Choose to merge the file into it or to replace its data."
        } else {
            "Tento trezor už data obsahuje. Vyberte, zda soubor sloučit, nebo data nahradit."
        }
        .to_string(),
        AppError::Deal(_) => if en {
            "That is not possible in this pipeline (every stage needs a distinct name, and the pipeline an open, a won and a lost stage). Nothing was changed."
        } else {
            "V této obchodní cestě to nejde (každá fáze potřebuje vlastní název a cesta otevřenou, vyhranou i prohranou fázi). Nic se nezměnilo."
        }
        .to_string(),
        AppError::Restricted => if en {
            "Processing of this person is restricted (Art. 18): they were erased while documents must still be kept, so nothing new can be recorded about them. Nothing was changed."
        } else {
            "Zpracování této osoby je omezené (čl. 18): byla vymazána, ale doklady se ještě musí uchovat, takže o ní nelze nic nového zaznamenat. Nic se nezměnilo."
        }
        .to_string(),
        AppError::Documents(n) => {
            let n = *n as u64;
            match lang {
                Lang::En => format!(
                    "{} still refer{} to this and must be kept. Delete or move {} first; nothing was deleted.",
                    count(lang, n, "document", "", "documents"),
                    if n == 1 { "s" } else { "" },
                    if n == 1 { "it" } else { "them" }
                ),
                Lang::Cs => format!(
                    "Stále se sem {} {}, které je třeba uchovat. Nejdřív je smažte nebo přesuňte; nic se nesmazalo.",
                    choose(lang, n, "vztahuje", "vztahují", "vztahuje"),
                    count(lang, n, "doklad", "doklady", "dokladů")
                ),
            }
        }
        AppError::SecurityKey(e) => security_key_error(lang, e),
        AppError::Vault(e @ (VaultError::SecondFactorNeeded
        | VaultError::UnknownSecurityKey
        | VaultError::WrongRecoveryCode
        | VaultError::NotARecoveryCode
        | VaultError::SecurityKeysRegistered
        | VaultError::NoSecurityKeys
        | VaultError::BadKeyName
        | VaultError::TooManySecurityKeys
        | VaultError::KeyAlreadyAdded)) => factor_error(lang, e),
        AppError::Vault(VaultError::WrongPassphrase) => if en {
            "That is the wrong passphrase. Nothing was changed; try again."
        } else {
            "To je špatné heslo. Nic se nezměnilo; zkuste to znovu."
        }
        .to_string(),
        AppError::Vault(VaultError::UnsupportedFormat(_)) => if en {
            "This vault was made by a newer version of Folio. Reload the page to get the newest version."
        } else {
            "Tento trezor vytvořila novější verze Folia. Načtěte stránku znovu, abyste dostali nejnovější verzi."
        }
        .to_string(),
        AppError::Vault(VaultError::BadHeader(_)) => if en {
            "The vault's header is damaged, so it cannot be unlocked. Restore it from a backup."
        } else {
            "Hlavička trezoru je poškozená, a tak ho nelze odemknout. Obnovte ho ze zálohy."
        }
        .to_string(),
        AppError::Vault(VaultError::CouldNotDecrypt) => if en {
            "This record could not be decrypted."
        } else {
            "Tento záznam nešlo dešifrovat."
        }
        .to_string(),
        AppError::Vault(VaultError::Locked) => if en {
            "Stopped before anything was written (the vault was locked). Nothing was changed."
        } else {
            "Zastaveno dřív, než se cokoli zapsalo (trezor se zamkl). Nic se nezměnilo."
        }
        .to_string(),
        AppError::Vault(VaultError::KdfBounds(bound)) => {
            use crate::vault::KdfBound;
            let (what_en, what_cs, value) = match bound {
                KdfBound::Memory(m) => ("memory (KiB)", "paměť (KiB)", *m),
                KdfBound::Iterations(t) => ("passes", "průchody", *t),
                KdfBound::Parallelism(p) => ("lanes", "souběžné dráhy", *p),
            };
            if en {
                format!("This file or vault asks for a key derivation Folio does not accept ({what_en}: {value}; Folio accepts 19 MiB to 1 GiB of memory, 1 to 10 passes and 1 to 16 lanes). Nothing was derived or changed.")
            } else {
                format!("Tento soubor či trezor žádá odvození klíče, které Folio nepřijímá ({what_cs}: {value}; Folio přijímá 19 MiB až 1 GiB paměti, 1 až 10 průchodů a 1 až 16 drah). Nic se neodvozovalo ani nezměnilo.")
            }
        }
        AppError::Vault(e) => {
            if en {
                format!("The vault could not do that: {e}.")
            } else {
                format!("Trezor to nedokázal: {e}.")
            }
        }
        AppError::Store(StoreError::Conflict { .. }) | AppError::Store(StoreError::AuditConflict(_)) => if en {
            "This was changed elsewhere (probably in another tab) since you opened it. Nothing was saved: lock and unlock to see the newest version, then try again."
        } else {
            "Mezitím to změnil někdo jiný (nejspíš jiná karta). Nic se neuložilo: zamkněte a odemkněte trezor, abyste viděli nejnovější verzi, a zkuste to znovu."
        }
        .to_string(),
        AppError::Store(StoreError::QuotaExceeded) => if en {
            "The browser's storage for this site is full. Nothing was saved. Free some space (or export and clean up), then try again."
        } else {
            "Úložiště prohlížeče pro tento web je plné. Nic se neuložilo. Uvolněte místo (nebo exportujte a pročistěte data) a zkuste to znovu."
        }
        .to_string(),
        AppError::Store(StoreError::Unavailable(why)) => {
            if en {
                format!("This browser does not let Folio store data ({why}). Private windows and blocked site data prevent it; open Folio in a normal window.")
            } else {
                format!("Tento prohlížeč Foliu nedovoluje ukládat data ({why}). Brání tomu anonymní okna a zablokovaná data webů; otevřete Folio v běžném okně.")
            }
        }
        AppError::Store(StoreError::Aborted) => if en {
            "The browser cancelled the save (its storage may be full). Nothing was saved."
        } else {
            "Prohlížeč ukládání zrušil (úložiště může být plné). Nic se neuložilo."
        }
        .to_string(),
        AppError::Store(StoreError::Refused(why)) => {
            if en {
                format!("The browser's storage refused ({why}). Nothing was saved.")
            } else {
                format!("Úložiště prohlížeče to odmítlo ({why}). Nic se neuložilo.")
            }
        }
        AppError::Store(e) => {
            if en {
                format!("Saving failed: {e}. Nothing was saved.")
            } else {
                format!("Ukládání selhalo: {e}. Nic se neuložilo.")
            }
        }
        AppError::NotFound(_) => if en {
            "This record does not exist any more (it may have been deleted in another tab)."
        } else {
            "Tento záznam už neexistuje (možná byl smazán v jiné kartě)."
        }
        .to_string(),
        AppError::InUse(n) => {
            let n = *n as u64;
            match lang {
                Lang::En => format!(
                    "{} still belong{} here. Move {} elsewhere first; nothing was deleted.",
                    count(lang, n, "contact", "", "contacts"),
                    if n == 1 { "s" } else { "" },
                    if n == 1 { "it" } else { "them" }
                ),
                Lang::Cs => format!(
                    "Stále sem {} {}. Nejdřív je přesuňte jinam; nic se nesmazalo.",
                    choose(lang, n, "patří", "patří", "patří"),
                    count(lang, n, "kontakt", "kontakty", "kontaktů")
                ),
            }
        }
        AppError::NotLoaded => if en {
            "The vault is still loading. Nothing was changed; try again in a moment."
        } else {
            "Trezor se ještě načítá. Nic se nezměnilo; zkuste to za chvíli znovu."
        }
        .to_string(),
        AppError::Cancelled => if en {
            "Stopped before anything was written (the vault was locked). Nothing was changed."
        } else {
            "Zastaveno dřív, než se cokoli zapsalo (trezor se zamkl). Nic se nezměnilo."
        }
        .to_string(),
        AppError::BrowserRefused(why) => {
            if en {
                format!("The browser refused: {why}. Nothing was changed.")
            } else {
                format!("Prohlížeč to odmítl: {why}. Nic se nezměnilo.")
            }
        }
        AppError::FileNotWritten(why) => {
            if en {
                format!("The file could not be written ({why}). Nothing in the vault changed; try again.")
            } else {
                format!("Soubor se nepodařilo zapsat ({why}). V trezoru se nic nezměnilo; zkuste to znovu.")
            }
        }
        AppError::MergeIntoItself => if en {
            "A contact cannot be merged into itself: choose another contact. Nothing was changed."
        } else {
            "Kontakt nelze sloučit sám se sebou: vyberte jiný kontakt. Nic se nezměnilo."
        }
        .to_string(),
        AppError::NoVault => if en {
            "There is no vault in this browser yet."
        } else {
            "V tomto prohlížeči zatím žádný trezor není."
        }
        .to_string(),
        AppError::VaultExists => if en {
            "A vault exists in this browser already: unlock it instead."
        } else {
            "V tomto prohlížeči už trezor existuje: odemkněte ho."
        }
        .to_string(),
        AppError::Invalid(errors) => {
            let n = errors.len() as u64;
            match lang {
                Lang::En => format!("{} need{} attention.", count(lang, n, "field", "", "fields"), if n == 1 { "s" } else { "" }),
                Lang::Cs => format!(
                    "{} {} pozornost.",
                    count(lang, n, "pole", "pole", "polí"),
                    choose(lang, n, "vyžaduje", "vyžadují", "vyžaduje")
                ),
            }
        }
    }
}

/// What the browser or the security key answered instead of a usable key (#24).
pub fn security_key_error(lang: Lang, e: &crate::app::KeyError) -> String {
    use crate::app::KeyError;
    let en = lang == Lang::En;
    match e {
        KeyError::Unsupported => if en {
            "This browser cannot use security keys (it has no WebAuthn). Nothing was changed."
        } else {
            "Tento prohlížeč bezpečnostní klíče neumí (nemá WebAuthn). Nic se nezměnilo."
        }
        .to_string(),
        KeyError::NoPrf => if en {
            "This browser or security key cannot derive a secret (the WebAuthn PRF extension is missing or off), so it cannot protect or open the vault. Nothing was changed."
        } else {
            "Tento prohlížeč nebo bezpečnostní klíč neumí odvodit tajemství (rozšíření WebAuthn PRF chybí nebo je vypnuté), a tak trezor chránit ani otevřít nemůže. Nic se nezměnilo."
        }
        .to_string(),
        KeyError::Cancelled => if en {
            "The security key was not used: the request was cancelled or timed out. Nothing was changed; try again."
        } else {
            "Bezpečnostní klíč nebyl použit: žádost byla zrušena nebo vypršela. Nic se nezměnilo; zkuste to znovu."
        }
        .to_string(),
        KeyError::AlreadyRegistered => if en {
            "This security key is registered for this vault already. Nothing was changed."
        } else {
            "Tento bezpečnostní klíč už je pro tento trezor zaregistrovaný. Nic se nezměnilo."
        }
        .to_string(),
        KeyError::Failed(why) => if en {
            format!("The browser refused the security key request ({why}). Nothing was changed.")
        } else {
            format!("Prohlížeč žádost o bezpečnostní klíč odmítl ({why}). Nic se nezměnilo.")
        },
    }
}

/// Second factors' errors from the vault (#24).
fn factor_error(lang: Lang, e: &VaultError) -> String {
    let en = lang == Lang::En;
    let (en_text, cs_text) = match e {
        VaultError::SecondFactorNeeded => (
            "This vault also needs its security key or the recovery code. Nothing was changed.",
            "Tento trezor potřebuje i bezpečnostní klíč nebo záchranný kód. Nic se nezměnilo.",
        ),
        VaultError::UnknownSecurityKey => (
            "That security key does not open this vault: use one of its keys, or the recovery code. Nothing was changed.",
            "Tento bezpečnostní klíč trezor neotevře: použijte některý z jeho klíčů, nebo záchranný kód. Nic se nezměnilo.",
        ),
        VaultError::WrongRecoveryCode => (
            "That recovery code does not open this vault (a newer code replaces an older one). Nothing was changed; check it and try again.",
            "Tento záchranný kód trezor neotevře (novější kód nahrazuje starší). Nic se nezměnilo; zkontrolujte ho a zkuste to znovu.",
        ),
        VaultError::NotARecoveryCode => (
            "That is not a recovery code: it has 32 letters and digits, in 8 groups of 4. Nothing was changed.",
            "To není záchranný kód: má 32 písmen a číslic v 8 skupinách po 4. Nic se nezměnilo.",
        ),
        VaultError::SecurityKeysRegistered => (
            "While security keys are registered the passphrase cannot be changed: remove the keys, change it, then add them again. Nothing was changed.",
            "Dokud jsou zaregistrované bezpečnostní klíče, heslo změnit nelze: odeberte klíče, změňte heslo a klíče přidejte znovu. Nic se nezměnilo.",
        ),
        VaultError::NoSecurityKeys => (
            "This vault has no security key, so it has no recovery code either. Nothing was changed.",
            "Tento trezor nemá žádný bezpečnostní klíč, a tedy ani záchranný kód. Nic se nezměnilo.",
        ),
        VaultError::BadKeyName => (
            "Give the key a name of 1 to 64 characters. Nothing was changed.",
            "Pojmenujte klíč 1 až 64 znaky. Nic se nezměnilo.",
        ),
        VaultError::TooManySecurityKeys => (
            "This vault has 16 security keys, as many as it holds: remove one first. Nothing was changed.",
            "Trezor má 16 bezpečnostních klíčů, víc jich neunese: nejdřív nějaký odeberte. Nic se nezměnilo.",
        ),
        VaultError::KeyAlreadyAdded => (
            "This security key is registered for this vault already. Nothing was changed.",
            "Tento bezpečnostní klíč už je pro tento trezor zaregistrovaný. Nic se nezměnilo.",
        ),
        _ => return describe(lang, &AppError::Vault(e.clone())),
    };
    if en { en_text } else { cs_text }.to_string()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Why an import file was refused and where: "Nothing was imported. At $.deals[3].data.value:
/// …".
pub fn import_error(lang: Lang, e: &crate::portability::ImportError) -> String {
    use crate::portability::Problem;
    let why = if lang == Lang::En {
        e.problem.to_string()
    } else {
        match &e.problem {
            Problem::TooLarge(n) => format!("soubor je větší než {n} bajtů"),
            Problem::NotJson(d) => format!("toto není JSON: {d}"),
            Problem::WrongFormat => {
                "toto není export z Folia (format musí být \"folio-export\")".into()
            }
            Problem::UnsupportedVersion(v) => format!("verzi {v} toto Folio neumí přečíst"),
            Problem::WrongField(d) => format!("nesprávná hodnota: {d}"),
            Problem::DuplicateId(id) => format!("id {id} je použito dvakrát"),
            Problem::Dangling(what) => format!("odkazuje na {what}, který v souboru není"),
            Problem::Rule(d) => format!("porušené pravidlo: {d}"),
            Problem::Chain(d) => format!("auditní záznam nesouhlasí: {d}"),
        }
    };
    match lang {
        Lang::En => format!("Nothing was imported. At {}: {why}.", e.path),
        Lang::Cs => format!("Nic se neimportovalo. V {}: {why}.", e.path),
    }
}

/// Why a contacts file (CSV or vCard) could not be read: "Nothing was imported: …".
pub fn contacts_in_error(
    lang: Lang,
    e: &crate::portability::contacts_in::ContactsInError,
) -> String {
    use crate::portability::contacts_in::ContactsInError;
    match lang {
        Lang::En => {
            // The caps as people write numbers: "longer than 1,000,000 characters".
            let why = match e {
                ContactsInError::LineTooLong { line, max } => {
                    format!(
                        "line {line} is longer than {} characters",
                        thousands_en(*max)
                    )
                }
                ContactsInError::TooManyColumns { line, max } => {
                    format!("row {line} has more than {} columns", thousands_en(*max))
                }
                ContactsInError::TooManyProperties { card, max } => {
                    format!("card {card} has more than {} lines", thousands_en(*max))
                }
                ContactsInError::TooManyRecords { max } => {
                    format!("the file holds more than {} contacts", thousands_en(*max))
                }
                other => other.to_string(),
            };
            format!("Nothing was imported: {why}.")
        }
        Lang::Cs => {
            let why = match e {
                ContactsInError::Empty => "soubor je prázdný".to_string(),
                ContactsInError::TooLarge(n) => format!("soubor je větší než {n} bajtů"),
                ContactsInError::NotText => "toto není textový soubor (CSV ani vCard)".to_string(),
                ContactsInError::NotContacts => {
                    "toto není tabulka kontaktů v CSV ani soubor vCard".to_string()
                }
                ContactsInError::Csv { line, why } => {
                    format!("CSV nejde přečíst na řádku {line}: {why}")
                }
                ContactsInError::LineTooLong { line, max } => {
                    format!("řádek {line} je delší než {} znaků", thousands(*max))
                }
                ContactsInError::TooManyColumns { line, max } => {
                    format!("řádek {line} má víc než {} sloupců", thousands(*max))
                }
                ContactsInError::TooManyProperties { card, max } => {
                    format!("vizitka {card} má víc než {} řádků", thousands(*max))
                }
                ContactsInError::TooManyRecords { max } => {
                    format!("soubor obsahuje víc než {} kontaktů", thousands(*max))
                }
            };
            format!("Nic se neimportovalo: {why}.")
        }
    }
}

/// 1000000 → "1 000 000" (Czech groups digits with a no-break space).
fn thousands(n: usize) -> String {
    group(n, '\u{a0}')
}

/// 1000000 → "1,000,000".
fn thousands_en(n: usize) -> String {
    group(n, ',')
}

fn group(n: usize, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// What is wrong with one field, for the message next to it.
pub fn field_error(lang: Lang, error: &FieldError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        FieldError::Required => "toto pole je povinné".into(),
        FieldError::BadWebsite => "zadejte webovou adresu, například firma.cz".into(),
        FieldError::TooLong(n) => format!("toto je příliš dlouhé (nejvýše {n} znaků)"),
        FieldError::Email(e) => email_cs(e),
        FieldError::Phone(e) => phone_cs(e),
        FieldError::Ico(e) => ico_cs(e),
        FieldError::VatId(e) => vat_cs(e),
        FieldError::Money(e) => money_cs(e),
        FieldError::Months => "zadejte počet měsíců od 1 do 600, nebo nechte prázdné".into(),
        FieldError::Date => "zadejte datum".into(),
        FieldError::Percent => "zadejte celé procento od 0 do 100".into(),
        FieldError::Negative => "hodnota nemůže být záporná".into(),
        FieldError::Birthday(BirthdayError::NotADate) => {
            "zadejte datum narození, například 1985-04-12, 12. 4. 1985 nebo --04-12".into()
        }
        FieldError::TooMany(n) => format!("je jich příliš mnoho (nejvýše {n})"),
        FieldError::BadDigest => "toto není otisk SHA-256 (64 šestnáctkových znaků)".into(),
        FieldError::Choice => "vyberte jednu z možností".into(),
        FieldError::InFuture => "toto nemůže být v budoucnosti".into(),
        FieldError::BeforeDiscovery => "toto nemůže být dříve, než byl incident zjištěn".into(),
        FieldError::WholeNumber => "zadejte celé číslo, nebo nechte prázdné".into(),
        FieldError::Birthday(BirthdayError::OutOfRange) => {
            "datum narození nemůže být v budoucnosti ani před rokem 1850".into()
        }
    }
}

pub fn passphrase_error(lang: Lang, error: &PassphraseError) -> String {
    match (lang, error) {
        (Lang::En, e) => e.to_string(),
        (Lang::Cs, PassphraseError::Empty) => "zadejte heslo".into(),
        (Lang::Cs, PassphraseError::TooShort) => {
            "použijte alespoň 12 znaků; několik nesouvisejících slov se snadno pamatuje".into()
        }
        (Lang::Cs, PassphraseError::Mismatch) => "hesla se liší".into(),
        (Lang::Cs, PassphraseError::Repeated) => {
            "příliš snadno uhodnutelné: opakuje stejné znaky nebo slova (třeba aaaa nebo abcabc); několik nesouvisejících slov se snadno pamatuje".into()
        }
        (Lang::Cs, PassphraseError::Sequence) => {
            "příliš snadno uhodnutelné: jde po abecedě, po číslicích nebo po řadě klávesnice (třeba abcd, 1234 nebo qwertz); několik nesouvisejících slov se snadno pamatuje".into()
        }
        (Lang::Cs, PassphraseError::Common) => {
            "příliš snadno uhodnutelné: skládá se z běžných hesel, jmen nebo letopočtů, i s přidanými číslicemi či symboly nebo zaměněnými písmeny (třeba Heslo2024! nebo p@ssw0rd); několik nesouvisejících slov se snadno pamatuje".into()
        }
    }
}

pub fn chain_error(lang: Lang, error: &ChainError) -> String {
    match (lang, error) {
        (Lang::En, e) => e.to_string(),
        (Lang::Cs, ChainError::Missing { expected, found }) => {
            format!("chybí událost {expected} (na jejím místě je {found})")
        }
        (Lang::Cs, ChainError::BrokenLink(n)) => format!("událost {n} nenavazuje na předchozí"),
        (Lang::Cs, ChainError::Altered(n)) => format!("událost {n} byla po zapsání změněna"),
        (Lang::Cs, ChainError::Truncated { expected, found }) => {
            format!("chybí nejnovější události: stopa končí u {found}, ale zapsáno jich bylo {expected}")
        }
    }
}

fn email_cs(e: &EmailError) -> String {
    match e {
        EmailError::Empty => "zadejte e-mailovou adresu".into(),
        EmailError::ContainsSpace => "e-mailová adresa nesmí obsahovat mezery".into(),
        EmailError::MissingAt => {
            "e-mailová adresa potřebuje zavináč @ mezi jménem a doménou".into()
        }
        EmailError::SeveralAt => "e-mailová adresa má jen jeden zavináč @".into(),
        EmailError::EmptyLocalPart => "chybí část před zavináčem".into(),
        EmailError::LocalPartTooLong => "část před zavináčem je delší než 64 znaků".into(),
        EmailError::BadDots => {
            "část před zavináčem nesmí začínat ani končit tečkou ani mít dvě tečky za sebou".into()
        }
        EmailError::BadLocalCharacter(c) => {
            format!("část před zavináčem obsahuje znak, který e-mail nepovoluje: {c}")
        }
        EmailError::EmptyDomain => "chybí doména za zavináčem".into(),
        EmailError::DomainWithoutDot => "doména potřebuje tečku, například firma.cz".into(),
        EmailError::BadDomainLabel => {
            "doména obsahuje prázdnou část nebo část začínající či končící pomlčkou".into()
        }
        EmailError::BadDomainCharacter(c) => {
            format!("doména obsahuje znak, který domény nepovolují: {c}")
        }
        EmailError::BadTopLevelDomain => {
            "koncovka domény musí být z písmen, například .cz nebo .com".into()
        }
        EmailError::TooLong => "e-mailová adresa má nejvýše 254 znaků".into(),
    }
}

fn phone_cs(e: &PhoneError) -> String {
    match e {
        PhoneError::Empty => "zadejte telefonní číslo".into(),
        PhoneError::BadCharacter(c) => {
            format!(
                "telefonní číslo smí obsahovat jen číslice, mezery a znaky + - . / ( ), ne „{c}“"
            )
        }
        PhoneError::MisplacedPlus => "znak + smí stát jen na začátku, před předvolbou země".into(),
        PhoneError::TooShort => "toto telefonní číslo je příliš krátké".into(),
        PhoneError::TooLong => {
            "toto telefonní číslo je příliš dlouhé (nejvýše 15 číslic i s předvolbou)".into()
        }
        PhoneError::BadCountryCode => "předvolba země nemůže začínat nulou".into(),
    }
}

fn ico_cs(e: &IcoError) -> String {
    match e {
        IcoError::Empty => "zadejte IČO".into(),
        IcoError::NotDigits(c) => format!("IČO obsahuje jen číslice, ne „{c}“"),
        IcoError::WrongLength(n) => format!("IČO má 8 číslic; toto má {n}"),
        IcoError::BadCheckDigit => "toto IČO má chybnou kontrolní číslici (překlep?)".into(),
    }
}

/// The Czech form of the VAT formats' descriptions (see `domain::company`).
fn vat_format_cs(expected: &str) -> &str {
    match expected {
        "U and 8 digits" => "U a 8 číslic",
        "10 digits" => "10 číslic",
        "9 or 10 digits" => "9 nebo 10 číslic",
        "8 digits and a letter" => "8 číslic a písmeno",
        "8, 9 or 10 digits" => "8, 9 nebo 10 číslic",
        "9 digits" => "9 číslic",
        "8 digits" => "8 číslic",
        "9 characters: a letter or digit, 7 digits, a letter or digit" => {
            "9 znaků: písmeno nebo číslice, 7 číslic, písmeno nebo číslice"
        }
        "2 letters or digits and 9 digits" => "2 písmena nebo číslice a 9 číslic",
        "11 digits" => "11 číslic",
        "7 digits and 1 or 2 letters" => "7 číslic a 1 nebo 2 písmena",
        "9 or 12 digits" => "9 nebo 12 číslic",
        "9 digits, B and 2 digits" => "9 číslic, B a 2 číslice",
        "2 to 10 digits" => "2 až 10 číslic",
        "12 digits" => "12 číslic",
        other => other,
    }
}

fn vat_cs(e: &VatIdError) -> String {
    match e {
        VatIdError::Empty => "zadejte DIČ".into(),
        VatIdError::MissingCountry => {
            "DIČ začíná dvoupísmenným kódem země, například CZ12345678".into()
        }
        VatIdError::UnknownCountry(p) => {
            format!("{p} není kód země pro DIČ v EU (Řecko používá EL, Severní Irsko XI)")
        }
        VatIdError::BadCharacter(c) => format!("DIČ obsahuje jen písmena a číslice, ne „{c}“"),
        VatIdError::WrongFormat { country, expected } => {
            format!(
                "toto není formát DIČ pro {country} (očekává se {})",
                vat_format_cs(expected)
            )
        }
        VatIdError::BadCheckDigit(p) => {
            format!("toto DIČ ({p}) má chybnou kontrolní číslici (překlep?)")
        }
    }
}

fn money_cs(e: &MoneyError) -> String {
    let lang = Lang::Cs;
    match e {
        MoneyError::BadCurrency => {
            "měna je třípísmenný kód ISO 4217, například CZK nebo EUR".into()
        }
        MoneyError::EmptyAmount => "zadejte částku".into(),
        MoneyError::BadCharacter(c) => {
            format!("částka obsahuje číslice, jeden desetinný oddělovač a mezery, ne „{c}“")
        }
        MoneyError::SeveralDecimalSeparators => {
            "částka má nejvýše jeden desetinný oddělovač".into()
        }
        MoneyError::TooManyDecimals {
            currency,
            allowed,
            given,
        } => format!(
            "{currency} má {}; tato částka má {given}",
            count(
                lang,
                u64::from(*allowed),
                "desetinné místo",
                "desetinná místa",
                "desetinných míst"
            )
        ),
        MoneyError::BadGrouping => {
            "číslice se seskupují po třech, například 12 500 nebo 1 250 000".into()
        }
        MoneyError::Overflow => "tato částka je příliš velká".into(),
        MoneyError::CurrencyMismatch { left, right } => {
            format!("nelze sčítat částky v {left} a {right}: nejprve jednu převeďte")
        }
    }
}

/// A sync problem in words: what happened, and whether Folio keeps trying.
pub fn sync_error(lang: Lang, e: &crate::sync::SyncError) -> String {
    use crate::sync::SyncError as S;
    let en = lang == Lang::En;
    match e {
        S::Offline => if en {
            "Offline: the server cannot be reached (or it does not allow this app's address). Folio tries again."
        } else {
            "Offline: server není dostupný (nebo nepovoluje adresu této aplikace). Folio to zkusí znovu."
        }
        .to_string(),
        S::Timeout => if en { "The server did not answer in time. Folio tries again." } else { "Server neodpověděl včas. Folio to zkusí znovu." }.to_string(),
        S::PasswordRefused => if en { "The server refused the password." } else { "Server odmítl heslo." }.to_string(),
        S::NoAccess => if en { "This user may not use that database." } else { "Tento uživatel nemá k databázi přístup." }.to_string(),
        S::DatabaseMissing => if en { "The database does not exist." } else { "Databáze neexistuje." }.to_string(),
        S::NoVault => if en {
            "That database holds no Folio vault, or another vault than this one."
        } else {
            "Databáze neobsahuje trezor Folio, nebo obsahuje jiný trezor než tento."
        }
        .to_string(),
        S::Refused(code) => if en { format!("The server refused a request ({code}).") } else { format!("Server odmítl požadavek ({code}).") },
        S::ServerBusy(code) => if en { format!("The server is unavailable ({code}). Folio tries again.") } else { format!("Server není k dispozici ({code}). Folio to zkusí znovu.") },
        S::BadAnswer(what) => if en { format!("The server's answer was not understood ({what}). Nothing was applied from it.") } else { format!("Odpovědi serveru nebylo rozumět ({what}). Nic z ní nebylo použito.") },
        S::OriginNotAllowed => if en {
            "This build of Folio may not connect to that server's address (see FOLIO_SYNC_ORIGINS in the README)."
        } else {
            "Toto sestavení Folia se k adrese serveru nesmí připojit (viz FOLIO_SYNC_ORIGINS v README)."
        }
        .to_string(),
        S::BadAddress => if en {
            "The server address must be a database's https address (http only on this computer), such as https://couch.example.com/folio-jana."
        } else {
            "Adresa serveru musí být https adresa databáze (http jen na tomto počítači), např. https://couch.example.com/folio-jana."
        }
        .to_string(),
        S::Stopped => if en { "Sync was stopped." } else { "Synchronizace byla zastavena." }.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Currency;

    #[test]
    fn the_wrong_passphrase_message_says_so_in_both_languages() {
        let e = AppError::Vault(VaultError::WrongPassphrase);
        assert!(describe(Lang::En, &e).contains("wrong passphrase"));
        assert!(describe(Lang::Cs, &e).contains("špatné heslo"));
    }

    #[test]
    fn conflicts_never_claim_a_save() {
        let e = AppError::Store(StoreError::Conflict { id: "x".into() });
        assert!(describe(Lang::En, &e).contains("Nothing was saved"));
        assert!(describe(Lang::Cs, &e).contains("Nic se neuložilo"));
    }

    #[test]
    fn czech_field_errors_use_czech_words_and_plurals() {
        let ico = FieldError::Ico(IcoError::WrongLength(7));
        assert_eq!(field_error(Lang::Cs, &ico), "IČO má 8 číslic; toto má 7");
        assert_eq!(
            field_error(Lang::En, &ico),
            "an IČO has 8 digits; this one has 7"
        );
        let money = FieldError::Money(MoneyError::TooManyDecimals {
            currency: Currency::CZK,
            allowed: 2,
            given: 3,
        });
        assert_eq!(
            field_error(Lang::Cs, &money),
            "CZK má 2 desetinná místa; tato částka má 3"
        );
        let vat = FieldError::VatId(VatIdError::WrongFormat {
            country: "DE".into(),
            expected: "9 digits",
        });
        assert_eq!(
            field_error(Lang::Cs, &vat),
            "toto není formát DIČ pro DE (očekává se 9 číslic)"
        );
    }

    #[test]
    fn each_new_failure_is_worded_in_both_languages() {
        for e in [
            AppError::NotLoaded,
            AppError::Cancelled,
            AppError::BrowserRefused("SecurityError".into()),
            AppError::FileNotWritten("quota".into()),
            AppError::MergeIntoItself,
            AppError::Store(StoreError::Refused("UnknownError".into())),
        ] {
            let (en, cs) = (describe(Lang::En, &e), describe(Lang::Cs, &e));
            assert!(!en.is_empty() && !cs.is_empty() && en != cs, "{e:?}");
        }
        assert!(describe(Lang::En, &AppError::MergeIntoItself).contains("merged into itself"));
        assert!(describe(Lang::Cs, &AppError::FileNotWritten("x".into())).contains("Soubor"));
    }

    #[test]
    fn invalid_forms_count_their_fields() {
        let one = AppError::Invalid(vec![("name", FieldError::Required)]);
        let three = AppError::Invalid(vec![("a", FieldError::Required); 3]);
        let five = AppError::Invalid(vec![("a", FieldError::Required); 5]);
        assert_eq!(describe(Lang::En, &one), "1 field needs attention.");
        assert_eq!(describe(Lang::En, &three), "3 fields need attention.");
        assert_eq!(describe(Lang::Cs, &one), "1 pole vyžaduje pozornost.");
        assert_eq!(describe(Lang::Cs, &three), "3 pole vyžadují pozornost.");
        assert_eq!(describe(Lang::Cs, &five), "5 polí vyžaduje pozornost.");
    }
}
