//! Fuzz `extract`: any bytes either fail to decode with an error or extract without a
//! panic, with every span on char boundaries and equal to its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static EX: OnceLock<newsfacts::Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let ex = EX.get_or_init(|| newsfacts::Extractor::new().expect("extractor builds"));
    let Ok(facts) = ex.extract_bytes(data, &Default::default()) else { return };
    let text = std::str::from_utf8(data).expect("decoded above");
    for m in facts.people.iter().flat_map(|p| &p.mentions).chain(facts.titles.iter().flat_map(|t| &t.mentions)).chain(facts.organizations.iter().flat_map(|o| &o.mentions)) {
        assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
    }
    for d in &facts.dates {
        assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
    }
    for e in facts.roles.iter().map(|r| &r.evidence).chain(facts.releases.iter().map(|r| &r.evidence)) {
        assert!(text.get(e.start..e.end).is_some());
    }
});
