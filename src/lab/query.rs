//! Settings ↔ a compact `key=value&…` string, for URLs. Bad input never fails: each malformed
//! or out-of-range value falls back (to the preset's value, else the default) with a note.
//!
//! Keys: `preset` (a preset id, applied first), `data` (circle, xor, spiral, blobs), `points`,
//! `noise`, `layers`, `width`, `act` (sigmoid, tanh, relu, leaky-relu), `init` (xavier, he,
//! small, large), `lr`, `batch`, `seed`.

use super::activation::{Activation, Init};
use super::config::{
    LabConfig, MAX_BATCH_SIZE, MAX_HIDDEN_LAYERS, MAX_LEARNING_RATE, MAX_NOISE, MAX_POINTS,
    MAX_WIDTH, MIN_HIDDEN_LAYERS, MIN_POINTS, MIN_WIDTH,
};
use super::data::DatasetKind;
use super::presets;

/// Longest piece of a hostile value quoted back in a note.
const QUOTE_CHARS: usize = 24;
/// Most notes kept (a further one says how many were left out).
const MAX_NOTES: usize = 12;

/// The settings read from a query string, and what was ignored or replaced and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedConfig {
    /// The settings: always valid.
    pub config: LabConfig,
    /// The id of the preset named by `preset=`, if it was one.
    pub preset: Option<&'static str>,
    /// One sentence per ignored key or replaced value (empty when everything was understood).
    pub notes: Vec<String>,
}

impl LabConfig {
    /// Every setting as `data=…&points=…&noise=…&layers=…&width=…&act=…&init=…&lr=…&batch=…&seed=…`.
    /// Numbers are written so that [`LabConfig::from_query`] reads back exactly the same config.
    pub fn to_query(&self) -> String {
        format!(
            "data={}&points={}&noise={}&layers={}&width={}&act={}&init={}&lr={}&batch={}&seed={}",
            self.dataset.name(),
            self.points,
            self.noise,
            self.hidden_layers,
            self.width,
            self.activation.name(),
            self.init.name(),
            self.learning_rate,
            self.batch_size,
            self.seed
        )
    }

    /// Read settings from a query string (a leading `?` or `#` is ignored). Never fails.
    pub fn from_query(query: &str) -> ParsedConfig {
        let query = query.trim_start_matches(['?', '#']);
        let pairs: Vec<(&str, &str)> = query
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| part.split_once('=').unwrap_or((part, "")))
            .collect();
        let mut notes = Notes::default();
        let mut config = LabConfig::DEFAULT;
        let mut preset = None;
        for &(_, value) in pairs.iter().filter(|(key, _)| *key == "preset") {
            match presets::find(value) {
                Some(found) => {
                    config = found.config;
                    preset = Some(found.id);
                }
                None => notes.push(format!(
                    "There is no preset \"{}\"; ignored it.",
                    quote(value)
                )),
            }
        }
        let base = config;
        for &(key, value) in &pairs {
            let mut read = Reader {
                key,
                value,
                notes: &mut notes,
            };
            match key {
                "preset" => {}
                "data" => {
                    config.dataset = read.named(
                        DatasetKind::from_name,
                        base.dataset,
                        "circle, xor, spiral or blobs",
                    )
                }
                "act" => {
                    config.activation = read.named(
                        Activation::from_name,
                        base.activation,
                        "sigmoid, tanh, relu or leaky-relu",
                    )
                }
                "init" => {
                    config.init =
                        read.named(Init::from_name, base.init, "xavier, he, small or large")
                }
                "points" => config.points = read.whole(MIN_POINTS, MAX_POINTS, base.points),
                "layers" => {
                    config.hidden_layers =
                        read.whole(MIN_HIDDEN_LAYERS, MAX_HIDDEN_LAYERS, base.hidden_layers)
                }
                "width" => config.width = read.whole(MIN_WIDTH, MAX_WIDTH, base.width),
                "batch" => config.batch_size = read.whole(1, MAX_BATCH_SIZE, base.batch_size),
                "noise" => config.noise = read.number(0.0, MAX_NOISE, true, base.noise),
                "lr" => {
                    config.learning_rate =
                        read.number(0.0, MAX_LEARNING_RATE, false, base.learning_rate)
                }
                "seed" => config.seed = read.seed(base.seed),
                _ => read
                    .notes
                    .push(format!("Ignored the unknown setting \"{}\".", quote(key))),
            }
        }
        if config.validate().is_err() {
            // Unreachable by construction (every field is range-checked above); stay safe anyway.
            notes.push("The settings did not fit together; used the defaults.".to_string());
            config = base;
        }
        ParsedConfig {
            config,
            preset,
            notes: notes.finish(),
        }
    }
}

/// Reads one `key=value` pair, noting and replacing anything it cannot use.
struct Reader<'a> {
    key: &'a str,
    value: &'a str,
    notes: &'a mut Notes,
}

impl Reader<'_> {
    fn reject<T: std::fmt::Display>(&mut self, expected: &str, kept: T) {
        self.notes.push(format!(
            "Ignored {}=\"{}\": expected {expected}; kept {kept}.",
            self.key,
            quote(self.value)
        ));
    }

    fn named<T: Copy + NameOf>(
        &mut self,
        parse: fn(&str) -> Option<T>,
        base: T,
        choices: &str,
    ) -> T {
        match parse(&self.value.to_ascii_lowercase()) {
            Some(value) => value,
            None => {
                self.reject(&format!("one of {choices}"), base.name_of());
                base
            }
        }
    }

    fn whole(&mut self, min: usize, max: usize, base: usize) -> usize {
        match self.value.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => n,
            _ => {
                self.reject(&format!("a whole number from {min} to {max}"), base);
                base
            }
        }
    }

    fn number(&mut self, min: f64, max: f64, min_allowed: bool, base: f64) -> f64 {
        let low_ok = |x: f64| if min_allowed { x >= min } else { x > min };
        match self.value.parse::<f64>() {
            Ok(x) if x.is_finite() && low_ok(x) && x <= max => x,
            _ => {
                let range = if min_allowed { "from" } else { "above" };
                self.reject(&format!("a number {range} {min} to {max}"), base);
                base
            }
        }
    }

    fn seed(&mut self, base: u64) -> u64 {
        match self.value.parse::<u64>() {
            Ok(seed) => seed,
            Err(_) => {
                self.reject("a whole number from 0 to 18446744073709551615", base);
                base
            }
        }
    }
}

/// The query-string name of a choice, for notes.
trait NameOf {
    fn name_of(self) -> &'static str;
}

impl NameOf for DatasetKind {
    fn name_of(self) -> &'static str {
        self.name()
    }
}

impl NameOf for Activation {
    fn name_of(self) -> &'static str {
        self.name()
    }
}

impl NameOf for Init {
    fn name_of(self) -> &'static str {
        self.name()
    }
}

/// Notes, capped at [`MAX_NOTES`] so a hostile string cannot produce thousands.
#[derive(Default)]
struct Notes {
    kept: Vec<String>,
    dropped: usize,
}

impl Notes {
    fn push(&mut self, note: String) {
        if self.kept.len() < MAX_NOTES {
            self.kept.push(note);
        } else {
            self.dropped += 1;
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.dropped > 0 {
            self.kept.push(format!(
                "… and {} more problems with the settings.",
                self.dropped
            ));
        }
        self.kept
    }
}

/// At most [`QUOTE_CHARS`] characters of `text`, control characters removed, for quoting back.
fn quote(text: &str) -> String {
    let mut quoted: String = text
        .chars()
        .filter(|c| !c.is_control())
        .take(QUOTE_CHARS)
        .collect();
    if text.chars().filter(|c| !c.is_control()).count() > QUOTE_CHARS {
        quoted.push('…');
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_config_round_trips_exactly() {
        let config = LabConfig {
            dataset: DatasetKind::Spiral,
            points: 123,
            noise: 0.3,
            hidden_layers: 12,
            width: 2,
            activation: Activation::LeakyRelu,
            init: Init::Small,
            learning_rate: 0.1 + 0.2,
            batch_size: 7,
            seed: u64::MAX,
        };
        let parsed = LabConfig::from_query(&config.to_query());
        assert_eq!(parsed.config, config);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    }

    #[test]
    fn malformed_values_fall_back_with_a_note() {
        let parsed = LabConfig::from_query("?layers=abc&width=99&lr=NaN&act=swish&noise=-1&x=1");
        assert_eq!(parsed.config, LabConfig::DEFAULT);
        assert_eq!(parsed.notes.len(), 6, "{:?}", parsed.notes);
        assert!(parsed.notes[0].contains("layers") && parsed.notes[0].contains("kept 8"));
    }

    #[test]
    fn a_preset_is_the_base_and_later_keys_override_it() {
        let parsed = LabConfig::from_query("lr=0.01&preset=relu-learns&layers=oops");
        let preset = presets::find("relu-learns").map(|p| p.config);
        assert_eq!(parsed.preset, Some("relu-learns"));
        let expected = preset.map(|p| LabConfig {
            learning_rate: 0.01,
            ..p
        });
        assert_eq!(Some(parsed.config), expected);
        assert_eq!(parsed.notes.len(), 1);
    }

    #[test]
    fn hostile_strings_never_panic_and_always_give_a_valid_config() {
        let long = "&=".repeat(10_000) + &"layers=1".repeat(1000);
        let hostile = [
            "",
            "?",
            "#",
            "&&&",
            "===",
            "layers",
            "layers=",
            "layers=-1",
            "layers=99999999999999999999999999",
            "lr=1e400&noise=inf&seed=-5",
            "act=%00&init=\u{202e}he&data=🌀",
            "preset=&preset=nope&preset=relu-dies",
            "seed=18446744073709551616",
            long.as_str(),
        ];
        for query in hostile {
            let parsed = LabConfig::from_query(query);
            assert_eq!(parsed.config.validate(), Ok(()), "{query:.40}");
            assert!(parsed.notes.len() <= MAX_NOTES + 1);
            assert!(parsed.notes.iter().all(|n| n.chars().count() < 200));
        }
    }
}
