//! The rolling-ball figure drawn to SVG: four surfaces, a ball on each, moved as the run says.

mod render_support;

use render_support::{circles, svg_of, texts};
use vanishing_gradients::figures::{BallRun, BallSettings};
use vanishing_gradients::render::{draw_ball_figure, FigureStyle, Palette};

fn balls(push: f64, elapsed: f64) -> (Vec<(f64, f64)>, String) {
    let drawn = svg_of((800, 800), |area| {
        draw_ball_figure(area, &BallRun::new(BallSettings::new(push, elapsed)), &FigureStyle::default()).expect("drawn")
    });
    (circles(&drawn, Some(Palette::LIGHT.secondary)), drawn)
}

#[test]
fn four_panels_each_named_with_one_ball() {
    let (at_start, drawn) = balls(1.0, 0.0);
    assert_eq!(at_start.len(), 4);
    for name in ["Sigmoid, far out", "Sigmoid, centre", "ReLU, positive side", "ReLU, negative side"] {
        assert!(texts(&drawn).contains(&name), "{name}");
    }
}

#[test]
fn the_same_push_moves_the_balls_as_far_as_their_slopes_allow() {
    let (start, _) = balls(1.0, 0.0);
    let (end, drawn) = balls(1.0, 8.0);
    let moved: Vec<f64> = start.iter().zip(&end).map(|(a, b)| b.0 - a.0).collect();
    assert!(moved[0].abs() <= 3.0, "plateau: barely moves ({} px)", moved[0]);
    assert!(moved[1] > 20.0, "centre: rolls ({} px)", moved[1]);
    assert!(moved[2] > 100.0, "ReLU positive: rolls furthest ({} px)", moved[2]);
    assert_eq!(moved[3], 0.0, "ReLU negative: stuck");
    assert!(texts(&drawn).iter().any(|t| t.contains("moved 8")), "ReLU positive moved 8 after 8 pushes of 1");
}

#[test]
fn strange_settings_still_draw() {
    for (push, elapsed) in [(f64::NAN, f64::NAN), (1e300, -1.0), (0.0, 1e300)] {
        assert_eq!(balls(push, elapsed).0.len(), 4);
    }
}
