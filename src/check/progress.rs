//! A learner's progress per answer (attempts, solved, hints shown, last answer and verdict) and the
//! set of numbers it was made on, saved to and restored from a compact versioned string.

use std::collections::BTreeMap;

use super::grade::{Verdict, VerdictKind};
use super::parse::MAX_CHARS;

/// The first line of a saved record before sets of numbers existed (it means set 0, the lesson's).
const HEADER_1: &str = "vg-progress 1";
/// The first line of a saved record, followed by a tab and the set's seed; a change of format
/// changes the number.
const HEADER: &str = "vg-progress 2";
/// Answers kept at most; anything beyond is a corrupt record.
const MAX_ANSWERS: usize = 64;
/// Hints revealed at most per answer.
const MAX_HINTS: u32 = 10;

/// Progress on one answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnswerProgress {
    /// Checks that counted (invalid answers do not).
    pub attempts: u32,
    /// Whether any attempt was correct.
    pub solved: bool,
    /// How many hints have been revealed.
    pub hints_shown: u32,
    /// The last answer checked, as typed (at most [`MAX_CHARS`] characters).
    pub last_input: String,
    /// The verdict on the last answer checked.
    pub last_verdict: Option<VerdictKind>,
}

/// Progress on every answer, by answer id, and the seed of the set of numbers it was made on
/// (0: the lesson's own numbers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    answers: BTreeMap<String, AnswerProgress>,
    seed: u32,
}

fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '%' | '\t' | '\n' | '\r' => out.push_str(&format!("%{:02X}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        let code = rest.get(i + 1..i + 3)?;
        let byte = u8::from_str_radix(code, 16).ok()?;
        out.push(char::from(byte));
        rest = &rest[i + 3..];
    }
    out.push_str(rest);
    Some(out)
}

impl Progress {
    /// No progress yet.
    pub fn new() -> Self {
        Progress::default()
    }

    /// Progress on one answer, if there is any.
    pub fn get(&self, answer_id: &str) -> Option<&AnswerProgress> {
        self.answers.get(answer_id)
    }

    fn entry(&mut self, answer_id: &str) -> Option<&mut AnswerProgress> {
        if !valid_id(answer_id) || (self.answers.len() >= MAX_ANSWERS && !self.answers.contains_key(answer_id)) {
            return None;
        }
        Some(self.answers.entry(answer_id.to_string()).or_default())
    }

    /// Records a check: saves the answer and verdict; counts an attempt unless it was invalid.
    pub fn record(&mut self, answer_id: &str, input: &str, verdict: &Verdict) {
        if let Some(p) = self.entry(answer_id) {
            p.last_input = input.trim().chars().take(MAX_CHARS).collect();
            p.last_verdict = Some(verdict.kind);
            if verdict.counts_as_attempt() {
                p.attempts = p.attempts.saturating_add(1);
            }
            p.solved |= verdict.kind == VerdictKind::Correct;
        }
    }

    /// Reveals one more hint, up to `available`; returns how many are now shown.
    pub fn reveal_hint(&mut self, answer_id: &str, available: usize) -> u32 {
        let cap = u32::try_from(available).unwrap_or(MAX_HINTS).min(MAX_HINTS);
        match self.entry(answer_id) {
            Some(p) => {
                p.hints_shown = (p.hints_shown + 1).min(cap);
                p.hints_shown
            }
            None => 0,
        }
    }

    /// Whether the worked solution may be shown: after at least one attempt.
    pub fn solution_unlocked(&self, answer_id: &str) -> bool {
        self.get(answer_id).is_some_and(|p| p.attempts >= 1)
    }

    /// "3 of 4 correct" over the given answer ids.
    pub fn summary<'a>(&self, answer_ids: impl IntoIterator<Item = &'a str>) -> String {
        let (mut solved, mut total) = (0, 0);
        for id in answer_ids {
            total += 1;
            solved += usize::from(self.get(id).is_some_and(|p| p.solved));
        }
        format!("{solved} of {total} correct")
    }

    /// Forgets every answer (the set of numbers stays).
    pub fn reset(&mut self) {
        self.answers.clear();
    }

    /// Whether this is no progress at all on the lesson's numbers (what [`Progress::new`] gives).
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.seed == 0
    }

    /// The seed of the set of numbers the attempts belong to (0: the lesson's).
    pub fn seed(&self) -> u32 {
        self.seed
    }

    /// Moves to another set of numbers: attempts, hints and last answers belonged to the old
    /// numbers and are forgotten; which answers were ever solved is kept.
    ///
    /// ```
    /// use vanishing_gradients::check::{check_seed, Progress};
    /// let mut p = Progress::new();
    /// p.record("p1-slope", "0.0067", &check_seed("p1-slope", "0.0067").unwrap());
    /// p.switch_set(42);
    /// assert_eq!((p.seed(), p.solution_unlocked("p1-slope")), (42, false));
    /// assert_eq!(p.summary(["p1-slope"]), "1 of 1 correct");
    /// ```
    pub fn switch_set(&mut self, seed: u32) {
        if seed != self.seed {
            self.seed = seed;
            for p in self.answers.values_mut() {
                *p = AnswerProgress { solved: p.solved, ..AnswerProgress::default() };
            }
        }
    }

    /// The record to store: a header line with the set's seed, then one tab-separated line per
    /// answer.
    pub fn serialize(&self) -> String {
        let mut out = format!("{HEADER}\t{}", self.seed);
        for (id, p) in &self.answers {
            let verdict = p.last_verdict.map_or("-", VerdictKind::word);
            out.push_str(&format!(
                "\n{id}\t{}\t{}\t{}\t{verdict}\t{}",
                p.attempts,
                u8::from(p.solved),
                p.hints_shown,
                escape(&p.last_input)
            ));
        }
        out
    }

    /// Parses a stored record; an empty one is no progress.
    pub fn parse(text: &str) -> Result<Progress, String> {
        if text.trim().is_empty() {
            return Ok(Progress::new());
        }
        if text.len() > MAX_ANSWERS * (4 * MAX_CHARS + 128) {
            return Err("the saved progress is too large".to_string());
        }
        let mut lines = text.lines();
        let seed = match lines.next().map(|h| (h, h.strip_prefix(HEADER).and_then(|s| s.strip_prefix('\t')))) {
            Some((HEADER_1, _)) => 0,
            Some((_, Some(seed))) if !seed.starts_with('+') => {
                seed.parse().map_err(|_| "the saved progress names no set of numbers".to_string())?
            }
            _ => return Err("the saved progress is from another version".to_string()),
        };
        let mut progress = Progress { seed, ..Progress::new() };
        for (n, line) in lines.enumerate() {
            let bad = || format!("line {} of the saved progress is damaged", n + 2);
            let fields: Vec<&str> = line.split('\t').collect();
            let [id, attempts, solved, hints, verdict, input] = fields[..] else {
                return Err(bad());
            };
            let parsed = AnswerProgress {
                attempts: attempts.parse().map_err(|_| bad())?,
                solved: match solved {
                    "0" => false,
                    "1" => true,
                    _ => return Err(bad()),
                },
                hints_shown: hints.parse().ok().filter(|&h| h <= MAX_HINTS).ok_or_else(bad)?,
                last_verdict: match verdict {
                    "-" => None,
                    word => Some(VerdictKind::from_word(word).ok_or_else(bad)?),
                },
                last_input: unescape(input).filter(|s| s.chars().count() <= MAX_CHARS).ok_or_else(bad)?,
            };
            if !valid_id(id) || progress.answers.len() >= MAX_ANSWERS {
                return Err(bad());
            }
            progress.answers.insert(id.to_string(), parsed);
        }
        Ok(progress)
    }

    /// Like [`Progress::parse`], but never fails: damaged records give no progress plus the reason.
    ///
    /// ```
    /// use vanishing_gradients::check::Progress;
    /// let (p, error) = Progress::load("garbage");
    /// assert_eq!(p, Progress::new());
    /// assert!(error.is_some());
    /// ```
    pub fn load(text: &str) -> (Progress, Option<String>) {
        match Progress::parse(text) {
            Ok(p) => (p, None),
            Err(e) => (Progress::new(), Some(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_seed;

    fn verdict(id: &str, input: &str) -> Verdict {
        check_seed(id, input).unwrap_or_else(|| panic!("unknown id {id}"))
    }

    #[test]
    fn invalid_checks_are_saved_but_not_counted() {
        let mut p = Progress::new();
        p.record("p1-slope", "abc", &verdict("p1-slope", "abc"));
        assert_eq!(p.get("p1-slope").map(|a| a.attempts), Some(0));
        assert!(!p.solution_unlocked("p1-slope"));
        p.record("p1-slope", "0.5", &verdict("p1-slope", "0.5"));
        p.record("p1-slope", " 0.0067 ", &verdict("p1-slope", "0.0067"));
        let a = p.get("p1-slope").cloned().unwrap_or_default();
        assert_eq!((a.attempts, a.solved, a.last_input.as_str()), (2, true, "0.0067"));
        assert!(p.solution_unlocked("p1-slope"));
        assert_eq!(p.summary(["p1-slope", "p1-compare", "p2-gradient", "p2-update"]), "1 of 4 correct");
    }

    #[test]
    fn round_trips_awkward_input() {
        let mut p = Progress::new();
        for (id, input) in [("p1-compare", "2.7 %\t\n%41"), ("p2-update", "ünïcödé × 10⁻³")] {
            p.record(id, input, &verdict(id, input));
        }
        assert_eq!(p.reveal_hint("p2-update", 3), 1);
        assert_eq!(p.reveal_hint("p2-update", 1), 1);
        let text = p.serialize();
        assert_eq!(Progress::load(&text), (p.clone(), None));
        let mut other = p.clone();
        other.switch_set(u32::MAX);
        assert_eq!(Progress::load(&other.serialize()), (other.clone(), None));
        assert_eq!(other.get("p2-update").map(|a| (a.hints_shown, a.last_input.as_str())), Some((0, "")));
        other.reset();
        assert_eq!(other.serialize(), format!("vg-progress 2\t{}", u32::MAX));
        p.reset();
        assert_eq!(p, Progress::new());
    }

    #[test]
    fn damaged_records_give_defaults() {
        for text in [
            "vg-progress 9\np1-slope\t1\t1\t0\tcorrect\t1",
            "vg-progress 1\np1-slope\t1\t1\t0\tcorrect",
            "vg-progress 1\np1-slope\tx\t1\t0\tcorrect\t1",
            "vg-progress 1\np1-slope\t1\t2\t0\tcorrect\t1",
            "vg-progress 1\np1-slope\t1\t1\t99\tcorrect\t1",
            "vg-progress 1\np1-slope\t1\t1\t0\tmaybe\t1",
            "vg-progress 1\nP1 SLOPE\t1\t1\t0\tcorrect\t1",
            "vg-progress 1\np1-slope\t1\t1\t0\tcorrect\t%4",
            "vg-progress 1\np1-slope\t99999999999\t1\t0\tcorrect\t1",
            "vg-progress 2\np1-slope\t1\t1\t0\tcorrect\t1",
            "vg-progress 2\t-1",
            "vg-progress 2\t+1",
            "vg-progress 2\t4294967296",
        ] {
            let (p, error) = Progress::load(text);
            assert_eq!(p, Progress::new(), "{text}");
            assert!(error.is_some(), "{text}");
        }
        assert_eq!(Progress::load(""), (Progress::new(), None));
        assert!(Progress::new().is_empty());
        let old = Progress::load("vg-progress 1\np1-slope\t1\t1\t0\tcorrect\t1");
        assert_eq!((old.0.seed(), old.0.get("p1-slope").map(|a| a.solved), old.1), (0, Some(true), None));
        assert!(Progress::load(&"x".repeat(2_000_000)).1.is_some());
    }
}
