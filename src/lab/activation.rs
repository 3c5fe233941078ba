//! The hidden layers' activation functions and the weight initialisations the lab offers.

use super::rng::Rng;
use crate::math;

/// The slope leaky ReLU keeps for negative inputs.
///
/// 0.1 rather than the also common 0.01: with 0.01 a unit pushed negative relearns a hundred
/// times slower than it learned, too slowly to see it recover during a lesson; with 0.1 the
/// "leaky ReLU recovers" preset recovers within a few hundred steps for most seeds.
pub const LEAKY_SLOPE: f64 = 0.1;

/// The function every hidden unit applies to its pre-activation z.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// σ(z) = 1/(1 + e⁻ᶻ); slope at most 0.25, vanishing for |z| ≳ 3.
    Sigmoid,
    /// tanh(z); slope at most 1, vanishing for |z| ≳ 3.
    Tanh,
    /// max(0, z); slope 1 or 0 — a unit negative on every input is dead.
    Relu,
    /// z for z > 0, else 0.1·z ([`LEAKY_SLOPE`]); slope 1 or 0.1, so it never dies.
    LeakyRelu,
}

impl Activation {
    /// Every activation, in menu order.
    pub const ALL: [Activation; 4] = [
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
    ];

    /// The short name used in query strings: `sigmoid`, `tanh`, `relu`, `leaky-relu`.
    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::LeakyRelu => "leaky-relu",
        }
    }

    /// The activation with this [`Activation::name`], if any.
    pub fn from_name(name: &str) -> Option<Activation> {
        Activation::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Whether the unit can saturate (sigmoid, tanh): the lab reports the share with |z| ≥ 3.
    pub fn saturates(self) -> bool {
        matches!(self, Activation::Sigmoid | Activation::Tanh)
    }

    /// Whether a unit can die (ReLU family): the lab reports the share with z ≤ 0 on every
    /// example. For leaky ReLU such a unit still passes 10 % of its gradient and can come back.
    pub fn can_die(self) -> bool {
        matches!(self, Activation::Relu | Activation::LeakyRelu)
    }

    /// The activation f(z) and its slope f′(z) together.
    ///
    /// For the sigmoid both share one e = e^(−|z|) and one division r = 1/(1 + e):
    /// σ = r (z ≥ 0) or e·r (z < 0), σ′ = e·r² — the formulas of [`math::sigmoid`] and
    /// [`math::sigmoid_derivative`] with the divisions merged, equal to them within a few ulps
    /// (and keeping their full relative precision in the tails) at a third of the cost.
    /// The other three call [`crate::math`].
    pub fn value_and_slope(self, z: f64) -> (f64, f64) {
        match self {
            Activation::Sigmoid => {
                let e = (-z.abs()).exp();
                let r = 1.0 / (1.0 + e);
                (if z >= 0.0 { r } else { e * r }, e * r * r)
            }
            Activation::Tanh => {
                let t = math::tanh(z);
                (t, 1.0 - t * t)
            }
            Activation::Relu => (math::relu(z), math::relu_derivative(z)),
            Activation::LeakyRelu => (
                math::leaky_relu(z, LEAKY_SLOPE),
                math::leaky_relu_derivative(z, LEAKY_SLOPE),
            ),
        }
    }
}

/// How the weights are drawn at the start (biases always start at 0).
///
/// Each weight into a layer with `fan_in` inputs and `fan_out` outputs is drawn from N(0, s²):
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// Xavier/Glorot normal: s² = 2/(fan_in + fan_out), made to keep signals' variance through
    /// sigmoid and tanh layers.
    Xavier,
    /// He (Kaiming) normal: s² = 2/fan_in, made for ReLU, which zeroes half of its inputs.
    He,
    /// Small: s = 0.01 — signals and gradients shrink by about 100× per layer.
    Small,
    /// Large: s = 1, i.e. N(0, 1) — 4× Xavier's s for 16 → 16 layers; sigmoid and tanh units
    /// start deep in saturation and ReLU signals grow with depth.
    Large,
}

impl Init {
    /// Every initialisation, in menu order.
    pub const ALL: [Init; 4] = [Init::Xavier, Init::He, Init::Small, Init::Large];

    /// The short name used in query strings: `xavier`, `he`, `small`, `large`.
    pub fn name(self) -> &'static str {
        match self {
            Init::Xavier => "xavier",
            Init::He => "he",
            Init::Small => "small",
            Init::Large => "large",
        }
    }

    /// The initialisation with this [`Init::name`] (`glorot` is accepted for Xavier), if any.
    pub fn from_name(name: &str) -> Option<Init> {
        if name == "glorot" {
            return Some(Init::Xavier);
        }
        Init::ALL.into_iter().find(|init| init.name() == name)
    }

    /// The standard deviation s of the weights into a layer of this shape.
    pub fn std_dev(self, fan_in: usize, fan_out: usize) -> f64 {
        match self {
            Init::Xavier => (2.0 / (fan_in + fan_out) as f64).sqrt(),
            Init::He => (2.0 / fan_in as f64).sqrt(),
            Init::Small => 0.01,
            Init::Large => 1.0,
        }
    }

    /// Fill `weights` with draws from N(0, s²) for a layer of this shape.
    pub fn fill(self, weights: &mut [f64], fan_in: usize, fan_out: usize, rng: &mut Rng) {
        let std_dev = self.std_dev(fan_in.max(1), fan_out.max(1));
        for w in weights {
            *w = rng.gaussian(0.0, std_dev);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fused_sigmoid_matches_the_math_module_to_a_few_ulps() {
        let close = |a: f64, b: f64| (a - b).abs() <= 4.0 * f64::EPSILON * b.abs();
        for z in [
            -800.0, -700.0, -40.0, -5.0, -1e-9, 0.0, 0.3, 5.0, 40.0, 700.0, 800.0,
        ] {
            let (value, slope) = Activation::Sigmoid.value_and_slope(z);
            assert!(close(value, math::sigmoid(z)), "σ({z})");
            assert!(close(slope, math::sigmoid_derivative(z)), "σ′({z})");
        }
        let (value, slope) = Activation::Sigmoid.value_and_slope(f64::NAN);
        assert!(value.is_nan() && slope.is_nan());
    }

    #[test]
    fn slopes_match_the_math_module() {
        for z in [-3.0, -0.5, 0.0, 0.5, 3.0] {
            assert_eq!(
                Activation::Tanh.value_and_slope(z).1,
                math::tanh_derivative(z)
            );
            assert_eq!(
                Activation::Relu.value_and_slope(z).1,
                math::relu_derivative(z)
            );
            assert_eq!(
                Activation::LeakyRelu.value_and_slope(z).1,
                math::leaky_relu_derivative(z, LEAKY_SLOPE)
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_name(a.name()), Some(a));
        }
        for i in Init::ALL {
            assert_eq!(Init::from_name(i.name()), Some(i));
        }
        assert_eq!(Init::from_name("glorot"), Some(Init::Xavier));
        assert_eq!(Activation::from_name("Sigmoid"), None);
    }

    #[test]
    fn init_scales_are_the_documented_ones() {
        assert_eq!(Init::Xavier.std_dev(16, 16), 0.25);
        assert_eq!(Init::He.std_dev(8, 100), 0.5);
        assert_eq!(Init::Small.std_dev(3, 3), 0.01);
        assert_eq!(Init::Large.std_dev(3, 3), 1.0);
    }
}
