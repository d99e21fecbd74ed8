//! Keyboard patterns: runs of neighbouring keys (`qwerty`, `+ěščř`, `zaq1`, `7896`) on the US
//! QWERTY and Czech QWERTZ keyboards and the numeric keypad.

use super::{placements_log10, Kind, Match};

/// A keyboard: rows of keys (unshifted, shifted), each key `x` quarter-keys from the left edge.
struct Layout {
    rows: &'static [(&'static str, &'static str, i32)],
    /// Keys of neighbouring rows touch when their `x` differ by at most this much.
    reach: i32,
    /// zxcvbn's counts: keys to start from (shifted ones too) and neighbours per key.
    starts: f64,
    neighbours: f64,
}

const QWERTY: Layout = Layout {
    rows: &[
        ("`1234567890-=", "~!@#$%^&*()_+", 0),
        ("qwertyuiop[]\\", "QWERTYUIOP{}|", 6),
        ("asdfghjkl;'", "ASDFGHJKL:\"", 7),
        ("zxcvbnm,./", "ZXCVBNM<>?", 9),
    ],
    reach: 3,
    starts: 94.0,
    neighbours: 4.6,
};

/// The Czech keyboard: letters with diacritics on the top row, digits with Shift.
const QWERTZ_CS: Layout = Layout {
    rows: &[
        (";+ěščřžýáíé=´", "°1234567890%ˇ", 0),
        ("qwertzuiopú)", "QWERTZUIOP/(", 6),
        ("asdfghjklů§¨", "ASDFGHJKL\"!'", 7),
        ("yxcvbnm,.-", "YXCVBNM?:_", 9),
    ],
    reach: 3,
    starts: 94.0,
    neighbours: 4.6,
};

const KEYPAD: Layout = Layout {
    rows: &[("789", "", 0), ("456", "", 0), ("123", "", 0), ("0", "", 0)],
    reach: 4,
    starts: 10.0,
    neighbours: 4.0,
};

const LAYOUTS: [&Layout; 3] = [&QWERTY, &QWERTZ_CS, &KEYPAD];

impl Layout {
    /// Row, position and whether Shift is held, for a character on this keyboard.
    fn key(&self, c: char) -> Option<(i32, i32, bool)> {
        self.rows
            .iter()
            .zip(0..)
            .find_map(|(&(plain, shifted, offset), row)| {
                let at = |keys: &str| keys.chars().position(|k| k == c);
                let (column, shift) = match (at(plain), at(shifted)) {
                    (Some(column), _) => (column, false),
                    (None, Some(column)) => (column, true),
                    (None, None) => return None,
                };
                Some((row, offset + 4 * i32::try_from(column).ok()?, shift))
            })
    }

    /// Whether two keys touch (neighbours in a row, or in neighbouring rows), and in which
    /// direction.
    fn touch(&self, from: char, to: char) -> Option<(i32, i32)> {
        let ((r1, x1, _), (r2, x2, _)) = (self.key(from)?, self.key(to)?);
        let (dy, dx) = (r2 - r1, x2 - x1);
        let touching = match dy {
            0 => dx.abs() == 4,
            -1 | 1 => dx.abs() <= self.reach,
            _ => false,
        };
        touching.then_some((dy, dx.signum()))
    }
}

/// Longest runs of at least three touching keys, on each keyboard.
pub(super) fn runs(chars: &[char], out: &mut Vec<Match>) {
    for layout in LAYOUTS {
        let mut i = 0;
        while i < chars.len() {
            let (mut j, mut turns, mut direction) = (i, 0, None);
            while let Some(d) = chars
                .get(j + 1)
                .and_then(|&next| layout.touch(chars[j], next))
            {
                if direction != Some(d) {
                    turns += 1;
                    direction = Some(d);
                }
                j += 1;
            }
            if j - i >= 2 {
                let run = &chars[i..=j];
                let shifted = run
                    .iter()
                    .filter(|&&c| layout.key(c).is_some_and(|(_, _, s)| s))
                    .count();
                out.push(Match {
                    start: i,
                    end: j + 1,
                    guesses_log10: run_log10(layout, run.len(), turns, shifted),
                    kind: Kind::Keyboard,
                });
            }
            i = j + 1;
        }
    }
}

/// zxcvbn's guesses for a keyboard run: Σ over lengths i and turns j of C(i-1, j-1) × starting
/// keys × neighbours^j, times the ways to place the shifted keys. At most about 10^250 with the
/// examined length, so the sum fits an f64.
fn run_log10(layout: &Layout, len: usize, turns: usize, shifted: usize) -> f64 {
    let mut guesses = 0.0;
    for i in 2..=len {
        let (mut ways, mut paths) = (1.0, layout.starts); // C(i - 1, j - 1), starts × neighbours^j
        for j in 1..=turns.min(i - 1) {
            if j > 1 {
                ways = ways * (i - j + 1) as f64 / (j - 1) as f64;
            }
            paths *= layout.neighbours;
            guesses += ways * paths;
        }
    }
    let shift = match (shifted, len - shifted) {
        (0, _) => 0.0,
        (_, 0) => f64::log10(2.0),
        (s, u) => placements_log10(s, u),
    };
    f64::log10(guesses.max(1.0)) + shift
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_in(text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        runs(&chars, &mut found);
        found.iter().map(|m| (m.start, m.end)).collect()
    }

    #[test]
    fn runs_of_touching_keys_on_each_keyboard() {
        // "qwerty" on QWERTY; on QWERTZ the y is down by the x, so "qwert".
        assert_eq!(runs_in("qwerty"), vec![(0, 6), (0, 5)]);
        assert_eq!(runs_in("xqwertzuiopú"), vec![(1, 6), (7, 11), (1, 12)]);
        assert_eq!(runs_in("+ěščřžý"), vec![(0, 7)], "the Czech top row");
        assert_eq!(
            runs_in("zaq1"),
            vec![(0, 4), (1, 4)],
            "a column (QWERTZ has its z elsewhere)"
        );
        assert_eq!(
            runs_in("7896"),
            vec![(0, 3), (0, 3), (0, 4)],
            "a turn on the keypad"
        );
        assert!(runs_in("correct horse").is_empty());
    }

    #[test]
    fn a_straight_run_is_cheaper_than_a_winding_one() {
        let straight = run_log10(&QWERTY, 8, 1, 0);
        let winding = run_log10(&QWERTY, 8, 4, 0);
        assert!(straight < winding);
        assert!((straight - (7.0 * 94.0 * 4.6f64).log10()).abs() < 1e-9);
        assert!(
            run_log10(&QWERTY, 8, 1, 8) > straight,
            "Shift held costs more"
        );
    }
}
