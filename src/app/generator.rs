//! A seeded, deterministic generator of realistic sample data (Czech, Slovak and English names
//! with diacritics, valid IČO, e-mails, phones, tags) for benchmarks and trying Folio out. It
//! produces drafts; `populate` writes them through the service like any user's data.

use crate::app::service::{AppError, UnlockedVault};
use crate::domain::activity::{ActivityDraft, ActivityKind};
use crate::domain::consent::ConsentDraft;
use crate::domain::contact::ContactDraft;
use crate::domain::deal::{Amount, Deal, Outcome, Pipeline};
use crate::domain::document::DocumentDraft;
use crate::domain::organisation::OrganisationDraft;
use crate::domain::purpose::PurposeDraft;
use crate::domain::search::fold;
use crate::store::Repository;
use chrono::{DateTime, Duration, Utc};

/// xorshift64*: small, fast, and the same sequence for the same seed on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Jana",
    "Petr",
    "Zdeňka",
    "Jiří",
    "Eva",
    "Tomáš",
    "Lucie",
    "Martin",
    "Kateřina",
    "Ondřej",
    "Šárka",
    "Lukáš",
    "Věra",
    "Miroslav",
    "Zuzana",
    "Ľubomír",
    "Mária",
    "Ján",
    "Katarína",
    "Andrej",
    "Emma",
    "Oliver",
    "Sophie",
    "James",
    "Alžběta",
    "Radek",
    "Božena",
    "Stanislav",
    "Hana",
    "Řehoř",
];
const FAMILY: &[&str] = &[
    "Nováková",
    "Svoboda",
    "Dvořáková",
    "Černý",
    "Procházková",
    "Kučera",
    "Veselá",
    "Horák",
    "Němcová",
    "Marek",
    "Pokorná",
    "Růžička",
    "Šťastná",
    "Kříž",
    "Beneš",
    "Fiala",
    "Sedláčková",
    "Doležal",
    "Zeman",
    "Kolářová",
    "Horváth",
    "Kováčová",
    "Varga",
    "Tóthová",
    "Smith",
    "Brown",
    "Wilson",
    "Taylor",
    "Jelínek",
    "Žáková",
];
const FIRM_WORDS: &[&str] = &[
    "Stavby",
    "Účetnictví",
    "Design",
    "Logistika",
    "Software",
    "Energie",
    "Zahrady",
    "Tisk",
    "Poradenství",
    "Doprava",
];
const TOWNS: &[&str] = &[
    "Praha",
    "Brno",
    "Ostrava",
    "Plzeň",
    "Olomouc",
    "Bratislava",
    "Košice",
    "Liberec",
];
const TAGS: &[&str] = &[
    "klient",
    "vip",
    "newsletter",
    "partner",
    "dodavatel",
    "lead",
    "event",
    "B2B",
];
const SUBJECTS: &[&str] = &[
    "Úvodní schůzka",
    "Nabídka",
    "Follow-up call",
    "Smlouva k podpisu",
    "Faktura",
    "Dotaz na služby",
    "Zpětná vazba",
];

/// A valid 8-digit IČO (mod-11 check digit) from a 7-digit number.
pub fn ico_from(n: u32) -> String {
    let digits = format!("{:07}", n % 10_000_000);
    let sum: u32 = digits
        .bytes()
        .zip((2..=8).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{digits}{}", (11 - sum % 11) % 10)
}

fn ascii_slug(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Generates organisations, contacts and activities, always the same for the same seed.
pub struct Generator {
    rng: Rng,
    start: DateTime<Utc>,
}

impl Generator {
    pub fn new(seed: u64, start: DateTime<Utc>) -> Self {
        Self {
            rng: Rng::new(seed),
            start,
        }
    }

    pub fn organisation(&mut self, n: usize) -> OrganisationDraft {
        let word = *self.rng.pick(FIRM_WORDS);
        let family = *self.rng.pick(FAMILY);
        let town = *self.rng.pick(TOWNS);
        let name = format!("{word} {family} {n} s.r.o.");
        OrganisationDraft {
            website: format!("{}.cz", ascii_slug(&format!("{word}{family}{n}"))),
            ico: ico_from(1_000_000 + n as u32 * 7 + self.rng.below(7) as u32),
            address: format!("Hlavní {}, {town}", 1 + self.rng.below(200)),
            tags: self.rng.pick(TAGS).to_string(),
            notes: String::new(),
            vat_id: String::new(),
            name,
        }
    }

    /// A contact; `organisation_id` is given when the caller links one.
    pub fn contact(&mut self, n: usize, organisation_id: Option<String>) -> ContactDraft {
        let given = *self.rng.pick(GIVEN);
        let family = *self.rng.pick(FAMILY);
        let domain = *self.rng.pick(&[
            "firma.cz",
            "seznam.cz",
            "email.cz",
            "gmail.com",
            "centrum.sk",
            "example.com",
        ]);
        let mut tags = vec![*self.rng.pick(TAGS)];
        if self.rng.below(3) == 0 {
            tags.push(*self.rng.pick(TOWNS));
        }
        ContactDraft {
            given_name: given.to_string(),
            family_name: family.to_string(),
            emails: format!(
                "work: {}.{}{n}@{domain}",
                ascii_slug(given),
                ascii_slug(family)
            ),
            phones: format!(
                "mobile: +420 {} {:03} {:03}",
                600 + self.rng.below(200),
                self.rng.below(1000),
                self.rng.below(1000)
            ),
            organisation_id,
            role: String::new(),
            ico: String::new(),
            vat_id: String::new(),
            // Every third person has a home address, every fourth a birthday (no randomness:
            // the other fields' draws stay what they were).
            addresses: if n.is_multiple_of(3) {
                format!("home: Dlouhá {}\n110 00 Praha 1", 1 + n % 90)
            } else {
                String::new()
            },
            birthday: if n.is_multiple_of(4) {
                format!("{}-{:02}-{:02}", 1950 + n % 50, 1 + n % 12, 1 + n % 28)
            } else {
                String::new()
            },
            tags: tags.join(", "),
            preferences: if self.rng.below(4) == 0 {
                "prefers: phone".into()
            } else {
                String::new()
            },
            notes: if self.rng.below(5) == 0 {
                format!("Met at the {} fair", self.rng.pick(TOWNS))
            } else {
                String::new()
            },
            ..ContactDraft::default()
        }
    }

    /// A consent of a random contact to one of `purposes`, given (or, one in ten, refused) in
    /// the last two years, valid for 12 or 24 months or until withdrawn.
    pub fn consent(
        &mut self,
        contacts: &[String],
        purposes: &[&String],
    ) -> (ConsentDraft, DateTime<Utc>) {
        let contact = self.rng.pick(contacts).clone();
        let purpose = (*self.rng.pick(purposes)).clone();
        let at = self.start - Duration::minutes(self.rng.below(2 * 365 * 24 * 60) as i64);
        let draft = ConsentDraft {
            contact_id: contact,
            purpose_id: purpose,
            notice: "https://poradna.example/ochrana-udaju".into(),
            language: "cs".into(),
            method: self
                .rng
                .pick(&["web_form", "email", "paper_form", "phone", "in_person"])
                .to_string(),
            validity_months: self.rng.pick(&["", "12", "24"]).to_string(),
            answer: if self.rng.below(10) == 0 {
                "refused"
            } else {
                "given"
            }
            .into(),
            how: "zaškrtnuté políčko ve formuláři".into(),
            ..ConsentDraft::default()
        };
        (draft, at)
    }

    /// A deal with one to three of `contacts`, maybe their organisation, a value in CZK (one in
    /// five in EUR), opened up to 18 months ago and moved on to a random stage since.
    pub fn deal(&mut self, n: usize, contacts: &[(String, Option<String>)]) -> Deal {
        let pipeline = Pipeline::default();
        let opened = self.start - Duration::days(self.rng.below(540) as i64 + 30);
        let title = format!("{} #{}", self.rng.pick(DEAL_TITLES), n + 1);
        let mut deal = match Deal::new(&title, &pipeline, "lead", opened) {
            Ok(deal) => deal,
            Err(_) => unreachable!("the default pipeline has a lead stage"),
        };
        let stage = self.rng.pick(&pipeline.stages).id.clone();
        if stage != "lead" {
            let moved = opened + Duration::days(self.rng.below(29) as i64 + 1);
            let _ = deal.move_to(&pipeline, &stage, moved);
        }
        let currency = if self.rng.below(5) == 0 { "EUR" } else { "CZK" };
        deal.value = Some(Amount {
            minor: (self.rng.below(495) as i64 + 5) * 1_000 * 100,
            currency: currency.into(),
        });
        // Won and lost set their own probability (100 / 0); open deals get 10–90 %.
        if pipeline
            .stage(deal.stage_id())
            .is_some_and(|s| s.outcome == Outcome::Open)
        {
            deal.probability = 10 * (self.rng.below(9) as u8 + 1);
        }
        let people = self.rng.below(3) as usize + 1;
        for _ in 0..people {
            let (contact, organisation) = self.rng.pick(contacts).clone();
            if !deal.contact_ids.contains(&contact) {
                deal.contact_ids.push(contact);
            }
            if deal.organisation_id.is_none() {
                deal.organisation_id = organisation;
            }
        }
        deal.expected_close = Some((opened + Duration::days(90)).date_naive());
        deal
    }

    /// The document a deal leaves behind: an invoice once won, a contract in negotiation, an
    /// offer otherwise.
    pub fn document(&mut self, n: usize, deal_id: &str, deal: &Deal) -> DocumentDraft {
        let (kind, prefix) = match deal.stage_id() {
            "won" => ("invoice", "FV"),
            "negotiation" => ("contract", "SML"),
            _ => ("offer", "NAB"),
        };
        let value = deal.value.clone().unwrap_or(Amount {
            minor: 0,
            currency: "CZK".into(),
        });
        let date = deal.since().unwrap_or(self.start).date_naive();
        DocumentDraft {
            kind: kind.into(),
            number: format!("{prefix}-{}-{:05}", date.format("%Y"), n + 1),
            date: date.to_string(),
            amount: format!("{}.{:02}", value.minor / 100, value.minor % 100),
            currency: value.currency,
            deal_id: Some(deal_id.to_string()),
            contact_ids: deal.contact_ids.clone(),
            organisation_id: deal.organisation_id.clone(),
            ..DocumentDraft::default()
        }
    }

    pub fn activity(&mut self, contact_id: &str) -> ActivityDraft {
        let kind = *self.rng.pick(&ActivityKind::ALL);
        let minutes = self.rng.below(3 * 365 * 24 * 60) as i64;
        ActivityDraft {
            contact_id: contact_id.to_string(),
            kind,
            at: Some(self.start - Duration::minutes(minutes)),
            subject: self.rng.pick(SUBJECTS).to_string(),
            body: String::new(),
            deal_id: None,
        }
    }
}

/// How much sample data `populate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct Counts {
    pub organisations: usize,
    pub contacts: usize,
    pub activities: usize,
    /// Consent records, spread over a few consent purposes (and some non-consent ones).
    pub consents: usize,
    /// Deals, each with one document (offer, contract or invoice by its stage).
    pub deals: usize,
}

/// What generated deals are about.
const DEAL_TITLES: &[&str] = &[
    "Daňové přiznání",
    "Audit účetnictví",
    "Mzdová agenda",
    "Poradenství k DPH",
    "Due diligence",
    "Vedení účetnictví",
    "Tax return",
    "Účtovníctvo a dane",
];

/// The purposes sample data uses: (name, lawful basis code, data categories).
const PURPOSES: &[(&str, &str, &str)] = &[
    ("Newsletter", "consent", "name, e-mail"),
    ("Pozvánky na akce", "consent", "name, e-mail, phone"),
    ("Průzkumy spokojenosti", "consent", "name, e-mail"),
    ("Client care", "contract", "name, e-mail, phone, address"),
    ("Účetnictví", "legal_obligation", "name, IČO, DIČ, address"),
];

/// Records per transaction when writing sample data.
pub const PER_TRANSACTION: usize = 500;

/// Writes generated organisations, contacts (three in five belong to an organisation) and
/// activities (on random contacts) through the service's bulk path: sealed, audited, batched.
pub async fn populate<R: Repository>(
    vault: &UnlockedVault<R>,
    seed: u64,
    counts: Counts,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let mut generator = Generator::new(seed, now);
    let organisations: Vec<_> = (0..counts.organisations)
        .map(|n| generator.organisation(n))
        .collect();
    let organisation_ids = vault
        .create_organisations_in_bulk(&organisations, PER_TRANSACTION, now)
        .await?;
    let contacts: Vec<_> = (0..counts.contacts)
        .map(|n| {
            let organisation = (!organisation_ids.is_empty() && generator.rng.below(5) < 3)
                .then(|| generator.rng.pick(&organisation_ids).clone());
            generator.contact(n, organisation)
        })
        .collect();
    let contact_ids = vault
        .create_contacts_in_bulk(&contacts, PER_TRANSACTION, now)
        .await?;
    if contact_ids.is_empty() {
        return Ok(());
    }
    let activities: Vec<_> = (0..counts.activities)
        .map(|_| {
            let contact = generator.rng.pick(&contact_ids).clone();
            generator.activity(&contact)
        })
        .collect();
    vault
        .create_activities_in_bulk(&activities, PER_TRANSACTION, now)
        .await?;
    if counts.deals > 0 {
        let people: Vec<(String, Option<String>)> = contact_ids
            .iter()
            .zip(&contacts)
            .map(|(id, c)| (id.clone(), c.organisation_id.clone()))
            .collect();
        let deals: Vec<Deal> = (0..counts.deals)
            .map(|n| generator.deal(n, &people))
            .collect();
        let deal_ids = vault
            .create_deals_in_bulk(deals.clone(), PER_TRANSACTION, now)
            .await?;
        let documents: Vec<DocumentDraft> = deal_ids
            .iter()
            .zip(&deals)
            .enumerate()
            .map(|(n, (id, deal))| generator.document(n, id, deal))
            .collect();
        vault
            .create_documents_in_bulk(&documents, '.', PER_TRANSACTION, now)
            .await?;
    }
    if counts.consents == 0 {
        return Ok(());
    }
    let purposes: Vec<PurposeDraft> = PURPOSES
        .iter()
        .map(|(name, basis, data)| PurposeDraft {
            name: name.to_string(),
            basis: basis.to_string(),
            data_categories: data.to_string(),
            subject_categories: "clients, prospects".into(),
            retention: "until consent is withdrawn, or as the law requires".into(),
            opt_out: true,
            ..PurposeDraft::default()
        })
        .collect();
    let purpose_ids = vault
        .create_purposes_in_bulk(&purposes, PER_TRANSACTION, now)
        .await?;
    let consent_purposes: Vec<&String> = purpose_ids
        .iter()
        .zip(PURPOSES)
        .filter(|(_, (_, basis, _))| *basis == "consent")
        .map(|(id, _)| id)
        .collect();
    let consents: Vec<_> = (0..counts.consents)
        .map(|_| generator.consent(&contact_ids, &consent_purposes))
        .collect();
    vault
        .create_consents_in_bulk(&consents, PER_TRANSACTION, now)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Ico;
    use chrono::TimeZone;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_data() {
        let mut a = Generator::new(42, start());
        let mut b = Generator::new(42, start());
        for n in 0..50 {
            assert_eq!(a.contact(n, None), b.contact(n, None));
            assert_eq!(a.organisation(n), b.organisation(n));
        }
        let mut c = Generator::new(43, start());
        let differ =
            (0..50).any(|n| c.contact(n, None) != Generator::new(42, start()).contact(n, None));
        assert!(differ);
    }

    #[test]
    fn everything_generated_is_valid_and_has_diacritics() {
        let mut g = Generator::new(7, start());
        let mut accented = 0;
        for n in 0..1_000 {
            let c = g
                .contact(n, None)
                .validate()
                .unwrap_or_else(|e| panic!("contact {n}: {e:?}"));
            if c.display_name() != fold(&c.display_name()) {
                accented += 1;
            }
            g.organisation(n)
                .validate()
                .unwrap_or_else(|e| panic!("organisation {n}: {e:?}"));
            let a = g.activity("c").validate().unwrap();
            assert!(a.at <= start());
        }
        assert!(accented > 300, "{accented} of 1000 names carry diacritics");
    }

    #[test]
    fn generated_icos_pass_the_check_digit() {
        for n in [0, 1, 6947, 2_708_244, 9_999_999] {
            assert!(Ico::parse(&ico_from(n)).is_ok(), "{}", ico_from(n));
        }
        assert_eq!(ico_from(2_708_244), "27082440");
        assert_eq!(ico_from(694), "00006947");
    }

    #[test]
    fn populate_writes_every_kind_through_the_service() {
        use crate::app::service;
        use crate::store::MemoryRepository;
        use crate::vault::{KdfParams, Passphrase};
        futures_executor::block_on(async {
            let pass = Passphrase::new("correct horse battery staple");
            let params = KdfParams::with_cost(1024, 1, 1).unwrap();
            let vault = service::create_vault(MemoryRepository::default(), &pass, params, start())
                .await
                .unwrap();
            let counts = Counts {
                organisations: 7,
                contacts: 40,
                activities: 90,
                consents: 60,
                deals: 12,
            };
            populate(&vault, 3, counts, start()).await.unwrap();
            let s = vault.snapshot();
            assert_eq!(
                (s.organisations.len(), s.contacts.len(), s.activities.len()),
                (7, 40, 90)
            );
            assert_eq!((s.purposes.len(), s.consents.len()), (PURPOSES.len(), 60));
            assert_eq!((s.deals.len(), s.documents.len()), (12, 12));
            assert!(s
                .documents
                .values()
                .all(|d| s.deals.contains_key(d.data.deal_id.as_ref().unwrap())));
            // One audit event per record, plus the vault's creation; the chain verifies.
            assert_eq!(
                s.audit.len(),
                1 + 7 + 40 + 90 + 12 + 12 + PURPOSES.len() + 60
            );
            assert_eq!(s.chain, None);
            let linked = s
                .contacts
                .values()
                .filter(|c| c.data.organisation_id.is_some());
            assert!(linked.count() > 10);
            assert!(s
                .activities
                .values()
                .all(|a| s.contacts.contains_key(&a.data.contact_id)));
            vault.reload().await.unwrap();
            assert_eq!(vault.snapshot().activities.len(), 90);
        });
    }
}
