//! Small formatting helpers for what the UI shows (sizes). Pure functions, tested natively.

/// A byte count for people: "0 B", "512 B", "1.5 kB", "23.4 MB", "1.2 GB" (decimal units, as browsers report).
pub fn bytes(n: f64) -> String {
    const UNITS: [&str; 5] = ["B", "kB", "MB", "GB", "TB"];
    if !n.is_finite() || n < 0.0 {
        return "unknown".to_string();
    }
    let mut value = n;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Share of `part` in `whole` as a percentage with one decimal, "0.0 %" when `whole` is zero.
pub fn percent(part: f64, whole: f64) -> String {
    if whole <= 0.0 {
        return "0.0 %".to_string();
    }
    format!("{:.1} %", part / whole * 100.0)
}

/// "1 event", "2 events" (English; the translation layer will bring Czech plural forms).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(bytes(0.0), "0 B");
        assert_eq!(bytes(512.0), "512 B");
        assert_eq!(bytes(1500.0), "1.5 kB");
        assert_eq!(bytes(23_400_000.0), "23.4 MB");
        assert_eq!(bytes(1_200_000_000.0), "1.2 GB");
        assert_eq!(bytes(5.0e15), "5000.0 TB");
        assert_eq!(bytes(f64::NAN), "unknown");
        assert_eq!(bytes(-1.0), "unknown");
    }

    #[test]
    fn counts() {
        assert_eq!(count(1, "event", "events"), "1 event");
        assert_eq!(count(0, "event", "events"), "0 events");
        assert_eq!(count(2, "event", "events"), "2 events");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(1.0, 4.0), "25.0 %");
        assert_eq!(percent(1.0, 0.0), "0.0 %");
    }
}
