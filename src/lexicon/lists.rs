//! Word lists the recognizers read by name, from `data/word_lists.txt`: prepositions,
//! sentence starters, cue words of the title, person and release rules. Kept as data so
//! that a phrasing is added by adding a word, not by editing code.
//!
//! Each list is read once (on first use) into a `Vec<&'static str>` of words as written;
//! the callers compare them as they always did (most ignoring ASCII case).

/// The text of the lists (sections `[name]`, then one entry a line).
const TEXT: &str = include_str!("../../data/word_lists.txt");

/// Every list the code reads. A unit test checks that each is in the data file and not
/// empty, and that the file has no list the code does not read.
#[cfg(test)]
pub(crate) const ALL: &[&str] = &[
    "sentences.abbrev_never",
    "sentences.abbrev_maybe",
    "sentences.starters",
    "releases.event_nouns",
    "releases.subordinators",
    "releases.assets",
    "releases.nonwork_objects",
    "roles.aux",
    "roles.animation_words",
    "roles.live_action_words",
    "roles.cast_cues",
    "roles.cast_nouns",
    "roles.record_nouns",
    "runs.prepositions",
    "runs.title_function",
    "evidence.cast_nouns",
    "evidence.list_cues",
    "evidence.in_cues",
    "evidence.of_cues",
    "evidence.for_cues",
    "evidence.title_verbs",
    "evidence.release_verbs",
    "evidence.prepositions",
    "evidence.delay_verbs",
    "evidence.not_char_as",
    "evidence.char_verbs",
    "evidence.starters",
    "evidence.strong_as",
    "releases.contrasts",
    "releases.speech_verbs",
    "evidence.release_aux",
    "evidence.inverted_release",
    "rules.aside_adverbs",
    "runs.compound_tails",
    "runs.row_markers",
    "entities.platform_words",
    "entities.org_regions",
    "roles.pronoun_openers",
    "roles.rank_words",
    "filmography.screen_nouns",
    "filmography.record_nouns",
    "filmography.book_nouns",
    "filmography.verbs",
    "runs.line_labels",
    "runs.clause_openers",
    "releases.participles",
    "releases.participle_fillers",
    "evidence.group_predicates",
    "evidence.group_aux",
    "schedule.departures",
    "schedule.arrivals",
    "awards.nominee_nouns",
    "awards.win_verbs",
    "releases.former_plan",
    "runs.title_possessives",
    "roles.host_show_words",
    "evidence.person_descriptors",
    "evidence.maker_nouns",
    "releases.generic_works",
    "releases.list_markers",
    "releases.list_openers",
];

/// The entries of list `name`, in file order; empty for a name the file does not have
/// (never the case for the names in [`ALL`], as tested).
pub(crate) fn get(name: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in TEXT.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if inside {
                break;
            }
            inside = section == name;
            continue;
        }
        if inside {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_present_and_not_empty() {
        for name in ALL {
            assert!(!get(name).is_empty(), "data/word_lists.txt has no entries for [{name}]");
        }
        for line in TEXT.lines() {
            if let Some(section) = line.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                assert!(ALL.contains(&section), "data/word_lists.txt: [{section}] is read by no code (add it to lists::ALL)");
            }
        }
    }

    #[test]
    fn reads_the_prepositions() {
        let p = get("runs.prepositions");
        assert!(p.contains(&"in") && p.contains(&"on"), "{p:?}");
        assert!(get("no.such.list").is_empty());
    }
}
