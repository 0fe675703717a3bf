//! Row lists: a block of short lines with the same fields on every line ("Hana Okafor –
//! The Quiet Coast", "“Bird,” Andrea Arnold", "Title (Distributor) — $12.1M"). Case says
//! little in a row, but the columns do: when some fields of a column are certainly names
//! (a known given name starting a two- or three-word field), the column holds people, and
//! the other name-like column of a two-column list holds works. Each field then gets that
//! evidence, so an unknown name or an unquoted title in the same column is read alike.

use super::runs::{Run, View};
use crate::facts::RoleKind;
use crate::lexicon::words::class;
use crate::span::Span;
use crate::text::{Sentence, Shape};

/// What a column of a row list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Person,
    Title,
    /// A work the layout makes certain: the rest of a line that runs a name into its
    /// work ("Denzel Washington Roman J. Israel" under "Best Actor").
    Work,
    Character,
}

/// What a word says in a row list (`data/row_words.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowWord {
    /// Inside a row, the field after it lists people holding the role on the row's work
    /// ("dir.", "feat.").
    Marker(RoleKind),
    /// A row "Label: names" lists people holding the role on the block's work
    /// ("Director:", "Cast:").
    Label(RoleKind),
    /// In a heading, says the numbered items under it are works ("Tracklist").
    Works,
    /// Inside a row, the field before it is a character and the field after it lists who
    /// plays it, in the role, on the block's work ("Musashi – CV: Yūma Uchida").
    Character(RoleKind),
    /// In parentheses after a name in a row, says the name plays it, in the role, on the
    /// block's work ("Nile Rodgers (Guitar)").
    Instrument(RoleKind),
    /// In a list's lead-in that says what its parentheses hold ("the songwriting credits
    /// appear in parentheses"), the role of the names in parentheses after each row's work.
    Column(RoleKind),
    /// A row "Word by names" lists people holding the role on the block's work
    /// ("Directed by", "Written by"; a label word works so too: "Music by").
    By(RoleKind),
}

fn row_words() -> &'static [(&'static str, RowWord)] {
    static W: std::sync::OnceLock<Vec<(&'static str, RowWord)>> = std::sync::OnceLock::new();
    W.get_or_init(|| parse_row_words(include_str!("../../data/row_words.tsv")).expect("data/row_words.tsv parses (tested)"))
}

fn parse_row_words(text: &'static str) -> Result<Vec<(&'static str, RowWord)>, String> {
    let mut out = Vec::new();
    let mut prev = "";
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |m: &str| format!("data/row_words.tsv:{}: {m}", i + 1);
        let mut cols = line.split('\t');
        let (Some(w), Some(c), Some(r), None) = (cols.next(), cols.next(), cols.next(), cols.next()) else {
            return Err(at("expected word<TAB>class<TAB>role"));
        };
        if w <= prev {
            return Err(at("rows are not sorted (or repeat one)"));
        }
        prev = w;
        if w.is_empty() || w.bytes().any(|b| b.is_ascii_uppercase() || b == b' ') {
            return Err(at("a word is one lower-case word"));
        }
        let role = || crate::lexicon::words::parse_role_kind(r).ok_or_else(|| at(&format!("unknown role {r:?}")));
        let word = match (c, r) {
            ("marker", _) => RowWord::Marker(role()?),
            ("label", _) => RowWord::Label(role()?),
            ("works", "-") => RowWord::Works,
            ("character", _) => RowWord::Character(role()?),
            ("instrument", _) => RowWord::Instrument(role()?),
            ("column", _) => RowWord::Column(role()?),
            ("by", _) => RowWord::By(role()?),
            _ => return Err(at(&format!("unknown class {c:?} (or a role where none belongs)"))),
        };
        out.push((w, word));
    }
    Ok(out)
}

/// What word `w` (any case) says in a row. No allocation: lower-cased in a stack buffer.
pub(crate) fn row_word(w: &str) -> Option<RowWord> {
    let mut buf = [0u8; 24];
    let key = crate::text::lower_key(w, &mut buf)?;
    let words = row_words();
    words.binary_search_by(|(x, _)| (*x).cmp(key)).ok().map(|i| words[i].1)
}

/// A credit line's opening at token `k` ("Directed by", "Written by", "Music by",
/// "Executive produced by"): the role, and the token where its names start.
pub(crate) fn by_label<'t>(tt: impl Fn(usize) -> &'t str, k: usize, b: usize) -> Option<(RoleKind, usize)> {
    if k + 2 >= b {
        return None;
    }
    if tt(k).eq_ignore_ascii_case("executive") && k + 2 < b && tt(k + 1).eq_ignore_ascii_case("produced") && tt(k + 2) == "by" {
        return Some((RoleKind::ExecutiveProducer, k + 3));
    }
    // (Capitalised: the line opens with it; "produced by" inside prose is a verb's.)
    if !tt(k).starts_with(|c: char| c.is_ascii_uppercase()) || k + 2 >= b || tt(k + 1) != "by" {
        return None;
    }
    match row_word(tt(k))? {
        RowWord::By(role) | RowWord::Label(role) => Some((role, k + 2)),
        _ => None,
    }
}

/// The marker at token `k` of a row ending before `b` ("dir.", "dir:", "feat.",
/// "featuring", "CV:"): what it says (a [`RowWord::Marker`] or [`RowWord::Character`])
/// and the token after it. A short form needs its full stop or colon ("dir Ana" is no
/// marker).
pub(crate) fn marker_at<'t>(tt: impl Fn(usize) -> &'t str, k: usize, b: usize) -> Option<(RowWord, usize)> {
    let w = tt(k);
    // ("The Homesman, music by Marco Beltrami", "Iron Bay – directed by Ana Ruiz": a
    // credit phrase after a separator marks the names after it.)
    // ("Dog Sweat – East Coast Premiere (Directed by Hossein Keshavarz)": or in parentheses.)
    if k > 0 && matches!(tt(k - 1), "," | "–" | "—" | "-" | "(") && k + 2 < b && tt(k + 1) == "by" {
        if let Some(RowWord::By(role) | RowWord::Label(role)) = row_word(w) {
            return Some((RowWord::Marker(role), k + 2));
        }
    }
    // ("“Chile ’76” (Chile/USA), Director: Manuela Martelli": a label inside a row, with
    // its colon, marks the field after it like "dir.".)
    // ("…, Screenwriters Carla Simón & Arnau Vilaró": a long label needs no colon.)
    if let Some(RowWord::Label(role)) = row_word(w) {
        let after_sep = k > 0 && matches!(tt(k - 1), "," | "–" | "—" | "-");
        if after_sep && k + 1 < b && tt(k + 1) == ":" {
            return Some((RowWord::Marker(role), k + 2));
        }
        return (after_sep && w.len() > 8 && k + 1 < b).then_some((RowWord::Marker(role), k + 1));
    }
    let word = row_word(w).filter(|r| matches!(r, RowWord::Marker(_) | RowWord::Character(_)))?;
    if k + 1 < b && matches!(tt(k + 1), "." | ":") {
        Some((word, k + 2))
    } else if w.len() > 4 && k + 1 < b {
        Some((word, k + 1))
    } else {
        None
    }
}

/// A field of a row line: tokens `a..b`, and the role of the marker before it, if any
/// ("Night Ferry – dir. Tom Wrobel": "Tom Wrobel" has director).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Field {
    a: usize,
    b: usize,
    mark: Option<RowWord>,
    /// Whether "for" after a name opens it: "Hana Okafor for Cold Tide".
    work: bool,
}

/// The first token of a row after its list marker: "-", "•", "■", "3.", "3)", "#3".
fn item_start(v: &View<'_>, a: usize, b: usize) -> usize {
    let mut k = a;
    while k < b && (matches!(v.tt(k), "-" | "–" | "—" | "•" | "·" | "#" | "▪" | "►" | "■" | "▼" | "□" | "◆") || stars(v.tt(k)))
    {
        k += 1;
    }
    if k < b && v.toks[k].shape == Shape::Digits && v.tt(k).len() <= 3 && matches!(v.tt(k + 1), "." | ")") {
        k += 2;
    }
    k.min(b)
}

/// Whether a token is asterisks only: a bullet, or bold marks around a row
/// ("**Iron Bay – Ana Ruiz**").
fn stars(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| c == b'*')
}

/// Whether the row line `a..b` is a numbered item ("3. Tin Roof", "3) Tin Roof", "#3").
fn numbered(v: &View<'_>, a: usize, b: usize) -> bool {
    let k = if v.tt(a) == "#" { a + 1 } else { a };
    k < b && v.toks[k].shape == Shape::Digits && v.tt(k).len() <= 3 && (v.tt(a) == "#" || matches!(v.tt(k + 1), "." | ")"))
}

/// Fields of one line: token ranges between separators, after its list marker. A marker
/// word ("dir.", "feat.") starts a field that lists people, up to a parenthesis or a dash;
/// "and" and "&" split such a list.
fn fields(v: &View<'_>, a: usize, b: usize, colons: bool) -> Vec<Field> {
    let mut out = Vec::new();
    let a = item_start(v, a, b);
    // ("Chernobyl – WINNER": a status marker after a last dash is no field.)
    let b = if b >= a + 3 && matches!(v.tt(b - 2), "–" | "—" | "-") && crate::entities::runs::is_row_marker(v.tt(b - 1)) {
        b - 2
    } else {
        b
    };
    // ("… - Capital Repertory Theatre, Albany, NY": the places after a last comma are the
    // field's address, no columns of their own.)
    let place = |k: usize| v.info.get(k).is_some_and(|w| w.is(class::PLACE)) || (v.tt(k).len() == 2 && v.toks[k].shape == Shape::AllCaps);
    let mut b = b;
    while let Some(c) = (a + 1..b).rev().find(|&k| v.tt(k) == ",") {
        if c + 1 < b && b - c <= 4 && (c + 1..b).all(|k| place(k) || v.tt(k) == ".") {
            b = c;
        } else {
            break;
        }
    }
    let mut start = a;
    let mut mark: Option<RowWord> = None;
    // ("Day-Lewis", "Jean-Pierre": a hyphen inside a word is no separator.)
    let inside = |k: usize| {
        k > a && v.toks[k - 1].span.end == v.toks[k].span.start && v.toks.get(k + 1).is_some_and(|n| n.span.start == v.toks[k].span.end)
    };
    // (A colon ends a label or a prize, "Director:", "Best Film:", "Jury Prize:", or a field that is no
    // name; inside a work it is a subtitle's, "Hara-Kiri: Death of a Samurai".)
    let colon = |start: usize, k: usize| {
        colons
            || k == start
            || !namelike(v, (start, k))
            || !v.is_upper(k + 1)
            || v.blocked.get(k + 1).copied().unwrap_or(true)
            || matches!(row_word(v.tt(k - 1)), Some(RowWord::Label(_)))
            || v.info.get(start).is_some_and(|w| w.is(class::AWARD))
            || v.info.get(k - 1).is_some_and(|w| w.is(class::AWARD))
    };
    let sep = |start: usize, k: usize| {
        matches!(v.tt(k), "–" | "—" | "," | "|" | "(" | ")" | "[" | "]" | "“" | "”" | "\"" | "•")
            || stars(v.tt(k))
            || (v.tt(k) == "-" && !inside(k))
            || (v.tt(k) == ":" && colon(start, k))
            || (v.tt(k) == "for" && personish(v, (start, k)))
    };
    let mut work = false;
    let tt = |k: usize| v.tt(k);
    let mut k = a;
    while k <= b {
        let marker = if k > a && k < b { marker_at(tt, k, b) } else { None };
        if k == b || sep(start, k) || marker.is_some() || (mark.is_some() && matches!(v.tt(k), "and" | "&")) {
            // (A field of punctuation alone, a stray "." before a quote, is no field.)
            if k > start && (start..k).any(|j| v.toks[j].is_word()) {
                out.push(Field { a: start, b: k, mark, work });
            }
            work = k < b && v.tt(k) == "for";
            if let Some((word, end)) = marker {
                mark = Some(word);
                start = end;
                k = end;
                continue;
            }
            if matches!(v.tt(k), "(" | ")" | "[" | "]" | "–" | "—") {
                mark = None;
            }
            start = k + 1;
        }
        k += 1;
    }
    out
}
/// Whether a field looks like a person's name: two or three capitalised words, the first
/// a known given name.
fn personish(v: &View<'_>, f: (usize, usize)) -> bool {
    // ("J.K. Simmons", "J. Cole": initials, then one or two capitalised names.)
    let mut k = f.0;
    while k + 1 < f.1 && v.tt(k).len() == 1 && v.is_upper(k) && v.tt(k + 1) == "." {
        k += 2;
    }
    if k > f.0 {
        return (1..=2).contains(&(f.1 - k)) && (k..f.1).all(|j| v.toks[j].shape == Shape::Capitalized);
    }
    let n = f.1 - f.0;
    (2..=3).contains(&n)
        && (f.0..f.1).all(|k| v.is_upper(k) || v.tt(k) == ".")
        && v.info.get(f.0).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON))
}

/// "Best Actor – Michael Keaton, Birdman", "Best Picture – Boyhood": a row that opens with
/// a prize category and a dash lists its winners, then their work; under a category for a
/// work (its last word a noun for one: "Picture", "Feature", "Comedy") the one field is the
/// work. Pushes the columns and says whether the row was read.
fn prize_row(v: &View<'_>, sentences: &[Sentence], fs: &[Field], out: &mut Vec<(Run, Column)>) -> bool {
    let Some(cat) = fs.first().filter(|f| f.mark.is_none() && f.b > f.a && matches!(v.tt(f.b), "–" | "—" | "-")) else {
        return false;
    };
    if !(cat.a..cat.b).any(|k| v.info.get(k).is_some_and(|w| w.is(class::AWARD))) {
        return false;
    }
    let rest: Vec<(usize, usize)> = fs[1..].iter().filter(|f| f.mark.is_none() && !f.work).map(|f| (f.a, f.b)).collect();
    let Some((&last, people)) = rest.split_last() else { return false };
    if !namelike(v, last) || personish(v, last) {
        return false;
    }
    if !people.is_empty() && people.iter().all(|&f| personish(v, f) || listed_name(v, f)) {
        for &f in people {
            out.push((field_run(v, sentences, f), Column::Person));
        }
        out.push((field_run(v, sentences, last), Column::Work));
        return true;
    }
    let for_work = ["picture", "film", "feature", "movie", "comedy", "drama", "documentary", "series", "ensemble", "album", "animation"];
    if people.is_empty() && for_work.iter().any(|w| v.tt(cat.b - 1).eq_ignore_ascii_case(w)) {
        out.push((field_run(v, sentences, last), Column::Work));
        return true;
    }
    false
}

/// The names of a field that lists people ("Pauline Heaton and Kirk Tougas"): its parts
/// between "and", "&" and commas, each read by `is_name`; `None` when a part is not one.
fn names_in(v: &View<'_>, f: (usize, usize), is_name: impl Fn((usize, usize)) -> bool) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let mut start = f.0;
    for k in f.0..=f.1 {
        if k == f.1 || matches!(v.tt(k), "and" | "&" | ",") {
            let part = (start, k);
            if k == start || !is_name(part) {
                return None;
            }
            out.push(part);
            start = k + 1;
        }
    }
    Some(out)
}

/// "Documentary: The Mind of a Child, Gary Marcuse, producer", "Editor: Janice Brown, A
/// Rough Crossing": after a prize and its colon, a row names a work and the people who
/// won for it, in either order. The people are the field that a closing role word
/// follows ("…, producers"; then the fields before it, commas and all, are the work), or
/// else the one field that reads as known names beside one that does not (a work starts
/// with an article or is no name). Pushes the columns and says whether the row was read.
fn label_row(v: &View<'_>, sentences: &[Sentence], line: (usize, usize), fs: &[Field], out: &mut Vec<(Run, Column)>) -> bool {
    let Some(colon) = (line.0..line.1).find(|&k| v.tt(k) == ":") else { return false };
    let rest: Vec<(usize, usize)> = fs.iter().filter(|f| f.a > colon && f.mark.is_none() && !f.work).map(|f| (f.a, f.b)).collect();
    let closing =
        |f: (usize, usize)| f.1 == f.0 + 1 && v.toks[f.0].shape == Shape::Lower && matches!(row_word(v.tt(f.0)), Some(RowWord::Label(_)));
    let (people, work) = match rest.as_slice() {
        [works @ .., p, last] if closing(*last) && (1..=3).contains(&works.len()) => {
            let work = (works[0].0, works[works.len() - 1].1);
            let Some(names) = names_in(v, *p, |f| personish(v, f) || listed_name(v, f)) else { return false };
            (names, work)
        }
        &[x, y] => {
            let strict = |f| names_in(v, f, |g| personish(v, g));
            let article = |f: (usize, usize)| matches!(v.tt(f.0), "The" | "A" | "An");
            match (strict(x), strict(y)) {
                (Some(n), None) if !article(x) => (n, y),
                (None, Some(n)) if !article(y) => (n, x),
                _ => return false,
            }
        }
        _ => return false,
    };
    // (A place is no work: "Chair: Lena Brandt, Ohio".)
    let place = (work.0..work.1).all(|k| v.info.get(k).is_some_and(|w| w.is(class::PLACE) || w.is(class::NATIONALITY)) || v.tt(k) == ",");
    if !v.is_upper(work.0) || work.1 - work.0 > 16 || place {
        return false;
    }
    for f in people {
        out.push((field_run(v, sentences, f), Column::Person));
    }
    out.push((field_run(v, sentences, work), Column::Work));
    true
}

/// Whether a field is capitalised words (a name or a title), at most eight tokens.
fn namelike(v: &View<'_>, f: (usize, usize)) -> bool {
    let n = f.1 - f.0;
    (1..=8).contains(&n)
        && v.is_upper(f.0)
        && (f.0..f.1).all(|k| {
            let t = v.toks[k];
            t.shape != Shape::Lower || v.tt(k).len() <= 4
        })
}

/// The non-blank lines of `body`: each line's span and its token range `a..b`.
fn body_lines<'v>(v: &'v View<'_>, body: Span) -> impl Iterator<Item = (Span, usize, usize)> + 'v {
    let text = body.get(v.text).unwrap_or("");
    let mut at = body.start;
    text.split('\n').filter_map(move |line| {
        let (s, e) = (at, at + line.len());
        at = e + 1;
        if line.trim().is_empty() {
            return None;
        }
        let a = v.toks.partition_point(|t| t.span.start < s);
        let b = v.toks.partition_point(|t| t.span.start < e);
        Some((Span::new(s, e), a, b))
    })
}

/// A line that lists its rows inline after a short label, separated by semicolons
/// ("Album of the year: Lead On, George Strait; Who I Am, Alan Jackson."): the label with
/// its colon, then each item, as token ranges (a closing full stop left out); `None` for
/// any other line (no allocation then).
fn inline_list(v: &View<'_>, a: usize, b: usize) -> Option<Vec<(usize, usize)>> {
    let colon = (a + 1..(a + 8).min(b)).find(|&k| v.tt(k) == ":")?;
    if !(colon + 1..b).any(|k| v.tt(k) == ";") {
        return None;
    }
    let end = if v.tt(b - 1) == "." { b - 1 } else { b };
    let mut out = vec![(a, colon + 1)];
    let mut from = colon + 1;
    for k in (colon + 1..end).filter(|&k| v.tt(k) == ";").chain(std::iter::once(end)) {
        if k > from {
            out.push((from, k));
        }
        from = k + 1;
    }
    Some(out)
}

/// A block of row lines (token ranges) and the line before it.
type Block = (Option<(usize, usize)>, Vec<(usize, usize)>);

/// The blocks of row lines of the body: runs of short lines that do not end like a
/// sentence, blank lines between them allowed ("Best Actor", "", "Javier Bardem, Being
/// the Ricardos", "", ...), as token ranges, each with the line before it (its heading
/// when the block has none of its own: "The tracklist:").
fn row_blocks(v: &View<'_>, body: Span) -> Vec<Block> {
    let mut blocks: Vec<Block> = vec![(None, Vec::new())];
    for (line, la, lb) in body_lines(v, body) {
        // (A metadata line in the body, as in a page pasted twice, is no row.)
        let meta = crate::article::looks_like_meta(line.get(v.text).unwrap_or(""));
        let split = inline_list(v, la, lb);
        let whole = [(la, lb)];
        for &(a, b) in split.as_deref().unwrap_or(&whole) {
            // ("Denzel Washington Roman J. Israel, Esq.": an abbreviation's full stop.)
            let abbrev = b >= a + 3 && v.tt(b - 1) == "." && v.toks[b - 2].shape == Shape::Capitalized && v.tt(b - 2).len() <= 3;
            // (A line of prose that lost its full stop, "Ana Ruiz, who played Ada for a
            // decade, returns to the franchise as Eve", is no row: rows hold few lower-case
            // words.)
            let prose = (a..b).filter(|&k| v.toks[k].shape == Shape::Lower).count() > 8;
            let row = !meta && !prose && b > a && b - a <= 24 && (!matches!(v.tt(b - 1), "." | "?" | ";") || abbrev);
            match (row, blocks.last_mut()) {
                (true, Some(block)) => block.1.push((a, b)),
                _ => blocks.push((Some((a, b)), Vec::new())),
            }
        }
    }
    blocks.retain(|b| b.1.len() >= 2);
    blocks
}

/// What the lines under a heading hold, from the heading's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    /// A category of people ("Best Actor", "Outstanding Lead Actress"): a line may run a
    /// name into its work with no separator ("Sally Hawkins The Shape of Water").
    People,
    /// Works: a prize for works ("Best Picture", "Drama Series") or a track list
    /// ("Tracklist"): a line of one name-like field is a work.
    Works,
}

/// The section a heading line `a..b` opens: a category of people when it has a role
/// noun ("Actress", "Director"); of works when it starts with an award word ("Best
/// Picture"), ends with a noun of a kind of work ("Drama Series") or has a track-list
/// word; `None` otherwise.
fn section_of(v: &View<'_>, a: usize, b: usize) -> Option<Section> {
    let words: Vec<usize> = (a..b).filter(|&k| v.toks[k].is_word()).collect();
    let is = |k: usize, c: u32| v.info.get(k).is_some_and(|w| w.is(c));
    if words.iter().any(|&k| is(k, class::ROLE_NOUN) && v.is_upper(k)) {
        return words.first().is_some_and(|&k| is(k, class::AWARD) || words.len() <= 6).then_some(Section::People);
    }
    let award = words.first().is_some_and(|&k| is(k, class::AWARD) && v.is_upper(k));
    let kind = words.last().is_some_and(|&k| is(k, class::TITLE_NOUN) && v.is_upper(k)) && words.len() <= 4
        // "Album Of The Year", "Song of the Year": a prize for works with no "Best".
        || (words.len() == 4
            && is(words[0], class::TITLE_NOUN)
            && v.is_upper(words[0])
            && v.tt(words[1]).eq_ignore_ascii_case("of")
            && v.tt(words[3]).eq_ignore_ascii_case("year"));
    let tracks = words.iter().any(|&k| row_word(v.tt(k)) == Some(RowWord::Works));
    (award || kind || tracks).then_some(Section::Works)
}

/// Whether a row line is a heading of the lines after it: one field, and a section word
/// or a closing colon.
fn is_heading(v: &View<'_>, a: usize, b: usize, fields: &[Field]) -> bool {
    !numbered(v, a, b) && (fields.len() <= 2 && section_of(v, a, b).is_some() || v.tt(b - 1) == ":")
}

/// Where a one-field line under a category of people splits into a name and a work
/// ("Sally Hawkins The Shape of Water" → 2): a known given name, an initial ("Mary J.
/// Blige") or a particle ("Guillermo del Toro"), one capitalised word (hyphens join:
/// "Day-Lewis"), then a known surname that is no given name ("Paul Thomas Anderson").
/// The work needs a capitalised word; a work of one word must be no surname ("Eryn Allen
/// Kane" is one name).
fn name_split(v: &View<'_>, f: (usize, usize)) -> Option<usize> {
    let (a, b) = f;
    let is = |k: usize, c: u32| v.info.get(k).is_some_and(|w| w.is(c));
    let joined = |k: usize| v.toks.get(k).zip(v.toks.get(k + 1)).is_some_and(|(x, y)| x.span.end == y.span.start);
    if b < a + 3 || !is(a, class::FIRST_NAME) || is(a, class::COMMON) {
        return None;
    }
    let mut k = a + 1;
    if v.tt(k).chars().count() == 1 && v.is_upper(k) && v.tt(k + 1) == "." {
        k += 2;
    }
    if is(k, class::PARTICLE) && v.toks.get(k).is_some_and(|t| t.shape == Shape::Lower) {
        k += 1;
    }
    if k >= b || !v.is_upper(k) {
        return None;
    }
    k += 1;
    while k + 1 < b && v.tt(k) == "-" && joined(k - 1) && joined(k) && v.is_upper(k + 1) {
        k += 2;
    }
    // ("Paul Thomas Anderson": a surname after a second given name; "Denzel Washington
    // Roman J. Israel": a given name after a surname starts the work.)
    if k + 1 < b
        && is(k, class::SURNAME)
        && !is(k, class::COMMON)
        && (is(k - 1, class::FIRST_NAME) || !is(k, class::FIRST_NAME))
        && v.is_upper(k)
        && v.tt(k) != "The"
    {
        k += 1;
    }
    let rest_ok = k < b && (v.is_upper(k) || v.toks[k].shape == Shape::Digits) && namelike(v, (k, b));
    (rest_ok && !(b == k + 1 && is(k, class::SURNAME))).then_some(k)
}

/// A row-list field: a run and what its column holds.
fn field_run(v: &View<'_>, sentences: &[Sentence], f: (usize, usize)) -> Run {
    let span = Span::new(v.toks[f.0].span.start, v.toks[f.1 - 1].span.end);
    let sentence = sentences.partition_point(|s| s.span.end <= span.start);
    Run { first: f.0, last: f.1, span, sentence }
}

/// Whether a field of a marker's list ("feat. Lil Wayne and 2 Chainz") reads as one
/// name: one to three capitalised words, no article, no possessive ("The Lights",
/// "Chicago Children's Choir" are groups, not people).
fn listed_name(v: &View<'_>, f: (usize, usize)) -> bool {
    let n = f.1 - f.0;
    (1..=3).contains(&n)
        && v.tt(f.0) != "The"
        && (f.0..f.1)
            .all(|k| (v.is_upper(k) || v.toks[k].shape == Shape::Mixed || (k > f.0 && v.tt(k) == ".")) && !v.tt(k).contains(['\'', '’']))
        && (v.is_upper(f.0) || v.toks[f.0].shape == Shape::Digits)
}

/// The fields of the row lists of an article with what their columns hold, as runs;
/// and the lines that a row splits into a name and a work (read whole, they are neither).
///
/// One mechanism for every layout: split each line into fields at the shared separators
/// (and at marker words, "dir.", "feat."), type each column by the fields that are
/// certain (a known given name starting a short field), type the fields a marker or a
/// label lists as people and the field before a marker as the work, and take what
/// one-field lines hold from their heading ("Best Picture", "Tracklist": works; "Best
/// Actor": a name, then a work).
pub(crate) fn row_fields(v: &View<'_>, paragraphs: &[Span], sentences: &[Sentence]) -> (Vec<(Run, Column)>, Vec<Span>) {
    let mut out = Vec::new();
    let mut split = Vec::new();
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else { return (out, split) };
    for (before, lines) in row_blocks(v, Span::new(first.start, last.end)) {
        let mut all: Vec<Vec<Field>> = lines.iter().map(|&(a, b)| fields(v, a, b, false)).collect();
        // "Golden Bear: Harbor of Salt, dir. Ana Ruiz", "Jury Prize: Night Ferry, ...": a
        // colon in the first field of most lines is a column separator, not a subtitle.
        // (A prize already split off, "Jury Prize: Night Ferry", counts; a heading,
        // "Here's the list:", does not.)
        // (A quoted field's colon is its subtitle's: "“Dune: Part Two” is the latest".)
        let quoted = |a: usize| matches!(v.tt(a), "“" | "‘" | "\"" | "'");
        // (What stands before the colon names a prize or a label: an award word or a row
        // label. "Dune: Part Three (December 18)" and "…Release Schedule: See All the
        // Changes Here" are a work and a headline, whose colons are subtitles.)
        // (Or a short name before a colon whose field goes on to another column: "Golden
        // Bear: Harbor of Salt, dir. Ana Ruiz"; not one that a date in parentheses ends.)
        let labelled = |a: usize, b: usize| {
            let colon = (a..b).find(|&k| v.tt(k) == ":").unwrap_or(b);
            let words = (a..colon).filter(|&k| v.toks[k].is_word()).count();
            (a..colon).any(|k| v.info.get(k).is_some_and(|w| w.is(class::AWARD)) || matches!(row_word(v.tt(k)), Some(RowWord::Label(_))))
                || (words <= 4 && v.tt(b) != "(")
        };
        // ("Director (documentary): Eva Wunderman, …": a prize with a note in parentheses
        // before its colon.)
        let noted = |f: &Field| {
            v.tt(f.b) == "(" && f.b - f.a <= 3 && (f.b + 2..(f.b + 6).min(v.toks.len())).any(|k| v.tt(k) == ":" && v.tt(k - 1) == ")")
        };
        let colon_in_first = all
            .iter()
            .filter(|fs| {
                fs.first().is_some_and(|f| {
                    !quoted(f.a)
                        && (labelled(f.a, f.b)
                            && ((f.a..f.b).any(|k| v.tt(k) == ":") || (v.tt(f.b) == ":" && fs.get(1).is_some_and(|g| g.a == f.b + 1)))
                            || noted(f))
                })
            })
            .count();
        let colon_split = colon_in_first >= 2 && colon_in_first * 2 >= lines.len();
        if colon_split {
            // (Read whole, "Golden Bear: Harbor of Salt" is neither a prize nor a work.)
            for fs in &all {
                if let Some(f) = fs.first().filter(|f| !quoted(f.a) && (f.a..f.b).any(|k| v.tt(k) == ":")) {
                    split.push(field_run(v, sentences, (f.a, f.b)).span);
                }
            }
            all = lines.iter().map(|&(a, b)| fields(v, a, b, true)).collect();
        }

        // Sections: the line before the block, then each heading line, says what the
        // one-field lines after it hold.
        let mut section = before.and_then(|(a, b)| section_of(v, b.saturating_sub(12).max(a), b));
        // "2. Copper Bell (feat. Noor Haddad)": rows whose work a marker makes certain type
        // the numbered one-field rows beside them ("3. Quiet Yard") as works too.
        let credited = all.iter().filter(|fs| fs.iter().any(|f| matches!(f.mark, Some(RowWord::Marker(_))))).count();
        // ("BEST PICTURE" over "Joker": in a block of mixed case, a line in capitals is a
        // heading.)
        let caps = |a: usize, b: usize| {
            let mut words = (a..b).filter(|&k| v.toks[k].is_word()).peekable();
            words.peek().is_some() && words.all(|k| matches!(v.toks[k].shape, Shape::AllCaps | Shape::Digits))
        };
        let mixed = lines.iter().any(|&(a, b)| !caps(a, b));
        let heads: Vec<bool> = lines
            .iter()
            .zip(&all)
            .map(|(&(a, b), fs)| is_heading(v, a, b, fs) || (mixed && fs.len() == 1 && b - a >= 2 && caps(a, b)))
            .collect();
        // A line of one field, not in parentheses ("(Date TBA)" is a note).
        let single: Vec<bool> = lines
            .iter()
            .zip(&all)
            .zip(&heads)
            .map(|((&(a, _), fs), &h)| !h && fs.len() == 1 && fs[0].mark.is_none() && v.tt(a) != "(")
            .collect();
        for (i, ((&(a, b), fs), &head)) in lines.iter().zip(&all).zip(&heads).enumerate() {
            if head {
                section = section_of(v, a, b);
                continue;
            }
            // ("Opening Film" over rows of three fields: a line of one field among wider
            // rows is a heading the section words missed, "Midnight Screenings".)
            let item = numbered(v, a, b) || (i > 0 && single[i - 1]) || single.get(i + 1).copied().unwrap_or(false);
            // "1- Nile Rodgers (Guitar), Gonzales (Piano)": a name before an instrument.
            for f in fs {
                let played = v.tt(f.b) == "(" && v.tt(f.b + 2) == ")" && matches!(row_word(v.tt(f.b + 1)), Some(RowWord::Instrument(_)));
                if played && listed_name(v, (f.a, f.b)) {
                    out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                }
            }
            // "Best Actress – Hana Okafor for Cold Tide": a name, then its work.
            if let Some(i) = fs.iter().position(|f| f.work).filter(|&i| i > 0) {
                let (p, w) = (fs[i - 1], fs[i]);
                out.push((field_run(v, sentences, (p.a, p.b)), Column::Person));
                if namelike(v, (w.a, w.b)) {
                    out.push((field_run(v, sentences, (w.a, w.b)), Column::Work));
                }
                continue;
            }
            if prize_row(v, sentences, fs, &mut out) {
                continue;
            }
            if colon_split && label_row(v, sentences, (a, b), fs, &mut out) {
                // (Its prize, "Documentary:", "Music Video (tv):", is no work.)
                let start = item_start(v, a, b);
                if let Some(end) = (start..b).find(|&k| matches!(v.tt(k), ":" | "(")).filter(|&e| e > start) {
                    split.push(field_run(v, sentences, (start, end)).span);
                }
                continue;
            }
            let plain: Vec<(usize, usize)> = fs.iter().filter(|f| f.mark.is_none()).map(|f| (f.a, f.b)).collect();
            let marked = fs.iter().any(|f| f.mark.is_some());
            // "Night Ferry – dir. Tom Wrobel", "Angels (feat. Saba)": the field before the
            // marker is the work, the listed fields people.
            if marked {
                // ("Musashi – CV: Yūma Uchida": a character before a cast marker.)
                let cast = fs.iter().any(|f| matches!(f.mark, Some(RowWord::Character(_))));
                // (The work is the field right before the marker, a note in parentheses
                // skipped: "Night Ferry (closing film) – dir. Tom Wrobel".)
                let first_mark = fs.iter().position(|f| f.mark.is_some()).unwrap_or(0);
                // (Or an original title in brackets: "The Liberator [Libertador], music by …".)
                let before = fs[..first_mark].iter().rev().find(|f| f.a == 0 || !matches!(v.tt(f.a - 1), "(" | "["));
                // ("Fanny, Annie & Danny – (Directed by Chris Brown)", "Norman – Southeast
                // Premiere (Directed by …)": a line that opens with a work and a dash before
                // its notes names the work first, commas and all.)
                let start = item_start(v, a, b);
                let dash =
                    (start + 1..fs[first_mark].a).find(|&k| matches!(v.tt(k), "–" | "—") || (v.tt(k) == "-" && !v.touching(k - 1, k)));
                // (Title case may hold a long lower-case word: "Bobby Fischer against the World".)
                // (Only with the credit in parentheses: in "Golden Bear – Harbor of Salt, dir.
                // …" a prize comes before the dash.)
                let in_parens = v.tt(fs[first_mark].a.saturating_sub(3)) == "(";
                let work_like =
                    |d: usize| in_parens && v.is_upper(start) && d - start <= 12 && v.is_upper(d - 1) && !personish(v, (start, d));
                if let Some(d) = dash.filter(|&d| !cast && !quoted(start) && work_like(d)) {
                    out.push((field_run(v, sentences, (start, d)), Column::Title));
                    for f in fs.iter().filter(|f| f.mark.is_some() && !quoted(f.a.wrapping_sub(1)) && listed_name(v, (f.a, f.b))) {
                        out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                    }
                    continue;
                }
                // ("“Tin Roof” — Jo Kim Featuring Ana Bell": a row that opens with a quoted
                // work names the lead artist before the marker.)
                let lead = !cast && first_mark >= 2 && quoted(fs[0].a) && before.is_some_and(|f| f.a != fs[0].a);
                if lead {
                    out.push((field_run(v, sentences, (fs[0].a, fs[0].b)), Column::Title));
                    if let Some(f) = before.filter(|f| listed_name(v, (f.a, f.b))) {
                        out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                    }
                } else if let Some(f) = before.filter(|f| namelike(v, (f.a, f.b))) {
                    out.push((field_run(v, sentences, (f.a, f.b)), if cast { Column::Character } else { Column::Title }));
                }
                for f in fs.iter().filter(|f| f.mark.is_some() && !quoted(f.a.wrapping_sub(1)) && listed_name(v, (f.a, f.b))) {
                    out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                }
                continue;
            }
            // "Directed by Ana Ruiz", "Written by Jo Kim, Leo Park": a credit line lists
            // people.
            // (A line may hold no field at all.)
            if let Some((f0, (_, names))) = fs.first().and_then(|f0| Some((f0, by_label(|k| v.tt(k), f0.a, f0.b)?))) {
                let first = Field { a: names, ..*f0 };
                for f in std::iter::once(&first).chain(&fs[1..]) {
                    if personish(v, (f.a, f.b)) || listed_name(v, (f.a, f.b)) {
                        out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                    }
                }
                continue;
            }
            // "Director: Ana Ruiz", "Cast: Jo Kim, Leo Park": a label lists people.
            if fs.len() >= 2 && fs[0].b - fs[0].a <= 2 && v.tt(fs[0].b) == ":" {
                if let Some(RowWord::Label(_)) = row_word(v.tt(fs[0].b - 1)) {
                    for f in &fs[1..] {
                        let common = f.b == f.a + 1 && v.info.get(f.a).is_some_and(|w| w.is(class::COMMON));
                        if personish(v, (f.a, f.b)) || listed_name(v, (f.a, f.b)) && !common {
                            out.push((field_run(v, sentences, (f.a, f.b)), Column::Person));
                        }
                    }
                    continue;
                }
            }
            match (section, plain.first()) {
                (Some(Section::Works), Some(&f)) if item && single[i] && namelike(v, f) && !personish(v, f) => {
                    out.push((field_run(v, sentences, f), Column::Title));
                }
                // "Harbor Lights — Lena Moss" under "Album Of The Year": the work, then
                // who made it.
                (Some(Section::Works), Some(&f)) if plain.len() == 2 && namelike(v, f) && !personish(v, f) && personish(v, plain[1]) => {
                    out.push((field_run(v, sentences, f), Column::Title));
                    out.push((field_run(v, sentences, plain[1]), Column::Person));
                }
                (None, Some(&f)) if credited >= 1 && numbered(v, a, b) && single[i] && namelike(v, f) && !personish(v, f) => {
                    out.push((field_run(v, sentences, f), Column::Title));
                }
                (Some(Section::People), Some(&f)) => {
                    if let Some(k) = name_split(v, f) {
                        out.push((field_run(v, sentences, (f.0, k)), Column::Person));
                        // ("Allison Janney I, Tonya": a lone letter is no work by itself; the
                        // work goes on past the comma.)
                        if f.1 > k + 1 || v.tt(k).chars().count() > 1 {
                            out.push((field_run(v, sentences, (k, f.1)), Column::Work));
                        } else if let Some(&g) = plain.get(1).filter(|g| v.tt(f.1) == "," && g.0 == f.1 + 1 && namelike(v, **g)) {
                            out.push((field_run(v, sentences, (k, g.1)), Column::Work));
                        }
                        split.push(field_run(v, sentences, f).span);
                    }
                }
                _ => {}
            }
        }

        // Columns: the fields of the lines of the usual width, markers' lists left out.
        // (Headings do not vote: "The winners, in bold:" is no row.)
        let rows: Vec<Vec<(usize, usize)>> = all
            .iter()
            .zip(&heads)
            // (Nor credit lines: "Written by Jo Kim, Leo Park" is read above.)
            .filter(|(fs, &h)| !h && fs.first().is_none_or(|f| by_label(|k| v.tt(k), f.a, f.b).is_none()))
            .map(|(fs, _)| fs.iter().filter(|f| f.mark.is_none()).map(|f| (f.a, f.b)).collect())
            .collect();
        if rows.is_empty() {
            continue;
        }
        // The usual width (a heading line among the rows has one field).
        let mut widths: Vec<usize> = rows.iter().map(Vec::len).collect();
        widths.sort_unstable();
        let width = widths[widths.len() / 2];
        // (Headings among the rows have one field and do not count.)
        let multi = rows.iter().filter(|r| r.len() > 1).count();
        // (A trailing marker is one more field: "Iron Bay—WINNER".)
        let fits = |r: &&Vec<(usize, usize)>| r.len() == width || (r.len() == width + 1 && width >= 2);
        if width < 2 || rows.iter().filter(fits).count() * 4 < multi * 3 {
            continue;
        }
        let rows: Vec<&Vec<(usize, usize)>> = rows.iter().filter(fits).collect();
        let mut kinds: Vec<Option<Column>> = (0..width)
            .map(|c| {
                let people = rows.iter().filter(|r| personish(v, r[c])).count();
                (people * 2 >= rows.len() && people >= 1).then_some(Column::Person)
            })
            .collect();
        // Two name-like columns, one of people: the other holds works. A chart ("Harbor
        // Lights (Focus Features) — $3.1 million"): a column of sums and none of people
        // make the first name-like column, if it has no name in it, one of works.
        let person_cols = kinds.iter().filter(|k| **k == Some(Column::Person)).count();
        let money = |f: (usize, usize)| (f.0..f.1).any(|k| matches!(v.tt(k), "$" | "£" | "€"));
        let sums = (0..width).any(|c| rows.iter().filter(|r| money(r[c])).count() * 2 >= rows.len());
        if person_cols == 0
            && sums
            && rows.iter().all(|r| !personish(v, r[0]))
            && rows.iter().filter(|r| namelike(v, r[0])).count() * 4 >= rows.len() * 3
        {
            kinds[0] = Some(Column::Title);
        }
        // (Beside a column of people, the works column is as sure as "Name – Work" in a
        // prize row: even a one-word title that is a common word, "Christian Bale – Vice".)
        if person_cols == 1 {
            for c in 0..width {
                if kinds[c].is_none() && rows.iter().filter(|r| namelike(v, r[c])).count() * 4 >= rows.len() * 3 {
                    // (Not a column of labels: "Director: Ana Ruiz", "Music: Ben Cole".)
                    let labels = rows.iter().any(|r| matches!(row_word(v.tt(r[c].1.saturating_sub(1))), Some(RowWord::Label(_))));
                    kinds[c] = Some(if labels { Column::Title } else { Column::Work });
                    break;
                }
            }
        }
        for r in &rows {
            for (c, kind) in kinds.iter().enumerate() {
                let (Some(kind), f) = (kind, r[c]) else { continue };
                // A quoted field is a work whatever its column says.
                let quoted = f.0 > 0 && matches!(v.tt(f.0 - 1), "“" | "\"" | "‘");
                if !namelike(v, f) || (quoted && *kind == Column::Person) {
                    continue;
                }
                if *kind == Column::Person {
                    // ("Jean-Pierre Dardenne and Luc Dardenne": two people.)
                    let mut from = f.0;
                    for k in f.0..=f.1 {
                        if k == f.1 || matches!(v.tt(k), "and" | "&") {
                            if k > from && v.is_upper(from) {
                                out.push((field_run(v, sentences, (from, k)), Column::Person));
                            }
                            from = k + 1;
                        }
                    }
                    continue;
                }
                out.push((field_run(v, sentences, f), *kind));
            }
        }
    }
    (out, split)
}

/// One row of a schedule list: a work and the date it comes out, read from a line with no
/// verb ("- Da 5 Bloods, June 12 on Netflix", "1/15: 'Narcos': Sept. 1", "June 5: Iron
/// Bay, Cold Lake", "Cold Lake — Arrives December 20", "Iron Bay (Netflix) – March 7"),
/// or a title line under a line that is a date ("June 5" then "Iron Bay").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ScheduleRow {
    /// The row's line: the release claim's evidence.
    pub line: Span,
    /// The work's field, quotes and a parenthesised note left out.
    pub title: Span,
    /// Its tokens.
    pub first: usize,
    /// One past its last token.
    pub last: usize,
    /// The row's date: its own, or its date heading's.
    pub date: Span,
    /// The line the list hangs from (its date heading, else the last line before the
    /// list that is no row), for a venue the rows leave out.
    pub heading: Option<Span>,
}

/// What a word says in a schedule row (`data/schedule_rows.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    Lead,
    Context,
    Event,
}

fn schedule_words() -> &'static [(&'static str, Cue)] {
    static W: std::sync::OnceLock<Vec<(&'static str, Cue)>> = std::sync::OnceLock::new();
    W.get_or_init(|| parse_schedule_words(include_str!("../../data/schedule_rows.tsv")).expect("data/schedule_rows.tsv parses (tested)"))
}

fn parse_schedule_words(text: &'static str) -> Result<Vec<(&'static str, Cue)>, String> {
    let mut out = Vec::new();
    let mut prev = ("", "");
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (w, c) = line.split_once('\t').ok_or_else(|| format!("data/schedule_rows.tsv:{}: expected word<TAB>class", i + 1))?;
        if (w, c) <= prev {
            return Err(format!("data/schedule_rows.tsv:{}: rows are not sorted (or repeat one)", i + 1));
        }
        prev = (w, c);
        let cue = match c {
            "lead" => Cue::Lead,
            "context" => Cue::Context,
            "event" => Cue::Event,
            other => return Err(format!("data/schedule_rows.tsv:{}: unknown class {other:?}", i + 1)),
        };
        if w.is_empty() || w.bytes().any(|b| b.is_ascii_uppercase() || b == b' ') {
            return Err(format!("data/schedule_rows.tsv:{}: a word is one lower-case word", i + 1));
        }
        out.push((w, cue));
    }
    Ok(out)
}

/// Whether word `w` (any case) has class `cue`. No allocation: lower-cased in a stack buffer.
fn is_cue(w: &str, cue: Cue) -> bool {
    let mut buf = [0u8; 24];
    let Some(key) = crate::text::lower_key(w, &mut buf) else { return false };
    let words = schedule_words();
    let i = words.partition_point(|(x, _)| *x < key);
    words[i..].iter().take_while(|(x, _)| *x == key).any(|(_, c)| *c == cue)
}

/// Longest line read as a row, in tokens.
const MAX_ROW_TOKENS: usize = 32;

/// Most schedule rows read in one article. News lists run to a hundred or two ("89
/// other pop culture musts"); a longer one is a data dump, and every row's work becomes
/// a title that later stages compare with the others. The extractor warns about the rest.
pub(crate) const MAX_SCHEDULE_ROWS: usize = 500;

/// Separators between a row's fields.
fn is_sep(w: &str) -> bool {
    matches!(w, "," | ":" | "–" | "—" | "-" | "|" | "(" | "/" | ";")
}

fn is_quote(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "'" | "‘" | "’")
}

/// The first token after a list marker: "-", "•", "*", "3.", "3)", "#3", "1/15:".
fn after_marker(v: &View<'_>, a: usize, b: usize) -> usize {
    let mut k = a;
    if matches!(v.tt(k), "-" | "–" | "—" | "•" | "*" | "·" | "#" | "▪" | "►") {
        k += 1;
    }
    let digits = |k: usize| k < b && v.toks[k].shape == Shape::Digits;
    if digits(k) && matches!(v.tt(k + 1), "." | ")") && v.tt(k).len() <= 3 {
        k += 2;
    } else if digits(k) && v.tt(k + 1) == "/" && digits(k + 2) && v.tt(k + 3) == ":" {
        k += 4;
    }
    k.min(b)
}

/// "Taika Waititi’s THOR: RAGNAROK", "The Russo Bros.’ AVENGERS 4": a field whose work is
/// set in capitals after an owner's possessive in mixed case starts after the owner (case
/// tells them apart; "Ocean's Eleven", "Pete's Dragon" keep theirs).
fn past_owner(v: &View<'_>, a: usize, b: usize) -> usize {
    let Some(k) = (a..(a + 6).min(b))
        .find(|&k| v.possessive_len(k) > 0 || (k > a && matches!(v.tt(k), "’" | "'") && v.tt(k - 1) == "." && v.touching(k - 1, k)))
    else {
        return a;
    };
    let rest = k + 1..b;
    // (A one-letter word, "A WRINKLE IN TIME", is capitals either way.)
    let caps = rest
        .clone()
        .filter(|&j| v.toks[j].is_word() && v.tt(j).chars().count() > 1)
        .all(|j| matches!(v.toks[j].shape, Shape::AllCaps | Shape::Digits))
        && rest.clone().any(|j| v.toks[j].shape == Shape::AllCaps);
    let mixed_owner = (a..=k).any(|j| v.toks[j].shape == Shape::Capitalized);
    if !rest.is_empty() && caps && mixed_owner {
        k + 1
    } else {
        a
    }
}

/// The work field in tokens `a..b`: quotes around it and a parenthesised note after it
/// ("(Netflix)", "(2023)") left out; `None` unless it reads as a title: starts with a
/// capital or a number, no lower-case word longer than four letters outside quotes, not a
/// person's name, no event word, not ending in a venue word ("Garden", "Arena").
fn title_field(v: &View<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    title_field_of(v, a, b, false)
}

/// [`title_field`]; `heading`: the field heads a label row ("Allen Gregory (Fox)" over
/// "Premieres: Oct. 30"), where a name-like field is the work's.
fn title_field_of(v: &View<'_>, a: usize, b: usize, heading: bool) -> Option<(usize, usize)> {
    let (mut a, mut b) = (a, b);
    while b > a && is_sep(v.tt(b - 1)) {
        b -= 1;
    }
    // "Title (Netflix)": the note goes.
    if b > a + 2 && v.tt(b - 1) == ")" {
        if let Some(open) = (a + 1..b - 1).rev().find(|&k| v.tt(k) == "(") {
            b = open;
        }
    }
    // "Divinity (US, 2023) – LA Premiere": a parenthesis the row's date sits in is a
    // note that the field does not close.
    if let Some(open) = (a + 1..b).find(|&k| v.tt(k) == "(").filter(|&o| !(o..b).any(|k| v.tt(k) == ")")) {
        b = open;
    }
    while b > a && is_sep(v.tt(b - 1)) {
        b -= 1;
    }
    // ("THE HEART GUY Series 4", "MIDSOMER MURDERS, Series 21": a season's label after
    // the work is no part of its name.)
    // ("ACCUSED, Series 1-2": a range of seasons too.)
    let range =
        b >= a + 5 && v.toks[b - 1].shape == Shape::Digits && matches!(v.tt(b - 2), "-" | "–") && v.toks[b - 3].shape == Shape::Digits;
    let num_at = if range { b - 3 } else { b - 1 };
    if num_at >= a + 2
        && v.toks[num_at].shape == Shape::Digits
        && ["season", "series", "part", "volume", "seasons"].iter().any(|w| w.eq_ignore_ascii_case(v.tt(num_at - 1)))
        && v.is_upper(num_at - 1)
    {
        b = num_at - 1;
        while b > a && is_sep(v.tt(b - 1)) {
            b -= 1;
        }
    }
    // ("Total Divas – Season 8 (E!)", "Gold Digger – Episodes 1 and 2": a season or episode
    // label, or a status marker, after a dash is no part of the work; `runs.row_markers`.)
    if let Some(d) = (a + 1..b.saturating_sub(1)).rev().find(|&k| matches!(v.tt(k), "–" | "—" | "-") && !v.touching(k - 1, k)) {
        if crate::entities::runs::is_row_marker(v.tt(d + 1)) && !(d + 2 < b && v.is_upper(d + 2)) {
            b = d;
        }
    }
    let quoted = b > a + 1 && is_quote(v.tt(a)) && is_quote(v.tt(b - 1));
    if quoted {
        (a, b) = (a + 1, b - 1);
    }
    // ("“Jay Kelly,”": the comma inside the quotes is the row's.)
    while b > a && matches!(v.tt(b - 1), "," | ":") {
        b -= 1;
    }
    if !quoted {
        a = past_owner(v, a, b);
    }
    if b <= a || b - a > 16 || (b - a > 1 && !v.same_line(a, b - 1)) {
        return None;
    }
    let head = v.toks[a];
    if !quoted && !matches!(head.shape, Shape::Capitalized | Shape::AllCaps | Shape::Digits | Shape::Mixed) {
        return None;
    }
    if (a..b).any(|k| is_cue(v.tt(k), Cue::Event) || (is_quote(v.tt(k)) && !quoted)) {
        return None;
    }
    if !quoted && (a..b).any(|k| v.toks[k].shape == Shape::Lower && v.tt(k).len() > 4) {
        return None;
    }
    if !quoted && !heading && personish(v, (a, b)) {
        return None;
    }
    // ("BEST CINEMATOGRAPHY", "Best Actor": a prize category, not a work.)
    if !quoted && v.info.get(a).is_some_and(|w| w.is(class::AWARD)) {
        return None;
    }
    let last = v.tt(b - 1);
    if ["garden", "arena", "hall", "center", "centre", "theater", "theatre", "stadium", "club", "bowl"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(last))
    {
        return None;
    }
    Some((a, b))
}

/// The work that opens a line of prose before its blurb ("Lake Mungo – A cult film …",
/// "Q: The Winged Serpent – New Yorkers get …", "Undead: a zombie comedy …"): the field
/// before the first spaced dash, else before the first colon, within the line's first
/// words, read as [`title_field`] reads a field.
fn described_work(v: &View<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    const REACH: usize = 12;
    let end = (a + REACH).min(b);
    let dash = (a + 1..end).find(|&k| matches!(v.tt(k), "–" | "—") || (v.tt(k) == "-" && !v.touching(k - 1, k)));
    let sep = dash.or_else(|| (a + 1..end).find(|&k| v.tt(k) == ":"))?;
    title_field(v, a, sep)
}

/// A line of prose that opens with a date and its colon, then the work ("Aug. 9:
/// Reservation Dogs on FX on Hulu. The new comedy …", "Sept. 2: What We Do in the Shadows
/// season three on FX …"): the date and the work's field, which ends at a lead word ("on"),
/// a comma or full stop, a dash or parenthesis, a lower-case word of five letters or more
/// ("season"), or a colon before a platform or a lower-case word (a colon before a capital
/// is the work's subtitle: "American Horror Story: Double Feature").
fn dated_blurb(v: &View<'_>, a: usize, b: usize, dates: &[Span], in_platform: &dyn Fn(usize) -> bool) -> Option<(Span, (usize, usize))> {
    let start_byte = v.toks.get(a)?.span.start;
    let date = *dates.get(dates.partition_point(|d| d.start < start_byte)).filter(|d| d.start == start_byte)?;
    let d1 = v.toks.partition_point(|t| t.span.start < date.end);
    if d1 + 1 >= b || v.tt(d1) != ":" {
        return None;
    }
    let f0 = d1 + 1;
    let reach = (f0 + 16).min(b);
    let f1 = (f0 + 1..reach).find(|&k| {
        let w = v.tt(k);
        let lower = v.toks[k].shape == Shape::Lower;
        matches!(w, "," | "." | ";" | "(" | "–" | "—")
            || (w == ":" && (k + 1 >= b || v.toks[k + 1].shape == Shape::Lower || in_platform(k + 1)))
            || (lower && (is_cue(w, Cue::Lead) || w.len() > 4))
    })?;
    title_field(v, f0, f1).filter(|f| !(f.0..f.1).any(in_platform)).map(|f| (date, f))
}

/// A list item (after its marker at `m`; the line starts at `a`) that names its work
/// first and ends with its date in parentheses: "· THE HEART GUY Series 4: the long-running
/// hit carries on … (Dec. 9)", "• Iron Vale is a drama about … (Dec. 23)". The work is the
/// field before the first colon, else the leading run of all-capital words; the date, the
/// one date of the closing parenthesis.
fn blurb_dated(
    v: &View<'_>,
    a: usize,
    m: usize,
    b: usize,
    dates: &[Span],
    in_platform: &dyn Fn(usize) -> bool,
) -> Option<(Span, (usize, usize))> {
    if m == a || b < m + 4 || v.tt(b - 1) != ")" {
        return None;
    }
    let open = (m + 1..b - 1).rev().find(|&k| v.tt(k) == "(")?;
    let (from, to) = (v.toks[open].span.end, v.toks[b - 1].span.start);
    let inside: Vec<&Span> = dates.iter().skip(dates.partition_point(|d| d.start < from)).take_while(|d| d.end <= to).collect();
    let [date] = inside.as_slice() else { return None };
    // (Nothing else in the parenthesis but the date and a weekday.)
    let (d0, d1) = (v.toks.partition_point(|t| t.span.start < date.start), v.toks.partition_point(|t| t.span.start < date.end));
    if (open + 1..b - 1).any(|k| !(d0..d1).contains(&k) && v.toks[k].is_word() && !v.info.get(k).is_some_and(|w| w.is(class::WEEKDAY))) {
        return None;
    }
    let caps = |k: usize| v.toks[k].shape == Shape::AllCaps || matches!(v.tt(k), "&" | "'" | "’");
    let f1 = match (m + 1..open).find(|&k| v.tt(k) == ":") {
        Some(c) if c <= m + 12 => c,
        _ => {
            let e = (m..open).find(|&k| !caps(k)).unwrap_or(open);
            if e < m + 2 || v.toks[m].shape != Shape::AllCaps {
                return None;
            }
            e
        }
    };
    title_field(v, m, f1).filter(|f| !(f.0..f.1).any(in_platform)).map(|f| (**date, f))
}

/// The text between bytes `a` and `b` ("" when out of order or range).
fn text_between<'t>(v: &View<'t>, a: usize, b: usize) -> &'t str {
    v.text.get(a..b).unwrap_or("")
}

/// The token after a time slot that opens a row at `a` ("8 p.m.:", "8:30 p.m. –",
/// "10pm:"), or `None`.
fn time_slot(v: &View<'_>, a: usize, b: usize) -> Option<usize> {
    if a >= b || v.toks[a].shape != Shape::Digits || v.tt(a).len() > 2 {
        return None;
    }
    let mut k = a + 1;
    if v.tt(k) == ":" && v.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Digits) && v.touching(k, k + 1) {
        k += 2;
    }
    let mut meridiem = false;
    while k < b && k < a + 8 && (time_word(v.tt(k)) || v.tt(k) == ".") {
        meridiem |= !v.toks[k].is_word() || v.toks[k].shape != Shape::Digits;
        k += 1;
    }
    (meridiem && k > a + 1 && k < b && matches!(v.tt(k), ":" | "–" | "—" | "-")).then_some(k + 1)
}

/// Whether `w` is part of a time of day or a time slot: "9", "30c", "p", "m", "pm", "ET".
fn time_word(w: &str) -> bool {
    let digits = w.trim_end_matches(['c', 'p', 'a', 'm']);
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|c| c.is_ascii_digit()))
        || ["p", "m", "a", "pm", "am", "et", "pt", "ct", "mt", "est", "pst", "edt", "pdt"].iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Whether tokens `a..b` are only lead and context words: a label ("Available on",
/// "Premieres") whose work is the heading above it.
fn is_label(v: &View<'_>, a: usize, b: usize) -> bool {
    let mut words = (a..b).filter(|&k| v.toks[k].is_word()).peekable();
    words.peek().is_some() && words.all(|k| is_cue(v.tt(k), Cue::Lead) || is_cue(v.tt(k), Cue::Context))
}

/// Whether a field names a place: a city, a country or a state code ("Cincinnati",
/// "OH"), as tour dates give them.
fn is_place(v: &View<'_>, a: usize, b: usize) -> bool {
    let mut words = (a..b).filter(|&k| v.toks[k].is_word()).peekable();
    words.peek().is_some()
        && words.all(|k| v.info.get(k).is_some_and(|w| w.is(class::PLACE)) || (v.toks[k].shape == Shape::AllCaps && v.tt(k).len() == 2))
}

/// How a row is laid out, to find lists whose rows agree: where the date is, and the
/// separator before the work (title first) or after the date (date first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape2 {
    TitleFirst(u8),
    DateFirst(u8),
    Label(u8),
    UnderDate,
    /// A list item that opens with its work and ends with its date in parentheses.
    BlurbDated,
}

/// Whether token `k` belongs to a column of figures: a number, its decimal point or
/// thousands comma, a currency or percent sign, a unit letter ("$12.1M", "9.4", "31%").
fn figure_token(v: &View<'_>, k: usize) -> bool {
    let w = v.tt(k);
    v.toks[k].shape == Shape::Digits
        || matches!(w, "$" | "£" | "€" | "%" | "M" | "m" | "K" | "k" | "bn")
        || (matches!(w, "." | ",") && k > 0 && v.toks[k - 1].shape == Shape::Digits && v.touching(k - 1, k))
}

fn sep_code(w: &str) -> u8 {
    match w {
        "," => 0,
        ":" => 1,
        "–" | "—" | "-" => 2,
        "(" => 3,
        "|" | "/" | ";" => 4,
        _ => 5,
    }
}

/// The schedule rows of the body: lines of the same layout (at least two) that each hold
/// a work and one date, with nothing else but a list marker, separators, lead words
/// ("Arrives", "on") and a venue; or lines of works under a line that is a date or ends
/// with one and a colon ("A long list of films carries a Fall 2025 label:"). The list
/// must be about releases: a context word ("movies", "schedule", "coming") or a streamer
/// or network in the headline, the list's heading or its rows; an event word ("tour",
/// "panel") in the heading rules it out. One pass over the lines: linear in the text.
/// Returns the rows, at most [`MAX_SCHEDULE_ROWS`], and the byte where the first row
/// left unread starts, if any.
pub(crate) fn schedule_rows(
    v: &View<'_>,
    body: Span,
    headline: Option<Span>,
    sentences: &[Sentence],
    dates: &[Span],
    platforms: &[Span],
) -> (Vec<ScheduleRow>, Option<usize>) {
    let mut cands: Vec<(ScheduleRow, Shape2)> = Vec::new();
    let in_platform = |k: usize| {
        let sp = v.toks[k].span;
        let i = platforms.partition_point(|p| p.end <= sp.start);
        platforms.get(i).is_some_and(|p| p.contains(sp))
    };
    let has = |a: usize, b: usize, cue: Cue| (a..b).any(|k| is_cue(v.tt(k), cue) || (cue == Cue::Context && in_platform(k)));
    // The current date heading: (its date, its line), while title lines follow it.
    let mut under: Option<(Span, Span)> = None;
    // The last date heading, kept across the prose of its section ("Monday, Sept. 24",
    // a paragraph about the night, then "NBC" and "8 p.m.: The Voice").
    let mut section: Option<(Span, Span)> = None;
    // The last line that was no row.
    let mut heading: Option<Span> = None;
    for (line_span, a, b) in body_lines(v, body) {
        let (s, e) = (line_span.start, line_span.end);
        if b <= a {
            continue;
        }
        // "Guillermo del Toro’s Frankenstein lands in November. Other films carry a
        // Fall 2025 label:": a closing sentence with one date and a colon heads a list.
        if v.tt(b - 1) == ":" {
            let si = sentences.partition_point(|x| x.span.end <= v.toks[b - 1].span.start);
            let s0 = sentences.get(si).map_or(a, |x| x.first.max(a));
            let from = v.toks[s0].span.start;
            let lo = dates.partition_point(|d| d.start < from);
            let hi = dates.partition_point(|d| d.start < e);
            if let [date] = dates.get(lo..hi).unwrap_or(&[]) {
                if has(s0, b, Cue::Context) && !has(s0, b, Cue::Event) {
                    under = Some((*date, Span::new(from, e)));
                    heading = Some(line_span);
                    continue;
                }
            }
        }
        // Prose ends a list; a long line is no row, but may name a work under a date
        // heading (“Wake Up Dead Man,” the third “Knives Out” mystery, which ...).
        // (A dated note in parentheses does not make a row long: "Premieres: Monday, Sept.
        // 19 at 9:30/8:30c (moves to its regular slot on Sept. 26 at 8:30/7:30c".)
        let note = (a + 3..b).find(|&k| v.tt(k) == "(").filter(|&k| {
            let from = v.toks[k].span.start;
            dates.get(dates.partition_point(|d| d.start < from)).is_some_and(|d| d.start < e)
        });
        let long = note.unwrap_or(b) - a > MAX_ROW_TOKENS;
        // ("· THE HEART GUY Series 4: the hit carries on … (Dec. 9)": a list item that
        // names its work first and its date last, in parentheses.)
        if let Some((date, (f0, f1))) = blurb_dated(v, a, after_marker(v, a, b), b, dates, &in_platform) {
            let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
            let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading };
            cands.push((row, Shape2::BlurbDated));
            continue;
        }
        if matches!(v.tt(b - 1), "." | ";") || (long && under.is_none()) {
            // ("July 15: American Horror Stories: FX on Hulu gets this spinoff …": a line
            // that opens with a date and its colon names the work after them, before its blurb.)
            if let Some((date, (f0, f1))) = dated_blurb(v, after_marker(v, a, b), b, dates, &in_platform) {
                let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
                let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading };
                cands.push((row, Shape2::DateFirst(sep_code(":"))));
                under = None;
                continue;
            }
            // ("January 1:" then "Lake Mungo – A cult film shot as found footage …": under a
            // date heading, a work and a dash or colon before its blurb is a row.)
            if let Some((date, dline)) = under {
                if let Some((f0, f1)) = described_work(v, after_marker(v, a, b), b).filter(|f| !(f.0..f.1).any(in_platform)) {
                    let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
                    let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading: Some(dline) };
                    cands.push((row, Shape2::UnderDate));
                    continue;
                }
            }
            under = None;
            heading = Some(line_span);
            continue;
        }
        let m = after_marker(v, a, b);
        // ("8 p.m.: The Voice", "9:30 – Bull": a time slot opens the row.)
        let slot = time_slot(v, m, b);
        let m = slot.unwrap_or(m);
        // The line's dates, a known-for year in parentheses left out ("'Poor Things' (2023)").
        let lo = dates.partition_point(|d| d.start < s);
        let hi = dates.partition_point(|d| d.start < e);
        let mut line_dates = dates.get(lo..hi).unwrap_or(&[]).iter().filter(|d| {
            let (d0, d1) = (v.toks.partition_point(|t| t.span.start < d.start), v.toks.partition_point(|t| t.span.start < d.end));
            !(d0 > a && v.tt(d0 - 1) == "(" && v.tt(d1) == ")" && d1 == d0 + 1)
        });
        let (first_date, second_date) = (line_dates.next(), line_dates.next());
        // ("Premieres: Monday, Sept. 19 (moves to its time slot on Sept. 26)": a second
        // date in a note after the first is the note's.)
        let noted = |d: &Span, e: &Span| text_between(v, d.end, e.start).contains('(');
        let had_note = second_date.is_some_and(|e| first_date.is_some_and(|d| noted(d, e)));
        let second_date = second_date.filter(|_| !had_note);
        let (Some(&date), None, false) = (first_date, second_date, long) else {
            // A subheading inside a date's section, a network's name ("NBC") or a label
            // with its colon ("Other Shows:"), opens the section's rows again.
            let platform_line = (m..b).filter(|&k| v.toks[k].is_word()).all(in_platform) && (m..b).any(in_platform);
            if section.is_some() && first_date.is_none() && slot.is_none() && (platform_line || (v.tt(b - 1) == ":" && b - m <= 5)) {
                // (The subheading is the rows' heading: its network is their venue.)
                under = section.map(|(date, dline)| (date, if platform_line { line_span } else { dline }));
                continue;
            }
            // No date: a title line under a date heading (or a time slot in its section).
            let under_now = if slot.is_some() { under.or(section) } else { under };
            if let (Some((date, dline)), None) = (under_now, first_date.filter(|_| !long)) {
                // (A long line under the heading names its work before a dash or colon.)
                let field = (!long)
                    .then(|| title_field(v, m, b))
                    .flatten()
                    .or_else(|| {
                        // ("Noah Baumbach’s “Jay Kelly,” with George Clooney": the quoted work.)
                        let open = (m..(m + 6).min(b)).find(|&k| matches!(v.tt(k), "“" | "\""))?;
                        let close = (open + 1..b).find(|&k| matches!(v.tt(k), "”" | "\""))?;
                        title_field(v, open, close + 1)
                    })
                    .or_else(|| described_work(v, m, b).filter(|f| !(f.0..f.1).any(in_platform)));
                if let Some((f0, f1)) = field {
                    let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
                    let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading: Some(dline) };
                    cands.push((row, Shape2::UnderDate));
                }
            } else if m == a {
                // (A list item that is no row, "- 2040, June 5", heads nothing.)
                heading = Some(line_span);
            }
            continue;
        };
        let d0 = v.toks.partition_point(|t| t.span.start < date.start);
        let d1 = v.toks.partition_point(|t| t.span.start < date.end);
        // A date heading: the date alone ("June 5", "Friday, June 5:"), or a line that
        // ends with the date's colon and says what the list holds.
        // (Not "12. Sept. 16", a numbered track, nor "1917", a year alone.)
        let rest_empty = m == a
            && !date.get(v.text).unwrap_or("").bytes().all(|c| c.is_ascii_digit())
            && (m..b).all(|k| (k >= d0 && k < d1) || !v.toks[k].is_word() || v.info.get(k).is_some_and(|w| w.is(class::WEEKDAY)));
        if rest_empty {
            under = Some((date, line_span));
            section = under;
            heading = Some(line_span);
            continue;
        }
        under = None;
        section = None;
        let before = cands.len();
        if d0 > m {
            // Title first: [marker] work sep [lead words] date [venue].
            let mut p = d0;
            while p > m && d0 - p < 3 && is_cue(v.tt(p - 1), Cue::Lead) {
                p -= 1;
            }
            let mut q = p;
            while q > m && (is_sep(v.tt(q - 1)) || is_quote(v.tt(q - 1))) {
                q -= 1;
            }
            let mut sep = (q..p).map(|k| v.tt(k)).find(|w| is_sep(w));
            // ("Daylight 10.0 32.9 Dec 1996" under "Opening Gross Total Gross Release Date":
            // columns of figures between the work and its date separate them.)
            if sep.is_none() {
                let mut r = q;
                while r > m && figure_token(v, r - 1) {
                    r -= 1;
                }
                if r < q && r > m && (r..q).any(|k| v.toks[k].shape == Shape::Digits) {
                    sep = Some("#");
                    p = r;
                }
            }
            // After the date only a venue: "on Netflix", "in theaters", "(HBO)".
            // (Or a time slot: "at 9:30/8:30c", "at 10 p.m. ET".)
            // (A note in parentheses after the date is the note's: it says nothing of the row.)
            let b = if had_note { (d1..b).find(|&k| v.tt(k) == "(").unwrap_or(b) } else { b };
            let tail_ok = b - d1 <= 12
                && (d1..b).all(|k| {
                    !v.toks[k].is_word()
                        || is_cue(v.tt(k), Cue::Lead)
                        || is_cue(v.tt(k), Cue::Context)
                        || v.is_upper(k)
                        || time_word(v.tt(k))
                })
                && (d1..b).filter(|&k| v.toks[k].is_word() && !time_word(v.tt(k))).count() <= 6;
            if let (Some(sep), true) = (sep, tail_ok) {
                // "Available on: March 7" under "'Poor Things' (2023)": the heading's work.
                let label = is_label(v, m, p);
                let field = match heading.filter(|_| label) {
                    Some(h) => {
                        let (h0, h1) =
                            (v.toks.partition_point(|t| t.span.start < h.start), v.toks.partition_point(|t| t.span.start < h.end));
                        title_field_of(v, after_marker(v, h0, h1), h1, true).filter(|f| !is_label(v, f.0, f.1))
                    }
                    None if label => None,
                    None => title_field(v, m, p),
                };
                if let Some((f0, f1)) = field {
                    let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
                    let shape = if label { Shape2::Label(sep_code(sep)) } else { Shape2::TitleFirst(sep_code(sep)) };
                    let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading };
                    cands.push((row, shape));
                }
            }
        } else if d0 == m && d1 < b && is_sep(v.tt(d1)) {
            // Date first: [marker] date sep work, work, ...
            let code = sep_code(v.tt(d1));
            let mut f = d1;
            while f < b && (is_sep(v.tt(f)) && v.tt(f) != "(") {
                f += 1;
            }
            let mut start = f;
            let from = cands.len();
            let mut place = false;
            for k in f..=b {
                if k == b || matches!(v.tt(k), "," | ";" | "|" | "/" | "–" | "—" | "-") {
                    // ("July 19 - Cincinnati, OH - PNC Pavilion": a tour stop.)
                    place |= is_place(v, start, k);
                    if let Some((f0, f1)) = title_field(v, start, k) {
                        let title = Span::new(v.toks[f0].span.start, v.toks[f1 - 1].span.end);
                        let row = ScheduleRow { line: line_span, title, first: f0, last: f1, date, heading };
                        cands.push((row, Shape2::DateFirst(code)));
                    }
                    start = k + 1;
                }
            }
            if place {
                cands.truncate(from);
            }
        }
        if cands.len() == before && m == a {
            heading = Some(line_span);
        }
    }

    // Rows of one layout, at least two, about releases.
    let (h0, h1) =
        headline.map_or((0, 0), |h| (v.toks.partition_point(|t| t.span.start < h.start), v.toks.partition_point(|t| t.span.start < h.end)));
    let headline_context = has(h0, h1, Cue::Context);
    // "Steely Dan Announce Summer Tour": an article about events lists no releases, unless
    // a list's own heading says it holds them ("E3 Roundup – The Nintendo Press
    // Conference" over "Below is each game Nintendo mentioned:").
    let headline_event = !headline_context && has(h0, h1, Cue::Event);
    let count = |shape: Shape2| cands.iter().filter(|c| c.1 == shape).take(2).count();
    let mut shapes: Vec<(Shape2, bool)> = Vec::new();
    let mut out = Vec::new();
    for (row, shape) in &cands {
        let ok = match shapes.iter().find(|s| s.0 == *shape) {
            Some(s) => s.1,
            None => {
                let ok = count(*shape) >= 2;
                shapes.push((*shape, ok));
                ok
            }
        };
        if !ok {
            continue;
        }
        let toks = |sp: Span| (v.toks.partition_point(|t| t.span.start < sp.start), v.toks.partition_point(|t| t.span.start < sp.end));
        let (l0, l1) = toks(row.line);
        let (h0, h1) = row.heading.map_or((0, 0), toks);
        let context = if headline_event {
            has(h0, h1, Cue::Context)
        } else {
            headline_context || has(h0, h1, Cue::Context) || has(l0, row.first, Cue::Context) || has(row.last, l1, Cue::Context)
        };
        if context && !has(h0, h1, Cue::Event) {
            if out.len() == MAX_SCHEDULE_ROWS {
                return (out, Some(row.line.start));
            }
            out.push(*row);
        }
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_words_parse() {
        assert_eq!(row_word("Feat"), Some(RowWord::Marker(RoleKind::Musician)));
        assert_eq!(row_word("dir"), Some(RowWord::Marker(RoleKind::Director)));
        assert_eq!(row_word("Cast"), Some(RowWord::Label(RoleKind::Actor)));
        assert_eq!(row_word("TRACKLIST"), Some(RowWord::Works));
        assert_eq!(row_word("Guitar"), Some(RowWord::Instrument(RoleKind::Musician)));
        assert_eq!(row_word("cv"), Some(RowWord::Character(RoleKind::Voice)));
        assert_eq!(row_word("Harbor"), None);
        assert!(parse_row_words("b\tlabel\tactor\na\tlabel\tactor\n").unwrap_err().contains(":2: rows are not sorted"));
        assert!(parse_row_words("a\tlabel\tstar\n").unwrap_err().contains(":1: unknown role"));
        assert!(parse_row_words("a\tnoun\t-\n").unwrap_err().contains(":1: unknown class"));
        assert!(parse_row_words("a\tlabel\n").unwrap_err().contains(":1: expected word"));
    }

    #[test]
    fn schedule_words_parse() {
        assert!(is_cue("Arrives", Cue::Lead));
        assert!(is_cue("movies", Cue::Context));
        assert!(is_cue("TOUR", Cue::Event));
        assert!(!is_cue("Harbor", Cue::Lead));
        assert!(parse_schedule_words("b\tlead\na\tlead\n").unwrap_err().contains(":2: rows are not sorted"));
        assert!(parse_schedule_words("a\tnoun\n").unwrap_err().contains(":1: unknown class"));
    }
}
