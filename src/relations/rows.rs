//! Row credits: the roles a row list states with no verb. A marker inside a row gives the
//! people it lists its role on the row's work ("Night Ferry – dir. Tom Wrobel", "7. Used
//! (feat. Don Toliver)"); a label row gives the people it lists its role on the work the
//! block is about ("Director: Ana Ruiz" under "'Harbor Lights' (2023)", else the
//! article's one work). The words are data (`data/row_words.tsv`); the entity stage has
//! typed the fields of the same rows (`entities::rows`). Prize and nominee rows are read
//! by `awards`, festival entries by `lineup`.

use super::roles::Credit;
use super::Input;
use crate::entities::rows::{by_label, marker_at, row_word, RowWord};
use crate::entities::Target;
use crate::facts::RoleKind;
use crate::span::Span;
use crate::text::Shape;

/// Longest line read as a row, in tokens.
const MAX_ROW_TOKENS: usize = 32;

/// How many lines above a label row its work's heading may be ("'Harbor Lights' (2023)",
/// "Available on: March 7", "Director: Ana Ruiz", "Runtime: 98 minutes", "Cast: ...").
const HEADING_REACH: usize = 8;

/// The first token of a row after its list marker and opening quotes.
fn content_start(inp: &Input<'_>, a: usize, b: usize) -> usize {
    let mut k = a;
    while k < b && matches!(inp.tt(k), "-" | "–" | "—" | "•" | "*" | "·" | "#" | "▪" | "►" | "■" | "▼" | "“" | "\"" | "‘" | "'")
    {
        k += 1;
    }
    // ("7. Used", "7) Used", and "01 “Live Like We’re Dying”": a number then a quote.)
    let quote_after = matches!(inp.tt(k + 1), "“" | "\"" | "‘");
    if k < b && inp.toks[k].shape == Shape::Digits && inp.tt(k).len() <= 3 && (matches!(inp.tt(k + 1), "." | ")") || quote_after) {
        k += if quote_after { 1 } else { 2 };
        while k < b && matches!(inp.tt(k), "“" | "\"" | "‘" | "'") {
            k += 1;
        }
    }
    k
}

/// How many rows under a lead-in its column role reaches.
const MAX_COLUMN_ROWS: usize = 60;

/// The role a lead-in line gives the names in parentheses of the rows under it: a line
/// that names parentheses and a role word ("… and the songwriting credits for each appear
/// in parentheses:", "producers in brackets").
fn column_lead_in(inp: &Input<'_>, a: usize, b: usize) -> Option<RoleKind> {
    if b <= a || b - a > 3 * MAX_ROW_TOKENS {
        return None;
    }
    let parens = (a..b).any(|k| ["parentheses", "parenthesis", "brackets"].iter().any(|w| inp.tt(k).eq_ignore_ascii_case(w)));
    if !parens {
        return None;
    }
    (a..b).find_map(|k| match row_word(inp.tt(k)) {
        Some(RowWord::Column(r) | RowWord::Label(r)) => Some(r),
        _ => None,
    })
}

/// The people in the parenthesis right after the title that opens row `a..b` (past its
/// closing quotes), unless a marker opens it ("(feat. X)", read as a marker row).
fn paren_people_after_title(inp: &Input<'_>, a: usize, b: usize) -> Vec<usize> {
    let k = content_start(inp, a, b);
    let Some(at) = inp.toks.get(k).map(|t| t.span.start) else { return Vec::new() };
    let Some(m) = inp.mentions_in(Span::new(at, inp.toks[b - 1].span.end)).first().filter(|m| m.span.start == at) else {
        return Vec::new();
    };
    let mut j = inp.tok_at(m.span.end);
    while j < b && matches!(inp.tt(j), "”" | "\"" | "’" | "'") {
        j += 1;
    }
    if j >= b || inp.tt(j) != "(" || marker_at(|x| inp.tt(x), j + 1, b).is_some() {
        return Vec::new();
    }
    let Some(close) = (j + 1..b).find(|&x| inp.tt(x) == ")") else { return Vec::new() };
    people_in(inp, j + 1, close)
}

/// The title mention that opens the row `a..b`, if one does.
fn opening_title(inp: &Input<'_>, a: usize, b: usize) -> Option<usize> {
    let k = content_start(inp, a, b);
    let at = inp.toks.get(k)?.span.start;
    let end = inp.toks.get(b.checked_sub(1)?)?.span.end;
    inp.mentions_in(Span::new(at, end)).first().and_then(|m| match m.target {
        Target::Title(t) if m.span.start == at => Some(t),
        _ => None,
    })
}

/// The last title mention in tokens `a..k` outside parentheses: the work before a marker
/// ("Golden Bear: Harbor of Salt, dir. Ana Ruiz", "Night Ferry (closing film) – dir.").
fn title_before(inp: &Input<'_>, a: usize, k: usize) -> Option<usize> {
    let from = inp.toks.get(a)?.span.start;
    let to = inp.toks.get(k.checked_sub(1)?)?.span.end;
    inp.mentions_in(Span::new(from, to)).iter().rev().find_map(|m| match m.target {
        Target::Title(t) if inp.tt(inp.tok_at(m.span.start).wrapping_sub(1)) != "(" => Some(t),
        _ => None,
    })
}

/// The people a list in tokens `a..b` names: each mention that opens an item of it (at
/// `a`, or after a comma, "and" or "&"). ("feat. Jay Bell and My cousin Nicole" lists
/// Jay Bell and a cousin.)
fn people_in(inp: &Input<'_>, a: usize, b: usize) -> Vec<usize> {
    let (Some(x), Some(y)) = (inp.toks.get(a), b.checked_sub(1).and_then(|l| inp.toks.get(l))) else { return Vec::new() };
    if b <= a {
        return Vec::new();
    }
    inp.mentions_in(Span::new(x.span.start, y.span.end))
        .iter()
        .filter(|m| {
            let i = inp.tok_at(m.span.start);
            i == a || matches!(inp.tt(i.wrapping_sub(1)), "," | "and" | "&")
        })
        .filter_map(|m| if let Target::Person(p) = m.target { Some(p) } else { None })
        .collect()
}

/// The role of a label row whose label ends at colon `c` and whose fields run to `to`:
/// a closing role word ("Documentary: The Mind of a Child, Gary Marcuse, producer"), else
/// the label's word ("Director:", "Editor (documentary):", "Best Editor:" aside: a prize
/// category of one or two words before the colon, or before a note in parentheses).
fn label_role(inp: &Input<'_>, from: usize, c: usize, to: usize) -> Option<RoleKind> {
    let label = |k: usize| match row_word(inp.tt(k)) {
        Some(RowWord::Label(r)) => Some(r),
        _ => None,
    };
    let closing = (to >= c + 4 && inp.tt(to - 2) == "," && inp.toks[to - 1].shape == Shape::Lower).then(|| label(to - 1)).flatten();
    if closing.is_some() {
        return closing;
    }
    let end = match inp.tt(c - 1) {
        ")" => (from..c).find(|&k| inp.tt(k) == "(")?,
        _ => c,
    };
    (end > from && end - from <= 2).then(|| label(end - 1)).flatten()
}

/// The one work a row's fields from `a` to `b` mention, if exactly one.
fn row_work(inp: &Input<'_>, a: usize, b: usize) -> Option<usize> {
    let (x, y) = (inp.toks.get(a)?, inp.toks.get(b.checked_sub(1)?)?);
    let mut works = inp.mentions_in(Span::new(x.span.start, y.span.end)).iter().filter_map(|m| match m.target {
        Target::Title(t) => Some(t),
        _ => None,
    });
    let w = works.next()?;
    works.all(|o| o == w).then_some(w)
}

/// The labelled sentences of an entry paragraph (tokens `a..b`) about work `t`: ". Director:
/// Steve Wang.", ". Cast: Mark Dacascos, Kadeem Hardison." give their people the label's
/// role on the work.
fn entry_credits(inp: &Input<'_>, a: usize, b: usize, t: usize, line: Span, sections: &[(usize, usize)], credits: &mut Credits<'_>) {
    for k in a + 2..b.saturating_sub(1) {
        if inp.tt(k - 1) != "." || inp.tt(k + 1) != ":" {
            continue;
        }
        let Some(RowWord::Label(role)) = row_word(inp.tt(k)) else { continue };
        let to = (k + 2..b).find(|&j| inp.tt(j) == ".").unwrap_or(b);
        for p in people_in(inp, k + 2, to) {
            credits.add(sections, p, role, Some(t), None, line, "row.entry-label");
        }
    }
}

/// The credits so far, indexed by person and role: a list of 10,000 rows stays linear.
struct Credits<'c> {
    list: &'c mut Vec<Credit>,
    by: crate::hash::FxHashMap<(usize, RoleKind), Vec<usize>>,
}

impl<'c> Credits<'c> {
    fn new(list: &'c mut Vec<Credit>) -> Credits<'c> {
        let mut by: crate::hash::FxHashMap<(usize, RoleKind), Vec<usize>> = crate::hash::FxHashMap::default();
        for (i, c) in list.iter().enumerate() {
            by.entry((c.person, c.role)).or_default().push(i);
        }
        Credits { list, by }
    }

    /// Adds a credit unless it is there. A credit of the same person and role read from
    /// the same line, or from the same section of a list article (the paragraphs under a
    /// heading that opens with the row's work), with another work took the wrong one:
    /// "Cast: Jo Kim" under "'Harbor Lights' (2023)" says which work the section's prose
    /// credits are on.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        sections: &[(usize, usize)],
        person: usize,
        role: RoleKind,
        title: Option<usize>,
        character: Option<&str>,
        line: Span,
        rule: &'static str,
    ) {
        let same = self.by.entry((person, role)).or_default();
        if same.iter().any(|&i| self.list[i].title == title) {
            return;
        }
        let in_section = |at: usize| title.is_some() && super::section_at(sections, at) == title;
        let wrong = |c: &Credit| c.evidence.overlaps(line) || (in_section(line.start) && in_section(c.evidence.start));
        if let Some(&i) = same.iter().find(|&&i| wrong(&self.list[i])) {
            let c = &mut self.list[i];
            if title.is_some() {
                c.title = title;
                c.rule = rule.into();
            }
            if c.character.is_none() {
                c.character = character.map(str::to_string);
            }
            return;
        }
        same.push(self.list.len());
        self.list.push(Credit { person, role, character: character.map(str::to_string), title, evidence: line, rule: rule.into() });
    }
}

/// Adds the credits of row markers and label rows.
pub fn find(inp: &Input<'_>, credits: &mut Vec<Credit>) {
    let ps = &inp.article.paragraphs;
    let (Some(first), Some(last)) = (ps.first(), ps.last()) else { return };
    let body = Span::new(first.start, last.end);
    let Some(text) = body.get(inp.text) else { return };
    // The last lines that opened with a title, for label rows under them: (line index, title).
    let mut heading: Option<(usize, usize)> = None;
    let dominant = std::cell::OnceCell::new();
    let sections = inp.section_titles();
    let mut credits = Credits::new(credits);
    // What a list's lead-in says its parentheses hold: (line index, role).
    let mut column: Option<(usize, RoleKind)> = None;
    let mut at = body.start;
    for (li, line) in text.split('\n').enumerate() {
        let span = Span::new(at, at + line.len());
        at = span.end + 1;
        let (a, b) = (inp.tok_at(span.start), inp.tok_at(span.end));
        if let Some(role) = column_lead_in(inp, a, b) {
            column = Some((li, role));
        }
        // "Drive: A freighter … Director: Steve Wang. Cast: Mark Dacascos, …": an entry
        // paragraph about the work it opens with credits it in labelled sentences.
        if b > a + MAX_ROW_TOKENS || line.trim_end().ends_with('.') {
            if let Some(t) = opening_title(inp, a, b) {
                entry_credits(inp, a, b, t, span, &sections, &mut credits);
            }
        }
        if b <= a || b - a > MAX_ROW_TOKENS || line.trim_end().ends_with(['.', '!', '?']) && !line.trim_end().ends_with(" Jr.") {
            continue;
        }
        if let Some(t) = opening_title(inp, a, b) {
            heading = Some((li, t));
            // "01 “Live Like We’re Dying” (Ana Bell, Joe Dunn)" under "the songwriting
            // credits appear in parentheses".
            if let Some((_, role)) = column.filter(|&(cl, _)| li - cl <= MAX_COLUMN_ROWS) {
                for p in paren_people_after_title(inp, a, b) {
                    credits.add(&sections, p, role, Some(t), None, span, "row.column");
                }
            }
        }
        // The work a label or a cast row is on: its heading's, else the article's.
        let block_work = || match heading {
            Some((hl, t)) if li - hl <= HEADING_REACH => Some(t),
            _ => *dominant.get_or_init(|| inp.dominant_title()),
        };
        let start = content_start(inp, a, b);
        // Credit lines: "Directed by Ana Ruiz", "Written by Jo Kim, Leo Park".
        if let Some((role, names)) = by_label(|k| inp.tt(k), start, b) {
            let work = block_work();
            for p in people_in(inp, names, b) {
                credits.add(&sections, p, role, work, None, span, "row.by");
            }
            continue;
        }
        // Label rows: "Director: Ana Ruiz", "Available: June 1 | Director: Ana Ruiz".
        let mut from = start;
        while from < b {
            let to = (from..b).find(|&k| matches!(inp.tt(k), "|" | ";")).unwrap_or(b);
            let colon = (from..(from + 7).min(to)).find(|&k| inp.tt(k) == ":");
            if let Some((c, role)) = colon.filter(|&c| c > from).and_then(|c| Some((c, label_role(inp, from, c, to)?))) {
                // (A prize row names its own work: "Editor (documentary): Janice Brown, A
                // Rough Crossing".)
                let own = row_work(inp, c + 1, to);
                let work = own.or_else(block_work);
                for p in people_in(inp, c + 1, to) {
                    credits.add(&sections, p, role, work, None, span, if own.is_some() { "row.label-work" } else { "row.label" });
                }
            }
            from = to + 1;
        }
        // Instruments: "1- Nile Rodgers (Guitar), Gonzales (Piano) – 4:34".
        let Some(from) = inp.toks.get(start).map(|t| t.span.start).filter(|_| start < b) else { continue };
        for m in inp.mentions_in(Span::new(from, span.end)) {
            let Target::Person(p) = m.target else { continue };
            let j = inp.tok_at(m.span.end);
            if inp.tt(j) == "(" && inp.tt(j + 2) == ")" {
                if let Some(RowWord::Instrument(role)) = row_word(inp.tt(j + 1)) {
                    credits.add(&sections, p, role, block_work(), None, span, "row.instrument");
                }
            }
        }
        // Markers: "Night Ferry – dir. Tom Wrobel", "Used (feat. Don Toliver)".
        let mut k = start + 1;
        while k < b {
            let Some((word, end)) = marker_at(|j| inp.tt(j), k, b) else {
                k += 1;
                continue;
            };
            let stop =
                (end..b).find(|&j| matches!(inp.tt(j), "(" | ")" | "–" | "—") || marker_at(|x| inp.tt(x), j, b).is_some()).unwrap_or(b);
            let people = people_in(inp, end, stop);
            match word {
                RowWord::Marker(role) => {
                    let title = title_before(inp, a, k);
                    for p in people {
                        credits.add(&sections, p, role, title, None, span, "row.marker");
                    }
                }
                RowWord::Character(role) => {
                    // "Musashi – CV: Yūma Uchida": the character is the field before.
                    let mut e = k;
                    while e > start && matches!(inp.tt(e - 1), "–" | "—" | "-" | "," | ":" | "|") {
                        e -= 1;
                    }
                    let character = (e > start)
                        .then(|| Span::new(inp.toks[start].span.start, inp.toks[e - 1].span.end))
                        .and_then(|sp| sp.get(inp.text))
                        .filter(|c| c.split(' ').count() <= 4);
                    let work = block_work();
                    for p in people {
                        credits.add(&sections, p, role, work, character, span, "row.cast");
                    }
                }
                _ => {}
            }
            k = stop.max(k + 1);
        }
    }
}
