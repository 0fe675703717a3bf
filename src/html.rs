//! An HTML view of the facts: the article text, byte for byte (escaped), with every
//! mention highlighted by category, a hover label with its canonical name, kind or date
//! value, and tables of credits and releases whose evidence links to its place in the
//! text. One self-contained file: no scripts, fonts or network.
//!
//! Overlapping spans nest; when two spans cross, the inner one is closed and reopened
//! around the boundary, and every piece keeps the mention's `data-id`, so joining the
//! pieces of one id gives the mention's text back.

use std::fmt::Write as _;

use crate::facts::Facts;

/// A span to mark in the text.
#[derive(Clone, Debug)]
pub(crate) struct Mark {
    pub start: usize,
    pub end: usize,
    /// CSS classes.
    pub class: String,
    /// `data-id`.
    pub id: String,
    /// Hover label.
    pub label: String,
    /// An `id` attribute for the first piece (link target), if any.
    pub anchor: Option<String>,
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
pre.text{white-space:pre-wrap;font:inherit;background:#fafafa;border:1px solid #ddd;border-radius:6px;padding:1rem}
.m{border-radius:3px;padding:0 1px}
.person{background:#ffe3a3}.title{background:#c9e7ff}.org{background:#d6f5d0}.date{background:#f3d4ff}
.m:hover{outline:2px solid #333}
.ev{border-bottom:2px dotted #999}
.ev:target{background:#fff59d}
.tp{box-shadow:inset 0 -3px #2e7d32}.miss{box-shadow:inset 0 -3px #c62828;background:#ffcdd2}.extra{box-shadow:inset 0 -3px #ef6c00;background:#ffe0b2}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;font-size:14px}
.legend span{margin-right:1rem}
"#;

/// Renders `text` with marks, properly nested.
pub(crate) fn render_marked(text: &str, marks: &[Mark]) -> String {
    let mut order: Vec<usize> =
        (0..marks.len()).filter(|&i| marks[i].start < marks[i].end && text.get(marks[i].start..marks[i].end).is_some()).collect();
    order.sort_by_key(|&i| (marks[i].start, std::cmp::Reverse(marks[i].end), i));
    let mut bounds: Vec<usize> = order.iter().flat_map(|&i| [marks[i].start, marks[i].end]).collect();
    bounds.push(0);
    bounds.push(text.len());
    bounds.sort_unstable();
    bounds.dedup();

    let open = |out: &mut String, m: &Mark, first: bool| {
        let _ = write!(out, r#"<span class="{}" data-id="{}" title="{}""#, m.class, escape(&m.id), escape(&m.label));
        if first {
            if let Some(a) = &m.anchor {
                let _ = write!(out, r#" id="{}""#, escape(a));
            }
        }
        out.push('>');
    };
    let mut out = String::with_capacity(text.len() * 2);
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    for w in bounds.windows(2) {
        let (p, q) = (w[0], w[1]);
        // Close what ends here; reopen what was closed only to get at it.
        if stack.iter().any(|&i| marks[i].end == p) {
            let mut reopen = Vec::new();
            while let Some(i) = stack.pop() {
                out.push_str("</span>");
                if marks[i].end != p {
                    reopen.push(i);
                }
                if !stack.iter().any(|&j| marks[j].end == p) {
                    break;
                }
            }
            for &i in reopen.iter().rev() {
                open(&mut out, &marks[i], false);
                stack.push(i);
            }
        }
        while next < order.len() && marks[order[next]].start == p {
            let i = order[next];
            open(&mut out, &marks[i], true);
            stack.push(i);
            next += 1;
        }
        out.push_str(&escape(text.get(p..q).unwrap_or("")));
    }
    while stack.pop().is_some() {
        out.push_str("</span>");
    }
    out
}

/// Marks for every mention and date of `facts`, plus role and release evidence.
pub(crate) fn fact_marks(facts: &Facts) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut n = 0;
    let mut add = |start, end, class: &str, label: String, anchor: Option<String>| {
        n += 1;
        marks.push(Mark { start, end, class: class.to_string(), id: format!("m{n}"), label, anchor });
    };
    for p in &facts.people {
        for m in &p.mentions {
            add(m.start, m.end, "m person", format!("person: {}", p.name), None);
        }
    }
    for t in &facts.titles {
        let kind = serde_json::to_value(t.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        for m in &t.mentions {
            add(m.start, m.end, "m title", format!("title ({kind}): {}", t.name), None);
        }
    }
    for o in &facts.organizations {
        let kind = serde_json::to_value(o.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        for m in &o.mentions {
            add(m.start, m.end, "m org", format!("organization ({kind}): {}", o.name), None);
        }
    }
    for d in &facts.dates {
        let value = d.value.as_ref().map_or("unresolved".to_string(), |v| v.to_iso());
        add(d.start, d.end, "m date", format!("date: {value}"), None);
    }
    for (i, r) in facts.roles.iter().enumerate() {
        add(
            r.evidence.start,
            r.evidence.end,
            "ev",
            format!("credit: {} ({:?}), rule {}", r.person, r.role, r.evidence.rule),
            Some(format!("role-{i}")),
        );
    }
    for (i, r) in facts.releases.iter().enumerate() {
        add(
            r.evidence.start,
            r.evidence.end,
            "ev",
            format!("release: {} ({:?}), rule {}", r.title, r.status, r.evidence.rule),
            Some(format!("release-{i}")),
        );
    }
    marks
}

fn json_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_else(|| "null".into())
}

/// Renders one article and its facts as a self-contained HTML page.
///
/// ```
/// let ex = newsfacts::Extractor::new()?;
/// let text = "Lionsgate <b>shared</b> a clip.";
/// let facts = ex.extract(text);
/// let page = newsfacts::render_html(text, &facts);
/// assert!(page.contains(r#"class="m org""#));
/// assert!(page.contains("&lt;b&gt;shared&lt;/b&gt;"));
/// # Ok::<(), newsfacts::Error>(())
/// ```
pub fn render_html(text: &str, facts: &Facts) -> String {
    let mut out = String::new();
    let title = facts.headline.clone().unwrap_or_else(|| "newsfacts".into());
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(&title)
    );
    out.push_str(r#"<p class="legend"><span class="m person">person</span><span class="m title">title</span><span class="m org">organization</span><span class="m date">date</span><span class="ev">evidence</span></p>"#);
    let _ = write!(out, "\n<pre class=\"text\">{}</pre>\n", render_marked(text, &fact_marks(facts)));
    out.push_str(&tables(facts));
    out.push_str("</body></html>\n");
    out
}

/// The credits and releases tables, each row linked to its evidence.
pub(crate) fn tables(facts: &Facts) -> String {
    let mut out = String::new();
    out.push_str(
        "<h2>Credits</h2><table><tr><th>person</th><th>role</th><th>title</th><th>character</th><th>evidence</th><th>rule</th></tr>\n",
    );
    for (i, r) in facts.roles.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#role-{i}\">{}–{}</a></td><td>{}</td></tr>",
            escape(&r.person),
            json_str(&r.role),
            escape(r.title.as_deref().unwrap_or("")),
            escape(r.character.as_deref().unwrap_or("")),
            r.evidence.start,
            r.evidence.end,
            escape(&r.evidence.rule)
        );
    }
    out.push_str("</table>\n<h2>Releases</h2><table><tr><th>title</th><th>date</th><th>status</th><th>venue</th><th>hedged</th><th>evidence</th><th>rule</th></tr>\n");
    for (i, r) in facts.releases.iter().enumerate() {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"#release-{i}\">{}–{}</a></td><td>{}</td></tr>",
            escape(&r.title),
            r.date.as_ref().map_or(String::new(), |d| d.to_iso()),
            json_str(&r.status),
            r.venue.map_or(String::new(), |v| json_str(&v)),
            r.hedged,
            r.evidence.start,
            r.evidence.end,
            escape(&r.evidence.rule)
        );
    }
    out.push_str("</table>\n");
    out
}

/// Renders an evaluation over `DIR/articles` and `DIR/gold` as one HTML page: the score
/// table, a list of the articles (each with its F1, linking to its section), then each
/// article with true positives, misses (gold names the extractor did not find, located in
/// the text) and extras marked in distinct styles, the missed and extra names listed, and
/// missed and extra credits and releases as table rows (person, role, title, character;
/// title, date, status, venue).
pub fn render_eval_html(ex: &crate::Extractor, dir: &std::path::Path) -> Result<String, crate::Error> {
    render_eval_html_selected(ex, dir, &[])
}

/// [`render_eval_html`] for the articles matching `patterns` (see
/// [`evaluate_selected`](crate::eval::evaluate_selected)); all of them when empty.
pub fn render_eval_html_selected(ex: &crate::Extractor, dir: &std::path::Path, patterns: &[String]) -> Result<String, crate::Error> {
    use crate::eval::{evaluate_selected, fold, RELEASE_FIELDS, ROLE_FIELDS};
    let report = evaluate_selected(ex, dir, patterns)?;
    let mut out = String::new();
    let _ = write!(out, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>newsfacts evaluation</title><style>{STYLE}</style></head><body>\n");
    let _ =
        write!(out, "<h1 id=\"top\">Evaluation of {}</h1>\n<pre>{}</pre>\n", escape(&dir.display().to_string()), escape(&report.table()));
    out.push_str(r#"<p class="legend"><span class="tp">found (true positive)</span><span class="miss">missed</span><span class="extra">extra</span></p>"#);
    let anchors = anchors(report.scores().map(|(name, _)| name));
    out.push_str("\n<nav><h2>Articles</h2><ol class=\"articles\">\n");
    for ((name, score), anchor) in report.scores().zip(&anchors) {
        let c = score.overall();
        let _ =
            writeln!(out, "<li><a href=\"#{anchor}\">{}</a> F1 {:.3} (tp {} fp {} fn {})</li>", escape(name), c.f1(), c.tp, c.fp, c.fn_);
    }
    out.push_str("</ol></nav>\n");
    for ((name, score), anchor) in report.scores().zip(&anchors) {
        let path = dir.join("articles").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&path).map_err(|e| crate::error::Error::io(path.display().to_string(), e))?;
        let facts = ex.extract(&text);
        let extra = |list: &[String], s: &str| list.iter().any(|x| fold(x) == fold(s));
        let mut marks = Vec::new();
        let mut n = 0;
        let mut add = |start: usize, end: usize, class: &str, label: String| {
            n += 1;
            marks.push(Mark { start, end, class: class.to_string(), id: format!("m{n}"), label, anchor: None });
        };
        for (list, cat, miss) in [
            (facts.people.iter().map(|p| (&p.name, &p.mentions)).collect::<Vec<_>>(), "person", &score.people),
            (facts.titles.iter().map(|t| (&t.name, &t.mentions)).collect(), "title", &score.titles),
            (facts.organizations.iter().map(|o| (&o.name, &o.mentions)).collect(), "organization", &score.organizations),
        ] {
            for (name, mentions) in list {
                let class = if extra(&miss.extra, name) { "extra" } else { "tp" };
                for m in mentions {
                    add(m.start, m.end, class, format!("{cat} ({class}): {name}"));
                }
            }
            for missed in &miss.missed {
                if let Some(at) = find_folded(&text, missed) {
                    add(at, at + missed.len(), "miss", format!("{cat} missed: {missed}"));
                }
            }
        }
        for d in &facts.dates {
            let value = d.value.as_ref().map_or(String::new(), |v| v.to_iso());
            let class = if score.dates.extra.iter().any(|x| value.split('/').any(|v| v == x)) { "extra" } else { "tp" };
            add(d.start, d.end, class, format!("date ({class}): {value}"));
        }
        let _ = write!(out, "<h2 id=\"{anchor}\">{}</h2>\n<pre class=\"text\">{}</pre>\n", escape(name), render_marked(&text, &marks));
        let mut diffs = String::new();
        for (cat, cs) in
            [("people", &score.people), ("titles", &score.titles), ("organizations", &score.organizations), ("dates", &score.dates)]
        {
            if cs.missed.is_empty() && cs.extra.is_empty() {
                continue;
            }
            let _ =
                write!(diffs, "<tr><td>{cat}</td><td>{}</td><td>{}</td></tr>", escape(&cs.missed.join("; ")), escape(&cs.extra.join("; ")));
        }
        if !diffs.is_empty() {
            let _ = writeln!(out, "<table><tr><th>category</th><th>missed</th><th>extra</th></tr>{diffs}</table>");
        }
        out.push_str(&item_rows("Credits", &ROLE_FIELDS, &score.roles));
        out.push_str(&item_rows("Releases", &RELEASE_FIELDS, &score.releases));
        let _ = writeln!(out, "<p><a href=\"#top\">back to the list of articles</a></p>");
    }
    out.push_str("</body></html>\n");
    Ok(out)
}

/// Missed and extra credits or releases of one article as a table, one row an item, one
/// column a field (empty for null); nothing when there are none.
fn item_rows(heading: &str, fields: &[&str], cs: &crate::eval::CategoryScore) -> String {
    if cs.missed_fields.is_empty() && cs.extra_fields.is_empty() {
        return String::new();
    }
    let mut out = format!("<h3>{heading} missed and extra</h3><table class=\"items\"><tr><th></th>");
    for f in fields {
        let _ = write!(out, "<th>{f}</th>");
    }
    out.push_str("</tr>\n");
    for (class, rows) in [("miss", &cs.missed_fields), ("extra", &cs.extra_fields)] {
        let what = if class == "miss" { "missed" } else { "extra" };
        for row in rows {
            let _ = write!(out, "<tr class=\"{class}\"><td>{what}</td>");
            for v in row {
                let _ = write!(out, "<td>{}</td>", escape(v.as_deref().unwrap_or("")));
            }
            out.push_str("</tr>\n");
        }
    }
    out.push_str("</table>\n");
    out
}

/// One `id` an article for the page's links: the name with every character outside
/// `[A-Za-z0-9_.-]` as `-`, prefixed `article-`, and a counter when two names fold to one.
fn anchors<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .enumerate()
        .map(|(i, name)| {
            let clean: String =
                name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') { c } else { '-' }).collect();
            let id = format!("article-{clean}");
            if seen.insert(id.clone()) {
                id
            } else {
                let id = format!("{id}-{i}");
                seen.insert(id.clone());
                id
            }
        })
        .collect()
}

/// The first occurrence of `needle` in `text`, ASCII-case-insensitively (byte offsets
/// are kept, so the span is exact).
fn find_folded(text: &str, needle: &str) -> Option<usize> {
    let (t, n) = (text.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > t.len() {
        return None;
    }
    (0..=t.len() - n.len())
        .find(|&i| text.is_char_boundary(i) && text.is_char_boundary(i + n.len()) && t[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, id: &str) -> Mark {
        Mark { start, end, class: "m".into(), id: id.into(), label: String::new(), anchor: None }
    }

    /// The text of each id, joining its pieces, read back from the markup.
    fn pieces(html: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut stack: Vec<String> = Vec::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix("</span>") {
                stack.pop();
                rest = r;
            } else if rest.starts_with("<span") {
                let end = rest.find('>').unwrap();
                let tag = &rest[..end];
                let id = tag.split("data-id=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
                stack.push(id);
                rest = &rest[end + 1..];
            } else {
                let c = rest.chars().next().unwrap();
                for id in &stack {
                    match out.iter_mut().find(|(i, _)| i == id) {
                        Some((_, t)) => t.push(c),
                        None => out.push((id.clone(), c.to_string())),
                    }
                }
                rest = &rest[c.len_utf8()..];
            }
        }
        out
    }

    /// `eval --html` shows missed and extra credits and releases as rows of fields, not as
    /// `person|role|title|character` keys, and opens with a list of the articles that links
    /// to each one's section.
    #[test]
    fn eval_page_lists_articles_and_shows_items_as_rows() {
        let dir = std::env::temp_dir().join(format!("newsfacts-eval-html-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for sub in ["articles", "gold"] {
            std::fs::create_dir_all(dir.join(sub)).expect("scratch dir");
        }
        let text = "Ballerina, directed by Len Wiseman, opens June 6, 2025.\n";
        let files = [
            ("articles/a_one.txt", text),
            ("gold/a_one.json", r#"{"roles": [{"person": "Ana de Armas", "role": "actor", "title": "Ballerina", "character": "Eve"}]}"#),
            ("articles/b two.txt", text),
            ("gold/b two.json", "{}"),
        ];
        for (rel, contents) in files {
            std::fs::write(dir.join(rel), contents).expect("scratch file");
        }
        let ex = crate::Extractor::new().expect("extractor builds");
        let html = render_eval_html(&ex, &dir);
        let _ = std::fs::remove_dir_all(&dir);
        let html = html.expect("evaluates");

        // Rows of fields, an empty cell for null; no raw keys.
        let rows = |what: &str| html.matches(&format!("<td>{what}</td>")).count();
        assert!(html.contains("<th>person</th><th>role</th><th>title</th><th>character</th>"), "{html}");
        assert!(html.contains("<td>missed</td><td>Ana de Armas</td><td>actor</td><td>Ballerina</td><td>Eve</td>"), "{html}");
        assert!(html.contains("<td>extra</td><td>Len Wiseman</td><td>director</td><td>Ballerina</td><td></td>"), "{html}");
        assert!(html.contains("<th>title</th><th>date</th><th>status</th><th>venue</th>"), "{html}");
        assert!(html.contains("<td>extra</td><td>Ballerina</td><td>2025-06-06</td><td>scheduled</td><td></td>"), "{html}");
        assert_eq!(rows("missed"), 1, "{html}");
        assert!(!html.contains("|director|") && !html.contains("|actor|") && !html.contains("|null"), "{html}");

        // The list comes before the first article and links to every article's heading.
        let nav = html.find("<nav>").expect("a list of articles");
        assert!(nav < html.find("<pre class=\"text\">").expect("article text"), "{html}");
        let hrefs: Vec<&str> =
            html[nav..].split("<a href=\"#").skip(1).filter_map(|s| s.split('"').next()).filter(|h| *h != "top").collect();
        assert_eq!(hrefs, ["article-a_one", "article-b-two"]);
        for h in &hrefs {
            assert_eq!(html.matches(&format!("id=\"{h}\"")).count(), 1, "one target for #{h}");
        }
        assert!(html.contains(">b two</a>") && html.contains(">b two</h2>"), "{html}");
    }

    /// The page names the rule of every credit and release: in the evidence's hover text
    /// and in the tables.
    #[test]
    fn rules_show_on_hover_and_in_tables() {
        let ex = crate::Extractor::new().expect("builds");
        let facts = ex.extract("Keanu Reeves has signed on to the ensemble of “Harbor Lights”, which opens June 5, 2026.");
        let html = render_html("Keanu Reeves has signed on to the ensemble of “Harbor Lights”, which opens June 5, 2026.", &facts);
        assert!(html.contains("credit: Keanu Reeves (Actor), rule cast.signed-on"), "{html}");
        assert!(html.contains("<td>cast.signed-on</td>"), "{html}");
        assert!(html.contains(", rule release."), "{html}");
    }

    #[test]
    fn anchors_are_unique_ids() {
        let names = ["a b", "a-b", "x/y", "ok_1.2"];
        assert_eq!(anchors(names.into_iter()), ["article-a-b", "article-a-b-1", "article-x-y", "article-ok_1.2"]);
    }

    #[test]
    fn escapes_markup_and_keeps_text() {
        let text = "<script>alert(1)</script> & Zoë";
        let html = render_marked(text, &[mark(0, 8, "a")]);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;") && html.contains("&amp; Zoë"));
    }

    #[test]
    fn nested_and_crossing_spans_keep_each_mention_whole() {
        let text = "Avengers: Doomsday opens in December 2026.";
        // One line per case: the spans to mark (nested, containing, crossing, empty).
        let cases: &[&[(usize, usize)]] =
            &[&[(0, 18), (10, 18)], &[(0, 42), (0, 18), (28, 41)], &[(0, 15), (10, 24)], &[(5, 5), (0, 8)], &[(0, 18), (0, 18)]];
        for spans in cases {
            let marks: Vec<Mark> = spans.iter().enumerate().map(|(i, &(s, e))| mark(s, e, &format!("i{i}"))).collect();
            let html = render_marked(text, &marks);
            let got = pieces(&html);
            for (i, &(s, e)) in spans.iter().enumerate().filter(|(_, (s, e))| s < e) {
                let id = format!("i{i}");
                let joined = got.iter().find(|(g, _)| *g == id).map(|(_, t)| t.as_str());
                assert_eq!(joined, Some(&text[s..e]), "mark {id} in {html}");
            }
            // Nothing lost or reordered: the markup without tags is the input.
            let plain: String =
                html.split('<').enumerate().map(|(i, s)| if i == 0 { s } else { s.split_once('>').map_or("", |x| x.1) }).collect();
            assert_eq!(plain, text);
        }
    }
}
