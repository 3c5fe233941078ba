//! One lab page's state: the main run, an optional comparison run on the same data, seed and
//! shape, the example the ledger follows, and their round trip through the page's URL query.
//!
//! The lab's keys are the core's query keys (`lab::query`) with a `lab.` prefix, so they never
//! clash with other figures' keys: `lab.preset`, `lab.data`, `lab.points`, `lab.noise`,
//! `lab.layers`, `lab.width`, `lab.act`, `lab.init`, `lab.lr`, `lab.batch`, `lab.seed`; the
//! comparison run's `lab.vs.act` (or `none`), `lab.vs.init`, `lab.vs.lr`; and `lab.example`.
//! Only settings that differ from the story they start from are written, so the default lab
//! leaves the query empty. Anything malformed falls back with a note; nothing panics.

use crate::lab::presets::{self, Preset, PRESETS};
use crate::lab::{Activation, Init, LabConfig, LayerStats, Trainer};

/// The prefix of every query key the lab reads and writes.
pub const PREFIX: &str = "lab.";
/// Longer queries are not read for lab settings (the defaults are used, with a note).
pub const MAX_SEARCH: usize = 4096;

/// One training run and what it looked like before the first step.
#[derive(Clone, Debug)]
pub struct Run {
    /// The run itself.
    pub trainer: Trainer,
    /// Per layer, over the whole dataset at the initial weights (step 0's picture).
    pub start: Vec<LayerStats>,
    /// The whole-dataset loss at the initial weights.
    pub start_loss: f64,
    /// Its name in legends and sentences, e.g. "sigmoid" or "ReLU (He)".
    pub name: String,
}

impl Run {
    fn new(config: &LabConfig) -> Result<Run, crate::lab::ConfigError> {
        let mut trainer = Trainer::new(config)?;
        let start = trainer.evaluate();
        Ok(Run {
            trainer,
            start: start.layers,
            start_loss: start.loss,
            name: activation_name(config.activation).to_string(),
        })
    }

    /// The latest step's per-layer numbers, or the starting picture before the first step.
    pub fn layers(&self) -> &[LayerStats] {
        if self.trainer.steps() == 0 {
            &self.start
        } else {
            &self.trainer.last_step().layers
        }
    }

    /// Mean |∂L/∂W| per layer, now (see [`Run::layers`]).
    pub fn gradients(&self) -> Vec<f64> {
        self.layers().iter().map(|l| l.grad_mean_abs).collect()
    }

    /// Whether training has stopped on a failure.
    pub fn failed(&self) -> bool {
        self.trainer.failure().is_some()
    }
}

/// The lab's whole state.
#[derive(Clone, Debug)]
pub struct LabSession {
    base: &'static Preset,
    main: Run,
    comparison: Option<Run>,
    notes: Vec<String>,
    example: usize,
}

impl LabSession {
    /// The lab as the `lab.` keys of `search` (a URL query, with or without `?`) describe it;
    /// other keys are ignored. Never fails: bad values fall back with a note.
    pub fn from_search(search: &str) -> LabSession {
        let search = search.strip_prefix('?').unwrap_or(search);
        let mut notes = Vec::new();
        let (mut main_query, mut vs_query) = (String::new(), String::new());
        let (mut compare, mut example) = (true, None);
        if search.len() > MAX_SEARCH {
            notes.push("The address is too long to read the lab's settings from; used the defaults.".to_string());
        } else {
            for part in search.split('&') {
                let Some(own) = part.strip_prefix(PREFIX) else {
                    continue;
                };
                let (key, value) = own.split_once('=').unwrap_or((own, ""));
                match key.strip_prefix("vs.") {
                    Some("act") if value == "none" => compare = false,
                    Some("act" | "init" | "lr") => append(&mut vs_query, &own[3..], '&'),
                    Some(other) => notes.push(format!(
                        "Ignored vs.{}: the comparison run shares everything with this run but its activation, initialisation and learning rate.",
                        quote(other)
                    )),
                    None if key == "example" => example = Some(value),
                    None => append(&mut main_query, own, '&'),
                }
            }
        }
        let parsed = LabConfig::from_query(&main_query);
        notes.extend(parsed.notes);
        let base = parsed.preset.and_then(presets::find).unwrap_or(&PRESETS[0]);
        let main_config = parsed.config;
        let comparison_config = compare.then(|| {
            let partner = companion(base);
            let read = LabConfig::from_query(&format!("preset={}&{vs_query}", partner.id));
            for note in read.notes {
                notes.push(format!("Comparison run: {note}"));
            }
            LabConfig {
                activation: read.config.activation,
                init: read.config.init,
                learning_rate: read.config.learning_rate,
                ..main_config
            }
        });
        // `from_query` only returns valid settings, and the defaults are valid (tested).
        let mut main = match Run::new(&main_config).or_else(|_| Run::new(&LabConfig::DEFAULT)) {
            Ok(run) => run,
            Err(_) => unreachable!("the default settings are valid"),
        };
        let mut comparison = comparison_config.and_then(|c| Run::new(&c).ok());
        if let Some(b) = comparison.as_mut() {
            (main.name, b.name) = run_names(main.trainer.config(), b.trainer.config());
        }
        let mut session = LabSession { base, main, comparison, notes, example: 0 };
        session.set_example_from(example);
        session
    }

    fn set_example_from(&mut self, value: Option<&str>) {
        let Some(value) = value else { return };
        let points = self.main.trainer.dataset().len();
        match value.parse::<usize>() {
            Ok(i) if i < points => self.example = i,
            _ => self.notes.push(format!(
                "Ignored example=\"{}\": expected a whole number from 0 to {}; kept 0.",
                quote(value),
                points.saturating_sub(1)
            )),
        }
    }

    /// `current` (a URL query) with the lab's keys rewritten for this state and every other
    /// key kept as it was, in order. Returns `""` or a string starting with `?`.
    pub fn search(&self, current: &str) -> String {
        let current = current.strip_prefix('?').unwrap_or(current);
        let mut search = String::new();
        for part in current.split('&').filter(|part| !part.is_empty() && !part.starts_with(PREFIX)) {
            append(&mut search, part, '&');
        }
        for pair in self.own_pairs() {
            append(&mut search, &format!("{PREFIX}{pair}"), '&');
        }
        if search.is_empty() {
            search
        } else {
            format!("?{search}")
        }
    }

    /// The lab's `key=value` pairs (without the prefix) that differ from its story's defaults.
    fn own_pairs(&self) -> Vec<String> {
        let mut pairs = Vec::new();
        if self.base.id != PRESETS[0].id {
            pairs.push(format!("preset={}", self.base.id));
        }
        let mine = self.main.trainer.config().to_query();
        let theirs = self.base.config.to_query();
        for (pair, default) in mine.split('&').zip(theirs.split('&')) {
            if pair != default {
                pairs.push(pair.to_string());
            }
        }
        match &self.comparison {
            None => pairs.push("vs.act=none".to_string()),
            Some(run) => {
                let b = run.trainer.config();
                let c = companion(self.base).config;
                let fields = [
                    ("act", b.activation.name().to_string(), c.activation.name().to_string()),
                    ("init", b.init.name().to_string(), c.init.name().to_string()),
                    ("lr", format!("{}", b.learning_rate), format!("{}", c.learning_rate)),
                ];
                for (key, value, default) in fields {
                    if value != default {
                        pairs.push(format!("vs.{key}={value}"));
                    }
                }
            }
        }
        if self.example != 0 {
            pairs.push(format!("example={}", self.example));
        }
        pairs
    }

    /// Every setting, unprefixed, for filling the page's controls:
    /// `preset=…&data=…&…&seed=…&vs.act=…&vs.init=…&vs.lr=…&example=…`
    /// (`vs.act=none` when there is no comparison run).
    pub fn settings(&self) -> String {
        let vs = match &self.comparison {
            None => "vs.act=none".to_string(),
            Some(run) => {
                let b = run.trainer.config();
                format!(
                    "vs.act={}&vs.init={}&vs.lr={}",
                    b.activation.name(),
                    b.init.name(),
                    b.learning_rate
                )
            }
        };
        format!(
            "preset={}&{}&{vs}&example={}",
            self.base.id,
            self.main.trainer.config().to_query(),
            self.example
        )
    }

    /// What in the query was ignored or replaced, one sentence each.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The story these settings start from (the default story when the query names none).
    pub fn base(&self) -> &'static Preset {
        self.base
    }

    /// The story whose settings the main run has exactly, if any.
    pub fn preset(&self) -> Option<&'static Preset> {
        presets::matching(self.main.trainer.config())
    }

    /// The main run.
    pub fn main(&self) -> &Run {
        &self.main
    }

    /// The comparison run, if there is one.
    pub fn comparison(&self) -> Option<&Run> {
        self.comparison.as_ref()
    }

    /// The main run, mutably (for the decision grid and evaluations).
    pub fn main_mut(&mut self) -> &mut Run {
        &mut self.main
    }

    /// Up to `steps` steps of both runs, the comparison only as many as the main run managed.
    /// Returns whether the main run can go on (false once it has failed).
    pub fn run(&mut self, steps: usize) -> bool {
        let before = self.main.trainer.steps();
        let outcome = self.main.trainer.run(steps);
        let done = (self.main.trainer.steps() - before) as usize;
        if let Some(run) = self.comparison.as_mut() {
            let _ = run.trainer.run(done); // a failure is kept in the trainer and shown
        }
        outcome.is_ok()
    }

    /// Steps the main run has completed.
    pub fn steps(&self) -> u64 {
        self.main.trainer.steps()
    }

    /// The dataset point the ledger follows.
    pub fn example(&self) -> usize {
        self.example
    }

    /// Follow point `index` in the ledger (clamped to the dataset).
    pub fn set_example(&mut self, index: usize) {
        self.example = index.min(self.main.trainer.dataset().len().saturating_sub(1));
    }
}

/// The story a preset is compared with by default: deep sigmoid ↔ ReLU learns, ReLU dies ↔
/// leaky ReLU recovers.
pub fn companion(preset: &Preset) -> &'static Preset {
    let partner = match preset.id {
        "relu-learns" => "deep-sigmoid",
        "relu-dies" => "leaky-recovers",
        "leaky-recovers" => "relu-dies",
        _ => "relu-learns",
    };
    presets::find(partner).unwrap_or(&PRESETS[1])
}

/// The activation as the lesson writes it.
pub fn activation_name(activation: Activation) -> &'static str {
    match activation {
        Activation::Sigmoid => "sigmoid",
        Activation::Tanh => "tanh",
        Activation::Relu => "ReLU",
        Activation::LeakyRelu => "leaky ReLU",
    }
}

/// The initialisation as the lesson writes it.
pub fn init_name(init: Init) -> &'static str {
    match init {
        Init::Xavier => "Xavier",
        Init::He => "He",
        Init::Small => "small",
        Init::Large => "large",
    }
}

/// Short names that tell two runs apart: the activation, then the initialisation and the
/// learning rate only where needed.
pub fn run_names(a: &LabConfig, b: &LabConfig) -> (String, String) {
    let mut names = (
        activation_name(a.activation).to_string(),
        activation_name(b.activation).to_string(),
    );
    if a.activation == b.activation {
        names.0 = format!("{}, {}", names.0, init_name(a.init));
        names.1 = format!("{}, {}", names.1, init_name(b.init));
        if a.init == b.init {
            names.0 = format!("{}, lr {}", names.0, a.learning_rate);
            names.1 = format!("{}, lr {}", names.1, b.learning_rate);
        }
    }
    names
}

/// Appends `part` to `text`, after `separator` unless `text` is empty.
pub fn append(text: &mut String, part: &str, separator: char) {
    if !text.is_empty() {
        text.push(separator);
    }
    text.push_str(part);
}

/// At most 24 characters of `text`, control characters removed, for quoting back.
fn quote(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(25).collect();
    if clean.chars().count() > 24 {
        clean.chars().take(24).chain(['…']).collect()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

/// The default comparison settings for `main` loaded from `preset`.
fn comparison_of(preset: &Preset, main: &LabConfig) -> LabConfig {
    let partner = companion(preset).config;
    LabConfig {
        activation: partner.activation,
        init: partner.init,
        learning_rate: partner.learning_rate,
        ..*main
    }
}

    #[test]
    fn the_default_lab_writes_no_keys_and_keeps_other_keys() {
        let session = LabSession::from_search("");
        assert!(session.notes().is_empty());
        assert_eq!(session.search("?view=scroll&sigmoid.z=2"), "?view=scroll&sigmoid.z=2");
        assert_eq!(session.search(""), "");
        assert_eq!(session.main().trainer.config(), &LabConfig::DEFAULT);
        let b = session.comparison().map(|c| *c.trainer.config());
        assert_eq!(b, Some(comparison_of(&PRESETS[0], &LabConfig::DEFAULT)));
    }

    #[test]
    fn settings_round_trip_through_the_query() {
        let search = "?x=1&lab.preset=relu-dies&lab.layers=3&lab.vs.lr=0.3&lab.example=7";
        let session = LabSession::from_search(search);
        assert!(session.notes().is_empty(), "{:?}", session.notes());
        let written = session.search("?x=1&lab.stale=1");
        assert_eq!(written, "?x=1&lab.preset=relu-dies&lab.layers=3&lab.vs.lr=0.3&lab.example=7");
        let again = LabSession::from_search(&written);
        assert_eq!(again.main().trainer.config(), session.main().trainer.config());
        assert_eq!(
            again.comparison().map(|c| *c.trainer.config()),
            session.comparison().map(|c| *c.trainer.config())
        );
        assert_eq!(again.example(), 7);
        let none = LabSession::from_search("lab.vs.act=none");
        assert!(none.comparison().is_none());
        assert_eq!(none.search(""), "?lab.vs.act=none");
    }

    #[test]
    fn bad_values_fall_back_with_notes() {
        let session = LabSession::from_search("lab.layers=abc&lab.vs.act=swish&lab.vs.data=xor&lab.example=99999&lab.preset=nope");
        assert_eq!(session.main().trainer.config(), &LabConfig::DEFAULT);
        assert_eq!(session.notes().len(), 5, "{:?}", session.notes());
        assert!(session.notes().iter().any(|n| n.starts_with("Comparison run:")));
        let long = format!("lab.layers={}", "9".repeat(MAX_SEARCH));
        assert_eq!(LabSession::from_search(&long).notes().len(), 1);
    }

    #[test]
    fn presets_pair_with_their_companions() {
        for preset in PRESETS.iter() {
            let session = LabSession::from_search(&format!("lab.preset={}", preset.id));
            assert_eq!(session.preset().map(|p| p.id), Some(preset.id));
            let b = session.comparison().map(|c| c.trainer.config().activation);
            assert_eq!(b, Some(companion(preset).config.activation));
            assert_ne!(session.main().name, session.comparison().map_or("", |c| &c.name));
        }
    }
}
