//! Practice exports: check typed answers, reveal hints and worked solutions, keep progress.

use crate::check::{self, Progress, Verdict};
use crate::problems;
use wasm_bindgen::prelude::*;

fn known_answer(answer_id: &str) -> Result<&'static problems::Answer, JsError> {
    problems::answer(answer_id).ok_or_else(|| JsError::new(&format!("no practice answer is called {answer_id:?}")))
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

/// A learner's practice: attempts, hints and solutions per answer, saved as a compact string.
#[wasm_bindgen]
pub struct Practice {
    progress: Progress,
    load_problem: Option<String>,
}

#[wasm_bindgen]
impl Practice {
    /// Restores progress from `saved` (empty for none); a corrupt record starts afresh and
    /// says why in [`Practice::load_problem`].
    #[wasm_bindgen(constructor)]
    pub fn new(saved: &str) -> Practice {
        let (progress, load_problem) = Progress::load(saved);
        Practice { progress, load_problem }
    }

    /// Why the saved progress could not be used, if it could not.
    #[wasm_bindgen(getter, js_name = loadProblem)]
    pub fn load_problem(&self) -> Option<String> {
        self.load_problem.clone()
    }

    /// Grades `input`, records the attempt if it counts, and returns the feedback.
    pub fn check(&mut self, answer_id: &str, input: &str) -> Result<Feedback, JsError> {
        let verdict = check::check(known_answer(answer_id)?, input);
        self.progress.record(answer_id, input, &verdict);
        Ok(Feedback(verdict))
    }

    /// Reveals the next hint (if any is left) and returns every hint shown so far.
    #[wasm_bindgen(js_name = revealHint)]
    pub fn reveal_hint(&mut self, answer_id: &str) -> Result<Vec<String>, JsError> {
        let hints = &known_answer(answer_id)?.hints;
        self.progress.reveal_hint(answer_id, hints.len());
        Ok(self.hints_shown(answer_id))
    }

    /// The hints already shown for this answer.
    #[wasm_bindgen(js_name = hintsShown)]
    pub fn hints_shown(&self, answer_id: &str) -> Vec<String> {
        let shown = self.progress.get(answer_id).map_or(0, |p| p.hints_shown) as usize;
        problems::hints(answer_id).iter().take(shown).cloned().collect()
    }

    /// How many hints this answer has in all.
    #[wasm_bindgen(js_name = hintCount)]
    pub fn hint_count(&self, answer_id: &str) -> usize {
        problems::hints(answer_id).len()
    }

    /// The worked solution's steps, once at least one attempt has counted; empty before.
    pub fn solution(&self, answer_id: &str) -> Vec<String> {
        if self.progress.solution_unlocked(answer_id) {
            problems::solution(answer_id).to_vec()
        } else {
            Vec::new()
        }
    }

    /// The last answer typed for this answer id, to put back in its box.
    #[wasm_bindgen(js_name = lastInput)]
    pub fn last_input(&self, answer_id: &str) -> Option<String> {
        self.progress.get(answer_id).map(|p| p.last_input.clone()).filter(|s| !s.is_empty())
    }

    /// Whether any attempt at this answer was correct.
    pub fn solved(&self, answer_id: &str) -> bool {
        self.progress.get(answer_id).is_some_and(|p| p.solved)
    }

    /// Progress as a compact string for storage.
    pub fn serialize(&self) -> String {
        self.progress.serialize()
    }

    /// Forgets all progress.
    pub fn reset(&mut self) {
        self.progress.reset();
        self.load_problem = None;
    }
}
