//! Splits typed text into tokens, folding the many ways of writing −, ×, ÷ and exponents into one set.

use super::parse::{ReadError, ReadProblem};

/// One piece of what was typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A number literal: its value, its mantissa as typed ("6.7"), its decimal exponent as
    /// typed ("-3" for "6.7e-3") and its count of significant figures.
    Number { value: f64, mantissa: String, exponent: Option<String>, sig_figs: u32 },
    /// A name such as "exp", "e" or "π", in lower case.
    Name(String),
    Plus,
    Minus,
    Times,
    Divide,
    Power,
    Open,
    Close,
    Percent,
    /// An exponent written in superscripts ("⁻³"), as its value.
    Superscript(f64),
}

/// A token with where it starts (1-based character position) and its text for messages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub at: usize,
    pub text: String,
}

fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Letters of names: ASCII and Greek (π, σ). Kept this narrow on purpose: full Unicode letter
/// and case tables would add tens of kilobytes to the wasm for names nobody types here.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{0370}'..='\u{03FF}').contains(&c)
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '–' | '‐' | '‑' | '﹣' | '－')
}

fn syntax(detail: String) -> ReadError {
    ReadError { problem: ReadProblem::Syntax, detail }
}

/// Tokenises `input` (already trimmed and length-checked).
pub(crate) fn lex(input: &str) -> Result<Vec<Token>, ReadError> {
    let chars: Vec<char> = input.chars().collect();
    // A comma is a decimal separator only when no point is used anywhere ("0,0067").
    let comma_decimal = !input.contains('.');
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i + 1;
        let next = chars.get(i + 1).copied();
        let simple = match c {
            // Spaces, and the invisible characters a copy-paste can carry along.
            _ if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}') => {
                i += 1;
                continue;
            }
            '+' | '＋' => Some(Tok::Plus),
            _ if is_minus(c) => Some(Tok::Minus),
            '*' if next == Some('*') => {
                tokens.push(Token { tok: Tok::Power, at, text: "**".to_string() });
                i += 2;
                continue;
            }
            '*' | '×' | '·' | '⋅' | '∙' | '✕' | '✖' => Some(Tok::Times),
            '/' | '÷' | '∕' => Some(Tok::Divide),
            '^' => Some(Tok::Power),
            '(' | '[' => Some(Tok::Open),
            ')' | ']' => Some(Tok::Close),
            '%' | '％' => Some(Tok::Percent),
            _ => None,
        };
        if let Some(tok) = simple {
            tokens.push(Token { tok, at, text: c.to_string() });
            i += 1;
        } else if c.is_ascii_digit() || c == '.' || (c == ',' && comma_decimal) {
            let (token, end) = number(&chars, i, comma_decimal)?;
            tokens.push(token);
            i = end;
        } else if superscript_value(c).is_some() || c == '⁻' || c == '⁺' {
            let (token, end) = superscript(&chars, i)?;
            tokens.push(token);
            i = end;
        } else if is_letter(c) {
            let end = (i..chars.len()).find(|&j| !is_letter(chars[j])).unwrap_or(chars.len());
            let text: String = chars[i..end].iter().collect();
            let lower = text.to_ascii_lowercase();
            let tok = if lower == "x" { Tok::Times } else { Tok::Name(lower) };
            tokens.push(Token { tok, at, text });
            i = end;
        } else if c == ',' {
            return Err(syntax(format!(
                "the comma at character {at} is ambiguous: use a point (.) for decimals"
            )));
        } else {
            return Err(syntax(format!("“{}” at character {at} is not part of a number", shown(c))));
        }
    }
    Ok(tokens)
}

/// Characters that must not be quoted back raw: controls, and the invisible formatting and
/// direction marks (U+202E would flip the rest of the message).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A character as it can safely appear in a message (invisible ones become U+XXXX).
pub(crate) fn shown(c: char) -> String {
    if is_invisible(c) || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

fn number(chars: &[char], start: usize, comma_decimal: bool) -> Result<(Token, usize), ReadError> {
    let at = start + 1;
    let mut i = start;
    let digits_from = |i: usize| (i..chars.len()).find(|&j| !chars[j].is_ascii_digit()).unwrap_or(chars.len());
    let end = digits_from(i);
    let whole: String = chars[i..end].iter().collect();
    i = end;
    let mut fraction = String::new();
    let mut comma = false;
    if let Some(&p) = chars.get(i) {
        let is_point = p == '.' || (p == ',' && comma_decimal && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if is_point {
            comma = p == ',';
            let end = digits_from(i + 1);
            fraction = chars[i + 1..end].iter().collect();
            i = end;
        }
    }
    if whole.is_empty() && fraction.is_empty() {
        return Err(syntax(format!("“{}” at character {at} is not a number", shown(chars[start]))));
    }
    if comma && fraction.len() == 3 && !whole.trim_start_matches('0').is_empty() {
        return Err(syntax(format!(
            "“{whole},{fraction}” could mean {whole} thousand {fraction} or {whole} point {fraction}: use a point (.) for decimals"
        )));
    }
    let mut exponent = None;
    if matches!(chars.get(i), Some('e' | 'E')) {
        let signed = chars.get(i + 1).is_some_and(|&c| is_minus(c) || c == '+');
        let first_digit = if signed { i + 2 } else { i + 1 };
        if chars.get(first_digit).is_some_and(char::is_ascii_digit) {
            let end = digits_from(first_digit);
            let mut text = String::new();
            if signed && chars.get(i + 1) != Some(&'+') {
                text.push('-');
            }
            text.extend(&chars[first_digit..end]);
            exponent = Some(text);
            i = end;
        }
    }
    let mantissa = format!(
        "{}{}{}",
        if whole.is_empty() { "0" } else { &whole },
        if fraction.is_empty() { "" } else { "." },
        fraction
    );
    let literal = match &exponent {
        Some(e) => format!("{mantissa}e{e}"),
        None => mantissa.clone(),
    };
    let value: f64 = literal
        .parse()
        .map_err(|_| syntax(format!("“{literal}” at character {at} is not a number")))?;
    let significant = format!("{whole}{fraction}");
    let sig_figs = significant.trim_start_matches('0').len();
    let text: String = chars[start..i].iter().collect();
    let tok = Tok::Number {
        value,
        mantissa,
        exponent,
        sig_figs: u32::try_from(sig_figs).unwrap_or(u32::MAX),
    };
    Ok((Token { tok, at, text }, i))
}

fn superscript(chars: &[char], start: usize) -> Result<(Token, usize), ReadError> {
    let mut i = start;
    let mut negative = false;
    if chars[i] == '⁻' || chars[i] == '⁺' {
        negative = chars[i] == '⁻';
        i += 1;
    }
    let mut value = 0.0_f64;
    let digits_start = i;
    while let Some(d) = chars.get(i).and_then(|&c| superscript_value(c)) {
        value = value * 10.0 + f64::from(d);
        i += 1;
    }
    if i == digits_start {
        return Err(syntax(format!(
            "the superscript sign at character {} needs digits after it",
            start + 1
        )));
    }
    let text: String = chars[start..i].iter().collect();
    let value = if negative { -value } else { value };
    Ok((Token { tok: Tok::Superscript(value), at: start + 1, text }, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).map(|v| v.into_iter().map(|t| t.tok).collect()).unwrap_or_default()
    }

    #[test]
    fn spellings_fold_together() {
        assert_eq!(toks("2 × 3"), toks("2*3"));
        assert_eq!(toks("2 x 3"), toks("2 X 3"));
        assert_eq!(toks("2 · 3"), toks("2*3"));
        assert_eq!(toks("−1"), toks("-1"));
        assert_eq!(toks("2**3"), toks("2^3"));
        assert_eq!(toks("4 ÷ 2"), toks("4/2"));
    }

    #[test]
    fn numbers_keep_their_significant_figures() {
        let sig = |s: &str| match toks(s).first() {
            Some(Tok::Number { sig_figs, .. }) => *sig_figs,
            _ => 99,
        };
        assert_eq!(sig("0.0067"), 2);
        assert_eq!(sig(".00665"), 3);
        assert_eq!(sig("6.70e-3"), 3);
        assert_eq!(sig("0"), 0);
    }

    #[test]
    fn superscripts_and_commas() {
        assert_eq!(toks("⁻³"), vec![Tok::Superscript(-3.0)]);
        assert_eq!(toks("²⁵"), vec![Tok::Superscript(25.0)]);
        assert!(lex("⁻").is_err());
        assert!(matches!(toks("0,0067").first(), Some(Tok::Number { value, .. }) if *value == 0.0067));
        assert!(lex("1,000").is_err());
        assert!(lex("1,5.2").is_err());
        assert!(lex("0.1 # 2").is_err());
    }
}
