//! The three matrix loops of a training step, written for speed in WebAssembly.
//!
//! Together they are nearly all of a step's time, so they are shaped for a size-optimised
//! build (`opt-level = "z"`), where the compiler neither unrolls loops nor reliably inlines
//! iterator adapters:
//!
//! - Examples go two at a time, so every weight loaded from memory serves two of them.
//! - Innermost loops index slices cut to one length, which the compiler can prove in bounds.
//! - Sums are kept in separate even/odd partial sums, so additions do not wait on each other.
//! - The small helpers are `#[inline(always)]`: left as calls, they cost more than their work.
//!
//! Each example's arithmetic is the same whether it is paired or the odd one out, so a point's
//! prediction does not depend on where it sits in a batch. Matrices are row-major: one row per
//! example, and `weights` has one row of `inputs` numbers per unit.

/// The sizes of one layer's batch computation.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Examples in the batch.
    pub rows: usize,
    /// Inputs per unit (the width of the layer below).
    pub inputs: usize,
    /// Units in the layer.
    pub outputs: usize,
}

/// z = W·a + b for every example: `pre` is rows × outputs, `input` rows × inputs.
pub fn weighted_sums(pre: &mut [f64], input: &[f64], weights: &[f64], biases: &[f64], s: Shape) {
    let input = &input[..s.rows * s.inputs];
    let mut pairs = input
        .chunks_exact(2 * s.inputs)
        .zip(pre.chunks_exact_mut(2 * s.outputs));
    for (a, z) in pairs.by_ref() {
        let (a0, a1) = a.split_at(s.inputs);
        let (z0, z1) = z.split_at_mut(s.outputs);
        let units = weights.chunks_exact(s.inputs).zip(biases);
        for (j, (w, b)) in units.enumerate() {
            let (s0, s1) = dot2(w, a0, a1);
            z0[j] = b + s0;
            z1[j] = b + s1;
        }
    }
    if s.rows % 2 == 1 {
        let a = &input[(s.rows - 1) * s.inputs..];
        let z = &mut pre[(s.rows - 1) * s.outputs..][..s.outputs];
        let units = weights.chunks_exact(s.inputs).zip(biases);
        for (z, (w, b)) in z.iter_mut().zip(units) {
            *z = b + dot2(w, a, a).0;
        }
    }
}

/// ∂L/∂W = Σ over examples δ·aᵀ and ∂L/∂b = Σ over examples δ (overwriting both);
/// `delta` is rows × outputs, `input` rows × inputs.
pub fn weight_gradients(
    grad_w: &mut [f64],
    grad_b: &mut [f64],
    delta: &[f64],
    input: &[f64],
    s: Shape,
) {
    grad_w.fill(0.0);
    grad_b.fill(0.0);
    let mut examples = delta[..s.rows * s.outputs]
        .chunks_exact(s.outputs)
        .zip(input.chunks_exact(s.inputs));
    while let Some((d0, a0)) = examples.next() {
        let second = examples.next();
        let rows = grad_w.chunks_exact_mut(s.inputs).zip(grad_b.iter_mut());
        for (j, (g, gb)) in rows.enumerate() {
            match second {
                Some((d1, a1)) => {
                    *gb += d0[j] + d1[j];
                    add_two_scaled(g, d0[j], a0, d1[j], a1);
                }
                None => {
                    *gb += d0[j];
                    add_two_scaled(g, d0[j], a0, 0.0, a0);
                }
            }
        }
    }
}

/// δ_below = f′(z_below) ⊙ (Wᵀ·δ) for every example: `back` and `slopes` are rows × inputs,
/// `delta` rows × outputs.
pub fn backpropagate(back: &mut [f64], delta: &[f64], weights: &[f64], slopes: &[f64], s: Shape) {
    let back = &mut back[..s.rows * s.inputs];
    let mut pairs = back
        .chunks_exact_mut(2 * s.inputs)
        .zip(delta.chunks_exact(2 * s.outputs));
    for (b, d) in pairs.by_ref() {
        let (b0, b1) = b.split_at_mut(s.inputs);
        b0.fill(0.0);
        b1.fill(0.0);
        for (j, w) in weights.chunks_exact(s.inputs).enumerate() {
            add_scaled_twice(b0, d[j], b1, d[s.outputs + j], w);
        }
    }
    if s.rows % 2 == 1 {
        let b = &mut back[(s.rows - 1) * s.inputs..];
        let d = &delta[(s.rows - 1) * s.outputs..][..s.outputs];
        b.fill(0.0);
        for (&d, w) in d.iter().zip(weights.chunks_exact(s.inputs)) {
            add_scaled_twice(b, d, &mut [], 0.0, w);
        }
    }
    for (b, slope) in back.iter_mut().zip(slopes) {
        *b *= slope;
    }
}

/// (w · a0, w · a1), each summed as (even-index terms) + (odd-index terms).
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn dot2(w: &[f64], a0: &[f64], a1: &[f64]) -> (f64, f64) {
    let n = w.len().min(a0.len()).min(a1.len());
    let (w, a0, a1) = (&w[..n], &a0[..n], &a1[..n]);
    let (mut even0, mut even1, mut odd0, mut odd1) = (0.0, 0.0, 0.0, 0.0);
    let mut i = 0;
    while i + 2 <= n {
        even0 += w[i] * a0[i];
        even1 += w[i] * a1[i];
        odd0 += w[i + 1] * a0[i + 1];
        odd1 += w[i + 1] * a1[i + 1];
        i += 2;
    }
    if i < n {
        even0 += w[i] * a0[i];
        even1 += w[i] * a1[i];
    }
    (even0 + odd0, even1 + odd1)
}

/// g += x·a + y·b, elementwise.
#[inline(always)]
#[allow(clippy::needless_range_loop)]
fn add_two_scaled(g: &mut [f64], x: f64, a: &[f64], y: f64, b: &[f64]) {
    let n = g.len().min(a.len()).min(b.len());
    let (g, a, b) = (&mut g[..n], &a[..n], &b[..n]);
    for i in 0..n {
        g[i] += x * a[i] + y * b[i];
    }
}

/// b0 += x·w and b1 += y·w, elementwise (b1 may be empty).
#[inline(always)]
fn add_scaled_twice(b0: &mut [f64], x: f64, b1: &mut [f64], y: f64, w: &[f64]) {
    for (b, w) in b0.iter_mut().zip(w) {
        *b += x * w;
    }
    for (b, w) in b1.iter_mut().zip(w) {
        *b += y * w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain textbook loops, as the reference.
    fn naive(input: &[f64], weights: &[f64], biases: &[f64], delta: &[f64], s: Shape) -> Vec<f64> {
        let mut out = Vec::new();
        for r in 0..s.rows {
            for j in 0..s.outputs {
                let z: f64 = (0..s.inputs)
                    .map(|i| weights[j * s.inputs + i] * input[r * s.inputs + i])
                    .sum();
                out.push(z + biases[j]);
            }
        }
        for j in 0..s.outputs {
            for i in 0..s.inputs {
                out.push(
                    (0..s.rows)
                        .map(|r| delta[r * s.outputs + j] * input[r * s.inputs + i])
                        .sum(),
                );
            }
        }
        for j in 0..s.outputs {
            out.push((0..s.rows).map(|r| delta[r * s.outputs + j]).sum());
        }
        for r in 0..s.rows {
            for i in 0..s.inputs {
                let back: f64 = (0..s.outputs)
                    .map(|j| weights[j * s.inputs + i] * delta[r * s.outputs + j])
                    .sum();
                out.push(back * input[r * s.inputs + i]);
            }
        }
        out
    }

    #[test]
    fn kernels_agree_with_the_textbook_loops_for_odd_and_even_shapes() {
        let value = |k: usize| ((k * 7919) % 103) as f64 / 51.0 - 1.0;
        for (rows, inputs, outputs) in [(1, 2, 3), (2, 3, 1), (5, 4, 5), (6, 1, 2), (7, 5, 4)] {
            let s = Shape {
                rows,
                inputs,
                outputs,
            };
            let input: Vec<f64> = (0..rows * inputs).map(value).collect();
            let weights: Vec<f64> = (0..outputs * inputs).map(|k| value(k + 11)).collect();
            let biases: Vec<f64> = (0..outputs).map(|k| value(k + 29)).collect();
            let delta: Vec<f64> = (0..rows * outputs).map(|k| value(k + 47)).collect();
            let mut pre = vec![0.0; rows * outputs];
            let mut grad_w = vec![9.0; outputs * inputs];
            let mut grad_b = vec![9.0; outputs];
            let mut back = vec![9.0; rows * inputs];
            weighted_sums(&mut pre, &input, &weights, &biases, s);
            weight_gradients(&mut grad_w, &mut grad_b, &delta, &input, s);
            // Use the inputs as the "slopes", so the product is checked too.
            backpropagate(&mut back, &delta, &weights, &input, s);
            let got: Vec<f64> = [pre, grad_w, grad_b, back].concat();
            let want = naive(&input, &weights, &biases, &delta, s);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() < 1e-12, "{s:?}: {g} vs {w}");
            }
        }
    }

    #[test]
    fn a_paired_example_gets_the_same_bits_as_the_odd_one_out() {
        let s = Shape {
            rows: 3,
            inputs: 5,
            outputs: 2,
        };
        let input = [
            0.1, -0.7, 0.3, 0.9, -0.2, 5.0, 6.0, 7.0, 8.0, 9.0, 0.1, -0.7, 0.3, 0.9, -0.2,
        ];
        let weights = [0.3, 0.1, -0.4, 0.15, 0.9, -0.26, 0.5, 0.35, -0.8, 0.97];
        let mut pre = [0.0; 6];
        weighted_sums(&mut pre, &input, &weights, &[0.01, -0.02], s);
        assert_eq!(pre[0..2], pre[4..6]);
    }
}
