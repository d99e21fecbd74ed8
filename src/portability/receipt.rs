//! The consent receipt as a file for its subject: the fields of the Kantara Initiative's
//! Consent Receipt Specification v1.1, built from a consent, its purpose and the controller.
//! An output format of the portability layer; imports `domain` only.

use crate::domain::consent::ConsentRecord;
use crate::domain::profile::ControllerProfile;
use crate::domain::purpose::Purpose;
use chrono::NaiveDate;

/// A machine-readable consent receipt with the fields of the Kantara Initiative's Consent
/// Receipt Specification v1.1, for the person the consent concerns.
pub fn kantara_receipt(
    receipt_id: &str,
    consent: &ConsentRecord,
    purpose: &Purpose,
    controller: Option<&ControllerProfile>,
    subject: &str,
    expires_on: Option<NaiveDate>,
    // Words a text Folio stored as a code (a withdrawal in the app…); people's own words pass.
    worded: &dyn Fn(&str) -> String,
) -> serde_json::Value {
    let controllers: Vec<serde_json::Value> = controller
        .map(|c| {
            serde_json::json!({
                "piiController": c.name,
                "contact": c.name,
                "address": c.address.clone().unwrap_or_default(),
                "email": c.email.clone().unwrap_or_default(),
                "phone": c.phone.clone().unwrap_or_default(),
            })
        })
        .into_iter()
        .collect();
    let timestamp = consent
        .given_at()
        .or(consent.events().first().map(|e| e.at));
    serde_json::json!({
        "version": "KI-CR-v1.1.0",
        "jurisdiction": "EU (GDPR); CZ",
        "consentTimestamp": timestamp.map(|t| t.timestamp()),
        "collectionMethod": consent.method.code(),
        "consentReceiptID": receipt_id,
        "publicKey": null,
        "language": consent.language,
        "piiPrincipalId": subject,
        "piiControllers": controllers,
        "policyUrl": consent.notice,
        "services": [{
            "service": purpose.name,
            "purposes": [{
                "purpose": purpose.description.clone(),
                "purposeCategory": [purpose.name],
                "consentType": "EXPLICIT",
                "piiCategory": [purpose.data_categories],
                "primaryPurpose": true,
                "termination": match expires_on {
                    Some(day) => format!("expires on {day}"),
                    None => "until withdrawn".to_string(),
                },
                "thirdPartyDisclosure": !purpose.recipients.trim().is_empty()
                    && !purpose.recipients.trim().eq_ignore_ascii_case("none"),
                "thirdPartyName": purpose.recipients,
            }],
        }],
        "sensitive": false,
        "spiCat": [],
        "events": consent.events().iter().map(|e| serde_json::json!({
            "event": e.kind.code(), "at": e.at.to_rfc3339(), "how": worded(&e.how),
        })).collect::<Vec<_>>(),
        "noticeSha256": consent.notice_sha256,
        "proofSha256": consent.proof_sha256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::purpose::LawfulBasis;
    use crate::domain::testing::{consent_draft, day, newsletter, utc};

    #[test]
    fn a_receipt_carries_the_kantara_fields() {
        let c = consent_draft("12")
            .validate(utc(2026, 1, 10, 9, 0))
            .unwrap();
        let p = newsletter(LawfulBasis::Consent);
        let controller = ControllerProfile {
            name: "Jana Poradkyně".into(),
            email: Some("jana@poradna.cz".into()),
            phone: None,
            address: None,
            ico: None,
            vat_id: None,
            contact_retention: None,
        };
        let r = kantara_receipt(
            "r-1",
            &c,
            &p,
            Some(&controller),
            "eva@firma.cz",
            Some(day(2027, 1, 10)),
            &|how| format!("worded {how}"),
        );
        // Every event's "how" passes through the wording (a stored code becomes words).
        assert_eq!(r["events"][0]["how"], "worded ticked the box");
        for field in [
            "version",
            "jurisdiction",
            "consentTimestamp",
            "collectionMethod",
            "consentReceiptID",
            "language",
            "piiPrincipalId",
            "piiControllers",
            "policyUrl",
            "services",
            "sensitive",
        ] {
            assert!(r.get(field).is_some(), "{field}");
        }
        assert_eq!(r["version"], "KI-CR-v1.1.0");
        assert_eq!(r["consentTimestamp"], utc(2026, 1, 10, 9, 0).timestamp());
        assert_eq!(r["piiControllers"][0]["piiController"], "Jana Poradkyně");
        assert_eq!(r["services"][0]["service"], "Newsletter");
        assert_eq!(r["collectionMethod"], "web_form");
    }
}
