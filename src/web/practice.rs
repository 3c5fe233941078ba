//! Practice exports: check typed answers, reveal hints and worked solutions, keep progress, and
//! switch every problem to another seeded set of numbers.

use crate::check::{self, Progress, Verdict};
use crate::problems::{self, Answer, Problem};
use wasm_bindgen::prelude::*;

fn no_answer(answer_id: &str) -> JsError {
    JsError::new(&format!("no practice answer is called {answer_id:?}"))
}

fn known_answer(answer_id: &str) -> Result<&'static problems::Answer, JsError> {
    problems::answer(answer_id).ok_or_else(|| no_answer(answer_id))
}

/// The feedback on one checked answer.
#[wasm_bindgen]
pub struct Feedback(Verdict);

#[wasm_bindgen]
impl Feedback {
    /// "correct", "incorrect" or "invalid" (for `data-verdict`).
    #[wasm_bindgen(getter)]
    pub fn verdict(&self) -> String {
        self.0.verdict_word().to_owned()
    }
    /// The message, starting "Correct", "Not quite" or "Can't read".
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> String {
        self.0.message.clone()
    }
    /// "Read as 3.2 × 10⁻⁵", when the answer could be read.
    #[wasm_bindgen(getter, js_name = readAs)]
    pub fn read_as(&self) -> Option<String> {
        self.0.read_as_line()
    }
    /// Whether it counted as an attempt (invalid answers do not).
    #[wasm_bindgen(getter, js_name = countsAsAttempt)]
    pub fn counts_as_attempt(&self) -> bool {
        self.0.counts_as_attempt()
    }
}

/// Grades `input` for the answer `answer_id` without recording anything.
#[wasm_bindgen(js_name = checkAnswer)]
pub fn check_answer(answer_id: &str, input: &str) -> Result<Feedback, JsError> {
    Ok(Feedback(check::check(known_answer(answer_id)?, input)))
}

/// Separates the lesson's record from the other numbers' record in the saved string.
const RECORD_SEPARATOR: &str = "\n\n";

/// A learner's practice: the current set of numbers, and attempts, hints and solutions per
/// answer, saved as a compact string. The lesson's numbers and the latest other set keep
/// separate records, so going back to the lesson's numbers brings its answers back.
#[wasm_bindgen]
pub struct Practice {
    /// Progress on the lesson's numbers (seed 0).
    lesson: Progress,
    /// Progress on the latest other set (its seed is the record's).
    other: Progress,
    /// The set on the page: 0 (the lesson's) or `other.seed()`.
    seed: u32,
    load_problem: Option<String>,
    problems: Vec<Problem>,
}

impl Practice {
    fn answer(&self, answer_id: &str) -> Option<&Answer> {
        self.problems.iter().flat_map(|p| &p.answers).find(|a| a.id == answer_id)
    }

    fn current(&self, answer_id: &str) -> Result<&Answer, JsError> {
        self.answer(answer_id).ok_or_else(|| no_answer(answer_id))
    }

    fn progress(&self) -> &Progress {
        if self.seed == problems::LESSON_SEED {
            &self.lesson
        } else {
            &self.other
        }
    }

    fn progress_mut(&mut self) -> &mut Progress {
        if self.seed == problems::LESSON_SEED {
            &mut self.lesson
        } else {
            &mut self.other
        }
    }
}

#[wasm_bindgen]
impl Practice {
    /// Restores progress from `saved` (empty for none) and shows the set of numbers `seed` (0:
    /// the lesson's). A corrupt record starts afresh and says why in [`Practice::load_problem`];
    /// progress made on a set other than `seed` keeps only which answers were solved.
    #[wasm_bindgen(constructor)]
    pub fn new(saved: &str, seed: u32) -> Practice {
        // (A byte search: a string pattern would pull in the general substring searcher.)
        let split = saved.as_bytes().windows(2).position(|w| w == RECORD_SEPARATOR.as_bytes());
        let (first, second) = split.map_or((saved, ""), |i| (&saved[..i], &saved[i + 2..]));
        let (mut lesson, first_problem) = Progress::load(first);
        let (mut other, second_problem) = Progress::load(second);
        if lesson.seed() != problems::LESSON_SEED {
            // A single record saved on other numbers.
            other = std::mem::take(&mut lesson);
        }
        let load_problem = first_problem.or(second_problem);
        let mut practice = Practice { lesson, other, seed: 0, load_problem, problems: Vec::new() };
        practice.set_seed(seed);
        practice
    }

    /// Why the saved progress could not be used, if it could not.
    #[wasm_bindgen(getter, js_name = loadProblem)]
    pub fn load_problem(&self) -> Option<String> {
        self.load_problem.clone()
    }

    /// The seed of the current set of numbers (0: the lesson's).
    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> u32 {
        self.seed
    }

    /// Switches every problem to the numbers of `seed` (0: the lesson's, with its answers as
    /// they were). A new other set forgets the previous other set's attempts, hints and last
    /// answers; solved answers stay solved.
    #[wasm_bindgen(js_name = setSeed)]
    pub fn set_seed(&mut self, seed: u32) {
        if seed != problems::LESSON_SEED {
            self.other.switch_set(seed);
        }
        self.seed = seed;
        self.problems = problems::set(seed);
    }

    /// The texts of an answer box with the current numbers, in one call: [the problem's id
    /// ("practice-1", "more-relu"), its question, the box's label ("σ′(3) ="), the quantity
    /// ("σ′(3)"), the quantity with the lesson's numbers ("σ′(5)")]; empty for an unknown id.
    #[wasm_bindgen(js_name = boxTexts)]
    pub fn box_texts(&self, answer_id: &str) -> Vec<String> {
        let found = self.problems.iter().find_map(|p| Some(p).zip(p.answers.iter().find(|a| a.id == answer_id)));
        match (found, problems::answer(answer_id)) {
            (Some((p, a)), Some(lesson)) => {
                vec![p.id.to_owned(), p.prompt.clone(), a.label.clone(), a.quantity.clone(), lesson.quantity.clone()]
            }
            _ => Vec::new(),
        }
    }

    /// "3 of 10 correct": answers solved (with any numbers) out of all answers.
    pub fn summary(&self) -> String {
        let ids: Vec<&str> = self.problems.iter().flat_map(|p| &p.answers).map(|a| a.id).collect();
        let solved = ids.iter().filter(|id| self.solved(id)).count();
        format!("{solved} of {} correct", ids.len())
    }

    /// Grades `input`, records the attempt if it counts, and returns the feedback.
    pub fn check(&mut self, answer_id: &str, input: &str) -> Result<Feedback, JsError> {
        let verdict = check::check(self.current(answer_id)?, input);
        self.progress_mut().record(answer_id, input, &verdict);
        Ok(Feedback(verdict))
    }

    /// The feedback on the last answer checked with the current numbers (to show it again
    /// after a reload), without recording anything.
    #[wasm_bindgen(js_name = lastFeedback)]
    pub fn last_feedback(&self, answer_id: &str) -> Option<Feedback> {
        let input = self.last_input(answer_id)?;
        self.answer(answer_id).map(|a| Feedback(check::check(a, &input)))
    }

    /// Reveals the next hint (if any is left) and returns every hint shown so far.
    #[wasm_bindgen(js_name = revealHint)]
    pub fn reveal_hint(&mut self, answer_id: &str) -> Result<Vec<String>, JsError> {
        let available = self.current(answer_id)?.hints.len();
        self.progress_mut().reveal_hint(answer_id, available);
        Ok(self.hints_shown(answer_id))
    }

    /// The hints already shown for this answer.
    #[wasm_bindgen(js_name = hintsShown)]
    pub fn hints_shown(&self, answer_id: &str) -> Vec<String> {
        let shown = self.progress().get(answer_id).map_or(0, |p| p.hints_shown) as usize;
        self.answer(answer_id).map_or_else(Vec::new, |a| a.hints.iter().take(shown).cloned().collect())
    }

    /// How many hints this answer has in all.
    #[wasm_bindgen(js_name = hintCount)]
    pub fn hint_count(&self, answer_id: &str) -> usize {
        self.answer(answer_id).map_or(0, |a| a.hints.len())
    }

    /// The worked solution's steps, once at least one attempt has counted; empty before.
    pub fn solution(&self, answer_id: &str) -> Vec<String> {
        match self.answer(answer_id) {
            Some(a) if self.progress().solution_unlocked(answer_id) => a.solution.clone(),
            _ => Vec::new(),
        }
    }

    /// The last answer typed for this answer id with the current numbers, to put back in its box.
    #[wasm_bindgen(js_name = lastInput)]
    pub fn last_input(&self, answer_id: &str) -> Option<String> {
        self.progress().get(answer_id).map(|p| p.last_input.clone()).filter(|s| !s.is_empty())
    }

    /// Whether any attempt at this answer was correct, with any numbers.
    pub fn solved(&self, answer_id: &str) -> bool {
        [&self.lesson, &self.other].iter().any(|p| p.get(answer_id).is_some_and(|a| a.solved))
    }

    /// Progress as a compact string for storage: the lesson's record, then the other set's.
    pub fn serialize(&self) -> String {
        let lesson = self.lesson.serialize();
        if self.other.is_empty() {
            lesson
        } else {
            format!("{lesson}{RECORD_SEPARATOR}{}", self.other.serialize())
        }
    }

    /// Forgets every answer, attempt and hint (the set of numbers stays).
    pub fn reset(&mut self) {
        self.lesson.reset();
        self.other.reset();
        self.load_problem = None;
    }
}
