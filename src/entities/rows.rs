//! Row lists: a block of short lines with the same fields on every line ("Hana Okafor –
//! The Quiet Coast", "“Bird,” Andrea Arnold", "Title (Distributor) — $12.1M"). Case says
//! little in a row, but the columns do: when some fields of a column are certainly names
//! (a known given name starting a two- or three-word field), the column holds people, and
//! the other name-like column of a two-column list holds works. Each field then gets that
//! evidence, so an unknown name or an unquoted title in the same column is read alike.

use super::runs::{Run, View};
use crate::lexicon::words::class;
use crate::span::Span;
use crate::text::{Sentence, Shape};

/// What a column of a row list holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Column {
    Person,
    Title,
}

/// Fields of one line: token ranges between separators.
fn fields(v: &View<'_>, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = a;
    let sep = |k: usize| matches!(v.tt(k), "–" | "—" | "-" | "," | "|" | "(" | ")" | ":" | "“" | "”" | "\"" | "•" | "*");
    for k in a..=b {
        if k == b || sep(k) {
            // (A field of punctuation alone, a stray "." before a quote, is no field.)
            if k > start && (start..k).any(|j| v.toks[j].is_word()) {
                out.push((start, k));
            }
            start = k + 1;
        }
    }
    out
}

/// Whether a field looks like a person's name: two or three capitalised words, the first
/// a known given name.
fn personish(v: &View<'_>, f: (usize, usize)) -> bool {
    let n = f.1 - f.0;
    (2..=3).contains(&n)
        && (f.0..f.1).all(|k| v.is_upper(k) || v.tt(k) == ".")
        && v.info.get(f.0).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON))
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

/// The blocks of row lines of the body: runs of short lines that do not end like a
/// sentence, blank lines between them allowed ("Best Actor", "", "Javier Bardem, Being
/// the Ricardos", "", ...), as token ranges.
fn row_blocks(v: &View<'_>, body: Span) -> Vec<Vec<(usize, usize)>> {
    let mut blocks: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let text = body.get(v.text).unwrap_or("");
    let mut at = body.start;
    for line in text.split('\n') {
        let (s, e) = (at, at + line.len());
        at = e + 1;
        if line.trim().is_empty() {
            continue;
        }
        let a = v.toks.partition_point(|t| t.span.start < s);
        let b = v.toks.partition_point(|t| t.span.start < e);
        let row = b > a && b - a <= 24 && !matches!(v.tt(b - 1), "." | "?" | ";");
        match (row, blocks.last_mut()) {
            (true, Some(block)) => block.push((a, b)),
            _ => blocks.push(Vec::new()),
        }
    }
    blocks.retain(|b| b.len() >= 2);
    blocks
}

/// The fields of the row lists of an article with what their columns hold, as runs.
pub(crate) fn row_fields(v: &View<'_>, paragraphs: &[Span], sentences: &[Sentence]) -> Vec<(Run, Column)> {
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) else { return out };
    for lines in row_blocks(v, Span::new(first.start, last.end)) {
        let rows: Vec<Vec<(usize, usize)>> = lines.iter().map(|&(a, b)| fields(v, a, b)).collect();

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
        // Two name-like columns, one of people: the other holds works.
        let person_cols = kinds.iter().filter(|k| **k == Some(Column::Person)).count();
        if person_cols == 1 {
            for c in 0..width {
                if kinds[c].is_none() && rows.iter().filter(|r| namelike(v, r[c])).count() * 4 >= rows.len() * 3 {
                    kinds[c] = Some(Column::Title);
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
                let span = Span::new(v.toks[f.0].span.start, v.toks[f.1 - 1].span.end);
                let sentence = sentences.partition_point(|s| s.span.end <= span.start);
                out.push((Run { first: f.0, last: f.1, span, sentence }, *kind));
            }
        }
    }
    out
}
