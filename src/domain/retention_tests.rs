//! Tests of `retention`: each anchor, what keeps (open deal, hold, consent given), a withdrawn
//! consent, purposes without a rule, month arithmetic at month ends, and a property: a person
//! with an open deal is never due.

use super::*;
use crate::domain::activity::ActivityKind;
use crate::domain::consent::{ConsentDraft, ConsentEvent, EventKind};
use crate::domain::outreach::{Audience, DealPart};
use crate::domain::testing::{consent_draft, day, noon};
use proptest::prelude::*;

fn local(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

fn rule(months: u16, after: After) -> RetentionRule {
    RetentionRule { months, after }
}

/// A vault of one contact, "c1", created on 15 Jan 2020, kept by default 12 months after its
/// last activity.
struct World {
    contact: Contact,
    created: DateTime<Utc>,
    activities: Vec<Activity>,
    consents: Vec<ConsentRecord>,
    deals: Vec<(String, Deal)>,
    documents: Vec<(String, Document)>,
    purposes: Vec<(String, Purpose)>,
    pipeline: Pipeline,
    record_rule: RetentionRule,
}

impl World {
    fn new() -> Self {
        World {
            contact: Contact {
                given_name: "Jana".into(),
                ..Contact::default()
            },
            created: noon(2020, 1, 15),
            activities: Vec::new(),
            consents: Vec::new(),
            deals: Vec::new(),
            documents: Vec::new(),
            purposes: Vec::new(),
            pipeline: Pipeline::default(),
            record_rule: rule(12, After::LastActivity),
        }
    }

    fn activity(mut self, at: DateTime<Utc>) -> Self {
        self.activities.push(Activity {
            contact_id: "c1".into(),
            kind: ActivityKind::Call,
            at,
            subject: "Call".into(),
            body: String::new(),
            deal_id: None,
        });
        self
    }

    /// A deal of c1 opened on `opened`, moved to `stage` on `moved` (unless it stays in lead).
    fn deal(mut self, stage: &str, opened: DateTime<Utc>, moved: DateTime<Utc>) -> Self {
        let mut deal = Deal::new("Audit", &self.pipeline, "lead", opened).unwrap_or_else(|e| {
            panic!("{e}");
        });
        if stage != "lead" {
            deal.move_to(&self.pipeline, stage, moved)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        deal.contact_ids = vec!["c1".into()];
        self.deals
            .push((format!("d{}", self.deals.len() + 1), deal));
        self
    }

    fn purpose(mut self, id: &str, basis: LawfulBasis, r: Option<RetentionRule>) -> Self {
        self.purposes.push((
            id.into(),
            Purpose {
                name: id.into(),
                basis,
                audience: Some(Audience::default_for(basis)),
                retention_rule: r,
                ..Purpose::default()
            },
        ));
        self
    }

    /// c1's consent to `purpose`, given on `given`, withdrawn on `withdrawn` if any.
    fn consent(
        mut self,
        purpose: &str,
        given: DateTime<Utc>,
        withdrawn: Option<DateTime<Utc>>,
    ) -> Self {
        let mut c = ConsentDraft {
            purpose_id: purpose.into(),
            notice: "Privacy notice v1".into(),
            language: "cs".into(),
            ..consent_draft("")
        }
        .validate(given)
        .unwrap_or_else(|e| panic!("{e:?}"));
        if let Some(at) = withdrawn {
            c.append(
                ConsentEvent {
                    kind: EventKind::Withdrawn,
                    at,
                    how: "e-mail".into(),
                    undoes: None,
                },
                local,
            )
            .unwrap_or_else(|e| panic!("{e}"));
        }
        self.consents.push(c);
        self
    }

    fn document(
        mut self,
        kind: DocumentKind,
        retain_until: Option<NaiveDate>,
        contract_end: Option<NaiveDate>,
    ) -> Self {
        self.documents.push((
            format!("doc{}", self.documents.len() + 1),
            Document {
                kind,
                number: "2021-7".into(),
                date: day(2021, 6, 1),
                amount: None,
                note: String::new(),
                deal_id: None,
                contact_ids: vec!["c1".into()],
                organisation_id: None,
                retain_until,
                retention_reason: String::new(),
                contract_end,
            },
        ));
        self
    }

    /// The outreach facts, as the snapshot gathers them.
    fn people(&self) -> HashMap<String, Person> {
        let mut person = Person {
            tags: self.contact.tags.clone(),
            ..Person::default()
        };
        for (_, d) in &self.deals {
            person.deals.push(DealPart {
                stage_id: d.stage_id().to_string(),
                outcome: self
                    .pipeline
                    .stage(d.stage_id())
                    .map_or(Outcome::Open, |s| s.outcome),
                sale: d.sale.clone(),
            });
        }
        for (_, d) in &self.documents {
            if d.kind == DocumentKind::Invoice {
                person.invoices.push(None);
            }
        }
        HashMap::from([("c1".to_string(), person)])
    }

    fn due(&self, today: NaiveDate) -> Vec<Review> {
        let people = self.people();
        let vault = Vault {
            contacts: vec![Subject {
                id: "c1",
                contact: &self.contact,
                created: self.created,
            }],
            activities: self.activities.iter().collect(),
            consents: self.consents.iter().collect(),
            deals: self.deals.iter().map(|(i, d)| (i.as_str(), d)).collect(),
            documents: self
                .documents
                .iter()
                .map(|(i, d)| (i.as_str(), d))
                .collect(),
            purposes: self.purposes.iter().map(|(i, p)| (i.as_str(), p)).collect(),
            people: &people,
            pipeline: &self.pipeline,
            record_rule: self.record_rule,
        };
        due_for_review(&vault, today, &local)
    }

    /// Since when c1 is due on `today` (None: not due).
    fn since(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.due(today).first().map(|r| r.since)
    }
}

#[test]
fn each_case_is_due_exactly_from_the_day_its_last_justification_ends() {
    // (what, the world, the first day due; None: never within the years tried)
    let cases: Vec<(&str, World, Option<NaiveDate>)> = vec![
        (
            "nothing happened: 12 months after the record's creation",
            World::new(),
            Some(day(2021, 1, 15)),
        ),
        (
            "the record's rule counts from the last activity",
            World::new()
                .activity(noon(2021, 3, 10))
                .activity(noon(2022, 5, 20)),
            Some(day(2023, 5, 20)),
        ),
        (
            "an open deal keeps them",
            World::new().deal("lead", noon(2020, 2, 1), noon(2020, 2, 1)),
            None,
        ),
        (
            "a closed deal without a purpose keeps nobody",
            World::new().deal("lost", noon(2020, 2, 1), noon(2020, 3, 1)),
            Some(day(2021, 1, 15)),
        ),
        (
            "a contract purpose: 10 years after the won deal's close",
            World::new()
                .deal("won", noon(2020, 2, 1), noon(2020, 3, 1))
                .purpose(
                    "contract",
                    LawfulBasis::Contract,
                    Some(rule(120, After::ContractEnded)),
                ),
            Some(day(2030, 3, 1)),
        ),
        (
            "a contract document's end is the contract's end",
            World::new()
                .deal("won", noon(2020, 2, 1), noon(2020, 3, 1))
                .document(DocumentKind::Contract, None, Some(day(2022, 8, 31)))
                .purpose(
                    "contract",
                    LawfulBasis::Contract,
                    Some(rule(24, After::ContractEnded)),
                ),
            Some(day(2024, 8, 31)),
        ),
        (
            "a purpose counted from the deal's close",
            World::new()
                .deal("won", noon(2020, 2, 1), noon(2020, 4, 30))
                .purpose(
                    "after-sale",
                    LawfulBasis::LegitimateInterest,
                    Some(rule(18, After::DealClosed)),
                ),
            Some(day(2021, 10, 30)),
        ),
        (
            "a purpose whose audience does not hold them does not keep them",
            World::new()
                .deal("lost", noon(2020, 2, 1), noon(2020, 4, 30))
                .purpose(
                    "customers",
                    LawfulBasis::LegitimateInterest,
                    Some(rule(60, After::DealClosed)),
                ),
            Some(day(2021, 1, 15)),
        ),
        (
            "a consent given keeps them, whatever the rules",
            World::new()
                .purpose(
                    "newsletter",
                    LawfulBasis::Consent,
                    Some(rule(1, After::ConsentEnded)),
                )
                .consent("newsletter", noon(2020, 1, 20), None),
            None,
        ),
        (
            "a withdrawn consent keeps them for its purpose's rule after the withdrawal",
            World::new()
                .purpose(
                    "newsletter",
                    LawfulBasis::Consent,
                    Some(rule(6, After::ConsentEnded)),
                )
                .consent("newsletter", noon(2020, 1, 20), Some(noon(2021, 6, 1))),
            Some(day(2021, 12, 1)),
        ),
        (
            "a withdrawn consent to a purpose without a rule keeps nobody",
            World::new()
                .purpose("newsletter", LawfulBasis::Consent, None)
                .consent("newsletter", noon(2020, 1, 20), Some(noon(2021, 6, 1))),
            Some(day(2021, 1, 15)),
        ),
        (
            "a purpose without a rule neither keeps nor makes due",
            World::new()
                .activity(noon(2020, 6, 1))
                .purpose("everyone", LawfulBasis::LegitimateInterest, None)
                .deal("won", noon(2020, 2, 1), noon(2020, 3, 1)),
            Some(day(2021, 6, 1)),
        ),
        (
            "a retention hold keeps them through its last day",
            World::new().document(DocumentKind::Invoice, Some(day(2031, 12, 31)), None),
            Some(day(2032, 1, 1)),
        ),
        (
            "a hold that ended long ago keeps nobody",
            World::new().document(DocumentKind::Offer, Some(day(2020, 2, 1)), None),
            Some(day(2021, 1, 15)),
        ),
    ];
    for (what, world, first_due) in cases {
        let mut today = day(2020, 1, 15);
        let mut found = None;
        // Month by month, then day by day within the month it first is.
        while today < day(2040, 1, 1) {
            if world.since(today).is_some() {
                found = Some(today);
                break;
            }
            today = today.checked_add_months(Months::new(1)).unwrap_or(today);
        }
        let found = found.map(|month| {
            let mut d = month - chrono::Days::new(31);
            while world.since(d).is_none() {
                d = d.succ_opt().unwrap_or(month);
            }
            d
        });
        assert_eq!(found, first_due, "{what}");
        if let Some(first) = first_due {
            assert_eq!(
                world.since(first + chrono::Days::new(400)),
                Some(first),
                "{what}: since"
            );
        }
    }
}

#[test]
fn the_record_s_rule_can_count_from_any_anchor_and_falls_back_on_the_last_activity() {
    let base = || {
        World::new()
            .activity(noon(2020, 2, 1))
            .deal("lost", noon(2020, 2, 1), noon(2020, 5, 1))
            .purpose("newsletter", LawfulBasis::Consent, None)
            .consent("newsletter", noon(2020, 1, 20), Some(noon(2020, 7, 1)))
    };
    for (after, since) in [
        (After::LastActivity, day(2021, 2, 1)),
        (After::DealClosed, day(2021, 5, 1)),
        (After::ConsentEnded, day(2021, 7, 1)),
        // No won deal, no contract: the last activity.
        (After::ContractEnded, day(2021, 2, 1)),
    ] {
        let mut w = base();
        w.record_rule = rule(12, after);
        assert_eq!(w.since(day(2030, 1, 1)), Some(since), "{after:?}");
    }
}

#[test]
fn months_are_added_to_the_calendar_and_clamped_at_month_ends() {
    for (anchor, months, end) in [
        (day(2024, 1, 31), 1, day(2024, 2, 29)),
        (day(2023, 1, 31), 1, day(2023, 2, 28)),
        (day(2023, 3, 31), 1, day(2023, 4, 30)),
        (day(2023, 8, 31), 6, day(2024, 2, 29)),
        (day(2023, 12, 31), 12, day(2024, 12, 31)),
        (day(2024, 2, 29), 12, day(2025, 2, 28)),
    ] {
        assert_eq!(rule(months, After::LastActivity).end(anchor), Some(end));
    }
    // Beyond the calendar: it never ends (and nothing panics).
    assert_eq!(
        rule(u16::MAX, After::LastActivity).end(NaiveDate::MAX),
        None
    );
    // Due on the day the rule ends, not before.
    let w = World::new().activity(noon(2023, 1, 31));
    let mut w = w;
    w.record_rule = rule(1, After::LastActivity);
    assert_eq!(w.since(day(2023, 2, 27)), None);
    assert_eq!(w.since(day(2023, 2, 28)), Some(day(2023, 2, 28)));
}

#[test]
fn a_review_says_why_each_justification_ended_latest_first() {
    let w = World::new()
        .activity(noon(2020, 6, 1))
        .document(DocumentKind::Invoice, Some(day(2022, 12, 31)), None)
        .purpose(
            "newsletter",
            LawfulBasis::Consent,
            Some(rule(3, After::ConsentEnded)),
        )
        .consent("newsletter", noon(2020, 1, 20), Some(noon(2021, 2, 10)));
    let due = w.due(day(2024, 1, 1));
    assert_eq!(due.len(), 1);
    let r = &due[0];
    assert_eq!(r.contact_id, "c1");
    assert_eq!(r.since, day(2023, 1, 1));
    let grounds: Vec<_> = r
        .reasons
        .iter()
        .map(|r| (r.ground.clone(), r.ends))
        .collect();
    assert_eq!(
        grounds,
        vec![
            (
                Ground::Hold {
                    document_id: "doc1".into(),
                    kind: DocumentKind::Invoice,
                    number: "2021-7".into()
                },
                Some(day(2023, 1, 1))
            ),
            (
                Ground::Record(rule(12, After::LastActivity)),
                Some(day(2021, 6, 1))
            ),
            (
                Ground::Purpose {
                    purpose_id: "newsletter".into(),
                    rule: rule(3, After::ConsentEnded)
                },
                Some(day(2021, 5, 10))
            ),
        ]
    );
    // The anchors say since when each counted.
    assert_eq!(r.reasons[1].anchor, Some(day(2020, 6, 1)));
    assert_eq!(r.reasons[2].anchor, Some(day(2021, 2, 10)));
}

#[test]
fn a_person_erased_already_or_restricted_is_not_listed() {
    let mut w = World::new();
    assert_eq!(w.since(day(2030, 1, 1)), Some(day(2021, 1, 15)));
    w.contact.erased_on = Some(day(2022, 1, 1));
    assert!(w.due(day(2030, 1, 1)).is_empty());
    let mut w = World::new();
    w.contact.restricted = true;
    assert!(
        w.due(day(2030, 1, 1)).is_empty(),
        "Art. 18: kept while restricted"
    );
}

#[test]
fn a_rule_is_read_from_the_form_within_1_to_600_months() {
    assert_eq!(RetentionRule::parse("", "last_activity"), Ok(None));
    assert_eq!(RetentionRule::parse("  ", ""), Ok(None));
    assert_eq!(
        RetentionRule::parse(" 36 ", "deal_closed"),
        Ok(Some(rule(36, After::DealClosed)))
    );
    assert_eq!(
        RetentionRule::parse("600", "contract_ended"),
        Ok(Some(rule(600, After::ContractEnded)))
    );
    for bad in ["0", "601", "-1", "3.5", "many", "99999999999"] {
        assert_eq!(
            RetentionRule::parse(bad, "last_activity"),
            Err(FieldError::Months),
            "{bad}"
        );
    }
    assert_eq!(
        RetentionRule::parse("12", "whenever"),
        Err(FieldError::Required)
    );
    for a in After::ALL {
        assert_eq!(After::from_code(a.code()), Some(a));
    }
}

proptest! {
    #![proptest_config(crate::domain::proptest_config())]

    #[test]
    fn a_person_with_an_open_deal_is_never_due(
        months in 1u16..=600,
        after in 0usize..4,
        activity_days in proptest::collection::vec(0i64..20_000, 0..4),
        closed_days in proptest::collection::vec(0i64..20_000, 0..3),
        today_days in 0i64..40_000,
        with_purpose in any::<bool>(),
    ) {
        let start = noon(2000, 1, 1);
        let mut w = World::new();
        w.created = start;
        w.record_rule = rule(months, After::ALL[after]);
        for d in activity_days {
            w = w.activity(start + chrono::Duration::days(d));
        }
        for d in closed_days {
            w = w.deal("won", start, start + chrono::Duration::days(d));
        }
        if with_purpose {
            w = w.purpose("contract", LawfulBasis::Contract, Some(rule(months, After::ALL[after])));
        }
        let today = local(start) + chrono::Days::new(today_days.unsigned_abs());
        let w = w.deal("lead", start, start);
        prop_assert!(w.due(today).is_empty());
    }
}
