//! Every relative link in the project's Markdown (README, docs/, fixtures/, data/, the
//! Python package's README) points at a file inside the repository: the contract lives in
//! `docs/`, and a link out of the checkout (`../shared/...`) breaks on every fresh clone.

use std::path::{Component, Path, PathBuf};

/// The targets of `[text](target)` links in `markdown`, without `#fragments`; absolute URLs
/// and pure fragments are left out.
fn relative_links(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = markdown;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        let Some(end) = rest.find(')') else { break };
        let target = rest[..end].split('#').next().unwrap_or("").trim();
        if !target.is_empty() && !target.contains("://") && !target.starts_with("mailto:") {
            out.push(target.to_string());
        }
    }
    out
}

/// `path` with `.` and `..` folded lexically; `None` when it climbs above its root.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

#[test]
fn link_extraction_cases() {
    let md = "See [a](docs/a.md), [b](https://x.y/z), [c](#top), [d](../d.md#sec) and ![i](img.png).";
    assert_eq!(relative_links(md), ["docs/a.md", "../d.md", "img.png"]);
    assert_eq!(normalize(Path::new("a/../b")), Some(PathBuf::from("b")));
    assert_eq!(normalize(Path::new("../b")), None);
}

#[test]
fn markdown_links_resolve_inside_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("bindings/python/README.md")];
    for dir in ["docs", "fixtures", "data"] {
        let entries = std::fs::read_dir(root.join(dir)).expect("read project dir");
        files.extend(entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "md")));
    }
    let mut broken = Vec::new();
    let mut seen = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read markdown");
        let rel_dir = file.parent().and_then(|d| d.strip_prefix(root).ok()).unwrap_or(Path::new(""));
        for link in relative_links(&text) {
            seen += 1;
            match normalize(&rel_dir.join(&link)) {
                Some(p) if root.join(&p).exists() => {}
                Some(p) => broken.push(format!("{}: {link} -> {} does not exist", file.display(), p.display())),
                None => broken.push(format!("{}: {link} leaves the repository", file.display())),
            }
        }
    }
    assert!(seen >= 5, "only {seen} links found: is the extraction broken?");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}
