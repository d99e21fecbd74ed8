//! E-mail addresses: validation of what a user types, and a comparable form for finding duplicates.
//! Must not import anything outside `domain`.

use std::fmt;

/// Why a typed e-mail address was refused. Each variant is specific enough to show next to the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("enter an e-mail address")]
    Empty,
    #[error("an e-mail address cannot contain spaces")]
    ContainsSpace,
    #[error("an e-mail address needs an @ between the name and the domain")]
    MissingAt,
    #[error("an e-mail address has only one @")]
    SeveralAt,
    #[error("the part before the @ is missing")]
    EmptyLocalPart,
    #[error("the part before the @ is longer than 64 characters")]
    LocalPartTooLong,
    #[error("the part before the @ cannot start or end with a dot, or have two dots in a row")]
    BadDots,
    #[error("the part before the @ contains a character that e-mail does not allow: {0}")]
    BadLocalCharacter(char),
    #[error("the domain after the @ is missing")]
    EmptyDomain,
    #[error("the domain needs a dot, as in example.cz")]
    DomainWithoutDot,
    #[error("the domain contains an empty part or a part that starts or ends with a hyphen")]
    BadDomainLabel,
    #[error("the domain contains a character that domains do not allow: {0}")]
    BadDomainCharacter(char),
    #[error("the domain ending must be letters, as in .cz or .com")]
    BadTopLevelDomain,
    #[error("an e-mail address is at most 254 characters long")]
    TooLong,
}

/// A syntactically valid e-mail address, as typed (trimmed), with its comparable form.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email {
    typed: String,
}

impl Email {
    /// Validates an address. Internationalised addresses (RFC 6531: "jiří@příklad.cz") are accepted;
    /// quoted local parts and IP-literal domains are refused, since no client of a CRM needs them.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let typed = input.trim();
        if typed.is_empty() {
            return Err(EmailError::Empty);
        }
        if typed.chars().any(char::is_whitespace) {
            return Err(EmailError::ContainsSpace);
        }
        if typed.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = match typed.split_once('@') {
            None => return Err(EmailError::MissingAt),
            Some((_, rest)) if rest.contains('@') => return Err(EmailError::SeveralAt),
            Some(parts) => parts,
        };
        check_local(local)?;
        check_domain(domain)?;
        Ok(Self {
            typed: typed.to_string(),
        })
    }

    /// The address as the user typed it (without surrounding spaces).
    pub fn as_str(&self) -> &str {
        &self.typed
    }

    /// The form used to compare two addresses: letter case folded everywhere.
    /// (Case in the local part is significant by the RFC, but no real mailbox provider treats it so,
    /// and a CRM must see "Jana@Firma.cz" and "jana@firma.cz" as the same person.)
    pub fn comparable(&self) -> String {
        self.typed.to_lowercase()
    }
}

fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if local.chars().count() > 64 {
        return Err(EmailError::LocalPartTooLong);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::BadDots);
    }
    const SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";
    let allowed =
        |c: char| c.is_alphanumeric() || SPECIALS.contains(c) || (!c.is_ascii() && !c.is_control());
    match local.chars().find(|c| !allowed(*c)) {
        Some(c) => Err(EmailError::BadLocalCharacter(c)),
        None => Ok(()),
    }
}

fn check_domain(domain: &str) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    if let Some(c) = domain
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '.'))
    {
        return Err(EmailError::BadDomainCharacter(c));
    }
    if !domain.contains('.') {
        return Err(EmailError::DomainWithoutDot);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels
        .iter()
        .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-') || l.chars().count() > 63)
    {
        return Err(EmailError::BadDomainLabel);
    }
    let tld = labels.last().copied().unwrap_or_default();
    // A top-level domain is letters (possibly non-ASCII) or an A-label ("xn--...").
    let is_a_label = tld.len() > 4 && tld.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"));
    if !(is_a_label || (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))) {
        return Err(EmailError::BadTopLevelDomain);
    }
    Ok(())
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.typed)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Email({:?})", self.typed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_trims() {
        for ok in [
            "jana.novakova@firma.cz",
            "  petr+crm@example.com ",
            "o'brien@example.ie",
            "x@sub.domain.co.uk",
            "a_b-c@xn--bcher-kva.example",
            "info@xn--prklad-zbb.cz",
        ] {
            let e = Email::parse(ok).unwrap_or_else(|err| panic!("{ok:?}: {err}"));
            assert_eq!(e.as_str(), ok.trim());
        }
    }

    #[test]
    fn accepts_unicode_addresses() {
        let e = Email::parse("jiří.dvořák@příklad.cz").unwrap();
        assert_eq!(e.as_str(), "jiří.dvořák@příklad.cz");
        assert!(Email::parse("用户@例子.广告").is_ok());
    }

    #[test]
    fn comparable_form_folds_case() {
        let a = Email::parse("Jana.Novakova@Firma.CZ").unwrap();
        let b = Email::parse("jana.novakova@firma.cz").unwrap();
        assert_eq!(a.comparable(), b.comparable());
        assert_eq!(
            Email::parse("ŽOFIE@Příklad.cz").unwrap().comparable(),
            "žofie@příklad.cz"
        );
    }

    #[test]
    fn each_mistake_has_its_own_error() {
        let cases = [
            ("", EmailError::Empty),
            ("   ", EmailError::Empty),
            ("jana novakova@firma.cz", EmailError::ContainsSpace),
            ("jana.firma.cz", EmailError::MissingAt),
            ("a@b@firma.cz", EmailError::SeveralAt),
            ("@firma.cz", EmailError::EmptyLocalPart),
            (".jana@firma.cz", EmailError::BadDots),
            ("jana.@firma.cz", EmailError::BadDots),
            ("ja..na@firma.cz", EmailError::BadDots),
            ("ja(na)@firma.cz", EmailError::BadLocalCharacter('(')),
            ("jana@", EmailError::EmptyDomain),
            ("jana@localhost", EmailError::DomainWithoutDot),
            ("jana@firma..cz", EmailError::BadDomainLabel),
            ("jana@-firma.cz", EmailError::BadDomainLabel),
            ("jana@firma.cz.", EmailError::BadDomainLabel),
            ("jana@fir_ma.cz", EmailError::BadDomainCharacter('_')),
            ("jana@firma.c", EmailError::BadTopLevelDomain),
            ("jana@firma.123", EmailError::BadTopLevelDomain),
            ("jana@[127.0.0.1]", EmailError::BadDomainCharacter('[')),
        ];
        for (input, expected) in cases {
            assert_eq!(Email::parse(input), Err(expected), "{input:?}");
        }
    }

    #[test]
    fn length_limits() {
        let local = "a".repeat(65);
        assert_eq!(
            Email::parse(&format!("{local}@firma.cz")),
            Err(EmailError::LocalPartTooLong)
        );
        let long_domain = format!("{}.cz", ["abcdefghij"; 25].join("."));
        assert_eq!(
            Email::parse(&format!("jana@{long_domain}")),
            Err(EmailError::TooLong)
        );
        assert!(Email::parse(&format!("{}@firma.cz", "a".repeat(64))).is_ok());
    }

    #[test]
    fn error_messages_are_sentences_a_form_can_show() {
        assert_eq!(
            EmailError::MissingAt.to_string(),
            "an e-mail address needs an @ between the name and the domain"
        );
        assert!(EmailError::BadLocalCharacter('(')
            .to_string()
            .ends_with(": ("));
    }

    proptest::proptest! {
        #![proptest_config(crate::domain::proptest_config())]

        #[test]
        fn any_text_is_an_address_or_an_error(text in "\\PC{0,80}") {
            let _ = Email::parse(&text);
        }

        #[test]
        fn an_address_reads_back_as_itself(text in "[a-zA-Z0-9._%+ěščřžý-]{1,20}@[a-z0-9-]{1,12}(\\.[a-z]{2,6}){1,2}") {
            if let Ok(e) = Email::parse(&text) {
                let again = Email::parse(e.as_str()).unwrap();
                proptest::prop_assert_eq!(again.comparable(), e.comparable());
            }
        }
    }
}
