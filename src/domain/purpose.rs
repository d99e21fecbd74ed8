//! Purposes of processing: the register of processing activities (GDPR Art. 30), each purpose
//! with its lawful basis (Art. 6(1)). Must not import anything outside `domain`.

use super::assessment::{Assessment, AssessmentDraft, LiaState};
use super::audit::FieldValues;
use super::field::Text;
use super::outreach::Audience;
use super::retention::RetentionRule;
use super::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

pub mod fields {
    pub const NAME: &str = "name";
    pub const DESCRIPTION: &str = "description";
    pub const BASIS: &str = "lawful_basis";
    pub const DATA_CATEGORIES: &str = "data_categories";
    pub const SUBJECT_CATEGORIES: &str = "subject_categories";
    pub const RECIPIENTS: &str = "recipients";
    pub const TRANSFERS: &str = "transfers";
    pub const RETENTION: &str = "retention";
    pub const OPT_OUT: &str = "opt_out";
    pub const SECURITY: &str = "security";
    pub const RETIRED: &str = "retired";
    pub const DIRECT_MARKETING: &str = "direct_marketing";
    pub const NOTICE_TITLE: &str = "notice_title";
    pub const NOTICE_URL: &str = "notice_url";
    pub const NOTICE_HASH: &str = "notice_sha256";
    pub const AUDIENCE: &str = "audience";
    pub const AUDIENCE_TAG: &str = "audience_tag";
    pub const AUDIENCE_STAGES: &str = "audience_stages";
    pub const OWN_SIMILAR: &str = "own_similar";
    pub const RETENTION_RULE: &str = "retention_rule";
}

/// The lawful bases of GDPR Art. 6(1)(a)–(f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LawfulBasis {
    #[default]
    Consent,
    Contract,
    LegalObligation,
    VitalInterest,
    PublicTask,
    LegitimateInterest,
}

impl LawfulBasis {
    pub const ALL: [LawfulBasis; 6] = [
        LawfulBasis::Consent,
        LawfulBasis::Contract,
        LawfulBasis::LegalObligation,
        LawfulBasis::VitalInterest,
        LawfulBasis::PublicTask,
        LawfulBasis::LegitimateInterest,
    ];

    /// The stable code (storage, forms, JSON).
    pub fn code(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "consent",
            LawfulBasis::Contract => "contract",
            LawfulBasis::LegalObligation => "legal_obligation",
            LawfulBasis::VitalInterest => "vital_interest",
            LawfulBasis::PublicTask => "public_task",
            LawfulBasis::LegitimateInterest => "legitimate_interest",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }

    /// The article in the English citation, for files: "Art. 6(1)(a)"… (the interface words it
    /// in its language from `point`).
    pub fn article(self) -> &'static str {
        match self {
            LawfulBasis::Consent => "Art. 6(1)(a)",
            LawfulBasis::Contract => "Art. 6(1)(b)",
            LawfulBasis::LegalObligation => "Art. 6(1)(c)",
            LawfulBasis::VitalInterest => "Art. 6(1)(d)",
            LawfulBasis::PublicTask => "Art. 6(1)(e)",
            LawfulBasis::LegitimateInterest => "Art. 6(1)(f)",
        }
    }

    /// The point of Art. 6(1) that is this basis: 'a' to 'f'.
    pub fn point(self) -> char {
        match self {
            LawfulBasis::Consent => 'a',
            LawfulBasis::Contract => 'b',
            LawfulBasis::LegalObligation => 'c',
            LawfulBasis::VitalInterest => 'd',
            LawfulBasis::PublicTask => 'e',
            LawfulBasis::LegitimateInterest => 'f',
        }
    }

    /// Whether an objection (Art. 21) stops processing on this basis: it applies to public task
    /// and legitimate interest; under consent the person withdraws, and we treat an objection
    /// the same way (the cautious reading for direct marketing, Art. 21(2)–(3)).
    pub fn objection_applies(self) -> bool {
        matches!(
            self,
            LawfulBasis::Consent | LawfulBasis::PublicTask | LawfulBasis::LegitimateInterest
        )
    }
}

/// One purpose of processing: an entry of the Art. 30 record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purpose {
    pub name: String,
    pub description: String,
    pub basis: LawfulBasis,
    pub data_categories: String,
    pub subject_categories: String,
    pub recipients: String,
    /// Transfers outside the EU/EEA, if any (empty: none).
    pub transfers: String,
    pub retention: String,
    /// Whether the data subject can opt out.
    pub opt_out: bool,
    /// The security measures, in a sentence.
    pub security: String,
    /// A retired purpose takes no new consents; it stays because records refer to it.
    pub retired: bool,
    /// Direct marketing (Art. 21(2)–(3)): an objection to it is absolute, and puts the
    /// person's addresses on the do-not-contact list.
    #[serde(default)]
    pub direct_marketing: bool,
    /// The privacy notice people are given for this purpose: what a new consent to it takes
    /// unless the user says otherwise.
    #[serde(default, skip_serializing_if = "Notice::is_empty")]
    pub notice: Notice,
    /// Who the purpose is for; absent in purposes stored before audiences existed, which get
    /// their basis's default (`Audience::default_for`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// Marketing of one's own similar products or services (Act 480/2004 §7(3)): what the soft
    /// opt-in allows without consent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_similar: bool,
    /// The retention schedule's rule (Art. 5(1)(e)); `retention` stays its description. Absent
    /// in purposes stored before it existed: not set, which never makes anyone due by itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention_rule: Option<RetentionRule>,
    /// The legitimate-interest assessment, for a purpose on Art. 6(1)(f) (absent: none written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lia: Option<Assessment>,
}

/// A privacy notice (Art. 13/14): its title, where it is published, and the SHA-256 of its
/// text (the text itself stays with the user).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
}

impl Notice {
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.url.is_empty() && self.text_sha256.is_none()
    }

    /// How a consent names it: "Privacy notice v3 (https://…)", or whichever of the two exists.
    pub fn label(&self) -> String {
        match (self.title.as_str(), self.url.as_str()) {
            ("", u) => u.to_string(),
            (t, "") => t.to_string(),
            (t, u) => format!("{t} ({u})"),
        }
    }
}

impl Purpose {
    /// Its audience: the one chosen, or its basis's default.
    pub fn audience(&self) -> Audience {
        self.audience
            .clone()
            .unwrap_or_else(|| Audience::default_for(self.basis))
    }

    /// Where its legitimate-interest assessment stands on `today`; None for another basis.
    pub fn lia_state(&self, today: chrono::NaiveDate) -> Option<LiaState> {
        (self.basis == LawfulBasis::LegitimateInterest)
            .then(|| Assessment::state(self.lia.as_ref(), today))
    }

    pub fn fields(&self) -> FieldValues {
        let mut values = self.art30_fields();
        values.extend(Assessment::fields(self.lia.as_ref()));
        values
    }

    fn art30_fields(&self) -> FieldValues {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_string());
        vec![
            (fields::NAME, text(&self.name)),
            (fields::DESCRIPTION, text(&self.description)),
            (fields::BASIS, Some(self.basis.code().to_string())),
            (fields::DATA_CATEGORIES, text(&self.data_categories)),
            (fields::SUBJECT_CATEGORIES, text(&self.subject_categories)),
            (fields::RECIPIENTS, text(&self.recipients)),
            (fields::TRANSFERS, text(&self.transfers)),
            (fields::RETENTION, text(&self.retention)),
            (fields::OPT_OUT, Some(self.opt_out.to_string())),
            (fields::SECURITY, text(&self.security)),
            (fields::RETIRED, self.retired.then(|| "true".to_string())),
            (
                fields::DIRECT_MARKETING,
                self.direct_marketing.then(|| "true".to_string()),
            ),
            (fields::NOTICE_TITLE, text(&self.notice.title)),
            (fields::NOTICE_URL, text(&self.notice.url)),
            (fields::NOTICE_HASH, self.notice.text_sha256.clone()),
            (fields::AUDIENCE, self.audience.as_ref().map(audience_text)),
            (
                fields::OWN_SIMILAR,
                self.own_similar.then(|| "true".to_string()),
            ),
            (
                fields::RETENTION_RULE,
                self.retention_rule.map(RetentionRule::text),
            ),
        ]
    }
}

/// An audience as the audit log records it: "customers", "tagged: vip", "deal_stages: won".
fn audience_text(a: &Audience) -> String {
    match a {
        Audience::Tagged { tag } => format!("{}: {tag}", a.code()),
        Audience::DealStages { stages } => format!("{}: {}", a.code(), stages.join(", ")),
        _ => a.code().to_string(),
    }
}

/// The purpose form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PurposeDraft {
    pub name: String,
    pub description: String,
    pub basis: String,
    pub data_categories: String,
    pub subject_categories: String,
    pub recipients: String,
    pub transfers: String,
    pub retention: String,
    pub opt_out: bool,
    pub security: String,
    pub retired: bool,
    pub direct_marketing: bool,
    pub notice_title: String,
    pub notice_url: String,
    /// The notice's text as pasted: only its SHA-256 is kept. Empty keeps `notice_sha256`.
    pub notice_text: String,
    /// The SHA-256 kept from before (editing a purpose whose notice text was given earlier).
    pub notice_sha256: Option<String>,
    /// The audience's code (`Audience::code`); blank: the basis's default.
    pub audience: String,
    /// The tag, for the audience "contacts with a tag".
    pub audience_tag: String,
    /// The stages' ids, for the audience "parties to a deal in these stages".
    pub audience_stages: Vec<String>,
    pub own_similar: bool,
    /// The retention rule's months (blank: not set) and what they count from (`After::code`).
    pub retention_months: String,
    pub retention_after: String,
    /// The legitimate-interest assessment (kept only for a purpose on that basis).
    pub lia: AssessmentDraft,
}

const MAX_TEXT: usize = 2_000;

impl PurposeDraft {
    pub fn from_purpose(p: &Purpose) -> Self {
        Self {
            name: p.name.clone(),
            description: p.description.clone(),
            basis: p.basis.code().to_string(),
            data_categories: p.data_categories.clone(),
            subject_categories: p.subject_categories.clone(),
            recipients: p.recipients.clone(),
            transfers: p.transfers.clone(),
            retention: p.retention.clone(),
            opt_out: p.opt_out,
            security: p.security.clone(),
            retired: p.retired,
            direct_marketing: p.direct_marketing,
            notice_title: p.notice.title.clone(),
            notice_url: p.notice.url.clone(),
            notice_text: String::new(),
            notice_sha256: p.notice.text_sha256.clone(),
            audience: p.audience().code().to_string(),
            audience_tag: match p.audience() {
                Audience::Tagged { tag } => tag,
                _ => String::new(),
            },
            audience_stages: match p.audience() {
                Audience::DealStages { stages } => stages,
                _ => Vec::new(),
            },
            own_similar: p.own_similar,
            retention_months: p
                .retention_rule
                .map(|r| r.months.to_string())
                .unwrap_or_default(),
            retention_after: p
                .retention_rule
                .map_or(super::retention::After::LastActivity, |r| r.after)
                .code()
                .to_string(),
            lia: AssessmentDraft::from_assessment(p.lia.as_ref()),
        }
    }

    /// Checks every field; the name, the basis, the data categories and the retention period are
    /// required (an Art. 30 record without them says nothing).
    pub fn validate(&self) -> Result<Purpose, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut required = |field: &'static str, text: &str| {
            Text::required(MAX_TEXT)
                .read(&mut errors, field, text)
                .to_string()
        };
        let name = required(fields::NAME, &self.name);
        let data_categories = required(fields::DATA_CATEGORIES, &self.data_categories);
        let retention = required(fields::RETENTION, &self.retention);
        let basis = LawfulBasis::from_code(&self.basis);
        if basis.is_none() {
            errors.push((fields::BASIS, FieldError::Required));
        }
        let mut optional = |field: &'static str, text: &str| {
            Text::capped(MAX_TEXT)
                .read(&mut errors, field, text)
                .to_string()
        };
        let notice_title = optional(fields::NOTICE_TITLE, &self.notice_title);
        let notice_url = optional(fields::NOTICE_URL, &self.notice_url);
        let purpose = Purpose {
            name,
            description: optional(fields::DESCRIPTION, &self.description),
            basis: basis.unwrap_or_default(),
            data_categories,
            subject_categories: optional(fields::SUBJECT_CATEGORIES, &self.subject_categories),
            recipients: optional(fields::RECIPIENTS, &self.recipients),
            transfers: optional(fields::TRANSFERS, &self.transfers),
            retention,
            opt_out: self.opt_out,
            security: optional(fields::SECURITY, &self.security),
            retired: self.retired,
            direct_marketing: self.direct_marketing,
            notice: Notice::default(),
            audience: self.audience(basis.unwrap_or_default(), &mut errors),
            own_similar: self.own_similar,
            retention_rule: RetentionRule::parse(&self.retention_months, &self.retention_after)
                .unwrap_or_else(|e| {
                    errors.push((fields::RETENTION_RULE, e));
                    None
                }),
            lia: None,
        };
        let mut purpose = purpose;
        let lia = self.lia.validate(&mut errors);
        if purpose.basis == LawfulBasis::LegitimateInterest {
            purpose.lia = lia;
        }
        purpose.notice = self.notice(notice_title, notice_url, &mut errors);
        if errors.is_empty() {
            Ok(purpose)
        } else {
            Err(errors)
        }
    }
}

impl PurposeDraft {
    /// The audience as chosen (blank: the basis's default); a tag or a stage is required when
    /// the audience names one.
    fn audience(&self, basis: LawfulBasis, errors: &mut FieldErrors) -> Option<Audience> {
        Some(match self.audience.as_str() {
            "" => Audience::default_for(basis),
            "everyone" => Audience::Everyone,
            "customers" => Audience::Customers,
            "tagged" => {
                let tag = self.audience_tag.trim();
                if tag.is_empty() {
                    errors.push((fields::AUDIENCE_TAG, FieldError::Required));
                } else if tag.chars().count() > MAX_TEXT {
                    errors.push((fields::AUDIENCE_TAG, FieldError::TooLong(MAX_TEXT)));
                }
                Audience::Tagged {
                    tag: tag.to_string(),
                }
            }
            "deal_stages" => {
                let mut stages: Vec<String> = Vec::new();
                for s in self.audience_stages.iter().filter(|s| !s.is_empty()) {
                    if !stages.contains(s) {
                        stages.push(s.clone());
                    }
                }
                if stages.is_empty() {
                    errors.push((fields::AUDIENCE_STAGES, FieldError::Required));
                }
                Audience::DealStages { stages }
            }
            _ => {
                errors.push((fields::AUDIENCE, FieldError::Required));
                return None;
            }
        })
    }

    /// The notice as typed: its address made a web address, the pasted text's digest (or the
    /// one kept from before, which must be one).
    fn notice(&self, title: String, url: String, errors: &mut FieldErrors) -> Notice {
        let url = if url.is_empty() {
            url
        } else {
            super::organisation::website(&url).unwrap_or_else(|e| {
                errors.push((fields::NOTICE_URL, e));
                url
            })
        };
        let text_sha256 = if self.notice_text.trim().is_empty() {
            self.notice_sha256.clone()
        } else {
            Some(super::consent::sha256_hex(self.notice_text.as_bytes()))
        };
        let is_digest = |h: &String| h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit());
        if text_sha256.as_ref().is_some_and(|h| !is_digest(h)) {
            errors.push((fields::NOTICE_HASH, FieldError::BadDigest));
        }
        Notice {
            title,
            url,
            text_sha256,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn newsletter() -> PurposeDraft {
        PurposeDraft {
            name: "Newsletter".into(),
            description: "A monthly e-mail about tax changes".into(),
            basis: "consent".into(),
            data_categories: "name, e-mail".into(),
            subject_categories: "clients, prospects".into(),
            recipients: "none".into(),
            transfers: String::new(),
            retention: "until consent is withdrawn".into(),
            opt_out: true,
            security: "encrypted in the browser (AES-256-GCM)".into(),
            retired: false,
            direct_marketing: true,
            ..PurposeDraft::default()
        }
    }

    #[test]
    fn a_purpose_needs_name_basis_data_categories_and_retention() {
        let p = newsletter().validate().unwrap();
        assert_eq!(p.basis, LawfulBasis::Consent);
        let empty = PurposeDraft::default().validate().unwrap_err();
        let names: Vec<_> = empty.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            names,
            vec![
                fields::NAME,
                fields::DATA_CATEGORIES,
                fields::RETENTION,
                fields::BASIS
            ]
        );
        let mut bad = newsletter();
        bad.basis = "because".into();
        assert_eq!(
            bad.validate().unwrap_err(),
            vec![(fields::BASIS, FieldError::Required)]
        );
    }

    #[test]
    fn a_purpose_carries_its_notice_and_an_edit_keeps_the_text_s_digest() {
        let mut draft = newsletter();
        draft.notice_title = " Privacy notice v3 ".into();
        draft.notice_url = "firma.cz/gdpr".into();
        draft.notice_text = "We process your e-mail to send the newsletter.".into();
        let p = draft.validate().unwrap();
        assert_eq!(p.notice.title, "Privacy notice v3");
        assert_eq!(p.notice.url, "https://firma.cz/gdpr");
        let digest = super::super::consent::sha256_hex(draft.notice_text.as_bytes());
        assert_eq!(p.notice.text_sha256.as_deref(), Some(digest.as_str()));
        assert_eq!(
            p.notice.label(),
            "Privacy notice v3 (https://firma.cz/gdpr)"
        );
        // Edited without pasting the text again: the digest stays.
        let again = PurposeDraft::from_purpose(&p).validate().unwrap();
        assert_eq!(again, p);
        // A bad address or a digest that is not one is refused, saying which.
        let mut bad = PurposeDraft::from_purpose(&p);
        bad.notice_url = "not a url".into();
        bad.notice_sha256 = Some("zz".into());
        let errors: Vec<_> = bad
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(errors, [fields::NOTICE_URL, fields::NOTICE_HASH]);
        // A purpose without a notice is stored as before.
        let plain = serde_json::to_string(&newsletter().validate().unwrap()).unwrap();
        assert!(!plain.contains("notice"), "{plain}");
    }

    #[test]
    fn a_legitimate_interest_purpose_keeps_its_assessment_and_says_when_it_is_missing() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut draft = newsletter();
        draft.basis = "legitimate_interest".into();
        // Saved without an assessment: allowed, and it says so.
        let bare = draft.validate().unwrap();
        assert_eq!(bare.lia, None);
        assert_eq!(bare.lia_state(today), Some(LiaState::Missing));
        draft.lia = AssessmentDraft {
            interest: "Keeping clients informed".into(),
            necessity: "No less intrusive way".into(),
            balancing: "Clients expect it".into(),
            safeguards: String::new(),
            review_on: "2026-11-30".into(),
        };
        let p = draft.validate().unwrap();
        assert_eq!(
            p.lia_state(today),
            Some(LiaState::ReviewDue(
                chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            ))
        );
        assert_eq!(PurposeDraft::from_purpose(&p).validate().unwrap(), p);
        let names: Vec<_> = p.fields().iter().map(|(f, _)| *f).collect();
        assert!(names.contains(&super::super::assessment::fields::BALANCING));
        // Another basis keeps no assessment, and is never "missing" one.
        draft.basis = "consent".into();
        let consent = draft.validate().unwrap();
        assert_eq!(consent.lia, None);
        assert_eq!(consent.lia_state(today), None);
        // A purpose stored before assessments existed still reads.
        let old = serde_json::to_value(newsletter().validate().unwrap()).unwrap();
        assert!(old.get("lia").is_none());
        let back: Purpose = serde_json::from_value(old).unwrap();
        assert_eq!(back.lia, None);
    }

    #[test]
    fn every_basis_has_a_code_and_an_article() {
        for b in LawfulBasis::ALL {
            assert_eq!(LawfulBasis::from_code(b.code()), Some(b));
            assert!(b.article().starts_with("Art. 6(1)("));
        }
        assert!(LawfulBasis::LegitimateInterest.objection_applies());
        assert!(!LawfulBasis::Contract.objection_applies());
        assert!(!LawfulBasis::LegalObligation.objection_applies());
    }

    #[test]
    fn the_record_lists_every_art_30_field() {
        let p = newsletter().validate().unwrap();
        let names: Vec<_> = p.fields().iter().map(|(f, _)| *f).collect();
        for f in [
            fields::NAME,
            fields::BASIS,
            fields::DATA_CATEGORIES,
            fields::SUBJECT_CATEGORIES,
            fields::RECIPIENTS,
            fields::TRANSFERS,
            fields::RETENTION,
            fields::OPT_OUT,
            fields::SECURITY,
        ] {
            assert!(names.contains(&f), "{f}");
        }
    }
}
