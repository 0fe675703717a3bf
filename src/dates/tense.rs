//! The tense around a relative date: "opened Friday" is the past Friday, "opens Friday"
//! and "will open on Friday" the coming one.
//!
//! No parser: the nearest tense-bearing word before the date (then after it) within the
//! sentence decides, read from the vocabulary's tense classes with a look at the word
//! before it ("will hit", "was released", "is opening"). The walk is bounded in words and
//! bytes, so a long sentence costs no more than a short one.

use crate::dates::words::{flag, Info, Words, MAX_WORD};
use crate::span::Span;

/// Words looked at before the date, and after it.
const MAX_BACK: usize = 20;
const MAX_FWD: usize = 10;
/// Bytes walked before the date, and after it.
const MAX_BACK_BYTES: usize = 320;
const MAX_FWD_BYTES: usize = 160;

/// Which way a relative date points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    /// No tense-bearing word nearby.
    Unknown,
    /// The occurrence nearest publication, either way: the old date of a move ("moved
    /// from March 8 to Sept. 4") and a plan told in the past ("was due out April 3").
    Nearest,
}

/// The tense that governs `date` inside `sentence`.
pub(crate) fn tense_of(words: &Words, text: &str, sentence: Span, date: Span) -> Tense {
    let b = text.as_bytes();
    let mut lo = sentence.start.max(date.start.saturating_sub(MAX_BACK_BYTES));
    let mut hi = sentence.end.min(date.end.saturating_add(MAX_FWD_BYTES)).min(b.len());
    // A date in parentheses ("The Color Purple (December 25)", "(out Dec. 5)") is the
    // work's own date: the tense of the clause around it ("had reported that ... was
    // considering delays for") does not reach inside.
    if let Some((open, close)) = parenthesis_around(b, lo, hi, date) {
        (lo, hi) = (open + 1, close);
    }
    // "pushed to June 20", "delayed until March": the target of a move, whatever the
    // tense of the verb; "since March" looks back.
    if let Some((s, e)) = word_back(b, lo, date.start) {
        // "from its mid-August slot": a determiner between the preposition and the date.
        let (s, e) = match &b[s..e] {
            w if [&b"its"[..], b"their", b"his", b"her", b"the"].iter().any(|d| w.eq_ignore_ascii_case(d)) => {
                word_back(b, lo, s).unwrap_or((s, e))
            }
            _ => (s, e),
        };
        let w = &b[s..e];
        if w.eq_ignore_ascii_case(b"until") || w.eq_ignore_ascii_case(b"till") {
            return Tense::Future;
        }
        // "pushed to June 20", "moved it up to Friday"; not "in the run-up to Friday",
        // "from Friday to Sunday", which keep their clause's tense.
        if w.eq_ignore_ascii_case(b"to") && move_verb_before(words, b, lo, s) {
            return Tense::Future;
        }
        if w.eq_ignore_ascii_case(b"since") {
            return Tense::Past;
        }
        // "moved it from March 4th to August 12th", "out of its mid-August slot": both
        // ends of a move are release dates, looked at forward like the move's target.
        let out_of = w.eq_ignore_ascii_case(b"of") && word_back(b, lo, s).is_some_and(|(os, oe)| b[os..oe].eq_ignore_ascii_case(b"out"));
        if (w.eq_ignore_ascii_case(b"from") || out_of) && move_verb_before(words, b, lo, s) {
            return Tense::Nearest;
        }
    }
    // "along with a release date: February 6": a date labelled as a date is its own value,
    // not the past of the clause that announces it.
    if let Some((s, e)) = word_back(b, lo, date.start) {
        let between = &b[e..date.start];
        let w = &b[s..e];
        if between.trim_ascii() == b":" && (w.eq_ignore_ascii_case(b"date") || w.eq_ignore_ascii_case(b"dates")) {
            return Tense::Unknown;
        }
    }
    // "gave it a March 6 release date", "has set a May 2 premiere date": a date that
    // modifies a planned date names the coming release, whatever the tense of the
    // announcement ("had its March 6 premiere" keeps its tense).
    if let Some((s, e)) = word_fwd(b, date.end, hi).filter(|&(s, _)| b[date.end..s].iter().all(u8::is_ascii_whitespace)) {
        let w = &b[s..e];
        let plan = word_fwd(b, e, hi)
            .is_some_and(|(s2, e2)| [&b"date"[..], b"dates", b"window", b"slot", b"day"].iter().any(|x| b[s2..e2].eq_ignore_ascii_case(x)));
        if plan
            && [&b"release"[..], b"premiere", b"launch", b"debut", b"opening", b"street", b"air"].iter().any(|x| w.eq_ignore_ascii_case(x))
        {
            return Tense::Future;
        }
    }
    // "The September 1 premiere, set weeks ago, …", "It started with an August 21
    // theatrical release": a month-day naming a release event (no owner before it: "had
    // its March 6 premiere" keeps its tense) is a planned date, the one nearest to
    // publication, whatever the tense of the clause that talks about the plan.
    if let Some((s, e)) = word_fwd(b, date.end, hi).filter(|&(s, _)| b[date.end..s].iter().all(u8::is_ascii_whitespace)) {
        let event = |w: &[u8]| {
            [&b"release"[..], b"premiere", b"launch", b"debut", b"opening", b"bow", b"rollout"].iter().any(|x| w.eq_ignore_ascii_case(x))
        };
        let adjective = |w: &[u8]| {
            [&b"theatrical"[..], b"limited", b"wide", b"digital", b"global", b"worldwide", b"vod", b"streaming", b"series", b"season"]
                .iter()
                .any(|x| w.eq_ignore_ascii_case(x))
        };
        let named = event(&b[s..e]) || (adjective(&b[s..e]) && word_fwd(b, e, hi).is_some_and(|(s2, e2)| event(&b[s2..e2])));
        let owner = word_back(b, lo, date.start)
            .is_some_and(|(s, e)| [&b"its"[..], b"his", b"her", b"their"].iter().any(|x| b[s..e].eq_ignore_ascii_case(x)));
        // (A bare month keeps its clause's tense: "will get a June premiere".)
        let day = b[date.start..date.end].iter().any(u8::is_ascii_digit);
        if named && !owner && day {
            return Tense::Nearest;
        }
    }
    // Prose ends its sentences with a stop; a row of a list does not.
    let prose = text
        .get(sentence.start..sentence.end.min(b.len()))
        .and_then(|t| t.trim_end().chars().next_back())
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | ')'));
    // "… was bogus, too: Aug. 16 is when the album is due": a date that opens a clause
    // after a colon or a semicolon takes that clause's tense, not the one before it.
    // (So does a date that opens a clause after ", and" or ", but": "It has been dropped
    // from its slot, and Dec. 17 will bring its last telecast".)
    let after_conjunction = word_back(b, lo, date.start).is_some_and(|(s, e)| {
        (b[s..e].eq_ignore_ascii_case(b"and") || b[s..e].eq_ignore_ascii_case(b"but"))
            && b[e..date.start].iter().all(u8::is_ascii_whitespace)
            && b[lo..s].iter().rev().find(|c| !c.is_ascii_whitespace()) == Some(&b',')
    });
    let opens_clause =
        after_conjunction || word_back(b, lo, date.start).is_some_and(|(_, e)| b[e..date.start].iter().any(|&c| c == b':' || c == b';'));
    let mut p = if opens_clause { lo } else { date.start };
    for _ in 0..MAX_BACK {
        let Some((s, e)) = word_back(b, lo, p) else { break };
        if let Some(t) = classify(words, b, (sentence.start, lo, hi, prose), s, e) {
            return t;
        }
        p = s;
    }
    let mut p = date.end;
    for _ in 0..MAX_FWD {
        let Some((s, e)) = word_fwd(b, p, hi) else { break };
        // A new clause ("on Wednesday, and the streamer is ...") has its own tense; so
        // has whatever follows a semicolon ("follow on December 19; the film took two
        // awards").
        if s > date.end && ((clause_break(b, p, s) && words.get(&b[s..e]).is_some_and(|i| i.has(flag::CLAUSE))) || b[p..s].contains(&b';'))
        {
            break;
        }
        if let Some(t) = classify(words, b, (sentence.start, lo, hi, prose), s, e) {
            // ("They join a Feb. 5 line-up that was already set", "the calendar for the
            // month of February has grown": a past verb after a date inside a noun
            // phrase is that phrase's, not the date's, which is then the one nearest the
            // publication. A date that opens its sentence is the verb's subject:
            // "Tuesday saw Kadokawa begin streaming …".)
            if t == Tense::Past && word_back(b, sentence.start, date.start).is_some() {
                return Tense::Nearest;
            }
            return t;
        }
        p = e;
    }
    Tense::Unknown
}

/// Whether a move verb ("moved", "pushed", "delayed") stands within a few words before
/// `p`, with no clause break between ("moved “Iron Orchard” from").
fn move_verb_before(words: &Words, b: &[u8], lo: usize, mut p: usize) -> bool {
    for _ in 0..12 {
        let Some((s, e)) = word_back(b, lo, p) else { return false };
        if b[e..p].iter().any(|&c| matches!(c, b'.' | b';')) {
            return false;
        }
        if words.get(&b[s..e]).is_some_and(|i| i.has(flag::MOVE)) {
            return true;
        }
        p = s;
    }
    false
}

/// The tense a word gives, if any.
fn classify(words: &Words, b: &[u8], (start, lo, hi, prose): (usize, usize, usize, bool), s: usize, e: usize) -> Option<Tense> {
    let w = &b[s..e];
    if w.len() > MAX_WORD || !w.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    // Inside a sentence a capitalised word is part of a name or a title ("Made in
    // Dagenham (Nov. 19th)", "Will Smith", "Gone Girl"), not a verb: only the first word
    // of a sentence of prose may carry its tense capitalised; a list row ("- Lost in
    // America, June 9") starts with its title.
    if b[s].is_ascii_uppercase() && (word_back(b, start, s).is_some() || !prose) {
        return None;
    }
    let info = words.get(w).unwrap_or_default();
    // ("May kept me busy": the month, not the modal.)
    let prev = || {
        word_back(b, lo, s).map_or(Info::default(), |(ps, pe)| {
            let i = words.get(&b[ps..pe]).unwrap_or_default();
            if b[ps].is_ascii_uppercase() && i.cal.is_some() {
                Info::default()
            } else {
                i
            }
        })
    };
    let next = || word_fwd(b, e, hi).map(|(ns, ne)| &b[ns..ne]);
    // "won't open": "won" is not the past of "win" here.
    if w.eq_ignore_ascii_case(b"won") && (b.get(e..e + 2) == Some(&b"'t"[..]) || b.get(e..e + 4) == Some("’t".as_bytes())) {
        return Some(Tense::Future);
    }
    // "it now has a January opening": "now" before a verb that gives no tense puts the
    // date nearest the publication, not in the tense of an earlier clause.
    // ("will now launch on September 4th": after a modal, the future.)
    if w.eq_ignore_ascii_case(b"now") {
        return Some(if prev().has(flag::MODAL) { Tense::Future } else { Tense::Nearest });
    }
    // "is set to open", "set for Friday"; "set in 1970" says nothing.
    if w.eq_ignore_ascii_case(b"set") {
        return next().filter(|n| n.eq_ignore_ascii_case(b"to") || n.eq_ignore_ascii_case(b"for")).map(|_| Tense::Future);
    }
    // "had been scheduled for January 17" is behind us; "was scheduled for" says
    // little (the plan may have moved).
    if info.has(flag::PLAN) {
        let pw = word_back(b, lo, s).map(|(ps, pe)| &b[ps..pe]);
        return Some(match pw {
            Some(w) if w.eq_ignore_ascii_case(b"been") || w.eq_ignore_ascii_case(b"had") => Tense::Past,
            Some(w) if w.eq_ignore_ascii_case(b"was") || w.eq_ignore_ascii_case(b"were") => Tense::Nearest,
            _ => Tense::Future,
        });
    }
    if info.has(flag::FUTURE) {
        return Some(Tense::Future);
    }
    if info.has(flag::PERFECT) {
        // "has opened", "have already wrapped": past; "has a lot riding", "we'll have
        // our review": not.
        if prev().has(flag::MODAL) {
            return Some(Tense::Future);
        }
        let participle = |(ns, ne): (usize, usize)| {
            let n = &b[ns..ne];
            let i = words.get(n).unwrap_or_default();
            (n.len() >= 4 && n.ends_with(b"ed") && !i.has(flag::NOT_VERB)) || i.has(flag::PAST | flag::AUX_PAST)
        };
        let n1 = word_fwd(b, e, hi);
        let n2 = n1.and_then(|(_, ne)| word_fwd(b, ne, hi));
        return (n1.is_some_and(participle) || n2.is_some_and(participle)).then_some(Tense::Past);
    }
    if info.has(flag::AUX_PAST) {
        return Some(Tense::Past);
    }
    if info.has(flag::COPULA) {
        return Some(Tense::Future);
    }
    // "can watch", "will be", "'ll see"; "to" alone says nothing, and "May" is a month.
    if info.has(flag::MODAL) && !w.eq_ignore_ascii_case(b"to") && b[s].is_ascii_lowercase() {
        return Some(Tense::Future);
    }
    if info.has(flag::BASE) {
        // ("was scheduled to open in the summer": the plan's word decides, further back.)
        let planned = word_back(b, lo, s).is_some_and(|(ps, pe)| {
            b[ps..pe].eq_ignore_ascii_case(b"to")
                && word_back(b, lo, ps).is_some_and(|(qs, qe)| words.get(&b[qs..qe]).is_some_and(|i| i.has(flag::PLAN)))
        });
        if planned {
            return None;
        }
        return Some(if prev().has(flag::AUX_PAST) { Tense::Past } else { Tense::Future });
    }
    if info.has(flag::PAST) {
        return Some(if prev().has(flag::MODAL) { Tense::Future } else { Tense::Past });
    }
    if info.has(flag::NOT_VERB) || info.cal.is_some() || !b[s].is_ascii_lowercase() || w.len() < 5 {
        return None;
    }
    if w.ends_with(b"ed") {
        // ("the famed Beacon Theater", "a beloved sequel": after a determiner it modifies a
        // noun and has no tense.)
        let determiner = word_back(b, lo, s).is_some_and(|(ps, pe)| {
            [&b"the"[..], b"a", b"an", b"its", b"his", b"her", b"their", b"this", b"that", b"our", b"your"]
                .iter()
                .any(|d| b[ps..pe].eq_ignore_ascii_case(d))
        });
        if determiner {
            return None;
        }
        // "will be released", "is scheduled" look ahead; "was released", "opened" back.
        return Some(if prev().has(flag::COPULA) { Tense::Future } else { Tense::Past });
    }
    if w.ends_with(b"ing") {
        let p = prev();
        if p.has(flag::COPULA) {
            return Some(Tense::Future);
        }
        if p.has(flag::AUX_PAST) {
            return Some(Tense::Past);
        }
    }
    None
}

/// The parentheses that enclose `date` within `lo..hi`, if any.
fn parenthesis_around(b: &[u8], lo: usize, hi: usize, date: Span) -> Option<(usize, usize)> {
    let open = (lo..date.start).rev().find(|&i| matches!(b[i], b'(' | b')')).filter(|&i| b[i] == b'(')?;
    let close = (date.end..hi).find(|&i| matches!(b[i], b'(' | b')')).filter(|&i| b[i] == b')')?;
    Some((open, close))
}

/// Whether a comma, semicolon or dash stands between `p` and `s`.
fn clause_break(b: &[u8], p: usize, s: usize) -> bool {
    let gap = &b[p..s];
    gap.iter().any(|&c| c == b',' || c == b';') || gap.windows(3).any(|w| w == "—".as_bytes())
}

/// The ASCII word ending before `p`, not before `lo`.
fn word_back(b: &[u8], lo: usize, mut p: usize) -> Option<(usize, usize)> {
    while p > lo && !b[p - 1].is_ascii_alphanumeric() {
        p -= 1;
    }
    if p <= lo {
        return None;
    }
    let e = p;
    while p > lo && b[p - 1].is_ascii_alphanumeric() {
        p -= 1;
    }
    Some((p, e))
}

/// The ASCII word starting at or after `p`, ending by `hi`.
fn word_fwd(b: &[u8], mut p: usize, hi: usize) -> Option<(usize, usize)> {
    while p < hi && !b[p].is_ascii_alphanumeric() {
        p += 1;
    }
    if p >= hi {
        return None;
    }
    let s = p;
    while p < hi && b[p].is_ascii_alphanumeric() {
        p += 1;
    }
    Some((s, p))
}
