//! Award categories: the nominees and winners named in a category's scope hold the
//! category's role on their work. "The Best Actor nominees are Jeff Bridges (Crazy
//! Heart), George Clooney (Up in the Air)", "Gary Oldman for Slow Horses", and a row list
//! under a category heading ("Outstanding Lead Actor in a Drama Series" then "Noah Wyle –
//! The Pitt").
//!
//! A category is "Best" or "Outstanding" followed within a few words by a category word
//! of `data/award_categories.tsv` (its role). Its scope is the rest of its sentence; a
//! category that is a heading on its own line reaches over the lines after it, up to the
//! next blank line after a row.

use std::sync::{LazyLock, OnceLock};

use super::roles::Credit;
use super::{Input, Phrases};
use crate::entities::Target;
use crate::facts::RoleKind;
use crate::span::Span;

fn categories() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        Phrases::parse(include_str!("../../data/award_categories.tsv"), "data/award_categories.tsv")
            .expect("data/award_categories.tsv parses (tested)")
    })
}

/// Nouns of a nomination or prize that a category with no "Best" may follow with "for"
/// ("the nominees for lead performer in a play"): `data/word_lists.txt`.
static AWARD_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::lexicon::lists::get("awards.nominee_nouns"));

/// The role of a category starting at token `k` ("Best", "best-actor", "Outstanding"),
/// and the token after its category word.
fn category_at(inp: &Input<'_>, k: usize, b: usize) -> Option<(RoleKind, usize)> {
    let w = inp.tt(k);
    let start = if w.eq_ignore_ascii_case("best") || w.eq_ignore_ascii_case("outstanding") {
        k + 1
    } else if let Some(tail) = w.get(..5).filter(|h| h.eq_ignore_ascii_case("best-")).and_then(|_| w.get(5..)) {
        // "best-actor" is one token: its tail is the category word.
        let role = categories().by_word(tail)?;
        return crate::lexicon::words::parse_role_kind(role).map(|r| (r, k + 1));
    } else if w.eq_ignore_ascii_case("for") && k > 0 && AWARD_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(inp.tt(k - 1))) {
        // "the nominees for lead performer in a play", "the prize for leading actress": a
        // category with no "Best" after an award noun and "for".
        let (role, end) = categories().at(inp, k + 1, b)?;
        return crate::lexicon::words::parse_role_kind(role).map(|r| (r, end));
    } else {
        // "Album of the Year", "Song Of The Year": a category with no "Best".
        let (role, end) = categories().at(inp, k, b)?;
        let of_the_year = end >= k + 4 && inp.tt(end - 1).eq_ignore_ascii_case("year") && inp.tt(end - 3).eq_ignore_ascii_case("of");
        return of_the_year.then(|| crate::lexicon::words::parse_role_kind(role).map(|r| (r, end))).flatten();
    };
    for j in start..(start + 7).min(b) {
        if let Some((role, end)) = categories().at(inp, j, b) {
            return crate::lexicon::words::parse_role_kind(role).map(|r| (r, end));
        }
        if matches!(inp.tt(j), "." | ";" | ":" | "(") {
            break;
        }
    }
    None
}

/// Adds the credits of award categories.
pub fn find(inp: &Input<'_>, credits: &mut Vec<Credit>) {
    let text = inp.text;
    // The last category named in prose, for the sentences after it in its paragraph.
    let mut open: Option<(RoleKind, usize)> = None;
    for s in inp.sentences {
        let (a, b) = (s.first, s.last.min(inp.toks.len()));
        // ("Best Drama Supporting Actor and Actress were named in one go. Victory went to
        // A (“T”) and B (“T2”)"; "Her fellow nominees in the category, C (“T3”), …": a
        // category in prose reaches the name-and-work pairs of the rest of its paragraph,
        // up to the next category.)
        let para_end = text[s.span.start..].find("\n").map_or(text.len(), |x| s.span.start + x);
        let named = (a..b).any(|k| category_at(inp, k, b).is_some());
        match open.filter(|&(_, end)| s.span.start < end) {
            Some((role, _)) if !named => pairs_in_parens(inp, s.span, role, credits),
            Some(_) => {}
            None => open = None,
        }
        let mut k = a;
        while k < b {
            let Some((role, end)) = category_at(inp, k, b) else {
                k += 1;
                continue;
            };
            // The scope: to the next category in the sentence, or its end; a heading line
            // reaches over the rows after it.
            let next = (end..b).find(|&j| category_at(inp, j, b).is_some()).unwrap_or(b);
            let stop = inp.toks.get(next).map_or(s.span.end, |t| t.span.start).min(s.span.end);
            let mut scope = Span::new(inp.toks[k].span.start, stop);
            let line_end = text[scope.start..].find('\n').map_or(text.len(), |x| scope.start + x);
            let heading = next == b && line_end >= s.span.end.min(text.len()) && !text[s.span.start..s.span.end].contains(['.', '!', '?']);
            if heading {
                scope = Span::new(scope.start, rows_end(text, line_end));
            }
            pairs(inp, scope, role, credits);
            if !heading {
                winners_of_subject(inp, s.span.start, k, end, scope, role, credits);
                subject_winner(inp, s.span.start, k, scope, role, credits);
                // ("A (“T”) and B (“T2”) were handed Best Limited Supporting Actor": pairs
                // before the sentence's first category take its role.)
                if k == (a..b).find(|&j| category_at(inp, j, b).is_some()).unwrap_or(b) {
                    pairs_in_parens(inp, Span::new(s.span.start, inp.toks[k].span.start), role, credits);
                }
                open = Some((role, para_end));
            }
            k = next;
        }
    }
}

/// "Zootopia collected trophies for Outstanding Storyboarding – Dean Wellins; Outstanding
/// Writing – Jared Bush & Phil Johnston": a category in running text whose name is
/// followed by a dash and people (or by people in parentheses: "best editor (Ivo Marsh)"), with no work in its scope, credits them on the last
/// work named before it in the sentence. The category's name may go on for up to three
/// capitalised words after its category word ("Outstanding Voice Acting –").
fn winners_of_subject(inp: &Input<'_>, from: usize, k: usize, end: usize, scope: Span, role: RoleKind, credits: &mut Vec<Credit>) {
    let mut dash = end;
    while dash < end + 3 && inp.toks.get(dash).is_some_and(|t| t.shape == crate::text::Shape::Capitalized) {
        dash += 1;
    }
    // ("… with four awards: best editor (Ivo Marsh), best score (Ben Cole)": the winners
    // in parentheses after the category.)
    if !matches!(inp.tt(dash), "–" | "—" | "-" | "(") {
        return;
    }
    let ms = inp.mentions_in(scope);
    if ms.iter().any(|m| matches!(m.target, Target::Title(_))) {
        return;
    }
    let before = Span::new(from, inp.toks[k].span.start);
    let Some(title) = inp.mentions_in(before).iter().rev().find_map(|m| match m.target {
        Target::Title(t) => Some(t),
        _ => None,
    }) else {
        return;
    };
    for m in ms {
        let Target::Person(p) = m.target else { continue };
        if credits.iter().any(|c| c.person == p && c.role == role && c.title == Some(title)) {
            continue;
        }
        credits.push(Credit {
            person: p,
            role,
            character: None,
            title: Some(title),
            evidence: scope,
            rule: "award.category-winner".into(),
        });
    }
}

/// Verbs of winning or being nominated between a person and a category ("Claire Denis
/// collected the Silver Bear for Best Director for “T”"): `data/word_lists.txt`.
static WIN_VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| crate::lexicon::lists::get("awards.win_verbs"));

/// "Claire Denis collected the Silver Bear for Best Director for “Both Sides of the
/// Blade”": a person who is the subject of a winning verb before a category whose scope
/// names a work after "for" and no person holds the category's role on that work.
fn subject_winner(inp: &Input<'_>, from: usize, k: usize, scope: Span, role: RoleKind, credits: &mut Vec<Credit>) {
    // (The first mention in the scope must be that work: a person before it is the
    // category's own pair.)
    let Some(first) = inp.mentions_in(scope).first() else { return };
    let Target::Title(t) = first.target else { return };
    if !inp.text.get(scope.start..first.span.start).is_some_and(|t| t.trim_end_matches(['“', '"', '‘', ' ']).ends_with(" for")) {
        return;
    }
    let cat = inp.toks[k].span.start;
    let before = inp.mentions_in(Span::new(from, cat));
    let Some(m) = before.last() else { return };
    let Target::Person(p) = m.target else { return };
    // The person, a winning verb and at most a few words (the prize's name) before the
    // category, in one clause.
    // (A name that runs into the category's first word, "Pete Best director", has no gap.)
    let Some(gap) = inp.text.get(m.span.end..cat) else { return };
    let words: Vec<&str> = gap.split_whitespace().collect();
    if words.len() > 8 || gap.contains([';', ':', '(']) || !words.iter().any(|w| WIN_VERBS.iter().any(|v| v.eq_ignore_ascii_case(w))) {
        return;
    }
    if credits.iter().any(|c| c.person == p && c.role == role && c.title == Some(t)) {
        return;
    }
    credits.push(Credit { person: p, role, character: None, title: Some(t), evidence: scope, rule: "award.subject-winner".into() });
}

/// Where the rows after a heading that ends at `from` stop: at the next category heading,
/// at a line that reads like a sentence, or after 40 rows (blank lines between rows are
/// allowed: many pages set each row apart).
fn rows_end(text: &str, from: usize) -> usize {
    let mut at = from;
    let mut rows = 0;
    for line in text[from..].split_inclusive('\n') {
        let t = line.trim();
        // (Another heading in capitals, "BREAKTHROUGH PERFORMANCE", ends the rows too.)
        let caps = rows > 0 && t.chars().any(char::is_uppercase) && !t.chars().any(char::is_lowercase) && !t.contains(['–', '—', '-', ',']);
        let heading = t.get(..5).is_some_and(|h| h.eq_ignore_ascii_case("best "))
            || t.get(..12).is_some_and(|h| h.eq_ignore_ascii_case("outstanding "))
            || caps
            // ("Song Of The Year:": a category heading of its own.)
            || (rows > 0 && t.ends_with(':'));
        if !t.is_empty() && (heading || t.len() > 120 || (t.ends_with(['.', '!', '?']) && !t.ends_with("Jr.") && t.contains(". "))) {
            break;
        }
        if !t.is_empty() {
            rows += 1;
        }
        at += line.len();
        if rows > 40 {
            break;
        }
    }
    at
}

/// The person-and-work pairs in a scope: "Person (Title)", "Person for Title", and on a
/// row "Person – Title", "Person, Title" or "Title – Person".
fn pairs(inp: &Input<'_>, scope: Span, role: RoleKind, credits: &mut Vec<Credit>) {
    let ms = inp.mentions_in(scope);
    let mut add = |p: usize, t: usize| {
        if credits.iter().any(|c| c.person == p && c.role == role && c.title == Some(t)) {
            return;
        }
        // The same credit read from the same words with another work or none took the
        // wrong one: the pair is the better reading.
        if let Some(c) = credits.iter_mut().find(|c| c.person == p && c.role == role && c.evidence.overlaps(scope)) {
            c.title = Some(t);
            c.rule = "award.category-pair".into();
            return;
        }
        credits.push(Credit { person: p, role, character: None, title: Some(t), evidence: scope, rule: "award.category-pair".into() });
    };
    for (i, m) in ms.iter().enumerate() {
        let Some(n) = ms.get(i + 1) else { break };
        let between = inp.text.get(m.span.end..n.span.start).unwrap_or("");
        // ("Omar Diaz (Set Decorator), “Glass Harbor”": a job in parentheses after the name
        // is read past.)
        let after_job = match (between.trim_start().strip_prefix('('), between.find(')')) {
            (Some(_), Some(c)) if c < 40 && matches!(n.target, Target::Title(_)) => &between[c + 1..],
            _ => between,
        };
        let gap = after_job.trim_matches(|c: char| c.is_whitespace() || "“”\"‘’*".contains(c));
        let same_line = !between.contains('\n');
        match (m.target, n.target) {
            (Target::Person(p), Target::Title(t)) => {
                let ok = gap == "("
                    || gap.eq_ignore_ascii_case("for")
                    || gap.eq_ignore_ascii_case(", for")
                    // "went to Phil Linzey of The Outer Limits"
                    || gap.eq_ignore_ascii_case("of")
                    // "Emma Stone in ‘The Favourite’ and Keri Russell in ‘The Americans’":
                    // a performance named by its work.
                    || (role == RoleKind::Actor && (gap.eq_ignore_ascii_case("in") || gap.eq_ignore_ascii_case(", in")))
                    || (same_line && matches!(gap, "–" | "—" | "-" | "," | ":" | "|"))
                    // "Sally Hawkins The Shape of Water": a row with no separator, the
                    // name first on its line.
                    || (between == " " && starts_row(inp.text, m.span.start));
                if ok {
                    add(p, t);
                    // "Trent Reznor/Atticus Ross/Jon Batiste, “Soul”", "Adam Stockhausen
                    // (Production Designer), Anna Pinnock (Set Decorator), The Grand
                    // Budapest Hotel": the names before it on its row share the work.
                    let mut first = m;
                    for x in ms[..i].iter().rev() {
                        let Target::Person(q) = x.target else { break };
                        let between = inp.text.get(x.span.end..first.span.start).unwrap_or("");
                        let bare = match (between.find('('), between.rfind(')')) {
                            (Some(o), Some(c)) if o < c && c - o < 40 => format!("{}{}", &between[..o], &between[c + 1..]),
                            _ => between.to_string(),
                        };
                        if between.contains('\n') || !matches!(bare.trim(), "," | "/" | "&" | "and" | ", and" | ";") {
                            break;
                        }
                        add(q, t);
                        first = x;
                    }
                }
            }
            // "Title – Person" rows, "Title (Person)" nominees.
            (Target::Title(t), Target::Person(p))
                if same_line && matches!(gap, "–" | "—" | "-" | "," | "|" | "(") && (starts_row(inp.text, m.span.start) || gap == "(") =>
            {
                add(p, t);
                // "“Alright” — Ana Bell, Joe Dunn & Ty Moore": the row's other names.
                let mut last = n;
                for x in &ms[i + 2..] {
                    let between = inp.text.get(last.span.end..x.span.start).unwrap_or("");
                    let joined = matches!(between.trim(), "," | "&" | "and" | ", and" | "Featuring" | "featuring" | "feat." | "ft.");
                    let Target::Person(q) = x.target else { break };
                    if !joined {
                        break;
                    }
                    add(q, t);
                    last = x;
                }
            }
            _ => {}
        }
    }
}

/// The pairs "Person (“Title”)" of a span of prose: a name and a quoted work in
/// parentheses right after it.
fn pairs_in_parens(inp: &Input<'_>, span: Span, role: RoleKind, credits: &mut Vec<Credit>) {
    let ms = inp.mentions_in(span);
    for w in ms.windows(2) {
        let (Target::Person(p), Target::Title(t)) = (w[0].target, w[1].target) else { continue };
        let between = inp.text.get(w[0].span.end..w[1].span.start).unwrap_or("");
        let quoted = matches!(between.trim(), "(“" | "(\"" | "(‘");
        if quoted && !credits.iter().any(|c| c.person == p && c.role == role && c.title == Some(t)) {
            credits.push(Credit {
                person: p,
                role,
                character: None,
                title: Some(t),
                evidence: span,
                rule: "award.category-paragraph".into(),
            });
        }
    }
}

/// Whether byte `at` starts a row: only quotes, bold marks or spaces before it on its line.
fn starts_row(text: &str, at: usize) -> bool {
    text[..at].rfind('\n').is_none_or(|x| text[x + 1..at].trim_matches(['“', '"', '*', ' ']).is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn award_categories_parse() {
        assert_eq!(super::categories().by_word("actress"), Some("actor"));
        assert_eq!(super::categories().by_word("nope"), None);
    }
}
