//! New numbers: every seeded variant of every problem against answers computed here from the
//! numbers its question shows (closed forms and plain loops, not the code under test), the
//! lesson's own numbers for seed 0, and the page's forms in step with the problems.

use vanishing_gradients::check::{check, check_seed, Progress};
use vanishing_gradients::problems::{self, set, variant, Answer, Problem};

const SEEDS: std::ops::RangeInclusive<u32> = 1..=3000;

/// The number right after `marker` in `text` (Unicode minus allowed), or a panic naming both.
fn number_after(text: &str, marker: &str) -> f64 {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker:?} not in {text:?}")) + marker.len();
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '−')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    digits.trim_end_matches('.').parse().unwrap_or_else(|_| panic!("no number after {marker:?} in {text:?}"))
}

/// The exponent written in Unicode superscripts right after `marker` ("10⁻⁶" → −6).
fn superscript_after(text: &str, marker: &str) -> i32 {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker:?} not in {text:?}")) + marker.len();
    let mut value = 0;
    let mut sign = 1;
    for c in text[start..].chars() {
        match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c) {
            Some(d) => value = value * 10 + d as i32,
            None if c == '⁻' => sign = -1,
            None => break,
        }
    }
    sign * value
}

/// The answer accepts `reference` typed out, and none of its mistakes passes as right.
fn accepts_reference(answer: &Answer, reference: f64, context: &str) {
    let typed = format!("{reference:e}");
    let v = check(answer, &typed);
    assert_eq!(v.verdict_word(), "correct", "{context} {}: {typed} → {}", answer.id, v.message);
    assert!(answer.expected.is_finite(), "{context} {}", answer.id);
    for m in &answer.mistakes {
        assert!(!answer.accepts(m.value), "{context} {} {}", answer.id, m.id);
        assert!(!m.message.is_empty());
    }
    assert!((2..=3).contains(&answer.hints.len()), "{context} {}", answer.id);
    assert!(answer.solution.len() >= 2, "{context} {}", answer.id);
}

fn ids(problem: &Problem) -> Vec<&'static str> {
    problem.answers.iter().map(|a| a.id).collect()
}

fn close(x: f64, reference: f64, rel: f64) -> bool {
    (x - reference).abs() <= rel * reference.abs()
}

#[test]
fn seed_zero_is_the_lessons_numbers() {
    let lesson: Vec<Problem> = problems::all().cloned().collect();
    assert_eq!(set(0), lesson);
    let problem_ids: Vec<_> = lesson.iter().map(|p| p.id).collect();
    assert_eq!(problem_ids, ["practice-1", "practice-2", "more-relu", "more-depth", "more-flat", "more-tanh"]);
    assert_eq!(variant("practice-3", 1), None);
    assert_eq!(variant("", 0), None);
}

#[test]
fn every_variant_matches_an_independent_computation() {
    let lesson: Vec<Problem> = problems::all().cloned().collect();
    for seed in SEEDS {
        let problems = set(seed);
        assert_eq!(problems, set(seed), "seed {seed} is reproducible");
        assert_eq!(problems.len(), lesson.len());
        for (p, l) in problems.iter().zip(&lesson) {
            let context = format!("seed {seed} {}", p.id);
            assert_eq!(p.id, l.id);
            assert_eq!(ids(p), ids(l), "{context}: answer boxes keep their ids");
            assert_ne!(p.prompt, l.prompt, "{context}: never the lesson's own numbers");
            let text = &p.prompt;
            match p.id {
                "practice-1" => {
                    let z = number_after(text, "at z = ");
                    let sigma = 1.0 / (1.0 + (-z).exp());
                    let slope = sigma * (1.0 - sigma);
                    // σ′ by a central difference of σ, written out here.
                    let h = 1e-5;
                    let numeric = ((1.0 / (1.0 + (-(z + h)).exp())) - (1.0 / (1.0 + (-(z - h)).exp()))) / (2.0 * h);
                    assert!(close(slope, numeric, 1e-6), "{context}");
                    assert!(close(p.answers[0].expected, slope, 1e-9), "{context}");
                    accepts_reference(&p.answers[0], slope, &context);
                    let share = check(&p.answers[1], &format!("{:e} %", slope / 0.25 * 100.0));
                    assert_eq!(share.verdict_word(), "correct", "{context}: {}", share.message);
                    assert!(p.answers[0].label.contains(&format!("σ′({})", problems::text::plain(z, 6))));
                }
                "practice-2" => {
                    let layers = number_after(text, "has ") as u32;
                    let factor = number_after(text, "gradient is ");
                    let rate = number_after(text, "learning rate ");
                    assert!((3..=10).contains(&layers), "{context}");
                    let gradient = (0..layers).fold(1.0, |g, _| g * factor);
                    assert!(close(p.answers[0].expected, gradient, 1e-12), "{context}");
                    accepts_reference(&p.answers[0], gradient, &context);
                    accepts_reference(&p.answers[1], rate * gradient, &context);
                    assert!(p.answers[1].label.contains(&format!("learning rate {rate}")), "{context}");
                }
                "more-relu" => {
                    let on = number_after(text, "z = ");
                    let off = number_after(text, "input and z = ");
                    assert!(on > 0.0 && off < 0.0, "{context}");
                    accepts_reference(&p.answers[0], 1.0, &context);
                    assert_eq!(check(&p.answers[1], "0").verdict_word(), "correct", "{context}");
                    assert_eq!(check(&p.answers[1], "1").verdict_word(), "incorrect", "{context}");
                    assert_eq!(check(&p.answers[0], "0").verdict_word(), "incorrect", "{context}");
                }
                "more-depth" => {
                    let exponent = superscript_after(text, "below 10");
                    assert!(exponent < 0, "{context}");
                    let threshold = 10f64.powi(exponent);
                    let (mut n, mut g) = (0u32, 1.0f64);
                    while g >= threshold {
                        g *= 0.25;
                        n += 1;
                    }
                    // The same by logarithms: n is the first whole number above k / log₁₀ 4.
                    let by_logs = (f64::from(-exponent) / 4f64.log10()).floor() + 1.0;
                    assert_eq!(f64::from(n), by_logs, "{context}");
                    accepts_reference(&p.answers[0], f64::from(n), &context);
                    let short = check(&p.answers[0], &(n - 1).to_string());
                    assert_eq!(short.verdict_word(), "incorrect", "{context}");
                }
                "more-flat" => {
                    let share = number_after(text, "fallen to ") / 100.0;
                    let target = share * 0.25;
                    let s = (1.0 + (1.0 - 4.0 * target).sqrt()) / 2.0;
                    let z = (s / (1.0 - s)).ln();
                    assert!(close(p.answers[0].expected, z, 1e-9), "{context}: {} vs {z}", p.answers[0].expected);
                    accepts_reference(&p.answers[0], z, &context);
                    let rounded = format!("{:.2}", z);
                    assert_eq!(check(&p.answers[0], &rounded).verdict_word(), "correct", "{context} {rounded}");
                }
                "more-tanh" => {
                    let layers = number_after(text, "Through ") as u32;
                    let sigmoid = (0..layers).fold(1.0, |g, _| g * 0.25);
                    let ratio = (0..layers).fold(1.0, |g, _| g * 4.0);
                    accepts_reference(&p.answers[0], sigmoid, &context);
                    accepts_reference(&p.answers[1], ratio, &context);
                    assert!(close(p.answers[1].expected * p.answers[0].expected, 1.0, 1e-12), "{context}");
                }
                other => panic!("unknown problem {other}"),
            }
        }
    }
}

#[test]
fn seeds_reach_every_number_and_vary_independently() {
    let mut zs = std::collections::BTreeSet::new();
    let mut depths = std::collections::BTreeSet::new();
    let mut factors = std::collections::BTreeSet::new();
    let mut rates = std::collections::BTreeSet::new();
    let mut flats = std::collections::BTreeSet::new();
    let mut same_as_next = 0;
    for seed in SEEDS {
        let one = variant("practice-1", seed).map(|p| p.prompt).unwrap_or_default();
        zs.insert(number_after(&one, "at z = ").to_bits());
        let two = variant("practice-2", seed).map(|p| p.prompt).unwrap_or_default();
        depths.insert(number_after(&two, "has ") as u32);
        factors.insert(number_after(&two, "gradient is ").to_bits());
        rates.insert(number_after(&two, "learning rate ").to_bits());
        let flat = variant("more-flat", seed).map(|p| p.prompt).unwrap_or_default();
        flats.insert(number_after(&flat, "fallen to ").to_bits());
        if variant("practice-1", seed + 1).map(|p| p.prompt) == Some(one) {
            same_as_next += 1;
        }
    }
    assert_eq!(zs.len(), 9, "every z is used");
    assert_eq!(depths, (3..=10).collect(), "depths 3 to 10");
    assert_eq!(factors.len(), 5);
    assert_eq!(rates.len(), 4);
    assert_eq!(flats.len(), 5);
    // Neighbouring seeds are unrelated: about 1 in 9 repeat a z by chance, not most of them.
    assert!(same_as_next < 3000 / 5, "{same_as_next}");
}

#[test]
fn a_new_set_keeps_what_was_solved_and_forgets_the_rest() {
    let mut progress = Progress::new();
    let verdict = check_seed("p1-slope", "0.0067").expect("p1-slope");
    progress.record("p1-slope", "0.0067", &verdict);
    progress.reveal_hint("p1-slope", 3);
    progress.switch_set(99);
    let after = progress.get("p1-slope").cloned().unwrap_or_default();
    assert!(after.solved);
    assert_eq!((after.attempts, after.hints_shown, after.last_input.as_str()), (0, 0, ""));
    assert!(!progress.solution_unlocked("p1-slope"));
    let ids: Vec<&str> = problems::all().flat_map(|p| &p.answers).map(|a| a.id).collect();
    assert_eq!(ids.len(), 10);
    assert_eq!(progress.summary(ids.iter().copied()), "1 of 10 correct");
    let (restored, problem) = Progress::load(&progress.serialize());
    assert_eq!((restored.seed(), problem), (99, None));
}

/// The text of an HTML fragment: tags dropped, the few entities the page uses decoded.
fn html_text(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn the_pages_forms_and_the_problems_agree() {
    let html = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html");
    let mut page_ids = Vec::new();
    for chunk in html.split("<form class=\"answer\" data-answer=\"").skip(1) {
        let id = &chunk[..chunk.find('"').expect("closing quote")];
        page_ids.push(id.to_owned());
        let answer = problems::answer(id).unwrap_or_else(|| panic!("the page's box {id} has no answer in Rust"));
        let label_start = chunk.find("<label").expect("a label");
        let label = &chunk[label_start..];
        let label = &label[label.find('>').expect("label tag") + 1..label.find("</label>").expect("label end")];
        assert_eq!(html_text(label), answer.label, "the label of {id}");
        let form = &chunk[..chunk.find("</form>").expect("form end")];
        assert!(form.contains("role=\"status\"") && form.contains(&format!("id=\"{id}-feedback\"")), "{id}");
        assert!(form.contains("<button type=\"submit\">Check"), "{id}");
    }
    let rust_ids: Vec<&str> = problems::all().flat_map(|p| &p.answers).map(|a| a.id).collect();
    assert_eq!(page_ids, rust_ids, "every answer has its box, in page order");
    // The further problems' questions are written in the page exactly as Rust asks them.
    for p in problems::extra() {
        let block = html
            .split(&format!("data-problem=\"{}\"", p.id))
            .nth(1)
            .unwrap_or_else(|| panic!("no block for {}", p.id));
        let question = &block[block.find("<p class=\"problem\">").expect("a question") + 19..];
        let question = &question[..question.find("</p>").expect("question end")];
        assert_eq!(html_text(question), p.prompt, "{}", p.id);
    }
    assert!(html.contains("id=\"practice-more\""));
    assert!(html.contains("data-progress-summary"));
}
