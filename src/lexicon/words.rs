//! Single-word classes: first names, surnames, common words, months, weekdays, name
//! particles, honorifics and suffixes, places. One hash lookup per token, no allocation:
//! the token is ASCII-lower-cased into a stack buffer (non-ASCII bytes are kept as they
//! are on both sides, so "Zoë" finds "zoë").

use std::collections::HashMap;
use std::sync::OnceLock;

/// Bit flags of word classes.
pub mod class {
    /// A given name ("Keanu", "Saoirse").
    pub const FIRST_NAME: u32 = 1;
    /// A surname ("Reeves").
    pub const SURNAME: u32 = 1 << 1;
    /// A common English word ("another", "taking").
    pub const COMMON: u32 = 1 << 2;
    /// A month name ("June").
    pub const MONTH: u32 = 1 << 3;
    /// A month abbreviation ("Sept", "Jun").
    pub const MONTH_ABBR: u32 = 1 << 4;
    /// A day of the week ("Friday").
    pub const WEEKDAY: u32 = 1 << 5;
    /// A name particle ("de", "van", "bin").
    pub const PARTICLE: u32 = 1 << 6;
    /// An honorific ("Mr", "Dr", "Sir").
    pub const HONORIFIC: u32 = 1 << 7;
    /// A name suffix ("Jr", "III").
    pub const SUFFIX: u32 = 1 << 8;
    /// A place ("London", "Toronto").
    pub const PLACE: u32 = 1 << 9;
}

const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const NAME_WORDS: &str = include_str!("../../data/name_words.tsv");

/// Longest word looked up (bytes); longer tokens have no class.
const MAX_WORD: usize = 40;

/// A table from word to class flags.
#[derive(Debug, Default)]
pub struct WordTable {
    map: HashMap<Box<[u8]>, u32>,
}

impl WordTable {
    /// The built-in table, parsed once from the embedded data files.
    pub fn builtin() -> &'static WordTable {
        static TABLE: OnceLock<WordTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut t = WordTable::default();
            t.add_lines(FIRST_NAMES, class::FIRST_NAME);
            t.add_lines(SURNAMES, class::SURNAME);
            t.add_lines(COMMON_WORDS, class::COMMON);
            t.add_lines(PLACES, class::PLACE);
            t.add_name_words(NAME_WORDS).expect("data/name_words.tsv parses (tested)");
            t
        })
    }

    fn add(&mut self, word: &str, flags: u32) {
        if word.is_empty() || word.len() > MAX_WORD || word.contains(' ') {
            return;
        }
        *self.map.entry(word.as_bytes().to_ascii_lowercase().into_boxed_slice()).or_insert(0) |= flags;
    }

    fn add_lines(&mut self, text: &str, flags: u32) {
        for line in text.lines() {
            let w = line.trim();
            if !w.is_empty() && !w.starts_with('#') {
                self.add(w, flags);
            }
        }
    }

    fn add_name_words(&mut self, text: &str) -> Result<(), String> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (w, c) = line.split_once('\t').ok_or_else(|| format!("data/name_words.tsv:{}: expected word<TAB>class", i + 1))?;
            let flag = match c.trim() {
                "month" => class::MONTH,
                "month_abbr" => class::MONTH_ABBR,
                "weekday" => class::WEEKDAY,
                "particle" => class::PARTICLE,
                "honorific" => class::HONORIFIC,
                "suffix" => class::SUFFIX,
                other => return Err(format!("data/name_words.tsv:{}: unknown class {other:?}", i + 1)),
            };
            self.add(w.trim(), flag);
        }
        Ok(())
    }

    /// The class flags of `word` (0 when unknown). Case-insensitive for ASCII letters.
    ///
    /// ```
    /// use newsfacts::lexicon::words::{class, WordTable};
    /// let t = WordTable::builtin();
    /// assert!(t.flags("Keanu") & class::FIRST_NAME != 0);
    /// assert!(t.flags("JUNE") & class::MONTH != 0);
    /// assert_eq!(t.flags("zzqx"), 0);
    /// ```
    #[inline]
    pub fn flags(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > MAX_WORD {
            return 0;
        }
        let mut buf = [0u8; MAX_WORD];
        let key = &mut buf[..b.len()];
        key.copy_from_slice(b);
        key.make_ascii_lowercase();
        self.map.get(&*key).copied().unwrap_or(0)
    }

    /// Whether `word` has any of the `flags`.
    #[inline]
    pub fn is(&self, word: &str, flags: u32) -> bool {
        self.flags(word) & flags != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_and_classifies() {
        let t = WordTable::builtin();
        let cases: &[(&str, u32, bool)] = &[
            ("Mary", class::FIRST_NAME, true),
            ("Keanu", class::FIRST_NAME, true),
            ("Saoirse", class::FIRST_NAME, true),
            ("Zoë", class::FIRST_NAME, true),
            ("Smith", class::SURNAME, true),
            ("another", class::COMMON, true),
            ("The", class::FIRST_NAME, false),
            ("September", class::MONTH, true),
            ("Sept", class::MONTH_ABBR, true),
            ("Friday", class::WEEKDAY, true),
            ("de", class::PARTICLE, true),
            ("Jr", class::SUFFIX, true),
            ("London", class::PLACE, true),
            ("", class::FIRST_NAME, false),
        ];
        for (w, f, want) in cases {
            assert_eq!(t.is(w, *f), *want, "{w:?}");
        }
        assert!(t.map.len() > 5000, "only {} words", t.map.len());
    }

    #[test]
    fn name_words_errors_name_the_line() {
        let mut t = WordTable::default();
        assert_eq!(t.add_name_words("de\tparticle\nxx\tbogus\n").unwrap_err(), "data/name_words.tsv:2: unknown class \"bogus\"");
    }
}
