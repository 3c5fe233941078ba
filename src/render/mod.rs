//! Figures drawn with plotters, each a function generic over `DrawingBackend`, from data it is given.

mod ball;
mod depth;
pub mod lab;
mod lines;
mod relu;
mod sigmoid;

pub use ball::draw_ball_figure;
pub use depth::{draw_depth_figure, LOG_FLOOR};
pub use lines::{Line, Marker};
pub use relu::draw_relu_figure;

use crate::figures::{BallRun, FigureState};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
pub use sigmoid::draw_sigmoid_figure;

use plotters::style::{Color, FontDesc, FontFamily, FontStyle, IntoFont, RGBColor, TextStyle};

/// Colours of one theme. Series differ by line style too, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Canvas background.
    pub background: RGBColor,
    /// Text, axes and the marker outline.
    pub foreground: RGBColor,
    /// Light grid lines.
    pub grid: RGBColor,
    /// Shading of regions the figure calls out (saturation zones, dead zones).
    pub shade: RGBColor,
    /// The function itself (solid line).
    pub primary: RGBColor,
    /// Its derivative (dashed line).
    pub secondary: RGBColor,
    /// A third series, e.g. ReLU (dotted or stepped).
    pub tertiary: RGBColor,
    /// A fourth series, e.g. the weight update (with triangle markers).
    pub quaternary: RGBColor,
}

impl Palette {
    /// Every colour that marks data (lines, markers), in series order.
    pub fn marks(&self) -> [RGBColor; 5] {
        [self.foreground, self.primary, self.secondary, self.tertiary, self.quaternary]
    }

    /// Dark marks on white; every mark at least 3:1 against the background.
    pub const LIGHT: Palette = Palette {
        background: RGBColor(255, 255, 255),
        foreground: RGBColor(31, 35, 40),
        grid: RGBColor(228, 231, 235),
        shade: RGBColor(253, 236, 206),
        primary: RGBColor(9, 105, 218),
        secondary: RGBColor(188, 76, 0),
        tertiary: RGBColor(26, 127, 55),
        quaternary: RGBColor(130, 80, 223),
    };
    /// Light marks on near-black; every mark at least 3:1 against the background.
    pub const DARK: Palette = Palette {
        background: RGBColor(22, 27, 34),
        foreground: RGBColor(230, 237, 243),
        grid: RGBColor(48, 54, 61),
        shade: RGBColor(70, 52, 20),
        primary: RGBColor(88, 166, 255),
        secondary: RGBColor(255, 166, 87),
        tertiary: RGBColor(63, 185, 80),
        quaternary: RGBColor(188, 140, 255),
    };
}

/// How to draw: the theme and how many backing pixels make one CSS pixel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureStyle {
    /// Colours.
    pub palette: Palette,
    /// Backing-store pixels per layout pixel (devicePixelRatio × any zoom); 1.0 for SVG.
    pub scale: f64,
}

impl Default for FigureStyle {
    fn default() -> Self {
        FigureStyle { palette: Palette::LIGHT, scale: 1.0 }
    }
}

impl FigureStyle {
    /// A length in layout pixels, as backing pixels (at least 1).
    pub fn px(&self, layout_pixels: f64) -> u32 {
        let scale = if self.scale.is_finite() && self.scale > 0.0 { self.scale.min(8.0) } else { 1.0 };
        (layout_pixels * scale).round().max(1.0) as u32
    }

    /// A sans-serif text style of `size` layout pixels in the foreground colour.
    pub fn text(&self, size: f64) -> TextStyle<'static> {
        FontDesc::new(FontFamily::SansSerif, f64::from(self.px(size)), FontStyle::Normal)
            .into_font()
            .color(&self.palette.foreground)
    }

    /// Like [`FigureStyle::text`] but in another colour.
    pub fn text_in(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        TextStyle { color: colour.to_backend_color(), ..self.text(size) }
    }
}

/// Draws whichever figure `state` is of.
pub fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    state: &FigureState,
    style: &FigureStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match state {
        FigureState::Sigmoid(settings) => draw_sigmoid_figure(area, settings.z, style),
        FigureState::Relu(settings) => draw_relu_figure(area, settings, style),
        FigureState::Depth(settings) => draw_depth_figure(area, settings, style),
        FigureState::Ball(settings) => draw_ball_figure(area, &BallRun::new(*settings), style),
    }
}

/// `count + 1` evenly spaced samples of `f` over `[from, to]`, for drawing a curve.
pub fn sample(f: impl Fn(f64) -> f64, from: f64, to: f64, count: usize) -> Vec<(f64, f64)> {
    let count = count.max(1);
    (0..=count)
        .map(|i| {
            let x = from + (to - from) * i as f64 / count as f64;
            (x, f(x))
        })
        .collect()
}
