//! Plural forms (CLDR rules) for whole numbers: English one/other; Czech one/few/other
//! (1 kontakt, 2–4 kontakty, 0 and 5+ kontaktů).

use super::Lang;

/// Picks the form for `n`: `forms` = (one, few, other). English ignores `few`.
pub fn choose<'a>(lang: Lang, n: u64, one: &'a str, few: &'a str, other: &'a str) -> &'a str {
    match lang {
        Lang::En => {
            if n == 1 {
                one
            } else {
                other
            }
        }
        Lang::Cs => match n {
            1 => one,
            2..=4 => few,
            _ => other,
        },
    }
}

/// "3 kontakty", "1 event": the number and its form.
pub fn count(lang: Lang, n: u64, one: &str, few: &str, other: &str) -> String {
    format!("{n} {}", choose(lang, n, one, few, other))
}

/// A noun's forms after a number: English one/other, Czech one/few/other (the list of record
/// kinds names each kind with one).
pub use crate::app::service::kinds::Noun;

/// A noun with its number: "3 consents" / "3 souhlasy".
pub trait Counted {
    fn count(&self, lang: Lang, n: u64) -> String;
}

impl Counted for Noun {
    fn count(&self, lang: Lang, n: u64) -> String {
        match lang {
            Lang::En => count(lang, n, self.en[0], "", self.en[1]),
            Lang::Cs => count(lang, n, self.cs[0], self.cs[1], self.cs[2]),
        }
    }
}

pub const CONTACTS: Noun = Noun {
    en: ["contact", "contacts"],
    cs: ["kontakt", "kontakty", "kontaktů"],
};
pub const DEALS: Noun = Noun {
    en: ["deal", "deals"],
    cs: ["obchod", "obchody", "obchodů"],
};
pub const CONSENTS: Noun = Noun {
    en: ["consent", "consents"],
    cs: ["souhlas", "souhlasy", "souhlasů"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn czech_has_three_forms() {
        let k = |n| count(Lang::Cs, n, "kontakt", "kontakty", "kontaktů");
        assert_eq!(k(0), "0 kontaktů");
        assert_eq!(k(1), "1 kontakt");
        assert_eq!(k(2), "2 kontakty");
        assert_eq!(k(4), "4 kontakty");
        assert_eq!(k(5), "5 kontaktů");
        assert_eq!(k(11), "11 kontaktů");
        assert_eq!(k(22), "22 kontaktů");
    }

    #[test]
    fn nouns_take_the_form_of_their_number() {
        assert_eq!(CONSENTS.count(Lang::Cs, 3), "3 souhlasy");
        assert_eq!(CONSENTS.count(Lang::Cs, 5), "5 souhlasů");
        assert_eq!(CONSENTS.count(Lang::En, 1), "1 consent");
        assert_eq!(CONSENTS.count(Lang::En, 0), "0 consents");
        assert_eq!(DEALS.count(Lang::Cs, 2), "2 obchody");
        assert_eq!(CONTACTS.count(Lang::Cs, 1), "1 kontakt");
    }

    #[test]
    fn english_has_two() {
        let e = |n| count(Lang::En, n, "event", "-", "events");
        assert_eq!(e(0), "0 events");
        assert_eq!(e(1), "1 event");
        assert_eq!(e(2), "2 events");
    }
}
