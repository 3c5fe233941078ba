//! The ReLU explorer's read-out, takeaway and data table, with the sigmoid for comparison.

use super::table::insert_marked;
use super::{plain, Cell, DataTable};
use crate::figures::relu::Z_RANGE;
use crate::figures::ReluSettings;
use crate::math::{relu, relu_derivative, sigmoid, sigmoid_derivative};

/// What the ReLU explorer reports at one z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReluReading {
    /// The input.
    pub z: f64,
    /// ReLU(z).
    pub value: f64,
    /// ReLU′(z): 1 for z > 0, 0 for z ≤ 0.
    pub slope: f64,
    /// σ′(z), for comparison.
    pub sigmoid_slope: f64,
    /// Whether the sigmoid is shown beside ReLU.
    pub compare: bool,
}

impl ReluReading {
    /// The reading for `settings`.
    pub fn new(settings: ReluSettings) -> Self {
        let z = settings.z;
        ReluReading { z, value: relu(z), slope: relu_derivative(z), sigmoid_slope: sigmoid_derivative(z), compare: settings.compare }
    }

    /// One line of read-out, e.g. `ReLU(2) = 2 · ReLU′(2) = 1 · σ′(2) = 0.10`.
    pub fn readout(&self) -> String {
        let z = plain(self.z, 3);
        let relu_part = format!("ReLU({z}) = {} · ReLU′({z}) = {}", plain(self.value, 3), plain(self.slope, 2));
        if self.compare {
            format!("{relu_part} · σ′({z}) = {}", plain(self.sigmoid_slope, 3))
        } else {
            relu_part
        }
    }

    /// A takeaway sentence that changes with the side of zero the input is on.
    pub fn takeaway(&self) -> String {
        let z = plain(self.z, 3);
        if self.slope > 0.0 {
            format!(
                "At z = {z} ReLU's slope is 1: the whole gradient passes, however large z gets. The sigmoid's slope here is {}, {} % of ReLU's.",
                plain(self.sigmoid_slope, 3),
                plain(100.0 * self.sigmoid_slope, 3)
            )
        } else if self.slope == 0.0 {
            format!("At z = {z} ReLU's slope is 0: no gradient flows back, and a neuron whose z stays here is dead.")
        } else {
            "Choose a number for z.".to_owned()
        }
    }

    /// The slider's spoken value, e.g. `z = −2: ReLU′ = 0, dead`.
    pub fn value_text(&self) -> String {
        let state = if self.slope > 0.0 { "gradient passes" } else { "dead" };
        format!("z = {}: ReLU′ = {}, {state}", plain(self.z, 3), plain(self.slope, 2))
    }

    /// ReLU, ReLU′ (and σ, σ′ when compared) at each whole z drawn, plus this reading's z.
    pub fn table(&self) -> DataTable {
        let (from, to) = Z_RANGE;
        let mut zs: Vec<f64> = (from as i32..=to as i32).map(f64::from).collect();
        let marked_row = insert_marked(&mut zs, self.z, |z| *z);
        let mut headers = vec!["z", "ReLU(z)", "ReLU′(z)"];
        if self.compare {
            headers.extend(["σ(z)", "σ′(z)"]);
        }
        let rows = zs
            .into_iter()
            .map(|z| {
                let mut row = vec![Cell::Number(z), Cell::Number(relu(z)), Cell::Number(relu_derivative(z))];
                if self.compare {
                    row.extend([Cell::Number(sigmoid(z)), Cell::Number(sigmoid_derivative(z))]);
                }
                row
            })
            .collect();
        DataTable {
            caption: "ReLU and its slope at each whole z drawn, and at the marker".to_owned(),
            headers: headers.into_iter().map(str::to_owned).collect(),
            rows,
            marked_row,
        }
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_side_passes_the_whole_gradient() {
        let reading = ReluReading::new(ReluSettings::new(2.0, true));
        // σ′(2) = e⁻²/(1+e⁻²)² = 0.1353/1.2908 ≈ 0.1050.
        assert_eq!(reading.readout(), "ReLU(2) = 2 · ReLU′(2) = 1 · σ′(2) = 0.105");
        assert!(reading.takeaway().contains("slope is 1"));
        assert!(reading.takeaway().contains("0.105, 10.5 % of ReLU's"));
        assert_eq!(reading.value_text(), "z = 2: ReLU′ = 1, gradient passes");
    }

    #[test]
    fn zero_and_below_is_dead() {
        for z in [0.0, -0.1, -5.0] {
            let reading = ReluReading::new(ReluSettings::new(z, false));
            assert!(reading.takeaway().contains("dead"), "{z}");
            assert!(!reading.readout().contains('σ'));
        }
    }

    #[test]
    fn the_table_has_the_step_and_the_marker() {
        let table = ReluReading::new(ReluSettings::new(-0.5, true)).table();
        assert_eq!(table.headers.len(), 5);
        assert_eq!(table.rows.len(), 12);
        let marked = table.marked_row.expect("marked");
        assert_eq!(table.rows[marked][0], Cell::Number(-0.5));
        assert_eq!(table.rows[marked][2], Cell::Number(0.0));
        assert_eq!(table.rows[marked + 2][2], Cell::Number(1.0), "ReLU′(1) = 1");
        assert_eq!(ReluReading::new(ReluSettings::new(3.0, false)).table().headers.len(), 3);
    }
}
