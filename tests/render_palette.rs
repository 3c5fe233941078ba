//! Every mark colour keeps at least 3:1 contrast (WCAG 2 relative luminance) against the
//! background and against the shaded regions, in both themes.

use plotters::style::RGBColor;
use vanishing_gradients::render::Palette;

fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.040_45 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn the_formula_matches_known_values() {
    assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
    // #767676 on white is the classic 4.54:1.
    assert!((contrast(RGBColor(118, 118, 118), RGBColor(255, 255, 255)) - 4.54).abs() < 0.01);
}

#[test]
fn every_mark_stands_out_in_both_themes() {
    for (name, palette) in [("light", Palette::LIGHT), ("dark", Palette::DARK)] {
        for mark in palette.marks() {
            for (ground, against) in [(palette.background, "background"), (palette.shade, "shade")] {
                let ratio = contrast(mark, ground);
                assert!(ratio >= 3.0, "{name}: {mark:?} on {against} is only {ratio:.2}:1");
            }
        }
    }
}
