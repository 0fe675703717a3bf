//! Per-stage throughput over the fixture articles (called once per article), the bare
//! one-pass ceiling over the same text, scaling on single large documents, and a
//! 1,000,000-name user gazetteer.
//!
//! `cargo bench` runs everything; `cargo bench -- extract/` one group. Numbers quoted in
//! the README come from this file.

use std::hint::black_box;
use std::time::Duration;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsfacts::dates::DateScanner;
use newsfacts::text::{split_sentences, tokenize};
use newsfacts::{Article, Extractor, GazetteerBuilder, Span, Stage};

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/articles");
    let mut names: Vec<_> = std::fs::read_dir(dir).expect("fixtures").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).expect("fixture is UTF-8")).collect()
}

fn bytes(c: &[String]) -> u64 {
    c.iter().map(|s| s.len() as u64).sum()
}

/// Synthetic but name-shaped: 1000 given names x 1000 surnames from syllables.
fn million_names() -> Vec<String> {
    let syl =
        ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "an", "del", "ro", "bi", "na", "qu", "zel", "mar", "tho", "gri", "pe", "su", "wen"];
    let mut firsts = Vec::with_capacity(1000);
    let mut lasts = Vec::with_capacity(1000);
    for a in syl {
        for b in syl {
            for c in ["", "n", "s"] {
                if firsts.len() < 1000 {
                    let mut w = format!("{a}{b}{c}");
                    w[..1].make_ascii_uppercase();
                    firsts.push(w);
                }
                if lasts.len() < 1000 {
                    let mut w = format!("{b}{a}{c}ski");
                    w[..1].make_ascii_uppercase();
                    lasts.push(w);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(1_000_000);
    for f in &firsts {
        for l in &lasts {
            out.push(format!("{f} {l}"));
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let ex = Extractor::new().expect("extractor builds");
    let lex = newsfacts::lexicon::builtin().expect("lexicon builds");
    let dates = DateScanner::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    g.measurement_time(Duration::from_secs(4));

    g.bench_function("article", |b| b.iter(|| docs.iter().map(|d| Article::parse(black_box(d)).paragraphs.len()).sum::<usize>()));
    let mut toks = Vec::new();
    let mut sents = Vec::new();
    g.bench_function("tokenize+sentences", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                tokenize(black_box(d), &mut toks);
                split_sentences(d, &toks, &mut sents);
                n += sents.len();
            }
            n
        })
    });
    g.bench_function("lexicon", |b| b.iter(|| docs.iter().map(|d| lex.find_iter(black_box(d)).count()).sum::<usize>()));
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    g.bench_function("dates", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                dates.scan(black_box(d), &[Span::new(0, d.len())], None, &mut found, &mut warnings);
                n += found.len();
            }
            n
        })
    });
    for (name, stage) in [("upto_text", Stage::Text), ("upto_dates", Stage::Dates), ("upto_entities", Stage::Entities)] {
        g.bench_function(name, |b| b.iter(|| docs.iter().map(|d| ex.extract_until(black_box(d), stage).warnings.len()).sum::<usize>()));
    }
    g.bench_function("full", |b| b.iter(|| docs.iter().map(|d| ex.extract(black_box(d)).people.len()).sum::<usize>()));

    // The ceiling: a byte-class tokenizer into a reused buffer, one leftmost-longest
    // contiguous-NFA scan of the crate's own lexicon entries, and one date-regex
    // alternation, called once per article.
    let mut pats: Vec<String> = Vec::new();
    for file in ["orgs.tsv", "publications.txt", "titles.tsv", "first_names.txt", "surnames.txt", "places.txt"] {
        let text = std::fs::read_to_string(format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"))).expect("data file");
        pats.extend(text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').next().unwrap_or("").to_string()));
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&pats)
        .expect("ceiling automaton");
    let month = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    let re = regex::Regex::new(&format!(r"\b{month}\.? \d{{1,2}}(?:, \d{{4}})?|\b(?:19|20)\d\d\b")).expect("ceiling regex");
    g.bench_function("ceiling", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                tokenize(black_box(d), &mut toks);
                n += toks.len() + ac.find_iter(d.as_str()).count() + re.find_iter(d).count();
            }
            n
        })
    });
    g.finish();
}

fn scaling(c: &mut Criterion) {
    let docs = corpus();
    let paragraphs: Vec<&str> = docs.iter().flat_map(|d| d.split("\n\n")).filter(|p| p.len() > 200).collect();
    let ex = Extractor::new().expect("extractor builds");
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    for size in [10_000usize, 100_000, 1_000_000, 10_000_000] {
        let mut doc = String::with_capacity(size + 4096);
        let mut i = 0;
        while doc.len() < size {
            doc.push_str(paragraphs[i % paragraphs.len()]);
            doc.push_str("\n\n");
            i += 1;
        }
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &doc, |b, d| b.iter(|| ex.extract(black_box(d)).people.len()));
    }
    g.finish();

    // One sentence repeated on one line: every name recurs hundreds of thousands of times,
    // which is where a per-mention scan turns quadratic (it took 13.5 s at 8 MiB before
    // aliases stopped scanning an entity's mentions for each new one).
    let sentence = "Director Chad Stahelski said Keanu Reeves returns in John Wick: Chapter 5, which Lionsgate opens on June 6, 2026. ";
    let mut g = c.benchmark_group("scaling_repetitive");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    for size in [1_000_000usize, 2_000_000, 4_000_000, 8_000_000] {
        let mut doc = String::from("date 2025-06-01 Posted in: Movies\n\nHead\n\n");
        while doc.len() < size {
            doc.push_str(sentence);
        }
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(size), &doc, |b, d| b.iter(|| ex.extract(black_box(d)).people.len()));
    }
    g.finish();

    // Many distinct titles, one a sentence: every title is a possible long form of an
    // acronym (finding it scanned every title for each before 2026-12-05: 6 s at 10,000).
    let mut g = c.benchmark_group("scaling_titles");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    let words = ["Iron", "Cold", "Blue", "Glass", "Stone", "Winter", "Harbor", "Crown", "Garden", "Storm"];
    for n in [2_500usize, 10_000, 40_000] {
        let mut doc = String::from("date 2025-06-01 Posted in: Movies\n\nHead\n\n");
        for i in 0..n {
            doc.push_str(&format!("The critics loved “{} {} {i}” this year.\n", words[i % 10], words[(i / 10) % 10]));
        }
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &doc, |b, d| b.iter(|| ex.extract(black_box(d)).titles.len()));
    }
    g.finish();
}

fn gazetteer(c: &mut Criterion) {
    let docs = corpus();
    let names = million_names();
    let mut g = c.benchmark_group("gazetteer_1m");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(20));
    g.bench_function("build", |b| {
        b.iter(|| GazetteerBuilder::new().extend(black_box(&names), newsfacts::Category::Person).build().expect("builds").patterns())
    });
    let ex = Extractor::builder().people(&names).build().expect("extractor builds");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    g.measurement_time(Duration::from_secs(4));
    g.bench_function("extract", |b| b.iter(|| docs.iter().map(|d| ex.extract(black_box(d)).people.len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, stages, scaling, gazetteer);
criterion_main!(benches);
