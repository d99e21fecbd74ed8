//! Tests of `outreach`: every basis × audience × customer status × objection through
//! `consent::eligibility`, and the soft opt-in's conditions one by one.

use super::*;
use crate::domain::consent::{
    eligibility, ConsentDraft, ConsentRecord, Exclusion, Limit, LimitKind,
};
use crate::domain::testing::{consent_draft, day, noon};
use chrono::{DateTime, Utc};

fn local(at: DateTime<Utc>) -> NaiveDate {
    at.date_naive()
}

fn purpose(basis: LawfulBasis, audience: Audience, direct_marketing: bool) -> Purpose {
    Purpose {
        name: "Newsletter".into(),
        basis,
        direct_marketing,
        own_similar: true,
        audience: Some(audience),
        ..Purpose::default()
    }
}

fn full_sale() -> Sale {
    Sale {
        email_collected: true,
        refusal_offered: Some(day(2026, 3, 1)),
    }
}

fn part(stage: &str, outcome: Outcome, sale: Sale) -> DealPart {
    DealPart {
        stage_id: stage.into(),
        outcome,
        sale,
    }
}

/// The people of the table: what they are, and the person.
fn people() -> Vec<(&'static str, Person)> {
    vec![
        ("prospect", Person::default()),
        (
            "tagged prospect",
            Person {
                tags: vec!["VIP".into()],
                ..Person::default()
            },
        ),
        (
            "prospect in proposal",
            Person {
                deals: vec![part("proposal", Outcome::Open, Sale::default())],
                ..Person::default()
            },
        ),
        (
            "customer with the soft opt-in",
            Person {
                tags: vec!["vip".into()],
                deals: vec![part("won", Outcome::Won, full_sale())],
                ..Person::default()
            },
        ),
        (
            "customer by invoice only",
            Person {
                invoices: vec![None],
                ..Person::default()
            },
        ),
    ]
}

fn audiences() -> Vec<Audience> {
    vec![
        Audience::Everyone,
        Audience::Tagged { tag: "vip".into() },
        Audience::Customers,
        Audience::DealStages {
            stages: vec!["proposal".into(), "won".into()],
        },
    ]
}

fn consent() -> ConsentRecord {
    ConsentDraft {
        notice: "Privacy notice v1".into(),
        language: "cs".into(),
        ..consent_draft("")
    }
    .validate(noon(2026, 1, 10))
    .unwrap_or_else(|e| panic!("{e:?}"))
}

/// What the law expects, written out apart from the code: (in the audience, the soft opt-in's
/// answer for direct marketing without consent).
fn expected(who: &str, audience: &Audience) -> (bool, Result<(), Outside>) {
    let in_audience = matches!(
        (audience, who),
        (Audience::Everyone, _)
            | (
                Audience::Tagged { .. },
                "tagged prospect" | "customer with the soft opt-in"
            )
            | (
                Audience::Customers,
                "customer with the soft opt-in" | "customer by invoice only"
            )
            | (
                Audience::DealStages { .. },
                "prospect in proposal" | "customer with the soft opt-in"
            )
    );
    let soft = match who {
        "customer with the soft opt-in" => Ok(()),
        "customer by invoice only" => Err(Outside::EmailNotFromSale),
        _ => Err(Outside::NoSale),
    };
    (in_audience, soft)
}

#[test]
fn every_basis_audience_customer_status_and_objection() {
    let now = noon(2026, 6, 1);
    let given = consent();
    let objection = Limit::new(
        "c1",
        LimitKind::Objection,
        None,
        noon(2026, 5, 1),
        "no more mail",
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let mut checked = 0;
    for basis in LawfulBasis::ALL {
        for audience in audiences() {
            for marketing in [false, true] {
                let p = purpose(basis, audience.clone(), marketing);
                for (who, person) in people() {
                    for objected in [false, true] {
                        let limits: Vec<&Limit> = if objected { vec![&objection] } else { vec![] };
                        let got =
                            eligibility("p1", &p, false, &person, [&given], limits, now, local);
                        let (in_audience, soft) = expected(who, &audience);
                        let want = if objected && (marketing || basis.objection_applies()) {
                            Err("objected")
                        } else if marketing && basis != LawfulBasis::Consent && soft.is_err() {
                            Err("soft opt-in")
                        } else if !in_audience {
                            Err("outside the audience")
                        } else {
                            Ok(())
                        };
                        let label = format!("{basis:?} {audience:?} marketing={marketing} {who} objected={objected}");
                        match (want, &got) {
                            (Ok(()), Ok(())) => {}
                            (Err("objected"), Err(Exclusion::Objected(..))) => {}
                            (Err("outside the audience"), Err(Exclusion::Outside(o))) => assert!(
                                matches!(
                                    o,
                                    Outside::NotTagged(_)
                                        | Outside::NotCustomer
                                        | Outside::NotInStages
                                ),
                                "{label}: {o:?}"
                            ),
                            (Err("soft opt-in"), Err(Exclusion::Outside(o))) => {
                                assert_eq!(Err(o.clone()), soft, "{label}")
                            }
                            (want, got) => panic!("{label}: expected {want:?}, got {got:?}"),
                        }
                        // Without a consent, a consent purpose reaches no one.
                        let without = eligibility("p1", &p, false, &person, [], [], now, local);
                        if basis == LawfulBasis::Consent {
                            assert_eq!(without, Err(Exclusion::NoConsent), "{label}");
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 6 * 4 * 2 * 5 * 2);
}

#[test]
fn a_prospect_is_told_that_e_mail_marketing_needs_consent() {
    let p = purpose(LawfulBasis::LegitimateInterest, Audience::Everyone, true);
    assert_eq!(reach(&p, &Person::default()), Err(Outside::NoSale));
    // A lost deal is no sale either.
    let lost = Person {
        deals: vec![part("lost", Outcome::Lost, full_sale())],
        ..Person::default()
    };
    assert_eq!(reach(&p, &lost), Err(Outside::NoSale));
    // Not marketing: a legitimate interest reaches its audience.
    let p = purpose(LawfulBasis::LegitimateInterest, Audience::Everyone, false);
    assert_eq!(reach(&p, &Person::default()), Ok(()));
}

#[test]
fn the_soft_opt_in_s_conditions_one_by_one() {
    let customer = |sale: Sale| Person {
        deals: vec![part("won", Outcome::Won, sale)],
        ..Person::default()
    };
    let p = purpose(LawfulBasis::LegitimateInterest, Audience::Customers, true);
    assert_eq!(reach(&p, &customer(full_sale())), Ok(()));
    // Not for one's own similar products or services.
    let mut other = p.clone();
    other.own_similar = false;
    assert_eq!(
        reach(&other, &customer(full_sale())),
        Err(Outside::NotOwnSimilar)
    );
    // The e-mail was not collected with the sale.
    let not_collected = Sale {
        email_collected: false,
        ..full_sale()
    };
    assert_eq!(
        reach(&p, &customer(not_collected)),
        Err(Outside::EmailNotFromSale)
    );
    // No refusal recorded as offered.
    let no_refusal = Sale {
        refusal_offered: None,
        ..full_sale()
    };
    assert_eq!(
        reach(&p, &customer(no_refusal)),
        Err(Outside::NoRefusalOffered)
    );
    // An invoice tied to a deal with the facts is a sale that meets them.
    let invoiced = Person {
        invoices: vec![Some(full_sale())],
        ..Person::default()
    };
    assert_eq!(reach(&p, &invoiced), Ok(()));
    // The same rule holds on every basis but consent: the law on e-mail does not ask which.
    for basis in [LawfulBasis::Contract, LawfulBasis::PublicTask] {
        let p = purpose(basis, Audience::Everyone, true);
        assert_eq!(reach(&p, &Person::default()), Err(Outside::NoSale));
    }
    // Under consent, the consent decides.
    let p = purpose(LawfulBasis::Consent, Audience::Everyone, true);
    assert_eq!(reach(&p, &Person::default()), Ok(()));
}

#[test]
fn a_purpose_stored_before_audiences_gets_its_basis_s_default() {
    for basis in LawfulBasis::ALL {
        let p = Purpose {
            basis,
            ..Purpose::default()
        };
        let old: Purpose = serde_json::from_value(serde_json::json!({
            "name": "", "description": "", "basis": basis.code(), "data_categories": "",
            "subject_categories": "", "recipients": "", "transfers": "", "retention": "",
            "opt_out": false, "security": "", "retired": false
        }))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(old, p);
        let want = if basis == LawfulBasis::Consent {
            Audience::Everyone
        } else {
            Audience::Customers
        };
        assert_eq!(p.audience(), want, "{basis:?}");
        // So an old contract purpose no longer lists a prospect.
        assert_eq!(
            reach(&p, &Person::default()).is_ok(),
            basis == LawfulBasis::Consent,
            "{basis:?}"
        );
    }
}

#[test]
fn tags_match_regardless_of_case_and_stages_by_id() {
    let p = purpose(
        LawfulBasis::LegitimateInterest,
        Audience::Tagged {
            tag: " VIP ".into(),
        },
        false,
    );
    let tagged = Person {
        tags: vec!["vip".into()],
        ..Person::default()
    };
    assert_eq!(reach(&p, &tagged), Ok(()));
    assert_eq!(
        reach(&p, &Person::default()),
        Err(Outside::NotTagged(" VIP ".into()))
    );
    let p = purpose(
        LawfulBasis::Contract,
        Audience::DealStages {
            stages: vec!["won".into()],
        },
        false,
    );
    let open = Person {
        deals: vec![part("proposal", Outcome::Open, Sale::default())],
        ..Person::default()
    };
    assert_eq!(reach(&p, &open), Err(Outside::NotInStages));
}
