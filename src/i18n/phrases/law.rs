//! Citations of the GDPR in each language's own form ("Art. 6(1)(a)" / "čl. 6 odst. 1 písm. a)").
//! Must not import anything outside `domain` and `i18n`.

use super::super::{Lang, Text};
use super::basis;
use crate::domain::purpose::LawfulBasis;
use crate::domain::request::RequestKind;

/// "Art. 6(1)(a)" / "čl. 6 odst. 1 písm. a)".
pub fn basis_article(lang: Lang, b: LawfulBasis) -> String {
    match lang {
        Lang::En => format!("Art. 6(1)({})", b.point()),
        Lang::Cs => format!("čl. 6 odst. 1 písm. {})", b.point()),
    }
}

/// "Consent (Art. 6(1)(a))" / "Souhlas (čl. 6 odst. 1 písm. a) GDPR)".
pub fn basis_with_article(lang: Lang, b: LawfulBasis) -> String {
    let name = basis(b).get(lang);
    match lang {
        Lang::En => format!("{name} ({})", basis_article(lang, b)),
        // Czech closes the point's letter with its own parenthesis: the law's name keeps the
        // two apart.
        Lang::Cs => format!("{name} ({} GDPR)", basis_article(lang, b)),
    }
}

/// "Art. 15" / "čl. 15".
pub fn request_article(lang: Lang, kind: RequestKind) -> String {
    match lang {
        Lang::En => format!("Art. {}", kind.article()),
        Lang::Cs => format!("čl. {}", kind.article()),
    }
}

/// A right's name with its article: "Access (Art. 15)" / "Přístup (čl. 15)".
pub fn request_with_article(lang: Lang, name: Text, kind: RequestKind) -> String {
    format!("{} ({})", name.get(lang), request_article(lang, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_cites_in_its_own_form() {
        let b = LawfulBasis::LegitimateInterest;
        assert_eq!(basis_article(Lang::En, b), "Art. 6(1)(f)");
        assert_eq!(basis_article(Lang::En, b), b.article());
        assert_eq!(basis_article(Lang::Cs, b), "čl. 6 odst. 1 písm. f)");
        assert!(basis_with_article(Lang::Cs, LawfulBasis::Consent)
            .ends_with("(čl. 6 odst. 1 písm. a) GDPR)"));
        assert_eq!(request_article(Lang::Cs, RequestKind::Erasure), "čl. 17");
        assert_eq!(request_article(Lang::En, RequestKind::Objection), "Art. 21");
        for b in LawfulBasis::ALL {
            assert!(!basis_with_article(Lang::Cs, b).contains("Art."));
            assert_eq!(basis_article(Lang::En, b), b.article());
        }
    }
}
