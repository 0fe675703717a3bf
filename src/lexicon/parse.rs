//! Gazetteer rows: `name`, `name<TAB>kind` or `name<TAB>kind<TAB>canonical`; `#` comments.

use crate::error::Error;
use crate::facts::{parse_org_kind, parse_title_kind, TitleKind};
use crate::lexicon::Category;

/// Longest surface form accepted (bytes); longer rows are malformed, not names.
const MAX_NAME: usize = 256;

/// Parses every row of `text`, calling `f(surface, category, canonical)`.
///
/// The kind column is read according to `default`: a title kind for title files, an
/// organization kind for organization files; `person`, `publication` and `place` are
/// accepted anywhere.
pub fn rows(text: &str, source_name: &str, default: Category, mut f: impl FnMut(&str, Category, Option<&str>)) -> Result<(), Error> {
    // A byte-order mark is no part of the first name.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let row = raw.trim_end_matches('\r');
        if row.trim().is_empty() || row.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = row.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let kind = cols.next().map(str::trim);
        let canonical = cols.next().map(str::trim).filter(|c| !c.is_empty());
        if cols.next().is_some() {
            return Err(Error::gazetteer(source_name, line, "too many columns (expected name, kind, canonical)"));
        }
        check_entry(name, canonical).map_err(|why| Error::gazetteer(source_name, line, why))?;
        let category = match kind.filter(|k| !k.is_empty()) {
            None => default,
            Some(k) => category_of(k, default).ok_or_else(|| Error::gazetteer(source_name, line, format!("unknown kind {k:?}")))?,
        };
        f(name, category, canonical);
    }
    Ok(())
}

/// Parses the rows of the built-in works lexicon (`data/titles.tsv`), calling
/// `f(title, kind, year)`: `title<TAB>kind` or `title<TAB>kind<TAB>year`, the year the
/// work first came out (four digits, or empty when not known). Two-column rows stay valid.
/// A bad row fails with the file and line.
pub(crate) fn title_rows(text: &str, source_name: &str, mut f: impl FnMut(&str, TitleKind, Option<u16>)) -> Result<(), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let row = raw.trim_end_matches('\r');
        if row.trim().is_empty() || row.trim_start().starts_with('#') {
            continue;
        }
        let bad = |why: String| Error::gazetteer(source_name, line, why);
        let mut cols = row.split('\t');
        let name = cols.next().unwrap_or("").trim();
        let kind = cols.next().map(str::trim).unwrap_or("");
        let year = cols.next().map(str::trim).unwrap_or("");
        if cols.next().is_some() {
            return Err(bad("too many columns (expected title, kind, year)".into()));
        }
        check_entry(name, None).map_err(bad)?;
        if kind.is_empty() {
            return Err(bad("missing kind".into()));
        }
        let kind = parse_title_kind(kind).ok_or_else(|| bad(format!("unknown kind {kind:?}")))?;
        let year = match year {
            "" => None,
            y => Some(
                y.parse::<u16>()
                    .ok()
                    .filter(|n| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && (1000..=2100).contains(n))
                    .ok_or_else(|| bad(format!("year {y:?} is not a four-digit year")))?,
            ),
        };
        f(name, kind, year);
    }
    Ok(())
}

/// The one validation of a gazetteer entry, from a file row or a list: a name of at most
/// [`MAX_NAME`] bytes, and no control character in the name or the canonical name.
pub(crate) fn check_entry(name: &str, canonical: Option<&str>) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("empty name".into());
    }
    if name.len() > MAX_NAME {
        return Err(format!("name longer than {MAX_NAME} bytes"));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Err(format!("control character {c:?} in name"));
    }
    if let Some(c) = canonical.and_then(|k| k.chars().find(|c| c.is_control())) {
        return Err(format!("control character {c:?} in canonical name"));
    }
    Ok(())
}

fn category_of(kind: &str, default: Category) -> Option<Category> {
    match kind.to_ascii_lowercase().as_str() {
        "person" => return Some(Category::Person),
        "publication" => return Some(Category::Publication),
        "place" => return Some(Category::Place),
        _ => {}
    }
    match default {
        Category::Title(_) => parse_title_kind(kind).map(Category::Title),
        Category::Org(_) => parse_org_kind(kind).map(Category::Org),
        _ => parse_title_kind(kind).map(Category::Title).or_else(|| parse_org_kind(kind).map(Category::Org)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{OrgKind, TitleKind};

    fn parse(text: &str, default: Category) -> Result<Vec<(String, Category, Option<String>)>, String> {
        let mut v = Vec::new();
        rows(text, "test.tsv", default, |n, c, k| v.push((n.to_string(), c, k.map(String::from)))).map_err(|e| e.to_string())?;
        Ok(v)
    }

    #[test]
    fn title_rows_table() {
        let parse = |text: &str| -> Result<Vec<(String, TitleKind, Option<u16>)>, String> {
            let mut v = Vec::new();
            title_rows(text, "titles.tsv", |n, k, y| v.push((n.to_string(), k, y))).map_err(|e| e.to_string())?;
            Ok(v)
        };
        // Old two-column rows, a year, an empty year, comments and blank lines.
        assert_eq!(
            parse("# c\n\nHeat\tfilm\nFallout\tseries\t2024\nDune\tbook\t\n").unwrap(),
            [
                ("Heat".into(), TitleKind::Film, None),
                ("Fallout".into(), TitleKind::Series, Some(2024)),
                ("Dune".into(), TitleKind::Book, None)
            ]
        );
        assert_eq!(parse("Heat\tfilm\t1995\r\n").unwrap()[0].2, Some(1995));
        assert_eq!(parse("A\tfilm\nB\tfilm\t95\n").unwrap_err(), "titles.tsv:2: year \"95\" is not a four-digit year");
        assert_eq!(parse("B\tfilm\tsoon\n").unwrap_err(), "titles.tsv:1: year \"soon\" is not a four-digit year");
        assert_eq!(parse("B\tfilm\t+995\n").unwrap_err(), "titles.tsv:1: year \"+995\" is not a four-digit year");
        assert_eq!(parse("B\tfilm\t1995\tx\n").unwrap_err(), "titles.tsv:1: too many columns (expected title, kind, year)");
        assert_eq!(parse("B\tmovie-ish\t1995\n").unwrap_err(), "titles.tsv:1: unknown kind \"movie-ish\"");
        assert_eq!(parse("A\tfilm\nB\n").unwrap_err(), "titles.tsv:2: missing kind");
        assert_eq!(parse("\tfilm\t1995\n").unwrap_err(), "titles.tsv:1: empty name");
    }

    #[test]
    fn rows_table() {
        let film = Category::Title(TitleKind::Film);
        let org = Category::Org(OrgKind::Other);
        assert_eq!(parse("Keanu Reeves\n", Category::Person).unwrap(), [("Keanu Reeves".into(), Category::Person, None)]);
        assert_eq!(parse("# c\n\nHeat\tfilm\nFallout\tseries\n", film).unwrap().len(), 2);
        assert_eq!(parse("Fallout\tgame\r\n", film).unwrap()[0].1, Category::Title(TitleKind::Game));
        assert_eq!(parse("Lionsgate\tstudio\n", org).unwrap()[0].1, Category::Org(OrgKind::Studio));
        assert_eq!(
            parse("TIFF\tfestival\tToronto International Film Festival\n", org).unwrap()[0].2.as_deref(),
            Some("Toronto International Film Festival")
        );
        assert_eq!(parse("Variety\tpublication\n", org).unwrap()[0].1, Category::Publication);
        assert_eq!(parse("A\n\tfilm\n", film).unwrap_err(), "test.tsv:2: empty name");
        assert_eq!(parse("A\nB\tmovie-ish\n", film).unwrap_err(), "test.tsv:2: unknown kind \"movie-ish\"");
        assert_eq!(parse("A\tfilm\tA\tx\n", film).unwrap_err(), "test.tsv:1: too many columns (expected name, kind, canonical)");
        assert_eq!(parse("Lionsgate\tfilm\n", org).unwrap_err(), "test.tsv:1: unknown kind \"film\"");
        assert!(parse(&"x".repeat(300), film).unwrap_err().contains("longer than"));
        // a byte-order mark is not part of the first name
        assert_eq!(parse("\u{feff}Keanu Reeves\nHeat\n", Category::Person).unwrap()[0].0, "Keanu Reeves");
        // control characters: name and canonical alike
        assert_eq!(parse("Ke\u{7}anu\n", Category::Person).unwrap_err(), "test.tsv:1: control character '\\u{7}' in name");
        assert_eq!(
            parse("A\nTIFF\tfestival\tToronto\u{1b}[31m\n", org).unwrap_err(),
            "test.tsv:2: control character '\\u{1b}' in canonical name"
        );
    }
}
