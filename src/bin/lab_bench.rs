//! Prints the gradient lab's training speed in steps per second for the fixed
//! configuration: 8 hidden layers × 16 units, batch 32, sigmoid (Xavier), circle data.
//!
//! Run natively with `cargo run --release --bin lab_bench` (optionally a step count).

use std::time::Instant;

use vanishing_gradients::lab::{LabConfig, Trainer};

fn main() {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(20_000);
    let config = LabConfig {
        hidden_layers: 8,
        width: 16,
        batch_size: 32,
        ..LabConfig::DEFAULT
    };
    let mut trainer = match Trainer::new(&config) {
        Ok(trainer) => trainer,
        Err(error) => {
            eprintln!("bad benchmark config: {error}");
            std::process::exit(1);
        }
    };
    let _ = trainer.run(200); // warm-up
    let started = Instant::now();
    let outcome = trainer.run(steps);
    let seconds = started.elapsed().as_secs_f64();
    if let Err(failure) = outcome {
        eprintln!("training stopped: {failure}");
    }
    println!(
        "lab_bench: {} steps of {} in {seconds:.3} s = {:.0} steps/s (loss {:.4})",
        steps,
        config.to_query(),
        steps as f64 / seconds,
        trainer.last_step().loss
    );
}
