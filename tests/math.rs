//! The activations and the chain product against independent references: the lesson's hand-worked
//! numbers, central finite differences, and the definitions written out a second way.

use vanishing_gradients::math::*;

fn central_difference(f: impl Fn(f64) -> f64, z: f64) -> f64 {
    let h = 1e-5;
    (f(z + h) - f(z - h)) / (2.0 * h)
}

fn grid() -> impl Iterator<Item = f64> {
    (-120..=120).map(|i| f64::from(i) * 0.1)
}

#[test]
fn lesson_values_worked_by_hand() {
    // σ(5) = 1 / (1 + 0.0067) = 0.9933; σ′(5) = 0.9933 × 0.0067 ≈ 0.0066 (unrounded 0.006648).
    assert!((sigmoid(5.0) - 0.9933).abs() < 5e-5);
    assert!((sigmoid_derivative(5.0) - 0.0066).abs() < 5e-5);
    // 0.0067 / 0.25 = 0.027: 2.7 % of the maximum (unrounded 2.66 %).
    assert!((100.0 * sigmoid_derivative(5.0) / 0.25 - 2.66).abs() < 5e-3);
    assert_eq!(sigmoid_derivative(0.0), 0.25);
    assert!((gradient_through_layers(&[0.2, 0.2, 0.2, 0.2, 0.2]) - 0.00032).abs() < 1e-17);
    assert!((gradient_after_layers(0.2, 5) - 0.00032).abs() < 1e-17);
    assert!((weight_update(0.1, 0.00032) - 0.000032).abs() < 1e-18);
}

#[test]
fn sigmoid_matches_its_textbook_formula_where_that_is_safe() {
    for z in grid() {
        let textbook = 1.0 / (1.0 + (-z).exp());
        assert!((sigmoid(z) - textbook).abs() < 1e-15, "z = {z}");
        let product = textbook * (1.0 - textbook);
        assert!((sigmoid_derivative(z) - product).abs() < 1e-12, "z = {z}");
    }
}

#[test]
fn the_maximum_of_sigmoid_slope_is_a_quarter_at_zero() {
    let finer = (-100_000..=100_000).map(|i| f64::from(i) * 1e-4);
    let (argmax, max) = finer
        .map(|z| (z, sigmoid_derivative(z)))
        .fold((f64::NAN, f64::NEG_INFINITY), |best, next| if next.1 > best.1 { next } else { best });
    assert_eq!(argmax, 0.0);
    assert_eq!(max, SIGMOID_MAX_SLOPE);
}

#[test]
fn every_derivative_matches_a_central_finite_difference() {
    for z in grid() {
        let pairs: [(&str, f64, f64); 3] = [
            ("sigmoid", sigmoid_derivative(z), central_difference(sigmoid, z)),
            ("tanh", tanh_derivative(z), central_difference(tanh, z)),
            ("leaky", leaky_relu_derivative(z, 0.01), central_difference(|x| leaky_relu(x, 0.01), z)),
        ];
        for (name, analytic, numeric) in pairs {
            if name == "leaky" && z.abs() < 1e-3 {
                continue; // the kink
            }
            assert!((analytic - numeric).abs() < 1e-7, "{name}′({z}): {analytic} vs {numeric}");
        }
        if z.abs() > 1e-3 {
            assert_eq!(relu_derivative(z), central_difference(relu, z).round(), "relu′({z})");
        }
    }
}

#[test]
fn relu_derivative_is_zero_at_zero_as_the_lesson_defines_it() {
    assert_eq!(relu_derivative(0.0), 0.0);
    assert_eq!(relu_derivative(-0.0), 0.0);
    assert_eq!(relu_derivative(-3.0), 0.0);
    assert_eq!(relu_derivative(3.0), 1.0);
    assert_eq!(relu(-3.0), 0.0);
    assert_eq!(relu(3.0), 3.0);
}

#[test]
fn extreme_inputs_give_limits_not_overflow_nan_or_wrong_sign() {
    for z in [1000.0, 1e308, f64::MAX, f64::INFINITY] {
        assert_eq!(sigmoid(z), 1.0);
        assert_eq!(sigmoid(-z), 0.0);
        for slope in [sigmoid_derivative(z), sigmoid_derivative(-z), tanh_derivative(z)] {
            assert!(slope >= 0.0 && slope.is_finite(), "slope at ±{z}: {slope}");
            assert!(slope < 1e-300);
        }
        assert_eq!(tanh(z), 1.0);
        assert_eq!(tanh(-z), -1.0);
        assert_eq!(relu_derivative(z), 1.0);
        assert_eq!(leaky_relu_derivative(-z, 0.01), 0.01);
    }
    assert!(sigmoid(-745.0) > 0.0 || sigmoid(-745.0) == 0.0);
    assert!(sigmoid(-30.0) > 0.0, "small but representable");
}

#[test]
fn nan_in_gives_nan_out() {
    let all: [fn(f64) -> f64; 7] = [
        sigmoid,
        sigmoid_derivative,
        relu,
        relu_derivative,
        tanh,
        tanh_derivative,
        sigmoid_slope_fraction_of_max,
    ];
    for f in all {
        assert!(f(f64::NAN).is_nan());
    }
    assert!(leaky_relu(f64::NAN, 0.01).is_nan());
    assert!(leaky_relu_derivative(f64::NAN, 0.01).is_nan());
}

#[test]
fn depth_products_and_thresholds() {
    // 0.25ⁿ is sigmoid's best case: 0.25¹⁰ = 1 / 4¹⁰ = 1 / 1 048 576.
    assert_eq!(gradient_after_layers(0.25, 10), 1.0 / 1_048_576.0);
    assert_eq!(gradient_through_layers(&[]), 1.0);
    assert_eq!(first_depth_below(0.2, 1e-6, 50), Some(9));
    assert_eq!(first_depth_below(0.25, 1e-6, 50), Some(10));
    // float32's smallest normal number, 2⁻¹²⁶ ≈ 1.18e-38: 0.2ⁿ < that from n = 55 (0.2⁵⁵ ≈ 3.6e-39).
    assert_eq!(first_depth_below(0.2, f64::from(f32::MIN_POSITIVE), 100), Some(55));
    assert_eq!(first_depth_below(1.0, 1e-6, 50), None);
}
