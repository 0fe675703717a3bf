//! Resolution: a match becomes an ISO value at the granularity the text states, using the
//! publication date (and the tense of the sentence) only where the text leaves something
//! out. Without a publication date such a match has no value: never a guess.

use crate::date::Date;
use crate::dates::scan::{Expr, MonthRef, Pick, Point};
use crate::dates::tense::Tense;
use crate::dates::words::{nth_weekday, Season, Shift, Unit};
use crate::facts::{DateValue, Granularity};

/// What the resolver knows besides the match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    pub published: Option<Date>,
    pub tense: Tense,
    /// The last year written out earlier in the same sentence ("in 2019 ... in March").
    pub context_year: Option<i32>,
    /// Whether that year is the target of a move ("pushed into 2014, landing between July
    /// and September"): it dates what follows whatever the tense of the verb.
    pub context_target: bool,
    /// The year and month of the last day named earlier in the article ("dated Sept. 14.
    /// ... debuts on the 14th").
    pub context_month: Option<(i32, u8)>,
    /// The last day named a sentence or two before, for "that day" and "the same date".
    pub context_day: Option<Date>,
}

/// A resolved match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Resolved {
    pub value: Option<DateValue>,
    pub granularity: Granularity,
    /// Whether the value needed the publication date.
    pub relative: bool,
    /// Whether the value fell outside the years 0000 to 9999 and was left out.
    pub out_of_range: bool,
}

/// A value at its granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Val {
    Day(Date),
    Month(i32, u8),
    Year(i32),
    Quarter(i32, u8),
    Season(i32, u8),
}

impl Val {
    fn in_iso_years(self) -> bool {
        let y = match self {
            Val::Day(d) => d.year(),
            Val::Month(y, _) | Val::Year(y) | Val::Quarter(y, _) | Val::Season(y, _) => y,
        };
        (0..=9999).contains(&y)
    }

    fn iso(self) -> String {
        match self {
            Val::Day(d) => d.to_string(),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Season(y, s) => format!("{y:04}-{}", SEASONS[usize::from(s)].code()),
        }
    }
}

const SEASONS: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

/// The granularity of what a match says, resolved or not.
pub(crate) fn granularity(expr: &Expr) -> Granularity {
    match expr {
        Expr::Point(p) | Expr::Range(p, _) | Expr::YearOffset(p, _) => match p {
            Point::Day { .. } => Granularity::Day,
            Point::Month { .. } => Granularity::Month,
            Point::Year(_) => Granularity::Year,
            Point::Quarter { .. } => Granularity::Quarter,
            Point::Season { .. } => Granularity::Season,
        },
        Expr::Days(_)
        | Expr::Weekday { .. }
        | Expr::DayOfMonth { .. }
        | Expr::Holiday { .. }
        | Expr::InMonth { .. }
        | Expr::WeekdayOfWeek { .. }
        | Expr::SameDay => Granularity::Day,
        Expr::QuarterOf(_) => Granularity::Quarter,
        Expr::Unit { unit, .. } | Expr::Count { unit, .. } => match unit {
            Unit::Day | Unit::Week => Granularity::Day,
            Unit::Month => Granularity::Month,
            Unit::Quarter => Granularity::Quarter,
            Unit::Year => Granularity::Year,
        },
        Expr::SeasonRel { .. } => Granularity::Season,
        Expr::ShortYear { md: None, .. } => Granularity::Year,
        Expr::ShortYear { md: Some(_), .. } => Granularity::Day,
        Expr::Impossible => Granularity::Day,
    }
}

/// Whether resolving `expr` may look at the tense of its sentence.
pub(crate) fn needs_tense(expr: &Expr) -> bool {
    match expr {
        Expr::Point(p) => point_needs_tense(p),
        Expr::Range(a, b) => point_needs_tense(a) && point_needs_tense(b),
        Expr::Weekday { shift, .. } => *shift == Shift::Tense,
        Expr::DayOfMonth { .. } | Expr::Holiday { .. } | Expr::QuarterOf(_) => true,
        Expr::Count { future_only, .. } => *future_only,
        Expr::SeasonRel { shift, .. } => matches!(shift, Shift::This | Shift::Tense),
        Expr::InMonth { month: MonthRef::Named { year: None, .. }, .. } => true,
        _ => false,
    }
}

fn point_needs_tense(p: &Point) -> bool {
    matches!(p, Point::Day { year: None, .. } | Point::Month { year: None, shift: Shift::Tense, .. })
}

/// Resolves one match.
pub(crate) fn resolve(expr: &Expr, a: &Anchor) -> Resolved {
    let granularity = granularity(expr);
    let (vals, relative) = match *expr {
        Expr::Point(p) => {
            let (v, rel) = point(p, a);
            (v.map(|v| (v, None)), rel)
        }
        Expr::Range(from, to) => {
            let (v, rel) = range(from, to, a);
            (v.map(|(f, t)| (f, Some(t))), rel)
        }
        Expr::YearOffset(p, offset) => {
            let v = a.published.and_then(|d| point(with_year(p, d.year() + i32::from(offset)), a).0);
            (v.map(|v| (v, None)), true)
        }
        Expr::Impossible => (None, false),
        // (Of the years that end in these digits, the one nearest the publication year:
        // "’95" in 1994 is 1995, "’89" in 2019 is 1989. Written out, so not relative.)
        Expr::ShortYear { yy, md } => {
            let year = |p: Date| {
                let base = p.year() - p.year().rem_euclid(100) + i32::from(yy);
                [base - 100, base, base + 100].into_iter().min_by_key(|y| (y - p.year()).abs())
            };
            let v = a.published.and_then(year).and_then(|y| match md {
                None => Some(Val::Year(y)),
                Some((m, d)) => Date::new(y, m, d).map(Val::Day),
            });
            (v.map(|v| (v, None)), false)
        }
        Expr::Holiday { holiday, eve } => {
            let on = |y: i32| holiday.on(y).and_then(|d| d.add_days(if eve { -1 } else { 0 }));
            let v = a.published.and_then(|p| by_tense(p, [p.year() - 1, p.year(), p.year() + 1].map(on), a.tense));
            (v.map(|d| (Val::Day(d), None)), true)
        }
        Expr::DayOfMonth { day, weekday: None } => match a.context_month {
            Some((y, m)) => (Date::new(y, m, day).map(|d| (Val::Day(d), None)), false),
            None => (a.published.and_then(|p| day_of_month(p, day, a.tense)).map(|d| (Val::Day(d), None)), true),
        },
        Expr::DayOfMonth { day, weekday: Some(wd) } => {
            let anchor = a.context_month.and_then(|(y, m)| Date::new(y, m, 1)).or(a.published);
            (anchor.and_then(|p| day_on_weekday(p, day, wd, a.tense)).map(|d| (Val::Day(d), None)), true)
        }
        Expr::InMonth { pick, month } => {
            let (ym, rel) = match month {
                MonthRef::Named { month, year: Some(y) } => (Some((y, month)), false),
                MonthRef::Named { month, year: None } => match a.context_year {
                    Some(y) => (Some((y, month)), false),
                    None => (a.published.map(|p| (month_year(p, month, Shift::Tense, a.tense), month)), true),
                },
                MonthRef::Offset(k) => (a.published.map(|p| month_plus(p, i64::from(k))), true),
            };
            let day = ym.and_then(|(y, m)| match pick {
                Pick::Day(d) => Date::new(y, m, d),
                Pick::Nth { n, wd } => nth_weekday(y, m, n, wd),
                Pick::LastDay => Date::new(y, m, crate::date::days_in_month(y, m)),
            });
            (day.map(|d| (Val::Day(d), None)), rel)
        }
        Expr::SameDay => (a.context_day.map(|d| (Val::Day(d), None)), false),
        _ => (relative(expr, a), true),
    };
    // ISO 8601 without an expanded representation has years 0000 to 9999 only.
    let out_of_range = vals.is_some_and(|(f, t)| !f.in_iso_years() || t.is_some_and(|t| !t.in_iso_years()));
    let value = vals.filter(|_| !out_of_range).map(|v| match v {
        (f, Some(t)) => DateValue::Range { from: f.iso(), to: t.iso() },
        (f, None) => DateValue::Point(f.iso()),
    });
    Resolved { value, granularity, relative, out_of_range }
}

/// A written value, its year filled in from context or the publication date when left
/// out. The flag says whether the publication date was needed.
fn point(p: Point, a: &Anchor) -> (Option<Val>, bool) {
    match p {
        Point::Day { year: Some(y), month, day, .. } => (Date::new(y, month, day).map(Val::Day), false),
        Point::Month { year: Some(y), month, .. } => (Some(Val::Month(y, month)), false),
        Point::Year(y) => (Some(Val::Year(y)), false),
        Point::Quarter { year, q } => (Some(Val::Quarter(year, q)), false),
        Point::Season { year, season } => (Some(Val::Season(year, season.index() as u8)), false),
        Point::Day { year: None, month, day, weekday } => {
            if let Some(y) = a.context_year {
                if let Some(d) = Date::new(y, month, day).filter(|d| a.context_target || fits_tense(d.year(), d.month(), d.day(), a)) {
                    return (Some(Val::Day(d)), false);
                }
            }
            (a.published.and_then(|p| day_year(p, month, day, weekday, a.tense)).map(Val::Day), true)
        }
        Point::Month { year: None, month, shift } => {
            if shift == Shift::Tense {
                if let Some(y) = a.context_year.filter(|&y| a.context_target || fits_tense(y, month, 0, a)) {
                    return (Some(Val::Month(y, month)), false);
                }
            }
            (a.published.map(|p| Val::Month(month_year(p, month, shift, a.tense), month)), true)
        }
    }
}

/// Whether a year taken from context agrees with the tense: "pushed it to June 30, 2027
/// in August" (past) is not August 2027. `day` 0 compares months only.
fn fits_tense(y: i32, m: u8, day: u8, a: &Anchor) -> bool {
    let Some(p) = a.published else { return true };
    let (v, now) = if day == 0 { ((y, m, 0), (p.year(), p.month(), 0)) } else { ((y, m, day), (p.year(), p.month(), p.day())) };
    match a.tense {
        Tense::Past => v <= now,
        Tense::Future => v >= now,
        Tense::Unknown | Tense::Nearest => true,
    }
}

/// With no tense nearby, a month-day a little behind publication is the recent one;
/// anything earlier is the next occurrence: undated listings ("The Odyssey (July 17)")
/// are upcoming, and past events come with a past-tense verb.
const RECENT_DAYS: i64 = 10;

/// The year of a month-day written without one: the occurrence the tense points to
/// ("opened May 23" is the last May 23, "arrives December 12" the next), the one whose
/// weekday matches when one is written ("Friday, June 6"), else the nearest.
fn day_year(p: Date, month: u8, day: u8, weekday: Option<u8>, tense: Tense) -> Option<Date> {
    let cands = [p.year() - 1, p.year(), p.year() + 1].map(|y| Date::new(y, month, day));
    let dist = |d: &Date| (d.days_since_epoch() - p.days_since_epoch()).abs();
    if let Some(wd) = weekday {
        if let Some(d) = cands.iter().flatten().filter(|d| d.weekday() == wd).min_by_key(|d| dist(d)) {
            return Some(*d);
        }
    }
    by_tense(p, cands, tense)
}

/// Of one day in three consecutive years, the one the tense points to: the latest on or
/// before publication for the past, the earliest on or after for the future, else the
/// earliest not long gone.
fn by_tense(p: Date, cands: [Option<Date>; 3], tense: Tense) -> Option<Date> {
    match tense {
        Tense::Past => cands.iter().flatten().filter(|d| **d <= p).max().copied(),
        Tense::Future => cands.iter().flatten().filter(|d| **d >= p).min().copied(),
        Tense::Unknown => cands.iter().flatten().filter(|d| d.days_since_epoch() >= p.days_since_epoch() - RECENT_DAYS).min().copied(),
        Tense::Nearest => cands.iter().flatten().min_by_key(|d| (d.days_since_epoch() - p.days_since_epoch()).abs()).copied(),
    }
}

/// Day `d` of the publication month, or of the month before or after when the tense
/// points there and the day is behind or ahead of publication; with no tense, the next
/// month's when this month's is long gone (as for a month-day, [`RECENT_DAYS`]).
fn day_of_month(p: Date, d: u8, tense: Tense) -> Option<Date> {
    let shift = match tense {
        Tense::Future if d < p.day() => 1,
        Tense::Past if d > p.day() => -1,
        Tense::Unknown if i64::from(d) < i64::from(p.day()) - RECENT_DAYS => 1,
        Tense::Nearest if i64::from(d) < i64::from(p.day()) - 15 => 1,
        Tense::Nearest if i64::from(d) > i64::from(p.day()) + 15 => -1,
        _ => 0,
    };
    let n = i64::from(p.year()) * 12 + i64::from(p.month()) - 1 + shift;
    Date::new(n.div_euclid(12) as i32, (n.rem_euclid(12) + 1) as u8, d)
}

/// Day `d` falling on weekday `wd` ("Tuesday the 19th"): of the months around `p`, the
/// one the tense points to (as for a month-day without its year).
fn day_on_weekday(p: Date, d: u8, wd: u8, tense: Tense) -> Option<Date> {
    let cands = (-12..=12).filter_map(|k| {
        let (y, m) = month_plus(p, k);
        Date::new(y, m, d).filter(|x| x.weekday() == wd)
    });
    let pd = p.days_since_epoch();
    match tense {
        Tense::Past => cands.filter(|x| *x <= p).max(),
        Tense::Future => cands.filter(|x| *x >= p).min(),
        Tense::Unknown => cands.filter(|x| x.days_since_epoch() >= pd - RECENT_DAYS).min(),
        Tense::Nearest => cands.min_by_key(|x| (x.days_since_epoch() - pd).abs()),
    }
}

/// The year and month `k` months after the publication month.
fn month_plus(p: Date, k: i64) -> (i32, u8) {
    let n = i64::from(p.year()) * 12 + i64::from(p.month()) - 1 + k;
    (n.div_euclid(12) as i32, (n.rem_euclid(12) + 1) as u8)
}

/// The year of a quarter written without one ("the third quarter", "Q4"): the
/// publication year, or the year before or after when the tense points there.
fn quarter_year(p: Date, q: u8, tense: Tense) -> i32 {
    let cur = (p.month() - 1) / 3 + 1;
    match tense {
        Tense::Past if q > cur => p.year() - 1,
        Tense::Future if q < cur => p.year() + 1,
        _ => p.year(),
    }
}

/// The year of a month written without one ("in March", "last June").
fn month_year(p: Date, month: u8, shift: Shift, tense: Tense) -> i32 {
    let (y, m) = (p.year(), p.month());
    match (shift, tense) {
        (Shift::This, _) | (Shift::Tense, Tense::Unknown) => y,
        (Shift::Last, _) => {
            if month < m {
                y
            } else {
                y - 1
            }
        }
        (Shift::Next, _) => {
            if month > m {
                y
            } else {
                y + 1
            }
        }
        (Shift::Tense, Tense::Nearest) => {
            let ahead = i32::from(month) - i32::from(m);
            if ahead > 6 {
                y - 1
            } else if ahead < -6 {
                y + 1
            } else {
                y
            }
        }
        (Shift::Tense, Tense::Past) => {
            if month <= m {
                y
            } else {
                y - 1
            }
        }
        (Shift::Tense, Tense::Future) => {
            if month >= m {
                y
            } else {
                y + 1
            }
        }
    }
}

/// A range: an end without a year takes the other end's ("March 3 to April 19, 2026"),
/// or, when neither has one, the first end is resolved and the second follows it.
fn range(from: Point, to: Point, a: &Anchor) -> (Option<(Val, Val)>, bool) {
    if from.year().is_none() && to.year().is_some() {
        let (t, rel) = point(to, a);
        let Some(t) = t else { return (None, rel) };
        let y = year_of(t);
        let f = point(with_year(from, y), a).0.filter(|f| *f <= t).or_else(|| point(with_year(from, y - 1), a).0);
        return (f.map(|f| (f, t)), rel);
    }
    // With no tense and no year ("“Antebellum,” from April 24 to Aug. 20"), the range
    // whose end is not long gone, as for one month-day.
    if let (Tense::Unknown, None, None, Some(p)) = (a.tense, from.year(), to.year(), a.published) {
        let recent = p.add_days(-RECENT_DAYS).unwrap_or(p);
        for y in p.year() - 1..=p.year() + 1 {
            let Some(f) = point(with_year(from, y), a).0 else { continue };
            let Some(t) = point(with_year(to, y), a).0.filter(|t| *t >= f).or_else(|| point(with_year(to, y + 1), a).0) else { continue };
            let gone = match t {
                Val::Day(d) => d < recent,
                Val::Month(ty, tm) => (ty, tm) < (recent.year(), recent.month()),
                _ => false,
            };
            if !gone {
                return (Some((f, t)), true);
            }
        }
    }
    let (f, rel) = point(from, a);
    let Some(f) = f else { return (None, rel) };
    if to.year().is_some() {
        let (t, rel2) = point(to, a);
        return (t.map(|t| (f, t)), rel || rel2);
    }
    let y = year_of(f);
    let t = point(with_year(to, y), a).0.filter(|t| *t >= f).or_else(|| point(with_year(to, y + 1), a).0);
    (t.map(|t| (f, t)), rel)
}

fn year_of(v: Val) -> i32 {
    match v {
        Val::Day(d) => d.year(),
        Val::Month(y, _) | Val::Year(y) | Val::Quarter(y, _) | Val::Season(y, _) => y,
    }
}

fn with_year(p: Point, y: i32) -> Point {
    match p {
        Point::Day { month, day, weekday, .. } => Point::Day { year: Some(y), month, day, weekday },
        Point::Month { month, shift, .. } => Point::Month { year: Some(y), month, shift },
        other => other,
    }
}

/// Values that exist only against the publication date: "yesterday", "Friday", "next
/// week" (a Monday–Sunday range), "last month", "this summer".
fn relative(expr: &Expr, a: &Anchor) -> Option<(Val, Option<Val>)> {
    let p = a.published?;
    let add = |n: i64| p.add_days(n).map(Val::Day);
    match *expr {
        Expr::Days(k) => Some((add(i64::from(k))?, None)),
        Expr::Weekday { wd, shift } => Some((Val::Day(weekday(p, wd, shift, a.tense)?), None)),
        Expr::Count { unit, n, .. } => match unit {
            Unit::Day => Some((add(i64::from(n))?, None)),
            Unit::Week => Some((add(7 * i64::from(n))?, None)),
            Unit::Month => {
                let (y, m) = month_plus(p, i64::from(n));
                Some((Val::Month(y, m), None))
            }
            Unit::Quarter => {
                let k = i64::from(p.year()) * 4 + i64::from((p.month() - 1) / 3) + i64::from(n);
                Some((Val::Quarter(k.div_euclid(4) as i32, (k.rem_euclid(4) + 1) as u8), None))
            }
            Unit::Year => Some((Val::Year(p.year().checked_add(n)?), None)),
        },
        Expr::QuarterOf(q) => Some((Val::Quarter(a.context_year.unwrap_or_else(|| quarter_year(p, q, a.tense)), q), None)),
        Expr::WeekdayOfWeek { wd, offset } => Some((add(i64::from(wd) - i64::from(p.weekday()) + 7 * i64::from(offset))?, None)),
        // "this day", "next day": a stretch of narrative time, never read (the scanner
        // makes no such match).
        Expr::Unit { unit: Unit::Day, .. } => None,
        Expr::Unit { unit: Unit::Week, offset } => {
            let monday = -i64::from(p.weekday()) + 7 * i64::from(offset);
            Some((add(monday)?, Some(add(monday + 6)?)))
        }
        Expr::Unit { unit: Unit::Month, offset } => {
            let n = i64::from(p.year()) * 12 + i64::from(p.month()) - 1 + i64::from(offset);
            Some((Val::Month(n.div_euclid(12) as i32, (n.rem_euclid(12) + 1) as u8), None))
        }
        Expr::Unit { unit: Unit::Quarter, offset } => {
            let n = i64::from(p.year()) * 4 + i64::from((p.month() - 1) / 3) + i64::from(offset);
            Some((Val::Quarter(n.div_euclid(4) as i32, (n.rem_euclid(4) + 1) as u8), None))
        }
        Expr::Unit { unit: Unit::Year, offset } => Some((Val::Year(p.year() + i32::from(offset)), None)),
        Expr::SeasonRel { season, shift } => {
            // Seasons counted from spring 0 of year 0; winter belongs to the year of its
            // December, so January 2026 is in winter 2025.
            let (sy, si) = match p.month() {
                3..=5 => (p.year(), 0),
                6..=8 => (p.year(), 1),
                9..=11 => (p.year(), 2),
                12 => (p.year(), 3),
                _ => (p.year() - 1, 3),
            };
            let cur = i64::from(sy) * 4 + si;
            let s = season.index();
            let cands = [sy - 1, sy, sy + 1].map(|y| i64::from(y) * 4 + s);
            let nearest = || cands.iter().copied().min_by_key(|&c| ((c - cur).abs(), c < cur));
            let coming = || cands.iter().copied().filter(|&c| c >= cur).min();
            let n = match (shift, a.tense) {
                // "this fall" is the current or the coming one; the season just gone only
                // in the past tense ("opened this spring", said in June).
                (Shift::This, Tense::Past) if cands.contains(&(cur - 1)) => cur - 1,
                (Shift::This, _) => coming()?,
                // "will return in the fall" in February: the coming one, not the nearest.
                (Shift::Tense, Tense::Future) => coming()?,
                // Ties go forward: "the winter" in July is the coming one.
                (Shift::Tense, _) => nearest()?,
                (Shift::Last, _) => cands.iter().copied().filter(|&c| c < cur).max()?,
                (Shift::Next, _) => cands.iter().copied().filter(|&c| c > cur).min()?,
            };
            Some((Val::Season(n.div_euclid(4) as i32, n.rem_euclid(4) as u8), None))
        }
        Expr::Point(_)
        | Expr::Range(..)
        | Expr::YearOffset(..)
        | Expr::Impossible
        | Expr::DayOfMonth { .. }
        | Expr::Holiday { .. }
        | Expr::InMonth { .. }
        | Expr::ShortYear { .. }
        | Expr::SameDay => None,
    }
}

/// A weekday against the publication date: `shift` first, else the tense; the same
/// weekday as publication is that day unless "last" or "next" says otherwise.
fn weekday(p: Date, wd: u8, shift: Shift, tense: Tense) -> Option<Date> {
    let ahead = i64::from((wd + 7 - p.weekday()) % 7); // 0..=6
    let n = match (shift, tense) {
        (Shift::Next, _) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        (Shift::Last, _) => {
            if ahead == 0 {
                -7
            } else {
                ahead - 7
            }
        }
        (Shift::This, _) | (Shift::Tense, Tense::Future) => ahead,
        (Shift::Tense, Tense::Past) => {
            if ahead == 0 {
                0
            } else {
                ahead - 7
            }
        }
        (Shift::Tense, Tense::Unknown | Tense::Nearest) => {
            if ahead <= 3 {
                ahead
            } else {
                ahead - 7
            }
        }
    };
    p.add_days(n)
}
