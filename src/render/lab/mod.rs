//! The gradient lab's page, natively testable: its six charts, the two runs behind them with
//! their URL state, and the sentences and tables beside each chart.
//!
//! - [`charts`]: one `draw_*` function per chart, generic over plotters' `DrawingBackend`,
//!   drawing plain numbers it is given.
//! - [`session`]: the main run, the comparison run and the ledger's example, and their round
//!   trip through `lab.`-prefixed URL query keys.
//! - [`words`]: numbers written for people, a takeaway per chart, each chart's data table.
//!
//! [`draw_lab_chart`] joins them: it reads a [`LabSession`] and draws one [`LabChart`].
//!
//! ```
//! use vanishing_gradients::render::lab::{draw_lab_chart, LabChart, LabSession};
//! use vanishing_gradients::render::FigureStyle;
//! use plotters::prelude::*;
//!
//! let mut session = LabSession::from_search("?lab.preset=relu-learns");
//! session.run(20);
//! let mut svg = String::new();
//! {
//!     let area = SVGBackend::with_string(&mut svg, (480, 300)).into_drawing_area();
//!     draw_lab_chart(&area, &mut session, LabChart::Gradients, &FigureStyle::default())
//!         .expect("drawing to a string cannot fail");
//! }
//! assert!(svg.contains("ReLU"));
//! ```

pub mod charts;
pub mod session;
pub mod words;

pub use charts::{
    draw_decision, draw_gradient_bars, draw_gradient_lines, draw_ledger, draw_loss,
    draw_unit_health, DecisionView, DrawResult, LedgerView, RunBars, RunLine,
};
pub use session::LabSession;
pub use words::{format_sci, status, table, takeaway, Table};

use crate::lab::data::PLOT_EXTENT;
use crate::lab::GridBox;
use crate::render::FigureStyle;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

/// Side of the decision-boundary grid (cells per row and column).
pub const DECISION_SIDE: usize = 36;

/// The lab's charts, by the names the page uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabChart {
    /// Per-layer gradient bars for the current step, both runs (`gradients`).
    Gradients,
    /// Per-layer gradient lines over training, the main run (`history`).
    History,
    /// The loss curve, both runs (`loss`).
    Loss,
    /// The decision boundary over the data, the main run (`decision`).
    Decision,
    /// Saturated or dead units per hidden layer, both runs (`health`).
    Health,
    /// The chain-rule ledger for the chosen example, the main run (`ledger`).
    Ledger,
}

impl LabChart {
    /// Every chart, in page order.
    pub const ALL: [LabChart; 6] = [
        LabChart::Gradients,
        LabChart::History,
        LabChart::Loss,
        LabChart::Decision,
        LabChart::Health,
        LabChart::Ledger,
    ];

    /// The page's name for the chart.
    pub fn name(self) -> &'static str {
        match self {
            LabChart::Gradients => "gradients",
            LabChart::History => "history",
            LabChart::Loss => "loss",
            LabChart::Decision => "decision",
            LabChart::Health => "health",
            LabChart::Ledger => "ledger",
        }
    }

    /// The chart with this [`LabChart::name`], if any.
    pub fn from_name(name: &str) -> Option<LabChart> {
        LabChart::ALL.into_iter().find(|chart| chart.name() == name)
    }
}

/// Draws `chart` for the current state of `session`.
pub fn draw_lab_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    session: &mut LabSession,
    chart: LabChart,
    style: &FigureStyle,
) -> DrawResult<DB> {
    match chart {
        LabChart::Gradients => {
            let main = session.main();
            let values = main.gradients();
            let other = session.comparison().map(|b| (b.name.as_str(), b.gradients()));
            let stopped = main.trainer.failure().and_then(|f| f.layer());
            draw_gradient_bars(
                area,
                RunBars { name: &main.name, values: &values },
                other.as_ref().map(|(name, values)| RunBars { name, values }),
                stopped,
                style,
            )
        }
        LabChart::History => {
            let history = session.main().trainer.history();
            let mut series = Vec::with_capacity(history.layers());
            for l in 0..history.layers() {
                series.push(history.gradients(l));
            }
            draw_gradient_lines(area, history.steps(), &series, style)
        }
        LabChart::Loss => {
            let line = |run: &session::Run| {
                let h = run.trainer.history();
                (h.steps().to_vec(), h.loss().to_vec())
            };
            let main = session.main();
            let (steps, loss) = line(main);
            let other = session.comparison().map(|b| (b.name.as_str(), line(b)));
            draw_loss(
                area,
                RunLine { name: &main.name, steps: &steps, values: &loss },
                other.as_ref().map(|(name, (steps, values))| RunLine { name, steps, values }),
                style,
            )
        }
        LabChart::Decision => {
            let example = session.example();
            let run = session.main_mut();
            let grid = run.trainer.decision_grid(DECISION_SIDE, GridBox::square(PLOT_EXTENT));
            let data = run.trainer.dataset();
            let view = DecisionView {
                grid: &grid,
                side: DECISION_SIDE,
                extent: PLOT_EXTENT,
                points: &data.points,
                labels: &data.labels,
                highlight: data.points.get(example).copied(),
            };
            draw_decision(area, &view, style)
        }
        LabChart::Health => {
            let main = session.main();
            let values = words::health_values(main);
            let name = words::health_name(main);
            let other = session
                .comparison()
                .map(|b| (words::health_name(b), words::health_values(b)));
            draw_unit_health(
                area,
                RunBars { name: &name, values: &values },
                other.as_ref().map(|(name, values)| RunBars { name, values }),
                style,
            )
        }
        LabChart::Ledger => {
            let ledger = session.main().trainer.ledger(session.example());
            let (mut local, mut running) = (Vec::new(), Vec::new());
            if let Some(ledger) = ledger {
                // The ledger lists layers from the output down; the chart wants layer 1 first.
                for row in ledger.rows.iter().rev() {
                    local.push(row.local_factor);
                    running.push(row.running_product);
                }
            }
            draw_ledger(area, &LedgerView { local: &local, running: &running }, style)
        }
    }
}
