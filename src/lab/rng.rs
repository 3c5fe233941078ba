//! A seeded, deterministic random number generator: xoshiro256** seeded by SplitMix64.
//!
//! Same seed, same numbers — on every platform. The integer core (SplitMix64 and xoshiro256**,
//! Blackman & Vigna) is pure 64-bit integer arithmetic. Uniform floats take the top 53 bits.
//! Gaussian numbers use Marsaglia's polar method, which needs only +, −, ×, ÷, √ (all exactly
//! rounded by IEEE 754, so identical everywhere) and a logarithm. `f64::ln` comes from the
//! platform's maths library and may differ in the last bit between a native build and wasm, so
//! the logarithm here is [`portable_ln`], written with the four basic operations only. The whole
//! random path is therefore bit-identical natively and in every browser.
//!
//! (The network itself calls `exp` and `tanh`; in the browser those come from the one libm
//! compiled into the wasm module, so every browser still agrees. A native run may differ from
//! the browser in the last bits of those — that is outside this module.)

/// The golden-ratio increment SplitMix64 adds to its state at every draw.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a strong 64-bit mixer (Steele, Lea & Flood; Vigna's constants).
///
/// ```
/// use vanishing_gradients::lab::rng::splitmix64_mix;
/// // SplitMix64 seeded with 0 first adds the gamma, then mixes: the published first output.
/// assert_eq!(splitmix64_mix(0x9E37_79B9_7F4A_7C15), 0xE220_A839_7B1D_CDAF);
/// ```
pub fn splitmix64_mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One SplitMix64 step: advance `state` and return the next output.
pub fn splitmix64_next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    splitmix64_mix(*state)
}

/// Which independent stream of a seed a generator draws from.
///
/// The lab draws data, initial weights and mini-batches from separate streams of one seed, so
/// that changing the network (say, its depth) does not change the data, and two networks
/// trained side by side with the same seed see the same points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// The toy dataset's points and noise.
    Data,
    /// The network's initial weights.
    Weights,
    /// The order in which examples are drawn into mini-batches.
    Batches,
}

impl Stream {
    fn tag(self) -> u64 {
        match self {
            Stream::Data => 1,
            Stream::Weights => 2,
            Stream::Batches => 3,
        }
    }
}

/// xoshiro256**: a small, fast generator with a 256-bit state and a 2²⁵⁶ − 1 period.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
    spare_normal: Option<f64>,
}

impl Rng {
    /// A generator whose four state words are the first four SplitMix64 outputs from `seed`
    /// (the seeding the xoshiro authors recommend; it never yields the forbidden all-zero state
    /// in practice).
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        let state = [
            splitmix64_next(&mut sm),
            splitmix64_next(&mut sm),
            splitmix64_next(&mut sm),
            splitmix64_next(&mut sm),
        ];
        Rng::from_state(state)
    }

    /// The generator for one [`Stream`] of `seed`: the seed is first mixed with the stream's tag.
    pub fn for_stream(seed: u64, stream: Stream) -> Rng {
        Rng::new(seed ^ splitmix64_mix(stream.tag().wrapping_mul(GOLDEN_GAMMA)))
    }

    /// A generator with exactly this state (for reference vectors). An all-zero state would only
    /// ever produce zeros, so it is replaced by the state for seed 0.
    pub fn from_state(state: [u64; 4]) -> Rng {
        if state == [0; 4] {
            return Rng::new(0);
        }
        Rng {
            state,
            spare_normal: None,
        }
    }

    /// The next 64 random bits (xoshiro256**, reference algorithm).
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1), a multiple of 2⁻⁵³ (the top 53 bits of [`Rng::next_u64`]).
    pub fn next_f64(&mut self) -> f64 {
        const TWO_POW_MINUS_53: f64 = 1.0 / (1u64 << 53) as f64;
        (self.next_u64() >> 11) as f64 * TWO_POW_MINUS_53
    }

    /// A uniform number in [`low`, `high`).
    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.next_f64()
    }

    /// A uniform integer in 0..`n` (0 when `n` is 0), by Lemire's multiply-shift. Its bias is
    /// below n / 2⁶⁴ — invisible for the lab's sizes.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A standard normal number N(0, 1), by Marsaglia's polar method.
    ///
    /// Draw (u, v) uniform in the unit disc (rejecting the 21 % of the square outside it and the
    /// centre); with s = u² + v², both u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent
    /// N(0, 1). The second is kept for the next call.
    pub fn normal(&mut self) -> f64 {
        if let Some(spare) = self.spare_normal.take() {
            return spare;
        }
        loop {
            let u = 2.0 * self.next_f64() - 1.0;
            let v = 2.0 * self.next_f64() - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let factor = (-2.0 * portable_ln(s) / s).sqrt();
                self.spare_normal = Some(v * factor);
                return u * factor;
            }
        }
    }

    /// A normal number with the given mean and standard deviation.
    pub fn gaussian(&mut self, mean: f64, std_dev: f64) -> f64 {
        mean + std_dev * self.normal()
    }

    /// Shuffle `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The natural logarithm of a positive, finite, normal `x`, using only +, −, ×, ÷.
///
/// Write x = m · 2ᵉ with m in [√½, √2) (read straight from the IEEE bits), then
/// ln x = e · ln 2 + 2·atanh(s) with s = (m − 1)/(m + 1), |s| ≤ 0.172, and
/// atanh(s) = s + s³/3 + s⁵/5 + …; fourteen terms leave an error far below one ulp of the sum.
/// Because IEEE 754 rounds each basic operation exactly, the result is the same bits on every
/// machine. Zero, negative, subnormal, infinite or NaN input gives NaN (the generator never
/// passes one).
///
/// ```
/// use vanishing_gradients::lab::rng::portable_ln;
/// assert_eq!(portable_ln(1.0), 0.0);
/// assert!((portable_ln(0.5) + std::f64::consts::LN_2).abs() < 1e-16);
/// assert!(portable_ln(0.0).is_nan());
/// ```
pub fn portable_ln(x: f64) -> f64 {
    if !(x.is_finite() && x >= f64::MIN_POSITIVE) {
        return f64::NAN;
    }
    let bits = x.to_bits();
    let mut exponent = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mut mantissa = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    if mantissa >= std::f64::consts::SQRT_2 {
        mantissa /= 2.0;
        exponent += 1;
    }
    let s = (mantissa - 1.0) / (mantissa + 1.0);
    let s2 = s * s;
    let mut power = s;
    let mut atanh = 0.0;
    for k in 0..14 {
        atanh += power / f64::from(2 * k + 1);
        power *= s2;
    }
    exponent as f64 * std::f64::consts::LN_2 + 2.0 * atanh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_matches_the_published_vector_for_state_1_2_3_4() {
        // Reference outputs of xoshiro256** from the state {1, 2, 3, 4} (the authors' C code,
        // as reproduced in rand_xoshiro's tests).
        let mut rng = Rng::from_state([1, 2, 3, 4]);
        let expected: [u64; 10] = [
            11520,
            0,
            1509978240,
            1215971899390074240,
            1216172134540287360,
            607988272756665600,
            16172922978634559625,
            8476171486693032832,
            10595114339597558777,
            2904607092377533576,
        ];
        for want in expected {
            assert_eq!(rng.next_u64(), want);
        }
    }

    #[test]
    fn splitmix_matches_the_published_outputs_for_seed_0() {
        let mut state = 0;
        assert_eq!(splitmix64_next(&mut state), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64_next(&mut state), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(splitmix64_next(&mut state), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn portable_ln_agrees_with_the_platform_ln() {
        let mut rng = Rng::new(7);
        for _ in 0..10_000 {
            let x = rng.next_f64().max(1e-300) * 10f64.powi(rng.below(40) as i32 - 20);
            let want = x.ln();
            let got = portable_ln(x);
            assert!(
                (got - want).abs() <= 4.0 * f64::EPSILON * want.abs().max(1.0),
                "{x}"
            );
        }
    }

    #[test]
    fn normals_have_mean_zero_and_variance_one() {
        let mut rng = Rng::new(42);
        let n = 200_000;
        let (mut sum, mut sum_sq) = (0.0, 0.0);
        for _ in 0..n {
            let z = rng.normal();
            sum += z;
            sum_sq += z * z;
        }
        let mean = sum / n as f64;
        let variance = sum_sq / n as f64 - mean * mean;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!((variance - 1.0).abs() < 0.01, "variance {variance}");
    }

    #[test]
    fn streams_of_one_seed_differ_and_repeat() {
        let a = Rng::for_stream(5, Stream::Data).next_u64();
        let b = Rng::for_stream(5, Stream::Weights).next_u64();
        assert_ne!(a, b);
        assert_eq!(a, Rng::for_stream(5, Stream::Data).next_u64());
    }

    #[test]
    fn below_stays_in_range_and_shuffle_is_a_permutation() {
        let mut rng = Rng::new(1);
        assert_eq!(rng.below(0), 0);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        let mut items: Vec<usize> = (0..50).collect();
        rng.shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
