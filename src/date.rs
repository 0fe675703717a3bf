//! A small proleptic Gregorian calendar date: all the calendar maths the date stage needs
//! (validation, weekday, adding days), with checked arithmetic and no clock.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, ErrorKind};

/// A calendar day, years 1..=9999.
///
/// ```
/// use newsfacts::Date;
/// let d: Date = "2025-06-01".parse()?;
/// assert_eq!(d.to_string(), "2025-06-01");
/// assert_eq!(d.weekday(), 6); // Sunday (Monday = 0)
/// assert_eq!(d.add_days(5).unwrap().to_string(), "2025-06-06");
/// assert!("2025-02-30".parse::<Date>().is_err());
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, or `None` when it is not a real day.
    pub const fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub const fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub const fn month(&self) -> u8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub const fn day(&self) -> u8 {
        self.day
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(&self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The date `n` days later (or earlier, for negative `n`), if still in range.
    pub fn add_days(&self, n: i64) -> Option<Date> {
        let days = self.days_since_epoch().checked_add(n)?;
        Date::from_days_since_epoch(days)
    }

    /// Days from 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days_since_epoch(z: i64) -> Option<Date> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::new(i32::try_from(y).ok()?, m as u8, d as u8)
    }
}

/// Number of days in a month (0 for a month outside 1..=12).
pub const fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || Error::from(ErrorKind::BadDate { value: s.to_string() });
        let b = s.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = b.get(r)?;
            if !part.iter().all(u8::is_ascii_digit) {
                return None;
            }
            part.iter().try_fold(0u32, |acc, &c| Some(acc * 10 + u32::from(c - b'0')))
        };
        let (y, m, d) = (num(0..4).ok_or_else(bad)?, num(5..7).ok_or_else(bad)?, num(8..10).ok_or_else(bad)?);
        Date::new(y as i32, m as u8, d as u8).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        let cases = [("1970-01-01", 3, 0), ("2000-02-29", 1, 11016), ("2025-06-06", 4, 20245), ("2024-12-31", 1, 20088)];
        for (s, wd, days) in cases {
            let d: Date = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
            assert_eq!(d.weekday(), wd, "{s}");
            assert_eq!(d.days_since_epoch(), days, "{s}");
            assert_eq!(Date::from_days_since_epoch(days), Some(d));
        }
    }

    #[test]
    fn rejects_bad_days() {
        for s in ["2025-13-01", "2023-02-29", "2025-00-10", "25-01-01", "2025/01/01", "abcd-ef-gh", ""] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
    }

    #[test]
    fn add_days_crosses_years() {
        let d: Date = "2024-12-30".parse().unwrap();
        assert_eq!(d.add_days(3).unwrap().to_string(), "2025-01-02");
        assert_eq!(d.add_days(-365).unwrap().to_string(), "2023-12-31");
        assert!(Date::new(9999, 12, 31).unwrap().add_days(1).is_none());
    }
}
