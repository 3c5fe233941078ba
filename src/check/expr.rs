//! The tree of a typed expression: evaluated with checks on every step, and written back out
//! in Unicode ("0.2⁵", "1 / (1 + e⁻⁵)") so learners see how it was read.

use super::parse::{ReadError, ReadProblem};
use crate::problems::text::superscript;

/// A binary operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

/// A function learners may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Function {
    Exp,
    Ln,
    Sqrt,
}

/// A named constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Constant {
    E,
    Pi,
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    Number { value: f64, mantissa: String, exponent: Option<String>, sig_figs: u32 },
    Constant(Constant),
    Negate(Box<Expr>),
    Binary(Op, Box<Expr>, Box<Expr>),
    Call(Function, Box<Expr>),
}

const SUM: u8 = 1;
const PRODUCT: u8 = 2;
const UNARY: u8 = 3;
const POWER: u8 = 4;
const ATOM: u8 = 5;

fn undefined(detail: &str) -> ReadError {
    ReadError { problem: ReadProblem::NotFinite, detail: detail.to_string() }
}

impl Expr {
    /// The value, or why there is none (division by zero, ln of a negative, overflow).
    pub(crate) fn eval(&self) -> Result<f64, ReadError> {
        let value = match self {
            Expr::Number { value, .. } => *value,
            Expr::Constant(Constant::E) => std::f64::consts::E,
            Expr::Constant(Constant::Pi) => std::f64::consts::PI,
            Expr::Negate(x) => -x.eval()?,
            Expr::Binary(op, l, r) => {
                let (l, r) = (l.eval()?, r.eval()?);
                match op {
                    Op::Add => l + r,
                    Op::Sub => l - r,
                    Op::Mul => l * r,
                    Op::Div if r == 0.0 => return Err(undefined("it divides by zero")),
                    Op::Div => l / r,
                    Op::Pow => l.powf(r),
                }
            }
            Expr::Call(f, x) => {
                let x = x.eval()?;
                match f {
                    Function::Exp => x.exp(),
                    Function::Ln if x <= 0.0 => return Err(undefined("ln needs a number above 0")),
                    Function::Ln => x.ln(),
                    Function::Sqrt if x < 0.0 => return Err(undefined("sqrt needs a number of at least 0")),
                    Function::Sqrt => x.sqrt(),
                }
            }
        };
        if value.is_nan() {
            Err(undefined("it has no real value"))
        } else if value.is_infinite() {
            Err(undefined("it is too large to work with"))
        } else {
            Ok(value)
        }
    }

    /// The significant figures typed, when the expression is one number: "0.0067", "−0.0067",
    /// "6.7e-3", "6.7 × 10⁻³" or "6.7 × 10^-3". `None` for anything computed.
    pub(crate) fn literal_sig_figs(&self) -> Option<u32> {
        match self {
            Expr::Number { sig_figs, .. } => Some(*sig_figs),
            Expr::Negate(x) => x.literal_sig_figs(),
            Expr::Binary(Op::Mul, m, p) if p.is_power_of_ten() => match **m {
                Expr::Number { exponent: None, sig_figs, .. } => Some(sig_figs),
                _ => None,
            },
            _ => None,
        }
    }

    fn is_power_of_ten(&self) -> bool {
        match self {
            Expr::Binary(Op::Pow, base, exponent) => {
                matches!(**base, Expr::Number { value, exponent: None, .. } if value == 10.0)
                    && exponent.integer().is_some()
            }
            _ => false,
        }
    }

    /// The integer this is, when it is an integer literal (or the negation of one).
    fn integer(&self) -> Option<i64> {
        match self {
            Expr::Number { value, exponent: None, .. } if value.fract() == 0.0 && value.abs() < 1e6 => {
                Some(*value as i64)
            }
            Expr::Negate(x) => x.integer().map(|n| -n),
            _ => None,
        }
    }

    /// The expression written out in Unicode with as few brackets as the meaning allows.
    pub(crate) fn pretty(&self) -> String {
        self.render().0
    }

    fn at_least(&self, level: u8) -> String {
        let (text, own) = self.render();
        if own < level {
            format!("({text})")
        } else {
            text
        }
    }

    fn render(&self) -> (String, u8) {
        match self {
            Expr::Number { mantissa, exponent: None, .. } => (mantissa.clone(), ATOM),
            Expr::Number { mantissa, exponent: Some(e), .. } => {
                let power = match e.parse::<i64>() {
                    Ok(n) => superscript(n),
                    Err(_) => format!("^{e}"),
                };
                (format!("{mantissa} × 10{power}"), PRODUCT)
            }
            Expr::Constant(Constant::E) => ("e".to_string(), ATOM),
            Expr::Constant(Constant::Pi) => ("π".to_string(), ATOM),
            Expr::Negate(x) => (format!("−{}", x.at_least(UNARY)), UNARY),
            Expr::Binary(Op::Pow, base, exponent) => {
                let power = match exponent.integer() {
                    Some(n) => superscript(n),
                    None => format!("^{}", exponent.at_least(ATOM)),
                };
                (format!("{}{power}", base.at_least(ATOM)), POWER)
            }
            Expr::Binary(op, l, r) => {
                let (symbol, level) = match op {
                    Op::Add => ("+", SUM),
                    Op::Sub => ("−", SUM),
                    Op::Mul => ("×", PRODUCT),
                    _ => ("/", PRODUCT),
                };
                (format!("{} {symbol} {}", l.at_least(level), r.at_least(level + 1)), level)
            }
            Expr::Call(f, x) => {
                let name = match f {
                    Function::Exp => "exp",
                    Function::Ln => "ln",
                    Function::Sqrt => "sqrt",
                };
                (format!("{name}({})", x.pretty()), ATOM)
            }
        }
    }
}
