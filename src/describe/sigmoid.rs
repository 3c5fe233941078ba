//! The sigmoid explorer's read-out, takeaway and data table.

use super::table::insert_marked;
use super::{plain, Cell, DataTable};
use crate::figures::sigmoid::{curve, SAMPLES_PER_UNIT};
use crate::math::{sigmoid, sigmoid_derivative, sigmoid_slope_fraction_of_max};

/// What the sigmoid explorer reports at one z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SigmoidReading {
    /// The input.
    pub z: f64,
    /// σ(z).
    pub value: f64,
    /// σ′(z).
    pub slope: f64,
    /// σ′(z) as a percent of the 0.25 maximum.
    pub percent_of_max: f64,
}

impl SigmoidReading {
    /// The reading at `z`.
    pub fn at(z: f64) -> Self {
        SigmoidReading {
            z,
            value: sigmoid(z),
            slope: sigmoid_derivative(z),
            percent_of_max: 100.0 * sigmoid_slope_fraction_of_max(z),
        }
    }

    /// One line of read-out, e.g. `σ(5) = 0.9933 · σ′(5) = 0.0066 · 2.7 % of the 0.25 maximum`.
    pub fn readout(&self) -> String {
        let z = plain(self.z, 3);
        format!(
            "σ({z}) = {} · σ′({z}) = {} · {} % of the 0.25 maximum",
            plain(self.value, 4),
            plain(self.slope, 2),
            plain(self.percent_of_max, 2)
        )
    }

    /// The slider's spoken value, e.g. `z = 5: slope 0.0066, 2.7 % of the maximum`.
    pub fn value_text(&self) -> String {
        format!(
            "z = {}: slope {}, {} % of the maximum",
            plain(self.z, 3),
            plain(self.slope, 2),
            plain(self.percent_of_max, 2)
        )
    }

    /// σ and σ′ at every whole z the figure draws, plus this reading's z (marked).
    pub fn table(&self) -> DataTable {
        let row = |z: f64, value: f64, slope: f64| {
            vec![Cell::Number(z), Cell::Number(value), Cell::Number(slope), Cell::Number(100.0 * slope / crate::math::SIGMOID_MAX_SLOPE)]
        };
        let mut points: Vec<(f64, f64, f64)> = curve().into_iter().step_by(SAMPLES_PER_UNIT).collect();
        let marked_row = insert_marked(&mut points, (self.z, self.value, self.slope), |p| p.0);
        DataTable {
            caption: "σ(z) and its slope σ′(z) at each whole z drawn, and at the marker".to_owned(),
            headers: ["z", "σ(z)", "σ′(z)", "σ′ as % of 0.25"].map(str::to_owned).to_vec(),
            rows: points.into_iter().map(|(z, value, slope)| row(z, value, slope)).collect(),
            marked_row,
        }
    }

    /// A takeaway sentence, e.g. `At z = 5 the slope is 0.0066, 2.7 % of its maximum.`
    pub fn takeaway(&self) -> String {
        let verdict = if self.z.abs() >= crate::math::SATURATION_THRESHOLD {
            " The sigmoid is saturated here: learning barely moves."
        } else if self.percent_of_max > 99.5 {
            " This is the steepest the sigmoid gets."
        } else {
            ""
        };
        format!(
            "At z = {} the slope is {}, {} % of its maximum.{verdict}",
            plain(self.z, 3),
            plain(self.slope, 2),
            plain(self.percent_of_max, 2)
        )
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readout_at_five_matches_the_lesson() {
        // The lesson works σ(5) = 0.9933 and σ′(5) ≈ 0.0067, 2.7 % of the maximum by hand.
        let text = SigmoidReading::at(5.0).readout();
        assert_eq!(text, "σ(5) = 0.9933 · σ′(5) = 0.0066 · 2.7 % of the 0.25 maximum");
    }

    #[test]
    fn takeaway_names_saturation_only_in_the_saturated_zone() {
        assert!(SigmoidReading::at(5.0).takeaway().contains("saturated"));
        assert!(SigmoidReading::at(-3.0).takeaway().contains("saturated"));
        assert!(!SigmoidReading::at(1.0).takeaway().contains("saturated"));
        assert!(SigmoidReading::at(0.0).takeaway().contains("100 %"));
    }

    #[test]
    fn the_table_holds_whole_z_and_marks_the_marker() {
        let table = SigmoidReading::at(5.0).table();
        assert_eq!(table.rows.len(), 21);
        assert_eq!(table.marked_row, Some(15));
        assert_eq!(table.rows[15][0], Cell::Number(5.0));
        let between = SigmoidReading::at(2.5).table();
        assert_eq!(between.rows.len(), 22);
        assert_eq!(between.marked_row, Some(13));
        assert_eq!(between.rows[13][0], Cell::Number(2.5));
        assert_eq!(between.rows[12][0], Cell::Number(2.0));
    }

    #[test]
    fn value_text_speaks_the_slope() {
        assert_eq!(SigmoidReading::at(5.0).value_text(), "z = 5: slope 0.0066, 2.7 % of the maximum");
    }
}
