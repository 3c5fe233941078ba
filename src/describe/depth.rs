//! The depth explorer's read-outs, takeaway and data table: the gradient that reaches the first
//! layer, the weight update it allows, and the depths where it stops counting.

use super::{plain, superscript, Cell, DataTable};
use crate::figures::depth::{DepthSettings, DepthThresholds, MAX_LAYERS};
use crate::figures::DepthRow;

/// What the depth explorer reports for one setting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthReading {
    /// The learner's settings.
    pub settings: DepthSettings,
    /// The numbers at the chosen depth.
    pub row: DepthRow,
    /// Where the chosen factor's gradient falls below 10⁻⁶ and below float32's smallest normal.
    pub thresholds: DepthThresholds,
}

impl DepthReading {
    /// The reading for `settings`.
    pub fn new(settings: DepthSettings) -> Self {
        DepthReading { settings, row: settings.row(settings.layers), thresholds: settings.thresholds() }
    }

    /// `0.2⁵`: the factor raised to `layers`.
    fn power(&self, base: f64) -> String {
        format!("{}{}", plain(base, 3), superscript(&self.settings.layers.to_string()))
    }

    /// The gradient and weight update, e.g.
    /// `After 5 layers: 0.2⁵ = 0.00032 · Δw = 0.1 × 0.00032 = 0.000032`.
    pub fn readout(&self) -> String {
        let gradient = plain(self.row.chosen, 2);
        format!(
            "After {} layers: {} = {gradient} · Δw = {} × {gradient} = {}",
            self.settings.layers,
            self.power(self.settings.factor),
            plain(self.settings.learning_rate, 3),
            plain(self.row.weight_update, 2)
        )
    }

    /// The reference lines at the chosen depth, e.g. `Sigmoid at best 0.25⁵ = 0.00098 · ReLU 1⁵ = 1`.
    pub fn references(&self) -> String {
        format!(
            "Sigmoid at best {} = {} · ReLU {} = 1",
            self.power(0.25),
            plain(self.row.sigmoid_best, 2),
            self.power(1.0)
        )
    }

    /// Where the gradient stops counting, e.g.
    /// `Below 10⁻⁶ from 9 layers · below float32's smallest normal (1.2 × 10⁻³⁸) from 55 layers`.
    pub fn threshold_text(&self) -> String {
        let depth = |found: Option<u32>| match found {
            Some(n) if n > MAX_LAYERS => format!("from {n} layers (deeper than drawn)"),
            Some(1) => "from the first layer".to_owned(),
            Some(n) => format!("from {n} layers"),
            None => "never".to_owned(),
        };
        format!(
            "Below 10⁻⁶ {} · below float32's smallest normal (1.2 × 10⁻³⁸) {}",
            depth(self.thresholds.negligible),
            depth(self.thresholds.below_float32)
        )
    }

    /// A takeaway sentence, e.g. `With 0.2 per layer, 5 layers leave the first layer a gradient
    /// of 0.00032, so learning rate 0.1 moves its weights by only 0.000032.`
    pub fn takeaway(&self) -> String {
        let factor = plain(self.settings.factor, 3);
        let first = format!(
            "With {factor} per layer, {} layers leave the first layer a gradient of {}, so learning rate {} moves its weights by only {}.",
            self.settings.layers,
            plain(self.row.chosen, 2),
            plain(self.settings.learning_rate, 3),
            plain(self.row.weight_update, 2)
        );
        let second = match self.thresholds.negligible {
            Some(n) => format!(" From {n} layers on the gradient is below 10⁻⁶: effectively zero."),
            None => " At 1 per layer, as with ReLU on its positive side, the gradient never shrinks.".to_owned(),
        };
        first + &second
    }

    /// The factor slider's spoken value, e.g. `0.2 per layer`.
    pub fn factor_value_text(&self) -> String {
        format!("{} per layer", plain(self.settings.factor, 3))
    }

    /// The depth slider's spoken value, e.g. `5 layers: gradient 0.00032`.
    pub fn layers_value_text(&self) -> String {
        format!("{} layers: gradient {}", self.settings.layers, plain(self.row.chosen, 2))
    }

    /// The learning-rate slider's spoken value, e.g. `learning rate 0.1: Δw 0.000032`.
    pub fn rate_value_text(&self) -> String {
        format!("learning rate {}: Δw {}", plain(self.settings.learning_rate, 3), plain(self.row.weight_update, 2))
    }

    /// Every depth the figure draws, with the chosen depth marked.
    pub fn table(&self) -> DataTable {
        let factor = plain(self.settings.factor, 3);
        let rate = plain(self.settings.learning_rate, 3);
        DataTable {
            caption: format!("Gradient reaching the first layer after n layers, for {factor} per layer, sigmoid at best and ReLU"),
            headers: vec![
                "layers n".to_owned(),
                format!("{factor}ⁿ"),
                format!("Δw = {rate} × {factor}ⁿ"),
                "0.25ⁿ (sigmoid at best)".to_owned(),
                "1ⁿ (ReLU)".to_owned(),
            ],
            rows: self
                .settings
                .series()
                .into_iter()
                .map(|row| {
                    vec![
                        Cell::Number(f64::from(row.layers)),
                        Cell::Number(row.chosen),
                        Cell::Number(row.weight_update),
                        Cell::Number(row.sigmoid_best),
                        Cell::Number(row.relu),
                    ]
                })
                .collect(),
            marked_row: Some(self.settings.layers as usize - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lesson_numbers_read_out() {
        let reading = DepthReading::new(DepthSettings::default());
        assert_eq!(reading.readout(), "After 5 layers: 0.2⁵ = 0.00032 · Δw = 0.1 × 0.00032 = 0.000032");
        // 0.25⁵ = 1/1024 ≈ 0.000977.
        assert_eq!(reading.references(), "Sigmoid at best 0.25⁵ = 0.00098 · ReLU 1⁵ = 1");
        assert_eq!(
            reading.threshold_text(),
            "Below 10⁻⁶ from 9 layers · below float32's smallest normal (1.2 × 10⁻³⁸) from 55 layers (deeper than drawn)"
        );
        assert!(reading.takeaway().contains("From 9 layers on"));
        assert_eq!(reading.layers_value_text(), "5 layers: gradient 0.00032");
        assert_eq!(reading.rate_value_text(), "learning rate 0.1: Δw 0.000032");
    }

    #[test]
    fn sigmoid_best_case_at_ten_layers() {
        let reading = DepthReading::new(DepthSettings::new(0.25, 10.0, 0.1));
        // 0.25¹⁰ = 2⁻²⁰ = 9.5367431640625e-7.
        assert!(reading.readout().starts_with("After 10 layers: 0.25¹⁰ = 9.5 × 10⁻⁷"), "{}", reading.readout());
    }

    #[test]
    fn a_factor_of_one_never_vanishes() {
        let reading = DepthReading::new(DepthSettings::new(1.0, 50.0, 1.0));
        assert!(reading.threshold_text().contains("never"));
        assert!(reading.takeaway().contains("never shrinks"));
    }

    #[test]
    fn the_table_has_every_depth_and_marks_the_chosen_one() {
        let table = DepthReading::new(DepthSettings::default()).table();
        assert_eq!(table.rows.len(), 50);
        assert_eq!(table.marked_row, Some(4));
        assert_eq!(table.headers[1], "0.2ⁿ");
        assert_eq!(table.rows[4][1].display(), "0.00032");
        assert_eq!(table.rows[4][2].display(), "0.000032");
    }
}
