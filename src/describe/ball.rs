//! The rolling ball's read-out, takeaway and data table: how far the same push moved each ball.

use super::{plain, Cell, DataTable};
use crate::figures::{BallRun, Surface};

/// What the rolling-ball figure reports at one moment of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct BallReading {
    /// The push strength.
    pub push: f64,
    /// Pushes given so far.
    pub elapsed: f64,
    /// Each ball's z, in the order of [`Surface::ALL`].
    pub positions: [f64; 4],
}

impl BallReading {
    /// The reading of `run` now.
    pub fn new(run: &BallRun) -> Self {
        BallReading { push: run.settings().push, elapsed: run.elapsed(), positions: run.positions() }
    }

    /// How far each ball has moved from its start.
    pub fn distances(&self) -> [f64; 4] {
        let mut moved = [0.0; 4];
        for ((out, z), surface) in moved.iter_mut().zip(self.positions).zip(Surface::ALL) {
            *out = z - surface.start();
        }
        moved
    }

    /// One line, e.g. `After 8 pushes: plateau 0.02 · centre 1.6 · ReLU + 8 · ReLU − 0`.
    pub fn readout(&self) -> String {
        let [far, centre, positive, negative] = self.distances().map(|d| plain(d, 2));
        format!(
            "After {} pushes of {}, the balls moved: sigmoid far out {far} · sigmoid centre {centre} · ReLU positive {positive} · ReLU negative {negative}",
            plain(self.elapsed, 3),
            plain(self.push, 3)
        )
    }

    /// A takeaway sentence comparing the surfaces.
    pub fn takeaway(&self) -> String {
        if self.elapsed == 0.0 {
            return "Each ball gets the same push. Press Play or Push once: it moves in proportion to the slope under it — 0.0025 far out on the sigmoid, 0.25 at its centre, 1 on ReLU's positive side, 0 on its negative side.".to_owned();
        }
        let [far, _, positive, negative] = self.distances();
        format!(
            "The same push moved the ball {} on ReLU's constant slope but only {} on the sigmoid's plateau, where the gradient is about 0.0025; on ReLU's flat side it moved {}: stuck.",
            plain(positive, 2),
            plain(far, 2),
            plain(negative, 2)
        )
    }

    /// The push slider's spoken value, e.g. `push 1: a slope of 1 moves the ball 1 per push`.
    pub fn push_value_text(&self) -> String {
        let push = plain(self.push, 3);
        format!("push {push}: a slope of 1 moves the ball {push} per push")
    }

    /// One row per surface: start, slope there, where the ball is now, how far it moved.
    pub fn table(&self) -> DataTable {
        let rows = Surface::ALL
            .iter()
            .zip(self.positions)
            .map(|(&surface, z)| {
                vec![
                    Cell::Text(surface.name().to_owned()),
                    Cell::Number(surface.start()),
                    Cell::Number(surface.slope(surface.start())),
                    Cell::Number(z),
                    Cell::Number(z - surface.start()),
                    Cell::Number(surface.slope(z)),
                ]
            })
            .collect();
        DataTable {
            caption: format!("Where each ball is after {} pushes of {}", plain(self.elapsed, 3), plain(self.push, 3)),
            headers: ["surface", "start z", "slope at start", "z now", "moved", "slope now"].map(str::to_owned).to_vec(),
            rows,
            marked_row: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::BallSettings;
    use crate::figures::ball::MAX_PUSHES;

    #[test]
    fn a_full_run_reads_out_the_contrast() {
        let reading = BallReading::new(&BallRun::new(BallSettings::new(1.0, MAX_PUSHES)));
        let text = reading.readout();
        assert!(text.starts_with("After 8 pushes of 1, the balls moved: sigmoid far out 0.02"), "{text}");
        assert!(text.contains("ReLU positive 8 · ReLU negative 0"), "{text}");
        assert!(reading.takeaway().contains("moved the ball 8 on ReLU"), "{}", reading.takeaway());
    }

    #[test]
    fn the_table_lists_the_four_surfaces_with_their_slopes() {
        let table = BallReading::new(&BallRun::new(BallSettings::default())).table();
        let names: Vec<String> = table.rows.iter().map(|row| row[0].display()).collect();
        assert_eq!(names, ["Sigmoid, far out", "Sigmoid, centre", "ReLU, positive side", "ReLU, negative side"]);
        let slopes: Vec<String> = table.rows.iter().map(|row| row[2].display()).collect();
        assert_eq!(slopes, ["0.002467", "0.25", "1", "0"]);
    }
}
