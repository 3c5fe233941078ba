//! Property tests at scale for everything that reads text a learner, a link or a stored record
//! can hand the lesson: the answer reader and grader (`check::read`, `check::check_seed`), the
//! figures' URL query (`FigureState::from_query`), the lab's URL settings (`LabConfig::from_query`)
//! and the saved progress record (`Progress::load`).
//!
//! A std-only seeded generator (xorshift64*) builds inputs from each reader's own vocabulary,
//! from mutations of valid inputs, and from hostile text (markup, bidi and invisible characters,
//! percent-encoding, huge and non-finite numbers, deep nesting). Every input is run under
//! `catch_unwind`: the test fails on the first panic and prints that input. Beyond "no panic",
//! each reader is held to what it promises (a verdict is one of three words, settings read from
//! anything are valid, written state reads back the same).
//!
//! Cases per reader: `VG_FUZZ_CASES` (default 50,000 in debug, 1,000,000 in release):
//! `cargo test --release --test fuzz_readers -- --nocapture` for the full run.

use std::panic::{catch_unwind, AssertUnwindSafe};

use vanishing_gradients::check::{self, Progress};
use vanishing_gradients::figures::FigureState;
use vanishing_gradients::lab::LabConfig;

/// xorshift64*: small, seeded, reproducible.
struct Gen(u64);

impl Gen {
    fn new(seed: u64) -> Self {
        Gen(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// Any char, weighted toward ASCII, with some from the BMP and beyond.
    fn any_char(&mut self) -> char {
        match self.below(10) {
            0..=5 => char::from(32 + self.below(95) as u8),
            6 => char::from(self.below(32) as u8),
            7 => char::from_u32(0x80 + self.below(0x780) as u32).unwrap_or('?'),
            8 => char::from_u32(0x2000 + self.below(0x1000) as u32).unwrap_or('?'),
            _ => char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{FFFD}'),
        }
    }
    fn noise(&mut self, max: usize) -> String {
        let n = self.below(max + 1);
        (0..n).map(|_| self.any_char()).collect()
    }
}

/// Text every reader should meet: markup, script, encodings, invisible and direction marks.
const HOSTILE: &[&str] = &[
    "<img src=x onerror=window.__pwned=1>", "<script>window.__pwned=1</script>", "\"><svg onload=alert(1)>",
    "javascript:alert(1)", "%3Cscript%3E", "%", "%%", "%zz", "%C3%28", "%E2%82", "%00", "\u{0}", "\u{202E}",
    "\u{2066}", "\u{200B}", "\u{200F}", "\u{FEFF}", "\u{FFFD}", "\u{1F4A9}", "e\u{301}", "１２", "٣", "\t", "\n",
    "\r\n", "&", "=", "==", "&&&", "#", "?", "/", "\\", "'", "\"", "`", "${x}", "{{x}}", "NaN", "nan", "inf",
    "-inf", "Infinity", "1e309", "-1e309", "1e-400", "0x10", "-0", "+0", "00000000000000000000001",
    "99999999999999999999999999999999", "__proto__", "constructor", "toString",
];

/// Pieces of what learners type (numbers, operators, powers, percents, names).
const ANSWER_TOKENS: &[&str] = &[
    "0", "1", "2", "5", "7", "0.0067", "6.6", "0.9933", "0.25", "0.2", "0.00032", "0.000032", ".", ",", "e",
    "E", "e-3", "e+", "×", "x", "*", "·", "/", "÷", "^", "**", "⁻", "³", "⁵", "²", "10", "+", "-", "−", "–", "(",
    ")", "[", "]", "%", " %", "percent", " ", "  ", "σ", "sigma", "σ'", "σ′", "'", "′", "exp", "e^", "≈", "~",
    "=", "z", "w", "Δw", "lr", "≤", "½", "π", "√", "sqrt", "1/4", "5.", "..", "1e", "1_000", "1 000", "٫",
];

/// Answers that must read (used as seeds for mutation).
const ANSWER_SEEDS: &[&str] = &[
    "0.0067", "6.6e-3", "0.9933*0.0067", "0.9933 × 0.0067", "6.7 × 10⁻³", "2.7 %", "2.7%", "0.027", "0.0067/0.25",
    "0.2^5", "0.2**5", "0.00032", "3.2e-4", "0.1 * 0.00032", "0.000032", "3.2 × 10^-5", "(0.2)^5", "1/(1+e^-5)",
];

/// The seed's four answers and the further problems' six (all at the lesson's numbers).
const ANSWER_IDS: &[&str] = &[
    "p1-slope", "p1-compare", "p2-gradient", "p2-update", "p3-relu-on", "p3-relu-off", "p4-layers", "p5-flat",
    "p6-sigmoid", "p6-ratio",
];

const FIGURE_KINDS: &[&str] = &["sigmoid", "relu", "depth", "ball"];
const FIGURE_KEYS: &[&str] = &[
    "sigmoid.z", "relu.z", "relu.compare", "depth.factor", "depth.layers", "depth.lr", "ball.push", "ball.t",
    "view", "embed", "sigmoid.", "sigmoid", ".z", "SIGMOID.Z", "sigmoid.z ", "sigmoid%2Ez",
];
const FIGURE_VALUES: &[&str] = &[
    "5", "-5", "0", "3", "10", "-10", "11", "1e3", "0.1", "2.5", "0.25", "1", "0", "true", "false", "on", "off",
    "yes", " 5 ", "5%20", "%35", "+5", "50", "0.2", "0.001", "9", "7", "8", "100", "1.999999999",
    "0.30000000000000004", "5e-324", "1.7976931348623157e308",
];

const LAB_KEYS: &[&str] = &[
    "preset", "data", "points", "noise", "layers", "width", "act", "init", "lr", "batch", "seed", "", "PRESET",
    "layers ", "x",
];
const LAB_VALUES: &[&str] = &[
    "circle", "xor", "spiral", "blobs", "sigmoid", "tanh", "relu", "leaky-relu", "xavier", "he", "small", "large",
    "deep-sigmoid", "relu-rescue", "dead-relu", "exploding", "0", "1", "2", "8", "16", "32", "64", "200", "1000",
    "0.1", "0.5", "1.5", "1e-9", "-1", "4294967296", "18446744073709551616", "0.03", "3", "12",
];

fn cases() -> usize {
    let default = if cfg!(debug_assertions) { 50_000 } else { 1_000_000 };
    std::env::var("VG_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

thread_local! {
    static FUZZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Panics on a fuzzing thread are caught and reported with their input; elsewhere the usual hook runs.
fn quiet_panics_while_fuzzing() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let usual = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !FUZZING.with(std::cell::Cell::get) {
                usual(info);
            }
        }));
    });
}

/// Runs `body` on `count` generated inputs; fails on the first panic or broken promise.
fn fuzz(name: &str, seed: u64, count: usize, mut make: impl FnMut(&mut Gen) -> String, body: impl Fn(&str) -> Result<(), String>) {
    quiet_panics_while_fuzzing();
    FUZZING.with(|f| f.set(true)); // the failure message below names the input
    let mut gen = Gen::new(seed);
    let started = std::time::Instant::now();
    let mut failure = None;
    for i in 0..count {
        let input = make(&mut gen);
        match catch_unwind(AssertUnwindSafe(|| body(&input))) {
            Ok(Ok(())) => {}
            Ok(Err(broken)) => failure = Some(format!("{name}: input #{i} {input:?}: {broken}")),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                failure = Some(format!("{name}: input #{i} {input:?} PANICKED: {what}"));
            }
        }
        if failure.is_some() {
            break;
        }
    }
    FUZZING.with(|f| f.set(false));
    if let Some(failure) = failure {
        panic!("{failure}");
    }
    println!("fuzz {name}: {count} inputs, 0 panics, 0 broken promises ({:.1} s)", started.elapsed().as_secs_f64());
}

/// One of: a token soup, a mutated valid answer, hostile text, plain noise, a very long input.
fn answer_input(g: &mut Gen) -> String {
    match g.below(10) {
        0..=3 => (0..g.below(12)).map(|_| g.pick(ANSWER_TOKENS)).collect(),
        4..=6 => {
            let seed = g.pick(ANSWER_SEEDS);
            mutate(g, seed, ANSWER_TOKENS)
        }
        7 => format!("{}{}{}", g.pick(ANSWER_SEEDS), g.pick(HOSTILE), g.pick(ANSWER_TOKENS)),
        8 => g.noise(24),
        _ => {
            let piece = g.pick(&["(", "-", "0.2^", "1e9", "9", "×", "((0.2)", "⁻"]);
            piece.repeat(1 + g.below(400))
        }
    }
}

/// `base` with a few characters inserted, deleted, replaced or a token spliced in.
fn mutate(g: &mut Gen, base: &str, tokens: &[&str]) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    for _ in 0..1 + g.below(3) {
        let at = g.below(chars.len() + 1);
        match g.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => chars[at] = g.any_char(),
            2 => {
                let token = if g.below(4) == 0 { g.pick(HOSTILE) } else { g.pick(tokens) };
                for (k, c) in token.chars().enumerate() {
                    chars.insert(at + k, c);
                }
            }
            _ => chars.insert(at, g.any_char()),
        }
    }
    chars.into_iter().collect()
}

fn is_hidden_or_bidi(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[test]
fn answer_reader_and_grader_never_panic() {
    fuzz("answer reader + grader (check::read, check_seed × 10 answers)", 0x5EED_0001, cases(), answer_input, |input| {
        if let Ok(reading) = check::read(input) {
            let _ = check::read_as(&reading);
        }
        for id in ANSWER_IDS {
            let verdict = check::check_seed(id, input).ok_or_else(|| format!("answer {id} is missing"))?;
            let word = verdict.verdict_word();
            let opening = match word {
                "correct" => "Correct",
                "incorrect" => "Not quite",
                "invalid" => "Can't read",
                other => return Err(format!("verdict {other:?}")),
            };
            if !verdict.message.starts_with(opening) {
                return Err(format!("{id}: {word} message starts {:?}", verdict.message.chars().take(30).collect::<String>()));
            }
            let shown = format!("{}{}", verdict.message, verdict.read_as_line().unwrap_or_default());
            if shown.chars().any(is_hidden_or_bidi) {
                return Err(format!("{id}: the feedback quotes an invisible or direction mark: {shown:?}"));
            }
        }
        Ok(())
    });
}

fn query_input(g: &mut Gen, keys: &[&str], values: &[&str]) -> String {
    match g.below(10) {
        0..=6 => {
            let mut out = String::from(if g.below(3) == 0 { "" } else { "?" });
            for i in 0..g.below(8) {
                if i > 0 {
                    out.push('&');
                }
                out.push_str(if g.below(8) == 0 { g.pick(HOSTILE) } else { g.pick(keys) });
                if g.below(8) != 0 {
                    out.push('=');
                    out.push_str(match g.below(8) {
                        0 => g.pick(HOSTILE),
                        1 => g.pick(FIGURE_VALUES),
                        _ => g.pick(values),
                    });
                }
            }
            if g.below(5) == 0 {
                mutate(g, &out, values)
            } else {
                out
            }
        }
        7 => g.noise(40),
        8 => format!("?{}={}", g.pick(keys), "9".repeat(g.below(3000))),
        _ => "&".repeat(g.below(3000)) + g.pick(keys),
    }
}

#[test]
fn figure_query_reader_never_panics_and_round_trips() {
    fuzz("figures URL query (FigureState::from_query, write_query × 4 kinds)", 0x5EED_0002, cases(), |g| query_input(g, FIGURE_KEYS, FIGURE_VALUES), |search| {
        for kind in FIGURE_KINDS {
            let state = FigureState::from_query(kind, search).ok_or("a known kind was refused")?;
            let numbers = state.numbers();
            if numbers.iter().any(|n| !n.is_finite()) {
                return Err(format!("{kind}: non-finite control values {numbers:?}"));
            }
            let written = state.write_query(search);
            let again = FigureState::from_query(kind, &written).ok_or("kind refused on re-read")?;
            // A query over the length cap reads as defaults; a written one must still reproduce the state.
            if written.len() <= vanishing_gradients::figures::query::MAX_QUERY_LENGTH && again != state {
                return Err(format!("{kind}: {state:?} wrote {written:?}, which reads back as {again:?}"));
            }
            if FigureState::from_numbers(kind, &numbers).as_ref() != Some(&state) {
                return Err(format!("{kind}: numbers {numbers:?} do not reproduce {state:?}"));
            }
        }
        Ok(())
    });
}

#[test]
fn lab_query_reader_never_panics_and_gives_valid_settings() {
    fuzz("lab URL settings (LabConfig::from_query)", 0x5EED_0003, cases(), |g| query_input(g, LAB_KEYS, LAB_VALUES), |query| {
        let parsed = LabConfig::from_query(query);
        parsed.config.validate().map_err(|e| format!("invalid settings {:?}: {e}", parsed.config))?;
        let again = LabConfig::from_query(&parsed.config.to_query());
        if again.config != parsed.config || !again.notes.is_empty() {
            return Err(format!("{:?} does not round-trip: {:?} {:?}", parsed.config, again.config, again.notes));
        }
        Ok(())
    });
}

/// Valid records to mutate: progress after real attempts, including hostile typed text.
fn progress_seeds() -> Vec<String> {
    let mut out = vec![String::new(), Progress::new().serialize()];
    let mut gen = Gen::new(0x5EED_0004);
    for round in 0..40 {
        let mut p = Progress::new();
        for id in ANSWER_IDS.iter().take(1 + round % 4) {
            let typed = if round % 3 == 0 { gen.pick(HOSTILE).to_owned() } else { answer_input(&mut gen) };
            if let Some(verdict) = check::check_seed(id, &typed) {
                p.record(id, &typed, &verdict);
            }
            p.reveal_hint(id, round % 5);
        }
        out.push(p.serialize());
    }
    out
}

#[test]
fn progress_record_reader_never_panics_and_round_trips() {
    let seeds = progress_seeds();
    fuzz("saved progress (Progress::load)", 0x5EED_0005, cases(), |g| {
        let base = &seeds[g.below(seeds.len())];
        match g.below(8) {
            0..=4 => mutate(g, base, &["\t", "\n", "\\", "\\t", "\\n", "\\u", "-", "1", "0", "correct", "p1-slope", "vg-progress 1"]),
            5 => format!("{base}\n{}", g.noise(30)),
            6 => g.noise(60),
            _ => base.repeat(1 + g.below(60)),
        }
    }, |text| {
        let (progress, problem) = Progress::load(text);
        if problem.is_some() && progress != Progress::new() {
            return Err("a damaged record kept some progress".into());
        }
        let again = Progress::parse(&progress.serialize()).map_err(|e| format!("a serialized record does not parse: {e}"))?;
        if again != progress {
            return Err("progress does not round-trip".into());
        }
        for id in ANSWER_IDS {
            let _ = progress.get(id);
            let _ = progress.solution_unlocked(id);
        }
        let _ = progress.summary(ANSWER_IDS.iter().copied());
        Ok(())
    });
}
