//! Search matching: folding text so that case and diacritics do not matter ("dvorak" finds
//! "Dvořák", "zdenka" finds "Zdeňka"), and phone numbers match whatever their spacing.
//! Must not import anything outside `domain`.

/// Lower case with diacritics removed (Czech, Slovak, German, French, Polish and other Latin letters).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        for lower in c.to_lowercase() {
            match lower {
                'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' | 'ă' => out.push('a'),
                'æ' => out.push_str("ae"),
                'č' | 'ç' | 'ć' => out.push('c'),
                'ď' | 'đ' => out.push('d'),
                'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' => out.push('e'),
                'í' | 'ì' | 'î' | 'ï' => out.push('i'),
                'ľ' | 'ĺ' | 'ł' => out.push('l'),
                'ň' | 'ñ' | 'ń' => out.push('n'),
                'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' => out.push('o'),
                'œ' => out.push_str("oe"),
                'ř' | 'ŕ' => out.push('r'),
                'š' | 'ś' | 'ş' | 'ș' => out.push('s'),
                'ß' => out.push_str("ss"),
                'ť' | 'ţ' | 'ț' => out.push('t'),
                'ú' | 'ù' | 'û' | 'ü' | 'ů' | 'ű' => out.push('u'),
                'ý' | 'ÿ' => out.push('y'),
                'ž' | 'ź' | 'ż' => out.push('z'),
                other => out.push(other),
            }
        }
    }
    out
}

/// Only the digits of a text (for phone numbers: "+420 601-234 567" → "420601234567").
pub fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// What one record can be found by: its folded texts, and the digits of its phone numbers
/// (so "601 234 567" and "601-234-567" find "+420 601 234 567").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Haystack {
    text: String,
    /// Which bytes and byte pairs occur in the text: a query needing one the text lacks is
    /// refused without scanning, which is most records from the first keystrokes on.
    sketch: Sketch,
}

impl Haystack {
    /// Builds the haystack from the record's searchable texts and its phone numbers.
    pub fn new<'a>(
        texts: impl IntoIterator<Item = &'a str>,
        phones: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        // Parts are kept apart by a separator, so a match never spans two fields.
        let mut text = String::new();
        for t in texts {
            text.push_str(&fold(t));
            text.push('\u{1f}');
        }
        for p in phones {
            text.push_str(&digits(p));
            text.push('\u{1f}');
        }
        let sketch = Sketch::of(text.as_bytes());
        Self { text, sketch }
    }

    /// Whether every word of the query is found (a phone-like query as one run of digits).
    pub fn matches(&self, query: &Query) -> bool {
        if !self.sketch.covers(&query.sketch) {
            return false;
        }
        let text = self.text.as_bytes();
        query
            .terms
            .iter()
            .all(|term| contains(text, term.as_bytes()))
            && contains(text, query.phone_digits.as_bytes())
    }
}

/// Which bytes and which pairs of adjacent bytes occur in a text, as bits: one per letter and
/// digit (folded text is lower case) and a shared one for each group of other bytes, and a
/// 512-bit Bloom filter of the pairs. A text can contain a needle only if its sketch covers the
/// needle's; a text that does not cover it is refused without a scan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Sketch {
    bytes: u64,
    pairs: [u64; 8],
}

impl Sketch {
    fn of(text: &[u8]) -> Self {
        let mut sketch = Self::default();
        sketch.add(text);
        sketch
    }

    fn add(&mut self, text: &[u8]) {
        for &b in text {
            let bit = match b {
                b'a'..=b'z' => b - b'a',
                b'0'..=b'9' => 26 + (b - b'0'),
                other => 36 + other % 28,
            };
            self.bytes |= 1 << bit;
        }
        for pair in text.windows(2) {
            // A multiplicative hash of the two bytes, to 9 bits.
            let bit =
                (u32::from(pair[0]) << 8 | u32::from(pair[1])).wrapping_mul(0x9E37_79B1) >> 23;
            self.pairs[(bit / 64) as usize] |= 1 << (bit % 64);
        }
    }

    /// Whether every bit of `needle` is set here.
    fn covers(&self, needle: &Self) -> bool {
        self.bytes & needle.bytes == needle.bytes
            && self
                .pairs
                .iter()
                .zip(&needle.pairs)
                .all(|(have, need)| have & need == *need)
    }
}

/// Whether `needle` occurs in `text`. A plain scan: for the short needles of typed queries and
/// the short texts of one record it beats `str::contains`, whose setup costs more than the
/// search (UTF-8 lets a byte match stand for a character match).
fn contains(text: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    text.iter()
        .enumerate()
        .any(|(at, &b)| b == first && text.get(at + 1..at + 1 + rest.len()) == Some(rest))
}

/// A typed search, folded once per keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
    /// A query that looks like a phone number ("601 234 567") is matched as one run of digits.
    phone_digits: String,
    /// Every byte and byte pair the query needs (see [`Sketch`]).
    sketch: Sketch,
}

impl Query {
    pub fn new(typed: &str) -> Self {
        let folded = fold(typed.trim());
        let looks_like_phone = folded.chars().filter(char::is_ascii_digit).count() >= 3
            && folded
                .chars()
                .all(|c| c.is_ascii_digit() || " +-./()".contains(c));
        if looks_like_phone {
            let phone_digits = digits(&folded);
            return Self {
                terms: vec![],
                sketch: Sketch::of(phone_digits.as_bytes()),
                phone_digits,
            };
        }
        let terms: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        let mut sketch = Sketch::default();
        for t in &terms {
            sketch.add(t.as_bytes());
        }
        Self {
            sketch,
            terms,
            phone_digits: String::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.phone_digits.is_empty()
    }

    /// Whether one text alone answers the whole query (every word, or the phone digits).
    pub fn all_in(&self, text: &str) -> bool {
        if self.is_empty() {
            return true;
        }
        if !self.phone_digits.is_empty() {
            return contains(digits(text).as_bytes(), self.phone_digits.as_bytes());
        }
        let folded = fold(text);
        self.terms
            .iter()
            .all(|t| contains(folded.as_bytes(), t.as_bytes()))
    }

    /// Whether one text answers some part of the query that `besides` does not (a word the
    /// other text lacks, or the phone digits).
    pub fn some_in_besides(&self, text: &str, besides: &str) -> bool {
        if !self.phone_digits.is_empty() {
            return contains(digits(text).as_bytes(), self.phone_digits.as_bytes());
        }
        let (folded, other) = (fold(text), fold(besides));
        self.terms.iter().any(|t| {
            contains(folded.as_bytes(), t.as_bytes()) && !contains(other.as_bytes(), t.as_bytes())
        })
    }
}

/// How several chosen tags combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TagMode {
    /// Every chosen tag must be present.
    #[default]
    All,
    /// At least one chosen tag must be present.
    Any,
}

/// A filter by tags; matching ignores case and diacritics. No chosen tag lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagFilter {
    pub tags: Vec<String>,
    pub mode: TagMode,
}

impl TagFilter {
    pub fn matches(&self, record_tags: &[String]) -> bool {
        if self.tags.is_empty() {
            return true;
        }
        let have: Vec<String> = record_tags.iter().map(|t| fold(t.trim())).collect();
        let mut wanted = self.tags.iter().map(|t| fold(t.trim()));
        match self.mode {
            TagMode::All => wanted.all(|t| have.contains(&t)),
            TagMode::Any => wanted.any(|t| have.contains(&t)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_plain_scan_finds_what_str_contains_finds() {
        let texts = ["", "a", "dvořák\u{1f}praha", "abcabd", "ňň", "420601234567"];
        let needles = [
            "", "a", "abd", "ř", "praha", "ha\u{1f}", "ňňň", "601", "7", "x",
        ];
        for t in texts {
            for n in needles {
                assert_eq!(
                    super::contains(t.as_bytes(), n.as_bytes()),
                    t.contains(n),
                    "{t:?} / {n:?}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn the_sketch_never_refuses_a_text_that_matches() {
        // Every substring of these texts (whole words and across a separator) must still match;
        // the sketch may only refuse texts that lack one of the query's bytes or byte pairs.
        let texts = [
            "dvořáková\u{1f}zdenka@firma.cz\u{1f}420601234567",
            "ňůž ß œ\u{1f}a-b_c/d",
            "",
        ];
        for t in texts {
            let h = Haystack::new([t], std::iter::empty::<&str>());
            let folded = h.text.clone();
            for start in 0..folded.len() {
                for end in start + 1..=folded.len() {
                    let Some(part) = folded.get(start..end) else {
                        continue;
                    };
                    if part.contains(char::is_whitespace) || part.contains('\u{1f}') {
                        continue;
                    }
                    assert!(h.matches(&Query::new(part)), "{t:?} / {part:?}");
                }
            }
        }
        let h = Haystack::new(["Dvořák"], std::iter::empty::<&str>());
        assert!(h.sketch.covers(&Query::new("dv").sketch));
        assert!(h.sketch.covers(&Query::new("rak dvo").sketch));
        assert!(
            !h.sketch.covers(&Query::new("dx").sketch),
            "x is not in the text"
        );
        assert!(
            !h.sketch.covers(&Query::new("vd").sketch),
            "the pair vd is not in it"
        );
        assert!(!h.matches(&Query::new("vd")));
    }

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Dvořák"), "dvorak");
        assert_eq!(fold("Zdeňka Šťastná"), "zdenka stastna");
        assert_eq!(
            fold("ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY"),
            "zlutoucky kun upel dabelske ody"
        );
        // Slovak
        assert_eq!(fold("Ľubomír Ďurčo, Ŕ, ô, ä"), "lubomir durco, r, o, a");
        // German
        assert_eq!(fold("Jürgen Müßig, Öl, Äpfel"), "jurgen mussig, ol, apfel");
        // French
        assert_eq!(
            fold("François Œuvre, Hélène, Noël, Ça"),
            "francois oeuvre, helene, noel, ca"
        );
    }

    fn contact(texts: &[&str], phones: &[&str]) -> Haystack {
        Haystack::new(texts.iter().copied(), phones.iter().copied())
    }

    #[test]
    fn search_ignores_case_diacritics_and_word_order() {
        let h = contact(
            &["Zdeňka", "Dvořáková", "zdenka@firma.cz", "Firma s.r.o."],
            &[],
        );
        for q in [
            "dvorak",
            "ZDENKA",
            "zdeňka dvořák",
            "dvorakova zdenka",
            "firma.cz",
            "s.r.o",
        ] {
            assert!(h.matches(&Query::new(q)), "{q}");
        }
        assert!(!h.matches(&Query::new("novak")));
        assert!(
            !h.matches(&Query::new("zdenka novak")),
            "every word must match"
        );
        assert!(
            h.matches(&Query::new("   ")),
            "an empty query matches everything"
        );
    }

    #[test]
    fn phone_numbers_match_whatever_the_spacing() {
        let h = contact(&["Jana"], &["+420 601 234 567"]);
        for q in [
            "601234567",
            "601 234 567",
            "601-234-567",
            "+420601234567",
            "234 56",
        ] {
            assert!(h.matches(&Query::new(q)), "{q}");
        }
        assert!(!h.matches(&Query::new("602 234 567")));
    }

    #[test]
    fn tag_filter_all_and_any() {
        let tags = vec!["Klient".to_string(), "Praha".to_string()];
        let all = |t: &[&str]| TagFilter {
            tags: t.iter().map(|s| s.to_string()).collect(),
            mode: TagMode::All,
        };
        let any = |t: &[&str]| TagFilter {
            tags: t.iter().map(|s| s.to_string()).collect(),
            mode: TagMode::Any,
        };
        assert!(all(&[]).matches(&tags));
        assert!(all(&["klient", "praha"]).matches(&tags));
        assert!(!all(&["klient", "brno"]).matches(&tags));
        assert!(any(&["klient", "brno"]).matches(&tags));
        assert!(!any(&["brno", "ostrava"]).matches(&tags));
        assert!(any(&["PRAHA"]).matches(&tags), "case-insensitive");
        assert!(all(&["prahá"]).matches(&tags), "diacritics-insensitive");
        assert!(!all(&["klient"]).matches(&[]));
    }
}
