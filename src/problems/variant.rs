//! New numbers for every problem: a seeded, reproducible pick among numbers a learner can work
//! by hand. Seed 0 is the lesson's own numbers; any other seed never repeats them.

use super::{depth_problem, extra, sigmoid_slope_problem, Problem};

/// The seed of the lesson's own numbers.
pub const LESSON_SEED: u32 = 0;

/// splitmix64: a tiny, well-mixed generator; plenty for picking from short lists.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[(self.next() % from.len() as u64) as usize]
    }
}

/// A generator for one problem under one seed: each problem draws its own stream.
fn stream(problem_id: &str, seed: u32) -> SplitMix64 {
    // FNV-1a of the id, so problems under the same seed are independent.
    let id = problem_id.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3));
    SplitMix64(id ^ (u64::from(seed) << 17))
}

/// z for problem 1 (the lesson's 5 is left out).
pub const SLOPE_Z: [f64; 9] = [1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 6.0, 7.0];
/// Depths for problem 2.
pub const LAYERS: [u32; 8] = [3, 4, 5, 6, 7, 8, 9, 10];
/// Per-layer gradients for problem 2.
pub const FACTORS: [f64; 5] = [0.1, 0.15, 0.2, 0.25, 0.3];
/// Learning rates for problem 2.
pub const RATES: [f64; 4] = [0.01, 0.05, 0.1, 0.5];
/// Active and inactive z for the ReLU problem.
pub const RELU_ON: [f64; 6] = [0.5, 2.0, 3.0, 4.5, 7.0, 10.0];
/// Inactive z for the ReLU problem.
pub const RELU_OFF: [f64; 6] = [-0.5, -1.0, -2.0, -3.0, -5.0, -8.0];
/// Exponents k of the threshold 10⁻ᵏ (the lesson's 6 is left out).
pub const THRESHOLD_EXPONENTS: [u32; 9] = [3, 4, 5, 7, 8, 9, 10, 11, 12];
/// Shares of σ′'s maximum (the lesson's 10 % is left out).
pub const FLAT_SHARES: [f64; 5] = [0.5, 0.25, 0.2, 0.05, 0.01];
/// Depths for the tanh problem (the lesson's 5 is left out).
pub const TANH_LAYERS: [u32; 7] = [3, 4, 6, 7, 8, 9, 10];

/// The problem `problem_id` with the numbers of set `seed`: the lesson's own for
/// [`LESSON_SEED`], other numbers for any other seed. `None` for an unknown id.
///
/// ```
/// use vanishing_gradients::problems::{variant, answer};
/// assert_eq!(variant("practice-1", 0).unwrap().answers[0], *answer("p1-slope").unwrap());
/// let other = variant("practice-1", 7).unwrap();
/// assert_eq!(other, variant("practice-1", 7).unwrap()); // reproducible
/// assert_ne!(other.prompt, variant("practice-1", 0).unwrap().prompt);
/// ```
pub fn variant(problem_id: &str, seed: u32) -> Option<Problem> {
    if seed == LESSON_SEED {
        return super::all().find(|p| p.id == problem_id).cloned();
    }
    let mut rng = stream(problem_id, seed);
    Some(match problem_id {
        "practice-1" => sigmoid_slope_problem(rng.pick(&SLOPE_Z)),
        "practice-2" => {
            let mut pick = || (rng.pick(&LAYERS), rng.pick(&FACTORS), rng.pick(&RATES));
            let mut numbers = pick();
            while numbers == (5, 0.2, 0.1) {
                numbers = pick();
            }
            depth_problem(numbers.0, numbers.1, numbers.2)
        }
        "more-relu" => {
            let mut pick = || (rng.pick(&RELU_ON), rng.pick(&RELU_OFF));
            let mut numbers = pick();
            while numbers == (3.0, -2.0) {
                numbers = pick();
            }
            extra::relu_problem(numbers.0, numbers.1)
        }
        "more-depth" => extra::depth_limit_problem(rng.pick(&THRESHOLD_EXPONENTS)),
        "more-flat" => extra::flat_problem(rng.pick(&FLAT_SHARES)),
        "more-tanh" => extra::tanh_problem(rng.pick(&TANH_LAYERS)),
        _ => return None,
    })
}

/// Every problem with the numbers of set `seed`, in page order.
pub fn set(seed: u32) -> Vec<Problem> {
    super::all().filter_map(|p| variant(p.id, seed)).collect()
}
