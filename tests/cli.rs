//! The `newsfacts` binary, run for real: the JSON contract (`facts-json.md`) on every
//! fixture article, error messages that name the file and the place, batch and JSON-lines
//! modes, a million-name gazetteer, and `eval --json`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::*;

const BIN: &str = env!("CARGO_BIN_EXE_newsfacts");

const TOP_KEYS: [&str; 11] =
    ["published", "section", "tags", "headline", "people", "titles", "organizations", "dates", "roles", "releases", "warnings"];
const CATEGORIES: [&str; 6] = ["people", "titles", "organizations", "dates", "roles", "releases"];
const ATTRIBUTES: [&str; 4] = ["roles.title", "roles.character", "releases.status", "releases.venue"];

const SEED: &str = "/work/shared/seed/000_0853a13233f0630a.txt";

// ---------------------------------------------------------------------------------------
// Helpers

/// A scratch directory under the system temp dir, unique per test, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("newsfacts-cli-{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        Scratch(dir)
    }

    /// Writes a file and returns its path.
    fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
        }
        std::fs::write(&p, contents).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Sorted `dir/*.ext`.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

/// Runs the binary with arguments and optional standard input.
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("spawn {BIN}: {e}"));
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait for newsfacts")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A description of a run for assertion messages.
fn show(o: &Output) -> String {
    format!("status {:?}\n--- stdout\n{}\n--- stderr\n{}", o.status.code(), String::from_utf8_lossy(&o.stdout), stderr(o))
}

/// Parses stdout as exactly one JSON value.
fn one_json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("stdout is not one JSON value: {e}\n{}", show(o)))
}

/// Parses stdout as JSON lines.
fn json_lines(o: &Output) -> Vec<Value> {
    stdout(o).lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("line {l:?} is not JSON: {e}\n{}", show(o)))).collect()
}

fn is_one_of(v: &Value, vocab: &[&str]) -> bool {
    v.as_str().is_some_and(|s| vocab.contains(&s))
}

/// Whether an ISO value string has the shape of its granularity.
fn iso_at(s: &str, granularity: &str) -> bool {
    let b = s.as_bytes();
    let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    year && match granularity {
        "year" => b.len() == 4,
        "month" => b.len() == 7 && b[4] == b'-' && digits(5..7),
        "day" => b.len() == 10 && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        "quarter" => matches!(&s[4..], "-Q1" | "-Q2" | "-Q3" | "-Q4"),
        "season" => matches!(&s[4..], "-SP" | "-SU" | "-FA" | "-WI"),
        _ => false,
    }
}

/// Checks a span `{start, end}` object (or the start/end fields of a mention) against the
/// input: in range, ordered, on char boundaries. Returns the slice.
fn check_span<'a>(input: &'a str, v: &Value, what: &str, problems: &mut Vec<String>) -> Option<&'a str> {
    let (Some(start), Some(end)) = (v.get("start").and_then(Value::as_u64), v.get("end").and_then(Value::as_u64)) else {
        problems.push(format!("{what}: start/end are not unsigned integers: {v}"));
        return None;
    };
    let (start, end) = (start as usize, end as usize);
    if start > end || end > input.len() {
        problems.push(format!("{what}: span {start}..{end} outside the input (len {})", input.len()));
        return None;
    }
    if !input.is_char_boundary(start) || !input.is_char_boundary(end) {
        problems.push(format!("{what}: span {start}..{end} not on char boundaries"));
        return None;
    }
    input.get(start..end)
}

/// Checks a date value: null, an ISO string at `granularity`, or `{from, to}` of those.
fn check_date_value(v: &Value, granularity: Option<&str>, what: &str, problems: &mut Vec<String>) {
    let ok = |s: &str| match granularity {
        Some(g) => iso_at(s, g),
        None => GRANULARITIES.iter().any(|g| iso_at(s, g)),
    };
    let good = match v {
        Value::Null => true,
        Value::String(s) => ok(s),
        Value::Object(o) => {
            o.len() == 2 && o.get("from").and_then(Value::as_str).is_some_and(ok) && o.get("to").and_then(Value::as_str).is_some_and(ok)
        }
        _ => false,
    };
    if !good {
        problems.push(format!("{what}: bad date value {v} (granularity {granularity:?})"));
    }
}

/// Checks one facts object against the contract and the input it came from; `extra` are
/// keys allowed beside the contract's (`source` in JSON lines). Returns the problems.
fn contract_problems(input: &str, facts: &Value, extra: &[&str]) -> Vec<String> {
    let mut p = Vec::new();
    let Some(obj) = facts.as_object() else { return vec![format!("not a JSON object: {facts}")] };
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).filter(|k| !extra.contains(k)).collect();
    let mut want = TOP_KEYS.to_vec();
    keys.sort_unstable();
    want.sort_unstable();
    if keys != want {
        p.push(format!("top-level keys {keys:?}, expected {want:?}"));
    }
    for k in ["published", "section", "headline"] {
        if !matches!(obj.get(k), Some(Value::Null | Value::String(_))) {
            p.push(format!("{k}: not a string or null"));
        }
    }
    if let Some(Value::String(d)) = obj.get("published") {
        if !iso_at(d, "day") {
            p.push(format!("published {d:?}: not YYYY-MM-DD"));
        }
    }
    for k in ["tags", "warnings"] {
        if !obj.get(k).and_then(Value::as_array).is_some_and(|a| a.iter().all(Value::is_string)) {
            p.push(format!("{k}: not an array of strings"));
        }
    }
    let array = |k: &str, p: &mut Vec<String>| -> Vec<Value> {
        match obj.get(k).and_then(Value::as_array) {
            Some(a) => a.clone(),
            None => {
                p.push(format!("{k}: not an array"));
                Vec::new()
            }
        }
    };

    for (cat, kinds) in [("people", None), ("titles", Some(&TITLE_KINDS[..])), ("organizations", Some(&ORG_KINDS[..]))] {
        for (i, ent) in array(cat, &mut p).iter().enumerate() {
            let what = format!("{cat}[{i}] {}", ent.get("name").unwrap_or(&Value::Null));
            if ent.get("name").and_then(Value::as_str).is_none_or(|n| n.trim().is_empty()) {
                p.push(format!("{what}: name is not a non-empty string"));
            }
            if let Some(kinds) = kinds {
                if !ent.get("kind").is_some_and(|k| is_one_of(k, kinds)) {
                    p.push(format!("{what}: kind {} not in {kinds:?}", ent.get("kind").unwrap_or(&Value::Null)));
                }
            }
            let Some(mentions) = ent.get("mentions").and_then(Value::as_array) else {
                p.push(format!("{what}: mentions is not an array"));
                continue;
            };
            if mentions.is_empty() {
                p.push(format!("{what}: no mentions"));
            }
            for (j, m) in mentions.iter().enumerate() {
                let mw = format!("{what} mentions[{j}]");
                if let Some(slice) = check_span(input, m, &mw, &mut p) {
                    if m.get("text").and_then(Value::as_str) != Some(slice) {
                        p.push(format!("{mw}: text {} != input slice {slice:?}", m.get("text").unwrap_or(&Value::Null)));
                    }
                }
            }
        }
    }

    for (i, d) in array("dates", &mut p).iter().enumerate() {
        let what = format!("dates[{i}] {}", d.get("text").unwrap_or(&Value::Null));
        if let Some(slice) = check_span(input, d, &what, &mut p) {
            if d.get("text").and_then(Value::as_str) != Some(slice) {
                p.push(format!("{what}: text != input slice {slice:?}"));
            }
        }
        let g = d.get("granularity");
        if !g.is_some_and(|g| is_one_of(g, &GRANULARITIES)) {
            p.push(format!("{what}: granularity {} not in {GRANULARITIES:?}", g.unwrap_or(&Value::Null)));
        }
        match d.get("value") {
            Some(v) => check_date_value(v, g.and_then(Value::as_str), &what, &mut p),
            None => p.push(format!("{what}: no value field")),
        }
    }

    for (i, r) in array("roles", &mut p).iter().enumerate() {
        let what = format!("roles[{i}] {r}");
        if r.get("person").and_then(Value::as_str).is_none_or(|s| s.is_empty()) {
            p.push(format!("{what}: person is not a non-empty string"));
        }
        if !r.get("role").is_some_and(|k| is_one_of(k, &ROLES)) {
            p.push(format!("{what}: role not in {ROLES:?}"));
        }
        for k in ["character", "title"] {
            if !matches!(r.get(k), Some(Value::Null | Value::String(_))) {
                p.push(format!("{what}: {k} is not a string or null"));
            }
        }
        match r.get("evidence") {
            Some(ev) => {
                check_span(input, ev, &format!("{what} evidence"), &mut p);
            }
            None => p.push(format!("{what}: no evidence")),
        }
    }

    for (i, r) in array("releases", &mut p).iter().enumerate() {
        let what = format!("releases[{i}] {r}");
        if r.get("title").and_then(Value::as_str).is_none_or(|s| s.is_empty()) {
            p.push(format!("{what}: title is not a non-empty string"));
        }
        match r.get("date") {
            Some(v) => check_date_value(v, None, &what, &mut p),
            None => p.push(format!("{what}: no date field")),
        }
        if !r.get("status").is_some_and(|k| is_one_of(k, &STATUSES)) {
            p.push(format!("{what}: status not in {STATUSES:?}"));
        }
        match r.get("venue") {
            Some(Value::Null) => {}
            Some(v) if is_one_of(v, &VENUES) => {}
            v => p.push(format!("{what}: venue {v:?} not in {VENUES:?} or null")),
        }
        if !matches!(r.get("platform"), None | Some(Value::String(_))) {
            p.push(format!("{what}: platform is not a string"));
        }
        if !r.get("hedged").is_some_and(Value::is_boolean) {
            p.push(format!("{what}: hedged is not a boolean"));
        }
        match r.get("evidence") {
            Some(ev) => {
                check_span(input, ev, &format!("{what} evidence"), &mut p);
            }
            None => p.push(format!("{what}: no evidence")),
        }
    }
    p
}

fn assert_contract(input: &str, facts: &Value, extra: &[&str], label: &str) {
    let p = contract_problems(input, facts, extra);
    assert!(p.is_empty(), "{label}: {} contract problem(s):\n  {}", p.len(), p.join("\n  "));
}

fn people_names(facts: &Value) -> Vec<&str> {
    facts["people"].as_array().map(|a| a.iter().filter_map(|p| p["name"].as_str()).collect()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// 1. Every fixture article: the contract shape and exact spans.

#[test]
fn extract_every_fixture_article_meets_the_contract() {
    let articles = files(&fixtures().join("articles"), "txt");
    assert!(!articles.is_empty(), "no fixture articles");
    let mut problems = Vec::new();
    for path in &articles {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let input = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let out = run(&["extract".as_ref(), path.as_os_str()], None);
        if !out.status.success() {
            problems.push(format!("{name}: extract failed\n{}", show(&out)));
            continue;
        }
        match serde_json::from_str::<Value>(&stdout(&out)) {
            Ok(v) => problems.extend(contract_problems(&input, &v, &[]).into_iter().map(|p| format!("{name}: {p}"))),
            Err(e) => problems.push(format!("{name}: stdout is not one JSON value: {e}")),
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n  {}", problems.len(), problems.join("\n  "));
}

// ---------------------------------------------------------------------------------------
// 2. The seed article (outside the repo; skipped when absent).

#[test]
fn extract_seed_article() {
    let Ok(input) = std::fs::read_to_string(SEED) else {
        eprintln!("note: {SEED} not found; skipping the seed-article test");
        return;
    };
    let out = run(&["extract", SEED], None);
    assert!(out.status.success(), "{}", show(&out));
    let v = one_json(&out);
    assert_contract(&input, &v, &[], "seed");
    assert_eq!(v["published"], "2025-06-01");
    assert_eq!(v["section"], "Movies");
    assert_eq!(v["tags"], serde_json::json!(["Ballerina", "john wick"]));
    assert_eq!(v["headline"], "Ballerina: Commitment BTS Featurette And The Restaurant Fight TV Spot");
    let orgs = v["organizations"].as_array().expect("organizations array");
    assert!(
        orgs.iter().any(|o| o["name"] == "Lionsgate" && o["kind"] == "studio"),
        "no Lionsgate studio in {}",
        serde_json::to_string_pretty(&v["organizations"]).unwrap_or_default()
    );
    // All thirteen real people, by their full names; no character among them.
    let mut people: Vec<&str> = v["people"].as_array().expect("people").iter().filter_map(|p| p["name"].as_str()).collect();
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Ana de Armas",
            "Anjelica Huston",
            "Catalina Sandino Moreno",
            "Chad Stahelski",
            "Derek Kolstad",
            "Emerald Fennell",
            "Gabriel Byrne",
            "Ian McShane",
            "Keanu Reeves",
            "Lance Reddick",
            "Len Wiseman",
            "Norman Reedus",
            "Shay Hatten",
        ]
    );
    // The credits and the release the article states.
    let roles: Vec<String> = v["roles"]
        .as_array()
        .expect("roles")
        .iter()
        .map(|r| {
            format!(
                "{}|{}|{}|{}",
                r["person"].as_str().unwrap_or(""),
                r["role"].as_str().unwrap_or(""),
                r["title"].as_str().unwrap_or("null"),
                r["character"].as_str().unwrap_or("null")
            )
        })
        .collect();
    for want in [
        "Ana de Armas|actor|Ballerina|Eve Macarro",
        "Len Wiseman|director|Ballerina|null",
        "Shay Hatten|writer|Ballerina|null",
        "Emerald Fennell|writer|Ballerina|null",
        "Chad Stahelski|director|John Wick|null",
        "Derek Kolstad|writer|John Wick|null",
    ] {
        assert!(roles.iter().any(|r| r == want), "no credit {want} in {roles:#?}");
    }
    let releases = v["releases"].as_array().expect("releases");
    assert!(
        releases.iter().any(|r| r["title"] == "Ballerina" && r["date"] == "2025-06-06" && r["status"] == "scheduled"),
        "no June 6, 2025 release of Ballerina in {releases:#?}"
    );
}

// ---------------------------------------------------------------------------------------
// 3. A million-name people gazetteer.

/// Writes `count` distinct, name-shaped synthetic names (first × surname from syllables),
/// one a line, then `extra` lines.
fn write_big_gazetteer(path: &Path, extra: &[&str]) -> Vec<String> {
    const ON: [&str; 32] = [
        "Ka", "Lo", "Mi", "Ta", "Re", "Si", "No", "Va", "Be", "Da", "Fe", "Ga", "Ha", "Jo", "Ki", "Le", "Ma", "Ne", "Pa", "Ri", "Sa", "To",
        "Vi", "Za", "Bo", "Ca", "Di", "El", "Fa", "Gi", "Ho", "Lu",
    ];
    const MID: [&str; 32] = [
        "ra", "na", "li", "ta", "me", "so", "vi", "ka", "lo", "ne", "ri", "sa", "to", "ve", "da", "mi", "no", "la", "te", "si", "ro", "ni",
        "de", "ma", "ti", "vo", "ko", "pe", "lu", "ze", "gi", "ba",
    ];
    const SUR1: [&str; 10] = ["Bren", "Cal", "Dor", "Fen", "Gar", "Hol", "Kes", "Mor", "Tal", "Wes"];
    const SUR2: [&str; 10] = ["da", "ri", "vo", "le", "sa", "mo", "ne", "ta", "ki", "lu"];
    const SUR3: [&str; 10] = ["ris", "van", "son", "ley", "wick", "ford", "man", "ton", "berg", "zek"];
    let firsts: Vec<String> = ON.iter().flat_map(|a| MID.iter().map(move |b| format!("{a}{b}"))).take(1000).collect();
    let surs: Vec<String> =
        SUR1.iter().flat_map(|a| SUR2.iter().flat_map(move |b| SUR3.iter().map(move |c| format!("{a}{b}{c}")))).collect();
    let distinct: std::collections::HashSet<&String> = firsts.iter().chain(&surs).collect();
    assert_eq!((firsts.len(), surs.len(), distinct.len()), (1000, 1000, 2000), "synthetic names must be distinct");
    let file = std::fs::File::create(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut w = std::io::BufWriter::new(file);
    for f in &firsts {
        for s in &surs {
            writeln!(w, "{f} {s}").expect("write gazetteer");
        }
    }
    for line in extra {
        writeln!(w, "{line}").expect("write gazetteer");
    }
    w.flush().expect("flush gazetteer");
    // Two sample names, from the middle and the end of the table.
    vec![format!("{} {}", firsts[517], surs[333]), format!("{} {}", firsts[999], surs[999])]
}

#[test]
fn extract_with_a_million_name_people_gazetteer() {
    let s = Scratch::new("bigpeople");
    let gaz = s.0.join("people.txt");
    let samples = write_big_gazetteer(&gaz, &["Keanu Reeves"]);
    let text = format!(
        "Keanu Reeves returns as the hitman in the new film, and {} joins the cast alongside {}. \
         Reeves said the shoot was the hardest of his career.\n",
        samples[0], samples[1]
    );
    let article = s.write("article.txt", &text);
    let out = run(&["extract".as_ref(), "--people".as_ref(), gaz.as_os_str(), article.as_os_str()], None);
    let _ = std::fs::remove_file(&gaz); // 14 MB: gone before any assertion can fail
    assert!(out.status.success(), "{}", show(&out));
    let v = one_json(&out);
    assert_contract(&text, &v, &[], "big gazetteer");
    let people = people_names(&v);
    assert!(people.contains(&"Keanu Reeves"), "people: {people:?}");
    for name in &samples {
        assert!(people.contains(&name.as_str()), "gazetteer name {name:?} not found; people: {people:?}");
    }
}

// ---------------------------------------------------------------------------------------
// 4. Errors name the file and the place.

#[test]
fn errors_name_the_file_and_place() {
    let s = Scratch::new("errors");
    let missing = s.0.join("no-such-article.txt");
    let bad_utf8 = s.write("bad-utf8.txt", b"Netflix \xff\xfe");
    let bad_orgs = s.write("orgs.tsv", "Netflix\tstreamer\nLionsgate\tnot-a-kind\n");
    let good = s.write("good.txt", "Lionsgate shared a new featurette.\n");
    let (missing_s, bad_utf8_s, bad_orgs_s, good_s) =
        (missing.display().to_string(), bad_utf8.display().to_string(), bad_orgs.display().to_string(), good.display().to_string());

    // (case, args, every string stderr must contain)
    let cases: [(&str, Vec<&str>, Vec<String>); 4] = [
        ("missing file", vec!["extract", &missing_s], vec![missing_s.clone()]),
        ("invalid UTF-8", vec!["extract", &bad_utf8_s], vec![bad_utf8_s.clone(), "byte 8".into()]),
        ("bad gazetteer kind", vec!["extract", "--orgs", &bad_orgs_s, &good_s], vec![format!("{bad_orgs_s}:2:"), "not-a-kind".into()]),
        ("bad --published", vec!["extract", "--published", "2025-13-01", &good_s], vec!["2025-13-01".into()]),
    ];
    for (case, args, wants) in cases {
        let out = run(&args, None);
        assert!(!out.status.success(), "{case}: expected failure\n{}", show(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{case}: stderr should be one line\n{}", show(&out));
        for w in &wants {
            assert!(err.contains(w.as_str()), "{case}: stderr lacks {w:?}\n{}", show(&out));
        }
        assert!(!err.contains("panicked"), "{case}: panic\n{}", show(&out));
        assert!(out.stdout.is_empty(), "{case}: stdout should be empty\n{}", show(&out));
    }
}

// ---------------------------------------------------------------------------------------
// 5. Batch mode: JSON lines in input order, a bad file reported and skipped.

#[test]
fn jsonl_batch_keeps_order_and_reports_missing_files() {
    let s = Scratch::new("batch");
    let t1 = "Lionsgate shared a new featurette for Ballerina.\n";
    let t2 = "Netflix renewed the series for a third season.\n";
    let g1 = s.write("good1.txt", t1).display().to_string();
    let missing = s.0.join("missing.txt").display().to_string();
    let g2 = s.write("good2.txt", t2).display().to_string();
    let out = run(&["extract", "--jsonl", &g1, &missing, &g2], None);
    assert!(!out.status.success(), "a missing file must fail the run\n{}", show(&out));
    assert!(stderr(&out).contains(&missing), "{}", show(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{}", show(&out));
    for ((line, path), text) in lines.iter().zip([&g1, &g2]).zip([t1, t2]) {
        assert_eq!(line["source"], path.as_str(), "{}", show(&out));
        assert_contract(text, line, &["source"], path);
    }
}

// ---------------------------------------------------------------------------------------
// 6. JSON lines on standard input.

#[test]
fn jsonl_stdin_numbers_lines_and_skips_bad_ones() {
    let t1 = "Lionsgate will release Ballerina next Friday, and a sequel could follow this summer.";
    let t3 = "Lionsgate will release Ballerina next Friday.";
    let input =
        format!("{}\n{{not json\n{}\n", serde_json::json!({"text": t1, "published": "2025-06-01"}), serde_json::json!({"text": t3}));
    let out = run(&["extract", "--jsonl", "-"], Some(input.as_bytes()));
    assert!(!out.status.success(), "a malformed line must fail the run\n{}", show(&out));
    let err = stderr(&out);
    assert!(err.contains(":2:"), "stderr should name line 2\n{}", show(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{}", show(&out));
    assert_eq!((&lines[0]["source"], &lines[1]["source"]), (&Value::from(1), &Value::from(3)), "{}", show(&out));
    assert_contract(t1, &lines[0], &["source"], "stdin line 1");
    assert_contract(t3, &lines[1], &["source"], "stdin line 3");

    // Line 1 carries its publication date, and relative dates resolve against it.
    assert_eq!(lines[0]["published"], "2025-06-01");
    let value_of = |facts: &Value, text: &str| -> Option<Value> {
        facts["dates"].as_array()?.iter().find(|d| d["text"].as_str().is_some_and(|t| t.contains(text))).map(|d| d["value"].clone())
    };
    // The values are checked when the date stage finds the mention at all (the cases of
    // STYLE.md's dates table); which mentions are found is the date stage's own tests' job.
    let expect = [(0, "Friday", Value::from("2025-06-06")), (0, "summer", Value::from("2025-SU")), (1, "Friday", Value::Null)];
    for (i, text, want) in expect {
        match value_of(&lines[i], text) {
            Some(got) => assert_eq!(got, want, "stdin line {}: {text:?} in {}", 2 * i + 1, lines[i]["dates"]),
            None => eprintln!("note: stdin line {}: no date mention containing {text:?}; value not checked", 2 * i + 1),
        }
    }
    // Line 3 has no publication date: none is invented, and no relative date resolves.
    assert_eq!(lines[1]["published"], Value::Null);
    for d in lines[1]["dates"].as_array().into_iter().flatten() {
        if d["relative"] == true {
            assert_eq!(d["value"], Value::Null, "relative date resolved with no publication date: {d}");
        }
    }
}

#[test]
fn jsonl_lines_skip_a_bom_and_refuse_nul_as_files_do() {
    // A byte-order mark before a JSON line is no part of it; a NUL in the text is refused
    // as binary, exactly as a file holding one is.
    let good = serde_json::json!({"text": "Keanu Reeves stars in John Wick."}).to_string();
    let nul = serde_json::json!({"text": "Keanu\u{0}Reeves"}).to_string();
    let input = format!("\u{feff}{good}\n{nul}\n\u{feff}{good}\n");
    let out = run(&["extract", "--jsonl", "-"], Some(input.as_bytes()));
    assert!(!out.status.success(), "the NUL line must fail the run\n{}", show(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2, "{}", show(&out));
    assert_eq!((&lines[0]["source"], &lines[1]["source"]), (&Value::from(1), &Value::from(3)));
    assert_eq!(people_names(&lines[0]), ["Keanu Reeves"]);
    assert_eq!(people_names(&lines[1]), ["Keanu Reeves"]);
    assert!(stderr(&out).contains("<stdin>:2: text field: input looks binary (NUL byte at 5)"), "{}", show(&out));

    let scratch = Scratch::new("nul");
    let file = scratch.write("nul.txt", "Keanu\0Reeves");
    let out = run(&["extract".as_ref(), file.as_os_str()], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("input looks binary (NUL byte at 5)"), "{}", show(&out));
}

/// A bad JSON line is reported as `<stdin>:LINE:COLUMN`, the column 1-based within that
/// line (its newline is not part of the JSON: an unterminated string used to read on into
/// it and be reported as a "control character ... at line 2 column 0").
#[test]
fn jsonl_errors_name_line_and_column() {
    // (input line, the stderr line it gives); line 1 and a CRLF line 4 are good.
    let cases = [
        (r#"{"text": "abc"#, r#"<stdin>:2:13: malformed JSON line: EOF while parsing a string"#),
        (r#"{"text": 5}"#, r#"<stdin>:3:10: malformed JSON line: invalid type: integer `5`, expected a string"#),
        (r#"{"tex": "x"}"#, r#"<stdin>:5:12: malformed JSON line: missing field `text`"#),
        (
            r#"{"text": "x", "published": "2025-13-01"}"#,
            r#"<stdin>:6: invalid date "2025-13-01": expected a real calendar day as YYYY-MM-DD"#,
        ),
    ];
    let input = format!(
        "{{\"text\": \"Netflix renewed it.\"}}\n{}\n{}\n{{\"text\": \"x\"}}\r\n{}\n{}\n",
        cases[0].0, cases[1].0, cases[2].0, cases[3].0
    );
    let out = run(&["extract", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let want: Vec<String> = cases.iter().map(|(_, e)| format!("newsfacts: {e}")).collect();
    assert_eq!(stderr(&out).lines().collect::<Vec<_>>(), want, "{}", show(&out));
    let sources: Vec<Value> = json_lines(&out).iter().map(|l| l["source"].clone()).collect();
    assert_eq!(sources, [Value::from(1), Value::from(4)], "{}", show(&out));
}

// ---------------------------------------------------------------------------------------
// 7. An empty article.

#[test]
fn empty_input_gives_an_empty_contract_object() {
    let s = Scratch::new("empty");
    let empty = s.write("empty.txt", "");
    let out = run(&["extract".as_ref(), empty.as_os_str()], None);
    assert!(out.status.success(), "{}", show(&out));
    let v = one_json(&out);
    assert_contract("", &v, &[], "empty");
    for k in ["tags", "people", "titles", "organizations", "dates", "roles", "releases"] {
        assert_eq!(v[k], serde_json::json!([]), "{k}");
    }
    for k in ["published", "section", "headline"] {
        assert_eq!(v[k], Value::Null, "{k}");
    }
}

// ---------------------------------------------------------------------------------------
// 8. `eval --json` over the fixtures.

/// The JSON of a scores object has numbers for precision, recall, f1 and counts.
fn check_scores(v: &Value, what: &str) {
    for k in ["precision", "recall", "f1"] {
        let x = v[k].as_f64();
        assert!(x.is_some_and(|x| (0.0..=1.0).contains(&x)), "{what}.{k}: {}", v[k]);
    }
    for k in ["tp", "fp", "fn"] {
        assert!(v[k].is_u64(), "{what}.{k}: {}", v[k]);
    }
}

#[test]
fn eval_json_over_the_fixtures() {
    let fx = fixtures();
    let articles = files(&fx.join("articles"), "txt");
    let complete: Vec<&PathBuf> =
        articles.iter().filter(|a| a.file_stem().is_some_and(|stem| fx.join("gold").join(stem).with_extension("json").is_file())).collect();
    // While the corpus is being annotated some articles may lack gold (an `eval` error);
    // then score a scratch copy of the complete pairs: this test is about the shape.
    let scratch;
    let (dir, expected) = if complete.len() == articles.len() {
        (fx.clone(), articles.len())
    } else {
        eprintln!("note: {} of {} fixture articles have gold; evaluating those only", complete.len(), articles.len());
        scratch = Scratch::new("eval");
        for a in &complete {
            let stem = a.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let text = std::fs::read(a).expect("read article");
            let gold = std::fs::read(fx.join("gold").join(format!("{stem}.json"))).expect("read gold");
            scratch.write(&format!("articles/{stem}.txt"), text);
            scratch.write(&format!("gold/{stem}.json"), gold);
        }
        (scratch.0.clone(), complete.len())
    };
    assert!(expected > 0, "no fixture article has gold");
    let out = run(&["eval".as_ref(), dir.as_os_str(), "--json".as_ref()], None);
    assert!(out.status.success(), "{}", show(&out));
    let v = one_json(&out);
    assert_eq!(v["articles"].as_u64(), Some(expected as u64), "{v}");
    let cats = v["categories"].as_object().expect("categories object");
    let mut names: Vec<&str> = cats.keys().map(String::as_str).collect();
    names.sort_unstable();
    let mut want = CATEGORIES.to_vec();
    want.sort_unstable();
    assert_eq!(names, want);
    for c in CATEGORIES {
        check_scores(&v["categories"][c], c);
    }
    check_scores(&v["overall"], "overall");
    for a in ATTRIBUTES {
        let acc = &v["attributes"][a];
        let (correct, total) = (acc["correct"].as_u64(), acc["total"].as_u64());
        assert!(correct.is_some() && total.is_some() && correct <= total, "attributes.{a}: {acc}");
    }
}

/// `eval DIR NAME...` scores a subset (names or globs) and `--row` prints one Markdown row.
#[test]
fn eval_scores_a_named_subset_as_a_row() {
    let fx = fixtures();
    let out = run(
        &[
            "eval".as_ref(),
            fx.as_os_str(),
            "01_*".as_ref(),
            "fixtures/articles/02_harry_potter_hbo_casting.txt".as_ref(),
            "--json".as_ref(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", show(&out));
    assert_eq!(one_json(&out)["articles"].as_u64(), Some(2));

    let out = run(&["eval".as_ref(), fx.as_os_str(), "0?_*".as_ref(), "--row".as_ref(), "--header".as_ref()], None);
    assert!(out.status.success(), "{}", show(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("| articles | people P / R / F1 |"), "{text}");
    assert!(lines[2].starts_with("| 9 | "), "{text}");
    assert_eq!(lines[0].matches('|').count(), lines[2].matches('|').count(), "{text}");

    let out = run(&["eval".as_ref(), fx.as_os_str(), "99_nothing*".as_ref()], None);
    assert!(!out.status.success(), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"99_nothing*\": no article"), "{}", show(&out));
}

// ---------------------------------------------------------------------------------------
// The checker itself: it must catch what it claims to.

#[test]
fn contract_checker_catches_bad_output() {
    let input = "Zoë Kravitz met Lionsgate.";
    let good = serde_json::json!({
        "published": null, "section": null, "tags": [], "headline": null,
        "people": [{"name": "Zoë Kravitz", "mentions": [{"start": 0, "end": 12, "text": "Zoë Kravitz"}]}],
        "titles": [],
        "organizations": [{"name": "Lionsgate", "kind": "studio", "mentions": [{"start": 17, "end": 26, "text": "Lionsgate"}]}],
        "dates": [], "roles": [], "releases": [], "warnings": []
    });
    assert_eq!(contract_problems(input, &good, &[]), Vec::<String>::new());
    // (what is broken, JSON pointer, replacement)
    let cases = [
        ("span off a char boundary", "/people/0/mentions/0/end", serde_json::json!(3)),
        ("text differs from the slice", "/organizations/0/mentions/0/text", serde_json::json!("Lionsgat")),
        ("span past the end", "/organizations/0/mentions/0/end", serde_json::json!(99)),
        ("unknown org kind", "/organizations/0/kind", serde_json::json!("company")),
        (
            "unknown granularity",
            "/dates",
            serde_json::json!([{"text": "Zoë", "start": 0, "end": 4, "value": "2025", "granularity": "decade"}]),
        ),
        (
            "value not at its granularity",
            "/dates",
            serde_json::json!([{"text": "Zoë", "start": 0, "end": 4, "value": "2025-06", "granularity": "day"}]),
        ),
        (
            "unknown role",
            "/roles",
            serde_json::json!([{"person": "Zoë Kravitz", "role": "star", "character": null, "title": null, "evidence": {"start": 0, "end": 4}}]),
        ),
        (
            "evidence off a boundary",
            "/roles",
            serde_json::json!([{"person": "Zoë Kravitz", "role": "actor", "character": null, "title": null, "evidence": {"start": 3, "end": 5}}]),
        ),
        (
            "unknown venue",
            "/releases",
            serde_json::json!([{"title": "X", "date": null, "status": "released", "venue": "cinema", "hedged": false, "evidence": {"start": 0, "end": 1}}]),
        ),
        (
            "unknown status",
            "/releases",
            serde_json::json!([{"title": "X", "date": null, "status": "soon", "venue": null, "hedged": false, "evidence": {"start": 0, "end": 1}}]),
        ),
    ];
    for (what, ptr, val) in cases {
        let mut bad = good.clone();
        *bad.pointer_mut(ptr).unwrap_or_else(|| panic!("{ptr}")) = val;
        assert!(!contract_problems(input, &bad, &[]).is_empty(), "not caught: {what}");
    }
    let mut extra = good.clone();
    extra["source"] = serde_json::json!("x.txt");
    assert!(!contract_problems(input, &extra, &[]).is_empty(), "extra key not caught");
    assert!(contract_problems(input, &extra, &["source"]).is_empty());
}

/// A reader that closes the pipe early (`| head -1`) ends every subcommand quietly: exit
/// status 0, no panic, no "Broken pipe" message.
#[test]
fn a_closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let fx = fixtures();
    let articles: Vec<PathBuf> = files(&fx.join("articles"), "txt");
    let one = articles[0].to_string_lossy().into_owned();
    let fxs = fx.to_string_lossy().into_owned();
    let mut cases: Vec<Vec<String>> = vec![
        vec!["eval".into(), fxs.clone(), "--verbose".into()],
        vec!["eval".into(), fxs.clone(), "--json".into()],
        vec!["show".into(), one.clone()],
        vec!["extract".into(), one],
    ];
    let mut batch = vec!["extract".to_string(), "--jsonl".to_string()];
    batch.extend(articles.iter().map(|a| a.to_string_lossy().into_owned()));
    cases.push(batch);
    for args in cases {
        let mut child = Command::new(BIN).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("spawn newsfacts");
        {
            let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
            let mut line = String::new();
            reader.read_line(&mut line).expect("first line");
            assert!(!line.is_empty(), "{args:?}: no output");
        } // the reader closes the pipe here
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{:?}: exit {:?}, stderr {err}", &args[..2], out.status.code());
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{:?}: {err}", &args[..2]);
    }
}

#[test]
fn zero_threads_is_refused() {
    let article = fixtures().join("articles/01_avengers_doomsday.txt");
    let out = run(&["extract".as_ref(), "--threads".as_ref(), "0".as_ref(), article.as_os_str()], None);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads"), "{}", show(&out));
}

/// `--rules FILE` adds a phrasing; its rule names every credit it reads, a failing example
/// is a warning on stderr, and a bad rule is an error naming file, line and column.
#[test]
fn rules_file_adds_credit_rules() {
    let s = Scratch::new("rules");
    let good = s.write(
        "mine.rules",
        "# mine\nrule\tcrew.steers\tright\tdirector\tsteers {title}\n\
         +\tAna Ruiz steers “Harbor Lights”.\tAna Ruiz|director|Harbor Lights|null\n\
         -\tAna Ruiz steers “Harbor Lights” again.\n",
    );
    let bad = s.write("bad.rules", "rule\tcrew.steers\tright\tdirector\tsteers {who}\n");
    let article = s.write("a.txt", "Ana Ruiz steers “Harbor Lights” for the studio.\n");

    let plain = one_json(&run(&["extract".as_ref(), article.as_os_str()], None));
    assert_eq!(plain["roles"], serde_json::json!([]));

    let out = run(&["extract".as_ref(), "--rules".as_ref(), good.as_os_str(), article.as_os_str()], None);
    assert!(out.status.success(), "{}", show(&out));
    let v = one_json(&out);
    assert_eq!(v["roles"][0]["person"], "Ana Ruiz");
    assert_eq!(v["roles"][0]["role"], "director");
    assert_eq!(v["roles"][0]["title"], "Harbor Lights");
    assert_eq!(v["roles"][0]["evidence"]["rule"], "crew.steers");
    // The negative example is read by the rule: a warning, not a failure.
    assert!(stderr(&out).contains("warning: rule example does not hold: crew.steers: - "), "{}", show(&out));

    let out = run(&["extract".as_ref(), "--rules".as_ref(), bad.as_os_str(), article.as_os_str()], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains(&format!("{}:1:40: unknown element \"{{who}}\"", bad.display())), "{}", show(&out));
}
