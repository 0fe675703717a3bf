//! Festival line-ups: an article that announces what a festival will show names its films
//! as entries of the line-up, each a `scheduled` release at venue `festival`, dated with
//! the festival's run when the article gives it (and the festival has not ended by the
//! publication date); a line of a row list ("“The Apprentice,” Ali Abbasi", "Night Ferry
//! – dir. Tom Wrobel") also credits its person as the film's director.
//!
//! This is discourse, not a phrase: whether the article is a line-up (its headline or
//! first paragraph names a programme and a festival), which works are entries and which
//! are references to other works ("following The Favourite", "Detroit (2017)", "the
//! “American Honey” director"). The cue words are data (`data/lineup_cues.tsv`).

use std::sync::OnceLock;

use super::releases::Claim;
use super::roles::Credit;
use super::{Input, Phrases};
use crate::entities::Target;
use crate::facts::{DateValue, Granularity, ReleaseStatus, RoleKind, TitleKind, Venue};
use crate::span::Span;
use crate::text::Shape;

fn cues() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        Phrases::parse(include_str!("../../data/lineup_cues.tsv"), "data/lineup_cues.tsv").expect("data/lineup_cues.tsv parses (tested)")
    })
}

/// The classes of the cue phrases in tokens `a..b`.
fn classes_in(inp: &Input<'_>, a: usize, b: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut k = a;
    while k < b {
        match cues().at(inp, k, b) {
            Some((class, end)) => {
                out.push(class);
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

/// Whether the article announces a festival programme: its headline, or else its first
/// paragraph, names both a programme ("lineup", "competition") and a festival.
fn is_lineup_article(inp: &Input<'_>) -> bool {
    // ("… Awards Golden Bear to “On the Adamant”: Complete Winners List": a headline that
    // reports results heads no line-up, whatever its first paragraph says.)
    if inp.article.headline.is_some_and(|h| classes_in(inp, inp.tok_at(h.start), inp.tok_at(h.end)).contains(&"result")) {
        return false;
    }
    let spans = inp.article.headline.into_iter().chain(inp.article.paragraphs.first().copied());
    let (mut lineup, mut festival) = (false, false);
    for sp in spans {
        for c in classes_in(inp, inp.tok_at(sp.start), inp.tok_at(sp.end)) {
            lineup |= c == "lineup";
            festival |= c == "festival";
        }
    }
    lineup && festival
}

/// The festival's run: the first sentence naming the festival with a date range, or with
/// two day dates ("opens on May 14 and runs through May 25"); failing both, the one month
/// of the first sentence naming the festival with a single date, when that month has not
/// passed at publication ("the 72nd Cannes Film Festival, which takes place this May").
fn festival_run(inp: &Input<'_>) -> Option<DateValue> {
    let mut month: Option<Option<DateValue>> = None;
    for s in inp.sentences {
        if inp.article.headline.is_some_and(|h| h.contains(s.span)) {
            continue;
        }
        if !classes_in(inp, s.first, s.last).contains(&"festival") {
            continue;
        }
        let dates = inp.dates_in(s.span);
        if let Some(r) = dates.iter().find_map(|d| d.value.clone().filter(|v| matches!(v, DateValue::Range { .. }))) {
            return Some(r);
        }
        let days: Vec<&String> = dates
            .iter()
            .filter(|d| d.granularity == Granularity::Day)
            .filter_map(|d| if let Some(DateValue::Point(p)) = &d.value { Some(p) } else { None })
            .collect();
        if let [first, .., last] = days[..] {
            if first < last {
                return Some(DateValue::Range { from: first.clone(), to: last.clone() });
            }
        }
        if month.is_none() && dates.len() == 1 {
            let upcoming = |m: &String| inp.published.is_none_or(|p| p.to_string().get(..7).is_some_and(|p| p <= m.as_str()));
            month = Some(match (&dates[0].value, dates[0].granularity) {
                (Some(DateValue::Point(m)), Granularity::Month) if upcoming(m) => Some(DateValue::Point(m.clone())),
                _ => None,
            });
        }
    }
    month.flatten()
}

/// Whether the title mention at tokens `i..j` is a reference to another work rather than
/// an entry: parenthesised or with a year in parentheses, after a reference phrase
/// ("following", "the director of"), before a reference noun ("director", "alum"), or
/// after an adjectival year ("the 2003 South Korean cult favorite X").
fn reference(inp: &Input<'_>, sp: Span, sentence_first: usize) -> bool {
    let (i, j) = (inp.tok_at(sp.start), inp.tok_at(sp.end));
    // "Detroit (2017)", "“Blue Fjord” (2019)", "(The Irishman)".
    let mut after = j;
    while matches!(inp.tt(after), "”" | "\"" | "’" | ",") {
        after += 1;
    }
    let year_paren = inp.tt(after) == "(" && inp.toks.get(after + 1).is_some_and(|t| t.shape == Shape::Digits);
    if inp.parenthetical(sp) || year_paren {
        return true;
    }
    let skippable = |k: usize| matches!(inp.tt(k), "“" | "\"" | "‘" | "the" | "The" | "his" | "her" | "their" | "its");
    let lo = i.saturating_sub(5).max(sentence_first);
    for k in lo..i {
        if let Some(("ref_before", end)) = cues().at(inp, k, i) {
            if (end..i).all(skippable) {
                return true;
            }
        }
        if inp.toks[k].shape == Shape::Digits && inp.tt(k).len() == 4 && !inp.in_date_gap(k, i) {
            return true;
        }
    }
    let mut after = j;
    while matches!(inp.tt(after), "”" | "\"" | "’") {
        after += 1;
    }
    matches!(cues().at(inp, after, after + 2), Some(("ref_after", _)))
}

impl Input<'_> {
    /// Whether a sentence boundary or a date-independent clause ends between tokens `k`
    /// and `i` (a year followed by a full stop or a semicolon belongs to another phrase).
    fn in_date_gap(&self, k: usize, i: usize) -> bool {
        (k + 1..i).any(|x| matches!(self.tt(x), "." | ";" | ":" | ")"))
    }
}

/// Whether a point date lies inside a range (ISO strings compare in calendar order at
/// equal granularity; a coarser point compares by its prefix).
fn within(date: Option<&DateValue>, run: Option<&DateValue>) -> bool {
    match (date, run) {
        (Some(DateValue::Point(d)), Some(DateValue::Range { from, to })) => {
            from.get(..d.len()).is_some_and(|f| f <= d.as_str()) && to.get(..d.len()).is_some_and(|t| d.as_str() <= t)
        }
        _ => false,
    }
}

/// The row blocks of an article under a line-up heading ("Competition", "Out of
/// Competition", "Special Screenings: Selection"): a short line with a line-up cue and no
/// result cue ("winners", "won"), then the row lines after it (blank lines between them
/// allowed) up to a line that reads like a sentence. None when the headline or the first
/// paragraph reports results.
fn lineup_blocks(inp: &Input<'_>) -> Vec<Span> {
    let mut out = Vec::new();
    let ps = &inp.article.paragraphs;
    let (Some(first), Some(last)) = (ps.first(), ps.last()) else { return out };
    let has = |sp: Span, class: &str| classes_in(inp, inp.tok_at(sp.start), inp.tok_at(sp.end)).contains(&class);
    if inp.article.headline.into_iter().chain(ps.first().copied()).any(|sp| has(sp, "result")) {
        return out;
    }
    let body = Span::new(first.start, last.end);
    let Some(text) = body.get(inp.text) else { return out };
    let mut open: Option<Span> = None;
    let mut at = body.start;
    for line in text.split('\n') {
        let sp = Span::new(at, at + line.len());
        at = sp.end + 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let n = inp.tok_at(sp.end) - inp.tok_at(sp.start);
        let row = n <= 24 && !t.ends_with(['.', '!', '?']);
        let heading = row && n <= 8 && has(sp, "lineup") && !has(sp, "result");
        match (heading, row, open) {
            (true, _, _) => {
                if let Some(o) = open.take() {
                    out.push(o);
                }
                open = Some(Span::new(sp.end, sp.end));
            }
            (false, true, Some(o)) => open = Some(Span::new(o.start, sp.end)),
            (false, false, Some(o)) => {
                out.push(o);
                open = None;
            }
            _ => {}
        }
    }
    out.extend(open);
    out.retain(|b| b.end > b.start);
    out
}

/// Adds the line-up's claims (and row credits) of a line-up article, or of the row
/// blocks under a line-up heading in another article.
pub fn find(inp: &Input<'_>, claims: &mut Vec<Claim>, credits: &mut Vec<Credit>) {
    let whole = is_lineup_article(inp);
    let blocks = if whole { Vec::new() } else { lineup_blocks(inp) };
    if !whole && blocks.is_empty() {
        return;
    }
    let run = festival_run(inp);
    // After the festival: a report of what played (winners), not a line-up.
    if let (Some(DateValue::Range { to, .. }), Some(p)) = (&run, inp.published) {
        if to.as_str() < p.to_string().as_str() {
            return;
        }
    }
    let mut done: Vec<usize> = Vec::new();
    for s in inp.sentences {
        if inp.article.headline.is_some_and(|h| h.contains(s.span)) {
            continue;
        }
        if !whole && !blocks.iter().any(|b| b.overlaps(s.span)) {
            continue;
        }
        let mut prev_ref: Option<(usize, bool)> = None;
        for m in inp.mentions_in(s.span) {
            let Target::Title(t) = m.target else { continue };
            let Some(title) = inp.ents.titles.get(t) else { continue };
            let (i, j) = (inp.tok_at(m.span.start), inp.tok_at(m.span.end));
            // A work coordinated with a reference is one too: "following A and B".
            let coordinated = prev_ref
                .is_some_and(|(end, r)| r && (end..i).all(|k| matches!(inp.tt(k), "," | "and" | "or" | "“" | "”" | "\"" | "‘" | "’")));
            let is_ref = coordinated || reference(inp, m.span, s.first);
            prev_ref = Some((j, is_ref));
            if is_ref || !matches!(title.kind, TitleKind::Film | TitleKind::Series | TitleKind::Other) {
                continue;
            }
            row_credit(inp, m.span, t, credits);
            if done.contains(&t) {
                continue;
            }
            done.push(t);
            // "“The Second Act,” which will open the festival", "Orphan (closing film)".
            let slot = {
                let line_end = inp.text[m.span.end..].find('\n').map_or(inp.text.len(), |x| m.span.end + x);
                let end = (j + 10).min(inp.tok_at(line_end)).min(s.last.max(j));
                classes_in(inp, j, end.max(j)).into_iter().find(|c| matches!(*c, "opening" | "closing"))
            };
            let date = match (slot, &run) {
                (Some("opening"), Some(DateValue::Range { from, .. })) => Some(DateValue::Point(from.clone())),
                (Some("closing"), Some(DateValue::Range { to, .. })) => Some(DateValue::Point(to.clone())),
                _ => run.clone(),
            };
            // A claim already read from a sentence at the festival, or dated inside its
            // run ("will open the festival on August 27"), keeps its own date and is the
            // festival's; one with no date takes the run.
            if let Some(c) =
                claims.iter_mut().find(|c| c.title == t && (c.venue == Some(Venue::Festival) || within(c.date.as_ref(), run.as_ref())))
            {
                c.venue = Some(Venue::Festival);
                if c.date.is_none() {
                    c.date = date.clone();
                }
                continue;
            }
            claims.push(Claim {
                title: t,
                date,
                status: ReleaseStatus::Scheduled,
                venue: Some(Venue::Festival),
                platform: None,
                hedged: false,
                evidence: s.span,
                rule: "lineup.entry",
            });
        }
    }
}

/// A row of a list, one film a line ("“Bird,” Andrea Arnold", "Night Ferry – dir. Tom
/// Wrobel"): the line starts with the title and names one person after it, with no verb
/// between; that person directed it.
fn row_credit(inp: &Input<'_>, sp: Span, title: usize, credits: &mut Vec<Credit>) {
    let line_start = inp.text[..sp.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = inp.text[sp.end..].find('\n').map_or(inp.text.len(), |i| sp.end + i);
    let line = Span::new(line_start, line_end);
    // The line is a row: short, not a sentence, and the title comes first.
    let lead = inp.text[line_start..sp.start].trim_matches(|c: char| c.is_whitespace() || "“\"‘*•-–—0123456789.)".contains(c));
    let (a, b) = (inp.tok_at(line_start), inp.tok_at(line_end));
    if !lead.is_empty() || b - a > 24 || inp.text[line_start..line_end].trim_end().ends_with(['.', '!', '?']) {
        return;
    }
    let people: Vec<usize> = inp
        .mentions_in(Span::new(sp.end, line.end))
        .iter()
        .filter_map(|m| if let Target::Person(p) = m.target { Some(p) } else { None })
        .collect();
    if people.is_empty() || people.len() > 3 {
        return;
    }
    // (Words in parentheses are a note: "(opening film)".)
    let b = (inp.tok_at(sp.end)..b).find(|&k| inp.tt(k) == "(").unwrap_or(b);
    let verb = (inp.tok_at(sp.end)..b).any(|k| {
        let w = inp.tt(k);
        inp.toks[k].shape == Shape::Lower && w.len() > 3 && (w.ends_with("ed") || w.ends_with("es") || w.ends_with("ing"))
    });
    if verb {
        return;
    }
    for p in people {
        if !credits.iter().any(|c| c.person == p && c.role == RoleKind::Director && c.title == Some(title)) {
            credits.push(Credit {
                person: p,
                role: RoleKind::Director,
                character: None,
                title: Some(title),
                evidence: line,
                rule: "lineup.row-director".into(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lineup_cues_parse() {
        assert!(super::cues().starts_with_word("Lineup"));
        assert!(super::cues().starts_with_word("following"));
    }
}
