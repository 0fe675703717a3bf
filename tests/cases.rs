//! Data-driven rule tests: every line of `tests/cases/*.tsv` is one case, run through the
//! public API. All lines are checked before failing, and each failure names its file and
//! line. (The date stage's own table, `tests/cases/dates.tsv`, runs as a unit test.)

use newsfacts::{ArticleMeta, Date, Extractor, Facts};

fn ex() -> Extractor {
    Extractor::new().expect("extractor builds")
}

fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')).map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn set(s: &str) -> Vec<String> {
    let mut v: Vec<String> = if s == "-" { Vec::new() } else { s.split(" ; ").map(|x| x.trim().to_string()).collect() };
    v.sort();
    v
}

fn extract(text: &str, published: &str) -> Facts {
    let text = text.replace("\\n", "\n");
    match published {
        "-" => ex().extract(&text),
        p => ex().extract_with(&text, &ArticleMeta::published(p.parse::<Date>().expect("valid date in case"))),
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "null".into())
}

#[test]
fn entity_cases() {
    let mut failures = Vec::new();
    for (line, cols) in rows(include_str!("cases/entities.tsv")) {
        let [text, category, want] = cols[..] else { panic!("entities.tsv:{line}: expected 3 columns") };
        let f = extract(text, "-");
        let mut got: Vec<String> = match category {
            "people" => f.people.iter().map(|p| p.name.clone()).collect(),
            "titles" => f.titles.iter().map(|t| t.name.clone()).collect(),
            "organizations" => f.organizations.iter().map(|o| o.name.clone()).collect(),
            other => panic!("entities.tsv:{line}: unknown category {other:?}"),
        };
        got.sort();
        if got != set(want) {
            failures.push(format!("entities.tsv:{line}: {text:?}\n  {category}: got {got:?}, want {:?}", set(want)));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn relation_cases() {
    let mut failures = Vec::new();
    for (line, cols) in rows(include_str!("cases/relations.tsv")) {
        let [text, published, kind, want] = cols[..] else { panic!("relations.tsv:{line}: expected 4 columns") };
        let f = extract(text, published);
        let want = set(want);
        let with_hedge = want.iter().any(|w| w.split('|').count() == 5);
        let mut got: Vec<String> = match kind {
            "roles" => f
                .roles
                .iter()
                .map(|r| {
                    format!(
                        "{}|{}|{}|{}",
                        r.person,
                        serde_json::to_value(r.role).unwrap().as_str().unwrap_or(""),
                        opt(&r.title),
                        opt(&r.character)
                    )
                })
                .collect(),
            "releases" => f
                .releases
                .iter()
                .map(|r| {
                    let status = serde_json::to_value(r.status).unwrap();
                    let venue = serde_json::to_value(r.venue).unwrap();
                    let date = r.date.as_ref().map_or("null".to_string(), |d| d.to_iso());
                    let base = format!("{}|{}|{}|{}", r.title, date, status.as_str().unwrap_or(""), venue.as_str().unwrap_or("null"));
                    if with_hedge {
                        format!("{base}|{}", r.hedged)
                    } else {
                        base
                    }
                })
                .collect(),
            other => panic!("relations.tsv:{line}: unknown kind {other:?}"),
        };
        got.sort();
        if got != want {
            failures.push(format!("relations.tsv:{line}: {text:?}\n  got  {got:?}\n  want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
