//! Schedule rows: a list that gives a work and its date a line, with no verb ("- Da 5
//! Bloods, June 12 on Netflix", "1/15: 'Narcos': Sept. 1", "June 5: Iron Bay, Cold
//! Lake", a date heading then title lines). The entity stage finds the rows
//! (`entities::rows::schedule_rows`) and makes their works titles; here each row whose
//! work is a title and whose date resolves becomes a release claim.
//!
//! Status comes from the date against the publication date (before or on it: released;
//! after it, or no publication date: scheduled). The venue is the row's own ("on
//! Netflix", "(HBO)", "in theaters"), else its heading's ("Coming to Hulu in June"), else
//! the headline's when it names one streamer or network ("Netflix in September: What's
//! Coming"). Rows whose work or date the other stages dropped say nothing.

use super::releases::{cue_venue, is_theater_word, Claim};
use super::Input;
use crate::entities::Target;
use crate::facts::{DateValue, OrgKind, ReleaseStatus, Venue};
use crate::span::Span;

/// The venue and platform named in tokens `a..b`, skipping `skip` (the row's own work).
fn venue_in(inp: &Input<'_>, a: usize, b: usize, skip: (usize, usize)) -> Option<(Venue, Option<String>)> {
    let cues = super::release_cues();
    let mut k = a;
    while k < b {
        if k >= skip.0 && k < skip.1 {
            k = skip.1;
            continue;
        }
        if let Some((class, end)) = cues.at(inp, k, b) {
            if let Some(v) = cue_venue(class) {
                return Some((v, None));
            }
            k = end;
            continue;
        }
        if is_theater_word(inp.tt(k)) {
            return Some((Venue::Theaters, None));
        }
        k += 1;
    }
    let sp = Span::new(inp.toks.get(a)?.span.start, inp.toks.get(b.checked_sub(1)?)?.span.end);
    inp.mentions_in(sp).iter().find_map(|m| {
        let Target::Org(o) = m.target else { return None };
        let (i, j) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
        if i < skip.1 && j > skip.0 {
            return None;
        }
        let org = inp.ents.orgs.get(o)?;
        match org.kind {
            OrgKind::Streamer => Some((Venue::Streaming, Some(org.name.clone()))),
            OrgKind::Network => Some((Venue::Tv, Some(org.name.clone()))),
            _ => None,
        }
    })
}

/// The one streamer or network the headline names, as a venue.
fn headline_venue(inp: &Input<'_>) -> Option<(Venue, Option<String>)> {
    let h = inp.article.headline?;
    let mut found: Option<(Venue, Option<String>)> = None;
    for m in inp.mentions_in(h) {
        let Target::Org(o) = m.target else { continue };
        let Some(org) = inp.ents.orgs.get(o) else { continue };
        let v = match org.kind {
            OrgKind::Streamer => Venue::Streaming,
            OrgKind::Network => Venue::Tv,
            _ => continue,
        };
        match &found {
            Some((_, Some(name))) if *name != org.name => return None,
            _ => found = Some((v, Some(org.name.clone()))),
        }
    }
    found
}

static DEPARTURES: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| crate::lexicon::lists::get("schedule.departures"));
/// Words of a list heading that say its rows hold grosses ("Opening Gross", "Total Gross").
const GROSS_WORDS: [&str; 4] = ["gross", "grosses", "grossed", "grossing"];
static ARRIVALS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| crate::lexicon::lists::get("schedule.arrivals"));

/// Whether tokens `a..b` hold a word of `list` (any case).
fn says(inp: &Input<'_>, a: usize, b: usize, list: &[&str]) -> bool {
    (a..b).any(|k| list.iter().any(|w| w.eq_ignore_ascii_case(inp.tt(k))))
}

/// Adds a release claim for each schedule row (one per work and date).
/// Slots in parentheses after a work: "Snowfall (Series Premiere, 10 p.m. Wednesday, FX)",
/// "Game of Thrones (Season Premiere, 9 p.m. July 16, HBO)": a premiere or finale label and
/// a date make a release claim on that date, in the venue of the network or streamer named
/// there (a claim of the work already dated so is left alone).
pub fn slots(inp: &Input<'_>, out: &mut Vec<Claim>) {
    for m in inp.ents.mentions.iter() {
        let Target::Title(t) = m.target else { continue };
        let k = inp.tok_at(m.span.end);
        if inp.tt(k) != "(" {
            continue;
        }
        let Some(close) = (k + 1..(k + 16).min(inp.toks.len())).find(|&j| inp.tt(j) == ")") else { continue };
        let inside = Span::new(inp.toks[k].span.end, inp.toks[close].span.start);
        let d = if (k + 1..close).any(|j| crate::entities::runs::is_row_marker(inp.tt(j))) {
            inp.dates_in(inside).iter().find(|d| d.value.is_some() && d.span.end <= inside.end)
        } else if listing_slot(inp, k, close) {
            // ("FRIDAY This Is America (CBS, 8-8:30 p.m.): …": a channel and a time, the
            // day from the listing's heading that opens the line.)
            day_heading_before(inp, m.span.start)
        } else {
            None
        };
        let Some(d) = d else { continue };
        if out.iter().any(|c| c.title == t && c.date == d.value) {
            continue;
        }
        let venue = venue_in(inp, k + 1, close, (0, 0));
        out.push(Claim {
            title: t,
            date: d.value.clone(),
            status: super::releases::release_status("release", d.value.as_ref(), inp.published),
            venue: venue.as_ref().map(|v| v.0),
            platform: venue.and_then(|v| v.1),
            hedged: false,
            evidence: Span::new(m.span.start, inp.toks[close].span.end),
            rule: "schedule.slot",
        });
    }
}

/// Whether the parenthesis `k..=close` is a listing slot: a network or streamer first,
/// then a comma and an air time ("(CBS, 8-8:30 p.m.)", "(PBS, 9 p.m.)").
fn listing_slot(inp: &Input<'_>, k: usize, close: usize) -> bool {
    let channel = inp
        .mentions_in(Span::new(inp.toks[k].span.end, inp.toks[close].span.start))
        .first()
        .is_some_and(|m| inp.tok_at(m.span.start) == k + 1 && matches!(m.target, Target::Org(o) if inp.ents.orgs.get(o).is_some_and(|x| matches!(x.kind, OrgKind::Network | OrgKind::Streamer))));
    let inside = inp.text.get(inp.toks[k].span.end..inp.toks[close].span.start).unwrap_or("");
    channel && crate::entities::evidence::says_air_time(inside)
}

/// The date of the day heading that opens the line holding byte `at` ("FRIDAY …",
/// "Monday, Oct. 24: …"), when it resolved.
fn day_heading_before<'i>(inp: &'i Input<'_>, at: usize) -> Option<&'i crate::dates::Found> {
    // (At most 2,000 bytes back: a slot on one huge line costs no scan of the article.)
    let mut from = at.saturating_sub(2000);
    while !inp.text.is_char_boundary(from) {
        from += 1;
    }
    let line = inp.text.get(from..at)?.rfind('\n').map_or(from, |i| from + i + 1);
    let first = inp.text.get(line..at)?.len() - inp.text.get(line..at)?.trim_start().len() + line;
    inp.dates_in(Span::new(first, at)).iter().find(|d| d.span.start == first && d.value.is_some())
}

pub fn find(inp: &Input<'_>, out: &mut Vec<Claim>) {
    if inp.ents.schedule.is_empty() {
        return;
    }
    // ("Top 5 Titles Leaving Hulu in September": a list of departures, with no heading
    // of its own that says otherwise.)
    let headline_leaving = inp.article.headline.is_some_and(|h| {
        let (a, b) = (inp.tok_at(h.start), inp.tok_at(h.end));
        says(inp, a, b, &DEPARTURES) && !says(inp, a, b, &ARRIVALS)
    });
    let from_headline = headline_venue(inp);
    let published = inp.published.map(|p| p.to_string());
    // (Sets, not a scan of `out` per row: a long list stays linear. The claims already
    // made are borrowed, not cloned: most articles add no row at all.)
    let before: crate::hash::FxHashSet<(usize, &DateValue)> = out.iter().filter_map(|c| Some((c.title, c.date.as_ref()?))).collect();
    let mut seen: crate::hash::FxHashSet<(usize, &DateValue)> = crate::hash::FxHashSet::default();
    let mut new: Vec<Claim> = Vec::new();
    for row in &inp.ents.schedule {
        // The row's work: the title mention filling its field (or the longest inside it).
        let title = inp
            .mentions_in(row.title)
            .iter()
            .filter(|m| row.title.contains(m.span))
            .filter_map(|m| if let Target::Title(t) = m.target { Some((t, m.span.end - m.span.start)) } else { None })
            .max_by_key(|x| x.1)
            .map(|x| x.0);
        let Some(title) = title else { continue };
        let Some(date) = inp.dates_in(row.date).iter().find(|d| d.span == row.date) else { continue };
        let Some(value) = date.value.as_ref() else { continue };
        if before.contains(&(title, value)) || !seen.insert((title, value)) {
            continue;
        }
        let first = match value {
            DateValue::Point(p) => p.as_str(),
            DateValue::Range { from, .. } => from.as_str(),
        };
        // ("Available on: March 1" in an article of March 1: out that day.)
        let on_the_day = published.as_deref().is_some_and(|p| p.starts_with(first));
        let (l0, l1) = (inp.tok_at(row.line.start), inp.tok_at(row.line.end));
        let heading = row.heading.map(|h| (inp.tok_at(h.start), inp.tok_at(h.end)));
        // ("Opening Gross Total Gross Release Date" over "Daylight 10.0 32.9 Dec 1996": a
        // column of grosses says the rows' works are out in theaters.)
        let grossed = heading.is_some_and(|(h0, h1)| says(inp, h0, h1, &GROSS_WORDS));
        let status = if on_the_day || grossed {
            ReleaseStatus::Released
        } else {
            super::releases::release_status("release", Some(value), inp.published)
        };
        let leaving = match heading {
            Some((h0, h1)) => says(inp, h0, h1, &DEPARTURES) || (headline_leaving && !says(inp, h0, h1, &ARRIVALS)),
            None => headline_leaving,
        };
        if leaving {
            continue;
        }
        let (venue, platform) = venue_in(inp, l0, l1, (row.first, row.last))
            .or_else(|| grossed.then_some((Venue::Theaters, None)))
            .or_else(|| heading.and_then(|(h0, h1)| venue_in(inp, h0, h1, (0, 0))))
            .or_else(|| from_headline.clone())
            .map_or((None, None), |(v, p)| (Some(v), p));
        new.push(Claim {
            title,
            date: Some(value.clone()),
            status,
            venue,
            platform,
            hedged: false,
            evidence: row.line,
            rule: "release.schedule-row",
        });
    }
    drop(before);
    out.append(&mut new);
}
