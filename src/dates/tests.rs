//! The case table (`tests/cases/dates.tsv`), the vocabulary, char boundaries and
//! pathological inputs.

use super::*;

const CASES: &str = include_str!("../../tests/cases/dates.tsv");

/// Runs the scanner the way the case table describes: one sentence, the whole text.
fn run(scanner: &DateScanner, text: &str, published: Option<Date>) -> (Vec<Found>, Vec<String>) {
    let (mut found, mut warnings) = (Vec::new(), Vec::new());
    scanner.scan(text, &[Span::new(0, text.len())], published, &mut found, &mut warnings);
    (found, warnings)
}

/// `surface=value@granularity` joined by ` ; `, or `-` for none: the table's notation.
fn render(text: &str, found: &[Found]) -> String {
    if found.is_empty() {
        return "-".to_string();
    }
    let one = |f: &Found| {
        if f.impossible {
            return format!("{}=impossible", f.span.get(text).unwrap_or("<not on a char boundary>"));
        }
        let value = f.value.as_ref().map_or_else(|| "null".to_string(), DateValue::to_iso);
        let gran = match f.granularity {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Year => "year",
        };
        format!("{}={value}@{gran}", f.span.get(text).unwrap_or("<not on a char boundary>"))
    };
    found.iter().map(one).collect::<Vec<_>>().join(" ; ")
}

#[test]
fn case_table() {
    let scanner = DateScanner::new();
    let (mut cases, mut negatives, mut failures) = (0, 0, Vec::new());
    for (i, raw) in CASES.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        let [text, published, want] = cols[..] else {
            failures.push(format!("dates.tsv:{line}: expected 3 tab-separated columns, got {}", cols.len()));
            continue;
        };
        let published = match published {
            "-" => None,
            p => match p.parse::<Date>() {
                Ok(d) => Some(d),
                Err(e) => {
                    failures.push(format!("dates.tsv:{line}: {e}"));
                    continue;
                }
            },
        };
        cases += 1;
        negatives += usize::from(want == "-");
        // (`\n` in the table is a line break: rows of a list.)
        let text = &text.replace("\\n", "\n");
        let (found, _) = run(&scanner, text, published);
        let got = render(text, &found);
        if got != want {
            failures.push(format!("dates.tsv:{line}: {text}\n    got:  {got}\n    want: {want}"));
        }
    }
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
    assert!(cases >= 200 && negatives >= 60, "{cases} cases, {negatives} negatives");
}

#[test]
fn list_heading_year_dates_the_rows_under_it() {
    let scanner = DateScanner::new();
    let text = "Arch Enemy 2025 North American tour dates:\n\nApril 14 - San Diego\nMay 02 - New York\n\nThe band opens April 20.\n\
                2026 dates:\nMarch 3 - Austin";
    let (found, _) = run_lines(&scanner, text);
    let got: Vec<String> = found.iter().map(|f| f.value.as_ref().map_or("null".into(), DateValue::to_iso)).collect();
    // The list ends at the blank line: the last date has no year, and no publication date.
    assert_eq!(got, ["2025-04-14", "2025-05-02", "null", "2026", "2026-03-03"]);
}

/// Runs the scanner with one sentence per line.
fn run_lines(scanner: &DateScanner, text: &str) -> (Vec<Found>, Vec<String>) {
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        sentences.push(Span::new(start, start + line.len()));
        start += line.len();
    }
    let (mut found, mut warnings) = (Vec::new(), Vec::new());
    scanner.scan(text, &sentences, None, &mut found, &mut warnings);
    (found, warnings)
}

#[test]
fn vocabulary_parses() {
    let w = Words::parse(words::WORDS_TSV).expect("words.tsv");
    assert!(w.trigger(b"June").is_some());
    assert!(w.trigger(b"Q3").is_some());
    assert!(w.trigger(b"the").is_none());
    // A bad row names its line.
    let err = Words::parse("june\tmonth:13\n").unwrap_err();
    assert_eq!(err.to_string(), "data/date_words.tsv:1: bad argument Some(\"13\") for class \"month\"");
}

#[test]
fn scanner_is_send_sync_clone() {
    fn assert<T: Send + Sync + Clone>() {}
    assert::<DateScanner>();
}

#[test]
fn typo_year_warns() {
    let text = "John Wick, leading up to its 2o14 release, was a gamble.";
    let (found, warnings) = run(&DateScanner::new(), text, None);
    assert_eq!(render(text, &found), "2o14=2014@year");
    assert_eq!(warnings, vec!["typo'd year \"2o14\" at byte 29 read as 2014".to_string()]);
}

#[test]
fn no_published_means_no_value() {
    let text = "It opened Friday and returns next month, as it did last year.";
    let (found, _) = run(&DateScanner::new(), text, None);
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|f| f.value.is_none() && f.relative));
}

#[test]
fn spans_on_char_boundaries() {
    let texts = [
        "Zoë Kravitz’s film opens Friday, June 6 — and the sequel in 2026–27.",
        "Mayé 2025 Junio 6 Ñ2025 2025é é2025 June\u{a0}6,\u{a0}2025 ‘2025’ «2024» 2019–2021",
        "São Paulo, 12 de junho — Sept.\u{2009}24, 2025 — 2o25年 2025年6月",
        "ÉTÉ 2025, “Summer 2025”, mid‑2026, 7/4/2026‼ Q3\u{a0}2025",
    ];
    let scanner = DateScanner::new();
    for text in texts {
        let (found, _) = run(&scanner, text, "2025-06-01".parse().ok());
        assert!(!found.is_empty(), "{text}");
        let mut last = 0;
        for f in &found {
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end), "{text}: {f:?}");
            assert!(f.span.start >= last && f.span.end > f.span.start, "{text}: overlapping or empty {f:?}");
            last = f.span.end;
        }
    }
    // Every prefix of a multi-byte text is scanned without a panic.
    let text = "Zoë’s “Sept. 24, 2025” — mid‑June, 6 juin, 2O25 é";
    for (i, _) in text.char_indices() {
        let _ = run(&scanner, &text[..i], None);
        let _ = run(&scanner, &text[i..], None);
    }
}

#[test]
fn pathological_inputs_are_linear_and_sane() {
    let scanner = DateScanner::new();
    let published = "2025-06-01".parse().ok();

    let commas = "1,".repeat(500_000);
    assert!(run(&scanner, &commas, published).0.is_empty());

    let digits = "7".repeat(1_000_000);
    assert!(run(&scanner, &digits, published).0.is_empty());

    let mays = "May ".repeat(250_000);
    assert!(run(&scanner, &mays, published).0.is_empty());

    let caps = "Blade Runner Sunday Best August ".repeat(30_000);
    assert!(run(&scanner, &caps, published).0.is_empty());

    let typo_frags = "2O2".repeat(300_000);
    assert!(run(&scanner, &typo_frags, published).0.is_empty());
    let typo_words = "2O2 ".repeat(300_000);
    assert!(run(&scanner, &typo_words, published).0.is_empty());

    // Dense real dates in one endless sentence: every one is found, each with a bounded
    // look at its neighbours.
    let dense = "in May and ".repeat(50_000);
    let (found, _) = run(&scanner, &dense, published);
    assert_eq!(found.len(), 50_000);
    assert!(found.iter().all(|f| f.value == Some(DateValue::Point("2025-05".into()))));

    let years = "in 2019, ".repeat(100_000);
    assert_eq!(run(&scanner, &years, published).0.len(), 100_000);
}

/// Throughput over the fixture articles; run with
/// `cargo test --release --lib dates::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let mut corpus = String::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("fixtures").flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        corpus.push_str(&std::fs::read_to_string(p).expect("utf-8 fixture"));
        corpus.push('\n');
    }
    while corpus.len() < 8 << 20 {
        corpus = corpus.repeat(2);
    }
    let scanner = DateScanner::new();
    let published = "2025-06-01".parse().ok();
    let (mut found, mut warnings) = (Vec::new(), Vec::new());
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        scanner.scan(&corpus, &[Span::new(0, corpus.len())], published, &mut found, &mut warnings);
        best = best.min(t.elapsed().as_secs_f64());
        warnings.clear();
    }
    println!("{} bytes, {} dates, best {:.1} MB/s", corpus.len(), found.len(), corpus.len() as f64 / best / 1e6);
}
