//! An automaton that reports every occurrence of every phrase of a list, ASCII letters in any
//! case: what `aho_corasick`'s overlapping search reports, from a table a fraction of its size.
//! Every ASCII digit reads as `0`, so that one phrase `0` finds them all with one column.
//!
//! The cue scanner reads every sentence with one of these, and its table's rows are where the
//! time goes: `aho_corasick`'s DFA keeps 4-byte entries in rows padded to a power of two, one
//! column per byte class with upper and lower case apart (1.6 MB for the Latin-script cues). Here
//! a letter's two cases are one class, rows are padded to a multiple of 16 columns only, and
//! entries are 2-byte row numbers, so the rows a text passes through take a third of the cache
//! lines. Each byte's step waits for the one before (the next row is read from the current
//! one), so a long text is read as two halves side by side: two chains of loads, not one.

/// A phrase list compiled into a deterministic automaton (Aho–Corasick with every failure
/// transition resolved ahead).
pub(crate) struct PhraseDfa {
    /// Each byte's column; an ASCII capital shares its lower-case letter's, a digit `0`'s.
    /// Column 0 holds the bytes no phrase has.
    class_of: [u8; 256],
    /// `next[(row << 4) + class]`, where a state's row number is where its row starts, in
    /// 16-column units: the step from a row to the next is a shift and an add, no multiply.
    /// The start state's row is 0; rows from `first_ending` on end some phrase.
    next: Vec<u16>,
    row_units: u16,
    first_ending: u16,
    /// For the `n`th ending state, its phrases are `endings[ending_starts[n]..ending_starts[n +
    /// 1]]`: (phrase index, phrase length in bytes).
    ending_starts: Vec<u32>,
    endings: Vec<(u32, u32)>,
    /// The longest phrase's length in bytes: how far before its half the second half is read
    /// from (a text shorter than twice that is read in one piece).
    longest: usize,
}

impl PhraseDfa {
    /// # Panics
    /// If a phrase is empty or has a digit other than `0`, or the phrases have more than
    /// 65,535 bytes between them.
    pub(crate) fn new<'p>(phrases: impl IntoIterator<Item = &'p str>) -> PhraseDfa {
        let phrases: Vec<Vec<u8>> = phrases
            .into_iter()
            .map(|p| {
                assert!(!p.is_empty(), "an empty phrase");
                assert!(
                    !p.bytes().any(|b| matches!(b, b'1'..=b'9')),
                    "{p:?}: digits are written 0"
                );
                p.bytes().map(|b| b.to_ascii_lowercase()).collect()
            })
            .collect();
        let mut class_of = [0u8; 256];
        let mut classes = 1;
        for &b in phrases.iter().flatten() {
            if class_of[usize::from(b)] == 0 {
                class_of[usize::from(b)] = u8::try_from(classes).expect("at most 255 classes");
                classes += 1;
            }
        }
        for upper in b'A'..=b'Z' {
            class_of[usize::from(upper)] = class_of[usize::from(upper.to_ascii_lowercase())];
        }
        for digit in b'1'..=b'9' {
            class_of[usize::from(digit)] = class_of[usize::from(b'0')];
        }

        // The trie, its states numbered as they are made; `NONE` where it has no edge.
        const NONE: u32 = u32::MAX;
        let mut trie: Vec<u32> = vec![NONE; classes];
        let mut own: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        for (index, phrase) in phrases.iter().enumerate() {
            let mut state = 0;
            for &b in phrase {
                let slot = state * classes + usize::from(class_of[usize::from(b)]);
                if trie[slot] == NONE {
                    trie[slot] = u32::try_from(own.len()).expect("few states");
                    trie.extend(std::iter::repeat_n(NONE, classes));
                    own.push(Vec::new());
                }
                state = trie[slot] as usize;
            }
            own[state].push((index as u32, phrase.len() as u32));
        }

        // Breadth first, so that a state's failure state (shallower) is complete before it:
        // each missing edge becomes the failure state's edge, and each state ends what its
        // failure state ends too, after its own phrases (the order `aho_corasick` lists them).
        let states = own.len();
        assert!(states <= usize::from(u16::MAX), "the phrases fit 16-bit states");
        let mut delta = trie;
        let mut fail = vec![0u32; states];
        let mut order = Vec::with_capacity(states);
        order.push(0u32);
        for edge in &mut delta[..classes] {
            match *edge {
                NONE => *edge = 0,
                child => order.push(child),
            }
        }
        let mut head = 1;
        while head < order.len() {
            let state = order[head] as usize;
            head += 1;
            let failure = fail[state] as usize;
            let inherited = own[failure].clone();
            own[state].extend(inherited);
            for c in 0..classes {
                let slot = state * classes + c;
                match delta[slot] {
                    NONE => delta[slot] = delta[failure * classes + c],
                    child => {
                        fail[child as usize] = delta[failure * classes + c];
                        order.push(child);
                    }
                }
            }
        }

        // Renumbered: the start first, then the states that end nothing, then those that end
        // a phrase, so that one comparison tells them apart.
        let mut renumbered = vec![0u16; states];
        let (quiet, ending): (Vec<u32>, Vec<u32>) = order.iter().partition(|&&s| own[s as usize].is_empty());
        assert_eq!(quiet.first(), Some(&0), "the start state ends no phrase");
        for (new, &old) in quiet.iter().chain(&ending).enumerate() {
            renumbered[old as usize] = new as u16;
        }
        let stride = classes.div_ceil(16) * 16;
        let row_units = stride / 16;
        assert!(
            states * row_units <= usize::from(u16::MAX),
            "the rows fit 16-bit numbers"
        );
        let row = |old: u32| (usize::from(renumbered[old as usize]) * row_units) as u16;
        let mut next = vec![0u16; states * stride];
        for (old, edges) in delta.chunks_exact(classes).enumerate() {
            let from = usize::from(row(old as u32)) << 4;
            for (entry, &target) in next[from..from + classes].iter_mut().zip(edges) {
                *entry = row(target);
            }
        }
        let mut ending_starts = Vec::with_capacity(ending.len() + 1);
        let mut endings = Vec::new();
        for &old in &ending {
            ending_starts.push(endings.len() as u32);
            endings.extend_from_slice(&own[old as usize]);
        }
        ending_starts.push(endings.len() as u32);
        PhraseDfa {
            class_of,
            next,
            row_units: row_units as u16,
            first_ending: (quiet.len() * row_units) as u16,
            ending_starts,
            endings,
            longest: phrases.iter().map(Vec::len).max().unwrap_or(0),
        }
    }

    #[inline(always)]
    fn step(&self, row: u16, byte: u8) -> u16 {
        self.next[(usize::from(row) << 4) + usize::from(self.class_of[usize::from(byte)])]
    }

    /// Reports the phrases ending at byte `end` in ending row `row` to `found`. Out of line:
    /// inlined, its code took the registers of the scan loop, which then kept its rows on the
    /// stack.
    #[inline(never)]
    fn report(&self, row: u16, end: usize, found: &mut impl FnMut(usize, usize, usize)) {
        let ending = usize::from((row - self.first_ending) / self.row_units);
        let (from, to) = (self.ending_starts[ending], self.ending_starts[ending + 1]);
        for &(phrase, len) in &self.endings[from as usize..to as usize] {
            found(phrase as usize, end - len as usize, end);
        }
    }

    /// Calls `found(phrase index, start, end)` for every occurrence of every phrase in `text`,
    /// overlapping ones included, in no particular order.
    #[inline]
    pub(crate) fn for_each(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let bytes = text.as_bytes();
        let half = bytes.len() / 2;
        if half < self.longest {
            let mut row = 0;
            for (at, &b) in bytes.iter().enumerate() {
                row = self.step(row, b);
                if row >= self.first_ending {
                    self.report(row, at + 1, &mut found);
                }
            }
            return;
        }
        // The first half finds the phrases that end in it; the second, started from the start
        // state where a phrase ending just past the first half could begin, the others.
        let second_from = half + 1 - self.longest;
        let (first, second) = (&bytes[..half], &bytes[second_from..]);
        let (side_by_side, second_rest) = second.split_at(half);
        let (mut row, mut second_row) = (0, 0);
        for (at, (&b, &second_b)) in first.iter().zip(side_by_side).enumerate() {
            row = self.step(row, b);
            second_row = self.step(second_row, second_b);
            // One test for both in the loop; which one ends a phrase is asked only then.
            if row.max(second_row) >= self.first_ending {
                if row >= self.first_ending {
                    self.report(row, at + 1, &mut found);
                }
                if second_row >= self.first_ending && second_from + at + 1 > half {
                    self.report(second_row, second_from + at + 1, &mut found);
                }
            }
        }
        for (at, &b) in (second_from + half..).zip(second_rest) {
            second_row = self.step(second_row, b);
            if second_row >= self.first_ending {
                self.report(second_row, at + 1, &mut found);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    const PHRASES: &[&str] = &[
        "visit",
        "state visit",
        "visite",
        "visité",
        "it",
        "sit",
        "uk",
        "u.k.",
        " ai ",
        "(ai)",
        "À l'avenir",
        "à l'avenir",
        "met with",
        "met with",
        "访问",
        "访问团",
        "问",
        "großbritannien",
    ];

    /// What `aho_corasick`'s overlapping search reports, in order.
    fn reference(text: &str) -> Vec<(usize, usize, usize)> {
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(PHRASES)
            .unwrap();
        let mut all: Vec<(usize, usize, usize)> = matcher
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect();
        all.sort_unstable();
        all
    }

    fn found(text: &str) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        PhraseDfa::new(PHRASES.iter().copied()).for_each(text, |p, start, end| all.push((p, start, end)));
        all.sort_unstable();
        all
    }

    #[test]
    fn a_zero_finds_every_digit() {
        let mut found = Vec::new();
        PhraseDfa::new(["0", "uk"]).for_each("UK 2025", |p, start, end| found.push((p, start, end)));
        found.sort_unstable();
        assert_eq!(found, [(0, 3, 4), (0, 4, 5), (0, 5, 6), (0, 6, 7), (1, 0, 2)]);
    }

    #[test]
    fn every_occurrence_in_any_ascii_case_as_aho_corasick_reports_it() {
        for text in [
            "The State Visit to the UK and the U.K. visited",
            "À l'avenir, à l'avenir, À L'AVENIR",
            "英国代表团访问团访问",
            "MET WITH met with Met With",
            "an ai (AI) AI ",
            "Großbritannien GROßBRITANNIEN",
            "",
            "visit ".repeat(20).as_str(),
            "英国代表团访问团访问，双方会见。".repeat(4).as_str(),
        ] {
            assert_eq!(found(text), reference(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn reports_what_aho_corasick_reports(text in "(visit|Vis|IT|s|é|u\\.?k\\.?| |ai|\\(|\\)|À|à| l'|avenir|met|with|访|问|团|ß|x){0,90}") {
            prop_assert_eq!(found(&text), reference(&text));
        }
    }
}
