//! The date stage's vocabulary (`data/date_words.tsv`), parsed once into a table keyed by the
//! lower-case word, with a cheap prefilter so that most words of an article never reach
//! the table.

use crate::hash::FxHashMap as HashMap;

use crate::error::Error;

/// The embedded vocabulary.
pub(crate) const WORDS_TSV: &str = include_str!("../../data/date_words.tsv");
const SOURCE: &str = "data/date_words.tsv";

/// Longest word the table can hold (bytes); longer words are never looked up.
pub(crate) const MAX_WORD: usize = 16;

/// A season code of the ISO-like output (`2025-SU`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// Position in the season year that starts in March: spring 0 … winter 3.
    pub(crate) fn index(self) -> i64 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }

    /// The two-letter code.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// "this" / "last" / "next", or none (the tense of the sentence decides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    Tense,
    This,
    Last,
    Next,
}

/// Calendar units that "this/last/next" and a number ("three weeks ago") can count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// A civil holiday: a fixed day ("Halloween", Oct 31) or the n-th weekday of a month
/// ("Thanksgiving", the fourth Thursday of November; n = -1 for the last).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Holiday {
    pub rule: HolidayRule,
    /// Whether the name is a date only with "Day" after it ("Memorial Day", "Labor Day").
    pub needs_day: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    Fixed { month: u8, day: u8 },
    Nth { n: i8, wd: u8, month: u8 },
}

impl Holiday {
    /// The holiday's day in `year`.
    pub fn on(self, year: i32) -> Option<crate::date::Date> {
        match self.rule {
            HolidayRule::Fixed { month, day } => crate::date::Date::new(year, month, day),
            HolidayRule::Nth { n, wd, month } => nth_weekday(year, month, n, wd),
        }
    }

    /// Parses `MM-DD` or `nth:N:WD:MM`, with `:day` at the end when "Day" must follow.
    fn parse(arg: &str) -> Option<Holiday> {
        let (rule, needs_day) = match arg.strip_suffix(":day") {
            Some(r) => (r, true),
            None => (arg, false),
        };
        let rule = if let Some(nth) = rule.strip_prefix("nth:") {
            let parts: Vec<i32> = nth.split(':').map(|x| x.parse().ok()).collect::<Option<_>>()?;
            let [n, wd, month] = parts[..] else { return None };
            ((n == -1 || (1..=4).contains(&n)) && (0..=6).contains(&wd) && (1..=12).contains(&month)).then_some(HolidayRule::Nth {
                n: n as i8,
                wd: wd as u8,
                month: month as u8,
            })?
        } else {
            let (m, d) = rule.split_once('-')?;
            let (month, day) = (m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
            crate::date::Date::new(2024, month, day)?;
            HolidayRule::Fixed { month, day }
        };
        Some(Holiday { rule, needs_day })
    }
}

/// The `n`-th weekday `wd` (Monday = 0) of a month, `n` 1..=5 or -1 for the last: the
/// fourth Thursday of November, the last Friday of October. `None` when the month has no
/// such day (a fifth Monday).
pub(crate) fn nth_weekday(year: i32, month: u8, n: i8, wd: u8) -> Option<crate::date::Date> {
    use crate::date::{days_in_month, Date};
    if n > 0 {
        let first = Date::new(year, month, 1)?;
        let to_wd = i64::from((wd + 7 - first.weekday()) % 7);
        first.add_days(to_wd + 7 * i64::from(n - 1)).filter(|d| d.month() == month)
    } else {
        let last = Date::new(year, month, days_in_month(year, month))?;
        last.add_days(-i64::from((last.weekday() + 7 - wd) % 7))
    }
}

/// The calendar meaning of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cal {
    /// A month name; `abbr` for "Jan", "Sept".
    Month {
        month: u8,
        abbr: bool,
    },
    /// A day of the week, Monday = 0; `abbr` for "Fri".
    Weekday {
        wd: u8,
        abbr: bool,
    },
    Season(Season),
    /// "today" 0, "tomorrow" 1, "yesterday" -1.
    DayOffset(i8),
    Unit(Unit),
    /// A plural unit, read only after a number: "days", "weeks".
    Units(Unit),
    /// A number word: "a" 1, "three" 3 (of "three weeks ago").
    Number(u8),
    /// "Q3".
    Q(u8),
    /// "third" (of a quarter, of March, Tuesday of October), "twenty" of "twenty-first" 20
    /// is a `Number`.
    Ordinal(u8),
    Shift(Shift),
    /// "early", "late", "mid", "earlier", "later".
    Edge,
    /// "Halloween", "Thanksgiving", "Christmas".
    Holiday(Holiday),
}

impl Cal {
    /// Whether the scanner starts a match at this word.
    fn is_trigger(self) -> bool {
        matches!(
            self,
            Cal::Month { .. }
                | Cal::Weekday { .. }
                | Cal::Season(_)
                | Cal::DayOffset(_)
                | Cal::Unit(_)
                | Cal::Units(_)
                | Cal::Q(_)
                | Cal::Ordinal(_)
                | Cal::Holiday(_)
        )
    }
}

/// Flag bits of [`Info::flags`]; each is a class of `data/date_words.tsv`.
pub(crate) mod flag {
    pub const DATE_CTX: u32 = 1 << 0;
    pub const MM_CTX: u32 = 1 << 1;
    pub const TYPO_CTX: u32 = 1 << 2;
    pub const TYPO_AFTER: u32 = 1 << 3;
    pub const FUNCTION: u32 = 1 << 4;
    pub const PAST: u32 = 1 << 5;
    pub const FUTURE: u32 = 1 << 6;
    pub const BASE: u32 = 1 << 7;
    pub const MODAL: u32 = 1 << 8;
    pub const AUX_PAST: u32 = 1 << 9;
    pub const COPULA: u32 = 1 << 10;
    pub const NOT_VERB: u32 = 1 << 11;
    pub const COUNT: u32 = 1 << 12;
    pub const QUANTITY: u32 = 1 << 13;
    pub const LABEL: u32 = 1 << 14;
    pub const PLAN: u32 = 1 << 15;
    pub const CLAUSE: u32 = 1 << 16;
    pub const PERFECT: u32 = 1 << 17;
    pub const MOVE: u32 = 1 << 18;
    pub const SEASON_CTX: u32 = 1 << 19;
    /// A release noun after a bare month makes it a date ("Sets June Return", "a May
    /// premiere").
    pub const MONTH_AFTER: u32 = 1 << 20;
    /// Any tense class: a capitalised verb ("Opens Friday") does not start a title.
    pub const VERB: u32 = PAST | FUTURE | BASE | PLAN;
}

/// What the vocabulary knows about one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub flags: u32,
    pub cal: Option<Cal>,
}

impl Info {
    pub(crate) fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
}

/// The parsed vocabulary.
#[derive(Debug)]
pub(crate) struct Words {
    map: HashMap<&'static str, Info>,
    /// `trigger[0][first][last]` and `trigger[1][second][last]` (letters, or digits in
    /// the low columns) have bit `len` set when some trigger word has that shape: two
    /// table loads reject "the", "studio", "said" without hashing.
    trigger: Box<[[[u32; 26]; 26]; 2]>,
}

impl Words {
    /// Parses `data/date_words.tsv`.
    pub(crate) fn parse(text: &'static str) -> Result<Words, Error> {
        let mut map: HashMap<&'static str, Info> = HashMap::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let row = raw.trim_end_matches('\r');
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            let (word, class) = row.split_once('\t').ok_or_else(|| Error::gazetteer(SOURCE, line, "expected word<TAB>class"))?;
            if word.is_empty() || word.len() > MAX_WORD || !word.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()) {
                return Err(Error::gazetteer(SOURCE, line, format!("bad word {word:?} (lower-case ASCII, at most {MAX_WORD} bytes)")));
            }
            let (name, arg) = match class.split_once(':') {
                Some((n, a)) => (n, Some(a)),
                None => (class, None),
            };
            let entry = map.entry(word).or_default();
            let bad_arg = || Error::gazetteer(SOURCE, line, format!("bad argument {arg:?} for class {name:?}"));
            let num = |lo: i32, hi: i32| -> Result<i32, Error> {
                arg.and_then(|a| a.parse::<i32>().ok()).filter(|n| (lo..=hi).contains(n)).ok_or_else(bad_arg)
            };
            let cal = match name {
                "month" => Some(Cal::Month { month: num(1, 12)? as u8, abbr: false }),
                "month_abbr" => Some(Cal::Month { month: num(1, 12)? as u8, abbr: true }),
                "weekday" => Some(Cal::Weekday { wd: num(0, 6)? as u8, abbr: false }),
                "weekday_abbr" => Some(Cal::Weekday { wd: num(0, 6)? as u8, abbr: true }),
                "season" => Some(Cal::Season(match arg {
                    Some("SP") => Season::Spring,
                    Some("SU") => Season::Summer,
                    Some("FA") => Season::Fall,
                    Some("WI") => Season::Winter,
                    _ => return Err(bad_arg()),
                })),
                "day_offset" => Some(Cal::DayOffset(num(-1, 1)? as i8)),
                "unit" | "units" => {
                    let unit = match arg {
                        Some("day") => Unit::Day,
                        Some("week") => Unit::Week,
                        Some("month") => Unit::Month,
                        Some("quarter") => Unit::Quarter,
                        Some("year") => Unit::Year,
                        _ => return Err(bad_arg()),
                    };
                    Some(if name == "unit" { Cal::Unit(unit) } else { Cal::Units(unit) })
                }
                "number" => Some(Cal::Number(num(1, 90)? as u8)),
                "q" => Some(Cal::Q(num(1, 4)? as u8)),
                "ordinal" => Some(Cal::Ordinal(num(1, 31)? as u8)),
                "shift" => Some(Cal::Shift(match arg {
                    Some("this") => Shift::This,
                    Some("last") => Shift::Last,
                    Some("next") => Shift::Next,
                    _ => return Err(bad_arg()),
                })),
                "edge" => Some(Cal::Edge),
                "holiday" => Some(Cal::Holiday(arg.and_then(Holiday::parse).ok_or_else(bad_arg)?)),
                _ => None,
            };
            if let Some(cal) = cal {
                if entry.cal.is_some() {
                    return Err(Error::gazetteer(SOURCE, line, format!("{word:?} has a second calendar class")));
                }
                entry.cal = Some(cal);
                continue;
            }
            if arg.is_some() {
                return Err(bad_arg());
            }
            entry.flags |= match name {
                "date_ctx" => flag::DATE_CTX,
                "mm_ctx" => flag::MM_CTX,
                "typo_ctx" => flag::TYPO_CTX,
                "typo_after" => flag::TYPO_AFTER,
                "month_after" => flag::MONTH_AFTER,
                "function" => flag::FUNCTION,
                "past" => flag::PAST,
                "future" => flag::FUTURE,
                "base" => flag::BASE,
                "modal" => flag::MODAL,
                "aux_past" => flag::AUX_PAST,
                "copula" => flag::COPULA,
                "not_verb" => flag::NOT_VERB,
                "count" => flag::COUNT,
                "quantity" => flag::QUANTITY,
                "label" => flag::LABEL,
                "plan" => flag::PLAN,
                "clause" => flag::CLAUSE,
                "perfect" => flag::PERFECT,
                "move" => flag::MOVE,
                "season_ctx" => flag::SEASON_CTX,
                _ => return Err(Error::gazetteer(SOURCE, line, format!("unknown class {name:?}"))),
            };
        }
        let mut trigger = Box::new([[[0u32; 26]; 26]; 2]);
        for (w, info) in &map {
            if info.cal.is_some_and(Cal::is_trigger) {
                let b = w.as_bytes();
                let (Some(f), Some(s), Some(l)) = (column(b[0]), b.get(1).copied().and_then(column), column(b[b.len() - 1])) else {
                    return Err(Error::gazetteer(SOURCE, 0, format!("trigger word {w:?} is shorter than two letters")));
                };
                trigger[0][f][l] |= 1 << b.len();
                trigger[1][s][l] |= 1 << b.len();
            }
        }
        Ok(Words { map, trigger })
    }

    /// What the table knows about an ASCII word, any case.
    pub(crate) fn get(&self, word: &[u8]) -> Option<Info> {
        let mut buf = [0u8; MAX_WORD];
        let low = buf.get_mut(..word.len())?;
        for (d, &c) in low.iter_mut().zip(word) {
            *d = c.to_ascii_lowercase();
        }
        let key = std::str::from_utf8(low).ok()?;
        self.map.get(key).copied()
    }

    /// The calendar meaning of `word` when the scanner starts a match there.
    #[inline]
    pub(crate) fn trigger(&self, word: &[u8]) -> Option<Cal> {
        if word.len() < 2 || word.len() > MAX_WORD {
            return None;
        }
        let bit = 1u32 << word.len();
        let l = column(word[word.len() - 1])?;
        if self.trigger[0][column(word[0])?][l] & bit == 0 || self.trigger[1][column(word[1])?][l] & bit == 0 {
            return None;
        }
        self.get(word)?.cal.filter(|c| c.is_trigger())
    }
}

/// The prefilter column of an ASCII letter (either case) or digit: letters 0..26, digits
/// share the first ten ("q3" ends in a digit; a false share only costs a lookup).
#[inline]
fn column(c: u8) -> Option<usize> {
    if c.is_ascii_alphabetic() {
        Some(usize::from(c.to_ascii_lowercase() - b'a'))
    } else if c.is_ascii_digit() {
        Some(usize::from(c - b'0'))
    } else {
        None
    }
}
