//! The message catalogue: every fixed text of the interface, in English and Czech side by side.
//! The macro makes each key an enum variant with both translations, so a key without a
//! translation, or a mistyped key, does not compile.

use super::Lang;

macro_rules! catalog {
    ($($key:ident => $en:literal, $cs:literal;)*) => {
        /// A fixed text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($key,)*
        }

        impl Text {
            /// Every key, for completeness checks.
            pub const ALL: &'static [Text] = &[$(Text::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match self {
                    $(Text::$key => match lang {
                        Lang::En => $en,
                        Lang::Cs => $cs,
                    },)*
                }
            }
        }
    };
}

catalog! {
    // Shell
    SkipToContent => "Skip to content", "Přejít na obsah";
    MainNavigation => "Main", "Hlavní";
    Menu => "Menu", "Nabídka";
    NavHome => "Home", "Přehled";
    NavSettings => "Settings", "Nastavení";
    NavAbout => "About this vault", "O trezoru";
    Lock => "Lock", "Zamknout";
    Footer => "Your data stays in this browser. Folio sends nothing to any server.",
        "Vaše data zůstávají v tomto prohlížeči. Folio nic neposílá na žádný server.";

    // Release updates
    UpdateReady => "A new version of Folio is ready. Reloading locks the vault; save your work first.",
        "Je připravená nová verze Folia. Načtení stránky trezor zamkne; nejdřív si uložte rozdělanou práci.";
    ReloadToUpdate => "Reload to update", "Načíst novou verzi";

    // Home: the day's work and the first-run checklist
    HomeHeading => "Today", "Dnes";
    HomeLead => "What needs you today, and where to deal with it.", "Co dnes potřebuje vaši pozornost a kde to vyřídíte.";
    HomeNothingToDo => "Nothing to do today: no follow-up is due, no request, consent or retention hold needs you, and your backup is recent.",
        "Dnes není co dělat: žádný úkol nečeká, žádná žádost, souhlas ani doba uchování nevyžaduje pozornost a záloha je čerstvá.";
    HomeFollowUpsHeading => "Follow-ups overdue and due today", "Úkoly po termínu a na dnešek";
    HomeAllFollowUps => "All follow-ups on the Agenda", "Všechny úkoly v Diáři";
    HomeRequestsHeading => "Data subject requests due within 7 days or overdue", "Žádosti subjektů údajů s lhůtou do 7 dnů nebo po lhůtě";
    HomeConsentsHeading => "Consents expiring within 30 days", "Souhlasy, které vyprší do 30 dnů";
    HomeHoldsHeading => "Retention holds ending within 90 days", "Doby uchování, které skončí do 90 dnů";
    HomeHoldsLead => "Listed from 90 days before a document's retention ends. Then decide whether it is still needed; a person erased while it held them can be erased fully.",
        "Doklady se zde objeví 90 dnů před koncem doby uchování. Pak rozhodněte, zda je ještě potřebujete; osobu vymazanou v době, kdy ji doklad držel, lze vymazat úplně.";
    HomeKeptUntil => "kept until", "uchovat do";
    HomeBackupHeading => "Backup", "Záloha";
    HomeBackupNever => "No encrypted backup has been made on this device yet. Your data lives only in this browser.",
        "Na tomto zařízení zatím nevznikla žádná šifrovaná záloha. Vaše data jsou jen v tomto prohlížeči.";
    HomeBackupOld => "Time for a new one: your data lives only in this browser.", "Je čas na novou: vaše data jsou jen v tomto prohlížeči.";
    HomeLastExport => "Last export (not encrypted):", "Poslední export (nešifrovaný):";
    HomeMakeBackup => "Make an encrypted backup", "Vytvořit šifrovanou zálohu";
    ChecklistHeading => "Getting started", "Začínáme";
    ChecklistLead => "Four steps make Folio ready for daily work. Each one ticks itself when it is done.",
        "Čtyři kroky připraví Folio na každodenní práci. Každý se odškrtne sám, jakmile je hotový.";
    ChecklistProfile => "Enter your details as the controller", "Vyplňte své údaje jako správce";
    ChecklistPurposes => "Add the purposes you process personal data for", "Přidejte účely, pro které zpracováváte osobní údaje";
    ChecklistContact => "Add your first contact", "Přidejte první kontakt";
    ChecklistBackup => "Make your first encrypted backup", "Vytvořte první šifrovanou zálohu";
    ChecklistDone => "done", "hotovo";
    ChecklistToDo => "to do", "zbývá";
    ChecklistDismiss => "Hide this checklist", "Skrýt tento seznam";

    // Not found
    NotFoundHeading => "Page not found", "Stránka nenalezena";
    NotFoundBody => "There is no page at this address. ", "Na této adrese žádná stránka není. ";
    NotFoundLink => "Go to the start page", "Přejít na úvodní stránku";

    // Vault gate
    Opening => "Opening your vault…", "Otevírám trezor…";
    WaitingForStorage => "Folio is waiting for the browser's storage. If Folio is open in another tab (perhaps an older version), close that tab; this one continues by itself.",
        "Folio čeká na úložiště prohlížeče. Pokud je Folio otevřené v jiné kartě (třeba ve starší verzi), zavřete ji; tato karta pak pokračuje sama.";
    UnavailableHeading => "Folio cannot store data here", "Folio sem nemůže ukládat data";

    // Create vault
    CreateHeading => "Create your vault", "Vytvořte si trezor";
    CreateLead => "Everything you keep in Folio is encrypted with a key made from your passphrase, and stays in this browser.",
        "Vše, co ve Foliu uchováváte, je zašifrované klíčem odvozeným z vašeho hesla a zůstává v tomto prohlížeči.";
    CreateWarningStrong => "A forgotten passphrase cannot be recovered.", "Zapomenuté heslo nelze obnovit.";
    CreateWarningBody => " Nobody, not even Folio's makers, can open the vault without it. Write it down somewhere safe, and export backups regularly.",
        " Bez něj trezor nikdo neotevře, ani tvůrci Folia. Zapište si ho na bezpečné místo a pravidelně exportujte zálohy.";
    Passphrase => "Passphrase", "Heslo";
    ConfirmPassphrase => "Confirm passphrase", "Heslo znovu";
    PassphraseHint => "At least 12 characters, and no common password, repeat or keyboard row. A few unrelated words are strong and easy to remember.",
        "Alespoň 12 znaků, a žádné běžné heslo, opakování ani řada kláves. Několik nesouvisejících slov je silné heslo, které si snadno zapamatujete.";
    StrengthLabel => "Strength:", "Síla hesla:";
    StrengthWeak => "weak", "slabé";
    StrengthFair => "fair", "průměrné";
    StrengthStrong => "strong", "silné";
    StrengthVeryStrong => "very strong", "velmi silné";
    CreateVault => "Create vault", "Vytvořit trezor";
    Creating => "Creating your vault… deriving the key takes a moment.", "Vytvářím trezor… odvození klíče chvíli trvá.";
    OpenElsewhere => "Folio is open in another tab. Only one tab can use the vault at a time.",
        "Folio je otevřené v jiné kartě. Trezor může najednou používat jen jedna karta.";
    TakeOver => "Take over", "Převzít";
    TypeTwice => "type the same passphrase twice", "zadejte dvakrát stejné heslo";

    // Unlock
    UnlockHeading => "Unlock your vault", "Odemkněte trezor";
    Unlock => "Unlock", "Odemknout";
    Unlocking => "Unlocking… deriving the key takes a moment.", "Odemykám… odvození klíče chvíli trvá.";
    EnterPassphrase => "Enter your passphrase.", "Zadejte heslo.";
    NoticeOpenedElsewhere => "Folio was opened in another tab, so this tab locked itself. Unlock here to take it back.",
        "Folio bylo otevřeno v jiné kartě, a tak se tato karta zamkla. Odemknutím zde ho převezmete zpět.";

    // Damaged data
    DamagedStrong => "Some records could not be decrypted.", "Některé záznamy nešlo dešifrovat.";
    DamagedBody => " They are damaged or were moved, and are not shown. The rest of the vault is fine.",
        " Jsou poškozené nebo přesunuté, a proto se nezobrazují. Zbytek trezoru je v pořádku.";
    CouldNotDecrypt => "could not be decrypted", "nešlo dešifrovat";
    ChainBrokenStrong => "The audit trail does not verify: ", "Auditní stopa nesouhlasí: ";
    ChainBrokenBody => ". Someone or something changed the stored history.", ". Někdo nebo něco změnilo uloženou historii.";
    FindingsStrong => "This browser's storage does not hold the vault as Folio recorded it.",
        "Úložiště prohlížeče neobsahuje trezor tak, jak ho Folio zaznamenalo.";
    FindingsBody => " Something changed it behind Folio's back. What is there opens as usual: export it, and see About this vault.",
        " Něco ho změnilo mimo Folio. Co v něm je, se otevře jako obvykle: exportujte to a podívejte se do části O trezoru.";
    Integrity => "Everything accounted for", "Vše na svém místě";
    IntegrityOk => "Every stored record and audit item is where the vault recorded it.",
        "Každý uložený záznam i položka auditní stopy je tam, kde je trezor zaznamenal.";
    IntegrityNot => "The vault does NOT verify: ", "Trezor NESOUHLASÍ: ";
    AcceptAsFound => "Accept the vault as it is", "Přijmout trezor, jak je";
    AcceptAsFoundHint => "Records what was found in the audit trail and counts the vault as it is from now on. Export first if you may need what is missing.",
        "Zapíše nalezené do auditní stopy a od teď počítá s trezorem, jak je. Pokud byste mohli potřebovat, co chybí, nejdřív exportujte.";
    AcceptAsFoundConfirm => "Yes, accept it as it is", "Ano, přijmout, jak je";
    AcceptedAsFound => "Accepted: the audit trail records what was found.", "Přijato: auditní stopa zaznamenala, co se našlo.";

    // Contacts
    NavContacts => "Contacts", "Kontakty";
    NavAudit => "Audit log", "Auditní stopa";
    ContactsHeading => "Contacts", "Kontakty";
    NewContact => "New contact", "Nový kontakt";
    Search => "Search", "Hledat";
    SearchHint => "Name, e-mail, phone, tag or notes. Press / to search, n for a new contact.",
        "Jméno, e-mail, telefon, štítek nebo poznámky. Klávesa / hledá, n založí nový kontakt.";
    FilterByTags => "Filter by tags", "Filtrovat podle štítků";
    TagsAll => "All of them", "Všechny";
    TagsAny => "Any of them", "Kterýkoli";
    TagMode => "Contacts with", "Kontakty se štítky";
    SortBy => "Sort by", "Řadit podle";
    SortName => "Name", "Jména";
    SortLastActivity => "Last activity", "Poslední aktivity";
    NoContactsYet => "No contacts yet. Add your first client with New contact (or press n).",
        "Zatím žádné kontakty. Prvního klienta přidáte tlačítkem Nový kontakt (nebo klávesou n).";
    NoMatches => "No contact matches the search and filter.", "Hledání a filtru neodpovídá žádný kontakt.";
    ClearFilters => "Clear search and filters", "Zrušit hledání a filtry";
    GivenName => "Given name", "Jméno";
    FamilyName => "Family name", "Příjmení";
    EmailsHint => "One per line; a label may come first, as in “work: jana@firma.cz”.",
        "Jeden na řádek; na začátku může být označení, například „práce: jana@firma.cz“.";
    PhonesHint => "One per line, e.g. “mobile: +420 601 234 567”.", "Jeden na řádek, například „mobil: +420 601 234 567“.";
    Organisation => "Organisation", "Organizace";
    Role => "Role or title", "Funkce";
    Tags => "Tags", "Štítky";
    TagsHint => "Separated by commas, e.g. “client, Prague”.", "Oddělené čárkami, například „klient, Praha“.";
    Preferences => "Preferences", "Preference";
    PreferencesHint => "One per line, e.g. “prefers: phone”.", "Jedna na řádek, například „preferuje: telefon“.";
    Notes => "Notes", "Poznámky";
    Save => "Save", "Uložit";
    Cancel => "Cancel", "Zrušit";
    Edit => "Edit", "Upravit";
    Delete => "Delete", "Smazat";
    EditContact => "Edit contact", "Úprava kontaktu";
    ContactNotFound => "This contact does not exist (any more).", "Tento kontakt neexistuje (už).";
    BackToContacts => "Back to contacts", "Zpět na kontakty";
    ConfirmDeleteContact => "Delete this contact and its activities? This cannot be undone; the audit log keeps a record of the deletion.",
        "Smazat tento kontakt i s jeho aktivitami? Nelze to vrátit; auditní stopa smazání zaznamená.";
    ConfirmDelete => "Yes, delete", "Ano, smazat";
    Timeline => "Activities", "Aktivity";
    NoActivities => "No activities yet: log a call, e-mail, meeting or note.",
        "Zatím žádné aktivity: zaznamenejte telefonát, e-mail, schůzku nebo poznámku.";
    LogActivity => "Log an activity", "Zaznamenat aktivitu";
    ContactDetailsHeading => "More information", "Další údaje";
    ConsentByPurpose => "Consent by purpose", "Souhlasy podle účelů";
    ContactSummary => "Summary", "Souhrn";
    MatchedLabel => "matched:", "shoda:";
    FoundEmail => "e-mail", "e-mail";
    FoundPhone => "phone", "telefon";
    FoundOrganisation => "organisation", "organizace";
    FoundRole => "role", "funkce";
    FoundIco => "IČO", "IČO";
    FoundTag => "tag", "štítek";
    FoundAddress => "address", "adresa";
    FoundNotes => "notes", "poznámky";
    AddActivity => "Add activity", "Přidat aktivitu";
    ActivityKindLabel => "Kind", "Druh";
    KindCall => "Call", "Telefonát";
    KindEmail => "E-mail", "E-mail";
    KindMeeting => "Meeting", "Schůzka";
    KindNote => "Note", "Poznámka";
    When => "When", "Kdy";
    Subject => "Subject", "Předmět";
    Body => "Details", "Podrobnosti";
    History => "History", "Historie změn";
    NoHistory => "No changes recorded.", "Žádné zaznamenané změny.";
    AuditHeading => "Audit log", "Auditní stopa";
    AuditLead => "Every change to the vault, newest first. Each event is chained to the one before by its hash, so a removed, reordered or edited event shows.",
        "Každá změna v trezoru, nejnovější nahoře. Události jsou zřetězené hashem, takže odstranění, přeházení nebo úprava události je vidět.";
    ChainVerifies => "The hash chain verifies.", "Hashový řetězec souhlasí.";
    NavConsent => "Consent", "Souhlasy";
    ConsentHeading => "Consent", "Souhlasy";
    ConsentLead => "Who agreed to what, until when, and who you may contact today.", "Kdo s čím souhlasil, do kdy, a koho dnes smíte oslovit.";
    PurposesHeading => "Purposes of processing", "Účely zpracování";
    PurposesLead => "The register of processing activities (GDPR Art. 30): every purpose with its lawful basis.", "Záznamy o činnostech zpracování (čl. 30 GDPR): každý účel s jeho právním základem.";
    NewPurpose => "New purpose", "Nový účel";
    EditPurpose => "Edit purpose", "Upravit účel";
    NoPurposesYet => "No purposes yet. Add the first one (for example your newsletter) with New purpose.", "Zatím žádné účely. Přidejte první (například newsletter) tlačítkem Nový účel.";
    PurposeNotFound => "There is no such purpose.", "Takový účel neexistuje.";
    PurposeName => "Name of the purpose", "Název účelu";
    PurposeDescription => "Description", "Popis";
    LawfulBasisLabel => "Lawful basis", "Právní základ";
    BasisConsent => "Consent", "Souhlas";
    BasisContract => "Contract", "Smlouva";
    BasisLegalObligation => "Legal obligation", "Právní povinnost";
    BasisVitalInterest => "Vital interest", "Životně důležitý zájem";
    BasisPublicTask => "Public task", "Veřejný úkol";
    BasisLegitimateInterest => "Legitimate interest", "Oprávněný zájem";
    DataCategories => "Categories of personal data", "Kategorie osobních údajů";
    SubjectCategories => "Categories of data subjects", "Kategorie subjektů údajů";
    Recipients => "Recipients", "Příjemci";
    Transfers => "Transfers outside the EU", "Předávání mimo EU";
    TransfersHint => "Leave empty if there are none.", "Nechte prázdné, pokud žádné nejsou.";
    Retention => "Retention period", "Doba uchování";
    OptOut => "The person can opt out", "Subjekt se může odhlásit";
    DirectMarketing => "Direct marketing", "Přímý marketing";
    ShowPassphrase => "Show passphrase", "Zobrazit heslo";
    NoDealsHere => "No deals yet.", "Zatím žádné obchody.";
    RestoreFromBackup => "Restore from a backup", "Obnovit ze zálohy";
    RestoreFromBackupLead => "On a new device? Type this vault's new passphrase above, choose an encrypted backup (or an export) made by Folio, and the vault is created with everything in it.",
        "Na novém zařízení? Nahoře zadejte nové heslo trezoru, vyberte šifrovanou zálohu (nebo export) z Folia a trezor se vytvoří se vším, co obsahuje.";
    BackupOrExportFile => "Backup or export file", "Soubor zálohy nebo exportu";
    FileNotRead => "The file could not be read.", "Soubor nelze přečíst.";
    ChooseAFileFirst => "Choose a file first.", "Nejprve vyberte soubor.";
    DoNotContactHeading => "Do-not-contact list", "Seznam „nekontaktovat“";
    DoNotContactLead => "E-mails and phone numbers of people who objected to direct marketing or were erased. Folio keeps only keyed digests of them, so the list cannot be read; type an address to take it off.",
        "E-maily a telefonní čísla osob, které vznesly námitku proti přímému marketingu nebo byly vymazány. Folio uchovává jen jejich klíčované otisky, takže seznam nelze přečíst; adresu odeberete tak, že ji napíšete.";
    AddressToRemove => "E-mail or phone to take off the list", "E-mail nebo telefon k odebrání ze seznamu";
    RemoveFromList => "Remove from the list", "Odebrat ze seznamu";
    RemovedFromList => "taken off the do-not-contact list.", "odebráno ze seznamu „nekontaktovat“.";
    NotOnList => "is not on the do-not-contact list.", "na seznamu „nekontaktovat“ není.";
    DoNotContactFormHint => "Saving is allowed, but do not use this address for marketing; it comes off the list only in Settings.",
        "Uložit lze, ale tuto adresu nepoužívejte k marketingu; ze seznamu ji lze odebrat jen v Nastavení.";
    ObjectionBanner => "Objected to:", "Námitka proti:";
    ObjectionBannerHint => "Do not process their data for this, and never for direct marketing if they objected to it.",
        "Jejich údaje k tomu nezpracovávejte, a pro přímý marketing nikdy, pokud proti němu vznesli námitku.";
    WhyListedObjected => "on the do-not-contact list: objected to direct marketing",
        "na seznamu „nekontaktovat“: vznesl(a) námitku proti přímému marketingu";
    WhyListedErased => "on the do-not-contact list: an erased person's address",
        "na seznamu „nekontaktovat“: adresa vymazané osoby";
    DirectMarketingHint => "An objection to it is absolute (Art. 21(3)) and puts the person's e-mail and phone on the do-not-contact list.",
        "Námitka proti němu je absolutní (čl. 21 odst. 3) a zařadí e-mail a telefon osoby na seznam „nekontaktovat“.";
    Security => "Security measures", "Bezpečnostní opatření";
    PurposeNoticeHeading => "Privacy notice for this purpose", "Informace o zpracování k tomuto účelu";
    PurposeNoticeLead => "New consents to this purpose take this notice; it can still be changed on each one.",
        "Nové souhlasy s tímto účelem převezmou tyto informace; u každého je lze ještě změnit.";
    PurposeNoticeTitle => "Title of the notice", "Název informací";
    PurposeNoticeUrl => "Where it is published (URL)", "Kde jsou zveřejněny (URL)";
    PurposeNoticeText => "Text of the notice (optional: only its SHA-256 is kept)", "Text informací (nepovinné: uloží se jen jeho SHA-256)";
    PurposeNoticeKept => "The SHA-256 of the text given earlier is kept unless you paste a new text:",
        "Otisk SHA-256 dříve zadaného textu zůstane, pokud nevložíte nový text:";
    NoticeFromPurpose => "Taken from the purpose; change it if the person was shown another notice.",
        "Převzato z účelu; změňte, pokud osoba dostala jiné informace.";
    Retired => "Retired (takes no new consents)", "Vyřazený (nepřijímá nové souhlasy)";
    RetiredBadge => "retired", "vyřazený";
    DeletePurposeQuestion => "Delete this purpose? No consent refers to it.", "Smazat tento účel? Žádný souhlas na něj neodkazuje.";
    PurposeInUse => "Consents refer to this purpose, so it can only be retired.", "Na tento účel odkazují souhlasy, proto jej lze jen vyřadit.";
    ProcessingRecordHeading => "Record of processing activities", "Záznamy o činnostech zpracování";
    ProcessingRecordLead => "Generated from the purposes register (GDPR Art. 30(1)).", "Vytvořeno z registru účelů (čl. 30 odst. 1 GDPR).";
    Controller => "Controller", "Správce";
    ControllerMissing => "Fill in your details in Settings so they appear here.", "Vyplňte své údaje v Nastavení, aby se zde zobrazily.";
    Print => "Print", "Tisk";
    DownloadJson => "Download JSON", "Stáhnout JSON";
    DownloadCsv => "Download CSV", "Stáhnout CSV";
    YesWord => "yes", "ano";
    NoWord => "no", "ne";
    NoneWord => "none", "žádné";
    ConsentPanelHeading => "Consent", "Souhlasy";
    NoConsentsYet => "No consent recorded for this contact.", "U tohoto kontaktu není zaznamenán žádný souhlas.";
    RecordConsent => "Record consent", "Zaznamenat souhlas";
    PurposeLabel => "Purpose", "Účel";
    AnswerLabel => "Answer", "Odpověď";
    AnswerGiven => "Consent given", "Souhlas udělen";
    AnswerRefused => "Consent refused", "Souhlas odmítnut";
    MethodLabel => "Collection method", "Způsob získání";
    MethodWebForm => "Web form", "Webový formulář";
    MethodEmail => "E-mail", "E-mailem";
    MethodPaperForm => "Paper form", "Papírový formulář";
    MethodPhone => "Phone", "Telefonicky";
    MethodInPerson => "In person", "Osobně";
    NoticeLabel => "Privacy notice shown (title or URL)", "Zobrazené informace o zpracování (název nebo URL)";
    NoticeTextLabel => "Text of the notice (optional: only its SHA-256 is kept)", "Text informací (nepovinné: uloží se jen jeho SHA-256)";
    RequestLanguage => "Language of the request", "Jazyk žádosti";
    SourceLabel => "Source", "Zdroj";
    ChannelLabel => "Channel and contact point", "Kanál a kontaktní údaj";
    ProofLabel => "Proof (a note)", "Doklad (poznámka)";
    ProofFileLabel => "Proof file (only its SHA-256 is kept; the file stays with you)", "Soubor dokladu (uloží se jen jeho SHA-256; soubor zůstává u vás)";
    ValidityLabel => "Valid for (months)", "Platnost (měsíce)";
    ValidityHint => "Leave empty for a consent valid until withdrawn.", "Nechte prázdné pro souhlas platný do odvolání.";
    HowLabel => "How it was expressed", "Jak byl vyjádřen";
    Withdraw => "Withdraw", "Odvolat";
    Renew => "Renew", "Obnovit";
    Receipt => "Receipt", "Potvrzení";
    StateGiven => "given", "udělen";
    StateRefused => "refused", "odmítnut";
    StateWithdrawn => "withdrawn", "odvolán";
    StateExpired => "expired", "vypršel";
    StateNone => "no answer", "bez odpovědi";
    ValidUntilWithdrawn => "until withdrawn", "do odvolání";
    ExpiresOn => "valid until", "platí do";
    EventGiven => "given", "udělen";
    EventRefused => "refused", "odmítnut";
    EventWithdrawn => "withdrawn", "odvolán";
    EventExpired => "expired", "vypršel";
    EventRenewed => "renewed", "obnoven";
    WithdrawnInApp => "withdrawn in Folio at the person's request", "odvoláno ve Foliu na žádost subjektu";
    RenewedInApp => "renewed in Folio", "obnoveno ve Foliu";
    WithdrawalUndoneInApp => "undone in Folio: the withdrawal was recorded by mistake", "vráceno zpět ve Foliu: odvolání bylo zaznamenáno omylem";
    EventWithdrawalUndone => "withdrawal undone, given again", "odvolání vráceno zpět, znovu udělen";
    ConfirmWithdraw => "Yes, withdraw", "Ano, odvolat";

    // The status message after an action, and its Undo
    Undo => "Undo", "Vrátit zpět";
    Dismiss => "Dismiss", "Zavřít";
    ActivityDeleted => "Activity deleted.", "Aktivita smazána.";
    ActivityRestored => "Activity restored.", "Aktivita obnovena.";
    FollowUpDeleted => "Follow-up deleted.", "Úkol smazán.";
    FollowUpRestored => "Follow-up restored.", "Úkol obnoven.";
    DocumentDeleted => "Document reference deleted.", "Odkaz na doklad smazán.";
    DocumentRestored => "Document reference restored.", "Odkaz na doklad obnoven.";
    DealDeleted => "Deal deleted.", "Obchodní případ smazán.";
    OrganisationDeleted => "Organisation deleted.", "Firma smazána.";
    ContactErased => "Contact erased.", "Kontakt vymazán.";
    ContactErasedKept => "Contact erased. What the documents must keep stays, restricted.", "Kontakt vymazán. Co musí doklady uchovat, zůstává s omezeným zpracováním.";
    LimitsHeading => "Objections and restrictions", "Námitky a omezení zpracování";
    NoLimits => "No objection or restriction recorded.", "Žádná námitka ani omezení nejsou zaznamenány.";
    LimitKindLabel => "Objection or restriction", "Námitka, nebo omezení";
    LimitObjection => "Objection (Art. 21)", "Námitka (čl. 21)";
    LimitRestriction => "Restriction of processing (Art. 18)", "Omezení zpracování (čl. 18)";
    AllPurposes => "All purposes", "Všechny účely";
    ReasonLabel => "Reason", "Důvod";
    RecordLimit => "Record", "Zaznamenat";
    OpenLimitForm => "Record an objection or restriction", "Zaznamenat námitku nebo omezení";
    Lift => "Lift", "Ukončit";
    LiftedOn => "ended", "ukončeno";
    SinceWord => "since", "od";
    ConsentInForm => "Consent", "Souhlas";
    ConsentInFormHint => "Tick the purposes this person agreed to now; the consent is recorded with the contact.", "Zaškrtněte účely, se kterými osoba právě souhlasila; souhlas se zaznamená spolu s kontaktem.";
    MayContactHeading => "May I contact?", "Smím oslovit?";
    MayContactLead => "For a purpose and today's date: who Folio may process, and why the others not.", "Pro účel a dnešní datum: koho smíte zpracovávat, a proč ostatní ne.";
    Eligible => "May be contacted", "Smí být osloveni";
    Excluded => "Excluded", "Vyloučeni";
    NoOneEligible => "No one, today.", "Dnes nikdo.";
    NoOneExcluded => "No one.", "Nikdo.";
    NoActivePurposes => "There is no active purpose yet: add one in Purposes of processing.", "Zatím není žádný aktivní účel: přidejte jej v Účelech zpracování.";
    WhyNoConsent => "no consent recorded", "žádný souhlas není zaznamenán";
    WhyRefused => "consent refused", "souhlas odmítnut";
    WhyWithdrawn => "consent withdrawn on", "souhlas odvolán dne";
    WhyExpired => "consent expired on", "souhlas vypršel dne";
    WhyObjected => "objected on", "námitka ze dne";
    WhyRestricted => "processing restricted since", "zpracování omezeno od";
    WhyRetired => "the purpose is retired", "účel je vyřazený";
    WhyNotTagged => "not tagged", "nemá štítek";
    WhyNotCustomer => "not a customer: no won deal and no invoice", "není zákazník: žádný vyhraný obchodní případ ani faktura";
    WhyNotInStages => "no deal in the purpose's stages", "žádný obchodní případ ve fázích účelu";
    WhyNoSale => "no sale to them: e-mail marketing needs consent (Act 480/2004, §7)", "žádný prodej: e-mailový marketing vyžaduje souhlas (zákon č. 480/2004 Sb., § 7)";
    WhyNotOwnSimilar => "the purpose is not marked for own similar products or services (Act 480/2004, §7(3))", "účel není označen pro vlastní obdobné výrobky nebo služby (zákon č. 480/2004 Sb., § 7 odst. 3)";
    WhyEmailNotFromSale => "their e-mail is not recorded as collected with a sale (Act 480/2004, §7(3))", "jejich e-mail není zaznamenán jako získaný v souvislosti s prodejem (zákon č. 480/2004 Sb., § 7 odst. 3)";
    WhyNoRefusalOffered => "no record of the refusal offered when their e-mail was collected (Act 480/2004, §7(3))", "chybí záznam o odmítnutí nabídnutém při získání e-mailu (zákon č. 480/2004 Sb., § 7 odst. 3)";
    AudienceLabel => "Audience", "Okruh osob";
    AudienceHint => "Only these people may be contacted for this purpose, whatever its basis.", "Pro tento účel smí být osloveni jen tito lidé, ať je právní základ jakýkoli.";
    AudienceEveryone => "Everyone", "Všichni";
    AudienceTagged => "Contacts with a tag", "Kontakty se štítkem";
    AudienceCustomers => "Customers (a won deal or an invoice)", "Zákazníci (vyhraný obchodní případ nebo faktura)";
    AudienceDealStages => "Parties to a deal in chosen stages", "Účastníci obchodního případu ve zvolených fázích";
    AudienceTag => "Audience tag", "Štítek okruhu osob";
    AudienceStages => "Deal stages", "Fáze obchodního případu";
    OwnSimilar => "Own similar products or services", "Vlastní obdobné výrobky nebo služby";
    OwnSimilarHint => "Without consent, e-mail marketing may reach only customers whose e-mail was collected with a sale and who were offered a refusal (Act 480/2004, §7(3)).", "Bez souhlasu smí e-mailový marketing oslovit jen zákazníky, jejichž e-mail byl získán v souvislosti s prodejem a kterým bylo nabídnuto odmítnutí (zákon č. 480/2004 Sb., § 7 odst. 3).";
    SaleFactsHeading => "Marketing e-mail to this customer (Act 480/2004, §7(3))", "Obchodní sdělení tomuto zákazníkovi (zákon č. 480/2004 Sb., § 7 odst. 3)";
    EmailCollected => "E-mail collected with this sale", "E-mail získán v souvislosti s tímto prodejem";
    RefusalOffered => "Refusal offered on", "Odmítnutí nabídnuto dne";
    ExpiringSoon => "Expiring within 30 days", "Vyprší do 30 dnů";
    ExpiredList => "Expired", "Vypršelé";
    WithdrawnList => "Withdrawn", "Odvolané";
    PurposesWithoutConsents => "Consent purposes with no consents", "Účely na základě souhlasu bez souhlasů";
    NothingHere => "Nothing here.", "Nic.";
    ReceiptHeading => "Consent receipt", "Potvrzení o souhlasu";
    ReceiptLead => "A record of the consent, for the person it concerns.", "Záznam o souhlasu pro osobu, které se týká.";
    ConsentNotFound => "There is no such consent.", "Takový souhlas neexistuje.";
    ReceiptId => "Receipt ID", "Číslo potvrzení";
    DataSubject => "Data subject", "Subjekt údajů";
    NoticeHash => "SHA-256 of the notice", "SHA-256 informací";
    ProofHash => "SHA-256 of the proof", "SHA-256 dokladu";
    NoConsentNeeded => "no consent needed", "souhlas není potřeba";
    CurrentState => "State today", "Stav k dnešku";
    LoadingConsents => "Consents are still being decrypted…", "Souhlasy se ještě dešifrují…";
    ChainChecking => "Checking the hash chain…", "Kontroluji hashový řetězec…";
    LoadingRest => "Decrypting activities and the rest of your records…", "Dešifruji aktivity a ostatní záznamy…";
    CheckingTrail => "Checking the audit trail… You can already work; history appears when it is done.", "Kontroluji auditní stopu… Už můžete pracovat; historie se zobrazí, až bude hotovo.";
    HistoryLoading => "History appears once the audit trail is checked…", "Historie se zobrazí po kontrole auditní stopy…";
    Saved => "Saved.", "Uloženo.";
    Deleted => "Deleted.", "Smazáno.";
    Fields => "Field", "Pole";
    Before => "Before", "Předtím";
    After => "After", "Potom";
    NoValue => "(empty)", "(prázdné)";
    RecordGone => "no longer in the vault", "už v trezoru není";
    ValueYes => "yes", "ano";
    ValueNo => "no", "ne";
    StoredContactDeleted => "closed: the person was deleted", "uzavřeno: osoba byla smazána";
    FieldConsentEvent => "Consent event", "Událost souhlasu";
    FieldLifted => "Ended", "Ukončeno";
    FieldFileSha => "SHA-256 of the file", "SHA-256 souboru";
    FieldImportMode => "How it was imported", "Způsob importu";
    AuditFilterLegend => "Show only", "Zobrazit jen";
    AuditFilterRecord => "Person or record", "Osoba nebo záznam";
    AuditFilterAllRecords => "All people and records", "Všechny osoby a záznamy";
    AuditFilterKind => "Kind of event", "Druh události";
    AuditFilterAllKinds => "All kinds", "Všechny druhy";
    AuditFilterFrom => "From (day)", "Od (den)";
    AuditFilterTo => "To (day)", "Do (dne)";
    AuditFilterClear => "Show everything", "Zobrazit vše";
    AuditNoMatch => "No event matches the filter.", "Filtru neodpovídá žádná událost.";
    AuditPages => "Pages of the audit log", "Stránky auditní stopy";
    AuditNewer => "Newer", "Novější";
    AuditOlder => "Older", "Starší";

    // Merge
    MergeLink => "Merge with another contact", "Sloučit s jiným kontaktem";
    MergeHeading => "Merge contacts", "Sloučení kontaktů";
    MergeLead => "The other contact is merged into this one: pick which value wins where they differ. E-mails, phones, tags and preferences of both are kept; the other's activities move here; the other contact is then removed. The history of both stays in the audit log.",
        "Druhý kontakt se sloučí do tohoto: kde se liší, vyberte, která hodnota platí. E-maily, telefony, štítky a preference obou zůstanou; aktivity druhého se přesunou sem; druhý kontakt pak zmizí. Historie obou zůstává v auditní stopě.";
    MergeWith => "Contact to merge into this one", "Kontakt, který se sloučí do tohoto";
    ChooseContact => "(choose a contact)", "(vyberte kontakt)";
    NoDifferences => "Where both have a value, it is the same: nothing to choose.", "Kde mají oba hodnotu, je stejná: není co vybírat.";
    Merge => "Merge", "Sloučit";
    KeepThis => "this contact", "tento kontakt";
    TakeOther => "the other", "druhý kontakt";

    // Organisations
    NavOrganisations => "Organisations", "Firmy";
    OrganisationsHeading => "Organisations", "Firmy";
    NewOrganisation => "New organisation", "Nová firma";
    EditOrganisation => "Edit organisation", "Úprava firmy";
    OrganisationName => "Name of the organisation", "Název firmy";
    Website => "Website", "Web";
    NoOrganisationsYet => "No organisations yet. Add the firms your contacts work for with New organisation.",
        "Zatím žádné firmy. Firmy, pro které vaše kontakty pracují, přidáte tlačítkem Nová firma.";
    OrganisationNotFound => "This organisation does not exist (any more).", "Tato firma neexistuje (už).";
    BackToOrganisations => "Back to organisations", "Zpět na firmy";
    People => "People", "Lidé";
    NoPeople => "Nobody belongs to this organisation yet. Choose it as the Organisation of a contact.",
        "K této firmě zatím nikdo nepatří. Vyberte ji jako Organizaci u kontaktu.";
    NoOrganisation => "(none)", "(žádná)";
    ConfirmDeleteOrganisation => "Delete this organisation? This cannot be undone; the audit log keeps a record of the deletion.",
        "Smazat tuto firmu? Nelze to vrátit; auditní stopa smazání zaznamená.";

    // Settings
    SettingsHeading => "Settings", "Nastavení";
    ProfileHeading => "Your details (controller)", "Vaše údaje (správce)";
    ProfileHint => "As the controller of your clients' personal data, you are named in the record of processing and in every access export.",
        "Jako správce osobních údajů svých klientů jste uvedeni v záznamech o činnostech zpracování a v každém exportu pro právo na přístup.";
    Name => "Name", "Jméno";
    Email => "E-mail", "E-mail";
    Phone => "Phone", "Telefon";
    Address => "Address", "Adresa";
    Addresses => "Addresses", "Adresy";
    AddressesHint => "One address per paragraph (a blank line between two); a label may come first, as in “work: Dlouhá 5, Praha”.",
        "Každá adresa v samostatném odstavci (mezi dvěma prázdný řádek); na začátku může být označení, například „práce: Dlouhá 5, Praha“.";
    Birthday => "Birthday", "Datum narození";
    BirthdayHint => "E.g. “1985-04-12” or “12. 4. 1985”; without the year “--04-12”.",
        "Například „1985-04-12“ nebo „12. 4. 1985“; bez roku „--04-12“.";
    Ico => "IČO", "IČO";
    VatId => "DIČ / VAT number", "DIČ";
    SaveDetails => "Save details", "Uložit údaje";
    DetailsSaved => "Your details were saved.", "Vaše údaje jsou uložené.";
    PassphraseHeading => "Change passphrase", "Změna hesla";
    CurrentPassphrase => "Current passphrase", "Současné heslo";
    NewPassphrase => "New passphrase", "Nové heslo";
    ConfirmNewPassphrase => "Confirm new passphrase", "Nové heslo znovu";
    NewPassphraseHint => "At least 12 characters, and no common password, repeat or keyboard row.",
        "Alespoň 12 znaků, a žádné běžné heslo, opakování ani řada kláves.";
    ChangePassphrase => "Change passphrase", "Změnit heslo";
    Rewrapping => "Re-encrypting the key… this takes a moment.", "Znovu šifruji klíč… chvíli to trvá.";
    PassphraseChanged => "Your passphrase was changed. Use the new one from now on.",
        "Heslo je změněné. Od teď používejte nové.";
    EnterCurrentPassphrase => "enter your current passphrase", "zadejte současné heslo";
    NotCurrentPassphrase => "wrong passphrase: this is not your current passphrase",
        "špatné heslo: toto není vaše současné heslo";
    AutoLockHeading => "Automatic lock", "Automatické zamykání";
    LockAfter => "Lock after inactivity", "Zamknout po nečinnosti";
    LockAfterHint => "Also when the tab stays hidden that long. Locking removes the key and all decrypted data from memory.",
        "Také když karta zůstane tak dlouho skrytá. Zamknutí odstraní z paměti klíč i všechna dešifrovaná data.";
    LanguageHeading => "Language", "Jazyk";
    LanguageLabel => "Language of the interface", "Jazyk rozhraní";

    // About
    AboutHeading => "About this vault", "O trezoru";
    AboutLead => "Folio stores everything in this browser's storage for this site. These figures come straight from the browser.",
        "Folio vše ukládá do úložiště tohoto prohlížeče pro tento web. Tyto údaje pocházejí přímo z prohlížeče.";
    PersistentStorage => "Persistent storage", "Trvalé úložiště";
    PersistedYes => "Yes. The browser will not clear Folio's data to free space.",
        "Ano. Prohlížeč data Folia nesmaže, aby uvolnil místo.";
    PersistedNo => "No. Under storage pressure the browser may clear Folio's data; export backups regularly.",
        "Ne. Při nedostatku místa smí prohlížeč data Folia smazat; pravidelně exportujte zálohy.";
    AskingBrowser => "Asking the browser…", "Ptám se prohlížeče…";
    StorageUsed => "Storage used", "Využité úložiště";
    Encryption => "Encryption", "Šifrování";
    AuditTrail => "Audit trail", "Auditní stopa";
    LastUnlock => "Last unlock took", "Poslední odemknutí trvalo";
    NotMeasured => "Not measured in this session (the vault was just created).",
        "V této relaci neměřeno (trezor byl právě vytvořen).";
    AskPersistence => "Ask for persistent storage", "Požádat o trvalé úložiště";
    PersistenceHint => "Browsers decide on their own: an installed app or a site you use often is more likely to be granted it.",
        "Prohlížeče rozhodují samy: nainstalovaná aplikace nebo často používaný web ho dostane spíše.";

    // Deals
    NavDeals => "Deals", "Obchody";
    DealsHeading => "Deals", "Obchody";
    DealsLead => "Your pipeline: every deal with its stage, value and chance. Totals never mix currencies.",
        "Vaše obchodní příležitosti: každá s fází, hodnotou a šancí. Součty nikdy nesčítají různé měny.";
    NewDeal => "New deal", "Nový obchod";
    EditDeal => "Edit deal", "Úprava obchodu";
    ViewBoard => "Board", "Nástěnka";
    ViewList => "List", "Seznam";
    DealsView => "View", "Zobrazení";
    StageLead => "Lead", "Zájemce";
    StageQualified => "Qualified", "Ověřený zájem";
    StageProposal => "Proposal", "Nabídka";
    StageNegotiation => "Negotiation", "Vyjednávání";
    StageWon => "Won", "Vyhráno";
    StageLost => "Lost", "Prohráno";
    DealTitle => "Title", "Název";
    StageLabel => "Stage", "Fáze";
    DealValue => "Value", "Hodnota";
    CurrencyLabel => "Currency", "Měna";
    CurrencyHint => "An ISO 4217 code such as CZK or EUR.", "Kód podle ISO 4217, například CZK nebo EUR.";
    ExpectedClose => "Expected close", "Očekávané uzavření";
    ProbabilityLabel => "Probability (%)", "Pravděpodobnost (%)";
    ProbabilityHint => "Leave empty for 10 %; a won deal counts 100 %, a lost one 0 %.",
        "Prázdné znamená 10 %; vyhraný obchod se počítá 100 %, prohraný 0 %.";
    DealContacts => "Contacts", "Kontakty";
    FindContact => "Add a contact", "Přidat kontakt";
    FindContactHint => "Type part of a name, then choose.", "Napište část jména a vyberte.";
    RemoveWord => "Remove", "Odebrat";
    OutcomeReason => "Why won or lost", "Proč vyhráno či prohráno";
    DealNotFound => "This deal does not exist (any more).", "Tento obchod neexistuje (už).";
    BackToDeals => "Back to deals", "Zpět na obchody";
    NoDealsYet => "No deals yet. Start one with New deal, or from a contact's page.",
        "Zatím žádné obchody. Založte první tlačítkem Nový obchod nebo na stránce kontaktu.";
    NoDealsMatch => "No deal matches these filters.", "Filtrům neodpovídá žádný obchod.";
    EmptyStage => "No deals in this stage.", "V této fázi nejsou žádné obchody.";
    BoardHint => "Move a focused card with the ← and → keys or its stage menu, or drag it to another column.",
        "Kartu se zaměřením přesunete klávesami ← a →, nabídkou fáze, nebo přetažením do jiného sloupce.";
    ArrowBetweenOutcomes => "A closed deal is not moved to the other outcome with the arrow keys: choose it in the card's stage menu.",
        "Uzavřený obchod se šipkami nepřesouvá do opačného výsledku: vyberte ho v nabídce fáze na kartě.";
    TotalsHeading => "Totals per stage", "Součty podle fáze";
    WeightedLabel => "Weighted", "Vážená hodnota";
    OpenPipeline => "Open pipeline", "Otevřené obchody";
    WithoutValue => "no value", "bez hodnoty";
    AllStages => "All stages", "Všechny fáze";
    AllOrganisations => "All organisations", "Všechny firmy";
    CloseBy => "Closing by", "Uzavření do";
    MinValue => "Value at least", "Hodnota alespoň";
    ChartHeading => "Pipeline chart", "Graf obchodů";
    ChartValueByStage => "Value per stage", "Hodnota podle fáze";
    ChartWonLost => "Won and lost, last 12 months", "Vyhrané a prohrané za posledních 12 měsíců";
    ChartNoValues => "No deal has a value yet.", "Zatím žádný obchod nemá hodnotu.";
    StageHistory => "Stage history", "Historie fází";
    DeleteDealQuestion => "Delete this deal and its follow-ups? Its activities stay on the contacts' timelines; the audit log keeps a record.",
        "Smazat tento obchod i s jeho úkoly? Aktivity zůstanou na časové ose kontaktů; auditní záznam zůstane.";
    DealLabel => "Deal", "Obchod";
    NoDeal => "(no deal)", "(žádný obchod)";
    Activities => "Activities", "Aktivity";
    NoDealActivities => "No activity is linked to this deal yet: choose the deal when you record an activity on a contact.",
        "S obchodem zatím nesouvisí žádná aktivita: vyberte obchod při zápisu aktivity u kontaktu.";

    // Documents and retention
    DocumentsHeading => "Documents", "Doklady";
    DocumentsLead => "References to documents you keep elsewhere. Invoices and contracts bind you to keep the data they concern.",
        "Odkazy na doklady, které máte uložené jinde. Faktury a smlouvy vás zavazují uchovat údaje, kterých se týkají.";
    AddDocument => "Add document", "Přidat doklad";
    EditDocument => "Edit document", "Úprava dokladu";
    DocumentKindLabel => "Kind", "Druh";
    DocOffer => "Offer", "Nabídka (dokument)";
    DocContract => "Contract", "Smlouva";
    DocInvoice => "Invoice", "Faktura";
    DocOther => "Other", "Jiný";
    DocumentNumber => "Number", "Číslo";
    DocumentDate => "Date", "Datum";
    AmountLabel => "Amount", "Částka";
    DocumentNote => "Note", "Poznámka";
    ContractEnd => "Contract ends", "Konec smlouvy";
    RetainUntil => "Retain until", "Uchovat do";
    RetainUntilHint => "Leave empty for the default: an invoice until the end of the 10th year after the year it was issued, a contract 10 years after it ends.",
        "Prázdné znamená výchozí lhůtu: faktura do konce 10. roku po roce vystavení, smlouva 10 let po skončení.";
    RetentionReason => "Reason for another date", "Důvod jiného data";
    NoDocuments => "No documents yet.", "Zatím žádné doklady.";
    NoLegalHold => "no retention hold", "bez lhůty uchování";
    DeleteDocumentQuestion => "Delete this document reference? Folio will no longer know that it must keep this data.",
        "Smazat odkaz na doklad? Folio pak nebude vědět, že tyto údaje musí uchovat.";
    RetentionHold => "Retention hold", "Lhůta uchování";
    HoldsLead => "These documents must be kept, and with them the details that identify whom they concern:",
        "Tyto doklady je nutné uchovat, a s nimi i údaje o tom, koho se týkají:";
    ConcernsLabel => "Concerns", "Týká se";

    // Follow-ups and the Agenda
    NavAgenda => "Agenda", "Diář";
    AgendaHeading => "Agenda", "Diář";
    AgendaLead => "Your follow-ups by day, on this device's time zone.", "Vaše úkoly podle dne, v časovém pásmu tohoto zařízení.";
    FollowUpsHeading => "Follow-ups", "Úkoly";
    AddFollowUp => "Add follow-up", "Přidat úkol";
    OpenFollowUpForm => "Add a follow-up", "Naplánovat úkol";
    SnoozeDay => "Snooze 1 day", "Odložit o den";
    SnoozeWeek => "Snooze 1 week", "Odložit o týden";
    Reschedule => "Reschedule", "Přeplánovat";
    NewDueDate => "New date", "Nový termín";
    FollowUpTitle => "Follow-up", "Úkol";
    DueDate => "Due date", "Termín";
    DueTime => "Time", "Čas";
    DueTimeHint => "Optional; 9:00 when empty.", "Nepovinné; prázdné znamená 9:00.";
    DoneLabel => "Done", "Hotovo";
    NoFollowUps => "No follow-ups.", "Žádné úkoly.";
    Overdue => "Overdue", "Po termínu";
    TodayLabel => "Today", "Dnes";
    Upcoming => "Upcoming", "Nadcházející";
    RecentlyDone => "Done", "Hotové";
    NothingDue => "Nothing here.", "Nic.";
    LosingTouchHeading => "Losing touch", "Ztrácíte kontakt";
    LosingTouchLead => "Contacts with the chosen tag and no activity for at least this many days.",
        "Kontakty se zvoleným štítkem bez aktivity alespoň tolik dní.";
    TagLabel => "Tag", "Štítek";
    DaysLabel => "Days", "Dní";
    NoTagsYet => "Give contacts tags first (such as client): this list watches one tag.",
        "Nejdřív kontaktům přidejte štítky (např. klient): tento seznam hlídá jeden štítek.";
    NobodyLosingTouch => "Everyone with this tag was contacted recently.", "Všechny se štítkem jste nedávno kontaktovali.";
    NeverContacted => "never contacted", "zatím bez kontaktu";

    // Pipeline settings
    PipelineHeading => "Pipeline stages", "Fáze obchodů";
    PipelineHint => "Rename or reorder the stages; deals stay in their stage.",
        "Fáze můžete přejmenovat nebo přeřadit; obchody v nich zůstanou.";
    MoveUp => "Move up", "Posunout výš";
    MoveDown => "Move down", "Posunout níž";

    // Data: export, import, backups
    NavData => "Data", "Data";
    DataHeading => "Your data", "Vaše data";
    DataLead => "Everything in this vault, as one open JSON file you keep: to back it up, to move it to another browser, or to take it elsewhere.",
        "Vše z tohoto trezoru jako jeden otevřený soubor JSON, který si uložíte: jako zálohu, pro přenos do jiného prohlížeče nebo jinam.";
    ExportHeading => "Export", "Export";
    ExportAll => "Export all data (JSON)", "Exportovat všechna data (JSON)";
    Exporting => "Exporting…", "Exportuji…";
    ExportDone => "The export was saved to your downloads.", "Export je uložený ve stažených souborech.";
    LastExport => "Last export", "Poslední export";
    NeverExported => "never on this device", "na tomto zařízení ještě nikdy";
    ExportUnencrypted => "The file is not encrypted: keep it as safe as the vault's passphrase.",
        "Soubor není šifrovaný: chraňte ho stejně pečlivě jako heslo k trezoru.";
    FormatLink => "The format, described as a JSON Schema", "Popis formátu (JSON Schema)";
    ImportHeading => "Restore from an export", "Obnovit z exportu";
    ImportLead => "Brings a Folio export or encrypted backup into this vault: into an empty vault everything is restored as it was (contacts, deals, consents, documents, follow-ups and the audit log); into a vault with data you choose to merge or to replace.",
        "Načte export nebo šifrovanou zálohu Folia do tohoto trezoru: do prázdného trezoru obnoví vše, jak to bylo (kontakty, obchody, souhlasy, doklady, úkoly i auditní záznam); do trezoru s daty si vyberete sloučení, nebo nahrazení.";
    ImportFile => "Folio export or encrypted backup file", "Soubor s exportem nebo šifrovanou zálohou Folia";
    ImportReading => "Reading and checking the file…", "Čtu a kontroluji soubor…";
    ImportButton => "Import", "Importovat";
    ImportHow => "This vault has data. How should the file come in?", "Tento trezor už data obsahuje. Jak soubor načíst?";
    ImportMerge => "Merge: add what is new; where both have a record, the newer revision wins (conflicts are listed)",
        "Sloučit: přidat, co je nové; kde mají záznam oba, vyhraje novější revize (konflikty se vypíšou)";
    ImportReplace => "Replace everything in this vault by the file", "Nahradit vše v tomto trezoru obsahem souboru";
    ReplaceConfirmLabel => "Type REPLACE to confirm", "Pro potvrzení napište NAHRADIT";
    ReplaceConfirmWord => "REPLACE", "NAHRADIT";
    MergeConflictsHeading => "Records that differ", "Záznamy, které se liší";
    KeptTheirs => "the file's newer revision was taken", "převzata novější revize ze souboru";
    KeptYoursNewer => "yours was newer and stayed", "vaše byla novější a zůstala";
    KeptYoursConflict => "conflict: edited in both places at the same revision; yours stayed", "konflikt: upraveno na obou místech ve stejné revizi; zůstala vaše";
    BackupReminder => "Your data lives only in this browser, and it has not been exported for a while.",
        "Vaše data jsou jen v tomto prohlížeči a dlouho jste je neexportovali.";
    BackupNow => "Export now", "Exportovat";
    Later => "Later", "Později";

    BackupHeading => "Encrypted backup", "Šifrovaná záloha";
    BackupLead => "The same export, encrypted under a passphrase of its own (Argon2id and AES-256-GCM): safe to keep on a USB stick or in a cloud folder. Without that passphrase nobody, not even you, can open it.",
        "Tentýž export zašifrovaný vlastním heslem (Argon2id a AES-256-GCM): můžete ho bezpečně uložit na flash disk nebo do cloudu. Bez tohoto hesla ho nikdo neotevře, ani vy.";
    BackupPassphrase => "Backup passphrase", "Heslo zálohy";
    ConfirmBackupPassphrase => "Confirm backup passphrase", "Heslo zálohy znovu";
    DownloadBackup => "Download encrypted backup", "Stáhnout šifrovanou zálohu";
    BackupSaved => "The encrypted backup was saved to your downloads.", "Šifrovaná záloha je uložená ve stažených souborech.";
    OpenBackup => "Open backup", "Otevřít zálohu";
    ContactsOutHeading => "Contacts for other programs", "Kontakty pro jiné programy";
    ContactsOutLead => "Every contact as a spreadsheet (CSV, opens in Excel) or as vCard 4.0 (phones, Outlook, Google Contacts). Only the contact cards: no consents, deals or history.",
        "Všechny kontakty jako tabulka (CSV, otevře se v Excelu) nebo jako vCard 4.0 (telefony, Outlook, Google Kontakty). Jen kontaktní údaje: bez souhlasů, obchodů a historie.";
    ExportContactsCsv => "Export contacts (CSV)", "Exportovat kontakty (CSV)";
    ExportContactsVcard => "Export contacts (vCard)", "Exportovat kontakty (vCard)";
    ContactsImportHeading => "Import contacts (CSV or vCard)", "Import kontaktů (CSV nebo vCard)";
    ContactsImportLead => "Contacts from a spreadsheet (CSV from Excel, Google Contacts or Outlook) or from a phone (vCard). You see what will be imported first; rows with problems, and people whose e-mail is already in Folio, are skipped.",
        "Kontakty z tabulky (CSV z Excelu, Google Kontaktů nebo Outlooku) nebo z telefonu (vCard). Nejdřív uvidíte, co se naimportuje; řádky s problémy a lidé, jejichž e-mail už ve Foliu je, se přeskočí.";
    ContactsFile => "Contacts file", "Soubor s kontakty";
    ImportContacts => "Import contacts", "Importovat kontakty";
    ImportFormat => "Format", "Formát";
    ColumnsHeading => "Columns", "Sloupce";
    ColumnInFile => "Column in the file", "Sloupec v souboru";
    ImportedAs => "Imported as", "Importuje se jako";
    FirstValue => "First value", "První hodnota";
    NotImported => "Not imported", "Neimportuje se";
    FullNameField => "Full name (split into given and family name)", "Celé jméno (rozdělí se na jméno a příjmení)";
    ImportPreviewHeading => "The first rows as they will be imported", "První řádky, jak se naimportují";
    RowNumber => "Row", "Řádek";
    CardNumber => "Card", "Vizitka";
    ImportProblems => "Problems", "Problémy";
    RowReady => "ready", "v pořádku";
    SkippedRowsHeading => "Rows that will be skipped", "Řádky, které se přeskočí";
    RowNumbersHint => "Row numbers are those of a spreadsheet: the header is row 1.", "Čísla řádků odpovídají tabulce: záhlaví je řádek 1.";
    NothingMapped => "No column is imported: choose below what at least one column holds.", "Neimportuje se žádný sloupec: níže vyberte, co obsahuje alespoň jeden z nich.";
    NothingToImport => "No row can be imported.", "Nelze naimportovat žádný řádek.";
    ImportCharset => "Character set", "Znaková sada";
    ImportHeaderRow => "Header row", "Řádek se záhlavím";
    OrganisationOnly => "organisation only (no person)", "jen firma (bez osoby)";
    DroppedValuesHeading => "Values that will be left out", "Hodnoty, které se vynechají";
    NotKeptHeading => "Data in the file that will not be imported", "Data v souboru, která se neimportují";
    NotKeptColumnsHint => "These columns hold data but are not imported: choose a field for them above if you want to keep it.",
        "Tyto sloupce obsahují data, ale neimportují se: chcete-li je zachovat, vyberte jim výše pole.";
    NotKeptPropertiesHint => "Folio has no place for these vCard properties.", "Pro tyto údaje vizitky nemá Folio místo.";
    ValuesLeftOut => "values left out", "vynechané hodnoty";
    ThisBackupPassphrase => "Passphrase of this backup", "Heslo této zálohy";
    BackupNeedsPassphrase => "This is an encrypted backup: enter its passphrase.", "Toto je šifrovaná záloha: zadejte její heslo.";
    WrongBackupPassphrase => "Wrong backup passphrase (or the file is damaged). Nothing was imported.",
        "Špatné heslo zálohy (nebo je soubor poškozený). Nic se neimportovalo.";

    // Erasure (Art. 17) of one person
    EraseLink => "Erase (Art. 17)…", "Vymazat (čl. 17)…";
    EraseHeading => "Erase this person (Art. 17)", "Vymazat osobu (čl. 17)";
    EraseLead => "Folio deletes everything about this person that it may delete. What the law requires you to keep stays, restricted (Art. 18), until the obligation ends; then the Agenda offers to finish the erasure. Nothing changes until you confirm.",
        "Folio smaže vše, co o této osobě smazat smí. Co musíte ze zákona uchovat, zůstane s omezeným zpracováním (čl. 18), dokud povinnost neskončí; potom Agenda nabídne výmaz dokončit. Dokud nepotvrdíte, nic se nezmění.";
    EraseDeletedHeading => "Will be deleted", "Bude smazáno";
    EraseKeptHeading => "Must be kept, and why", "Musí zůstat, a proč";
    EraseNothingKept => "No document has to be kept: the contact itself is deleted too.", "Žádný doklad se nemusí uchovávat: smaže se i samotný kontakt.";
    EraseWholeContact => "The contact with all its details", "Kontakt se všemi údaji";
    EraseContactDetails => "E-mails, phones, role, tags, preferences and notes", "E-maily, telefony, pozice, štítky, preference a poznámky";
    EraseKeptFields => "Kept of the contact (what the documents must state): name, organisation, IČO, DIČ, address. Processing is restricted (Art. 18): no campaigns, no consent, no follow-ups.",
        "Z kontaktu zůstane (co musí doklady uvádět): jméno, firma, IČO, DIČ, adresa. Zpracování je omezené (čl. 18): žádné kampaně, souhlasy ani připomínky.";
    EraseLegalReason => "a legal obligation to keep it (Art. 17(3)(b); for invoices the Czech VAT and accounting acts)", "zákonná povinnost uchovat (čl. 17 odst. 3 písm. b; u faktur zákon o DPH a o účetnictví)";
    KeepOnList => "Keep on the do-not-contact list", "Ponechat na seznamu „nekontaktovat“";
    KeepOnListHint => "Their e-mail addresses and phone numbers are kept only as keyed digests, so that a later import or a new contact with them is stopped. Nothing readable remains.",
        "Jejich e-mailové adresy a telefonní čísla zůstanou jen jako klíčované otisky, aby je pozdější import nebo nový kontakt zachytil. Nic čitelného nezůstane.";
    MentionsHeading => "Mentioned elsewhere", "Zmínky jinde";
    MentionsLead => "Other records' free text names this person. An erasure does not rewrite others' notes: edit them first, or confirm that they stay.",
        "Volný text jiných záznamů tuto osobu jmenuje. Výmaz cizí poznámky nepřepisuje: nejdřív je upravte, nebo potvrďte, že zůstanou.";
    MentionsAcknowledged => "I know these mentions stay", "Vím, že tyto zmínky zůstanou";
    MentionByName => "by name", "jménem";
    MentionByEmail => "by e-mail address", "e-mailovou adresou";
    MentionByPhone => "by phone number", "telefonním číslem";
    OldCopiesHeading => "Copies the erasure cannot reach", "Kopie, kam výmaz nedosáhne";
    OldCopiesLead => "Exports and backups made before today still hold this person. Delete them, or make sure they are not restored: Folio will not bring an erased person back from one.",
        "Exporty a zálohy pořízené před dneškem tuto osobu stále obsahují. Smažte je, nebo zajistěte, že se neobnoví: Folio vymazanou osobu z nich zpět nepřenese.";
    LastExportWas => "Last export:", "Poslední export:";
    LastBackupWas => "Last encrypted backup:", "Poslední šifrovaná záloha:";
    NeverMade => "never on this device", "na tomto zařízení nikdy";
    DeletePersonLead => "Deleting a person erases them (Art. 17): what follows goes, and what the law requires to keep stays, restricted.",
        "Smazání osoby je výmaz (čl. 17): následující zmizí a co zákon ukládá uchovat, zůstane, s omezeným zpracováním.";
    ErasedHistoryOnly => "This person was deleted earlier: what remains is their history, whose values are erased now.",
        "Tato osoba byla smazána dříve: zbývá její historie, jejíž hodnoty se nyní vymažou.";
    EraseRegisterNote => "The erasure is recorded in the requests register (an open erasure request of this person is closed as done).", "Výmaz se zapíše do evidence žádostí (otevřená žádost této osoby o výmaz se uzavře jako vyřízená).";
    EraseConfirmLabel => "Type ERASE to confirm", "Pro potvrzení napište VYMAZAT";
    EraseConfirmWord => "ERASE", "VYMAZAT";
    EraseButton => "Erase", "Vymazat";
    EraseDone => "Erased.", "Vymazáno.";
    EraseDoneKept => "Erased. What must be kept stays, restricted, until", "Vymazáno. Co se musí uchovat, zůstává s omezeným zpracováním do";
    ErasedNotice => "Erased (Art. 17) on", "Vymazáno (čl. 17) dne";
    ErasedRestricted => "Only what the documents must state is kept; processing is restricted (Art. 18).", "Zůstává jen to, co musí uvádět doklady; zpracování je omezené (čl. 18).";
    FinishErasureHeading => "Finish erasure", "Dokončit výmaz";
    FinishErasureLead => "No document holds these people any more: finish their erasure.", "Tyto osoby už žádný doklad nedrží: dokončete jejich výmaz.";
    FinishErasure => "Finish erasure", "Dokončit výmaz";
    ErasedValue => "erased", "vymazáno";
    ErasedPerson => "Erased person", "Vymazaná osoba";
    GoToRequests => "Requests register", "Evidence žádostí";
    ErasedActivities => "Activities deleted", "Smazané aktivity";
    ErasedConsents => "Consent records deleted", "Smazané záznamy o souhlasu";
    ErasedLimits => "Objections and restrictions deleted", "Smazané námitky a omezení";
    ErasedTasks => "Follow-ups deleted", "Smazané připomínky";
    ErasedDocuments => "Documents deleted (past retention)", "Smazané doklady (po lhůtě)";
    UnlinkedDocuments => "Taken off documents", "Odebráno z dokladů";
    UnlinkedDeals => "Taken off deals", "Odebráno z obchodů";
    ErasedHistoryEvents => "History events emptied", "Vyprázdněné události historie";
    RestrictedUntil => "Restricted until", "Omezeno do";
    RequestLabel => "Request", "Žádost";

    // Access (Art. 15) and portability (Art. 20) for one person
    AccessLink => "Access report (Art. 15)", "Přehled pro subjekt (čl. 15)";
    AccessHeading => "What we hold about you", "Jaké údaje o vás zpracováváme";
    AccessLead => "A copy of the personal data held about this person, with the information GDPR Art. 15 asks for. Print it, or give them the data as JSON (Art. 20) or their contact card as CSV.",
        "Kopie osobních údajů o této osobě s informacemi, které požaduje čl. 15 GDPR. Vytiskněte ji, nebo jí předejte data jako JSON (čl. 20) či kontaktní údaje jako CSV.";
    AccessPreparedOn => "Prepared on", "Vyhotoveno dne";
    AccessDataHeading => "Your personal data", "Vaše osobní údaje";
    AccessPurposesHeading => "Why we process them, and on what legal basis", "Proč je zpracováváme a na jakém právním základě";
    AccessRecipients => "Recipients", "Příjemci";
    AccessRetention => "How long we keep them", "Jak dlouho je uchováváme";
    AccessSource => "Where the data came from", "Odkud údaje pocházejí";
    AccessSourceDirect => "From you directly, unless a consent record below names another source.",
        "Přímo od vás, pokud záznam o souhlasu níže neuvádí jiný zdroj.";
    AccessRightsHeading => "Your rights", "Vaše práva";
    AccessRights => "You may ask for rectification or erasure of your data, for restriction of its processing, or object to it (Art. 16–21), withdraw any consent at any time, and lodge a complaint with the supervisory authority (in Czechia: Úřad pro ochranu osobních údajů, www.uoou.cz). No automated decision-making or profiling is carried out (Art. 22).",
        "Můžete žádat o opravu nebo výmaz údajů, o omezení zpracování, nebo vznést námitku (čl. 16–21), kdykoli odvolat souhlas a podat stížnost u dozorového úřadu (Úřad pro ochranu osobních údajů, www.uoou.cz). Automatizované rozhodování ani profilování neprobíhá (čl. 22).";
    AccessRecordsHeading => "Records about you", "Záznamy o vás";
    DownloadAccessJson => "Download data (JSON)", "Stáhnout data (JSON)";
    DownloadContactCsv => "Download contact card (CSV)", "Stáhnout kontaktní údaje (CSV)";
    NotStated => "not stated", "neuvedeno";
    AccessNoPurposes => "No purpose of processing is recorded for this person yet: add the purposes you process client data for under Consent → Purposes of processing.",
        "U této osoby zatím není zaznamenán žádný účel zpracování: účely, pro které zpracováváte údaje klientů, přidejte v části Souhlasy → Účely zpracování.";

    // The register of data subject requests
    NavRequests => "Requests", "Žádosti";
    RequestsHeading => "Data subject requests", "Žádosti subjektů údajů";
    RequestsLead => "Every request to exercise a GDPR right, with its deadline: one month from receipt (Art. 12(3)), once extendable by two more months with a reason.",
        "Každá žádost o uplatnění práva podle GDPR se svou lhůtou: měsíc od doručení (čl. 12 odst. 3), jednou prodloužitelná o další dva měsíce s odůvodněním.";
    NewRequest => "New request", "Nová žádost";
    RequestKindLabel => "Right", "Právo";
    ReqAccess => "Access", "Přístup";
    ReqRectification => "Rectification", "Oprava";
    ReqErasure => "Erasure", "Výmaz";
    ReqPortability => "Portability", "Přenositelnost";
    ReqRestriction => "Restriction", "Omezení zpracování";
    ReqObjection => "Objection", "Námitka";
    RequestContact => "Contact (if in Folio)", "Kontakt (je-li ve Foliu)";
    RequestSubject => "Who asked", "Kdo žádá";
    RequestSubjectHint => "As they named themselves; filled from the contact when left empty.", "Jak se sami uvedli; prázdné se doplní z kontaktu.";
    RequestReceived => "Received", "Doručeno";
    RequestNote => "What was asked", "Co žádá";
    RegisterRequest => "Register request", "Zaevidovat žádost";
    RequestDue => "Due", "Lhůta";
    RequestStatusLabel => "Status", "Stav";
    StatusOpen => "open", "otevřená";
    StatusDone => "done", "vyřízená";
    StatusRefused => "refused", "zamítnutá";
    RequestSteps => "Steps", "Kroky";
    RequestOutcome => "Outcome", "Výsledek";
    AddStep => "Add step", "Přidat krok";
    StepNote => "Step taken", "Provedený krok";
    ExtendDeadline => "Extend by two months", "Prodloužit o dva měsíce";
    ExtensionReason => "Reason for the extension", "Důvod prodloužení";
    CloseDone => "Close as done", "Uzavřít jako vyřízenou";
    CloseRefused => "Close as refused", "Uzavřít jako zamítnutou";
    OutcomeLabel => "Outcome or reason", "Výsledek nebo důvod";
    OpenRequests => "Open", "Otevřené";
    ClosedRequests => "Closed", "Uzavřené";
    NoRequests => "No requests registered.", "Žádné zaevidované žádosti.";
    OverdueBadge => "overdue", "po lhůtě";
    DueSoonBadge => "due soon", "lhůta se blíží";
    RequestsDue => "Data subject requests due", "Žádosti subjektů s blížící se lhůtou";
    ExtendedBecause => "extended", "prodlouženo";

    // Source and notice (#21)
    InformArt14 => "Give them the privacy notice (Art. 14): their data did not come from them",
        "Předat informace o zpracování (čl. 14): údaje nepocházejí přímo od osoby";
    Source => "Source", "Zdroj";
    SourceDetail => "Source details", "Podrobnosti o zdroji";
    SourceDetailHint => "Who referred them, which register, which file…", "Kdo osobu doporučil, který rejstřík, který soubor…";
    SourceNotRecorded => "Not recorded", "Neuvedeno";
    SourceForm => "A form they filled in", "Formulář, který osoba vyplnila";
    SourceMeeting => "A meeting", "Osobní setkání";
    SourceReferral => "A referral", "Doporučení";
    SourcePublicRegister => "A public register", "Veřejný rejstřík";
    SourceLinkedIn => "LinkedIn", "LinkedIn";
    SourceImport => "An imported file", "Importovaný soubor";
    SourceOther => "Other", "Jiný";
    SourceIndirectHint => "Not from the person: Folio adds a follow-up to give them the privacy notice within a month (Art. 14(3)).",
        "Údaje nejsou přímo od osoby: Folio přidá úkol předat jí do měsíce informace o zpracování (čl. 14 odst. 3).";
    InformedOn => "Informed on", "Informace předány dne";
    InformedOnHint => "The day the person was given the privacy notice (Art. 13/14).", "Den, kdy osoba dostala informace o zpracování (čl. 13/14).";
    NoticeVersionLabel => "Notice version", "Verze informací";
    NoticeVersionUnknown => "Not recorded", "Neuvedena";
    NotInformed => "Not yet informed", "Zatím neinformována";
    PrivacyNoticeHeading => "Privacy notice", "Informace o zpracování";
    PrivacyNoticeLead => "Folio writes your privacy notice (Art. 13 and 14) from your controller's details and your purposes. Publish a version before giving it to people: its SHA-256 names it, and consents and contacts refer to it.",
        "Folio sestaví vaše informace o zpracování osobních údajů (čl. 13 a 14) z údajů správce a z vašich účelů. Než je začnete předávat, zveřejněte verzi: pojmenuje ji otisk SHA-256 a souhlasy i kontakty na ni odkazují.";
    NoticeLanguage => "Language of the notice", "Jazyk informací";
    PublishNotice => "Publish this version", "Zveřejnit tuto verzi";
    NoticeVersionHeading => "Version", "Verze";
    NoticeIsPublished => "Published on", "Zveřejněno dne";
    NoticeNotPublished => "This text is not published yet: publish it before giving it to people.",
        "Tento text ještě není zveřejněn: zveřejněte ho dříve, než ho začnete předávat.";
    NoticeVersionsHeading => "Published versions", "Zveřejněné verze";
    NoticeNoVersions => "No version is published yet.", "Zatím není zveřejněna žádná verze.";
    NoticePublishedStatus => "This version of the notice is published.", "Tato verze informací je zveřejněna.";
    AccessPreferences => "Preferences", "Preference";
    AccessActivitiesHeading => "Activities", "Aktivity";
    AccessRecipientsHeading => "Recipients", "Příjemci";
    AccessInformed => "Privacy notice given", "Informace o zpracování předány";
    // Breach register (#21)
    BreachesHeading => "Breaches", "Porušení zabezpečení";
    BreachesLead => "The register of personal data breaches (GDPR Art. 33(5)): every incident, whether or not it was reported. ÚOOÚ must be notified within 72 hours of discovery unless the breach is unlikely to result in a risk to people.",
        "Evidence porušení zabezpečení osobních údajů (čl. 33 odst. 5 GDPR): každý incident, ať byl ohlášen, nebo ne. ÚOOÚ se ohlašuje do 72 hodin od zjištění, ledaže porušení pravděpodobně nepředstavuje riziko pro osoby.";
    RecordBreach => "Record a breach", "Zaznamenat porušení";
    EditBreach => "Edit breach", "Upravit porušení";
    NoBreaches => "No breaches recorded.", "Žádné porušení zabezpečení není zaznamenáno.";
    BreachDiscovered => "Discovered", "Zjištěno";
    BreachNature => "Nature of the breach", "Povaha porušení";
    BreachNatureHint => "What happened: a lost laptop, an e-mail sent to the wrong people, a hacked account…", "Co se stalo: ztracený notebook, e-mail odeslaný nesprávným lidem, napadený účet…";
    BreachCategories => "Categories of personal data", "Kategorie osobních údajů";
    BreachPeople => "People affected (in Folio)", "Dotčené osoby (ve Foliu)";
    BreachPeopleCount => "Approximate number of people affected", "Přibližný počet dotčených osob";
    BreachRecordsCount => "Approximate number of records affected", "Přibližný počet dotčených záznamů";
    BreachConsequences => "Likely consequences", "Pravděpodobné důsledky";
    BreachMeasures => "Measures taken or proposed", "Přijatá nebo navržená opatření";
    BreachAuthority => "ÚOOÚ notified", "Ohlášeno ÚOOÚ";
    BreachAuthorityAt => "ÚOOÚ notified on", "ÚOOÚ ohlášeno dne";
    BreachAuthorityReason => "Why not, or why after 72 hours", "Proč ne, nebo proč až po 72 hodinách";
    BreachPeopleNotice => "People affected informed", "Dotčené osoby informovány";
    BreachPeopleAt => "People informed on", "Osoby informovány dne";
    BreachPeopleReason => "Why not", "Proč ne";
    NoticePending => "not yet decided", "zatím nerozhodnuto";
    NoticeNotified => "yes", "ano";
    NoticeNotNotified => "no, for the reason given", "ne, z uvedeného důvodu";
    BreachOpenBadge => "notify ÚOOÚ", "ohlásit ÚOOÚ";
    BreachNotifiedBadge => "ÚOOÚ notified", "ÚOOÚ ohlášeno";
    BreachNotNotifiedBadge => "not notified, reasoned", "neohlášeno, odůvodněno";
    BreachDeadline => "ÚOOÚ deadline", "Lhůta pro ÚOOÚ";
    PrintNotification => "Print notification", "Vytisknout ohlášení";
    DeleteBreachQuestion => "Delete this entry from the register? Only an entry recorded by mistake should be deleted; the deletion is kept in the audit log.",
        "Smazat tento záznam z evidence? Mazat je vhodné jen záznam pořízený omylem; smazání zůstane v auditním záznamu.";
    BreachesDue => "Breaches: notify ÚOOÚ within 72 hours", "Porušení zabezpečení: ohlásit ÚOOÚ do 72 hodin";
    AccessBreachesHeading => "Breaches that affected you", "Porušení zabezpečení, která se vás týkala";
    NotificationHeading => "Notification of a personal data breach to the supervisory authority (GDPR Art. 33)",
        "Ohlášení porušení zabezpečení osobních údajů dozorovému úřadu (čl. 33 GDPR)";
    NotificationLanguage => "Language of the notification", "Jazyk ohlášení";
    NotificationDraftNote => "A draft Folio made from the register entry: check and complete it before sending it to ÚOOÚ.",
        "Návrh, který Folio sestavilo ze záznamu v evidenci: před odesláním ÚOOÚ jej zkontrolujte a doplňte.";
    NotificationTo => "To", "Komu";
    NotificationAuthority => "Office for Personal Data Protection (ÚOOÚ), Pplk. Sochora 27, 170 00 Prague 7, Czech Republic",
        "Úřad pro ochranu osobních údajů (ÚOOÚ), Pplk. Sochora 27, 170 00 Praha 7";
    NotificationContactPoint => "Contact point for more information", "Kontaktní místo pro další informace";
    NotificationTiming => "Timing of the notification", "Včasnost ohlášení";
    NotificationPeople => "Communication to the people affected (Art. 34)", "Oznámení dotčeným osobám (čl. 34)";
    NotificationDate => "Date of this notification", "Datum ohlášení";
    NotKnown => "not known", "neznámo";
    BackToBreaches => "Back to breaches", "Zpět na porušení zabezpečení";
    BreachNotFound => "This breach is not in the register.", "Toto porušení v evidenci není.";
    BreachDeleted => "Breach deleted.", "Porušení smazáno.";
    UnlinkedBreaches => "Taken off breaches", "Odebráno z porušení zabezpečení";
    // Retention schedule (#21)
    KeepForMonths => "Keep for (months)", "Uchovávat (měsíců)";
    RetentionAfterLabel => "after", "po";
    AfterLastActivity => "the last activity", "poslední aktivitě";
    AfterDealClosed => "the deal's close", "uzavření obchodu";
    AfterConsentEnded => "the consent's end", "skončení souhlasu";
    AfterContractEnded => "the contract's end", "skončení smlouvy";
    PurposeKeepHint => "The retention schedule: how long this purpose justifies keeping a person it applies to. Empty: not set (it then keeps nobody and makes nobody due); the text above describes it.",
        "Plán uchovávání: jak dlouho tento účel opravňuje uchovávat osobu, které se týká. Prázdné: nenastaveno (pak nikoho neudrží ani nikoho nezařadí k přezkoumání); text výše ho popisuje.";
    ContactRetentionHeading => "Contact records", "Záznamy o kontaktech";
    ContactKeepForMonths => "Keep a contact's record for (months)", "Uchovávat záznam o kontaktu (měsíců)";
    ContactKeepHint => "When nothing else keeps a person (a purpose, a retention hold, an open deal), the Agenda lists them under Due for review once this period has passed. Empty: 36 months after the last activity.",
        "Když osobu nic jiného neudrží (účel, povinné uchování, otevřený obchod), Agenda ji po uplynutí této doby uvede v části K přezkoumání. Prázdné: 36 měsíců po poslední aktivitě.";
    DueForReview => "Due for review", "K přezkoumání";
    DueForReviewLead => "People whom no purpose, retention hold or open deal justifies keeping any more (storage limitation, GDPR Art. 5(1)(e)). Erase them, or record what still keeps them.",
        "Lidé, jejichž uchování už neopravňuje žádný účel, povinné uchování ani otevřený obchod (omezení uložení, čl. 5 odst. 1 písm. e) GDPR). Vymažte je, nebo zaznamenejte, co je ještě drží.";
    NobodyDueForReview => "Nobody is due for review.", "Nikdo nečeká na přezkoumání.";
    EraseAll => "Erase all", "Vymazat vše";
    YesErase => "Yes, erase", "Ano, vymazat";
    // Recipients, processors and the legitimate-interest assessment (#21)
    LiaHeading => "Legitimate-interest assessment", "Test oprávněného zájmu";
    LiaLead => "Art. 6(1)(f): what the interest is, why the processing is necessary for it, and why it does not override the person's rights.",
        "čl. 6 odst. 1 písm. f): jaký je zájem, proč je pro něj zpracování nezbytné a proč nepřeváží práva osoby.";
    LiaInterest => "The legitimate interest", "Oprávněný zájem";
    LiaNecessity => "Why processing is necessary", "Proč je zpracování nezbytné";
    LiaBalancing => "Balancing against the person's rights", "Vážení proti právům osoby";
    LiaSafeguards => "Safeguards", "Záruky";
    LiaReview => "Review date", "Datum přezkumu";
    LiaMissing => "assessment missing", "chybí test oprávněného zájmu";
    LiaReviewDue => "assessment review due", "test oprávněného zájmu k přezkumu";
    LiasDue => "Legitimate-interest assessments to review", "Testy oprávněného zájmu k přezkumu";
    ProcessorsHeading => "Processors", "Zpracovatelé";
    ProcessorsLead => "Who processes personal data for you (Art. 28): an e-mail provider, accounting software, backup storage; with the agreement, where they are and any transfer outside the EU.",
        "Kdo pro vás zpracovává osobní údaje (čl. 28): poskytovatel e-mailu, účetní program, zálohy; se smlouvou, sídlem a případným předáním mimo EU.";
    NewProcessor => "New processor", "Nový zpracovatel";
    EditProcessor => "Edit processor", "Upravit zpracovatele";
    NoProcessorsYet => "No processors recorded yet.", "Zatím nejsou zaznamenáni žádní zpracovatelé.";
    ProcessorName => "Processor's name", "Název zpracovatele";
    ProcessorService => "Service", "Služba";
    ProcessorDpa => "Data processing agreement signed on", "Smlouva o zpracování podepsána dne";
    ProcessorLocation => "Location (country)", "Sídlo (země)";
    ProcessorTransfers => "Transfers outside the EU/EEA", "Předávání mimo EU/EHP";
    ProcessorSafeguard => "Safeguard for the transfer", "Záruka pro předání";
    ProcessorSafeguardHint => "For example standard contractual clauses, or an adequacy decision.",
        "Například standardní smluvní doložky nebo rozhodnutí o odpovídající ochraně.";
    ProcessorPurposes => "Purposes that use it", "Účely, které ho využívají";
    NoAgreement => "no agreement recorded", "smlouva o zpracování nezaznamenána";
    ProcessorNotFound => "This processor is not in the register.", "Tento zpracovatel v rejstříku není.";
    DeleteProcessorQuestion => "Delete this processor from the register?", "Smazat tohoto zpracovatele z rejstříku?";
    ProcessorsRegister => "Register of processors", "Rejstřík zpracovatelů";
    SharedWith => "Shared with", "Komu předáno";
    SharedWithLead => "Who received this person's data. A correction, erasure or restriction creates a follow-up to tell each of them (Art. 19).",
        "Komu byly údaje této osoby předány. Oprava, výmaz nebo omezení vytvoří úkol každého z nich informovat (čl. 19).";
    RecordSharing => "Record sharing", "Zaznamenat předání";
    DisclosureRecipient => "Recipient", "Příjemce";
    DisclosureProcessor => "Or one of your processors", "Nebo jeden z vašich zpracovatelů";
    DisclosureData => "Which data", "Které údaje";
    DisclosureOn => "Shared on", "Předáno dne";
    DisclosurePurpose => "For which purpose", "Pro jaký účel";
    NoChoice => "(none)", "(žádný)";
    NoDisclosures => "Not shared with anyone.", "Nikomu nepředáno.";
    DeleteDisclosureQuestion => "Delete this record of sharing?", "Smazat tento záznam o předání?";
    AccessActualRecipients => "Who received your data", "Komu byly vaše údaje předány";
    AccessNoRecipients => "Your data has not been shared with anyone.", "Vaše údaje nebyly nikomu předány.";
    // Sync (#22)
    SyncHeading => "Sync", "Synchronizace";
    SyncLead => "Keep this vault on several devices through a CouchDB database you control (your own CouchDB, or Cloudant). The server only ever receives sealed data: it cannot read a name, a note or what kind of record it holds.",
        "Mějte trezor na více zařízeních přes databázi CouchDB, kterou spravujete vy (vlastní CouchDB nebo Cloudant). Server dostává jen zapečetěná data: nepřečte jméno, poznámku ani druh záznamu.";
    ServerAddress => "Server address", "Adresa serveru";
    ServerAddressHint => "The database's address, such as https://couch.example.com/folio-jana", "Adresa databáze, např. https://couch.example.com/folio-jana";
    SyncUserName => "User name", "Uživatelské jméno";
    SyncPassword => "Password", "Heslo";
    SyncPasswordHint => "Kept sealed inside the vault on this device, never in the browser's plain storage.", "Uloží se zapečetěné v trezoru na tomto zařízení, nikdy v nechráněném úložišti prohlížeče.";
    StartSyncing => "Start syncing", "Zahájit synchronizaci";
    SyncNow => "Sync now", "Synchronizovat nyní";
    StopSyncing => "Stop syncing", "Zastavit synchronizaci";
    SyncOff => "Sync is off: this vault lives only in this browser.", "Synchronizace je vypnutá: trezor je jen v tomto prohlížeči.";
    SyncNever => "Not synced yet.", "Zatím nesynchronizováno.";
    SyncRunning => "Syncing…", "Synchronizuje se…";
    SyncStopped => "Sync stopped on this device. The server keeps what it has.", "Synchronizace na tomto zařízení zastavena. Server si ponechá, co má.";
    SyncConflicts => "Sync conflicts", "Konflikty synchronizace";
    SyncConflictsLead => "Where two devices changed the same field differently, the later change was kept. The other value is here: take it instead, or dismiss it.",
        "Kde dvě zařízení změnila totéž pole různě, platí pozdější změna. Druhá hodnota je zde: můžete ji použít místo ní, nebo ji zahodit.";
    NoSyncConflicts => "No conflicts: every change merged.", "Žádné konflikty: všechny změny se sloučily.";
    TakeThisOne => "Take this one", "Použít tuto hodnotu";
    FooterSyncing => "Your data is sealed in this browser. With sync on, Folio sends only sealed records, to your own sync server.",
        "Vaše data jsou v tomto prohlížeči zapečetěná. Se zapnutou synchronizací Folio posílá jen zapečetěné záznamy, a to na váš vlastní server.";
    SyncKept => "Kept", "Ponecháno";
    SyncNotKept => "Not kept", "Nepoužito";
    DismissConflict => "Dismiss conflict", "Zahodit konflikt";
    JoinSyncedVault => "Join a synced vault", "Připojit se k synchronizovanému trezoru";
    JoinLead => "Already use Folio on another device with sync? Give the same server, user name and password, then the vault's passphrase: this device gets the whole vault.",
        "Používáte Folio se synchronizací na jiném zařízení? Zadejte stejný server, uživatelské jméno a heslo a pak heslo k trezoru: toto zařízení dostane celý trezor.";
    JoinPassphraseHint => "The passphrase of the vault you sync, as on your other device.", "Heslo k synchronizovanému trezoru, stejné jako na druhém zařízení.";
    Joining => "Joining…", "Připojuje se…";
    DeletedElsewhere => "Deleted on another device while changed here: the change was kept.", "Na jiném zařízení smazáno, zde mezitím změněno: změna zůstala.";
    AuditDevicesHeading => "Trails of your other devices", "Stopy vašich dalších zařízení";
    AuditDevicesLead => "Each device keeps its own chain; the list below shows them all merged by time. No device can rewrite another's events: a changed one is refused.",
        "Každé zařízení má vlastní řetězec; níže jsou všechny sloučené podle času. Žádné zařízení nemůže přepsat události jiného: změněná událost se odmítne.";

    // Security keys, a second factor (#24)
    SecurityKeyHeading => "Security key", "Bezpečnostní klíč";
    SecurityKeyLead => "A security key or passkey is a second factor: once one is added, the passphrase alone opens nothing. The vault then opens with the passphrase and a key, or the passphrase and the recovery code.",
        "Bezpečnostní klíč nebo passkey je druhý faktor: jakmile nějaký přidáte, samotné heslo trezor neotevře. Trezor pak otevře heslo s klíčem, nebo heslo se záchranným kódem.";
    SecurityKeyNoWebAuthn => "This browser cannot use security keys (it has no WebAuthn), so none can be added here. The passphrase alone protects this vault.",
        "Tento prohlížeč bezpečnostní klíče neumí (nemá WebAuthn), proto tu žádný přidat nelze. Trezor chrání jen heslo.";
    SecurityKeyNoPrf => "This browser cannot derive a secret with a security key (the WebAuthn PRF extension), so no key can be added here. The passphrase alone protects this vault.",
        "Tento prohlížeč neumí s bezpečnostním klíčem odvodit tajemství (rozšíření WebAuthn PRF), proto tu klíč přidat nelze. Trezor chrání jen heslo.";
    SecurityKeyChecking => "Checking what this browser can do…", "Zjišťuji, co tento prohlížeč umí…";
    AddSecurityKey => "Add a security key", "Přidat bezpečnostní klíč";
    SecurityKeyName => "Key name", "Název klíče";
    SecurityKeyNameHint => "So you can tell your keys apart, e.g. “YubiKey on my keyring”.", "Abyste klíče rozlišili, např. „YubiKey na klíčích“.";
    RegisterSecurityKey => "Register the key", "Zaregistrovat klíč";
    RegisteringKey => "Follow your browser: it asks you to touch the key, perhaps twice.", "Řiďte se prohlížečem: požádá vás o dotek klíče, možná dvakrát.";
    NoSecurityKeys => "No security key yet: the passphrase alone opens this vault.", "Zatím žádný bezpečnostní klíč: trezor otevře samotné heslo.";
    SecurityKeysList => "Security keys of this vault", "Bezpečnostní klíče trezoru";
    RemoveSecurityKey => "Remove", "Odebrat";
    RemoveKeyLead => "To remove this key, give the passphrase and then touch this key, or type the recovery code instead.",
        "Klíč odeberete zadáním hesla a dotykem tohoto klíče, nebo místo klíče zadejte záchranný kód.";
    RemoveLastKeyWarning => "This is the last key: once it is removed, the passphrase alone opens the vault again and the recovery code stops working.",
        "Toto je poslední klíč: po jeho odebrání otevře trezor opět samotné heslo a záchranný kód přestane platit.";
    RecoveryCode => "Recovery code", "Záchranný kód";
    RecoveryCodeOptionalHint => "Leave empty to use the key instead.", "Nechte prázdné, pokud použijete klíč.";
    ConfirmRemoveKey => "Remove the key", "Odebrat klíč";
    KeyRemoved => "The key was removed.", "Klíč byl odebrán.";
    KeyAdded => "The key was added. From now on the vault opens with the passphrase and a key.", "Klíč byl přidán. Odteď trezor otevře heslo spolu s klíčem.";
    RecoveryCodeHeading => "Your recovery code", "Váš záchranný kód";
    RecoveryCodeLead => "Write this code down or print it now, and keep it apart from your keys: it is shown only this once. With your passphrase it opens the vault when no key is at hand.",
        "Kód si hned opište nebo vytiskněte a uložte odděleně od klíčů: zobrazí se jen teď. Spolu s heslem otevře trezor, když klíč nemáte po ruce.";
    PrintRecoveryCode => "Print", "Vytisknout";
    RecoveryCodeKept => "I have kept it", "Mám ho uložený";
    NewRecoveryCode => "Make a new recovery code", "Vytvořit nový záchranný kód";
    NewRecoveryCodeLead => "The old code stops working at once.", "Starý kód okamžitě přestane platit.";
    MakeNewRecoveryCode => "Make the new code", "Vytvořit nový kód";
    UseRecoveryCode => "Use a recovery code", "Použít záchranný kód";
    UseSecurityKeyInstead => "Use the security key instead", "Použít raději bezpečnostní klíč";
    UnlockAsksForKey => "After the passphrase, your browser asks for your security key.", "Po zadání hesla si prohlížeč řekne o bezpečnostní klíč.";
    AskingForKey => "Touch your security key when the browser asks…", "Až vás prohlížeč vyzve, dotkněte se bezpečnostního klíče…";
    AboutFactorsHeading => "What opens this vault", "Co otevírá tento trezor";
    BackupNotTiedToKey => "An encrypted backup keeps its own passphrase: it is not tied to your security key and opens with that passphrase alone. Keep it as safe as the vault.",
        "Šifrovaná záloha má vlastní heslo: není vázaná na bezpečnostní klíč a otevře ji samotné toto heslo. Uchovávejte ji stejně bezpečně jako trezor.";
    JoinRecoveryCodeHint => "Only for a vault with security keys: leave empty to use your key.", "Jen pro trezor s bezpečnostními klíči: nechte prázdné, pokud použijete klíč.";
    PassphraseLockedByKeys => "While security keys are registered the passphrase cannot be changed: remove the keys, change it, then add them again.",
        "Dokud jsou zaregistrované bezpečnostní klíče, heslo změnit nelze: odeberte klíče, změňte heslo a klíče přidejte znovu.";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_text_is_translated_and_not_empty() {
        for text in Text::ALL {
            for lang in Lang::ALL {
                assert!(!text.get(lang).trim().is_empty(), "{text:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn czech_cites_articles_as_czech_does() {
        let english: Vec<Text> = Text::ALL
            .iter()
            .copied()
            .filter(|t| t.get(Lang::Cs).contains("Art."))
            .collect();
        assert_eq!(english, []);
    }

    #[test]
    fn czech_is_not_a_copy_of_english() {
        // Only proper names and shared words may be identical in both languages.
        let same: HashSet<Text> = Text::ALL
            .iter()
            .copied()
            .filter(|t| t.get(Lang::En) == t.get(Lang::Cs))
            .collect();
        let allowed: HashSet<Text> = [
            Text::Email,
            Text::Ico,
            Text::KindEmail,
            Text::NavData,
            Text::ExportHeading,
            Text::FoundEmail,
            Text::FoundIco,
            Text::SourceLinkedIn,
        ]
        .into_iter()
        .collect();
        assert_eq!(same, allowed);
    }
}
