//! The answer checker against a table of typed answers, the lesson's own numbers, hostile input
//! and random strings. Expected values come from the lesson's hand-worked solutions, not from
//! the code under test.

use vanishing_gradients::check::{check, check_seed, read, Progress, Verdict, ACCEPTED_FORMS};
use vanishing_gradients::problems::{self, depth_problem, sigmoid_slope_problem, Answer, UnitKind};

fn verdict(id: &str, input: &str) -> Verdict {
    check_seed(id, input).unwrap_or_else(|| panic!("no seed answer {id}"))
}

fn seed_answer(id: &str) -> &'static Answer {
    problems::answer(id).unwrap_or_else(|| panic!("no seed answer {id}"))
}

/// Every verdict's text starts with the word the page contract promises.
fn assert_well_formed(v: &Verdict, context: &str) {
    let prefix = match v.verdict_word() {
        "correct" => "Correct",
        "incorrect" => "Not quite",
        "invalid" => "Can't read",
        other => panic!("{context}: unknown verdict {other}"),
    };
    assert!(v.message.starts_with(prefix), "{context}: {:?}", v.message);
    assert_eq!(v.counts_as_attempt(), v.verdict_word() != "invalid", "{context}");
}

/// (answer id, typed, expected verdict, expected diagnosis code or "" for none)
const TABLE: &[(&str, &str, &str, &str)] = &[
    // σ′(5): the lesson's roundings and every reading form.
    ("p1-slope", "0.0066", "correct", ""),
    ("p1-slope", "0.0067", "correct", ""),
    ("p1-slope", "0.00665", "correct", ""),
    ("p1-slope", "0.006648", "correct", ""),
    ("p1-slope", ".0067", "correct", ""),
    ("p1-slope", "  0.00665  ", "correct", ""),
    ("p1-slope", "0.0067\t", "correct", ""),
    ("p1-slope", "\u{A0}0.0067", "correct", ""),
    ("p1-slope", "\u{FEFF}0.0067\u{200B}", "correct", ""),
    ("p1-slope", "+0.0067", "correct", ""),
    ("p1-slope", "6.7e-3", "correct", ""),
    ("p1-slope", "6.7E-3", "correct", ""),
    ("p1-slope", "6.65e−3", "correct", ""),
    ("p1-slope", "66.5e-4", "correct", ""),
    ("p1-slope", "6.7×10^-3", "correct", ""),
    ("p1-slope", "6.7*10^(-3)", "correct", ""),
    ("p1-slope", "6.7 x 10⁻³", "correct", ""),
    ("p1-slope", "6.7 X 10^−3", "correct", ""),
    ("p1-slope", "6.6 · 10⁻³", "correct", ""),
    ("p1-slope", "1/150", "correct", ""),
    ("p1-slope", "0.9933*0.0067", "correct", ""),
    ("p1-slope", "0.9933 × 0.0067", "correct", ""),
    ("p1-slope", "1/(1+e^-5)*(1-1/(1+e^-5))", "correct", ""),
    ("p1-slope", "exp(-5)/(1+exp(-5))^2", "correct", ""),
    ("p1-slope", "e^(-5)/(1+e^(-5))**2", "correct", ""),
    ("p1-slope", "(0.0067)", "correct", ""),
    ("p1-slope", "[0.0067]", "correct", ""),
    ("p1-slope", "0,0067", "correct", ""),
    ("p1-slope", "0,00665", "correct", ""),
    ("p1-slope", "0.66 %", "correct", ""),
    ("p1-slope", "0.0067*π/pi", "correct", ""),
    ("p1-slope", "EXP(-5)", "incorrect", "exp-not-slope"),
    ("p1-slope", "é", "invalid", "unreadable"),
    ("p1-slope", "0.9933", "incorrect", "sigmoid-not-slope"),
    ("p1-slope", "0.99", "incorrect", "sigmoid-not-slope"),
    ("p1-slope", "1/(1+e^-5)", "incorrect", "sigmoid-not-slope"),
    ("p1-slope", "exp(-5)", "incorrect", "exp-not-slope"),
    ("p1-slope", "e^-5", "incorrect", "exp-not-slope"),
    ("p1-slope", "0.00674", "incorrect", "exp-not-slope"),
    ("p1-slope", "0.25", "incorrect", "maximum-slope"),
    ("p1-slope", "1/4", "incorrect", "maximum-slope"),
    ("p1-slope", "0.066", "incorrect", "power-of-ten"),
    ("p1-slope", "0.00067", "incorrect", "power-of-ten"),
    ("p1-slope", "0.67", "incorrect", "power-of-ten"),
    ("p1-slope", "66", "incorrect", "power-of-ten"),
    ("p1-slope", "-0.0067", "incorrect", "wrong-sign"),
    ("p1-slope", "−0.0067", "incorrect", "wrong-sign"),
    ("p1-slope", "0", "incorrect", "zero"),
    ("p1-slope", "0.000", "incorrect", "zero"),
    ("p1-slope", "0.007", "incorrect", "too-rounded"),
    ("p1-slope", "7e-3", "incorrect", "too-rounded"),
    ("p1-slope", "0.0067 %", "incorrect", "percent-fraction"),
    ("p1-slope", "0.0065", "incorrect", ""),
    ("p1-slope", "0.5", "incorrect", ""),
    ("p1-slope", "1e-9", "incorrect", ""),
    ("p1-slope", "1000", "incorrect", ""),
    ("p1-slope", "", "invalid", "empty"),
    ("p1-slope", "   ", "invalid", "empty"),
    ("p1-slope", "abc", "invalid", "unreadable"),
    ("p1-slope", "0.0067.1", "invalid", "unreadable"),
    ("p1-slope", "6.7 10^-3", "invalid", "unreadable"),
    ("p1-slope", "6.7e", "invalid", "unreadable"),
    ("p1-slope", "(0.0067", "invalid", "unreadable"),
    ("p1-slope", "0.0067)", "invalid", "unreadable"),
    ("p1-slope", "σ(5)", "invalid", "unreadable"),
    ("p1-slope", "log(5)", "invalid", "unreadable"),
    ("p1-slope", "%", "invalid", "unreadable"),
    ("p1-slope", "0.0067%%", "invalid", "unreadable"),
    ("p1-slope", "1,000", "invalid", "unreadable"),
    ("p1-slope", "0.0067;", "invalid", "unreadable"),
    ("p1-slope", "x", "invalid", "unreadable"),
    ("p1-slope", "NaN", "invalid", "unreadable"),
    ("p1-slope", "inf", "invalid", "unreadable"),
    ("p1-slope", "1e999", "invalid", "not-finite"),
    ("p1-slope", "1/0", "invalid", "not-finite"),
    ("p1-slope", "0/0", "invalid", "not-finite"),
    ("p1-slope", "ln(0)", "invalid", "not-finite"),
    ("p1-slope", "sqrt(-1)", "invalid", "not-finite"),
    ("p1-slope", "(-8)^(1/3)", "invalid", "not-finite"),
    // σ′(5) against the maximum: a percent, or the same share as a fraction.
    ("p1-compare", "2.7%", "correct", ""),
    ("p1-compare", "2.7 %", "correct", ""),
    ("p1-compare", "2.66%", "correct", ""),
    ("p1-compare", "2.66 %", "correct", ""),
    ("p1-compare", "2.6 %", "correct", ""),
    ("p1-compare", "2.68 %", "correct", ""),
    ("p1-compare", "2,7 %", "correct", ""),
    ("p1-compare", "2.7％", "correct", ""),
    ("p1-compare", "2.7e0 %", "correct", ""),
    ("p1-compare", "0.027", "correct", ""),
    ("p1-compare", "0.0266", "correct", ""),
    ("p1-compare", "27e-3", "correct", ""),
    ("p1-compare", "0.0067/0.25", "correct", ""),
    ("p1-compare", "4*0.0067", "correct", ""),
    ("p1-compare", "1/37.6", "correct", ""),
    ("p1-compare", "0.0067/0.25*100%", "correct", ""),
    ("p1-compare", "(0.0066/0.25)*100 %", "correct", ""),
    ("p1-compare", "2.7", "invalid", "missing-percent"),
    ("p1-compare", "2.66", "invalid", "missing-percent"),
    ("p1-compare", "2.6", "invalid", "missing-percent"),
    ("p1-compare", "2,7", "invalid", "missing-percent"),
    ("p1-compare", "0.0067/0.25*100", "invalid", "missing-percent"),
    ("p1-compare", "0.027 %", "incorrect", "percent-fraction"),
    ("p1-compare", "0.0266%", "incorrect", "percent-fraction"),
    ("p1-compare", "37.6", "incorrect", "ratio-upside-down"),
    ("p1-compare", "37.59", "incorrect", "ratio-upside-down"),
    ("p1-compare", "37", "incorrect", "ratio-upside-down"),
    ("p1-compare", "0.25/0.0067", "incorrect", "ratio-upside-down"),
    ("p1-compare", "3760 %", "incorrect", "ratio-upside-down"),
    ("p1-compare", "0.0067", "incorrect", "slope-not-share"),
    ("p1-compare", "0.0066", "incorrect", "slope-not-share"),
    ("p1-compare", "0.67 %", "incorrect", "slope-not-share"),
    ("p1-compare", "0.243", "incorrect", "difference-not-share"),
    ("p1-compare", "24.3 %", "incorrect", "difference-not-share"),
    ("p1-compare", "97.3 %", "incorrect", "shortfall-not-share"),
    ("p1-compare", "0.973", "incorrect", "shortfall-not-share"),
    ("p1-compare", "27 %", "incorrect", "power-of-ten"),
    ("p1-compare", "0.27", "incorrect", "power-of-ten"),
    ("p1-compare", "0.0027", "incorrect", "power-of-ten"),
    ("p1-compare", "0.27 %", "incorrect", "power-of-ten"),
    ("p1-compare", "-2.7 %", "incorrect", "wrong-sign"),
    ("p1-compare", "0", "incorrect", "zero"),
    ("p1-compare", "0 %", "incorrect", "zero"),
    ("p1-compare", "3 %", "incorrect", "too-rounded"),
    ("p1-compare", "0.03", "incorrect", "too-rounded"),
    ("p1-compare", "5 %", "incorrect", ""),
    ("p1-compare", "50 %", "incorrect", ""),
    ("p1-compare", "0.25", "incorrect", ""),
    ("p1-compare", "2.7 % %", "invalid", "unreadable"),
    ("p1-compare", "% 2.7", "invalid", "unreadable"),
    ("p1-compare", "2.7 percent", "invalid", "unreadable"),
    // The gradient after five layers of 0.2.
    ("p2-gradient", "0.00032", "correct", ""),
    ("p2-gradient", ".00032", "correct", ""),
    ("p2-gradient", "0.000320", "correct", ""),
    ("p2-gradient", "3.2e-4", "correct", ""),
    ("p2-gradient", "3.20E-4", "correct", ""),
    ("p2-gradient", "32e-5", "correct", ""),
    ("p2-gradient", "3.2×10^-4", "correct", ""),
    ("p2-gradient", "3.2*10^(-4)", "correct", ""),
    ("p2-gradient", "3.2 x 10⁻⁴", "correct", ""),
    ("p2-gradient", "3.2 · 10⁻⁴", "correct", ""),
    ("p2-gradient", "0.2^5", "correct", ""),
    ("p2-gradient", "0.2**5", "correct", ""),
    ("p2-gradient", "0.2⁵", "correct", ""),
    ("p2-gradient", "0.2*0.2*0.2*0.2*0.2", "correct", ""),
    ("p2-gradient", "0.2 × 0.2 × 0.2 × 0.2 × 0.2", "correct", ""),
    ("p2-gradient", "(1/5)^5", "correct", ""),
    ("p2-gradient", "1/3125", "correct", ""),
    ("p2-gradient", "0,00032", "correct", ""),
    ("p2-gradient", "0.032 %", "correct", ""),
    ("p2-gradient", "  0.00032\n", "correct", ""),
    ("p2-gradient", "0.2*5", "incorrect", "product-not-power"),
    ("p2-gradient", "0.2 × 5", "incorrect", "product-not-power"),
    ("p2-gradient", "1", "incorrect", "product-not-power"),
    ("p2-gradient", "0.2^4", "incorrect", "layer-count"),
    ("p2-gradient", "0.0016", "incorrect", "layer-count"),
    ("p2-gradient", "0.2^6", "incorrect", "layer-count"),
    ("p2-gradient", "0.000064", "incorrect", "layer-count"),
    ("p2-gradient", "6.4e-5", "incorrect", "layer-count"),
    ("p2-gradient", "0.25^5", "incorrect", "maximum-slope-not-factor"),
    ("p2-gradient", "0.000977", "incorrect", "maximum-slope-not-factor"),
    ("p2-gradient", "0.2", "incorrect", "one-layer"),
    ("p2-gradient", "0.000032", "incorrect", "power-of-ten"),
    ("p2-gradient", "0.0032", "incorrect", "power-of-ten"),
    ("p2-gradient", "3.2e-5", "incorrect", "power-of-ten"),
    ("p2-gradient", "3.2", "incorrect", "power-of-ten"),
    ("p2-gradient", "32", "incorrect", "power-of-ten"),
    ("p2-gradient", "2^5", "incorrect", "power-of-ten"),
    ("p2-gradient", "-0.00032", "incorrect", "wrong-sign"),
    ("p2-gradient", "0", "incorrect", "zero"),
    ("p2-gradient", "0.2^99999", "incorrect", "zero"),
    ("p2-gradient", "0.0003", "incorrect", "too-rounded"),
    ("p2-gradient", "3e-4", "incorrect", "too-rounded"),
    ("p2-gradient", "0.00032 %", "incorrect", "percent-fraction"),
    ("p2-gradient", "0.00035", "incorrect", ""),
    ("p2-gradient", "0.5", "incorrect", ""),
    ("p2-gradient", "1e-300", "incorrect", ""),
    ("p2-gradient", "1e999", "invalid", "not-finite"),
    ("p2-gradient", "-1e999", "invalid", "not-finite"),
    ("p2-gradient", "10^400", "invalid", "not-finite"),
    ("p2-gradient", "1e308*10", "invalid", "not-finite"),
    ("p2-gradient", "0.2^-99999", "invalid", "not-finite"),
    ("p2-gradient", "9^9^9", "invalid", "not-finite"),
    ("p2-gradient", "exp(exp(exp(exp(5))))", "invalid", "not-finite"),
    ("p2-gradient", "0.2^", "invalid", "unreadable"),
    ("p2-gradient", "^5", "invalid", "unreadable"),
    ("p2-gradient", "0.2 5", "invalid", "unreadable"),
    ("p2-gradient", "five", "invalid", "unreadable"),
    ("p2-gradient", "0.2⁻", "invalid", "unreadable"),
    ("p2-gradient", "⁵", "invalid", "unreadable"),
    ("p2-gradient", "0.2 ** ** 5", "invalid", "unreadable"),
    ("p2-gradient", "exp -5", "invalid", "unreadable"),
    ("p2-gradient", "()", "invalid", "unreadable"),
    ("p2-gradient", ".", "invalid", "unreadable"),
    ("p2-gradient", "\u{0}", "invalid", "unreadable"),
    ("p2-gradient", "\u{7}0.00032", "invalid", "unreadable"),
    ("p2-gradient", "0.00032\u{1b}[31m", "invalid", "unreadable"),
    ("p2-gradient", "\u{202E}0.00032", "invalid", "unreadable"),
    ("p2-gradient", "<script>alert(1)</script>", "invalid", "unreadable"),
    // The weight update with learning rate 0.1 (either sign: the step goes against the gradient).
    ("p2-update", "0.000032", "correct", ""),
    ("p2-update", "3.2e-5", "correct", ""),
    ("p2-update", "32e-6", "correct", ""),
    ("p2-update", "3.2 × 10⁻⁵", "correct", ""),
    ("p2-update", "0.1*0.00032", "correct", ""),
    ("p2-update", "0.1 × 0.2^5", "correct", ""),
    ("p2-update", "0.1*0.2**5", "correct", ""),
    ("p2-update", "1/31250", "correct", ""),
    ("p2-update", "0.0032 %", "correct", ""),
    ("p2-update", "-0.000032", "correct", ""),
    ("p2-update", "−3.2e-5", "correct", ""),
    ("p2-update", "0.00032", "incorrect", "forgot-learning-rate"),
    ("p2-update", "3.2e-4", "incorrect", "forgot-learning-rate"),
    ("p2-update", "0.2^5", "incorrect", "forgot-learning-rate"),
    ("p2-update", "0.0032", "incorrect", "divided-by-learning-rate"),
    ("p2-update", "0.00032/0.1", "incorrect", "divided-by-learning-rate"),
    ("p2-update", "0.1", "incorrect", "carried-product-not-power"),
    ("p2-update", "0.1*0.2*5", "incorrect", "carried-product-not-power"),
    ("p2-update", "0.00016", "incorrect", "carried-layer-count"),
    ("p2-update", "0.1*0.2^4", "incorrect", "carried-layer-count"),
    ("p2-update", "0.0000064", "incorrect", "carried-layer-count"),
    ("p2-update", "0.0000032", "incorrect", "power-of-ten"),
    ("p2-update", "3.2e-7", "incorrect", "power-of-ten"),
    ("p2-update", "0", "incorrect", "zero"),
    ("p2-update", "0.00003", "incorrect", "too-rounded"),
    ("p2-update", "0.000032 %", "incorrect", "percent-fraction"),
    ("p2-update", "0.000035", "incorrect", ""),
    ("p2-update", "1/0.1", "incorrect", ""),
    ("p2-update", "Δw = 0.000032", "invalid", "unreadable"),
    ("p2-update", "0.000032 0.00032", "invalid", "unreadable"),
    // More practice, worked by hand: ReLU′(3) = 1 and ReLU′(−2) = 0 (a dead unit).
    ("p3-relu-on", "1", "correct", ""),
    ("p3-relu-on", "1.0", "correct", ""),
    ("p3-relu-on", "3/3", "correct", ""),
    ("p3-relu-on", "3", "incorrect", "relu-value-not-slope"),
    ("p3-relu-on", "0.25", "incorrect", "sigmoid-maximum"),
    ("p3-relu-on", "0.045", "incorrect", "sigmoid-slope"),
    ("p3-relu-on", "0", "incorrect", "zero"),
    ("p3-relu-on", "0.99", "incorrect", ""),
    ("p3-relu-on", "one", "invalid", "unreadable"),
    ("p3-relu-off", "0", "correct", ""),
    ("p3-relu-off", "0.0", "correct", ""),
    ("p3-relu-off", "-0", "correct", ""),
    ("p3-relu-off", "1", "incorrect", "relu-always-one"),
    ("p3-relu-off", "-2", "incorrect", "z-not-slope"),
    ("p3-relu-off", "0.01", "incorrect", "leaky-slope"),
    ("p3-relu-off", "0.5", "incorrect", ""),
    ("p3-relu-off", "1e-9", "incorrect", ""),
    // 0.25⁹ ≈ 3.8 × 10⁻⁶ is still above 10⁻⁶; 0.25¹⁰ ≈ 9.5 × 10⁻⁷ is below: 10 layers.
    ("p4-layers", "10", "correct", ""),
    ("p4-layers", "10.0", "correct", ""),
    ("p4-layers", "9", "incorrect", "one-layer-short"),
    ("p4-layers", "11", "incorrect", "one-layer-more"),
    ("p4-layers", "9.97", "incorrect", "not-rounded-up"),
    ("p4-layers", "ln(1e6)/ln(4)", "incorrect", "not-rounded-up"),
    ("p4-layers", "6", "incorrect", "tenfold-per-layer"),
    ("p4-layers", "10.5", "incorrect", ""),
    ("p4-layers", "log(1e6)/log(4)", "invalid", "unreadable"),
    // σ′(z) = 0.025: s = (1 + √0.9) / 2 ≈ 0.97434, z = ln(s / (1 − s)) ≈ 3.637.
    ("p5-flat", "3.64", "correct", ""),
    ("p5-flat", "3.6", "correct", ""),
    ("p5-flat", "3.7", "correct", ""),
    ("p5-flat", "ln(0.97434/0.02566)", "correct", ""),
    ("p5-flat", "-3.64", "incorrect", "wrong-sign"),
    ("p5-flat", "0.025", "incorrect", "slope-not-z"),
    ("p5-flat", "0.9743", "incorrect", "sigmoid-not-z"),
    ("p5-flat", "2.06", "incorrect", "share-not-scaled"),
    ("p5-flat", "4", "incorrect", "too-rounded"),
    ("p5-flat", "3.5", "incorrect", ""),
    ("p5-flat", "0.364", "incorrect", "power-of-ten"),
    // Best case through 5 layers: sigmoid 0.25⁵ = 1/1024 ≈ 0.000977, tanh 1⁵ = 1, ratio 4⁵ = 1024.
    ("p6-sigmoid", "0.000977", "correct", ""),
    ("p6-sigmoid", "0.25^5", "correct", ""),
    ("p6-sigmoid", "9.77e-4", "correct", ""),
    ("p6-sigmoid", "1/1024", "correct", ""),
    ("p6-sigmoid", "1.25", "incorrect", "product-not-power"),
    ("p6-sigmoid", "0.25*5", "incorrect", "product-not-power"),
    ("p6-sigmoid", "0.0039", "incorrect", "layer-count"),
    ("p6-sigmoid", "0.25^6", "incorrect", "layer-count"),
    ("p6-sigmoid", "1", "incorrect", "tanh-not-sigmoid"),
    ("p6-sigmoid", "0.0000977", "incorrect", "power-of-ten"),
    ("p6-ratio", "1024", "correct", ""),
    ("p6-ratio", "4^5", "correct", ""),
    ("p6-ratio", "1/0.25^5", "correct", ""),
    ("p6-ratio", "4", "incorrect", "one-layer-ratio"),
    ("p6-ratio", "20", "incorrect", "product-not-power"),
    ("p6-ratio", "256", "incorrect", "layer-count"),
    ("p6-ratio", "4^6", "incorrect", "layer-count"),
    ("p6-ratio", "0.25^5", "incorrect", "ratio-upside-down"),
    ("p6-ratio", "102.4", "incorrect", "power-of-ten"),
];

#[test]
fn table_of_typed_answers() {
    assert!(TABLE.len() >= 150, "only {} rows", TABLE.len());
    let mut failures = Vec::new();
    for &(id, input, word, code) in TABLE {
        let v = verdict(id, input);
        assert_well_formed(&v, &format!("{id} {input:?}"));
        let got_code = v.diagnosis.map_or("", |d| d.code());
        if v.verdict_word() != word || got_code != code {
            failures.push(format!(
                "{id} {input:?}: expected {word}/{code}, got {}/{got_code}: {}",
                v.verdict_word(),
                v.message
            ));
        }
    }
    assert!(failures.is_empty(), "{} rows failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn expected_values_match_the_lessons_hand_worked_numbers() {
    // The lesson: σ(5) = 0.9933, σ′(5) = 0.9933 × 0.0067 = 0.0067, 0.0067 / 0.25 = 2.7 %,
    // 0.2⁵ = 0.00032, Δw = 0.1 × 0.00032 = 0.000032.
    let close = |x: f64, reference: f64, rel: f64| (x - reference).abs() <= rel * reference;
    let slope = seed_answer("p1-slope").expected;
    assert!(close(slope, 0.0067, 0.01), "{slope}");
    assert!(close(slope, 0.9933 * 0.0067, 0.002), "{slope}");
    let share = seed_answer("p1-compare").expected;
    assert!(close(share, 0.027, 0.02), "{share}");
    assert!(close(seed_answer("p2-gradient").expected, 0.00032, 1e-12));
    assert!(close(seed_answer("p2-update").expected, 0.000032, 1e-12));
    // σ′(5) by a central finite difference of 1/(1+e^(−z)), written out here.
    let sigma = |z: f64| 1.0 / (1.0 + (-z).exp());
    let h = 1e-5;
    let numeric = (sigma(5.0 + h) - sigma(5.0 - h)) / (2.0 * h);
    assert!(close(slope, numeric, 1e-8), "{slope} vs {numeric}");
    assert!(close(share, numeric / 0.25, 1e-8));
    // Units as the questions ask them.
    assert_eq!(seed_answer("p1-compare").expected_text(), "2.66 %");
}

#[test]
fn zero_and_far_values_never_pass() {
    for id in ["p1-slope", "p1-compare", "p2-gradient", "p2-update"] {
        for input in ["0", "0.0", "-0", "1e-12", "1e12", "1", "-1", "0.5", "100 %"] {
            let v = verdict(id, input);
            assert_ne!(v.verdict_word(), "correct", "{id} {input}: {}", v.message);
        }
    }
}

#[test]
fn messages_explain_what_went_wrong() {
    let msg = |id: &str, input: &str| verdict(id, input).message;
    assert!(msg("p1-compare", "2.7").contains("2.7 %"));
    assert!(msg("p1-compare", "2.7").contains("0.027"));
    assert!(msg("p1-compare", "0.027 %").contains("already the fraction"));
    assert!(msg("p1-slope", "0.0067 %").contains("leave out the % sign"));
    assert!(msg("p2-gradient", "0.000032").contains("10 times too small"));
    assert!(msg("p2-gradient", "32").contains("10⁵ times too large"));
    assert!(msg("p2-gradient", "0.2*5").contains("0.2⁵"));
    assert!(msg("p2-gradient", "0.2^4").contains("there are 5"));
    assert!(msg("p2-update", "0.00032").contains("learning rate"));
    assert!(msg("p1-compare", "37.6").contains("upside down"));
    assert!(msg("p1-slope", "0.9933").contains("σ(5)"));
    assert!(msg("p1-slope", "0.007").contains("2 significant figures"));
    assert!(msg("p1-compare", "3 %").contains("3 %"));
    assert!(msg("p2-update", "-0.000032").contains("direction"));
    assert!(msg("p1-compare", "0.027").contains("2.7 %"));
    assert!(msg("p1-slope", "abc").contains(ACCEPTED_FORMS));
    assert!(msg("p1-slope", "").contains(ACCEPTED_FORMS));
    assert!(msg("p1-slope", "(0.0067").contains("“)”"));
    assert!(msg("p1-slope", "1e999").contains("too large"));
    // Invalid answers quote the input safely: trimmed, shortened, no control characters.
    let quoted = msg("p1-slope", &format!("\u{1b}{}", "y".repeat(100)));
    assert!(!quoted.contains('\u{1b}') && quoted.contains('…'), "{quoted}");
    for sneaky in ["\u{202E}abc", "a\u{202E}bc", "0.1\u{200F}#"] {
        let m = msg("p1-slope", sneaky);
        assert!(!m.contains('\u{202E}') && !m.contains('\u{200F}'), "{m:?}");
    }
}

#[test]
fn a_strict_percent_box_diagnoses_the_bare_fraction() {
    let mut strict = seed_answer("p1-compare").clone();
    strict.unit = UnitKind::Percent;
    let cases = [
        ("2.7 %", "correct", ""),
        ("2.66%", "correct", ""),
        ("0.027", "incorrect", "percent-fraction"),
        ("0.0266", "incorrect", "percent-fraction"),
        ("2.7", "invalid", "missing-percent"),
        ("0.027 %", "incorrect", "percent-fraction"),
        ("37.6", "incorrect", "ratio-upside-down"),
    ];
    for (input, word, code) in cases {
        let v = check(&strict, input);
        assert_well_formed(&v, input);
        assert_eq!((v.verdict_word(), v.diagnosis.map_or("", |d| d.code())), (word, code), "{input}");
    }
    assert!(check(&strict, "0.027").message.contains("asks for a percent"));
    assert!(!check(&strict, "2.7").message.contains("fraction"));
}

#[test]
fn read_as_is_human() {
    let shown = |id: &str, input: &str| verdict(id, input).read_as.unwrap_or_default();
    assert_eq!(shown("p2-update", "0.000032"), "3.2 × 10⁻⁵");
    assert_eq!(shown("p2-update", "3.2e-5"), "3.2 × 10⁻⁵");
    assert_eq!(shown("p1-slope", "6.7 x 10⁻³"), "0.0067");
    assert_eq!(shown("p1-slope", ".0067"), "0.0067");
    assert_eq!(shown("p1-slope", "-0.0067"), "−0.0067");
    assert_eq!(shown("p1-compare", "2.7 %"), "2.7 % (= 0.027)");
    assert_eq!(shown("p1-compare", "2,7%"), "2.7 % (= 0.027)");
    assert_eq!(shown("p2-gradient", "0.2^5"), "0.2⁵ = 3.2 × 10⁻⁴");
    assert_eq!(shown("p2-gradient", "0.2**5"), "0.2⁵ = 3.2 × 10⁻⁴");
    assert_eq!(shown("p2-gradient", "0.2*5"), "0.2 × 5 = 1");
    assert_eq!(shown("p1-slope", "1/(1+e^-5)"), "1 / (1 + e⁻⁵) ≈ 0.993307");
    assert_eq!(shown("p1-slope", "exp(-5)"), "exp(−5) ≈ 0.00673795");
    assert_eq!(shown("p1-slope", "0.9933*0.0067"), "0.9933 × 0.0067 = 0.00665511");
    assert_eq!(verdict("p2-update", "0.000032").read_as_line().as_deref(), Some("Read as 3.2 × 10⁻⁵"));
    // A missing % is invalid but was read, so the learner sees how.
    assert_eq!(shown("p1-compare", "2.7"), "2.7");
    assert!(verdict("p1-slope", "abc").read_as.is_none());
}

#[test]
fn hints_and_worked_solutions_use_the_problems_numbers() {
    for id in ["p1-slope", "p1-compare", "p2-gradient", "p2-update"] {
        assert!((2..=3).contains(&problems::hints(id).len()), "{id}");
        assert!(problems::solution(id).len() >= 2, "{id}");
    }
    let steps = |id: &str| problems::solution(id).join(" ");
    assert!(steps("p1-slope").contains("1 / (1 + e^(−5))"));
    assert!(steps("p1-slope").contains("0.9933 × 0.0067"));
    assert!(steps("p1-compare").contains("2.66 %"));
    assert!(steps("p1-compare").contains("2.7 %"));
    assert!(steps("p2-gradient").contains("0.2 × 0.2 × 0.2 × 0.2 × 0.2 = 0.2⁵"));
    assert!(steps("p2-gradient").contains("0.00032"));
    assert!(steps("p2-update").contains("0.1 × 0.00032 = 0.000032"));
    assert!(problems::hints("p2-gradient").join(" ").contains("not 0.2 × 5"));
}

#[test]
fn other_numbers_build_consistent_problems() {
    for z in [-6.0, -3.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0, 7.5] {
        let p = sigmoid_slope_problem(z);
        let sigma = 1.0 / (1.0 + (-z).exp());
        let slope = sigma * (1.0 - sigma);
        consistent(&p.answers[0], slope);
        consistent(&p.answers[1], slope / 0.25);
        assert!(p.prompt.contains(&format!("z = {}", problems::text::plain(z, 6))));
    }
    for layers in 1..=12 {
        for factor in [0.1, 0.2, 0.25, 0.5, 0.9] {
            for rate in [0.01, 0.1, 0.5] {
                let p = depth_problem(layers, factor, rate);
                let mut g = 1.0;
                for _ in 0..layers {
                    g *= factor;
                }
                consistent(&p.answers[0], g);
                consistent(&p.answers[1], rate * g);
            }
        }
    }
}

/// The answer accepts the independently computed value typed out, rejects 0 and its own mistakes.
fn consistent(answer: &Answer, reference: f64) {
    let typed = format!("{reference:e}");
    assert_eq!(check(answer, &typed).verdict_word(), "correct", "{} {typed}", answer.id);
    assert_ne!(check(answer, "0").verdict_word(), "correct", "{}", answer.id);
    for m in &answer.mistakes {
        // A share is typed as a percent: a bare 0.99 may be "0.99 %" missing its sign.
        let typed = match answer.unit {
            UnitKind::Number => format!("{:e}", m.value),
            _ => format!("{:e} %", m.value * 100.0),
        };
        let v = check(answer, &typed);
        assert_eq!(v.verdict_word(), "incorrect", "{} {}", answer.id, m.id);
    }
    assert!(answer.solution.len() >= 2 && (2..=3).contains(&answer.hints.len()));
}

#[test]
fn hostile_input_gets_a_verdict() {
    let nested = |depth: usize| format!("{}0.2{}", "(".repeat(depth), ")".repeat(depth));
    let cases = [
        "9".repeat(1 << 20),
        " ".repeat(1 << 20),
        "(".repeat(1 << 20),
        "-".repeat(150) + "1",
        nested(10),
        nested(60),
        nested(100_000),
        vec!["2"; 60].join("^"),
        "0.2".to_string() + &"⁵".repeat(150),
        "\u{0}\u{1}\u{7f}".to_string(),
        "🙂".repeat(30),
        "1".repeat(190),
        "0.".to_string() + &"0".repeat(190) + "1",
        "1e-99999999999999999999".to_string(),
        "exp(".repeat(30) + "1" + &")".repeat(30),
    ];
    for input in &cases {
        for id in ["p1-slope", "p1-compare", "p2-gradient", "p2-update"] {
            let v = verdict(id, input);
            assert_well_formed(&v, &format!("{id} hostile {}", input.chars().take(20).collect::<String>()));
        }
    }
    assert_eq!(verdict("p2-gradient", &nested(10)).diagnosis.map(|d| d.code()), Some("one-layer"));
    assert_eq!(verdict("p2-gradient", &nested(60)).verdict_word(), "invalid");
    assert!(verdict("p2-gradient", &nested(60)).message.contains("deep"));
    assert!(verdict("p2-gradient", &"9".repeat(1 << 20)).message.contains("longer than"));
    assert!(read(&"-".repeat(150)).is_err());
}

/// A tiny xorshift so the random strings are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_strings_always_get_exactly_one_well_formed_verdict() {
    const ALPHABET: &[&str] = &[
        "0", "1", "2", "5", "9", ".", ",", "e", "E", "-", "−", "+", "*", "**", "×", "x", "/", "^", "(", ")",
        "[", "]", "%", " ", "⁻", "³", "⁵", "10", "exp", "ln", "sqrt", "π", "σ", "\u{0}", "\t", "é", "🙂",
        "999", "e999", "0.2", "0.0067",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut progress = Progress::new();
    let ids = ["p1-slope", "p1-compare", "p2-gradient", "p2-update"];
    for _ in 0..20_000 {
        let len = rng.below(40);
        let input: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        let id = ids[rng.below(ids.len())];
        let v = verdict(id, &input);
        assert_well_formed(&v, &format!("{id} {input:?}"));
        assert_eq!(v.read_as.is_some(), read(&input).is_ok(), "{input:?}");
        progress.record(id, &input, &v);
    }
    let saved = progress.serialize();
    assert_eq!(Progress::load(&saved), (progress, None));
    // Random bytes as a saved record never panic.
    for _ in 0..2_000 {
        let len = rng.below(80);
        let text: String = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        let _ = Progress::load(&format!("vg-progress 1\n{text}"));
    }
}
