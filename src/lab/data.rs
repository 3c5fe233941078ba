//! Two-dimensional toy datasets (circle, XOR, spiral, two blobs) with labels 0/1 and a noise knob.
//!
//! Every point lies roughly in the square [−1, 1]² (noise can push a few beyond it; draw the
//! data over [`PLOT_EXTENT`]). Points are generated from the lab's seeded [`Rng`], so one seed
//! always yields the same dataset. Noise adds Gaussian jitter of standard deviation
//! `noise × 0.25` to each coordinate while the label keeps its class, so high noise makes the
//! classes overlap.

use super::rng::Rng;

/// Half the side of the square a renderer should draw the data and the decision boundary in.
pub const PLOT_EXTENT: f64 = 1.25;

/// The jitter's standard deviation at `noise = 1`.
const NOISE_SCALE: f64 = 0.25;

/// Which toy problem to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetKind {
    /// A disc of class 1 (radius < 0.5) inside a ring of class 0 (radius 0.7 – 1).
    Circle,
    /// The four quadrants: class 1 where x and y have the same sign.
    Xor,
    /// Two interleaved spiral arms, one per class — the hardest of the four.
    Spiral,
    /// Two Gaussian blobs, around (0.5, 0.5) (class 1) and (−0.5, −0.5) (class 0).
    Blobs,
}

impl DatasetKind {
    /// Every kind, in the order a menu would list them.
    pub const ALL: [DatasetKind; 4] = [
        DatasetKind::Circle,
        DatasetKind::Xor,
        DatasetKind::Spiral,
        DatasetKind::Blobs,
    ];

    /// The short name used in query strings and menus: `circle`, `xor`, `spiral`, `blobs`.
    pub fn name(self) -> &'static str {
        match self {
            DatasetKind::Circle => "circle",
            DatasetKind::Xor => "xor",
            DatasetKind::Spiral => "spiral",
            DatasetKind::Blobs => "blobs",
        }
    }

    /// The kind with this [`DatasetKind::name`], if any.
    pub fn from_name(name: &str) -> Option<DatasetKind> {
        DatasetKind::ALL
            .into_iter()
            .find(|kind| kind.name() == name)
    }
}

/// Points in the plane with a 0/1 label each; `points[i]` has label `labels[i]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The (x, y) coordinates.
    pub points: Vec<[f64; 2]>,
    /// The class of each point: 0 or 1.
    pub labels: Vec<u8>,
}

impl Dataset {
    /// `count` points of the given kind (half of each class, the odd one in class 0), jittered
    /// by `noise` (0 = clean; 1 = heavy overlap; negative, infinite or NaN counts as 0).
    pub fn generate(kind: DatasetKind, count: usize, noise: f64, rng: &mut Rng) -> Dataset {
        let jitter = if noise.is_finite() && noise > 0.0 {
            noise * NOISE_SCALE
        } else {
            0.0
        };
        let mut data = Dataset {
            points: Vec::with_capacity(count),
            labels: Vec::with_capacity(count),
        };
        for i in 0..count {
            let label = (i % 2) as u8;
            let along = (i / 2) as f64 / count.div_ceil(2).max(1) as f64;
            let [x, y] = match kind {
                DatasetKind::Circle => circle_point(label, rng),
                DatasetKind::Xor => xor_point(label, rng),
                DatasetKind::Spiral => spiral_point(label, along),
                DatasetKind::Blobs => blob_point(label, rng),
            };
            data.points
                .push([x + rng.gaussian(0.0, jitter), y + rng.gaussian(0.0, jitter)]);
            data.labels.push(label);
        }
        data
    }

    /// How many points there are.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

/// Uniform over the disc r < 0.5 (class 1) or the ring 0.7 ≤ r ≤ 1 (class 0), by rejection from
/// the square, so no trigonometry is needed.
fn circle_point(label: u8, rng: &mut Rng) -> [f64; 2] {
    loop {
        let (x, y) = (rng.uniform(-1.0, 1.0), rng.uniform(-1.0, 1.0));
        let r2 = x * x + y * y;
        let inside = if label == 1 {
            r2 < 0.25
        } else {
            (0.49..=1.0).contains(&r2)
        };
        if inside {
            return [x, y];
        }
    }
}

/// Uniform over the two quadrants of the class, keeping 0.05 away from the axes.
fn xor_point(label: u8, rng: &mut Rng) -> [f64; 2] {
    let magnitude = |rng: &mut Rng| rng.uniform(0.05, 1.0);
    let sign = |rng: &mut Rng| if rng.next_f64() < 0.5 { -1.0 } else { 1.0 };
    let sx = sign(rng);
    let sy = if label == 1 { sx } else { -sx };
    [sx * magnitude(rng), sy * magnitude(rng)]
}

/// The point a fraction `along` of the way out of its arm: radius grows to 1 over 1.75 turns,
/// and the class-0 arm is the class-1 arm turned by half a circle.
fn spiral_point(label: u8, along: f64) -> [f64; 2] {
    let angle = along * 1.75 * std::f64::consts::TAU
        + if label == 1 {
            0.0
        } else {
            std::f64::consts::PI
        };
    let (sin, cos) = sin_cos(angle);
    [along * sin, along * cos]
}

/// sin x and cos x for the moderate angles of the spiral (|x| below a few thousand), within a
/// couple of ulps of the platform's, from +, −, × and ÷ only — which keeps libm's general
/// trigonometry (about 2 KB of the gzipped wasm) out of the page.
///
/// x = q·π/2 + r with |r| ≤ π/4 (π/2 split in two so q·π/2 is exact), then the Taylor series
/// of sin r and cos r to r¹⁹ and r¹⁸ (the next terms are below 10⁻¹⁹), and the quadrant q.
fn sin_cos(x: f64) -> (f64, f64) {
    const PIO2_HI: f64 = 1.570_796_326_734_125_6; // π/2 to 33 bits
    const PIO2_LO: f64 = 6.077_100_506_506_192e-11; // π/2 − PIO2_HI
    let q = (x * std::f64::consts::FRAC_2_PI).round();
    let r = (x - q * PIO2_HI) - q * PIO2_LO;
    let r2 = r * r;
    let (mut s, mut c) = (1.0, 1.0);
    for k in (1..=9).rev() {
        let k = f64::from(k);
        s = 1.0 - s * r2 / ((2.0 * k) * (2.0 * k + 1.0));
        c = 1.0 - c * r2 / ((2.0 * k - 1.0) * (2.0 * k));
    }
    let s = r * s;
    match (q as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// A Gaussian blob of standard deviation 0.2 around (±0.5, ±0.5).
fn blob_point(label: u8, rng: &mut Rng) -> [f64; 2] {
    let centre = if label == 1 { 0.5 } else { -0.5 };
    [rng.gaussian(centre, 0.2), rng.gaussian(centre, 0.2)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_agrees_with_the_platform_over_the_spirals_angles() {
        for i in 0..=40_000 {
            let x = -20.0 + i as f64 * 0.001;
            let (s, c) = sin_cos(x);
            assert!((s - x.sin()).abs() <= 4e-16, "sin {x}: {s} vs {}", x.sin());
            assert!((c - x.cos()).abs() <= 4e-16, "cos {x}: {c} vs {}", x.cos());
        }
        assert_eq!(sin_cos(0.0), (0.0, 1.0));
    }

    fn radius(p: [f64; 2]) -> f64 {
        p[0].hypot(p[1])
    }

    #[test]
    fn clean_circle_puts_class_1_inside_and_class_0_in_the_ring() {
        let data = Dataset::generate(DatasetKind::Circle, 201, 0.0, &mut Rng::new(3));
        assert_eq!(data.len(), 201);
        assert_eq!(data.labels.iter().filter(|&&l| l == 1).count(), 100);
        for (&p, &label) in data.points.iter().zip(&data.labels) {
            let r = radius(p);
            assert!(
                if label == 1 {
                    r < 0.5
                } else {
                    (0.7..=1.0).contains(&r)
                },
                "{p:?}"
            );
        }
    }

    #[test]
    fn clean_xor_labels_follow_the_quadrant() {
        let data = Dataset::generate(DatasetKind::Xor, 100, 0.0, &mut Rng::new(3));
        for (&[x, y], &label) in data.points.iter().zip(&data.labels) {
            assert_eq!(label == 1, x * y > 0.0);
            assert!(x.abs() >= 0.05 && y.abs() >= 0.05 && x.abs() <= 1.0 && y.abs() <= 1.0);
        }
    }

    #[test]
    fn spiral_arms_are_point_reflections_of_each_other() {
        let data = Dataset::generate(DatasetKind::Spiral, 100, 0.0, &mut Rng::new(3));
        for pair in data.points.chunks(2) {
            assert!((pair[0][0] + pair[1][0]).abs() < 1e-12);
            assert!((pair[0][1] + pair[1][1]).abs() < 1e-12);
        }
        assert!(data.points.iter().all(|&p| radius(p) <= 1.0));
    }

    #[test]
    fn blobs_centre_where_promised() {
        let data = Dataset::generate(DatasetKind::Blobs, 2000, 0.0, &mut Rng::new(3));
        let mean_x_of_class_1: f64 = data
            .points
            .iter()
            .zip(&data.labels)
            .filter(|(_, &l)| l == 1)
            .map(|(p, _)| p[0])
            .sum::<f64>()
            / 1000.0;
        assert!((mean_x_of_class_1 - 0.5).abs() < 0.03);
    }

    #[test]
    fn noise_moves_points_and_the_same_seed_repeats_them() {
        let clean = Dataset::generate(DatasetKind::Spiral, 50, 0.0, &mut Rng::new(9));
        let noisy = Dataset::generate(DatasetKind::Spiral, 50, 0.5, &mut Rng::new(9));
        let again = Dataset::generate(DatasetKind::Spiral, 50, 0.5, &mut Rng::new(9));
        assert_ne!(clean, noisy);
        assert_eq!(noisy, again);
        assert_eq!(clean.labels, noisy.labels);
        let nan_noise = Dataset::generate(DatasetKind::Circle, 10, f64::NAN, &mut Rng::new(9));
        assert!(nan_noise
            .points
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn names_round_trip() {
        for kind in DatasetKind::ALL {
            assert_eq!(DatasetKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(DatasetKind::from_name("moons"), None);
    }
}
