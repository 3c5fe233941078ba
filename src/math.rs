//! Activations, their derivatives and the chain-rule product through depth, in plain `f64`.
//!
//! Every function is total: NaN in gives NaN out, ±∞ and huge inputs give the limit, nothing panics.

/// The largest value σ′ takes anywhere: σ′(0) = σ(0)(1 − σ(0)) = 0.5 × 0.5 = 0.25.
pub const SIGMOID_MAX_SLOPE: f64 = 0.25;

/// Beyond this |z| the lesson calls the sigmoid saturated (σ within 5 % of 0 or 1).
pub const SATURATION_THRESHOLD: f64 = 3.0;

/// The logistic sigmoid σ(z) = 1 / (1 + e^(−z)), computed without overflow.
///
/// For z < 0 it uses the equivalent e^z / (1 + e^z), so e^(−z) is never taken of a large −z.
///
/// ```
/// use vanishing_gradients::math::sigmoid;
/// assert_eq!(sigmoid(0.0), 0.5);
/// assert!((sigmoid(5.0) - 0.9933).abs() < 5e-5); // the lesson's σ(5)
/// assert_eq!(sigmoid(-1e308), 0.0);
/// assert_eq!(sigmoid(1e308), 1.0);
/// assert!(sigmoid(f64::NAN).is_nan());
/// ```
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The sigmoid's slope σ′(z) = σ(z)(1 − σ(z)), computed as e^(−|z|) / (1 + e^(−|z|))².
///
/// The second form is the same function but keeps full relative precision in the tails, where
/// 1 − σ(z) would round to 0. It is symmetric, positive, and at most [`SIGMOID_MAX_SLOPE`].
///
/// ```
/// use vanishing_gradients::math::sigmoid_derivative;
/// assert_eq!(sigmoid_derivative(0.0), 0.25);
/// assert!((sigmoid_derivative(5.0) - 0.006648).abs() < 1e-6); // 2.7 % of 0.25
/// assert!(sigmoid_derivative(1000.0) >= 0.0);
/// assert!(sigmoid_derivative(f64::NAN).is_nan());
/// ```
pub fn sigmoid_derivative(z: f64) -> f64 {
    let e = (-z.abs()).exp();
    e / ((1.0 + e) * (1.0 + e))
}

/// ReLU(z) = max(0, z). NaN stays NaN.
///
/// ```
/// use vanishing_gradients::math::relu;
/// assert_eq!(relu(-2.0), 0.0);
/// assert_eq!(relu(3.5), 3.5);
/// assert!(relu(f64::NAN).is_nan());
/// ```
pub fn relu(z: f64) -> f64 {
    if z > 0.0 || z.is_nan() {
        z
    } else {
        0.0
    }
}

/// ReLU′(z) = 1 for z > 0 and 0 for z ≤ 0, exactly as the lesson defines it (0 at z = 0).
///
/// ```
/// use vanishing_gradients::math::relu_derivative;
/// assert_eq!(relu_derivative(0.0), 0.0);
/// assert_eq!(relu_derivative(1e-9), 1.0);
/// assert!(relu_derivative(f64::NAN).is_nan());
/// ```
pub fn relu_derivative(z: f64) -> f64 {
    step(z, 1.0, 0.0)
}

/// Leaky ReLU: z for z > 0, otherwise `negative_slope` × z.
///
/// ```
/// use vanishing_gradients::math::leaky_relu;
/// assert_eq!(leaky_relu(-10.0, 0.01), -0.1);
/// assert_eq!(leaky_relu(2.0, 0.01), 2.0);
/// ```
pub fn leaky_relu(z: f64, negative_slope: f64) -> f64 {
    if z > 0.0 {
        z
    } else {
        negative_slope * z
    }
}

/// Leaky ReLU′: 1 for z > 0, otherwise `negative_slope` (so it never dies).
pub fn leaky_relu_derivative(z: f64, negative_slope: f64) -> f64 {
    step(z, 1.0, negative_slope)
}

/// tanh(z), which saturates at ±1 like the sigmoid but is centred on 0.
pub fn tanh(z: f64) -> f64 {
    z.tanh()
}

/// tanh′(z) = 1 − tanh²(z); its maximum is 1 at z = 0.
///
/// ```
/// use vanishing_gradients::math::tanh_derivative;
/// assert_eq!(tanh_derivative(0.0), 1.0);
/// assert_eq!(tanh_derivative(-1e308), 0.0);
/// ```
pub fn tanh_derivative(z: f64) -> f64 {
    let t = z.tanh();
    1.0 - t * t
}

fn step(z: f64, positive: f64, otherwise: f64) -> f64 {
    if z > 0.0 {
        positive
    } else if z.is_nan() {
        z
    } else {
        otherwise
    }
}

/// σ′(z) as a fraction of its maximum 0.25 (multiply by 100 for a percent).
///
/// ```
/// use vanishing_gradients::math::sigmoid_slope_fraction_of_max;
/// assert_eq!(sigmoid_slope_fraction_of_max(0.0), 1.0);
/// assert!((sigmoid_slope_fraction_of_max(5.0) - 0.0266).abs() < 1e-4);
/// ```
pub fn sigmoid_slope_fraction_of_max(z: f64) -> f64 {
    sigmoid_derivative(z) / SIGMOID_MAX_SLOPE
}

/// The chain rule through depth: the gradient reaching the first layer is the product of every
/// layer's local factor. An empty network passes the gradient through unchanged (1).
///
/// ```
/// use vanishing_gradients::math::gradient_through_layers;
/// let g = gradient_through_layers(&[0.2; 5]);
/// assert!((g - 0.00032).abs() < 1e-15); // the lesson's practice problem 2
/// ```
pub fn gradient_through_layers(local_factors: &[f64]) -> f64 {
    local_factors.iter().product()
}

/// The gradient after `layers` layers that each multiply it by the same `factor`: factorⁿ.
///
/// ```
/// use vanishing_gradients::math::gradient_after_layers;
/// assert!((gradient_after_layers(0.25, 10) - 9.5367431640625e-7).abs() < 1e-20);
/// assert_eq!(gradient_after_layers(1.0, 50), 1.0);
/// ```
pub fn gradient_after_layers(factor: f64, layers: u32) -> f64 {
    factor.powi(i32::try_from(layers).unwrap_or(i32::MAX))
}

/// The first depth (1, 2, …, up to `max_layers`) at which factorⁿ falls below `threshold`,
/// or `None` if it never does within `max_layers`.
///
/// ```
/// use vanishing_gradients::math::first_depth_below;
/// assert_eq!(first_depth_below(0.2, 1e-6, 50), Some(9)); // 0.2⁸ = 2.56e-6, 0.2⁹ = 5.12e-7
/// assert_eq!(first_depth_below(1.0, 1e-6, 50), None);
/// ```
pub fn first_depth_below(factor: f64, threshold: f64, max_layers: u32) -> Option<u32> {
    (1..=max_layers).find(|&n| gradient_after_layers(factor, n).abs() < threshold)
}

/// A weight update by gradient descent: Δw = learning rate × gradient (its size; the step goes
/// against the gradient).
///
/// ```
/// use vanishing_gradients::math::weight_update;
/// assert!((weight_update(0.1, 0.00032) - 0.000032).abs() < 1e-18);
/// ```
pub fn weight_update(learning_rate: f64, gradient: f64) -> f64 {
    learning_rate * gradient
}
