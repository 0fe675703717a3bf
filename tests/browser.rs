//! The HTML view in a real browser: headless Chromium loads the page for a fixture
//! article, its DOM is dumped and checked against the facts, and a screenshot is saved
//! (the path is printed: a CI artifact).
//!
//! The check needs Chromium. Where it runs:
//!
//! - A plain `cargo test` lists `show_page_in_headless_chromium` as `ignored, needs
//!   Chromium ...` rather than passing without a browser; run it with
//!   `cargo test --release --test browser -- --ignored`.
//! - Under `CI=true` (set by GitHub Actions, GitLab and most CI services, and by `.ci/run`)
//!   `show_page_in_chromium_under_ci` runs the same check in the plain `cargo test`, so a CI
//!   job that only runs `cargo test` cannot pass without a browser: a missing Chromium fails
//!   it. Outside CI that test returns at once; the ignored one above is the visible record.
//!
//! `CHROMIUM=/path/to/chromium` picks the binary; otherwise `chromium`, `chromium-browser`
//! or `google-chrome` on `PATH`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser to run: `$CHROMIUM` if set (and nothing else), else the first of the usual
/// names on `PATH`; `Err` says what was looked for.
fn chromium() -> Result<PathBuf, String> {
    if let Some(bin) = std::env::var_os("CHROMIUM").filter(|b| !b.is_empty()) {
        let bin = PathBuf::from(bin);
        return if bin.is_file() { Ok(bin) } else { Err(format!("no Chromium at CHROMIUM={}", bin.display())) };
    }
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
        .ok_or_else(|| format!("no Chromium on PATH (looked for {}); install it or set CHROMIUM", names.join(", ")))
}

fn run_chromium(bin: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// (data-id, joined text) of every highlighted mention element (class "m ...").
fn mentions_in_dom(dom: &str) -> Vec<(String, String)> {
    let start = dom.find("<pre class=\"text\">").expect("text block in DOM");
    let end = start + dom[start..].find("</pre>").expect("end of text block");
    let mut rest = &dom[start + "<pre class=\"text\">".len()..end];
    let mut out: Vec<(String, String)> = Vec::new();
    let mut stack: Vec<Option<String>> = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("</span>") {
            stack.pop();
            rest = r;
        } else if rest.starts_with("<span") {
            let close = rest.find('>').expect("tag end");
            let tag = &rest[..close];
            let is_mention = tag.contains("class=\"m ");
            let id = tag.split("data-id=\"").nth(1).and_then(|t| t.split('"').next()).map(str::to_string);
            stack.push(if is_mention { id } else { None });
            rest = &rest[close + 1..];
        } else {
            let upto = rest.find('<').unwrap_or(rest.len());
            let chunk = unescape(&rest[..upto]);
            for id in stack.iter().flatten() {
                match out.iter_mut().find(|(i, _)| i == id) {
                    Some((_, t)) => t.push_str(&chunk),
                    None => out.push((id.clone(), chunk.clone())),
                }
            }
            rest = &rest[upto..];
        }
    }
    out
}

/// Whether this runs in CI: `CI` is set to `true` (or `1`), as CI services set it.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

#[test]
#[ignore = "needs Chromium: cargo test --release --test browser -- --ignored"]
fn show_page_in_headless_chromium() {
    check_show_page_in_chromium();
}

/// Under `CI=true`, the browser check runs without `--ignored`, and a missing Chromium
/// fails it; elsewhere this returns at once (the ignored test above is what a plain
/// `cargo test` shows).
#[test]
fn show_page_in_chromium_under_ci() {
    if in_ci() {
        check_show_page_in_chromium();
    }
}

/// Loads the `show` page in headless Chromium and checks its DOM against the facts;
/// panics without a browser.
fn check_show_page_in_chromium() {
    let bin = chromium().unwrap_or_else(|e| panic!("{e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir = root.join("target").join("browser");
    std::fs::create_dir_all(&out_dir).expect("output dir");
    let article = root.join("fixtures/articles/01_avengers_doomsday.txt");
    let text = std::fs::read_to_string(&article).expect("fixture");
    let ex = newsfacts::Extractor::new().expect("extractor builds");
    let facts = ex.extract(&text);
    let page = out_dir.join("show.html");
    std::fs::write(&page, newsfacts::render_html(&text, &facts)).expect("page written");
    let url = format!("file://{}", page.display());
    // One profile a check: two checks in one process (`--include-ignored` under CI) must not
    // share Chromium's profile lock.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = std::env::temp_dir().join(format!("newsfacts-chromium-{}-{run}", std::process::id()));

    let dump = run_chromium(&bin, &profile, &["--dump-dom".into(), url.clone()]);
    assert!(dump.status.success(), "chromium --dump-dom failed: {}", String::from_utf8_lossy(&dump.stderr));
    let dom = String::from_utf8(dump.stdout).expect("DOM is UTF-8");
    let found = mentions_in_dom(&dom);

    let mut want: Vec<String> = facts
        .people
        .iter()
        .flat_map(|p| &p.mentions)
        .chain(facts.titles.iter().flat_map(|t| &t.mentions))
        .chain(facts.organizations.iter().flat_map(|o| &o.mentions))
        .map(|m| m.text.clone())
        .chain(facts.dates.iter().map(|d| d.text.clone()))
        .collect();
    let mut got: Vec<String> = found.iter().map(|(_, t)| t.clone()).collect();
    want.sort();
    got.sort();
    assert_eq!(got.len(), want.len(), "highlighted mentions in the DOM vs facts");
    assert_eq!(got, want, "every highlighted element's text is its mention's text");

    let shot = out_dir.join("show.png");
    let s = run_chromium(&bin, &profile, &[format!("--screenshot={}", shot.display()), "--window-size=1100,1400".into(), url]);
    assert!(s.status.success() && shot.exists(), "screenshot failed: {}", String::from_utf8_lossy(&s.stderr));
    println!("screenshot artifact: {}", shot.display());
    let _ = std::fs::remove_dir_all(&profile);
}

/// This test binary, run again with `args`, `CHROMIUM` set to `chromium` and `CI` to `ci`
/// (`None`: unset).
fn rerun(args: &[&str], chromium: &str, ci: Option<&str>) -> std::process::Output {
    let me = std::env::current_exe().expect("test binary path");
    let mut cmd = Command::new(me);
    cmd.args(args).env("CHROMIUM", chromium);
    match ci {
        Some(v) => cmd.env("CI", v),
        None => cmd.env_remove("CI"),
    };
    cmd.output().expect("test binary runs")
}

/// A plain run shows the browser test as ignored, with its reason, instead of reporting
/// it passed.
#[test]
fn the_browser_test_is_visibly_ignored() {
    let out = rerun(&["--exact", "show_page_in_headless_chromium"], "/nonexistent/chromium", None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains("show_page_in_headless_chromium ... ignored, needs Chromium: cargo test --release --test browser -- --ignored"),
        "{stdout}"
    );
    assert!(stdout.contains("0 passed; 0 failed; 1 ignored"), "{stdout}");
}

/// Asked for (`--ignored`, as `.ci/run` does) without a browser, the test fails and says
/// why; it used to report ok having asserted nothing.
#[test]
fn a_missing_chromium_fails_the_browser_test() {
    let out = rerun(&["--ignored", "--exact", "show_page_in_headless_chromium"], "/nonexistent/chromium", None);
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success(), "passed without a browser:\n{all}");
    assert!(all.contains("no Chromium at CHROMIUM=/nonexistent/chromium"), "{all}");
    assert!(all.contains("1 failed"), "{all}");
}

/// Under `CI=true` a plain run (no `--ignored`) checks the page in a browser, so a missing
/// Chromium fails it; it used to be ignored there like anywhere else.
#[test]
fn under_ci_a_missing_chromium_fails_a_plain_run() {
    let out = rerun(&["--exact", "show_page_in_chromium_under_ci"], "/nonexistent/chromium", Some("true"));
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(!out.status.success(), "passed without a browser under CI=true:\n{all}");
    assert!(all.contains("no Chromium at CHROMIUM=/nonexistent/chromium"), "{all}");
    assert!(all.contains("1 failed"), "{all}");

    // Outside CI the same run asks for no browser.
    let out = rerun(&["--exact", "show_page_in_chromium_under_ci"], "/nonexistent/chromium", None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("1 passed; 0 failed"), "{stdout}");
}
