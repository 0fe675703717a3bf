//! The fixture corpus check: every `fixtures/gold/NAME.json` is a well-formed answer key
//! (`gold-json.md`) for `fixtures/articles/NAME.txt`, consistent with its article.
//!
//! All problems across all files are collected and reported at once, each naming the file
//! and the item, so one run lists everything an annotator has to fix.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use newsfacts::eval::fold;
use serde_json::Value;

mod common;
use common::*;

const MIN_ARTICLES: usize = 100;
const WORDS: std::ops::RangeInclusive<usize> = 250..=900;

const TOP_KEYS: [&str; 6] = ["people", "titles", "organizations", "dates", "roles", "releases"];
const ROLE_KEYS: [&str; 4] = ["person", "role", "title", "character"];
const RELEASE_KEYS: [&str; 4] = ["title", "date", "status", "venue"];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// File stems of `dir/*.ext`, sorted.
fn stems(dir: &Path, ext: &str) -> BTreeSet<String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

fn is_leap(y: u32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// One ISO value at a contract granularity: `YYYY-MM-DD` (a real day), `YYYY-MM`, `YYYY`,
/// `YYYY-Qn` or `YYYY-SP|SU|FA|WI`.
fn is_iso_point(s: &str) -> bool {
    let mut parts = s.split('-');
    let Some(year) = parts.next().and_then(|y| digits(y, 4)) else { return false };
    let rest: Vec<&str> = parts.collect();
    match rest.as_slice() {
        [] => true,
        [q] if q.len() == 2 && q.starts_with('Q') => matches!(&q[1..], "1" | "2" | "3" | "4"),
        [s] if ["SP", "SU", "FA", "WI"].contains(s) => true,
        [m] => digits(m, 2).is_some_and(|m| (1..=12).contains(&m)),
        [m, d] => {
            let (Some(m), Some(d)) = (digits(m, 2), digits(d, 2)) else { return false };
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if is_leap(year) => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

/// A point, or a range `A/B` of two points.
fn is_iso_date(s: &str) -> bool {
    match s.split_once('/') {
        Some((a, b)) => is_iso_point(a) && is_iso_point(b),
        None => is_iso_point(s),
    }
}

#[test]
fn iso_date_checker_cases() {
    // value, valid
    let cases = [
        ("2025-06-06", true),
        ("2024-02-29", true),
        ("2025-02-29", false),
        ("2025-06-31", false),
        ("2024-08", true),
        ("2024-13", false),
        ("2017", true),
        ("2025-Q3", true),
        ("2025-Q5", false),
        ("2025-SU", true),
        ("2025-su", false),
        ("2027-WI", true),
        ("2025-09-04/2025-09-14", true),
        ("2025-09-04/", false),
        ("2025-06-06T00:00", false),
        ("25-06-06", false),
        ("June 2025", false),
        ("2025-6-6", false),
    ];
    for (s, want) in cases {
        assert_eq!(is_iso_date(s), want, "{s}");
    }
}

/// Checks one gold file against its article; problems are pushed as `FILE: ITEM: what`.
fn check_gold(name: &str, gold_text: &str, article: &str, problems: &mut Vec<String>) {
    let gfile = format!("gold/{name}.json");
    let mut bad = |msg: String| problems.push(format!("{gfile}: {msg}"));

    let json: Value = match serde_json::from_str(gold_text) {
        Ok(v) => v,
        Err(e) => return bad(format!("not JSON: {e}")),
    };
    let Some(obj) = json.as_object() else { return bad("not a JSON object".into()) };
    let keys: BTreeSet<&str> = obj.keys().map(String::as_str).collect();
    let want: BTreeSet<&str> = TOP_KEYS.into_iter().collect();
    if keys != want {
        bad(format!("top-level keys {keys:?}, expected exactly {want:?}"));
    }

    let folded = fold(article);
    let in_article = |s: &str| {
        let f = fold(s);
        !f.is_empty() && folded.contains(&f)
    };

    // people, titles, organizations: non-empty strings found in the article.
    let mut names: [Vec<String>; 3] = Default::default();
    for (cat, out) in ["people", "titles", "organizations"].into_iter().zip(names.iter_mut()) {
        let Some(items) = obj.get(cat).and_then(Value::as_array) else {
            bad(format!("{cat}: not an array"));
            continue;
        };
        for (i, item) in items.iter().enumerate() {
            match item.as_str() {
                Some(s) if in_article(s) => out.push(fold(s)),
                Some(s) => bad(format!("{cat}[{i}] {s:?}: does not occur in the article")),
                None => bad(format!("{cat}[{i}] {item}: not a string")),
            }
        }
    }
    let [people, titles, _] = &names;

    match obj.get("dates").and_then(Value::as_array) {
        None => bad("dates: not an array".into()),
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                match item.as_str() {
                    Some(s) if is_iso_date(s) => {}
                    _ => bad(format!("dates[{i}] {item}: not an ISO date at a contract granularity")),
                }
            }
        }
    }

    let exact_keys = |item: &Value, want: &[&str]| -> Option<String> {
        let o = item.as_object()?;
        let have: BTreeSet<&str> = o.keys().map(String::as_str).collect();
        let want: BTreeSet<&str> = want.iter().copied().collect();
        (have != want).then(|| format!("keys {have:?}, expected {want:?}"))
    };
    // A string, or null when allowed; `Err` for anything else.
    let opt_str = |item: &Value, key: &str| -> Result<Option<String>, ()> {
        match item.get(key) {
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Null) => Ok(None),
            _ => Err(()),
        }
    };

    match obj.get("roles").and_then(Value::as_array) {
        None => bad("roles: not an array".into()),
        Some(items) => {
            for (i, r) in items.iter().enumerate() {
                let id = format!("roles[{i}] {}", serde_json::to_string(r).unwrap_or_default());
                if !r.is_object() {
                    bad(format!("{id}: not an object"));
                    continue;
                }
                if let Some(msg) = exact_keys(r, &ROLE_KEYS) {
                    bad(format!("{id}: {msg}"));
                }
                match r.get("person").and_then(Value::as_str) {
                    Some(p) if people.contains(&fold(p)) => {}
                    Some(p) => bad(format!("{id}: person {p:?} is not in people")),
                    None => bad(format!("{id}: person is not a string")),
                }
                match r.get("role").and_then(Value::as_str) {
                    Some(k) if ROLES.contains(&k) => {}
                    _ => bad(format!("{id}: role is not one of {ROLES:?}")),
                }
                match opt_str(r, "title") {
                    Ok(Some(t)) if !titles.contains(&fold(&t)) => bad(format!("{id}: title {t:?} is not in titles")),
                    Ok(_) => {}
                    Err(()) => bad(format!("{id}: title is not a string or null")),
                }
                match opt_str(r, "character") {
                    Ok(Some(c)) if !in_article(&c) => bad(format!("{id}: character {c:?} does not occur in the article")),
                    Ok(_) => {}
                    Err(()) => bad(format!("{id}: character is not a string or null")),
                }
            }
        }
    }

    match obj.get("releases").and_then(Value::as_array) {
        None => bad("releases: not an array".into()),
        Some(items) => {
            for (i, r) in items.iter().enumerate() {
                let id = format!("releases[{i}] {}", serde_json::to_string(r).unwrap_or_default());
                if !r.is_object() {
                    bad(format!("{id}: not an object"));
                    continue;
                }
                if let Some(msg) = exact_keys(r, &RELEASE_KEYS) {
                    bad(format!("{id}: {msg}"));
                }
                match r.get("title").and_then(Value::as_str) {
                    Some(t) if titles.contains(&fold(t)) => {}
                    Some(t) => bad(format!("{id}: title {t:?} is not in titles")),
                    None => bad(format!("{id}: title is not a string")),
                }
                match opt_str(r, "date") {
                    Ok(Some(d)) if !is_iso_date(&d) => bad(format!("{id}: date {d:?} is not an ISO date at a contract granularity")),
                    Ok(_) => {}
                    Err(()) => bad(format!("{id}: date is not a string or null")),
                }
                match r.get("status").and_then(Value::as_str) {
                    Some(s) if STATUSES.contains(&s) => {}
                    _ => bad(format!("{id}: status is not one of {STATUSES:?}")),
                }
                match opt_str(r, "venue") {
                    Ok(Some(v)) if !VENUES.contains(&v.as_str()) => bad(format!("{id}: venue {v:?} is not one of {VENUES:?} or null")),
                    Ok(_) => {}
                    Err(()) => bad(format!("{id}: venue is not a string or null")),
                }
            }
        }
    }

    // The gold file must also load through the crate's own parser (what `eval` uses).
    if let Err(e) = newsfacts::eval::Gold::parse(gold_text, &gfile) {
        bad(format!("rejected by newsfacts::eval::Gold::parse: {e}"));
    }
}

#[test]
fn gold_files_match_their_articles() {
    let dir = fixtures();
    let articles = stems(&dir.join("articles"), "txt");
    let golds = stems(&dir.join("gold"), "json");
    let mut problems = Vec::new();

    for name in articles.difference(&golds) {
        problems.push(format!("articles/{name}.txt: no gold/{name}.json"));
    }
    for name in golds.difference(&articles) {
        problems.push(format!("gold/{name}.json: no articles/{name}.txt"));
    }
    if articles.len() < MIN_ARTICLES {
        problems.push(format!("fixtures/articles: {} articles, expected at least {MIN_ARTICLES}", articles.len()));
    }

    for name in &articles {
        let apath = dir.join("articles").join(format!("{name}.txt"));
        let article = match std::fs::read_to_string(&apath) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("articles/{name}.txt: unreadable: {e}"));
                continue;
            }
        };
        let words = article.split_whitespace().count();
        if !WORDS.contains(&words) {
            problems.push(format!("articles/{name}.txt: {words} words, expected {}..={}", WORDS.start(), WORDS.end()));
        }
        if !golds.contains(name) {
            continue;
        }
        match std::fs::read_to_string(dir.join("gold").join(format!("{name}.json"))) {
            Ok(g) => check_gold(name, &g, &article, &mut problems),
            Err(e) => problems.push(format!("gold/{name}.json: unreadable: {e}")),
        }
    }

    assert!(problems.is_empty(), "{} fixture problem(s):\n  {}", problems.len(), problems.join("\n  "));
}

#[test]
fn checker_reports_bad_gold() {
    // A hand-made broken answer key: each problem must be named.
    let article = "Ana de Armas stars in Ballerina for Lionsgate, out June 6, 2025.";
    let gold = r#"{
        "people": ["Ana de Armas", "Keanu Reeves"],
        "titles": ["Ballerina"],
        "organizations": ["Lionsgate"],
        "dates": ["2025-06-06", "June 2025", "2025-09-04/2025-09-14"],
        "roles": [
            {"person": "Ana de Armas", "role": "actor", "title": "Ballerina", "character": "Eve"},
            {"person": "Len Wiseman", "role": "helmer", "title": "John Wick", "character": null}
        ],
        "releases": [{"title": "Ballerina", "date": "2025-06-06", "status": "soon", "venue": "cinemas"}],
        "notes": []
    }"#;
    let mut problems = Vec::new();
    check_gold("x", gold, article, &mut problems);
    let want = [
        "top-level keys",
        "people[1] \"Keanu Reeves\"",
        "dates[1] \"June 2025\"",
        "character \"Eve\"",
        "person \"Len Wiseman\" is not in people",
        "role is not one of",
        "title \"John Wick\" is not in titles",
        "status is not one of",
        "venue \"cinemas\"",
        "rejected by newsfacts::eval::Gold::parse",
    ];
    for w in want {
        assert!(problems.iter().any(|p| p.starts_with("gold/x.json: ") && p.contains(w)), "no problem mentioning {w:?} in {problems:#?}");
    }
    assert_eq!(problems.len(), want.len(), "{problems:#?}");

    // Folding: curly apostrophes and en dashes in gold match straight ones in the text.
    let article = "Ocean's Eleven - the heist film - and M'Baku.";
    let gold = r#"{"people": [], "titles": ["Ocean’s Eleven"], "organizations": [], "dates": [],
        "roles": [], "releases": [{"title": "OCEAN’S ELEVEN", "date": null, "status": "released", "venue": null}]}"#;
    let mut problems = Vec::new();
    check_gold("y", gold, article, &mut problems);
    assert!(problems.is_empty(), "{problems:#?}");
}
