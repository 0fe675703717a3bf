//! Context evidence for one run: what the words right around it say (a cue before it, a
//! verb after it, a possessive owner, a list it stands in). Split from `evidence` along
//! its one seam: `context` reads a run's neighbourhood, `evidence::decide` sums and
//! decides.

use super::*;

/// Context evidence for one run.
/// Nouns of works after which a name is the works' maker ("the John Hughes movies", "the
/// Jane Austen novel"): `data/word_lists.txt`.
static MAKER_NOUNS: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| crate::lexicon::lists::get("evidence.maker_nouns"));

pub(super) fn context(v: &View<'_>, r: Run, a: usize, b: usize, e: &mut Stats) {
    let before = v.word_before(r.first, a);
    let (pw, pi) = before.map_or(("", usize::MAX), |(i, w)| (w, i));
    let pinfo = v.info.get(pi).copied().unwrap_or_default();
    let pinfo = if pw.contains('-') { crate::lexicon::words::WordTable::builtin().info(pw) } else { pinfo };
    let (p2w, p2i) = if pi != usize::MAX { v.word_before(pi, a).map_or(("", usize::MAX), |(i, w)| (w, i)) } else { ("", usize::MAX) };
    let after = v.word_at(r.last, b);
    let (nw, ni) = after.map_or(("", b), |(i, w)| (w, i));
    // (A one-token word's classes are the lexicon pass's; a hyphenated one is looked up.)
    let ninfo = match after {
        Some((i, _)) if i == r.last + 1 => v.word_info(r.last),
        _ => crate::lexicon::words::WordTable::builtin().info(nw),
    };
    let n2w = v.word_at(ni, b).map_or("", |x| x.1);
    let n3w = v.word_at(ni + 1, b).map_or("", |x| x.1);

    // A possessive run is an owner: "Spielberg's Amazing Stories", "Reeves's role".
    let possessive = v.possessive_len(r.last - 1) > 0;

    // --- person
    // "the Rolling Stones", "the Beach Boys": a plural name right after a lower-case "the"
    // is a band or a thing, not a person ("the late X", "the actor X" have a word between).
    if pw == "the" && pi != usize::MAX && v.toks[pi].shape == Shape::Lower && r.len() >= 2 && v.tt(r.last - 1).ends_with('s') && !v.tt(r.last - 1).ends_with("ss")
        // ("the Jeff Bridges-starring drama": a compound modifier is a person's name.)
        && v.tt(r.last) != "-"
    {
        e.person -= 3;
    }
    if pinfo.is(class::ROLE_NOUN | class::PERSON_NOUN) && !pw.eq_ignore_ascii_case("star")
        || (pw.eq_ignore_ascii_case("star") && r.len() >= 2)
    {
        e.person += 3;
    }
    // "Creator: Laeta Kalogridis", "Director: …": a label of a role, then a colon.
    if pw == ":" && r.len() >= 2 && p2i != usize::MAX && v.info.get(p2i).is_some_and(|w| w.is(class::ROLE_NOUN)) && name_shaped(v, r) {
        e.person += 3;
    }
    // "…, writes Ron Cohen.", "…, says Ana Ruiz.": a byline or speech verb inverted
    // after a comma, then the name ends the sentence.
    let inverted = p2w == ","
        && is_in(&["writes", "says", "said", "notes", "noted", "adds", "added", "explains", "explained", "reports", "reported"], pw)
        && (ni >= b || is_in(&[".", "!", "?"], nw));
    if inverted {
        e.person += 3;
    }
    if pw.eq_ignore_ascii_case("by") && is_in(&["is", "was", "are", "were"], p2w) && p2i != usize::MAX {
        // "The score for the film is by X": the credit noun sits a few words back.
        let credit = ["score", "music", "screenplay", "script", "story", "cinematography", "photography", "editing", "direction"];
        if (a..p2i).rev().take(8).any(|k| is_in(&credit, v.tt(k))) {
            e.person += 3;
        }
    }
    if pw.eq_ignore_ascii_case("by") {
        let p2 = v.info.get(p2i).copied().unwrap_or_default();
        if p2.is(class::ROLE_VERB)
            || is_in(
                &[
                    "screenplay",
                    "story",
                    "music",
                    "score",
                    "teleplay",
                    "lyrics",
                    "photography",
                    "joined",
                    "helmed",
                    "led",
                    "fronted",
                    "headlined",
                    "narrated",
                    "played",
                    "portrayed",
                    "voiced",
                ],
                p2w,
            )
        {
            e.person += 3;
        }
    }
    // ("Mera is played by Amber Heard; Nereus by Dolph Lundgren": after a "played by" in
    // the sentence, a name after "by" that follows a segment's part is the actor too.)
    if pw.eq_ignore_ascii_case("by")
        && p2i != usize::MAX
        && v.is_upper(p2i)
        && (a..p2i).rev().find(|&k| v.tt(k) == ";").is_some_and(|semi| {
            (a..semi).any(|k| v.tt(k).eq_ignore_ascii_case("by") && is_in(&["played", "portrayed", "voiced"], v.tt(k.wrapping_sub(1))))
        })
    {
        e.person += 3;
    }
    if is_in(&["starring", "co-starring", "featuring"], pw) {
        e.person += 3;
    }
    if pinfo.is(class::HONORIFIC) || (pw == "." && p2i != usize::MAX && v.info.get(p2i).is_some_and(|w| w.is(class::HONORIFIC))) {
        e.person += 3;
    }
    if pw.eq_ignore_ascii_case("to") && p2w.eq_ignore_ascii_case("according") {
        e.person += 2;
    }
    if !possessive {
        if ninfo.is(class::SPEECH) {
            e.person += 2;
        }
        if nw == "," && is_in(&["who", "whose"], n2w) || is_in(&["who", "whose"], nw) {
            e.person += 2;
        }
        // The verb after a few auxiliaries: "has been cast", "is set to direct".
        let mut vk = r.last;
        let mut hops = 0;
        while vk < b
            && hops < 4
            && is_in(
                &[
                    "will",
                    "is",
                    "has",
                    "was",
                    "had",
                    "would",
                    "also",
                    "previously",
                    "then",
                    "later",
                    "been",
                    "be",
                    "set",
                    "to",
                    "reportedly",
                    "officially",
                    "now",
                ],
                v.tt(vk),
            )
        {
            vk += 1;
            hops += 1;
        }
        let verb = v.tt(vk);
        let vinfo = v.word_info(vk);
        // ("Ada Lowe will be played by Lena Moss": the subject of a passive is the part.)
        let passive = v.tt(vk + 1).eq_ignore_ascii_case("by");
        if vinfo.is(class::ROLE_VERB)
            && !passive
            && !is_in(
                &["stars", "starring", "star", "starred", "produced", "produces", "created", "hosts", "hosted", "host", "features"],
                verb,
            )
        {
            // The subject of "plays", "voices", "portrays" is an actor, even a mononym.
            e.person += if is_in(&CHAR_VERBS, verb) { 3 } else { 2 };
        }
        // ("X stars as Y", "X stars in the drama", "X starred opposite Y": a work stars
        // people, but only a person stars in or opposite.)
        // ("X will star in", "X is set to co-star opposite": after auxiliaries, the bare
        // verb says the same.)
        let starred = |k: usize| {
            is_in(&["stars", "starred", "co-stars", "co-starred"], v.tt(k)) || (k > r.last && is_in(&["star", "co-star"], v.tt(k)))
        };
        if starred(vk) && is_in(&["as", "in", "opposite", "alongside"], v.tt(vk + 1)) {
            e.person += 3;
        }
        if is_in(&["rounds", "returns", "returned", "reprises", "reprising"], verb) {
            e.person += 2;
        }
        if is_in(&["joins", "joined"], verb) && (is_in(&["the", "as"], n2w) || v.is_upper(ni + 1)) {
            e.person += 1;
        }
        if nw.eq_ignore_ascii_case("as") && v.is_upper(ni) && !v.tt(ni).eq_ignore_ascii_case("the") {
            e.person += 2;
        }
        // "Will Smith is an executive producer", "X was the cinematographer", "X remains
        // the artist on it", "X became the showrunner".
        if is_in(&["is", "was", "remains", "remained", "becomes", "became"], nw) && is_in(&["a", "an", "the"], n2w) {
            let noun = if n3w.eq_ignore_ascii_case("executive") { v.word_at(ni + 2, b).map_or("", |x| x.1) } else { n3w };
            let ni3 = crate::lexicon::words::WordTable::builtin().info(noun);
            if ni3.is(class::ROLE_NOUN) && !is_in(&["star", "stars", "host"], noun) || noun.eq_ignore_ascii_case("producer") {
                e.person += 3;
            }
        }
        // ("will play Paul, a writer": after a character verb the appositive describes
        // the part.)
        if nw == ","
            && (n2w.eq_ignore_ascii_case("the") || n2w.eq_ignore_ascii_case("a"))
            && crate::lexicon::words::WordTable::builtin().info(n3w).is(class::ROLE_NOUN | class::PERSON_NOUN)
            && !is_in(&CHAR_VERBS, pw)
        {
            e.person += 3;
        }
    }

    // The countries of a work or person in parentheses are neither a work nor a person:
    // "Daisy (South Korea)".
    if let Some(open) = (a..r.first).rev().find(|&k| v.tt(k) == "(") {
        if open > a && place_list(v, open + 1, b).is_some_and(|close| close >= r.last) {
            e.nonwork = true;
            e.nonperson = true;
        }
    }

    // "the Canadian channel Showcase", "the label Fueled by Ramen": a lower-case noun of a
    // kind of company right before the name.
    let org_noun = |k: usize, info: crate::lexicon::words::WordInfo| {
        info.is(class::ORG_NOUN) && v.toks.get(k).is_some_and(|t| t.shape == Shape::Lower)
    };
    // (Not a noun after the name: "the Zelda developer" names a work's maker.)
    // (Nor "his debut studio LP": a kind of work after it.)
    if pi != usize::MAX && org_noun(pi, pinfo) && !possessive && !v.word_info(r.first).is(class::TITLE_NOUN) {
        e.org = pinfo.org;
    }

    // Phrases from data/context.tsv: "Season 5 of X", "an X alum", "guitarist X".
    let said = crate::entities::context::ContextTable::builtin().said(v, r, a, b);
    e.person += said.person;
    e.nonwork |= said.nonwork;
    e.nonperson |= said.nonperson;

    // --- title
    // A possessive is an owner ("in Paul's visions"): what is left of it says nothing.
    let t_before = e.title;
    e.title += said.title;
    if pinfo.is(class::TITLE_NOUN) && !pw.contains("'") {
        e.title += 3;
        // "the series Wednesday", "the film Us": a determiner and a kind of work make
        // even a common word a title.
        if pinfo.title.is_some() && is_in(&["the", "new", "upcoming", "hit", "original", "animated"], p2w) {
            e.title += 2;
        }
        if let Some(k) = pinfo.title {
            e.kinds[kind_index(k)] += 3;
        }
    }
    // "Arriving on Netflix in March are Cold Orchard, …", "Premieres this week include
    // …": the subject of a sentence that opens with a release word comes after the verb.
    if v.inverted_release_subject(r.first) {
        e.title += 3;
    }
    // "Harbor Lights opened with $16.1 million", "Tin Roof ($11.6M)", "Cold Creek grossed
    // $5 million": a gross is a film's.
    if grossed_after(v, r.last, b) {
        e.title += 3;
    }
    // "Salt Creek won best director (Ana Ruiz) and best score (Ben Cole)": prizes whose
    // winners stand in parentheses went to a work.
    if prizes_with_winners_after(v, r.last, b) {
        e.title += 3;
    }
    // "a writer on Succession", "the director of Sicario": a role noun's work.
    if is_in(&["on", "of"], pw)
        && p2i != usize::MAX
        && v.toks[p2i].shape == Shape::Lower
        && v.info.get(p2i).is_some_and(|w| w.is(class::ROLE_NOUN))
    {
        e.title += 3;
    }
    // "ballads such as My All", "dramas like Cold Lake", "tracks including Honey": a
    // plural noun of a kind of work names examples of it (any such noun, cues.tsv).
    let plural_work = |i: usize, w: &str| {
        w.len() > 3
            && w.ends_with('s')
            && v.toks.get(i).is_some_and(|t| t.shape == Shape::Lower || i == a)
            && crate::lexicon::words::WordTable::builtin().info(&w.to_ascii_lowercase()).is(class::TITLE_NOUN)
    };
    let example_of = match pw {
        "as" if p2w == "such" && p2i != usize::MAX => v.word_before(p2i, a).is_some_and(|(i, w)| plural_work(i, w)),
        "like" | "including" => p2i != usize::MAX && plural_work(p2i, p2w),
        _ => false,
    };
    if example_of {
        e.title += 3;
    }
    if pw.eq_ignore_ascii_case("in") && is_in(&IN_CUES, p2w) {
        e.title += 3;
    }
    // ("the directorial debut of Paul Dano": a maker's debut names the maker.)
    let makers_debut = pw.eq_ignore_ascii_case("of")
        && p2w.eq_ignore_ascii_case("debut")
        && p2i != usize::MAX
        && v.word_before(p2i, a)
            .is_some_and(|(_, w)| is_in(&["directorial", "directing", "feature", "acting", "screenwriting", "writing", "solo"], w));
    if makers_debut {
        e.person += 3;
    } else if pw.eq_ignore_ascii_case("of") && is_in(&OF_CUES, p2w) {
        e.title += 2;
        if let Some(k) = crate::lexicon::words::WordTable::builtin().info(p2w).title {
            e.kinds[kind_index(k)] += 1;
        }
    }
    if pw.eq_ignore_ascii_case("for") && is_in(&FOR_CUES, p2w) {
        e.title += 2;
    }
    // "Pixar's next original, Hoppers, is dated": an appositive after a noun for a work.
    // (Any noun of a kind of work: "her feature documentary, Coded Bias, …".)
    let work_noun = |w: &str| {
        let i = crate::lexicon::words::WordTable::builtin().info(w);
        (i.is(class::TITLE_NOUN) && i.title.is_some()) || is_in(&["original", "project"], w)
    };
    if pw == ","
        && work_noun(p2w)
        && v.toks.get(p2i).is_some_and(|t| t.shape == Shape::Lower)
        && (v.tt(r.last) == "," || v.tt(r.last) == "—")
    {
        e.title += 3;
        if let Some(k) = crate::lexicon::words::WordTable::builtin().info(p2w).title {
            e.kinds[kind_index(k)] += 2;
        }
    }
    // "who directed Conclave", "co-wrote Grand Theft Auto V": crew verbs take works.
    let crew_verb = |w: &str| {
        let w = w.strip_prefix("co-").unwrap_or(w);
        is_in(
            &[
                "directed",
                "directs",
                "direct",
                "helm",
                "write",
                "produce",
                "adapt",
                "helms",
                "writes",
                "pens",
                "wrote",
                "co-wrote",
                "produced",
                "penned",
                "created",
                "co-created",
                "helmed",
                "scored",
                "composed",
                "edited",
                "shot",
                "developed",
                "made",
                "released",
                "launched",
                "adapted",
                "finished",
                "wrapped",
                "filmed",
            ],
            w,
        )
    };
    // (A director directs actors too: "Ana Ruiz directs Tom Hanks and Lena Moss", where a
    // given name and a name that is no word make a person.)
    let named_run = r.len() >= 2
        && v.info.get(r.first).is_some_and(|w| w.is(class::FIRST_NAME))
        && v.info.get(r.last - 1).is_some_and(|w| !w.is(class::COMMON | class::TITLE_NOUN));
    if is_in(&["directs", "directed", "directing", "direct"], pw) && named_run {
        e.person += 2;
    } else if crew_verb(pw) || (is_in(&["both", "the", "his", "her", "their"], pw) && crew_verb(p2w) && pw != "the") {
        e.title += 3;
    }
    if pw.eq_ignore_ascii_case("to") && is_in(&["sequel", "prequel", "follow-up", "successor", "spin-off", "spinoff", "adaptation"], p2w) {
        e.title += 3;
    }
    let owner = pi != usize::MAX
        && ((v.possessive_len(pi) > 0 && v.is_upper(pi))
            || (matches!(pw, "’" | "'")
                && pi > a
                && v.touching(pi - 1, pi)
                && (v.is_upper(pi - 1) || v.tt(pi - 1) == "." || v.toks[pi - 1].shape == Shape::Mixed)));
    // ("Harry Potter's Daniel Radcliffe", "The Gifted's Garret Dillahunt": a given name and
    // a name that is no word after a possessive is a person known for the owner's work, not
    // the owner's work; a company's stays a work: "Marvel's Jessica Jones".)
    let known_for_person = owner
        && r.len() >= 2
        && v.info.get(r.first).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON))
        && v.info.get(r.last - 1).is_some_and(|w| !w.is(class::COMMON | class::TITLE_NOUN))
        && !{
            // (The owner's last word: "PBS's", "Sony Pictures Classics’": a company by the
            // lexicon, its suffix or its capitals.)
            let ow = if matches!(pw, "’" | "'") { pi - 1 } else { pi };
            let stripped = v.tt(ow).trim_end_matches("'s").trim_end_matches("’s");
            let info = crate::lexicon::words::WordTable::builtin().info(stripped);
            v.info.get(ow).is_some_and(|w| w.org.is_some() || w.is(class::ORG_SUFFIX))
                || info.org.is_some()
                || info.is(class::ORG_SUFFIX)
                || (stripped.len() >= 2 && stripped.chars().all(|c| c.is_ascii_uppercase()))
                // (A person's possessive before a name is the person's work: "Stephen
                // Frears’ Tamara Drewe".)
                || (ow > a && v.is_upper(ow - 1) && v.info.get(ow - 1).is_some_and(|w| w.is(class::FIRST_NAME)))
        };
    if known_for_person {
        e.person += 2;
    } else if owner {
        e.title += 2;
    }
    // "in 1991's The Addams Family": a year's possessive names a work.
    let year_owner = pi != usize::MAX && {
        let (t, k) = (v.tt(pi), pi);
        let year_at = |j: usize| v.toks.get(j).is_some_and(|x| x.shape == Shape::Digits) && v.tt(j).len() == 4;
        (t.ends_with("'s") || t.ends_with("’s")) && year_at(k)
            || (t == "s" && k >= a + 2 && matches!(v.tt(k - 1), "'" | "’") && year_at(k - 2))
            || (matches!(t, "'" | "’") && k > a && year_at(k - 1))
    };
    if year_owner {
        e.title += 3;
    }
    if pw.eq_ignore_ascii_case("for") && p2i != usize::MAX && v.is_upper(p2i) && !is_in(&FOR_CUES, p2w) {
        // "Sean Baker for Anora": a nominee for a work.
        e.title += 2;
    }
    // "played a judge on Highwater", "voiced a robot in Iron Orchard": a part, then the
    // work it is in.
    if (pw.eq_ignore_ascii_case("on") || pw.eq_ignore_ascii_case("in")) && pi != usize::MAX && !v.is_upper(p2i.min(v.toks.len() - 1)) {
        // (The part is a noun phrase: "played a judge", "voiced the robot"; not "played
        // golf in Scotland".)
        let part = (a..pi).rev().take(5).take_while(|&k| !matches!(v.tt(k), "," | ";" | ".")).any(|k| {
            v.toks[k].shape == Shape::Lower
                && is_in(&["played", "plays", "playing", "voiced", "voices", "voicing", "portrayed", "portrays"], v.tt(k))
                && is_in(&["a", "an", "the", "his", "her", "their"], v.tt(k + 1))
        });
        if part {
            e.title += 3;
        }
    }
    if pw.eq_ignore_ascii_case("in") && p2i != usize::MAX && v.is_upper(p2i) {
        let char_before = (a..p2i).rev().take(6).any(|k| is_in(&CHAR_VERBS, v.tt(k)) || v.tt(k).eq_ignore_ascii_case("as"));
        e.title += if char_before { 3 } else { 1 };
    }
    if !possessive {
        // ("Oppenheimer director Christopher Nolan"; but "Conan O'Brien hosts the show": a
        // word that is also a verb is a noun here only before a name.)
        let noun_cue = ninfo.is(class::ROLE_NOUN)
            && !pinfo.is(class::ROLE_NOUN)
            && (!ninfo.is(class::ROLE_VERB) || v.toks.get(ni).is_some_and(|t| matches!(t.shape, Shape::Capitalized)));
        // ("the Milo Ventimiglia thriller “Pathology”": a noun for a work with the work
        // right after it makes the run before it the work's owner, not the work.)
        let owner_of_next = ninfo.is(class::TITLE_NOUN) && ni < b && matches!(v.tt(ni), "“" | "\"" | "‘");
        // (Neither person nor work: "the James Bond film “T”" has a franchise there, "the
        // Milo Ventimiglia thriller “T”" a person; the name's own words decide. Only a
        // quoted work counts: "the James Bond film No Time to Die" may be one title.)
        // ("the next Hercule Poirot movie", "another Star Trek series": after a word that
        // places a work in a series, the run names the series, not this work.)
        let series_member = ninfo.is(class::TITLE_NOUN) && {
            // (The word before the whole capitalised stretch: "the next Hercule Poirot".)
            let mut k = r.first;
            while k > a && v.is_upper(k - 1) {
                k -= 1;
            }
            k > a && is_in(&["next", "latest", "upcoming", "another"], v.tt(k - 1))
        };
        // ("the Andy Warhol films", "the John Hughes movies", "the Mario Vargas Llosa
        // novel", "the Jane Austen novel": a name before a noun for works made them; it is
        // no work. A known work's own name still is: "the Harry Potter book".)
        let maker_of_many = is_in(&MAKER_NOUNS, nw)
            && r.len() >= 2
            && v.info.get(r.first).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON))
            && (nw.ends_with('s') || !known_work(r.span.get(v.text).unwrap_or("")));
        if owner_of_next || series_member || maker_of_many {
        } else if ninfo.is(class::TITLE_NOUN) || noun_cue {
            e.title += 2;
            if let Some(k) = ninfo.title {
                let k = if matches!(
                    nw.to_ascii_lowercase().as_str(),
                    "sequel" | "prequel" | "spin-off" | "spinoff" | "universe" | "saga" | "franchise"
                ) {
                    TitleKind::Franchise
                } else {
                    k
                };
                e.kinds[kind_index(k)] += 2;
            }
        }
        if nw == "(" && v.toks.get(ni).is_some_and(|t| t.shape == Shape::Digits) && v.tt(ni).len() == 4 && v.tt(ni + 1) == ")" {
            e.title += 3;
            e.kinds[0] += 1;
        }
        // "Daisy (South Korea)", "Hell in Tangier (Belgium, Spain)": a line-up gives a
        // work its countries in parentheses.
        if nw == "(" && place_list(v, ni, b).is_some() {
            e.title += 3;
        }
        if is_in(&TITLE_VERBS, nw) {
            e.title += 1;
        }
        // "Frankenstein will premiere at the festival", "Elio finally hits theaters": a
        // release verb after an auxiliary.
        // ("Iron Orchard had been moved", "… has slipped to 2019", "… is now expected in
        // Q1 2019": the same after a perfect or a "now".)
        if release_verb_after(v, nw, ni, b) {
            e.title += 2;
        }
        // "Sound of Freedom, the independent thriller from ...": an appositive names the kind.
        // (Not after a preposition that opens the sentence, "Alongside Pascal, the film
        // also stars …", nor after "as": "stars as Jesse Custer, a Texas preacher" names a
        // part. After other prepositions it is an appositive: "under option at Section 8,
        // the company of …".)
        // (A closed appositive, with its own comma after the noun, is one even after an
        // opening preposition: "For The Broken Shore, its new telemovie, ABC1 has …".)
        let closed = nw == "," && closed_work_appositive(v, ni, b);
        if nw == "," && (closed || !(is_in(&PREPOSITIONS, pw) && (pi == a || is_in(&["as", "like"], pw)))) {
            match appositive_noun(v, ni, b) {
                Some(Appositive::Work(kind)) => {
                    e.title += 3;
                    if let Some(kd) = kind {
                        e.kinds[kind_index(kd)] += 3;
                    }
                }
                Some(Appositive::Person) => e.person += 2,
                Some(Appositive::Org(k)) => e.org = Some(k),
                None => {}
            }
        }
        // "Barbie is directed by", "Oppenheimer, written and directed by", "Sinners stars".
        let linked = nw == "," || is_in(&["is", "was", "will", "has", "also"], nw);
        let (v1, v2) = if linked { (n2w, n3w) } else { (nw, n2w) };
        // (Right after the run, "directed and" is the run's own act: "which Mick Soiza
        // directed and Kat Scott produced".)
        if (is_in(&["directed", "written", "produced", "helmed", "scored", "shot", "executive-produced", "co-written"], v1)
            && (v2 == "by" || (linked && v2 == "and")))
            || (is_in(&["stars", "starring", "features", "co-stars"], nw) && v.is_upper(ni))
            // "returns with Bugonia, starring Emma Stone": a work and its cast.
            || (nw == "," && is_in(&["starring", "co-starring", "featuring"], n2w) && v.is_upper(ni + 1))
        {
            e.title += 3;
        }
        // "Jay Kelly, which Noah Baumbach co-wrote and directed", "X, which stars Y": a
        // relative clause whose verb is a credit's is about a work.
        if nw == "," && is_in(&["which", "that"], n2w) {
            let words = crate::lexicon::words::WordTable::builtin();
            let verb = (ni + 2..(ni + 8).min(b))
                .take_while(|&k| v.toks[k].is_word() || v.tt(k) == ".")
                .find(|&k| v.toks[k].shape == Shape::Lower && !is_in(&["also", "was", "is", "has", "had"], v.tt(k)));
            // ("co-wrote" is three tokens.)
            let verb = verb.map(|k| if v.tt(k) == "co" && v.tt(k + 1) == "-" { k + 2 } else { k });
            if verb.is_some_and(|k| words.info(v.tt(k)).is(class::ROLE_VERB)) {
                e.title += 3;
            }
        }
    }
    // "Motown the Musical", "The Lego Movie": a run that ends in a capitalised noun that
    // names a kind of work is that work's title.
    // (A performing company is named for its place the same way: "Santa Fe Opera",
    // "Canadian Opera", "Houston Ballet". A work puts an article or a function word first:
    // "The Threepenny Opera", "The Phantom of the Opera".)
    let last_word = v.tt(r.last - 1);
    let company = r.len() >= 2
        && v.toks[r.last - 1].shape == Shape::Capitalized
        && is_in(&["Opera", "Ballet"], last_word)
        && !is_in(&["The", "A", "An"], v.tt(r.first))
        && (r.first..r.last - 1).all(|k| v.toks[k].shape != Shape::Lower)
        && !v.tt(r.last - 2).ends_with("'s")
        && !v.tt(r.last - 2).ends_with("’s");
    if company {
        e.org = Some(crate::facts::OrgKind::Other);
    } else if r.len() >= 2 && v.toks[r.last - 1].shape == Shape::Capitalized && is_in(&["Musical", "Movie", "Opera"], last_word) {
        e.title += 2;
    }
    // "the Bishōjo Senshi Sailor Moon Eternal (Pretty Guardians …) anime film project": a
    // parenthesised alias between a work and the noun that names its kind; both are works.
    let close = if v.tt(r.last) == "(" {
        (r.last + 1..(r.last + 14).min(b)).find(|&k| matches!(v.tt(k), ")" | "(" | "." | ";")).filter(|&k| v.tt(k) == ")")
    } else if v.tt(r.last) == ")" && r.first > a && v.tt(r.first - 1) == "(" {
        Some(r.last)
    } else {
        None
    };
    if let Some(c) = close {
        if c + 1 < b
            && v.toks[c + 1].shape == Shape::Lower
            && v.info.get(c + 1).is_some_and(|w| w.is(class::TITLE_NOUN) && w.title.is_some())
        {
            e.title += 2;
        }
    }
    if r.len() >= 2 && v.tt(r.first) == "The" && (a..r.first).any(|k| v.toks[k].is_word()) {
        e.title += 1;
    }
    if possessive {
        e.title = t_before;
    }

    // --- character
    // "played the paranoid surveillance expert Harry Caul": a character verb a few
    // descriptive words back.
    let mut k = r.first;
    let mut back = 0;
    while k > a && back < 6 {
        k -= 1;
        back += 1;
        let w = v.tt(k);
        if is_in(&CHAR_VERBS, w) {
            // ("voice actress Kotono Mitsuishi": before a role noun "voice" is a noun.)
            let noun = v.info.get(k + 1).is_some_and(|x| x.is(class::ROLE_NOUN | class::PERSON_NOUN));
            if back > 1 && !noun {
                e.character += 5;
            }
            break;
        }
        if (!v.toks[k].is_word() && w != "-")
            || crate::lexicon::words::WordTable::builtin().info(w).is(class::ROLE_VERB | class::SPEECH)
            || is_in(&["and", "or", "in", "on", "by", "with", "who", "that"], w)
        {
            break;
        }
    }
    if (pw.eq_ignore_ascii_case("is") || pw.eq_ignore_ascii_case("was"))
        && p2i != usize::MAX
        && v.is_upper(p2i)
        && v.possessive_len(p2i) == 0
    {
        e.character += 2;
        // "Jonathan Bailey plays Fiyero, Michelle Yeoh is Madame Morrible": in a sentence
        // that casts, the name after "is" is a part.
        let lo = a.max(r.first.saturating_sub(30));
        let hi = b.min(r.last + 30);
        if pw.eq_ignore_ascii_case("is") && (lo..hi).any(|k| is_in(&["plays", "played", "voices", "voiced", "portrays"], v.tt(k))) {
            e.character += 3;
        }
    }
    if matches!(nw, "," | "—" | "–" | "(") && is_in(&["played", "voiced", "portrayed"], n2w) && n3w.eq_ignore_ascii_case("by") {
        e.character += 3;
    }
    // "President Ada Lowe is played by Lena Moss": the subject of a passive "played by".
    if is_in(&["is", "was", "will", "has"], nw) && (ni + 1..(ni + 4).min(b)).any(|k| is_in(&["played", "voiced", "portrayed"], v.tt(k))) {
        let by =
            (ni + 2..(ni + 5).min(b)).any(|k| v.tt(k).eq_ignore_ascii_case("by") && is_in(&["played", "voiced", "portrayed"], v.tt(k - 1)));
        if by {
            e.character += 3;
        }
    }
    if pw.eq_ignore_ascii_case("as") && !is_in(&NOT_CHAR_AS, p2w) && p2i != usize::MAX {
        let strong = strong_before_as(v, p2i, p2w);
        // "stars as Ryland Grace": the clearest way news names a character.
        let starring = is_in(&["stars", "star", "starring", "starred", "co-stars"], p2w);
        e.character += if starring {
            4
        } else if strong {
            3
        } else {
            2
        };
    }
    if is_in(&CHAR_VERBS, pw) {
        e.character += 3;
    }
    // An appositive after a phrase that names a part: "with Johnny Flynn as his father,
    // Lucius Malfoy", "has been cast as that grandson, Albie Di Grasso", "his character,
    // Tom Briggs", "the role of Haymitch's girlfriend, Lenore Dove".
    if pw == "," && pi != usize::MAX && pi > a {
        if is_in(&["character", "alter-ego", "alter"], v.tt(pi - 1)) && v.toks[pi - 1].shape == Shape::Lower {
            e.character += 3;
        } else {
            let mut k = pi;
            let mut words = 0;
            while k > a && words < 6 {
                let w = v.tt(k - 1);
                let word = v.toks[k - 1].shape == Shape::Lower || v.possessive_len(k - 1) > 0 || w == "-";
                if !word || w.eq_ignore_ascii_case("as") || is_in(&["role", "part"], w) {
                    break;
                }
                // ("starring as parents of natural and adopted children, Gene Hackman, …":
                // a coordinated description names more than the one part after it.)
                if is_in(&["and", "or"], w) {
                    words = 0;
                    break;
                }
                k -= 1;
                words += 1;
            }
            let cue = k > a && words >= 1 && {
                let w = v.tt(k - 1);
                (w.eq_ignore_ascii_case("as") && k > a + 1 && v.word_before(k - 1, a).is_some_and(|(q, w2)| strong_before_as(v, q, w2)))
                    || (is_in(&["role", "part"], w) && v.tt(k).eq_ignore_ascii_case("of"))
            };
            if cue {
                e.character += 3;
            }
        }
    }
    // "returning as Judy Hopps and Nick Wilde": the later members of an "as" list (not
    // "... and Jacob Elordi as the Creature", where the member has its own "as").
    let list_end = matches!(nw, "," | "." | ")" | "(" | "and" | "or" | ";" | "") || ni >= b;
    if matches!(pw, "and" | "or" | ",") && list_end {
        let mut k = r.first;
        let mut steps = 0;
        while k > a && steps < 8 {
            k -= 1;
            steps += 1;
            let w = v.tt(k);
            if w.eq_ignore_ascii_case("as") {
                let before = if k > a { v.tt(k - 1) } else { "" };
                if !is_in(&NOT_CHAR_AS, before) {
                    e.character += 3;
                }
                break;
            }
            // "playing Han Solo, Princess Leia or Luke Skywalker" (not "Lost Voices, Wolf
            // Children and ...": the verb is lower case).
            if v.toks[k].shape == Shape::Lower && is_in(&CHAR_VERBS, w) {
                e.character += 3;
                break;
            }
            if !(v.is_upper(k) || matches!(w, "and" | "or" | "," | "-") || v.info.get(k).is_some_and(|x| x.is(class::PARTICLE))) {
                break;
            }
        }
    }
    // "the role of Yang-ja", "the part of Dong-gu" name a part as surely as "stars as".
    if pw.eq_ignore_ascii_case("of") && is_in(&["role", "character", "part"], p2w) {
        e.character += 3;
    } else if is_in(&["character", "characters", "role"], pw) {
        e.character += 2;
    }
}

/// Whether the clause after a run ending at token `end` says it won prizes whose winners
/// are people in parentheses: a winning word ("won", "took", "collected", "led", "wins")
/// within a few words, then "best …" with a known given name in parentheses after it
/// ("Salt Creek won best director (Ana Ruiz)", "Harbor Lights led the film categories
/// with four awards: best editor (Ivo Marsh)", "Salt Creek, whose other wins were best
/// sound (Ben Cole)"). A person who won a prize has no other winner in parentheses.
fn prizes_with_winners_after(v: &View<'_>, end: usize, b: usize) -> bool {
    const WINS: [&str; 12] =
        ["won", "wins", "took", "collected", "earned", "swept", "led", "received", "claimed", "scooped", "picked", "awards"];
    let stop = (end..b.min(end + 16)).find(|&k| matches!(v.tt(k), "." | ";" | "!" | "?")).unwrap_or(b.min(end + 16));
    // ("the three awards collected by Salt Creek were …": a passive's agent won them.)
    let Some(win) = (end..stop).find(|&k| is_in(&WINS, v.tt(k)) && v.tt(k + 1) != "by") else { return false };
    let Some(best) = (win + 1..stop).find(|&k| v.tt(k).eq_ignore_ascii_case("best")) else { return false };
    (best + 1..(best + 6).min(b)).find(|&k| v.tt(k) == "(").is_some_and(|k| {
        v.info.get(k + 1).is_some_and(|w| w.is(class::FIRST_NAME) && !w.is(class::COMMON)) && v.toks[k + 1].shape == Shape::Capitalized
    })
}

/// Whether a gross follows a run ending at token `end`: an amount in parentheses right
/// after it ("Tin Roof ($11.6M)"), or a box-office verb and an amount within a few words
/// ("opened with $16.1 million", "grossed $5 million", "took in $12 million").
fn grossed_after(v: &View<'_>, end: usize, b: usize) -> bool {
    const VERBS: [&str; 8] = ["opened", "debuted", "bowed", "grossed", "opens", "debuts", "bows", "grosses"];
    let money = |k: usize| k < b && matches!(v.tt(k), "$" | "£" | "€");
    if end < b && v.tt(end) == "(" && money(end + 1) {
        return true;
    }
    let verb = end < b && (is_in(&VERBS, v.tt(end)) || (is_in(&["took", "takes", "raked", "pulled"], v.tt(end)) && v.tt(end + 1) == "in"));
    if verb && (end + 1..(end + 6).min(b)).any(money) {
        return true;
    }
    // ("Lawless dropped 19% to £790k", "Dredd 3D, fifth, eased 27%": a weekend's drop or
    // rise in percent, then a gross.)
    const CHART_VERBS: [&str; 6] = ["took", "takes", "claimed", "claims", "grabbed", "grabs"];
    let mut k = end;
    if k < b && v.tt(k) == "," {
        if is_in(&CHART_VERBS, v.tt(k + 1)) {
            k += 1;
        } else if let Some(c) = (k + 1..(k + 4).min(b)).find(|&c| v.tt(c) == ",") {
            // (an aside of one or two words: ", fifth,")
            k = c + 1;
        }
    }
    const MOVES: [&str; 12] =
        ["dropped", "slipped", "eased", "fell", "dipped", "slid", "tumbled", "plunged", "rose", "climbed", "jumped", "declined"];
    let moved = k < b && is_in(&MOVES, v.tt(k)) && v.toks.get(k + 1).is_some_and(|t| t.shape == Shape::Digits) && v.tt(k + 2) == "%";
    if moved && (k + 3..(k + 8).min(b)).any(money) {
        return true;
    }
    // ("Hope Springs, took sixth spot with £729k": a chart place, then a gross.)
    const ORDINALS: [&str; 11] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "top"];
    let took = k < b && is_in(&CHART_VERBS, v.tt(k));
    let at = if v.tt(k + 1) == "the" { k + 2 } else { k + 1 };
    took && is_in(&ORDINALS, v.tt(at)) && is_in(&["spot", "place", "position"], v.tt(at + 1)) && (at + 2..(at + 6).min(b)).any(money)
}

/// Whether the built-in lexicon of well-known works lists `surface` whole ("Harry
/// Potter"): asked only in the rare places a name-shaped run stands before a noun for a
/// work.
fn known_work(surface: &str) -> bool {
    crate::lexicon::known_titles().is_ok_and(|g| g.find_iter(surface).any(|h| h.span.start == 0 && h.span.end == surface.len()))
}

/// Whether the appositive starting at token `i` (right after a comma) names a kind of
/// work and closes with a comma before a new clause's subject: ", its new telemovie, ABC1
/// has …". At most six words.
fn closed_work_appositive(v: &View<'_>, i: usize, b: usize) -> bool {
    let words = crate::lexicon::words::WordTable::builtin();
    let Some(det) = v.toks.get(i) else { return false };
    if det.shape != Shape::Lower || !is_in(&["its", "a", "an", "the", "his", "her", "their"], v.tt(i)) {
        return false;
    }
    for k in i + 1..(i + 7).min(b) {
        let w = v.tt(k);
        if w == "," {
            let info = words.info(v.tt(k - 1));
            // (A verb right after it makes the whole opening the subject: "Before Dawn, an
            // Australian war film, got off to a soft opening" — the preposition is the
            // title's own word.)
            let clause_after = v.toks.get(k + 1).is_some_and(|t| t.shape != Shape::Lower);
            return k > i + 1 && info.is(class::TITLE_NOUN) && info.title.is_some() && clause_after;
        }
        if !v.toks[k].is_word() && w != "-" {
            return false;
        }
    }
    false
}
