//! What crates.io and a new user see: the package's links (crates.io resolves the README's
//! relative links and image against `repository`), the install command and prerequisites
//! in the README, and a release profile that ships no debug info.

use std::path::Path;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).expect("read project file")
}

/// The `key = value` lines of the `[name]` table of a TOML file (no nested tables), with
/// comments and blank lines left out; `None` when there is no such table.
fn toml_table(toml: &str, name: &str) -> Option<Vec<String>> {
    let header = format!("[{name}]");
    let mut lines = toml.lines().skip_while(|l| l.trim() != header);
    lines.next()?;
    Some(
        lines
            .take_while(|l| !l.trim_start().starts_with('['))
            .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
    )
}

#[test]
fn the_package_links_to_its_repository_and_docs() {
    assert_eq!(env!("CARGO_PKG_REPOSITORY"), "https://github.com/newsfacts/newsfacts");
    assert_eq!(env!("CARGO_PKG_HOMEPAGE"), "https://github.com/newsfacts/newsfacts");
    // Cargo exports no CARGO_PKG_DOCUMENTATION: read the manifest.
    let package = toml_table(&read("Cargo.toml"), "package").expect("[package]");
    assert!(package.contains(&r#"documentation = "https://docs.rs/newsfacts""#.to_string()), "{package:?}");
}

#[test]
fn release_ships_without_debug_info_and_profiling_keeps_it() {
    let toml = read("Cargo.toml");
    let release = toml_table(&toml, "profile.release").expect("[profile.release]");
    assert!(!release.iter().any(|l| l.starts_with("debug")), "release profile sets debug info: {release:?}");
    let profiling = toml_table(&toml, "profile.profiling").expect("[profile.profiling] for perf and flame graphs");
    assert!(profiling.contains(&r#"inherits = "release""#.to_string()), "{profiling:?}");
    assert!(profiling.iter().any(|l| l.starts_with("debug =") && !l.ends_with("= 0") && !l.ends_with("false")), "{profiling:?}");
}

#[test]
fn readme_says_how_to_install_and_what_it_needs() {
    let readme = read("README.md");
    assert!(readme.contains("cargo install --path ."), "no install command");
    let rust_version = format!("rust-version = \"{}\"", env!("CARGO_PKG_RUST_VERSION"));
    assert!(readme.contains(&rust_version), "README does not state {rust_version}");
    for need in ["Java 17", "Chromium", "Python 3.9+"] {
        assert!(readme.contains(need), "README does not name the prerequisite {need:?}");
    }
}

#[test]
fn toml_table_cases() {
    let toml = "[a]\nx = 1 # note\n\n# c\n[b]\ny = 2\n";
    assert_eq!(toml_table(toml, "a"), Some(vec!["x = 1".to_string()]));
    assert_eq!(toml_table(toml, "b"), Some(vec!["y = 2".to_string()]));
    assert_eq!(toml_table(toml, "c"), None);
}
