//! Surface forms: where a temporal expression is and what it says, before any
//! resolution against the publication date.
//!
//! One left-to-right pass over the bytes. Only a word the vocabulary marks as a trigger (a
//! month, weekday, season, "today", "week", "Q3") or a run of digits starts a match, and a
//! match reads a bounded number of words around its trigger, so the pass stays linear in
//! the length of the text whatever it holds (a megabyte of digits and commas included).
//! What is left out: counts and amounts ("4,100 theaters", "$125 million"), clock times,
//! decades ("the 1990s"), and years that belong to a title ("Blade Runner 2049").

use crate::date::{days_in_month, Date};
use crate::dates::words::{flag, Cal, Holiday, Info, Season, Shift, Unit, Words};
use crate::span::Span;

/// Plausible years: older ones are ids or counts in entertainment news.
const YEARS: std::ops::RangeInclusive<i32> = 1870..=2100;

/// A calendar value as written, possibly without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    Day { year: Option<i32>, month: u8, day: u8, weekday: Option<u8> },
    Month { year: Option<i32>, month: u8, shift: Shift },
    Year(i32),
    Quarter { year: i32, q: u8 },
    Season { year: i32, season: Season },
}

impl Point {
    pub(crate) fn year(&self) -> Option<i32> {
        match *self {
            Point::Day { year, .. } | Point::Month { year, .. } => year,
            Point::Year(y) | Point::Quarter { year: y, .. } | Point::Season { year: y, .. } => Some(y),
        }
    }
}

/// What a match says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expr {
    Point(Point),
    /// Both ends at one granularity ("September 4–14, 2025", "from 2019 to 2021").
    Range(Point, Point),
    /// Days from the publication date: "yesterday" is -1.
    Days(i8),
    /// "Friday", "next Tuesday".
    Weekday {
        wd: u8,
        shift: Shift,
    },
    /// This (0), last (-1) or next (1) week, month, quarter or year.
    Unit {
        unit: Unit,
        offset: i8,
    },
    /// "this summer", "last fall".
    SeasonRel {
        season: Season,
        shift: Shift,
    },
    /// A month or month-day whose year is counted from the publication year: "January
    /// of last year", "June 19 next year".
    YearOffset(Point, i8),
    /// A day that does not exist ("February 30", "2025-02-29"): no date, and no title.
    Impossible,
    /// A year of two digits ("in ’89", "early '95"), and the month and day before it in a
    /// US date ("02/21/20"): the year with those last digits nearest to the publication
    /// year.
    ShortYear {
        yy: u8,
        md: Option<(u8, u8)>,
    },
    /// "on the 14th", "Tuesday the 19th": that day of the month of the last day named
    /// before it (else of the publication month, by tense); with a weekday, of the nearest
    /// month where that day falls on it.
    DayOfMonth {
        day: u8,
        weekday: Option<u8>,
    },
    /// A number of units from the publication date: "three weeks ago" (-3 weeks), "a month
    /// from now", "in two years" (`future_only`: a date only in a future sentence, as "sold
    /// out in three days" is a duration).
    Count {
        unit: Unit,
        n: i32,
        future_only: bool,
    },
    /// "the third quarter", "Q4": that quarter of the year the tense points to.
    QuarterOf(u8),
    /// A day picked in a month: "the 20th of next month", "the first Tuesday of October",
    /// "the last day of March".
    InMonth {
        pick: Pick,
        month: MonthRef,
    },
    /// "Wednesday next week", "Monday of this week": a weekday of the calendar week
    /// (Monday to Sunday) `offset` weeks from publication.
    WeekdayOfWeek {
        wd: u8,
        offset: i8,
    },
    /// "that day", "the same date": the day named last, a sentence or two before.
    SameDay,
    /// A holiday without a year ("on Halloween", "Christmas Eve"): its day in the year the
    /// tense points to; `eve` for the day before.
    Holiday {
        holiday: Holiday,
        eve: bool,
    },
}

/// Which day of a month [`Expr::InMonth`] picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pick {
    /// "the 20th (day) of".
    Day(u8),
    /// The `n`-th weekday (Monday = 0), -1 for the last: "the first Tuesday of".
    Nth { n: i8, wd: u8 },
    /// "the last day of".
    LastDay,
}

/// The month of an [`Expr::InMonth`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthRef {
    /// "October", "October 2014".
    Named { month: u8, year: Option<i32> },
    /// "this month" (0), "next month" (1), "last month" (-1), "the month" (0).
    Offset(i8),
}

/// One match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub span: Span,
    pub expr: Expr,
    /// A year read from a typo ("2o14"): where, and as what.
    pub typo: Option<(Span, i32)>,
    /// Whether the year it writes out dates year-less dates later in the sentence ("In
    /// 2019, ... from May to July"); an adjective year ("the 2023 strikes") does not.
    pub context: bool,
}

impl Hit {
    /// A day that does not exist, read whole so that no part of it is taken for a date
    /// or a title.
    fn impossible(st: usize, end: usize) -> Hit {
        Hit { span: Span::new(st, end), expr: Expr::Impossible, typo: None, context: false }
    }
}

/// A four-character year as read.
#[derive(Clone, Copy, Debug)]
struct Year {
    value: i32,
    span: Span,
    typo: bool,
}

/// A month name as read: its number, where it ends (after a period of "Sept."), and
/// whether it is an abbreviation without a period ("Jan", which may be a name).
#[derive(Clone, Copy, Debug)]
struct MonthWord {
    month: u8,
    end: usize,
    bare_abbr: bool,
}

/// What stands before a trigger: "this", "early", "between", "in".
#[derive(Clone, Copy, Debug)]
struct Prefix {
    /// Where the match starts when the prefix belongs to it ("next week", "mid-June").
    start: usize,
    shift: Shift,
    /// Start of the shift word ("next"), for the word before it.
    shift_start: usize,
    /// "early", "late", "mid" (or "mid-") directly before.
    edge: bool,
    /// Flags of the word directly before.
    flags: u32,
    between: bool,
    /// "and"/"or" right after the previous match ("in June and July").
    list: bool,
}

/// The scanner over one text; yields matches in text order, never overlapping.
pub(crate) struct Scanner<'a> {
    w: &'a Words,
    s: &'a str,
    b: &'a [u8],
    pos: usize,
    last_end: usize,
    /// The end, month and year of the last day found, for a day listed after it with
    /// the month left out ("Sept. 22 and 24").
    last_day: Option<(usize, u8, Option<i32>)>,
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        let b = self.b;
        while self.pos < b.len() {
            let c = b[self.pos];
            if !c.is_ascii_alphanumeric() {
                self.pos += 1;
                continue;
            }
            let st = self.pos;
            let e = self.run_end(st);
            self.pos = e;
            // A run glued to a non-ASCII letter ("Mayé") is part of a longer word.
            if (st > 0 && b[st - 1] >= 0x80 && self.alnum_before(st)) || (b.get(e).is_some_and(|&c| c >= 0x80) && self.alnum_after(e)) {
                continue;
            }
            let hit = if c.is_ascii_digit() { self.number(st, e) } else { self.word(st, e) };
            if let Some(mut h) = hit {
                if h.span.start < self.last_end {
                    h.span.start = st;
                }
                debug_assert!(self.s.is_char_boundary(h.span.start) && self.s.is_char_boundary(h.span.end));
                self.pos = h.span.end.max(e);
                self.last_end = h.span.end;
                self.last_day = match h.expr {
                    Expr::Point(Point::Day { year, month, .. }) => Some((h.span.end, month, year)),
                    _ => None,
                };
                return Some(h);
            }
        }
        None
    }
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(w: &'a Words, s: &'a str) -> Scanner<'a> {
        Scanner { w, s, b: s.as_bytes(), pos: 0, last_end: 0, last_day: None }
    }

    // ---- triggers ----

    fn word(&mut self, st: usize, e: usize) -> Option<Hit> {
        match self.w.trigger(&self.b[st..e])? {
            Cal::Month { month, abbr } => self.month(st, e, month, abbr),
            Cal::Weekday { wd, abbr } => self.weekday(st, e, wd, abbr),
            Cal::Season(season) => self.season(st, e, season),
            Cal::DayOffset(k) => self.day_word(st, e, k),
            Cal::Unit(Unit::Day) => self.unit_count(st, e, Unit::Day, false).or_else(|| self.day_unit(st, e)),
            Cal::Unit(unit) => self.unit_count(st, e, unit, false).or_else(|| self.unit(st, e, unit)),
            Cal::Units(unit) => self.unit_count(st, e, unit, true),
            Cal::Ordinal(n) => self.ordinal(st, e, n),
            Cal::Q(q) => self.quarter_q(st, e, q),
            Cal::Holiday(h) => self.holiday(st, e, h),
            _ => None,
        }
    }

    /// "June 6, 2025", "Sept. 24", "June 2025", "in June", "March 3 to April 19, 2026".
    fn month(&mut self, st: usize, e: usize, month: u8, abbr: bool) -> Option<Hit> {
        if !self.is_cap(st) {
            return None;
        }
        let mw = self.month_word_end(e, month, abbr);
        let q = self.skip_ws(mw.end);
        if q > mw.end {
            if let Some(h) = self.month_day(st, mw.month, q) {
                return Some(h);
            }
        }
        // ("Aug 2017", "Sept 2019": an abbreviation without its period before a year is the
        // month; "Jan" alone may be a name.)
        if mw.bare_abbr && self.year_after(mw.end, false, false).is_none_or(|y| self.at(mw.end) == b',' || y.span.start == mw.end) {
            return None;
        }
        self.month_only(st, mw)
    }

    /// The month-day part after a month name: "6", "6th", "4–14", "3 to April 19", then
    /// an optional year.
    fn month_day(&mut self, st: usize, month: u8, q: usize) -> Option<Hit> {
        let (d1, e1) = self.day_at(q).or_else(|| self.spelled_day_after_month(st, q))?;
        if d1 > days_in_month(2024, month) {
            let end = self.year_after(e1, true, false).map_or(e1, |y| y.span.end);
            return Some(Hit::impossible(st, end));
        }
        let mut to: Option<(u8, u8)> = None;
        let mut end = e1;
        if let Some(r) = self.connector(e1, false) {
            if let Some((d2, e2)) = self.day_at(self.skip_the(r)) {
                if d2 > d1 && d2 <= days_in_month(2024, month) {
                    to = Some((month, d2));
                    end = e2;
                } else if d2 > d1 {
                    // "February 27–30": a range that ends on a day the month lacks.
                    let end = self.year_after(e2, true, false).map_or(e2, |y| y.span.end);
                    return Some(Hit::impossible(st, end));
                }
            } else if let Some(mw2) = self.month_word(r) {
                let r2 = self.skip_ws(mw2.end);
                if r2 > mw2.end {
                    if let Some((d2, e2)) = self.day_at(r2) {
                        if d2 <= days_in_month(2024, mw2.month) && (mw2.month, d2) != (month, d1) {
                            to = Some((mw2.month, d2));
                            end = e2;
                        }
                    }
                }
            }
        }
        let year = self.year_after(end, true, false);
        if let Some(to) = to.filter(|_| self.after_move_from(st)) {
            // The old date of a move: a date of its own, in the year the range gives it.
            let y_from = year.map(|y| Year { value: if (month, d1) > to { y.value - 1 } else { y.value }, typo: false, ..y });
            return self.day_hit(st, e1, (month, d1), None, y_from);
        }
        if let Some(y) = year {
            end = y.span.end;
        } else if to.is_none() {
            // "June 19 next year".
            if let Some((offset, e)) = self.year_offset_after(end) {
                let point = Point::Day { year: None, month, day: d1, weekday: None };
                return Some(Hit { span: Span::new(st, e), expr: Expr::YearOffset(point, offset), typo: None, context: false });
            }
        }
        self.day_hit(st, end, (month, d1), to, year)
    }

    /// A day listed after a month and day with its month left out: "Sept. 22 and 24",
    /// "May 3, 10 and 17", "Oct. 6 & 8": the day of the same month (and year), when only
    /// a comma, "and", "or" or "&" stands between and no noun follows ("24 hours").
    fn listed_day(&self, st: usize, e: usize) -> Option<Hit> {
        let (end, month, year) = self.last_day?;
        if end != self.last_end || e - st > 2 {
            return None;
        }
        let gap = &self.b[end..st];
        let mut words = gap.split(|c| c.is_ascii_whitespace() || *c == b',').filter(|w| !w.is_empty());
        let joined = match (words.next(), words.next()) {
            (None, _) => gap.contains(&b','),
            (Some(w), None) => matches!(w, b"and" | b"or" | b"&"),
            _ => false,
        };
        if !joined {
            return None;
        }
        let day: u8 = std::str::from_utf8(&self.b[st..e]).ok()?.parse().ok()?;
        if day == 0 || day > days_in_month(year.unwrap_or(2024), month) {
            return None;
        }
        // (Not a count or a measure: "24 hours", "10 episodes", "3.5", "10:30".)
        if matches!(self.at(e), b'.' | b':' | b'/' | b'%') && self.b.get(e + 1).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        if self
            .word_after(e)
            .is_some_and(|(ns, ne)| self.b[ns].is_ascii_lowercase() && self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) == 0)
        {
            return None;
        }
        Some(Hit { span: Span::new(st, e), expr: Expr::Point(Point::Day { year, month, day, weekday: None }), typo: None, context: true })
    }

    /// Builds a day or day-range hit, checking the days exist when the year is known.
    fn day_hit(&self, st: usize, end: usize, from: (u8, u8), to: Option<(u8, u8)>, year: Option<Year>) -> Option<Hit> {
        let y = year.map(|y| y.value);
        let typo = year.filter(|y| y.typo).map(|y| (y.span, y.value));
        let expr = match to {
            None => {
                if y.is_some_and(|y| Date::new(y, from.0, from.1).is_none()) {
                    return Some(Hit::impossible(st, end));
                }
                Expr::Point(Point::Day { year: y, month: from.0, day: from.1, weekday: None })
            }
            Some(to) => {
                // "December 28 to January 3, 2026": the first end is in the year before.
                let y_from = y.map(|y| if from > to { y - 1 } else { y });
                if let (Some(a), Some(b)) = (y_from, y) {
                    if Date::new(a, from.0, from.1).is_none() || Date::new(b, to.0, to.1).is_none() {
                        return Some(Hit::impossible(st, end));
                    }
                }
                Expr::Range(
                    Point::Day { year: y_from, month: from.0, day: from.1, weekday: None },
                    Point::Day { year: y, month: to.0, day: to.1, weekday: None },
                )
            }
        };
        Some(Hit { span: Span::new(st, end), expr, typo, context: true })
    }

    /// A month name with no day: "June 2025", "June of 2025", "June–August 2025", "in
    /// June", "between May and July", "mid-June".
    fn month_only(&mut self, st: usize, mw: MonthWord) -> Option<Hit> {
        if let Some(h) = self.possessive_month(st, mw) {
            return Some(h);
        }
        // ("Fourth Of July": after a capitalised "Of" the month is part of a title.)
        if self.word_before(st).is_some_and(|(ws, we)| &self.b[ws..we] == b"Of") {
            return None;
        }
        let pf = self.prefix(st);
        let start = if pf.edge || pf.shift != Shift::Tense { pf.start } else { st };
        if let Some(y) = self.year_after(mw.end, true, true) {
            return Some(Hit {
                span: Span::new(start, y.span.end),
                expr: Expr::Point(Point::Month { year: Some(y.value), month: mw.month, shift: Shift::Tense }),
                typo: typo_of(y),
                context: true,
            });
        }
        let is_mm = mw.month == 3 || mw.month == 5;
        // "Netflix Sets June Return for …", "a May premiere": a release noun after it (in
        // a headline's title case too).
        let noun_after =
            self.word_after(mw.end).is_some_and(|(ns, ne)| ns == self.skip_ws(mw.end) && self.info(ns, ne).has(flag::MONTH_AFTER));
        let ctx = if is_mm { pf.flags & flag::MM_CTX != 0 || pf.list } else { pf.flags & flag::DATE_CTX != 0 || pf.list }
            || noun_after
            // "Delays Wonder Woman 1984 to October": the target of a move.
            || self.after_move(st, &[b"to"])
            // "February is now the month for …", "October brings …": a month that is no
            // given name or verb as a clause's subject.
            || ([1, 2, 7, 8, 9, 10, 11, 12].contains(&mw.month)
                && self.word_after(mw.end).is_some_and(|(ns, ne)| {
                    [&b"is"[..], b"was", b"will", b"brings", b"brought", b"sees", b"saw", b"marks", b"has", b"had", b"closes", b"opens", b"ends", b"starts"]
                        .iter()
                        .any(|w| self.b[ns..ne].eq_ignore_ascii_case(w))
                }));
        if let Some(r) = self.connector(mw.end, pf.between) {
            if let Some(mw2) = self.month_word(r).filter(|m| !m.bare_abbr && m.month != mw.month) {
                let year = self.year_after(mw2.end, true, true);
                if year.is_some() || (ctx && !self.cap_word_after(mw2.end)) {
                    let y = year.map(|y| y.value);
                    let y_from = y.map(|y| if mw.month > mw2.month { y - 1 } else { y });
                    if self.after_move_from(st) {
                        // The old month of a move, a date of its own ("moved it from June to
                        // August 2022").
                        let expr = Expr::Point(Point::Month { year: y_from, month: mw.month, shift: Shift::Tense });
                        return Some(Hit { span: Span::new(start, mw.end), expr, typo: None, context: true });
                    }
                    let end = year.map_or(mw2.end, |y| y.span.end);
                    let expr = Expr::Range(
                        Point::Month { year: y_from, month: mw.month, shift: Shift::Tense },
                        Point::Month { year: y, month: mw2.month, shift: Shift::Tense },
                    );
                    return Some(Hit { span: Span::new(start, end), expr, typo: year.and_then(typo_of), context: true });
                }
            }
        }
        // "January of last year".
        if let Some((offset, e)) = self.year_offset_after(mw.end) {
            let point = Point::Month { year: None, month: mw.month, shift: Shift::Tense };
            return Some(Hit { span: Span::new(start, e), expr: Expr::YearOffset(point, offset), typo: None, context: false });
        }
        // "in May and July 2022": the year after the list is this month's too.
        if let Some((ns, ne)) = self.word_after(mw.end) {
            let w = &self.b[ns..ne];
            if w.eq_ignore_ascii_case(b"and") || w.eq_ignore_ascii_case(b"or") {
                let year = self.month_word(self.skip_ws(ne)).filter(|m| !m.bare_abbr).and_then(|m2| self.year_after(m2.end, false, true));
                if let Some(y) = year {
                    let expr = Expr::Point(Point::Month { year: Some(y.value), month: mw.month, shift: Shift::Tense });
                    return Some(Hit { span: Span::new(start, mw.end), expr, typo: None, context: true });
                }
            }
        }
        // Alone, a month name needs a date word before it and no name after it:
        // "in June Squibb's", "starring in May December" are not dates.
        // (A capitalised noun only in a title-case line: "Sets June Return"; not "wrote
        // June Return", a title.)
        let title_case = self.word_before(st).is_some_and(|(ws, _)| self.b[ws].is_ascii_uppercase());
        if !ctx || (self.cap_word_after(mw.end) && !(noun_after && title_case)) {
            return None;
        }
        Some(Hit {
            span: Span::new(start, mw.end),
            expr: Expr::Point(Point::Month { year: None, month: mw.month, shift: pf.shift }),
            typo: None,
            context: true,
        })
    }

    /// "behind May’s “Stone Age”", "last March’s Gold Room": a month owning a work is
    /// the month it came out, its year by the tense. Not a name ("Theresa May’s
    /// government": a capitalised word before) and not without a work after it.
    fn possessive_month(&self, st: usize, mw: MonthWord) -> Option<Hit> {
        if mw.bare_abbr || mw.end != self.run_end(st) {
            return None;
        }
        let after = self.apostrophe_at(mw.end)?;
        if !matches!(self.at(after), b's' | b'S') || self.b.get(after + 1).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let (ws, _) = self.word_before(st)?;
        if !self.b[ws].is_ascii_lowercase() {
            return None;
        }
        let next = self.skip_ws(after + 1);
        let work_after = next > after + 1 && (self.is_cap(next) || self.b[next..].starts_with("“".as_bytes()) || self.at(next) == b'"');
        if !work_after {
            return None;
        }
        let pf = self.prefix(st);
        let start = if pf.shift != Shift::Tense { pf.start } else { st };
        Some(Hit {
            span: Span::new(start, mw.end),
            expr: Expr::Point(Point::Month { year: None, month: mw.month, shift: pf.shift }),
            typo: None,
            context: true,
        })
    }

    /// "Friday", "on Tuesday", "next Friday", "Friday, June 6", "Fri., June 6".
    fn weekday(&mut self, st: usize, e: usize, wd: u8, abbr: bool) -> Option<Hit> {
        if !self.is_cap(st) {
            return None;
        }
        let p = if abbr && self.at(e) == b'.' { e + 1 } else { e };
        let q = if self.at(p) == b',' { p + 1 } else { p };
        let r = self.skip_ws(q);
        if r > q {
            let dated = if let Some(mw) = self.month_word(r) {
                let r2 = self.skip_ws(mw.end);
                if r2 > mw.end {
                    self.month_day(r, mw.month, r2)
                } else {
                    None
                }
            } else {
                self.day_first(r, true)
            };
            if let Some(mut h) = dated {
                if let Expr::Point(Point::Day { weekday, .. }) | Expr::Range(Point::Day { weekday, .. }, _) = &mut h.expr {
                    *weekday = Some(wd);
                }
                h.span.start = st;
                return Some(h);
            }
            if let Some(h) = self.weekday_day(st, r, wd) {
                return Some(h);
            }
        }
        if abbr {
            return None;
        }
        if let Some(h) = self.weekday_of_week(st, e, wd) {
            return Some(h);
        }
        let pf = self.prefix(st);
        // "the last Friday of October".
        if pf.shift == Shift::Last && self.b[pf.shift_start..].starts_with(b"last") {
            if let Some(h) = self.in_month(self.the_before(pf.shift_start), e, Pick::Nth { n: -1, wd }) {
                return Some(h);
            }
        }
        if pf.shift == Shift::Tense {
            if let Some((ws, we)) = self.word_before(st) {
                // "Black Friday", "Freaky Friday": a capitalised word before makes a name;
                // "stars in Wednesday" a title (a day is "on" Wednesday); "a Thursday",
                // "every Sunday" no particular day.
                let w = &self.b[ws..we];
                if self.is_title_word(ws, we)
                    || [&b"in"[..], b"a", b"an", b"any", b"each", b"every"].iter().any(|x| w.eq_ignore_ascii_case(x))
                {
                    return None;
                }
                // "CBC’s Tuesday night comedy lineup", "the Sunday night movie": after an
                // owner or "the", a weekday before a noun names a weekly slot, not a day.
                let owner = w.eq_ignore_ascii_case(b"s") && (self.b[..ws].ends_with(b"'") || self.b[..ws].ends_with("’".as_bytes()));
                let det = [&b"the"[..], b"its", b"their", b"his", b"her", b"our"].iter().any(|x| w.eq_ignore_ascii_case(x));
                if (owner || det) && self.slot_noun_after(e) {
                    return None;
                }
            }
        }
        // "Sunday Best", "Friday Night Lights", "Friday the 13th".
        // (Not a listing's day heading in capitals at the start of a line: "FRIDAY This Is
        // America (CBS, 8 p.m.): …".)
        let line_start = self.b[..st].iter().rev().find(|c| !matches!(c, b' ' | b'\t')).is_none_or(|&c| c == b'\n');
        let heading = line_start && self.b[st..e].iter().all(u8::is_ascii_uppercase) && e - st >= 6;
        if self.cap_word_after(e) && !heading {
            return None;
        }
        // "Friday the 13th", "Wednesday season 2".
        if let Some((ns, ne)) = self.word_after(e) {
            let w = &self.b[ns..ne];
            if (w.eq_ignore_ascii_case(b"the") || w.eq_ignore_ascii_case(b"season"))
                && self.word_after(ne).is_some_and(|(s, _)| self.at(s).is_ascii_digit())
            {
                return None;
            }
        }
        let start = if pf.shift != Shift::Tense { pf.start } else { st };
        // (A listing's day heading looks ahead: the week the listing covers.)
        let shift = if heading && pf.shift == Shift::Tense { Shift::This } else { pf.shift };
        Some(Hit { span: Span::new(start, e), expr: Expr::Weekday { wd, shift }, typo: None, context: true })
    }

    /// Whether a noun of a weekly slot follows a weekday ending at `e`, a part of the day
    /// between ("night comedy lineup", "lineup", "morning cartoons"): a lower-case word
    /// that is no function word and no noun of a single event ("the show's Tuesday
    /// premiere" is a day).
    fn slot_noun_after(&self, e: usize) -> bool {
        let Some((mut s, mut t)) = self.word_after(e) else { return false };
        if [&b"night"[..], b"morning", b"afternoon", b"evening"].iter().any(|x| self.b[s..t].eq_ignore_ascii_case(x)) {
            let Some(next) = self.word_after(t) else { return false };
            (s, t) = next;
        }
        let w = &self.b[s..t];
        const EVENTS: [&[u8]; 12] = [
            b"premiere",
            b"debut",
            b"opening",
            b"release",
            b"launch",
            b"finale",
            b"episode",
            b"broadcast",
            b"airing",
            b"screening",
            b"return",
            b"deadline",
        ];
        self.b[s].is_ascii_lowercase()
            && self.info(s, t).flags & (flag::FUNCTION | flag::CLAUSE) == 0
            && !EVENTS.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// "Tuesday the 19th", "Thu 15th": a weekday and a day of the month.
    fn weekday_day(&self, st: usize, r: usize, wd: u8) -> Option<Hit> {
        let r2 = self.skip_the(r);
        let (d, e) = self.day_at(r2)?;
        let suffixed = !self.b[r2..e].iter().all(u8::is_ascii_digit);
        if r2 == r && !suffixed {
            return None;
        }
        // "Friday the 13th" is also a film series.
        if wd == 4 && d == 13 && r2 > r {
            return None;
        }
        // "Sunday 3rd place".
        if self.word_after(e).is_some_and(|(ns, ne)| self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) == 0) {
            return None;
        }
        Some(Hit { span: Span::new(st, e), expr: Expr::DayOfMonth { day: d, weekday: Some(wd) }, typo: None, context: false })
    }

    /// "Wednesday next week", "Monday of this week", "Sunday from last week".
    fn weekday_of_week(&self, st: usize, e: usize, wd: u8) -> Option<Hit> {
        let (mut s, mut e2) = self.word_after(e)?;
        if self.b[s..e2].eq_ignore_ascii_case(b"of") || self.b[s..e2].eq_ignore_ascii_case(b"from") {
            (s, e2) = self.word_after(e2)?;
        }
        let w = &self.b[s..e2];
        if w.eq_ignore_ascii_case(b"past") || w.eq_ignore_ascii_case(b"coming") {
            return None;
        }
        let offset = match self.info(s, e2).cal {
            Some(Cal::Shift(Shift::This)) => 0,
            Some(Cal::Shift(Shift::Next)) => 1,
            Some(Cal::Shift(Shift::Last)) => -1,
            _ => return None,
        };
        let (us, ue) = self.word_after(e2)?;
        if self.info(us, ue).cal != Some(Cal::Unit(Unit::Week)) || self.apostrophe_at(ue).is_some() {
            return None;
        }
        Some(Hit { span: Span::new(st, ue), expr: Expr::WeekdayOfWeek { wd, offset }, typo: None, context: true })
    }

    /// "summer 2026", "the fall of 2023", "holiday 2027", "this summer", "last fall".
    fn season(&mut self, st: usize, e: usize, season: Season) -> Option<Hit> {
        let mut end = e;
        let holiday = self.b[st..e].eq_ignore_ascii_case(b"holiday");
        if holiday {
            if let Some((ns, ne)) = self.word_after(e) {
                if self.b[ns..ne].eq_ignore_ascii_case(b"season") {
                    end = ne;
                }
            }
        }
        let pf = self.prefix(st);
        if let Some(y) = self.year_after(end, true, true) {
            let start = if pf.edge { pf.start } else { st };
            return Some(Hit {
                span: Span::new(start, y.span.end),
                expr: Expr::Point(Point::Season { year: y.value, season }),
                typo: typo_of(y),
                context: true,
            });
        }
        // ("this holiday" alone is the season, "this holiday weekend" is not: the bare word
        // only with "this/next/last" and no noun after it.)
        let noun_after = self.word_after(e).is_some_and(|(ns, ne)| {
            let w = &self.b[ns..ne];
            !["alongside", "with", "and", "or", "on", "in", "for", "when", "as", "but", "so"]
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f.as_bytes()))
        });
        if holiday && end == e && (pf.shift == Shift::Tense || noun_after) {
            return None;
        }
        // "in the fall", "by the summer": the season nearest the publication date, as
        // "this fall" is; not "the fall of Rome", "the summer months".
        if pf.shift == Shift::Tense && !holiday {
            return self.bare_season(st, e, season);
        }
        // Otherwise without a year only with "this/last/next".
        if pf.shift == Shift::Tense {
            return None;
        }
        Some(Hit { span: Span::new(pf.start, end), expr: Expr::SeasonRel { season, shift: pf.shift }, typo: None, context: true })
    }

    /// "in the fall", "until the spring", "until spring", "in the late spring or early
    /// summer", "for an early summer release": a preposition of time, "the" or not, an
    /// "early", "late" or "mid" or not, a lower-case season name, and nothing that makes
    /// it a noun of something else after it; a second season joined by "or" or "and" to
    /// one; "a"/"an" and a season only before a release noun.
    fn bare_season(&self, st: usize, e: usize, season: Season) -> Option<Hit> {
        if !self.b[st].is_ascii_lowercase() {
            return None;
        }
        let is = |(s, e): (usize, usize), words: &[&[u8]]| words.iter().any(|w| self.b[s..e].eq_ignore_ascii_case(w));
        let mut from = st;
        let mut before = self.word_before(st)?;
        if is(before, &[b"early", b"late", b"mid"]) {
            from = before.0;
            before = self.word_before(from)?;
        }
        let article = is(before, &[b"a", b"an"]);
        let the = is(before, &[b"the"]);
        let after = self.word_after(e);
        if article {
            // ("slotted for an early summer release", "a fall premiere".)
            const RELEASE: [&[u8]; 7] = [b"release", b"premiere", b"launch", b"debut", b"opening", b"bow", b"return"];
            return after.filter(|&w| is(w, &RELEASE)).map(|_| Hit {
                span: Span::new(from, e),
                expr: Expr::SeasonRel { season, shift: Shift::Tense },
                typo: None,
                context: true,
            });
        }
        let ctx = if the { self.word_before(before.0)? } else { before };
        // ("in the late spring or early summer": a season joined to one just named.)
        let joined = !the
            && is(ctx, &[b"or", b"and"])
            && self.word_before(ctx.0).is_some_and(|w| is(w, &[b"spring", b"summer", b"fall", b"autumn", b"winter"]));
        if self.info(ctx.0, ctx.1).flags & flag::SEASON_CTX == 0 && !joined {
            return None;
        }
        // ("wait for the autumn" is a date; "penciled in for fall" is a plan's season, read
        // by the release stage's own words.)
        if !the && is(ctx, &[b"for"]) {
            return None;
        }
        let start = if the { before.0 } else { from };
        // "in the fall of Rome", "in the summer months", "by the spring thaw": a word
        // right after it other than a function word ("in the fall and winter", "in the
        // fall when") makes the season a modifier or a noun of something else.
        if let Some((ns, ne)) = after {
            let info = self.info(ns, ne);
            if self.b[ns..ne].eq_ignore_ascii_case(b"of") || info.flags & (flag::FUNCTION | flag::CLAUSE) == 0 {
                return None;
            }
        }
        Some(Hit { span: Span::new(start, e), expr: Expr::SeasonRel { season, shift: Shift::Tense }, typo: None, context: true })
    }

    /// "today", "tomorrow", "yesterday", "tonight".
    fn day_word(&mut self, st: usize, e: usize, k: i8) -> Option<Hit> {
        // "the Today show", "Today Show".
        if let Some((ws, we)) = self.word_before(st) {
            if self.b[ws..we].eq_ignore_ascii_case(b"the") {
                return None;
            }
        }
        if self.is_cap(st) && self.cap_word_after(e) {
            return None;
        }
        // ("“Titanic” and “Tomorrow” have more than 2,700 apiece": a day word alone in
        // quotation marks is a work's name.)
        let open = self.b[..st].ends_with(b"\"") || self.b[..st].ends_with("“".as_bytes()) || self.b[..st].ends_with("‘".as_bytes());
        let close = self.b[e..].starts_with(b"\"") || self.b[e..].starts_with("”".as_bytes()) || self.b[e..].starts_with("’".as_bytes());
        if open && close && self.is_cap(st) {
            return None;
        }
        Some(Hit { span: Span::new(st, e), expr: Expr::Days(k), typo: None, context: true })
    }

    /// "next week", "last month", "earlier this year", "third quarter of 2025".
    fn unit(&mut self, st: usize, e: usize, unit: Unit) -> Option<Hit> {
        if unit == Unit::Quarter {
            if let Some((ws, we)) = self.word_before(st).or_else(|| self.hyphenated_before(st)) {
                if let Some(q) = self.ordinal_word(ws, we).filter(|q| (1..=4).contains(q)) {
                    let start = if ws >= self.last_end { ws } else { st };
                    if let Some(y) = self.year_after(e, true, true) {
                        return Some(Hit {
                            span: Span::new(start, y.span.end),
                            expr: Expr::Point(Point::Quarter { year: y.value, q }),
                            typo: typo_of(y),
                            context: true,
                        });
                    }
                    // "the third quarter", "third-quarter earnings": the year by the tense;
                    // not "the fourth quarter of the game".
                    if !self.word_after(e).is_some_and(|(ns, ne)| self.b[ns..ne].eq_ignore_ascii_case(b"of")) {
                        return Some(Hit { span: Span::new(start, e), expr: Expr::QuarterOf(q), typo: None, context: true });
                    }
                }
            }
        }
        let pf = self.prefix(st);
        let offset = match pf.shift {
            Shift::Tense => return None,
            // Week-level phrases ("this week", "next week", "last week") are not dates
            // (docs/gold-json.md): a week is no calendar value a reader can check.
            _ if unit == Unit::Week => return None,
            // "the next day" counts from the story, not from publication.
            _ if unit == Unit::Day => return None,
            Shift::This => 0,
            Shift::Last => -1,
            Shift::Next => 1,
        };
        // "the next year", "a last week": a stretch of time, not a calendar unit.
        if let Some((ws, we)) = self.word_before(pf.shift_start) {
            let w = &self.b[ws..we];
            if w.eq_ignore_ascii_case(b"the") || w.eq_ignore_ascii_case(b"a") {
                return None;
            }
        }
        Some(Hit { span: Span::new(pf.start, e), expr: Expr::Unit { unit, offset }, typo: None, context: true })
    }

    /// "Christmas Day 2025", "on Halloween", "Thanksgiving weekend" (no), "Memorial Day",
    /// "Christmas Eve", "Valentine’s Day". Alone, a holiday name is a date only after a
    /// preposition of time and before no other capitalised word ("Halloween Kills",
    /// "A Christmas Carol" are titles).
    fn holiday(&mut self, st: usize, e: usize, holiday: Holiday) -> Option<Hit> {
        if !self.is_cap(st) {
            return None;
        }
        // "New Year's Day", "New Year’s Eve": the trigger "New" needs its "Year".
        let new_year = self.b[st..e].eq_ignore_ascii_case(b"new");
        let e = if new_year {
            match self.word_after(e) {
                Some((ns, ne)) if &self.b[ns..ne] == b"Year" && ns == self.skip_ws(e) => ne,
                _ => return None,
            }
        } else {
            e
        };
        let mut end = e;
        // "Valentine’s Day".
        if let Some(a) = self.apostrophe_at(end) {
            if matches!(self.at(a), b's' | b'S') && !self.b.get(a + 1).is_some_and(u8::is_ascii_alphanumeric) {
                end = a + 1;
            }
        }
        let mut eve = false;
        let mut named_day = false;
        if let Some((ns, ne)) = self.word_after(end) {
            let w = &self.b[ns..ne];
            if self.is_cap(ns) && (w.eq_ignore_ascii_case(b"day") || w.eq_ignore_ascii_case(b"eve")) {
                eve = w.eq_ignore_ascii_case(b"eve");
                named_day = true;
                end = ne;
            }
        }
        if holiday.needs_day && !named_day {
            return None;
        }
        // Without "Day" or "Eve", only after a preposition of time: "Halloween 2018" is
        // also a film.
        // (A lower-case preposition: "The Nightmare Before Christmas" is a title.)
        let ctx = self.word_before(st).is_some_and(|(ws, we)| {
            // ("just in time for Halloween": "for" before a holiday is its occasion.)
            self.b[ws].is_ascii_lowercase()
                && self.info(ws, we).flags & (flag::DATE_CTX | flag::SEASON_CTX) != 0
                && !self.b[ws..we].eq_ignore_ascii_case(b"for")
        });
        if !named_day && !ctx {
            return None;
        }
        if let Some(y) = self.year_after(end, true, true) {
            // (New Year's Eve 2025 is the last day of 2025.)
            let year = if new_year && eve { y.value + 1 } else { y.value };
            let d = holiday.on(year)?.add_days(if eve { -1 } else { 0 })?;
            return Some(Hit {
                span: Span::new(st, y.span.end),
                expr: Expr::Point(Point::Day { year: Some(d.year()), month: d.month(), day: d.day(), weekday: None }),
                typo: typo_of(y),
                context: true,
            });
        }
        // "Thanksgiving weekend", "the Memorial Day weekend", "Halloween night": around
        // the day, not the day.
        if self.word_after(end).is_some_and(|(ns, ne)| self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) == 0) {
            return None;
        }
        Some(Hit { span: Span::new(st, end), expr: Expr::Holiday { holiday, eve }, typo: None, context: false })
    }

    /// "Q3 2025", "Q4 of 2026".
    fn quarter_q(&mut self, st: usize, e: usize, q: u8) -> Option<Hit> {
        if !self.is_cap(st) {
            return None;
        }
        let Some(y) = self.year_after(e, true, true) else {
            // "Q4" alone: the quarter of the year the tense points to.
            return Some(Hit { span: Span::new(st, e), expr: Expr::QuarterOf(q), typo: None, context: true });
        };
        Some(Hit {
            span: Span::new(st, y.span.end),
            expr: Expr::Point(Point::Quarter { year: y.value, q }),
            typo: typo_of(y),
            context: true,
        })
    }

    /// "three weeks ago", "a month from now", "two years hence", "in two weeks": a number
    /// of units counted from the publication date. Not "a few days ago", "the two weeks
    /// since", "11 days later" (counted from something else the story names).
    /// "the first three months of 2003" (Q1), "the final three months of 2025" (Q4): an
    /// ordinal before "three months" and a year after "of". `ns` starts "three", `e` ends
    /// "months".
    fn three_months(&self, ns: usize, e: usize) -> Option<Hit> {
        let (os, oe) = self.word_before(ns)?;
        if os < self.last_end {
            return None;
        }
        let w = &self.b[os..oe];
        let q = match () {
            _ if w.eq_ignore_ascii_case(b"first") => 1,
            _ if w.eq_ignore_ascii_case(b"second") => 2,
            _ if w.eq_ignore_ascii_case(b"third") => 3,
            _ if w.eq_ignore_ascii_case(b"last") || w.eq_ignore_ascii_case(b"final") || w.eq_ignore_ascii_case(b"fourth") => 4,
            _ => return None,
        };
        let y = self.year_after(e, true, true)?;
        Some(Hit {
            span: Span::new(os, y.span.end),
            expr: Expr::Point(Point::Quarter { year: y.value, q }),
            typo: typo_of(y),
            context: true,
        })
    }

    fn unit_count(&self, st: usize, e: usize, unit: Unit, plural: bool) -> Option<Hit> {
        let (ns, ne) = self.word_before(st)?;
        if ns < self.last_end || self.number_continued(ns) || self.amount_before(ns) {
            return None;
        }
        let w = &self.b[ns..ne];
        let n: i32 = match self.info(ns, ne).cal {
            Some(Cal::Number(n)) => i32::from(n),
            _ if w.len() <= 3 && w.iter().all(u8::is_ascii_digit) => w.iter().fold(0, |a, &c| a * 10 + i32::from(c - b'0')),
            _ => return None,
        };
        if n == 0 || plural != (n > 1) {
            return None;
        }
        // "the first three months of 2003", "the last three months of the year": a quarter.
        if unit == Unit::Month && n == 3 {
            if let Some(hit) = self.three_months(ns, e) {
                return Some(hit);
            }
        }
        let after = self.word_after(e);
        let word = |s: usize, e: usize, x: &[u8]| self.b[s..e].eq_ignore_ascii_case(x);
        let (sign, end) = match after {
            Some((s2, e2)) if word(s2, e2, b"ago") => (-1, e2),
            Some((s2, e2)) if word(s2, e2, b"hence") => (1, e2),
            Some((s2, e2)) if word(s2, e2, b"from") => match self.word_after(e2) {
                Some((s3, e3)) if word(s3, e3, b"now") || word(s3, e3, b"today") => (1, e3),
                _ => return None,
            },
            _ => (0, e),
        };
        if sign != 0 {
            return Some(Hit {
                span: Span::new(ns, end),
                expr: Expr::Count { unit, n: sign * n, future_only: false },
                typo: None,
                context: false,
            });
        }
        // "in two weeks": a date only in a sentence that looks ahead (checked with its tense).
        let (is, ie) = self.word_before(ns)?;
        if is < self.last_end || !word(is, ie, b"in") {
            return None;
        }
        // ("their first in two years", "the biggest opening in three years", "for the first
        // time in a decade": after a superlative the count measures a stretch, not a date.)
        let mut at = is;
        for _ in 0..4 {
            let Some((ws, we)) = self.word_before(at) else { break };
            let w = &self.b[ws..we];
            let superlative =
                [&b"first"[..], b"last", b"best", b"biggest", b"highest", b"lowest", b"largest", b"worst", b"longest", b"only", b"time"]
                    .iter()
                    .any(|x| w.eq_ignore_ascii_case(x))
                    || (w.len() > 4 && w.ends_with(b"est"));
            if superlative {
                return None;
            }
            at = ws;
        }
        Some(Hit { span: Span::new(is, e), expr: Expr::Count { unit, n, future_only: true }, typo: None, context: false })
    }

    /// "that day", "the same date" (the day named last), "the day after tomorrow", "the
    /// last day of March".
    fn day_unit(&self, st: usize, e: usize) -> Option<Hit> {
        let (ws, we) = self.word_before(st)?;
        if ws < self.last_end {
            return None;
        }
        let is = |s: usize, e: usize, x: &[u8]| self.b[s..e].eq_ignore_ascii_case(x);
        let same = |start: usize| Some(Hit { span: Span::new(start, e), expr: Expr::SameDay, typo: None, context: false });
        if is(ws, we, b"that") {
            return same(ws);
        }
        if is(ws, we, b"same") {
            let (ts, te) = self.word_before(ws)?;
            return if is(ts, te, b"the") && ts >= self.last_end { same(ts) } else { None };
        }
        if is(ws, we, b"the") && is(st, e, b"day") {
            let (as_, ae) = self.word_after(e)?;
            let (bs, be) = self.word_after(ae)?;
            let k = match self.info(bs, be).cal {
                Some(Cal::DayOffset(1)) if is(as_, ae, b"after") => 2,
                Some(Cal::DayOffset(-1)) if is(as_, ae, b"before") => -2,
                _ => return None,
            };
            return Some(Hit { span: Span::new(ws, be), expr: Expr::Days(k), typo: None, context: true });
        }
        if is(ws, we, b"last") && is(st, e, b"day") {
            // "the fifth last day of May" counts back: not read.
            if self.word_before(ws).is_some_and(|(os, oe)| self.ordinal_word(os, oe).is_some()) {
                return None;
            }
            let start = self.the_before(ws);
            return self.in_month(start, e, Pick::LastDay);
        }
        None
    }

    /// A spelled ordinal: "the first of March", "the third day of October", "the first
    /// Tuesday of October", "on the twenty-first". ("the third quarter" is read at
    /// "quarter".)
    fn ordinal(&self, st: usize, e: usize, n: u8) -> Option<Hit> {
        let (mut s0, mut n) = (st, n);
        if let Some((ws, we)) = self.hyphenated_before(st) {
            match self.info(ws, we).cal {
                Some(Cal::Number(t @ (20 | 30))) if n < 10 => {
                    n += t;
                    s0 = ws;
                }
                _ => return None,
            }
        }
        if n > 31 {
            return None;
        }
        let start = self.the_before(s0);
        if let Some((ns, ne)) = self.word_after(e) {
            if let Some(Cal::Weekday { wd, abbr: false }) = self.info(ns, ne).cal {
                return if n <= 5 && self.is_cap(ns) { self.in_month(start, ne, Pick::Nth { n: n as i8, wd }) } else { None };
            }
        }
        self.in_month(start, e, Pick::Day(n)).or_else(|| self.bare_day(start, s0, e, n))
    }

    /// "on the first", "by the 3rd": a day with no month, after "the" and a preposition of
    /// time, and before no noun ("on the 14th floor", "by the third act").
    fn bare_day(&self, start: usize, st: usize, e: usize, d: u8) -> Option<Hit> {
        if start == st {
            return None;
        }
        let (ps, pe) = self.word_before(start)?;
        if self.info(ps, pe).flags & flag::SEASON_CTX == 0 && !self.b[ps..pe].eq_ignore_ascii_case(b"on") {
            return None;
        }
        // ("In the second, a mix-up has Hay taken for a warden": a spelled ordinal after
        // "in" is a part of something; only "on/by/until the second" is a day.)
        let spelled = self.b[st].is_ascii_alphabetic();
        if spelled && ![&b"on"[..], b"by", b"until", b"till"].iter().any(|w| self.b[ps..pe].eq_ignore_ascii_case(w)) {
            return None;
        }
        // ("on the second, Monday, Sept. 27": the second of something, whose date follows.)
        if spelled && self.at(e) == b',' {
            let n = self.skip_ws(e + 1);
            if self.word_at(n).is_some_and(|ne| matches!(self.info(n, ne).cal, Some(Cal::Weekday { .. } | Cal::Month { .. }))) {
                return None;
            }
        }
        if self.word_after(e).is_some_and(|(ns, ne)| self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) == 0) {
            return None;
        }
        Some(Hit { span: Span::new(start, e), expr: Expr::DayOfMonth { day: d, weekday: None }, typo: None, context: false })
    }

    /// After a picked day ending at `p`: "[day] of <month>", and for a weekday or the last
    /// day also "in <month>"; the month is named ("October", "October 2015") or counted
    /// ("next month", "this month", "the month").
    fn in_month(&self, start: usize, p: usize, pick: Pick) -> Option<Hit> {
        let mut p = p;
        if let Pick::Day(_) = pick {
            if let Some((ds, de)) = self.word_after(p) {
                if self.b[ds..de].eq_ignore_ascii_case(b"day") {
                    p = de;
                }
            }
        }
        let (os, oe) = self.word_after(p)?;
        let of = &self.b[os..oe];
        if !(of.eq_ignore_ascii_case(b"of") || (of.eq_ignore_ascii_case(b"in") && !matches!(pick, Pick::Day(_)))) {
            return None;
        }
        // ("Fourth Of July", a capitalised "Of": a title in title case, not a day.)
        if self.b[os] == b'O' {
            return None;
        }
        let q = self.skip_ws(oe);
        if q == oe {
            return None;
        }
        if let Some(mw) = self.month_word(q) {
            let year = self.year_after(mw.end, true, false);
            let end = year.map_or(mw.end, |y| y.span.end);
            if let Pick::Day(d) = pick {
                if d > days_in_month(2024, mw.month) {
                    return Some(Hit::impossible(start, end));
                }
                return self.day_hit(start, end, (mw.month, d), None, year);
            }
            let month = MonthRef::Named { month: mw.month, year: year.map(|y| y.value) };
            return Some(Hit {
                span: Span::new(start, end),
                expr: Expr::InMonth { pick, month },
                typo: year.and_then(typo_of),
                context: true,
            });
        }
        // "the 20th of next month", "the first Monday of this month", "of the month".
        let (mut ws, mut we) = (q, self.word_at(q)?);
        let mut the = false;
        if self.b[ws..we].eq_ignore_ascii_case(b"the") {
            the = true;
            (ws, we) = self.word_after(we)?;
        }
        let offset = match self.info(ws, we).cal {
            Some(Cal::Unit(Unit::Month)) if the => {
                we = ws;
                0
            }
            Some(Cal::Shift(shift)) if !self.b[ws..we].eq_ignore_ascii_case(b"past") && !self.b[ws..we].eq_ignore_ascii_case(b"coming") => {
                match shift {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                }
            }
            _ => return None,
        };
        let (ms, me) = if we == ws { (ws, self.word_at(ws)?) } else { self.word_after(we)? };
        if self.info(ms, me).cal != Some(Cal::Unit(Unit::Month)) || self.apostrophe_at(me).is_some() {
            return None;
        }
        Some(Hit { span: Span::new(start, me), expr: Expr::InMonth { pick, month: MonthRef::Offset(offset) }, typo: None, context: false })
    }

    /// Where a match starting at `st` starts when "the" stands right before it.
    fn the_before(&self, st: usize) -> usize {
        self.word_before(st).filter(|&(ws, we)| ws >= self.last_end && self.b[ws..we].eq_ignore_ascii_case(b"the")).map_or(st, |(ws, _)| ws)
    }

    /// An ordinal word: "third" or "3rd".
    fn ordinal_word(&self, ws: usize, we: usize) -> Option<u8> {
        if let Some(Cal::Ordinal(n)) = self.info(ws, we).cal {
            return Some(n);
        }
        let (d, e) = self.day_at(ws)?;
        (e == we && !self.b[ws..we].iter().all(u8::is_ascii_digit)).then_some(d)
    }

    /// A spelled ordinal day at `p`: "third", "twenty-first"; its value and end.
    fn spelled_ordinal_at(&self, p: usize) -> Option<(u8, usize)> {
        let e = self.word_at(p)?;
        match self.info(p, e).cal? {
            Cal::Ordinal(n) => Some((n, e)),
            Cal::Number(t @ (20 | 30)) if self.at(e) == b'-' => {
                let e2 = self.word_at(e + 1)?;
                match self.info(e + 1, e2).cal? {
                    Cal::Ordinal(n) if n < 10 && t + n <= 31 => Some((t + n, e2)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The day after a month name written another way than "6": "March the 3rd", "March
    /// the third", "March first 2015". Not after a name ("Theresa May first said"), and not
    /// an ordinal that goes on to a noun ("March first-quarter", "in March third place").
    fn spelled_day_after_month(&self, st: usize, q: usize) -> Option<(u8, usize)> {
        if self.word_before(st).is_some_and(|(ws, we)| self.is_title_word(ws, we)) {
            return None;
        }
        let e = self.word_at(q)?;
        let (d, de) = if self.b[q..e].eq_ignore_ascii_case(b"the") {
            let r = self.skip_ws(e);
            if r == e {
                return None;
            }
            self.day_at(r).or_else(|| self.spelled_ordinal_at(r))?
        } else {
            self.spelled_ordinal_at(q)?
        };
        if self.at(de) == b'-' {
            return None;
        }
        let ok = match self.word_after(de) {
            None => true,
            Some((ns, ne)) => self.at(ns).is_ascii_digit() || self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) != 0,
        };
        ok.then_some((d, de))
    }

    /// After "the" (or a capitalised weekday) at `p`, the next word's start; else `p`.
    fn skip_the(&self, p: usize) -> usize {
        match self.word_at(p) {
            Some(e) if self.b[p..e].eq_ignore_ascii_case(b"the") && self.skip_ws(e) > e => self.skip_ws(e),
            // ("from Wednesday 10 through Sunday 14 April": a weekday before the range's
            // second day.)
            Some(e) if self.is_cap(p) && matches!(self.info(p, e).cal, Some(Cal::Weekday { abbr: false, .. })) => {
                let c = if self.at(e) == b',' { e + 1 } else { e };
                if self.skip_ws(c) > c {
                    self.skip_ws(c)
                } else {
                    p
                }
            }
            _ => p,
        }
    }

    /// A run starting with a digit: a year, an ISO or US date, or a day before a month.
    fn number(&mut self, st: usize, e: usize) -> Option<Hit> {
        if let Some(h) = self.listed_day(st, e) {
            return Some(h);
        }
        if self.number_continued(st) || self.amount_before(st) {
            return None;
        }
        let len = e - st;
        if len == 4 {
            if let Some(h) = self.year_number(st, e) {
                return Some(h);
            }
        }
        if len > 4 {
            return None;
        }
        if len == 2 {
            if let Some(h) = self.short_year(st, e) {
                return Some(h);
            }
        }
        if self.at(e) == b'/' {
            return self.us_date(st, e);
        }
        self.day_first(st, false)
            .or_else(|| self.day_at(st).and_then(|(d, e)| self.in_month(self.the_before(st), e, Pick::Day(d))))
            .or_else(|| self.bare_ordinal(st))
    }

    /// "in ’89", "early '95", "since '04": two digits after an apostrophe, governed by a
    /// date word or an edge word ("early", "late", "mid"). Not a decade ("the '90s") nor
    /// a part of a word: the apostrophe follows a space.
    fn short_year(&self, st: usize, e: usize) -> Option<Hit> {
        if e != st + 2 || !self.b[st..e].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let ap = if self.at(st.wrapping_sub(1)) == b'\'' {
            st - 1
        } else if st >= 3 && &self.b[st - 3..st] == "’".as_bytes() {
            st - 3
        } else {
            return None;
        };
        if ap == 0 || !self.b[ap - 1].is_ascii_whitespace() || self.alnum_after(e) || self.apostrophe_at(e).is_some() {
            return None;
        }
        let pf = self.prefix(ap);
        if pf.flags & flag::DATE_CTX == 0 && !pf.edge {
            return None;
        }
        // ("Tales From '85": a capitalised word inside a sentence makes it a title's.)
        if let Some((ws, _)) = self.word_before(ap).filter(|&(ws, _)| self.is_cap(ws)) {
            let back = self.skip_ws_back(ws);
            if back > 0 && !matches!(self.b[back - 1], b'.' | b'!' | b'?' | b'\n') {
                return None;
            }
        }
        let yy = (self.b[st] - b'0') * 10 + (self.b[st + 1] - b'0');
        Some(Hit {
            span: Span::new(if pf.edge { pf.start } else { ap }, e),
            expr: Expr::ShortYear { yy, md: None },
            typo: None,
            context: true,
        })
    }

    /// "on the 14th", "by the 3rd": an ordinal day with no month, after "the" and a
    /// preposition of time ("the 14th of March" is read by `day_first`).
    fn bare_ordinal(&self, st: usize) -> Option<Hit> {
        let (d, e) = self.day_at(st)?;
        if self.b[st..e].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let (ts, te) = self.word_before(st)?;
        if !self.b[ts..te].eq_ignore_ascii_case(b"the") {
            return None;
        }
        // ("The 5th is the date for …": a sentence that opens with the day as its subject.)
        let opens = &self.b[ts..te] == b"The"
            && self.word_before(ts).is_none_or(|(ps, _)| self.b[..ps].trim_ascii_end().ends_with(b"."))
            && self.word_after(e).is_some_and(|(ns, ne)| [&b"is"[..], b"was", b"brings", b"sees"].contains(&&self.b[ns..ne]));
        if !opens {
            let (ps, pe) = self.word_before(ts)?;
            if self.info(ps, pe).flags & flag::SEASON_CTX == 0 && !self.b[ps..pe].eq_ignore_ascii_case(b"on") {
                return None;
            }
        }
        // "on the 14th floor", "by the 3rd quarter": a noun after it. (A subject pronoun
        // or a capitalised name starts the clause: "on the 28th it expands", "on the 19th
        // Io Interactive's game lands"; not "the 20th Century", "the 14th Street".)
        const NOUNS: [&[u8]; 8] = [b"century", b"street", b"avenue", b"floor", b"anniversary", b"amendment", b"annual", b"edition"];
        if !opens
            && self.word_after(e).is_some_and(|(ns, ne)| {
                let w = &self.b[ns..ne];
                let capital =
                    self.b[ns].is_ascii_uppercase() && !NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)) && self.month_named_before(ts);
                self.info(ns, ne).flags & (flag::FUNCTION | flag::CLAUSE) == 0
                    && !capital
                    && ![&b"it"[..], b"he", b"she", b"they", b"we"].iter().any(|x| w.eq_ignore_ascii_case(x))
            })
        {
            return None;
        }
        Some(Hit { span: Span::new(ts, e), expr: Expr::DayOfMonth { day: d, weekday: None }, typo: None, context: false })
    }

    /// "2017", "early 2026", "mid-2026", "2019 to 2021", "2024–25", "2025-09-14", "2o14".
    fn year_number(&mut self, st: usize, e: usize) -> Option<Hit> {
        if self.at(e) == b'-' {
            if let Some(h) = self.iso(st, e) {
                return Some(h);
            }
        }
        let typo_ok = self.typo_context(st, e);
        let y = self.year_at(st, typo_ok)?;
        let pf = self.prefix(st);
        let start = if pf.edge { pf.start } else { st };
        // A range: "2019–2021", "2019 to 2021", "2024-25", "2024/25", "between 2019 and 2021".
        if !y.typo {
            if let Some(r) = self.connector(e, pf.between) {
                if let Some(y2) = self.year_at(r, false) {
                    if y2.value > y.value {
                        return Some(Hit {
                            span: Span::new(start, y2.span.end),
                            expr: Expr::Range(Point::Year(y.value), Point::Year(y2.value)),
                            typo: None,
                            context: false,
                        });
                    }
                }
            }
            let r = if self.at(e) == b'/' { Some(e + 1) } else { self.dash_at(e) };
            if let Some(r) = r {
                if let Some((yy, re)) = self.two_digits(r) {
                    let y2 = y.value - y.value % 100 + yy;
                    if y2 > y.value {
                        return Some(Hit {
                            span: Span::new(start, re),
                            expr: Expr::Range(Point::Year(y.value), Point::Year(y2)),
                            typo: None,
                            context: false,
                        });
                    }
                }
            }
        }
        // Any other number glued on is not a year: "2025-123", "2024/7".
        if matches!(self.at(e), b'-' | b'/') && self.at(e + 1).is_ascii_digit() {
            return None;
        }
        if let Some((ws, we)) = self.word_before(st) {
            let info = self.info(ws, we);
            // "Blade Runner 2049", "Gamescom 2025": a year right after a name is the name's.
            if self.is_title_word(ws, we) {
                return None;
            }
            // "more than 2000", "page 1999".
            if info.has(flag::QUANTITY) || (info.has(flag::LABEL) && !self.is_cap(ws)) {
                return None;
            }
            // "the 2010's" is a decade.
            if self.b[ws..we].eq_ignore_ascii_case(b"the")
                && y.value % 10 == 0
                && self.apostrophe_at(e).is_some_and(|p| matches!(self.at(p), b's' | b'S'))
            {
                return None;
            }
        }
        // "2001: A Space Odyssey".
        if self.at(e) == b':' {
            let r = self.skip_ws(e + 1);
            if r > e + 1 && self.is_cap(r) {
                return None;
            }
        }
        // "2000 theaters".
        if let Some((ns, ne)) = self.word_after(e) {
            if self.info(ns, ne).has(flag::COUNT) {
                return None;
            }
        }
        // Only a year governed by a date word ("in 2019") dates what follows it, or the
        // year of an edition of an event ("the 1996 edition of the festival (Aug. 22 to
        // Sept. 2)", "the 2023 season opens Aug. 22").
        let edition = self.word_after(e).is_some_and(|(ns, ne)| {
            let w = &self.b[ns..ne];
            [
                &b"edition"[..],
                b"festival",
                b"fest",
                b"season",
                b"ceremony",
                b"tour",
                b"conference",
                b"convention",
                b"expo",
                b"showcase",
                b"event",
            ]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
        });
        let context = pf.flags & flag::DATE_CTX != 0 || edition;
        Some(Hit { span: Span::new(start, e), expr: Expr::Point(Point::Year(y.value)), typo: typo_of(y), context })
    }

    /// "2025-09-14".
    fn iso(&self, st: usize, e: usize) -> Option<Hit> {
        let b = self.b;
        let (m, me) = self.two_digits(e + 1)?;
        if self.at(me) != b'-' {
            return None;
        }
        let (d, de) = self.two_digits(me + 1)?;
        if self.number_continues(de) || self.at(de) == b'-' {
            return None;
        }
        let y = std::str::from_utf8(&b[st..e]).ok()?.parse::<i32>().ok().filter(|y| YEARS.contains(y))?;
        if Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).is_none() {
            return ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| Hit::impossible(st, de));
        }
        Some(Hit {
            span: Span::new(st, de),
            expr: Expr::Point(Point::Day { year: Some(y), month: m as u8, day: d as u8, weekday: None }),
            typo: None,
            context: true,
        })
    }

    /// "11/12 – Lake Perris, CA", "(9/28)": a month and day with no year, read only where a
    /// list gives them: opening a line before a dash, or alone in parentheses.
    fn month_day_row(&self, st: usize, de: usize, m: u8, d: u8) -> Option<Hit> {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || self.at(de).is_ascii_alphanumeric() || self.at(de) == b'/' {
            return None;
        }
        let line_start = self.b[..st].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1);
        let lead = &self.b[line_start..st];
        let opens_line = lead.iter().all(|c| c.is_ascii_whitespace() || matches!(c, b'-' | b'*' | b'#'))
            || lead.starts_with("•".as_bytes()) && lead["•".len()..].iter().all(u8::is_ascii_whitespace);
        let after = self.skip_ws(de);
        // (A dash, not a colon: "1/15: 'Narcos': Sept. 1" counts slides.)
        let separated =
            self.at(after) == b'-' || self.b[after..].starts_with("–".as_bytes()) || self.b[after..].starts_with("—".as_bytes());
        let in_parens = st > 0 && self.at(st - 1) == b'(' && self.at(de) == b')';
        // ("9/23 Hollywood, FL" then "9/25 Orlando, FL": a run of lines that each open with a
        // month and day, then a capitalised word, is a list of dates without dashes.)
        let parallel = opens_line && after > de && self.at(after).is_ascii_uppercase() && {
            let line_end = self.b[de..].iter().position(|&c| c == b'\n').map_or(self.b.len(), |i| de + i);
            let prev_start = line_start.checked_sub(1).map(|p| self.b[..p].iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1));
            Self::opens_with_month_day(&self.b[(line_end + 1).min(self.b.len())..])
                || prev_start.is_some_and(|p| Self::opens_with_month_day(&self.b[p..line_start]))
        };
        if !((opens_line && (separated || parallel)) || in_parens) {
            return None;
        }
        Some(Hit {
            span: Span::new(st, de),
            expr: Expr::Point(Point::Day { year: None, month: m, day: d, weekday: None }),
            typo: None,
            context: false,
        })
    }

    /// Whether `line` opens with a month and day ("9/25 ", "10/4 ") then a capital.
    fn opens_with_month_day(line: &[u8]) -> bool {
        let digits = |from: usize| line[from.min(line.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        let m = digits(0);
        if !(1..=2).contains(&m) || line.get(m) != Some(&b'/') {
            return false;
        }
        let d = digits(m + 1);
        (1..=2).contains(&d) && line.get(m + 1 + d) == Some(&b' ') && line.get(m + 2 + d).is_some_and(u8::is_ascii_uppercase)
    }

    /// "07/15/2025", "7/4/2026" (month first, as US outlets write it).
    fn us_date(&self, st: usize, e: usize) -> Option<Hit> {
        let m = self.small_number(st, e)?;
        let ds = e + 1;
        let de = self.run_end(ds);
        let d = self.small_number(ds, de)?;
        if self.at(de) != b'/' {
            return self.month_day_row(st, de, m, d);
        }
        let Some(y) = self.year_at(de + 1, false) else {
            // "02/21/20": a year of two digits.
            let (yy, ye) = self.two_digits(de + 1)?;
            if self.number_continues(ye) || self.at(ye) == b'/' || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                return None;
            }
            return Some(Hit {
                span: Span::new(st, ye),
                expr: Expr::ShortYear { yy: yy as u8, md: Some((m, d)) },
                typo: None,
                context: true,
            });
        };
        if self.number_continues(y.span.end) || self.at(y.span.end) == b'/' {
            return None;
        }
        if Date::new(y.value, m, d).is_none() {
            return ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| Hit::impossible(st, y.span.end));
        }
        Some(Hit {
            span: Span::new(st, y.span.end),
            expr: Expr::Point(Point::Day { year: Some(y.value), month: m, day: d, weekday: None }),
            typo: None,
            context: true,
        })
    }

    /// "6 June 2025", "6th of June", "4–14 September 2025"; without a year only after a
    /// date word ("on 6 June") or in "the 6th of June".
    fn day_first(&mut self, st: usize, forced: bool) -> Option<Hit> {
        let (d1, e1) = self.day_at(st)?;
        let mut d2 = None;
        let mut end_days = e1;
        if let Some(r) = self.connector(e1, false) {
            if let Some((d, e)) = self.day_at(self.skip_the(r)).filter(|&(d, _)| d > d1) {
                d2 = Some(d);
                end_days = e;
            }
        }
        let mut q = self.skip_ws(end_days);
        if q == end_days {
            return None;
        }
        let mut via_of = false;
        if let Some(oe) = self.word_at(q) {
            if self.b[q..oe].eq_ignore_ascii_case(b"of") {
                let r = self.skip_ws(oe);
                if r == oe {
                    return None;
                }
                q = r;
                via_of = true;
            }
        }
        let mw = self.month_word(q)?;
        let year = self.year_after(mw.end, true, false);
        // "from 30 August to 9 September (2025)": a range across two months.
        if d2.is_none() && year.is_none() && !self.after_move_from(st) && d1 <= days_in_month(2024, mw.month) {
            if let Some(r) = self.connector(mw.end, false) {
                if let Some((d, e)) = self.day_at(self.skip_the(r)) {
                    let q2 = self.skip_ws(e);
                    if let Some(mw2) = self.month_word(q2).filter(|m| q2 > e && m.month != mw.month && d <= days_in_month(2024, m.month)) {
                        let y2 = self.year_after(mw2.end, true, false);
                        let end = y2.map_or(mw2.end, |y| y.span.end);
                        return self.day_hit(st, end, (mw.month, d1), Some((mw2.month, d)), y2);
                    }
                }
            }
        }
        // A range ("1-8 September") or an ordinal ("15th February") is a date by itself; a
        // bare "6 June" needs a date word before it.
        let suffixed = !self.b[st..e1].iter().all(u8::is_ascii_digit);
        if year.is_none() && !forced && !via_of && d2.is_none() && !suffixed {
            let ok = self.word_before(st).is_some_and(|(ws, we)| {
                let info = self.info(ws, we);
                info.has(flag::DATE_CTX) || matches!(info.cal, Some(Cal::Weekday { .. }))
            });
            if !ok {
                return None;
            }
        }
        let dim = days_in_month(2024, mw.month);
        let end = year.map_or(mw.end, |y| y.span.end);
        if d1 > dim || d2.is_some_and(|d| d > dim) {
            return Some(Hit::impossible(st, end));
        }
        self.day_hit(st, end, (mw.month, d1), d2.map(|d| (mw.month, d)), year)
    }

    // ---- context ----

    /// What stands before the trigger at `st`.
    fn prefix(&self, st: usize) -> Prefix {
        let mut pf = Prefix { start: st, shift: Shift::Tense, shift_start: st, edge: false, flags: 0, between: false, list: false };
        // "mid-June", "mid-2026".
        if let Some((ws, we)) = self.hyphenated_before(st) {
            if self.b[ws..we].eq_ignore_ascii_case(b"mid") {
                pf.edge = true;
                pf.flags = flag::DATE_CTX | flag::MM_CTX;
                if ws >= self.last_end {
                    pf.start = ws;
                }
            }
            return pf;
        }
        let Some((ws, we)) = self.word_before(st) else { return pf };
        let info = self.info(ws, we);
        let word = &self.b[ws..we];
        pf.flags = info.flags;
        // "as recently as January", "as early as May": the comparison "as W as" is a
        // date context (not a bare "as": "known as June").
        if word.eq_ignore_ascii_case(b"as")
            && self.word_before(ws).and_then(|(s, _)| self.word_before(s)).is_some_and(|(s, e)| self.b[s..e].eq_ignore_ascii_case(b"as"))
        {
            pf.flags |= flag::DATE_CTX | flag::MM_CTX;
        }
        pf.between = word.eq_ignore_ascii_case(b"between");
        pf.list = (word.eq_ignore_ascii_case(b"and") || word.eq_ignore_ascii_case(b"or")) && self.last_end > 0 && {
            let back = self.skip_ws_back(ws);
            back == self.last_end || (back == self.last_end + 1 && self.at(self.last_end) == b',')
        };
        let extendable = ws >= self.last_end;
        match info.cal {
            Some(Cal::Shift(mut shift)) => {
                let mut s0 = ws;
                // "past" and "coming" shift only after "this": "this past summer".
                if word.eq_ignore_ascii_case(b"past") || word.eq_ignore_ascii_case(b"coming") {
                    match self.word_before(ws) {
                        Some((ts, te)) if self.b[ts..te].eq_ignore_ascii_case(b"this") => s0 = ts,
                        _ => return pf,
                    }
                } else if word.eq_ignore_ascii_case(b"this") {
                    shift = Shift::This;
                }
                if !extendable || s0 < self.last_end {
                    return pf;
                }
                pf.shift = shift;
                pf.shift_start = s0;
                pf.start = s0;
                // "earlier this year", "early next year", "later this summer".
                if let Some((es, ee)) = self.word_before(s0) {
                    if self.info(es, ee).cal == Some(Cal::Edge) && es >= self.last_end {
                        pf.start = es;
                    }
                }
            }
            Some(Cal::Edge) if extendable && !word.eq_ignore_ascii_case(b"earlier") && !word.eq_ignore_ascii_case(b"later") => {
                pf.edge = true;
                pf.start = ws;
            }
            _ => {}
        }
        pf
    }

    /// Whether the year at `[st, e)` may be read from a typo ("in 2o14", "its 2o14
    /// release", "June 2O25").
    fn typo_context(&self, st: usize, e: usize) -> bool {
        if self.b[st..e].iter().all(u8::is_ascii_digit) {
            return true;
        }
        let before = self.word_before(st).map(|(ws, we)| self.info(ws, we));
        if before.is_some_and(|i| i.has(flag::TYPO_CTX) || matches!(i.cal, Some(Cal::Month { .. }))) {
            return true;
        }
        self.word_after(e).is_some_and(|(ns, ne)| self.info(ns, ne).has(flag::TYPO_AFTER))
    }

    /// A capitalised word that would make a following year or weekday part of a name:
    /// not a function word, a verb ("Opens Friday"), a calendar word or a possessive.
    fn is_title_word(&self, ws: usize, we: usize) -> bool {
        if !self.is_cap(ws) || self.is_possessive(ws, we) {
            return false;
        }
        let info = self.info(ws, we);
        // A holiday name before a year is a title's word too ("Halloween 2018") unless
        // the holiday rule read the two together first.
        (info.cal.is_none() || matches!(info.cal, Some(Cal::Holiday(_) | Cal::Number(_))))
            && info.flags & (flag::FUNCTION | flag::VERB | flag::DATE_CTX | flag::TYPO_CTX | flag::COPULA | flag::AUX_PAST | flag::PERFECT)
                == 0
    }

    fn is_possessive(&self, ws: usize, we: usize) -> bool {
        we - ws == 1 && matches!(self.b[ws], b's' | b'S') && self.apostrophe_before(ws)
    }

    // ---- pieces ----

    /// A month name at `p`, capitalised, with the period of an abbreviation.
    /// Whether a full month name stands in the 320 bytes before `p`, on the same line
    /// (a paragraph): the month a bare "the 19th" counts in ("September is when …, and on the
    /// 19th Io Interactive's game lands"; not "details on the 20th Dragon Ball movie").
    fn month_named_before(&self, p: usize) -> bool {
        let mut from = p.saturating_sub(320);
        // (The same line: any line break ends the search, "\r\n" and U+2028 as well.)
        let seg = &self.b[from..p];
        let brk = (0..seg.len()).rev().find(|&i| {
            matches!(seg[i], b'\n' | b'\r')
                || (i >= 2 && seg[i - 2..=i] == [0xE2, 0x80, 0xA8])
                || (i >= 2 && seg[i - 2..=i] == [0xE2, 0x80, 0xA9])
        });
        if let Some(i) = brk {
            from += i + 1;
        }
        let mut k = from;
        while k < p {
            if self.b[k].is_ascii_uppercase() && (k == 0 || !self.b[k - 1].is_ascii_alphanumeric()) {
                let e = self.run_end(k).min(p);
                if matches!(self.info(k, e).cal, Some(Cal::Month { abbr: false, .. })) {
                    return true;
                }
                k = e.max(k + 1);
            } else {
                k += 1;
            }
        }
        false
    }

    fn month_word(&self, p: usize) -> Option<MonthWord> {
        let e = self.word_at(p)?;
        if !self.is_cap(p) {
            return None;
        }
        match self.info(p, e).cal {
            Some(Cal::Month { month, abbr }) => Some(self.month_word_end(e, month, abbr)),
            _ => None,
        }
    }

    fn month_word_end(&self, e: usize, month: u8, abbr: bool) -> MonthWord {
        if abbr && self.at(e) == b'.' {
            MonthWord { month, end: e + 1, bare_abbr: false }
        } else {
            MonthWord { month, end: e, bare_abbr: abbr }
        }
    }

    /// A day of the month at `p`: "6", "06", "6th"; not a clock time ("8 p.m.", "2:15"),
    /// a decimal or a grouped number.
    fn day_at(&self, p: usize) -> Option<(u8, usize)> {
        if !self.at(p).is_ascii_digit() || self.alnum_before(p) {
            return None;
        }
        let e = self.run_end(p);
        let mut k = p;
        while k < e && self.b[k].is_ascii_digit() {
            k += 1;
        }
        if k - p > 2 || self.alnum_after(e) {
            return None;
        }
        let suffix = &self.b[k..e];
        if !suffix.is_empty() && ![&b"st"[..], b"nd", b"rd", b"th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)) {
            return None;
        }
        let d = self.b[p..k].iter().fold(0u8, |a, &c| a * 10 + (c - b'0'));
        if !(1..=31).contains(&d) || self.number_continues(e) || self.at(e) == b'%' {
            return None;
        }
        if let Some((ns, ne)) = self.word_after(e) {
            let w = &self.b[ns..ne];
            let clock = ((w.eq_ignore_ascii_case(b"a") || w.eq_ignore_ascii_case(b"p")) && self.at(ne) == b'.')
                || w.eq_ignore_ascii_case(b"am")
                || w.eq_ignore_ascii_case(b"pm");
            if clock {
                return None;
            }
        }
        Some((d, e))
    }

    /// A plausible year at `p`: four digits, or with `typo_ok` a letter for a digit
    /// ("2o14", "2OI9").
    fn year_at(&self, p: usize, typo_ok: bool) -> Option<Year> {
        if !self.at(p).is_ascii_digit() || self.alnum_before(p) {
            return None;
        }
        let e = self.run_end(p);
        if e - p != 4 || self.alnum_after(e) {
            return None;
        }
        let mut value = 0i32;
        let mut typo = false;
        for &c in &self.b[p..e] {
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'o' | b'O' => {
                    typo = true;
                    0
                }
                b'l' | b'I' => {
                    typo = true;
                    1
                }
                _ => return None,
            };
            value = value * 10 + i32::from(d);
        }
        if (typo && !typo_ok) || !YEARS.contains(&value) || self.number_continues(e) || self.at(e) == b'%' {
            return None;
        }
        Some(Year { value, span: Span::new(p, e), typo })
    }

    /// A year after a day or month: ", 2025", " 2025", and with `of` " of 2025".
    fn year_after(&self, p: usize, typo_ok: bool, of: bool) -> Option<Year> {
        let q = if self.at(p) == b',' { p + 1 } else { p };
        let r = self.skip_ws(q);
        if r == q {
            return None;
        }
        if of {
            if let Some(oe) = self.word_at(r) {
                if self.b[r..oe].eq_ignore_ascii_case(b"of") {
                    let r2 = self.skip_ws(oe);
                    return if r2 > oe && q == p { self.year_at(r2, typo_ok) } else { None };
                }
            }
        }
        self.year_at(r, typo_ok)
    }

    /// "next year", " of last year", ", this year" after a month or day: the year offset
    /// and where it ends.
    fn year_offset_after(&self, p: usize) -> Option<(i8, usize)> {
        let q = if self.at(p) == b',' { p + 1 } else { p };
        let (mut s, mut e) = self.word_after(q)?;
        if self.b[s..e].eq_ignore_ascii_case(b"of") {
            (s, e) = self.word_after(e)?;
        }
        let offset = match self.info(s, e).cal {
            Some(Cal::Shift(Shift::This)) if self.b[s..e].eq_ignore_ascii_case(b"this") => 0,
            Some(Cal::Shift(Shift::Last)) if self.b[s..e].eq_ignore_ascii_case(b"last") => -1,
            Some(Cal::Shift(Shift::Next)) if self.b[s..e].eq_ignore_ascii_case(b"next") => 1,
            _ => return None,
        };
        let (ys, ye) = self.word_after(e)?;
        self.b[ys..ye].eq_ignore_ascii_case(b"year").then_some((offset, ye))
    }

    /// A range connector after `p`: a dash, "to", "through", "until", and "and" when
    /// allowed ("between ... and"); returns where the next part starts.
    fn connector(&self, p: usize, and: bool) -> Option<usize> {
        let q = self.skip_ws(p);
        if let Some(e) = self.dash_at(q) {
            return Some(self.skip_ws(e));
        }
        if q == p {
            return None;
        }
        let e = self.word_at(q)?;
        let w = &self.b[q..e];
        let ok = [&b"to"[..], b"through", b"thru", b"until", b"till"].iter().any(|c| w.eq_ignore_ascii_case(c))
            || (and && w.eq_ignore_ascii_case(b"and"));
        let r = self.skip_ws(e);
        (ok && r > e).then_some(r)
    }

    /// Exactly two digits at `p`, not followed by more.
    fn two_digits(&self, p: usize) -> Option<(i32, usize)> {
        let (a, b) = (self.at(p), self.at(p + 1));
        if !a.is_ascii_digit() || !b.is_ascii_digit() || self.at(p + 2).is_ascii_alphanumeric() || self.alnum_after(p + 2) {
            return None;
        }
        Some((i32::from(a - b'0') * 10 + i32::from(b - b'0'), p + 2))
    }

    /// One or two digits `[p, e)`, 1..=31.
    fn small_number(&self, p: usize, e: usize) -> Option<u8> {
        let w = self.b.get(p..e)?;
        if w.is_empty() || w.len() > 2 || !w.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = w.iter().fold(0u8, |a, &c| a * 10 + (c - b'0'));
        (1..=31).contains(&n).then_some(n)
    }

    // ---- bytes ----

    #[inline]
    fn at(&self, p: usize) -> u8 {
        self.b.get(p).copied().unwrap_or(0)
    }

    #[inline]
    fn run_end(&self, mut p: usize) -> usize {
        while p < self.b.len() && self.b[p].is_ascii_alphanumeric() {
            p += 1;
        }
        p
    }

    fn run_start(&self, mut p: usize) -> usize {
        while p > 0 && self.b[p - 1].is_ascii_alphanumeric() {
            p -= 1;
        }
        p
    }

    fn is_cap(&self, p: usize) -> bool {
        self.at(p).is_ascii_uppercase()
    }

    /// Whether a letter or digit of any script ends just before `p`.
    fn alnum_before(&self, p: usize) -> bool {
        match p.checked_sub(1).and_then(|q| self.b.get(q)) {
            None => false,
            Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
            Some(_) => self.s.get(..p).and_then(|t| t.chars().next_back()).is_some_and(char::is_alphanumeric),
        }
    }

    /// Whether a letter or digit of any script starts at `p`.
    fn alnum_after(&self, p: usize) -> bool {
        match self.b.get(p) {
            None => false,
            Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
            Some(_) => self.s.get(p..).and_then(|t| t.chars().next()).is_some_and(char::is_alphanumeric),
        }
    }

    /// Skips spaces, tabs and no-break spaces, never a line break.
    fn skip_ws(&self, mut p: usize) -> usize {
        loop {
            match self.at(p) {
                b' ' | b'\t' => p += 1,
                0xC2 if self.at(p + 1) == 0xA0 => p += 2,
                _ => return p,
            }
        }
    }

    fn skip_ws_back(&self, mut p: usize) -> usize {
        loop {
            if p >= 1 && matches!(self.b[p - 1], b' ' | b'\t') {
                p -= 1;
            } else if p >= 2 && self.b[p - 2] == 0xC2 && self.b[p - 1] == 0xA0 {
                p -= 2;
            } else {
                return p;
            }
        }
    }

    /// The end of a whole word starting at `p`.
    fn word_at(&self, p: usize) -> Option<usize> {
        if !self.at(p).is_ascii_alphanumeric() || self.alnum_before(p) {
            return None;
        }
        let e = self.run_end(p);
        (!self.alnum_after(e)).then_some(e)
    }

    /// Whether the match at `st` follows "from" after a move verb ("moved “Iron Orchard”
    /// from March 4th to August 12th"): then "from A to B" names the old date and the new
    /// one, two dates, not one range.
    fn after_move_from(&self, st: usize) -> bool {
        self.after_move(st, &[b"from"])
    }

    /// Whether the match at `st` follows one of `preps` after a move verb ("delays X to
    /// October", "pushed the film from June").
    fn after_move(&self, st: usize, preps: &[&[u8]]) -> bool {
        let Some((fs, fe)) = self.word_before(st) else { return false };
        if !preps.iter().any(|p| self.b[fs..fe].eq_ignore_ascii_case(p)) {
            return false;
        }
        let mut p = fs;
        for _ in 0..8 {
            let e = self.skip_back_to_word(p);
            if e == 0 || self.b[e..p].iter().any(|&c| c == b';' || c == b'.') {
                return false;
            }
            let s = self.run_start(e);
            if self.info(s, e).has(flag::MOVE) {
                return true;
            }
            p = s;
        }
        false
    }

    /// The end of the last alphanumeric run before `p` (0 if none).
    fn skip_back_to_word(&self, mut p: usize) -> usize {
        while p > 0 && !self.b[p - 1].is_ascii_alphanumeric() {
            p -= 1;
        }
        p
    }

    /// The whole word before `p` with only whitespace between.
    fn word_before(&self, p: usize) -> Option<(usize, usize)> {
        let e = self.skip_ws_back(p);
        if e == p || e == 0 || !self.b[e - 1].is_ascii_alphanumeric() {
            return None;
        }
        let s = self.run_start(e);
        (!self.alnum_before(s)).then_some((s, e))
    }

    /// The word glued by a hyphen before `p` ("mid-" of "mid-June", "third-" of
    /// "third-quarter").
    fn hyphenated_before(&self, p: usize) -> Option<(usize, usize)> {
        if p < 2 || self.b[p - 1] != b'-' || !self.b[p - 2].is_ascii_alphabetic() {
            return None;
        }
        let s = self.run_start(p - 1);
        (!self.alnum_before(s)).then_some((s, p - 1))
    }

    /// The whole word after `p` with only whitespace between.
    fn word_after(&self, p: usize) -> Option<(usize, usize)> {
        let s = self.skip_ws(p);
        if s == p {
            return None;
        }
        self.word_at(s).map(|e| (s, e))
    }

    /// Whether a capitalised word follows `p` after whitespace only.
    fn cap_word_after(&self, p: usize) -> bool {
        self.word_after(p).is_some_and(|(s, _)| self.is_cap(s))
    }

    fn info(&self, s: usize, e: usize) -> Info {
        self.w.get(&self.b[s..e]).unwrap_or_default()
    }

    /// A dash at `p` (hyphen, en dash, em dash): its end.
    fn dash_at(&self, p: usize) -> Option<usize> {
        match self.at(p) {
            b'-' => Some(p + 1),
            0xE2 if self.at(p + 1) == 0x80 && matches!(self.at(p + 2), 0x93 | 0x94) => Some(p + 3),
            _ => None,
        }
    }

    /// An apostrophe at `p` (straight or curly): its end.
    fn apostrophe_at(&self, p: usize) -> Option<usize> {
        match self.at(p) {
            b'\'' => Some(p + 1),
            0xE2 if self.at(p + 1) == 0x80 && self.at(p + 2) == 0x99 => Some(p + 3),
            _ => None,
        }
    }

    fn apostrophe_before(&self, p: usize) -> bool {
        (p >= 1 && self.b[p - 1] == b'\'') || (p >= 3 && self.b[p - 3..p] == [0xE2, 0x80, 0x99])
    }

    /// Whether the number ending at `e` goes on (",000", ".5", ":15", "/25").
    fn number_continues(&self, e: usize) -> bool {
        matches!(self.at(e), b',' | b'.' | b':' | b'/') && self.at(e + 1).is_ascii_digit()
    }

    /// Whether the number starting at `p` continues an earlier one ("1,984", "2:15").
    fn number_continued(&self, p: usize) -> bool {
        p >= 2 && matches!(self.b[p - 1], b',' | b'.' | b':' | b'/' | b'-') && self.b[p - 2].is_ascii_digit()
    }

    /// Whether a currency or number sign stands right before `p` ("$2025", "#1999").
    fn amount_before(&self, p: usize) -> bool {
        let b = self.b;
        (p >= 1 && matches!(b[p - 1], b'$' | b'#'))
            || (p >= 2 && b[p - 2..p] == [0xC2, 0xA3])
            || (p >= 3 && b[p - 3..p] == [0xE2, 0x82, 0xAC])
    }
}

fn typo_of(y: Year) -> Option<(Span, i32)> {
    y.typo.then_some((y.span, y.value))
}
