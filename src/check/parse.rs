//! Reads what a learner typed into a number plus how it was read: a small recursive-descent
//! parser over [`lex`](super::lex) tokens with caps on length and nesting.
//!
//! Grammar (loosest first; `^` is right-associative and binds tighter than a leading minus, so
//! −0.2² = −0.04 and e^-5 = e^(−5)):
//!
//! ```text
//! answer  = sum [ "%" ]
//! sum     = product { ("+" | "−") product }
//! product = unary { ("×" | "/") unary }
//! unary   = ("−" | "+") unary | power
//! power   = postfix [ "^" unary ]
//! postfix = atom { superscript }
//! atom    = number | "e" | "π" | ("exp" | "ln" | "sqrt") "(" sum ")" | "(" sum ")"
//! ```

use super::expr::{Constant, Expr, Function, Op};
use super::lex::{lex, Tok, Token};

/// Longest answer read, in characters (after trimming spaces).
pub const MAX_CHARS: usize = 200;

/// Deepest nesting of brackets, signs and exponents read.
pub const MAX_DEPTH: usize = 32;

/// What kind of thing stopped the reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_CHARS`].
    TooLong,
    /// Not a number or expression we can read.
    Syntax,
    /// Read, but with no finite value (1e999, 1/0, ln(−1)).
    NotFinite,
}

/// Why an answer could not be read, with a sentence fragment saying where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// The kind of problem.
    pub problem: ReadProblem,
    /// What went wrong, to follow "Can't read …: " ("“)” at character 4 has no “(” to close").
    pub detail: String,
}

/// A number read from an answer, and how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The number meant: a percent is already divided by 100 ("2.7 %" → 0.027).
    pub value: f64,
    /// Whether the answer ended with a % sign.
    pub percent: bool,
    /// The value before any % sign was applied ("2.7 %" → 2.7).
    pub typed_value: f64,
    /// Significant figures typed, when the answer is a single number (also "6.7 × 10⁻³").
    pub sig_figs: Option<u32>,
    /// The expression written out in Unicode, when the answer is more than a single number.
    pub expression: Option<String>,
}

/// Reads an answer.
///
/// ```
/// use vanishing_gradients::check::read;
/// let r = read(" 6.7 x 10⁻³ ").unwrap();
/// assert!((r.value - 0.0067).abs() < 1e-15);
/// assert_eq!(read("2.7 %").map(|r| r.percent), Ok(true));
/// assert!(read("0.2 ^").is_err());
/// ```
pub fn read(input: &str) -> Result<Reading, ReadError> {
    // Cheap byte check first so a megabyte string is never scanned further.
    let too_long = || ReadError {
        problem: ReadProblem::TooLong,
        detail: format!("the answer is longer than {MAX_CHARS} characters"),
    };
    if input.len() > 4 * MAX_CHARS + 64 {
        return Err(too_long());
    }
    let input = input.trim();
    if input.is_empty() {
        return Err(ReadError { problem: ReadProblem::Empty, detail: "the answer is empty".to_string() });
    }
    if input.chars().count() > MAX_CHARS {
        return Err(too_long());
    }
    let tokens = lex(input)?;
    let mut parser = Parser { tokens: &tokens, next: 0, depth: 0 };
    let expr = parser.sum()?;
    let percent = parser.eat(&Tok::Percent);
    if let Some(extra) = parser.peek_token() {
        return Err(if percent {
            syntax("the % sign can only come at the very end".to_string())
        } else {
            parser.unexpected(extra)
        });
    }
    let typed_value = expr.eval()?;
    let value = if percent { typed_value / 100.0 } else { typed_value };
    let sig_figs = expr.literal_sig_figs();
    let expression = sig_figs.is_none().then(|| expr.pretty());
    Ok(Reading { value, percent, typed_value, sig_figs, expression })
}

struct Parser<'a> {
    tokens: &'a [Token],
    next: usize,
    depth: usize,
}

fn syntax(detail: String) -> ReadError {
    ReadError { problem: ReadProblem::Syntax, detail }
}

impl<'a> Parser<'a> {
    fn peek_token(&self) -> Option<&'a Token> {
        self.tokens.get(self.next)
    }

    fn peek(&self) -> Option<&'a Tok> {
        self.peek_token().map(|t| &t.tok)
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.peek() == Some(tok) {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn previous_text(&self) -> &'a str {
        self.next.checked_sub(1).and_then(|i| self.tokens.get(i)).map_or("", |t| t.text.as_str())
    }

    /// Runs `f` one level deeper, refusing to go past [`MAX_DEPTH`].
    fn deeper<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, ReadError>) -> Result<T, ReadError> {
        if self.depth >= MAX_DEPTH {
            return Err(syntax(format!(
                "it nests brackets, signs or powers more than {MAX_DEPTH} deep"
            )));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    fn unexpected(&self, token: &Token) -> ReadError {
        let at = token.at;
        let text = &token.text;
        syntax(match token.tok {
            Tok::Close => format!("“{text}” at character {at} has no “(” to close"),
            Tok::Percent => format!("the % sign at character {at} can only come at the very end"),
            Tok::Number { .. } | Tok::Name(_) | Tok::Open => format!(
                "an operator seems to be missing before “{text}” at character {at} (write × or * to multiply)"
            ),
            Tok::Superscript(_) => format!("the superscript “{text}” at character {at} has nothing to raise"),
            _ => format!("“{text}” at character {at} is out of place"),
        })
    }

    fn missing(&self, what: &str) -> ReadError {
        match self.peek_token() {
            Some(token) if matches!(token.tok, Tok::Close | Tok::Percent | Tok::Superscript(_)) => {
                self.unexpected(token)
            }
            Some(token) => syntax(format!("expected {what} at character {}, not “{}”", token.at, token.text)),
            None if self.next == 0 => syntax(format!("expected {what}")),
            None => syntax(format!("it ends too early: {what} should follow “{}”", self.previous_text())),
        }
    }

    fn sum(&mut self) -> Result<Expr, ReadError> {
        let mut lhs = self.product()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Plus) => Op::Add,
                Some(Tok::Minus) => Op::Sub,
                _ => return Ok(lhs),
            };
            self.next += 1;
            let rhs = self.product()?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn product(&mut self) -> Result<Expr, ReadError> {
        let mut lhs = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Times) => Op::Mul,
                Some(Tok::Divide) => Op::Div,
                _ => return Ok(lhs),
            };
            self.next += 1;
            let rhs = self.unary()?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
    }

    fn unary(&mut self) -> Result<Expr, ReadError> {
        if self.eat(&Tok::Minus) {
            self.deeper(|p| p.unary()).map(|x| Expr::Negate(Box::new(x)))
        } else if self.eat(&Tok::Plus) {
            self.deeper(|p| p.unary())
        } else {
            self.power()
        }
    }

    fn power(&mut self) -> Result<Expr, ReadError> {
        let base = self.postfix()?;
        if self.eat(&Tok::Power) {
            let exponent = self.deeper(|p| p.unary())?;
            Ok(Expr::Binary(Op::Pow, Box::new(base), Box::new(exponent)))
        } else {
            Ok(base)
        }
    }

    fn postfix(&mut self) -> Result<Expr, ReadError> {
        let mut base = self.atom()?;
        while let Some(&Tok::Superscript(n)) = self.peek() {
            self.next += 1;
            let magnitude = Expr::Number {
                value: n.abs(),
                mantissa: format!("{}", n.abs()),
                exponent: None,
                sig_figs: 0,
            };
            let exponent = if n < 0.0 { Expr::Negate(Box::new(magnitude)) } else { magnitude };
            base = Expr::Binary(Op::Pow, Box::new(base), Box::new(exponent));
        }
        Ok(base)
    }

    fn atom(&mut self) -> Result<Expr, ReadError> {
        let Some(token) = self.peek_token() else {
            return Err(self.missing("a number"));
        };
        match &token.tok {
            Tok::Number { value, mantissa, exponent, sig_figs } => {
                self.next += 1;
                Ok(Expr::Number {
                    value: *value,
                    mantissa: mantissa.clone(),
                    exponent: exponent.clone(),
                    sig_figs: *sig_figs,
                })
            }
            Tok::Open => {
                self.next += 1;
                let inner = self.deeper(|p| p.sum())?;
                if self.eat(&Tok::Close) {
                    Ok(inner)
                } else {
                    Err(self.missing(&format!("“)” to close the “(” at character {}", token.at)))
                }
            }
            Tok::Name(name) => {
                self.next += 1;
                self.name(name, token)
            }
            _ => Err(self.missing("a number")),
        }
    }

    fn name(&mut self, name: &str, token: &Token) -> Result<Expr, ReadError> {
        let function = match name {
            "e" => return Ok(Expr::Constant(Constant::E)),
            "pi" | "π" => return Ok(Expr::Constant(Constant::Pi)),
            "exp" => Function::Exp,
            "ln" => Function::Ln,
            "sqrt" => Function::Sqrt,
            "log" => {
                return Err(syntax(
                    "“log” could mean base 10 or base e: write ln(…) for the natural logarithm".to_string(),
                ))
            }
            _ => {
                return Err(syntax(format!(
                    "“{}” at character {} is not a name known here (known: e, π, exp, ln, sqrt)",
                    token.text, token.at
                )))
            }
        };
        if self.peek() != Some(&Tok::Open) {
            return Err(syntax(format!("write {name} with brackets, as in {name}(-5)")));
        }
        self.atom().map(|x| Expr::Call(function, Box::new(x)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> f64 {
        read(s).map_or(f64::NAN, |r| r.value)
    }

    #[test]
    fn precedence_follows_mathematics() {
        assert_eq!(value("-0.2^2"), -0.04000000000000001);
        assert_eq!(value("2^3^2"), 512.0);
        assert_eq!(value("1 - 2 - 3"), -4.0);
        assert_eq!(value("8 / 4 / 2"), 1.0);
        assert_eq!(value("2 * 3 + 4"), 10.0);
        assert_eq!(value("e^-1"), (-1.0_f64).exp());
        assert_eq!(value("10⁻³"), 10f64.powf(-3.0));
    }

    #[test]
    fn errors_say_where() {
        let detail = |s: &str| read(s).err().map(|e| e.detail).unwrap_or_default();
        assert!(detail("(1+2").contains("“)”"), "{}", detail("(1+2"));
        assert!(detail("1+2)").contains("character 4"));
        assert!(detail("2%3").contains("% sign"));
        assert!(detail("2 3").contains("operator"));
        assert!(detail("exp 5").contains("brackets"));
        assert!(detail("foo(2)").contains("foo"));
        assert!(detail("1 +").contains("ends too early"));
    }

    #[test]
    fn pretty_uses_few_brackets() {
        let shown = |s: &str| read(s).ok().and_then(|r| r.expression).unwrap_or_default();
        assert_eq!(shown("1/(1+e^-5)"), "1 / (1 + e⁻⁵)");
        assert_eq!(shown("0.2**5"), "0.2⁵");
        assert_eq!(shown("(-2)^2"), "(−2)²");
        assert_eq!(shown("2^(1/2)"), "2^(1 / 2)");
        assert_eq!(shown("1-(2-3)"), "1 − (2 − 3)");
        assert_eq!(shown("exp(-5)"), "exp(−5)");
        assert_eq!(shown("6.7e-3*2"), "6.7 × 10⁻³ × 2");
    }
}
