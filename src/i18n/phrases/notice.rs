//! The privacy notice Folio writes for the user (GDPR Art. 13 and 14), in Czech and English,
//! from the controller's details and the record of processing (Art. 30): who the controller is,
//! each active purpose with its basis, data, recipients, transfers and retention, where data not
//! obtained from the person comes from, and the person's rights. Plain text, so that its SHA-256
//! names the version exactly. Must not import `ui`.

use super::law::basis_with_article;
use crate::domain::notice::NoticeVersion;
use crate::domain::profile::ControllerProfile;
use crate::domain::purpose::{LawfulBasis, Purpose};
use crate::domain::source::{short_version, Source, SourceKind};
use crate::i18n::plural::Counted;
use crate::i18n::{Lang, Text};

/// A source's name.
pub fn source_kind(kind: SourceKind) -> Text {
    match kind {
        SourceKind::Form => Text::SourceForm,
        SourceKind::Meeting => Text::SourceMeeting,
        SourceKind::Referral => Text::SourceReferral,
        SourceKind::PublicRegister => Text::SourcePublicRegister,
        SourceKind::LinkedIn => Text::SourceLinkedIn,
        SourceKind::Import => Text::SourceImport,
        SourceKind::Other => Text::SourceOther,
    }
}

/// "A referral: Petr Novák".
pub fn source_text(lang: Lang, source: &Source) -> String {
    source.text(source_kind(source.kind).get(lang))
}

/// When a contact was given the notice and which version: "1 Dec 2026 (version 3f2a9c1b04de)";
/// "Not yet informed" when their data came from someone else and they were not; else empty.
pub fn informed(lang: Lang, c: &crate::domain::contact::Contact) -> String {
    match &c.informed {
        Some(i) => {
            let day = super::day(lang, i.on);
            match &i.notice_sha256 {
                Some(hash) => format!(
                    "{day} ({} {})",
                    Text::NoticeVersionHeading.get(lang).to_lowercase(),
                    short_version(hash)
                ),
                None => day,
            }
        }
        None if crate::domain::source::needs_notice(c.source.as_ref(), None) => {
            Text::NotInformed.get(lang).to_string()
        }
        None => String::new(),
    }
}

/// "Give the privacy notice to the 23 people imported from google.csv (Art. 14)".
pub fn inform_imported(lang: Lang, people: usize, file: &str) -> String {
    let n = people as u64;
    match lang {
        Lang::En => format!(
            "Give the privacy notice to the {} imported from {file} (Art. 14): their data did not come from them",
            crate::i18n::plural::CONTACTS.count(lang, n)
        ),
        Lang::Cs => format!(
            "Předat informace o zpracování ({}) importovaným ze souboru {file} (čl. 14): údaje nepocházejí přímo od nich",
            crate::i18n::plural::CONTACTS.count(lang, n)
        ),
    }
}

/// How a published version is named in a list: "1 Dec 2026 · Czech · 3f2a9c1b04de".
pub fn notice_version(lang: Lang, v: &NoticeVersion) -> String {
    let language = match (lang, v.language.as_str()) {
        (Lang::En, "cs") => "Czech",
        (Lang::En, _) => "English",
        (Lang::Cs, "cs") => "čeština",
        (Lang::Cs, _) => "angličtina",
    };
    format!(
        "{} · {language} · {}",
        super::day(lang, v.published_on),
        short_version(&v.sha256)
    )
}

/// A purpose as the notice states it: the purpose and the processors of the register that
/// receive data for it (name, service, transfer outside the EU with its safeguard).
pub struct NoticePurpose<'a> {
    pub purpose: &'a Purpose,
    pub processors: Vec<&'a crate::domain::processor::Processor>,
}

/// The notice's text for the controller `profile` (None: not filled in yet) and the purposes
/// it lists (the caller passes the active ones, in the order to show).
pub fn privacy_notice(
    lang: Lang,
    profile: Option<&ControllerProfile>,
    purposes: &[NoticePurpose],
) -> String {
    let en = lang == Lang::En;
    let mut out = String::new();
    let mut line = |s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    line(if en {
        "Privacy notice: how we process your personal data"
    } else {
        "Informace o zpracování osobních údajů"
    });
    line("");
    line(if en {
        "1. The controller"
    } else {
        "1. Správce"
    });
    line(&controller(lang, profile));
    line("");
    line(if en {
        "2. Why we process your data, on what legal basis, and for how long"
    } else {
        "2. Proč vaše údaje zpracováváme, na jakém právním základě a jak dlouho"
    });
    if purposes.is_empty() {
        line(if en {
            "No purpose of processing is recorded yet."
        } else {
            "Zatím není zaznamenán žádný účel zpracování."
        });
    }
    for p in purposes {
        line(&purpose(lang, p));
    }
    line("");
    line(if en {
        "3. Where your data comes from"
    } else {
        "3. Odkud vaše údaje máme"
    });
    line(if en {
        "Mostly from you. Where we did not obtain them from you (Art. 14 GDPR), they come from a recommendation by someone who knows you, a public register (such as the business or trade register), your public professional profile (such as LinkedIn), or an address book imported from another program; we tell you which within one month."
    } else {
        "Většinou přímo od vás. Pokud jsme je nezískali od vás (čl. 14 GDPR), pocházejí z doporučení od někoho, kdo vás zná, z veřejného rejstříku (například obchodního nebo živnostenského), z vašeho veřejného profesního profilu (například LinkedIn) nebo z adresáře převzatého z jiného programu; který zdroj to byl, vám sdělíme do jednoho měsíce."
    });
    line("");
    line(if en {
        "4. Your rights"
    } else {
        "4. Vaše práva"
    });
    line(if en {
        "You have the right to access your data (Art. 15), to have it rectified (Art. 16) or erased (Art. 17), to restrict its processing (Art. 18), to data portability (Art. 20), and to object at any time to processing based on legitimate interest and to direct marketing (Art. 21). Where we process data on your consent, you may withdraw it at any time; this does not affect the lawfulness of processing before the withdrawal (Art. 7(3)). You may lodge a complaint with the supervisory authority: Úřad pro ochranu osobních údajů, Pplk. Sochora 27, 170 00 Praha 7, www.uoou.cz."
    } else {
        "Máte právo na přístup ke svým údajům (čl. 15), na jejich opravu (čl. 16) nebo výmaz (čl. 17), na omezení zpracování (čl. 18), na přenositelnost údajů (čl. 20) a právo kdykoli vznést námitku proti zpracování na základě oprávněného zájmu a proti přímému marketingu (čl. 21). Souhlas se zpracováním můžete kdykoli odvolat; odvolání se nedotkne zákonnosti zpracování před ním (čl. 7 odst. 3). Můžete podat stížnost u dozorového úřadu: Úřad pro ochranu osobních údajů, Pplk. Sochora 27, 170 00 Praha 7, www.uoou.cz."
    });
    line("");
    line(if en {
        "5. Other information"
    } else {
        "5. Další informace"
    });
    line(if en {
        "We make no decisions about you by automated means alone, including profiling (Art. 22). Providing your data is not required by law; where it is needed for a contract, without it we cannot conclude or perform the contract."
    } else {
        "Nerozhodujeme o vás výhradně automatizovaně, ani profilováním (čl. 22). Poskytnutí údajů není zákonným požadavkem; pokud je potřeba k uzavření smlouvy, bez nich ji nemůžeme uzavřít ani plnit."
    });
    out
}

fn controller(lang: Lang, profile: Option<&ControllerProfile>) -> String {
    let Some(p) = profile else {
        return match lang {
            Lang::En => "(Fill in the controller's details in Settings.)".into(),
            Lang::Cs => "(Vyplňte údaje správce v Nastavení.)".into(),
        };
    };
    let mut parts = vec![p.name.clone()];
    parts.extend(p.address.clone());
    if let Some(ico) = &p.ico {
        parts.push(format!("IČO {ico}"));
    }
    if let Some(email) = &p.email {
        parts.push(format!("e-mail {email}"));
    }
    if let Some(phone) = &p.phone {
        parts.push(match lang {
            Lang::En => format!("phone {phone}"),
            Lang::Cs => format!("telefon {phone}"),
        });
    }
    parts.join(", ")
}

fn purpose(lang: Lang, np: &NoticePurpose) -> String {
    let p = np.purpose;
    let en = lang == Lang::En;
    let or = |text: &str, otherwise: &str| {
        let t = text.trim();
        if t.is_empty() {
            otherwise.to_string()
        } else {
            t.to_string()
        }
    };
    let mut s = format!("- {}", p.name.trim());
    if !p.description.trim().is_empty() {
        s.push_str(&format!(": {}", p.description.trim()));
    }
    s.push_str(&match lang {
        Lang::En => format!(". Legal basis: {}.", basis_with_article(lang, p.basis)),
        Lang::Cs => format!(". Právní základ: {}.", basis_with_article(lang, p.basis)),
    });
    if p.basis == LawfulBasis::Consent {
        s.push_str(if en {
            " You may withdraw your consent at any time."
        } else {
            " Souhlas můžete kdykoli odvolat."
        });
    }
    if p.basis == LawfulBasis::LegitimateInterest {
        // Art. 13(1)(d): the legitimate interest pursued, as its assessment states it.
        let interest = p.lia.as_ref().map(|a| a.interest.trim().to_string());
        if let Some(interest) = interest.filter(|i| !i.is_empty()) {
            s.push_str(&match lang {
                Lang::En => format!(" Our legitimate interest: {interest}."),
                Lang::Cs => format!(" Náš oprávněný zájem: {interest}."),
            });
        }
        s.push_str(if en {
            " You may object to it at any time."
        } else {
            " Můžete proti němu kdykoli vznést námitku."
        });
    }
    let (data, recipients, transfers, kept) = if en {
        ("Data", "Recipients", "Transfers outside the EU", "Kept")
    } else {
        ("Údaje", "Příjemci", "Předání mimo EU", "Doba uložení")
    };
    let (none, unstated) = if en {
        ("none", "as long as the purpose requires")
    } else {
        ("žádní", "po dobu nezbytnou pro účel")
    };
    if !p.data_categories.trim().is_empty() {
        s.push_str(&format!(" {data}: {}.", p.data_categories.trim()));
    }
    // Art. 13(1)(e)–(f): the recipients, the processors of the register among them, and every
    // transfer outside the EU with its safeguard.
    let mut who: Vec<String> = Vec::new();
    if !p.recipients.trim().is_empty() {
        who.push(p.recipients.trim().to_string());
    }
    who.extend(
        np.processors
            .iter()
            .map(|x| format!("{} ({})", x.name, x.service)),
    );
    let who = if who.is_empty() {
        none.to_string()
    } else {
        who.join("; ")
    };
    s.push_str(&format!(" {recipients}: {who}."));
    let mut abroad: Vec<String> = Vec::new();
    if !p.transfers.trim().is_empty() {
        abroad.push(p.transfers.trim().to_string());
    }
    abroad.extend(
        np.processors
            .iter()
            .filter(|x| x.transfers_outside_eu)
            .map(|x| format!("{} ({}, {})", x.name, x.location, x.safeguard)),
    );
    let no_transfer = if en { "none" } else { "žádné" };
    let abroad = if abroad.is_empty() {
        no_transfer.to_string()
    } else {
        abroad.join("; ")
    };
    s.push_str(&format!(" {transfers}: {abroad}."));
    // Art. 13(2)(a): how long, as the retention schedule's rule says, with its description.
    let rule = p
        .retention_rule
        .map(|r| super::retention::rule_text(lang, r));
    let kept_for = match (rule, p.retention.trim()) {
        (Some(rule), "") => rule,
        (Some(rule), text) => format!("{rule} ({text})"),
        (None, text) => or(text, unstated),
    };
    s.push_str(&format!(" {kept}: {kept_for}."));
    s.replace("..", ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purpose(name: &str, basis: LawfulBasis) -> Purpose {
        Purpose {
            name: name.into(),
            description: "Zasílání novinek".into(),
            basis,
            data_categories: "jméno, e-mail".into(),
            subject_categories: String::new(),
            recipients: String::new(),
            transfers: String::new(),
            retention: "3 roky".into(),
            opt_out: true,
            security: String::new(),
            retired: false,
            direct_marketing: false,
            notice: Default::default(),
            audience: None,
            own_similar: false,
            retention_rule: None,
            lia: None,
        }
    }

    #[test]
    fn the_notice_names_the_controller_each_purpose_its_basis_and_the_rights_in_both_languages() {
        let profile = ControllerProfile {
            name: "Jana Nováková".into(),
            email: Some("jana@example.cz".into()),
            phone: None,
            address: Some("Dlouhá 1, Praha".into()),
            ico: Some("12345678".into()),
            vat_id: None,
            contact_retention: None,
        };
        let news = purpose("Newsletter", LawfulBasis::Consent);
        let clients = purpose("Klienti", LawfulBasis::Contract);
        let np = |p| NoticePurpose {
            purpose: p,
            processors: Vec::new(),
        };
        let cs = privacy_notice(Lang::Cs, Some(&profile), &[np(&news), np(&clients)]);
        assert!(cs.contains("Jana Nováková, Dlouhá 1, Praha, IČO 12345678, e-mail jana@example.cz"));
        assert!(
            cs.contains("- Newsletter: Zasílání novinek. Právní základ: "),
            "{cs}"
        );
        assert!(cs.contains("Souhlas můžete kdykoli odvolat."));
        assert!(cs.contains("Doba uložení: 3 roky."));
        assert!(cs.contains("Příjemci: žádní."));
        assert!(cs.contains("čl. 14 GDPR"));
        assert!(cs.contains("www.uoou.cz"));
        let en = privacy_notice(Lang::En, None, &[]);
        assert!(en.contains("Fill in the controller's details"));
        assert!(en.contains("No purpose of processing is recorded yet."));
        assert!(en.contains("Art. 21"));
        // The same facts give the same text, so the same version.
        assert_eq!(
            cs,
            privacy_notice(Lang::Cs, Some(&profile), &[np(&news), np(&clients)])
        );
        assert_ne!(cs, privacy_notice(Lang::Cs, Some(&profile), &[np(&news)]));
    }

    #[test]
    fn the_notice_states_the_legitimate_interest_the_processors_their_transfers_and_the_rule() {
        let mut events = purpose("Akce", LawfulBasis::LegitimateInterest);
        events.retention_rule = Some(crate::domain::retention::RetentionRule {
            months: 24,
            after: crate::domain::retention::After::LastActivity,
        });
        events.lia = Some(crate::domain::assessment::Assessment {
            interest: "pozvat klienty na akce".into(),
            ..Default::default()
        });
        let mailer = crate::domain::processor::Processor {
            name: "Mailchimp".into(),
            service: "rozesílání e-mailů".into(),
            dpa_signed_on: None,
            location: "USA".into(),
            transfers_outside_eu: true,
            safeguard: "SCC".into(),
            purpose_ids: Vec::new(),
        };
        let text = privacy_notice(
            Lang::Cs,
            None,
            &[NoticePurpose {
                purpose: &events,
                processors: vec![&mailer],
            }],
        );
        assert!(
            text.contains("Náš oprávněný zájem: pozvat klienty na akce."),
            "{text}"
        );
        assert!(
            text.contains("Příjemci: Mailchimp (rozesílání e-mailů)."),
            "{text}"
        );
        assert!(
            text.contains("Předání mimo EU: Mailchimp (USA, SCC)."),
            "{text}"
        );
        assert!(text.contains("Doba uložení: 24 "), "{text}");
        assert!(text.contains("(3 roky)."), "{text}");
    }
}
