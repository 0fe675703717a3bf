//! Article input: the optional metadata line, the headline and the paragraphs.
//!
//! Many entertainment sites export articles as
//!
//! ```text
//!  date 2025-06-01 Posted in: Movies | Tagged: Ballerina, john wick
//!
//! Headline On Its Own Line
//!
//! Body paragraphs...
//! ```
//!
//! Every part is optional. Nothing here copies text: the parsed [`Article`] holds spans
//! into the input. A line that looks like metadata but does not parse is left as body text
//! and a warning is recorded.

use crate::date::Date;
use crate::span::Span;

/// What the caller knows about an article beyond its text.
///
/// A publication date given here is used when the text has no metadata line with a date
/// (the text's own date wins when both are present).
///
/// ```
/// use newsfacts::{ArticleMeta, Date};
/// let meta = ArticleMeta::published("2025-06-01".parse::<Date>()?);
/// assert_eq!(meta.published.unwrap().to_string(), "2025-06-01");
/// # Ok::<(), newsfacts::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ArticleMeta {
    /// Publication date, the anchor for relative dates.
    pub published: Option<Date>,
}

impl ArticleMeta {
    /// Metadata with a publication date.
    pub fn published(date: Date) -> ArticleMeta {
        ArticleMeta { published: Some(date) }
    }
}

/// The parsed layout of one article: spans into its text.
///
/// ```
/// use newsfacts::Article;
/// let text = " date 2025-06-01 Posted in: Movies | Tagged: Ballerina, john wick\n\nA Headline\n\nBody text here.";
/// let a = Article::parse(text);
/// assert_eq!(a.published.unwrap().to_string(), "2025-06-01");
/// assert_eq!(a.section.unwrap().get(text), Some("Movies"));
/// let tags: Vec<&str> = a.tags.iter().map(|t| &text[t.start..t.end]).collect();
/// assert_eq!(tags, ["Ballerina", "john wick"]);
/// assert_eq!(a.headline.unwrap().get(text), Some("A Headline"));
/// assert_eq!(a.paragraphs.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Article {
    /// The metadata line, when one parsed.
    pub meta_line: Option<Span>,
    /// Publication date from the metadata line.
    pub published: Option<Date>,
    /// Section ("Movies") from the metadata line.
    pub section: Option<Span>,
    /// Tags from the metadata line, in order.
    pub tags: Vec<Span>,
    /// The headline: the first line of the body when it stands alone.
    pub headline: Option<Span>,
    /// Body paragraphs (blocks separated by blank lines), headline excluded.
    pub paragraphs: Vec<Span>,
    /// Problems worked around while parsing.
    pub warnings: Vec<String>,
}

/// Longest line still taken as a headline (bytes).
const MAX_HEADLINE: usize = 300;

impl Article {
    /// Parses the layout of `text`. Never fails: anything unexpected is body text.
    pub fn parse(text: &str) -> Article {
        let mut article = Article::default();
        // A byte-order mark is no text (offsets still count its bytes).
        let mut pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };

        // The metadata line is the first non-blank line, if it looks like one.
        if let Some(line) = lines(text, pos).find(|l| !l.get(text).unwrap_or("").trim().is_empty()) {
            let raw = line.get(text).unwrap_or("");
            if looks_like_meta(raw) {
                match parse_meta(raw, line.start) {
                    Ok(meta) => {
                        article.meta_line = Some(line);
                        article.published = meta.published;
                        article.section = meta.section;
                        article.tags = meta.tags;
                        pos = line.end;
                    }
                    Err(why) => {
                        article.warnings.push(format!("malformed metadata line at byte {}: {why}; read as body text", line.start));
                        article.paragraphs.push(line);
                        pos = line.end;
                    }
                }
            }
        }

        let blocks = blocks(text, pos);
        let mut iter = blocks.into_iter().peekable();
        if let Some(&first) = iter.peek() {
            let s = first.get(text).unwrap_or("");
            let one_line = !s.contains('\n');
            let last = s.trim_end().chars().last().unwrap_or('.');
            let ends_open = !matches!(last, '.' | ',' | ';');
            let has_more = iter.clone().nth(1).is_some();
            if one_line && first.len() <= MAX_HEADLINE && ends_open && has_more {
                article.headline = Some(first);
                iter.next();
            }
        }
        article.paragraphs.extend(iter);
        article
    }
}

/// Lines of `text` from `from`, each without its line terminator (`\n`, `\r\n` or a
/// lone `\r`).
fn lines(text: &str, from: usize) -> impl Iterator<Item = Span> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let rest = text.get(pos..)?;
        let (end, next) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (pos + i, pos + i + 2),
            Some(i) => (pos + i, pos + i + 1),
            None => (text.len(), text.len()),
        };
        let sp = Span::new(pos, end);
        pos = next;
        Some(sp)
    })
}

/// Blocks of non-blank lines, trimmed of surrounding white space.
fn blocks(text: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for line in lines(text, from) {
        let raw = line.get(text).unwrap_or("");
        if raw.trim().is_empty() {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        let sp = Span::new(line.start + lead, line.end - trail);
        cur = Some(match cur {
            Some(b) => b.cover(sp),
            None => sp,
        });
    }
    if let Some(b) = cur {
        out.push(b);
    }
    out
}

/// Whether a line has the shape of a metadata line (`date 2025-06-01 Posted in: …`),
/// wherever it stands.
pub(crate) fn looks_like_meta(line: &str) -> bool {
    let t = line.trim_start();
    let starts_date =
        t.strip_prefix("date").is_some_and(|r| r.starts_with([' ', '\t']) && r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    starts_date || t.starts_with("Posted in:") || t.starts_with("Tagged:")
}

struct Meta {
    published: Option<Date>,
    section: Option<Span>,
    tags: Vec<Span>,
}

/// Parses `date YYYY-MM-DD Posted in: SECTION | Tagged: A, B` (any part may be missing).
fn parse_meta(line: &str, base: usize) -> Result<Meta, String> {
    let mut meta = Meta { published: None, section: None, tags: Vec::new() };
    let mut rest = line.trim_start();
    let mut off = base + (line.len() - rest.len());

    if let Some(r) = rest.strip_prefix("date") {
        let r2 = r.trim_start();
        let date_str = r2.get(..10).ok_or("date is cut short")?;
        meta.published = Some(date_str.parse::<Date>().map_err(|_| format!("{date_str:?} is not a valid YYYY-MM-DD date"))?);
        let consumed = rest.len() - r2.len() + 10;
        off += consumed;
        rest = rest.get(consumed..).unwrap_or("");
        let r3 = rest.trim_start();
        off += rest.len() - r3.len();
        rest = r3;
    }
    if let Some(r) = rest.strip_prefix("Posted in:") {
        off += "Posted in:".len();
        let end = r.find('|').unwrap_or(r.len());
        meta.section = trimmed(r.get(..end).unwrap_or(""), off);
        rest = r.get(end..).unwrap_or("");
        off += end;
        if let Some(r) = rest.strip_prefix('|') {
            off += 1;
            let r2 = r.trim_start();
            off += r.len() - r2.len();
            rest = r2;
        }
    }
    if let Some(r) = rest.strip_prefix("Tagged:") {
        off += "Tagged:".len();
        let mut o = off;
        for part in r.split(',') {
            if let Some(sp) = trimmed(part, o) {
                meta.tags.push(sp);
            }
            o += part.len() + 1;
        }
        rest = "";
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text {:?}", rest.trim()));
    }
    Ok(meta)
}

/// The span of `s` (found at `off`) without surrounding white space, if not empty.
fn trimmed(s: &str, off: usize) -> Option<Span> {
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| Span::new(off + lead, off + lead + t.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Shown<'a> = (Option<String>, Option<&'a str>, Vec<&'a str>, Option<&'a str>, usize, usize);
    type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str], Option<&'a str>, usize, usize);

    fn show(text: &str) -> Shown<'_> {
        let a = Article::parse(text);
        (
            a.published.map(|d| d.to_string()),
            a.section.and_then(|s| s.get(text)),
            a.tags.iter().filter_map(|s| s.get(text)).collect(),
            a.headline.and_then(|s| s.get(text)),
            a.paragraphs.len(),
            a.warnings.len(),
        )
    }

    #[test]
    fn metadata_line_variants() {
        let cases: &[Case<'_>] = &[
            (
                " date 2025-06-01 Posted in: Movies | Tagged: Ballerina, john wick\n\nHead\n\nBody.",
                Some("2025-06-01"),
                Some("Movies"),
                &["Ballerina", "john wick"],
                Some("Head"),
                1,
                0,
            ),
            ("date 2025-06-01\n\nHead\n\nBody.", Some("2025-06-01"), None, &[], Some("Head"), 1, 0),
            ("Posted in: TV | Tagged: the bear\nHead\n\nBody.", None, Some("TV"), &["the bear"], Some("Head"), 1, 0),
            ("date 2025-06-01 Tagged: a,  b ,c\n\nHead\n\nBody.", Some("2025-06-01"), None, &["a", "b", "c"], Some("Head"), 1, 0),
            ("\t date 2024-02-29 Posted in: Games\n\nHead\n\nBody.", Some("2024-02-29"), Some("Games"), &[], Some("Head"), 1, 0),
            // malformed: body text plus a warning
            (" date 2025-13-01 Posted in: Movies\n\nHead\n\nBody.", None, None, &[], Some("Head"), 2, 1),
            ("date 2025-06-01 Posted on: Movies\n\nHead\n\nBody.", None, None, &[], Some("Head"), 2, 1),
            // no metadata at all
            ("Head\n\nBody one.\n\nBody two.", None, None, &[], Some("Head"), 2, 0),
            ("Just one paragraph of text.", None, None, &[], None, 1, 0),
            ("date night went well, she said.\n\nMore.", None, None, &[], None, 2, 0),
            ("", None, None, &[], None, 0, 0),
            ("\n\n  \n", None, None, &[], None, 0, 0),
            ("Body starts with a sentence.\n\nAnd goes on.", None, None, &[], None, 2, 0),
            // a byte-order mark, CR-only line endings
            ("\u{feff} date 2025-06-01 Posted in: Movies\n\nHead\n\nBody.", Some("2025-06-01"), Some("Movies"), &[], Some("Head"), 1, 0),
            ("\u{feff}Head\n\nBody.", None, None, &[], Some("Head"), 1, 0),
            (
                "date 2025-06-01 Posted in: TV\r\rHead\r\rBody one.\rStill one.\r\rTwo.",
                Some("2025-06-01"),
                Some("TV"),
                &[],
                Some("Head"),
                2,
                0,
            ),
        ];
        for (i, (text, p, s, t, h, n, w)) in cases.iter().enumerate() {
            let got = show(text);
            assert_eq!(got.0.as_deref(), *p, "case {i} published");
            assert_eq!(got.1, *s, "case {i} section");
            assert_eq!(got.2, t.to_vec(), "case {i} tags");
            assert_eq!(got.3, *h, "case {i} headline");
            assert_eq!(got.4, *n, "case {i} paragraphs");
            assert_eq!(got.5, *w, "case {i} warnings");
        }
    }

    #[test]
    fn crlf_lines() {
        let text = "date 2025-06-01 Posted in: Movies\r\n\r\nHead\r\n\r\nBody.\r\n";
        assert_eq!(show(text), (Some("2025-06-01".into()), Some("Movies"), vec![], Some("Head"), 1, 0));
    }
}
