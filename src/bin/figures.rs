//! Renders every figure at its default settings to SVG, light and dark: the static twins that
//! print and the no-wasm fallback show. Usage: `figures OUTDIR`.

use plotters::prelude::*;
use std::path::Path;
use vanishing_gradients::figures::{BallRun, BallSettings, DepthSettings, ReluSettings, SigmoidSettings};
use vanishing_gradients::render::{
    draw_ball_figure, draw_depth_figure, draw_relu_figure, draw_sigmoid_figure, FigureStyle, Palette,
};

/// Size of every twin in SVG units: 16:9 like the canvases, drawn at twice the layout size of
/// 800 × 450 so that curves stay smooth when the image is shown smaller.
const SIZE: (u32, u32) = (1600, 900);
const SCALE: f64 = 2.0;

fn render(name: &str, style: &FigureStyle) -> Result<String, String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let drawn = match name {
            "sigmoid" => draw_sigmoid_figure(&area, SigmoidSettings::default().z, style),
            "relu" => draw_relu_figure(&area, &ReluSettings::default(), style),
            "depth" => draw_depth_figure(&area, &DepthSettings::default(), style),
            "ball" => draw_ball_figure(&area, &BallRun::new(BallSettings::default()), style),
            other => return Err(format!("no figure called {other}")),
        };
        drawn.map_err(|error| format!("drawing {name} failed: {error}"))?;
    }
    Ok(svg)
}

fn run(out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|error| format!("cannot create {}: {error}", out.display()))?;
    for name in ["sigmoid", "relu", "depth", "ball"] {
        for (suffix, palette) in [("", Palette::LIGHT), ("-dark", Palette::DARK)] {
            let svg = render(name, &FigureStyle { palette, scale: SCALE })?;
            let file = out.join(format!("{name}{suffix}.svg"));
            std::fs::write(&file, svg).map_err(|error| format!("cannot write {}: {error}", file.display()))?;
        }
    }
    Ok(())
}

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: figures OUTDIR");
        std::process::exit(2);
    };
    if let Err(message) = run(Path::new(&out)) {
        eprintln!("figures: {message}");
        std::process::exit(1);
    }
}
