//! How hard a passphrase is to guess: a small estimate in the manner of Dropbox's zxcvbn. It finds
//! what attackers try first (common passwords, Czech words and names, also capitalised, in
//! leetspeak, without diacritics or reversed; keyboard runs; alphabet and digit runs; repeats;
//! years) and takes the cheapest way to cover the passphrase with them and with
//! characters guessed one by one. Pure code: it must not import anything outside `vault`.

mod dictionary;
mod keyboard;
mod patterns;

use std::ops::Range;
use zeroize::Zeroizing;

/// Only this many characters are examined; the rest of a longer passphrase is not counted, which
/// can only make the estimate lower (and keeps the work bounded, whatever is pasted).
pub const MAX_EXAMINED_CHARS: usize = 256;

/// Fewer guesses than 10^8 is weak, and refused: zxcvbn's floor for "safely unguessable", which
/// Argon2id with Folio's parameters makes days of work for one attacker's graphics card.
const WEAK_BELOW: f64 = 8.0;
const FAIR_BELOW: f64 = 10.0;
const STRONG_BELOW: f64 = 14.0;

/// How strong a passphrase is, as the meter shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Fair,
    Strong,
    VeryStrong,
}

/// What makes a passphrase guessable: the pattern that covers most of its cheapest reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Common passwords, words, names or years.
    Common,
    /// The same characters, words or keyboard shape again.
    Repeat,
    /// Alphabet or digit runs, keyboard rows.
    Sequence,
}

/// How many guesses a passphrase takes, and why no more.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// log10 of the number of guesses.
    pub guesses_log10: f64,
    /// The pattern behind the estimate; `None` when it is all characters guessed one by one.
    pub pattern: Option<Pattern>,
}

impl Estimate {
    pub fn strength(&self) -> Strength {
        match self.guesses_log10 {
            g if g < WEAK_BELOW => Strength::Weak,
            g if g < FAIR_BELOW => Strength::Fair,
            g if g < STRONG_BELOW => Strength::Strong,
            _ => Strength::VeryStrong,
        }
    }
}

/// Estimates how many guesses `passphrase` takes.
pub fn estimate(passphrase: &str) -> Estimate {
    let text = Text::new(passphrase);
    let n = text.chars.len();
    if n == 0 {
        return Estimate {
            guesses_log10: 0.0,
            pattern: None,
        };
    }
    let mut found = Vec::new();
    dictionary::find(&text, &mut found);
    keyboard::runs(&text.chars, &mut found);
    patterns::sequences(&text.chars, &mut found);
    patterns::years(&text.chars, &mut found);
    // A part shorter than the whole is never cheaper than 50 guesses (zxcvbn's floor).
    let floor = 50f64.log10();
    let at_least_floor = |m: &mut Match| {
        if m.end - m.start < n {
            m.guesses_log10 = m.guesses_log10.max(floor);
        }
    };
    found.iter_mut().for_each(at_least_floor);
    let separator = separator_of(&text.chars);
    let mut repeats = Vec::new();
    patterns::repeats(
        n,
        |k, unit| text.plain.get(k) == k.checked_sub(unit).and_then(|i| text.plain.get(i)),
        |from, to, unit| {
            // Characters from..to equal those one unit before: the repeat starts a unit earlier.
            let start = from - unit;
            let count = (to - start) / unit;
            if count >= 2 {
                // The guesses for the unit, times the number of times it is typed.
                let (base, _) = cheapest(&text, &found, start..start + unit, separator);
                let mut m = Match {
                    start,
                    end: start + unit * count,
                    guesses_log10: base + (count as f64).log10(),
                    kind: Kind::Repeat,
                };
                at_least_floor(&mut m);
                repeats.push(m);
            }
        },
    );
    found.extend(repeats);
    let (mut guesses_log10, path) = cheapest(&text, &found, 0..n, separator);
    if separator.is_some() {
        guesses_log10 += (SEPARATORS.chars().count() as f64).log10();
    }
    Estimate {
        guesses_log10,
        pattern: main_pattern(&path),
    }
}

/// The passphrase as typed, and as compared with the word lists (lower case, no diacritics).
/// Both are wiped from memory when dropped.
struct Text {
    chars: Zeroizing<Vec<char>>,
    plain: Zeroizing<Vec<char>>,
}

impl Text {
    fn new(passphrase: &str) -> Self {
        let chars: Vec<char> = passphrase.chars().take(MAX_EXAMINED_CHARS).collect();
        let plain = chars.iter().map(|&c| plain_letter(c)).collect();
        Self {
            chars: Zeroizing::new(chars),
            plain: Zeroizing::new(plain),
        }
    }
}

/// A character in lower case without its diacritic (one character for one, so positions agree).
fn plain_letter(c: char) -> char {
    const MARKED: &str = "áàâäãåąčćçďéěèêëęíìîïľĺłňńñóòôöõøřŕšśťúůùûüýÿžźż";
    const PLAIN: &str = "aaaaaaacccdeeeeeeiiiilllnnnoooooorrsstuuuuuyyzzz";
    let mut lower = c.to_lowercase();
    let c = match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    };
    MARKED
        .chars()
        .position(|m| m == c)
        .and_then(|i| PLAIN.chars().nth(i))
        .unwrap_or(c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Year,
    Keyboard,
    Sequence,
    Repeat,
}

/// A part of the passphrase an attacker reaches in 10^`guesses_log10` guesses.
#[derive(Debug, Clone, Copy)]
struct Match {
    start: usize,
    end: usize,
    guesses_log10: f64,
    kind: Kind,
}

/// Characters people put between words. The most used one in a passphrase costs nothing between
/// two other characters; choosing it costs one guess among these.
const SEPARATORS: &str = " -_.,;:/|\\+";

fn separator_of(chars: &[char]) -> Option<char> {
    SEPARATORS
        .chars()
        .map(|s| (chars.iter().filter(|&&c| c == s).count(), s))
        .filter(|&(count, _)| count > 0)
        .max_by_key(|&(count, _)| count)
        .map(|(_, s)| s)
}

/// log10 of the guesses for one character guessed on its own: the size of its class.
fn brute_force_log10(c: char) -> f64 {
    let class: f64 = if c.is_ascii_alphabetic() {
        26.0
    } else if c.is_ascii_digit() {
        10.0
    } else if c.is_ascii() {
        33.0
    } else if c.is_alphabetic() {
        40.0
    } else {
        100.0
    };
    class.log10()
}

/// The most parts a reading counts (for the l! of their order); more are counted as this many,
/// which can only make the estimate lower.
const MAX_PARTS: usize = 32;

/// The cheapest reading of `range`: zxcvbn's minimum over sequences of parts of l! × Π guesses,
/// where a part is a match or a run of characters guessed one by one. Returns log10 of the
/// guesses, and the matches of that reading.
fn cheapest(
    text: &Text,
    matches: &[Match],
    range: Range<usize>,
    separator: Option<char>,
) -> (f64, Vec<Match>) {
    let len = range.len();
    // best[(k * (MAX_PARTS + 1) + parts) * 2 + brute]: after k characters, with `parts` parts,
    // the last one a brute-force run (1) or not (0).
    let index = |k: usize, parts: usize, brute: usize| (k * (MAX_PARTS + 1) + parts) * 2 + brute;
    let states = (len + 1) * (MAX_PARTS + 1) * 2;
    let mut best = vec![f64::INFINITY; states];
    let mut came_from: Vec<Option<(usize, Option<usize>)>> = vec![None; states];
    best[index(0, 0, 0)] = 0.0;
    let mut starting: Vec<Vec<usize>> = vec![Vec::new(); len];
    for (i, m) in matches.iter().enumerate() {
        if m.start >= range.start && m.end <= range.end && m.end > m.start {
            starting[m.start - range.start].push(i);
        }
    }
    for (k, starting_here) in starting.iter().enumerate() {
        let at = range.start + k;
        let c = text.chars[at];
        let free_separator =
            Some(c) == separator && k > 0 && !SEPARATORS.contains(text.chars[at - 1]);
        for parts in 0..=MAX_PARTS {
            for brute in 0..2 {
                let here = index(k, parts, brute);
                let value = best[here];
                if !value.is_finite() {
                    continue;
                }
                let mut relax = |to: usize, cost: f64, via: Option<usize>| {
                    if value + cost < best[to] {
                        best[to] = value + cost;
                        came_from[to] = Some((here, via));
                    }
                };
                let more = (parts + 1).min(MAX_PARTS);
                let guessed = if brute == 1 { parts } else { more };
                relax(index(k + 1, guessed, 1), brute_force_log10(c), None);
                if free_separator {
                    relax(index(k + 1, parts, 0), 0.0, None);
                }
                for &i in starting_here {
                    let m = &matches[i];
                    relax(
                        index(m.end - range.start, more, 0),
                        m.guesses_log10,
                        Some(i),
                    );
                }
            }
        }
    }
    let mut total = f64::INFINITY;
    let mut end = None;
    let mut order_log10 = 0.0;
    for parts in 1..=MAX_PARTS {
        order_log10 += (parts as f64).log10();
        for brute in 0..2 {
            let at = index(len, parts, brute);
            if best[at] + order_log10 < total {
                total = best[at] + order_log10;
                end = Some(at);
            }
        }
    }
    let mut path = Vec::new();
    while let Some((from, via)) = end.and_then(|at| came_from[at]) {
        path.extend(via.map(|i| matches[i]));
        end = Some(from);
    }
    (if total.is_finite() { total } else { 0.0 }, path)
}

/// What a reading shows the user to change: a listed word if there is one (the first thing to
/// replace), otherwise the pattern covering most characters.
fn main_pattern(path: &[Match]) -> Option<Pattern> {
    if path.iter().any(|m| m.kind == Kind::Word) {
        return Some(Pattern::Common);
    }
    let mut covered = [
        (Pattern::Common, 0),
        (Pattern::Repeat, 0),
        (Pattern::Sequence, 0),
    ];
    for m in path {
        let slot = match m.kind {
            Kind::Word | Kind::Year => 0,
            Kind::Repeat => 1,
            Kind::Keyboard | Kind::Sequence => 2,
        };
        covered[slot].1 += m.end - m.start;
    }
    covered
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(p, _)| *p)
}

/// log10 of Σ_{i=1..=min(a, b)} C(a + b, i): the ways to place `a` characters of one kind among
/// `b` of another (zxcvbn's count of capitalisations and of shifted keys). At most 2^256 with the
/// examined length, so the sum fits an f64.
fn placements_log10(a: usize, b: usize) -> f64 {
    let (n, mut ways, mut sum) = (a + b, 1.0, 0.0);
    for i in 1..=a.min(b) {
        ways = ways * (n + 1 - i) as f64 / i as f64;
        sum += ways;
    }
    f64::log10(sum.max(1.0))
}

#[cfg(test)]
mod tests;
