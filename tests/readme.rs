//! Every code block of README.md runs in a test, or says it does not. A block's info string
//! names what runs it:
//!
//! | info string | run by |
//! |---|---|
//! | `rust` | `cargo test` as a doc test (`ReadmeDoctests` in `src/lib.rs`) |
//! | `sh` | this file: bash in a scratch directory, the `newsfacts` just built first on `PATH` |
//! | `python` | `bindings/python/tests/test_readme.py` (needs the package installed) |
//! | `sh ci` | `.ci/run`, verbatim (cargo commands cannot run inside `cargo test`) |
//! | `sh python-ci` | `bindings/python/ci.sh`, verbatim, its fresh venv first on `PATH` |
//! | `sh untested`, `python untested` | nobody: shown only, the text beside says why |
//! | `text` | nobody: output, not code |
//!
//! Any other info string fails `every_block_is_run_or_marked`, so no block is left out
//! silently.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fenced code block: its info string, its code (the fence's indentation removed) and the
/// line of its opening fence.
#[derive(Debug, PartialEq)]
struct Block {
    info: String,
    code: String,
    line: usize,
}

/// The fenced (```) code blocks of `markdown`, fences indented or not (list items).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Block)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let fence = line.trim_start().strip_prefix("```");
        match (&mut open, fence) {
            (None, Some(info)) => open = Some((indent, Block { info: info.trim().to_string(), code: String::new(), line: i + 1 })),
            (Some(_), Some(_)) => out.extend(open.take().map(|(_, b)| b)),
            (Some((indent, block)), None) => {
                let cut = line.len() - line.trim_start().len();
                block.code.push_str(&line[cut.min(*indent)..]);
                block.code.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

const KNOWN: [&str; 8] = ["rust", "sh", "python", "sh ci", "sh python-ci", "sh untested", "python untested", "text"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("read README.md")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

#[test]
fn block_extraction_cases() {
    let md = "text\n```sh\na\n```\n\n1. item\n\n   ```python untested\n   x = 1\n     y\n   ```\n```\nplain\n```\n";
    let got = blocks(md);
    let want = [
        Block { info: "sh".into(), code: "a\n".into(), line: 2 },
        Block { info: "python untested".into(), code: "x = 1\n  y\n".into(), line: 8 },
        Block { info: "".into(), code: "plain\n".into(), line: 12 },
    ];
    assert_eq!(got, want);
}

#[test]
fn every_block_is_run_or_marked() {
    let blocks = blocks(&readme());
    let unknown: Vec<String> =
        blocks.iter().filter(|b| !KNOWN.contains(&b.info.as_str())).map(|b| format!("README.md:{}: ```{}", b.line, b.info)).collect();
    assert!(unknown.is_empty(), "blocks nothing runs nor marks (known: {KNOWN:?}):\n{}", unknown.join("\n"));
    for kind in ["rust", "sh", "python", "sh ci", "sh python-ci"] {
        assert!(blocks.iter().any(|b| b.info == kind), "no ```{kind} block: is the table above still true?");
    }
    // And each runner is in place.
    let lib = read("src/lib.rs");
    assert!(lib.contains("#[cfg(doctest)]\n#[doc = include_str!(\"../README.md\")]"), "README not doc-tested by src/lib.rs");
    assert!(read(".ci/run").contains(r#".ci/readme-blocks "sh ci""#), ".ci/run does not run the `sh ci` blocks");
    assert!(read("bindings/python/ci.sh").contains(r#"readme-blocks" "sh python-ci""#), "ci.sh does not run the `sh python-ci` block");
    assert!(read("bindings/python/tests/test_readme.py").contains("README.md"), "no Python test of the README");
}

/// The files the README's command lines name as placeholders, created in `dir`, and the
/// fixtures they read linked in.
fn placeholders(dir: &Path) {
    let fixture = read("fixtures/articles/01_avengers_doomsday.txt");
    let jsonl = "{\"text\": \"Lionsgate shared a new featurette for Ballerina.\", \"published\": \"2025-06-01\"}\n{\"text\": \"It opens Friday.\"}\n";
    let files: [(&str, &str); 9] = [
        ("ARTICLE.txt", &fixture),
        ("a.txt", &fixture),
        ("b.txt", "Keanu Reeves returns."),
        ("c.txt", "Netflix renewed the series."),
        ("articles.jsonl", jsonl),
        ("big.jsonl", jsonl),
        ("names.txt", "# people\nAna de Armas\n"),
        ("titles.tsv", "Ballerina\tfilm\n"),
        ("orgs.tsv", "Lionsgate\tstudio\n"),
    ];
    for (name, contents) in files {
        std::fs::write(dir.join(name), contents).expect("write placeholder");
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink(root().join("fixtures"), dir.join("fixtures")).expect("link fixtures");
}

#[test]
#[cfg(unix)]
fn shell_blocks_run_with_the_built_binary() {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_newsfacts"));
    let bin_dir = bin.parent().expect("binary dir");
    // The binary under test first, so that no installed `newsfacts` answers instead.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(&path))).expect("PATH");
    let sh: Vec<Block> = blocks(&readme()).into_iter().filter(|b| b.info == "sh").collect();
    assert!(!sh.is_empty());
    for block in sh {
        let dir = std::env::temp_dir().join(format!("newsfacts-readme-{}-{}", std::process::id(), block.line));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        placeholders(&dir);
        let script = format!("test \"$(command -v newsfacts)\" = {:?}\n{}", bin.display().to_string(), block.code);
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", &script])
            .current_dir(&dir)
            .env("PATH", &path)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("bash runs");
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            out.status.success(),
            "README.md:{} failed ({}):\n{}\nstderr:\n{}",
            block.line,
            out.status,
            block.code,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
