//! Sentences about security keys with values in them (#24): a key's remove button, when it was
//! added, and which factors open the vault (the About page). Dates arrive formatted. Must not
//! import `ui`.

use super::super::plural::count;
use super::super::Lang;

/// The accessible name of a key's remove button: "Remove YubiKey".
pub fn remove_key(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Remove {name}"),
        Lang::Cs => format!("Odebrat {name}"),
    }
}

/// "added 2 Dec 2026"
pub fn added_on(lang: Lang, date: &str) -> String {
    match lang {
        Lang::En => format!("added {date}"),
        Lang::Cs => format!("přidán {date}"),
    }
}

/// Which factors open the vault, as the About page says it.
pub fn factors(lang: Lang, keys: &[String], recovery_code: bool) -> String {
    if keys.is_empty() {
        return match lang {
            Lang::En => {
                "The passphrase alone opens this vault (no security key is registered).".into()
            }
            Lang::Cs => {
                "Tento trezor otevře samotné heslo (není zaregistrovaný žádný bezpečnostní klíč)."
                    .into()
            }
        };
    }
    let n = keys.len() as u64;
    let names = keys.join(", ");
    let code = match (lang, recovery_code) {
        (Lang::En, true) => ", or the passphrase and the recovery code",
        (Lang::Cs, true) => ", nebo heslo se záchranným kódem",
        (_, false) => "",
    };
    match lang {
        Lang::En => format!(
            "Two factors protect this vault: it opens with the passphrase and {} ({names}){code}. The passphrase alone opens nothing.",
            if n == 1 { "its security key".to_string() } else { format!("one of {}", count(lang, n, "", "", "security keys")) }
        ),
        Lang::Cs => format!(
            "Trezor chrání dva faktory: otevře ho heslo s jedním z klíčů ({names}; celkem {}){code}. Samotné heslo neotevře nic.",
            count(lang, n, "klíč", "klíče", "klíčů")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_factors_are_named() {
        let one = factors(Lang::En, &["YubiKey".into()], true);
        assert!(one.contains("its security key (YubiKey)"), "{one}");
        assert!(one.contains("recovery code"));
        assert!(factors(Lang::Cs, &[], false).contains("samotné heslo"));
        let two = factors(Lang::Cs, &["A".into(), "B".into()], true);
        assert!(
            two.contains("2 klíče") && two.contains("záchranným kódem"),
            "{two}"
        );
    }
}
