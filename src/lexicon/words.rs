//! Single-word classes: first names, surnames, common words, months, weekdays, name
//! particles, honorifics and suffixes, places. One hash lookup per token, no allocation:
//! the token is ASCII-lower-cased into a stack buffer (non-ASCII bytes are kept as they
//! are on both sides, so "Zoë" finds "zoë").

use crate::hash::FxHashMap;
use std::sync::OnceLock;

use crate::facts::{parse_org_kind, parse_title_kind, OrgKind, RoleKind, TitleKind};
use crate::lexicon::lexed::Key;

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
    /// A role noun before a name ("director", "star"); the role is in [`super::WordInfo::role`].
    pub const ROLE_NOUN: u32 = 1 << 10;
    /// A noun that marks a person without a credit ("CEO", "founder").
    pub const PERSON_NOUN: u32 = 1 << 11;
    /// A speech verb ("said", "told").
    pub const SPEECH: u32 = 1 << 12;
    /// A noun naming a kind of work ("film", "album"); kind in [`super::WordInfo::title`].
    pub const TITLE_NOUN: u32 = 1 << 13;
    /// A verb that gives a credit ("directed", "plays"); the role is in
    /// [`super::WordInfo::role`].
    pub const ROLE_VERB: u32 = 1 << 15;
    /// A word of awards, ceremonies and events ("Awards", "Best", "Oscars").
    pub const AWARD: u32 = 1 << 16;
    /// A word that ends organization names ("Studios", "Records"); kind in
    /// [`super::WordInfo::org`].
    pub const ORG_SUFFIX: u32 = 1 << 14;
    /// An adjective of nationality ("Canadian", "French"): before a given name it is not
    /// part of the name ("Canadian Ana Ruiz").
    pub const NATIONALITY: u32 = 1 << 17;
    /// A lower-case noun of a kind of company ("channel", "label", "studio"): next to a
    /// capitalised name it makes that name an organization; kind in
    /// [`super::WordInfo::org`].
    pub const ORG_NOUN: u32 = 1 << 18;
    /// A word before "director" that makes it a department's lead ("creative director",
    /// "casting director"): a credit of kind other.
    pub const DIRECTOR_DEPT: u32 = 1 << 19;
    /// A word before "director" that makes it a job at a company or festival ("artistic
    /// director", "managing director"): no credit at all.
    pub const DIRECTOR_JOB: u32 = 1 << 20;
    /// A word that starts organization names ("Studio Ghibli", "Groupe Canal+"); kind in
    /// [`super::WordInfo::org`]; matched only capitalised.
    pub const ORG_PREFIX: u32 = 1 << 21;
    /// A noun of a craft before "by" ("music by", "the choreography is by"); the role is in
    /// [`super::WordInfo::role`].
    pub const CREDIT_NOUN: u32 = 1 << 22;
}

/// Everything the table knows about a word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Class flags ([`class`]).
    pub flags: u32,
    /// The role a role noun gives.
    pub role: Option<RoleKind>,
    /// The kind of work a title noun names.
    pub title: Option<TitleKind>,
    /// The kind of organization an org suffix gives.
    pub org: Option<OrgKind>,
}

impl WordInfo {
    /// Whether any of `flags` is set.
    #[inline]
    pub fn is(&self, flags: u32) -> bool {
        self.flags & flags != 0
    }
}

const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const NAME_WORDS: &str = include_str!("../../data/name_words.tsv");
const CUES: &str = include_str!("../../data/cues.tsv");

/// Longest word or phrase looked up (bytes); longer strings have no class. Phrases
/// ("Los Angeles") are looked up whole, with single spaces.
const MAX_WORD: usize = 40;

/// A table from word to class flags.
#[derive(Debug, Default)]
pub struct WordTable {
    /// Words of at most 15 bytes, keyed by their [`Key`]: nearly every token is
    /// looked up, and an inline key needs no pointer to follow and no `memcmp` (the
    /// boxed keys' cache misses were most of the per-token lookups' time, issue 18).
    short: FxHashMap<Key, WordInfo>,
    /// Longer words and phrases, lower-cased.
    long: FxHashMap<Box<[u8]>, WordInfo>,
}

/// `b`'s inline key ([`Key`]), when it has one.
fn short_key(b: &[u8]) -> Option<Key> {
    Some(Key::of_bytes(b)).filter(|k| *k != Key::NONE)
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
            t.add_cues(CUES).expect("data/cues.tsv parses (tested)");
            t
        })
    }

    fn add(&mut self, word: &str, flags: u32) {
        if word.is_empty() || word.len() > MAX_WORD {
            return;
        }
        self.entry(word).flags |= flags;
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        match short_key(word.as_bytes()) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(word.as_bytes().to_ascii_lowercase().into_boxed_slice()).or_default(),
        }
    }

    fn add_cues(&mut self, text: &str) -> Result<(), String> {
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |m: &str| format!("data/cues.tsv:{}: {m}", i + 1);
            let mut cols = line.split('\t');
            let (Some(w), Some(c), Some(v)) = (cols.next(), cols.next(), cols.next()) else {
                return Err(err("expected word<TAB>class<TAB>value"));
            };
            let v = v.trim();
            let info = self.entry(w.trim());
            match c.trim() {
                // Classes that carry a role: one role per word, whatever the class.
                cls @ ("role_noun" | "role_verb" | "credit_noun") => {
                    info.flags |= match cls {
                        "role_noun" => class::ROLE_NOUN,
                        "role_verb" => class::ROLE_VERB,
                        _ => class::CREDIT_NOUN,
                    };
                    let role = parse_role_kind(v).ok_or_else(|| err(&format!("unknown role {v:?}")))?;
                    if info.role.is_some_and(|r| r != role) {
                        return Err(err(&format!("{:?} gives two different roles", w.trim())));
                    }
                    info.role = Some(role);
                }
                "person_noun" => info.flags |= class::PERSON_NOUN,
                "speech" => info.flags |= class::SPEECH,
                "award" => info.flags |= class::AWARD,
                "title_noun" => {
                    info.flags |= class::TITLE_NOUN;
                    if v != "-" {
                        info.title = Some(parse_title_kind(v).ok_or_else(|| err(&format!("unknown title kind {v:?}")))?);
                    }
                }
                "org_noun" => {
                    info.flags |= class::ORG_NOUN;
                    info.org = Some(parse_org_kind(v).ok_or_else(|| err(&format!("unknown org kind {v:?}")))?);
                }
                "director_mod" => match v {
                    "other" => info.flags |= class::DIRECTOR_DEPT,
                    "none" => info.flags |= class::DIRECTOR_JOB,
                    _ => return Err(err(&format!("director_mod takes other or none, not {v:?}"))),
                },
                "org_suffix" | "org_prefix" => {
                    info.flags |= if c.trim() == "org_suffix" { class::ORG_SUFFIX } else { class::ORG_PREFIX };
                    let kind = parse_org_kind(v).ok_or_else(|| err(&format!("unknown org kind {v:?}")))?;
                    if info.org.is_some_and(|k| k != kind) {
                        return Err(err(&format!("{:?} gives two different organization kinds", w.trim())));
                    }
                    info.org = Some(kind);
                }
                other => return Err(err(&format!("unknown class {other:?}"))),
            }
        }
        Ok(())
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
                "nationality" => class::NATIONALITY,
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
        self.info(word).flags
    }

    /// Everything known about `word` (all empty when unknown).
    #[inline]
    pub fn info(&self, word: &str) -> WordInfo {
        let b = word.as_bytes();
        if b.is_empty() || b.len() > MAX_WORD {
            return WordInfo::default();
        }
        if let Some(k) = short_key(b) {
            return self.short.get(&k).copied().unwrap_or_default();
        }
        let mut buf = [0u8; MAX_WORD];
        let key = &mut buf[..b.len()];
        key.copy_from_slice(b);
        key.make_ascii_lowercase();
        self.long.get(&*key).copied().unwrap_or_default()
    }

    /// Everything known about `word` whose [`Key`] is `key` (computed once per token by
    /// the lexicon pass, `crate::lexicon::lexed`): the same as [`info`](Self::info).
    #[inline]
    pub(crate) fn info_keyed(&self, key: Key, word: &str) -> WordInfo {
        if key == Key::NONE {
            return self.info(word);
        }
        self.short.get(&key).copied().unwrap_or_default()
    }

    /// Whether `word` has any of the `flags`.
    #[inline]
    pub fn is(&self, word: &str, flags: u32) -> bool {
        self.flags(word) & flags != 0
    }
}

/// Parses a contract role name.
pub(crate) fn parse_role_kind(s: &str) -> Option<RoleKind> {
    Some(match s {
        "actor" => RoleKind::Actor,
        "director" => RoleKind::Director,
        "writer" => RoleKind::Writer,
        "producer" => RoleKind::Producer,
        "executive_producer" => RoleKind::ExecutiveProducer,
        "creator" => RoleKind::Creator,
        "showrunner" => RoleKind::Showrunner,
        "composer" => RoleKind::Composer,
        "cinematographer" => RoleKind::Cinematographer,
        "editor" => RoleKind::Editor,
        "host" => RoleKind::Host,
        "voice" => RoleKind::Voice,
        "musician" => RoleKind::Musician,
        "other" => RoleKind::Other,
        _ => return None,
    })
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
        let n = t.short.len() + t.long.len();
        assert!(n > 5000, "only {n} words");
        assert_eq!(t.info("Director").role, Some(RoleKind::Director));
        assert_eq!(t.info("album").title, Some(TitleKind::Album));
        assert_eq!(t.info("Records").org, Some(OrgKind::Label));
        assert!(t.info("said").is(class::SPEECH));
    }

    /// Every entry has a letter or digit: punctuation tokens have no word information,
    /// so the lexicon pass (`lexed`) leaves them empty without looking them up.
    #[test]
    fn no_entry_is_punctuation() {
        let t = WordTable::builtin();
        let short = t.short.keys().map(|k| {
            let b = k.0.to_le_bytes();
            b[..usize::from(b[15])].to_vec()
        });
        for w in short.chain(t.long.keys().map(|k| k.to_vec())) {
            let w = String::from_utf8(w).expect("UTF-8");
            assert!(w.chars().any(char::is_alphanumeric), "{w:?}");
        }
    }

    #[test]
    fn name_words_errors_name_the_line() {
        let mut t = WordTable::default();
        assert_eq!(t.add_name_words("de\tparticle\nxx\tbogus\n").unwrap_err(), "data/name_words.tsv:2: unknown class \"bogus\"");
    }
}
