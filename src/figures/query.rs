//! Reading and rewriting a URL query string: capped, forgiving, and blind to other scripts' keys.

/// Queries longer than this are not read for figure settings (every setting keeps its default).
pub const MAX_QUERY_LENGTH: usize = 2048;
/// Values longer than this are ignored (the setting keeps its default).
pub const MAX_VALUE_LENGTH: usize = 32;
/// Only this many `key=value` pairs are looked at.
const MAX_PAIRS: usize = 64;

/// The `key=value` pairs of a query such as `?view=scroll&sigmoid.z=5`, raw (not decoded).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Query<'a> {
    /// Splits `search` (with or without its leading `?`); an over-long query reads as empty.
    pub fn parse(search: &'a str) -> Self {
        if search.len() > MAX_QUERY_LENGTH {
            return Query::default();
        }
        let pairs = raw_pairs(search).take(MAX_PAIRS).collect();
        Query { pairs }
    }

    /// The decoded value of the first `key`, if present, short enough and decodable.
    pub fn get(&self, key: &str) -> Option<String> {
        let (_, raw) = self.pairs.iter().find(|(k, _)| *k == key)?;
        if raw.len() > MAX_VALUE_LENGTH {
            return None;
        }
        percent_decode(raw)
    }

    /// The value of `key` as a finite number, if it is one.
    pub fn number(&self, key: &str) -> Option<f64> {
        self.get(key)?.trim().parse::<f64>().ok().filter(|x| x.is_finite())
    }

    /// The value of `key` as a yes/no switch (`1`/`true`/`on` or `0`/`false`/`off`).
    pub fn switch(&self, key: &str) -> Option<bool> {
        match self.get(key)?.trim() {
            "1" | "true" | "on" | "yes" => Some(true),
            "0" | "false" | "off" | "no" => Some(false),
            _ => None,
        }
    }
}

fn raw_pairs(search: &str) -> impl Iterator<Item = (&str, &str)> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| part.split_once('=').unwrap_or((part, "")))
}

/// `search` with every key starting with `prefix` removed and `pairs` appended, other keys kept
/// as they were, in order. Returns `""` or a string starting with `?`.
///
/// ```
/// use vanishing_gradients::figures::query::rewrite;
/// let pairs = [("sigmoid.z".to_owned(), "5".to_owned())];
/// assert_eq!(rewrite("?view=scroll&sigmoid.z=1", "sigmoid.", &pairs), "?view=scroll&sigmoid.z=5");
/// assert_eq!(rewrite("?sigmoid.z=1", "sigmoid.", &[]), "");
/// ```
pub fn rewrite(search: &str, prefix: &str, pairs: &[(String, String)]) -> String {
    let kept = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|part| !part.is_empty() && !part.starts_with(prefix));
    let ours = pairs.iter().map(|(key, value)| format!("{key}={value}"));
    let all: Vec<String> = kept.map(str::to_owned).chain(ours).collect();
    if all.is_empty() {
        String::new()
    } else {
        format!("?{}", all.join("&"))
    }
}

/// Decodes `+` and `%XX`; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(raw: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let high = hex_digit(rest.next()?)?;
                let low = hex_digit(rest.next()?)?;
                bytes.push(high * 16 + low);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// `x` rounded to `decimals` places as URL text: `5`, `-2.3`, `0.2` (never `-0`).
pub fn number_text(x: f64, decimals: i32) -> String {
    let scale = 10f64.powi(decimals);
    let rounded = (x * scale).round() / scale;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_by_key_and_ignores_the_rest() {
        let query = Query::parse("?view=scroll&sigmoid.z=5&flag&depth.factor=0.25");
        assert_eq!(query.number("sigmoid.z"), Some(5.0));
        assert_eq!(query.number("depth.factor"), Some(0.25));
        assert_eq!(query.get("flag").as_deref(), Some(""));
        assert_eq!(query.number("relu.z"), None);
    }

    #[test]
    fn malformed_values_read_as_absent() {
        let query = Query::parse("a=abc&b=NaN&c=inf&d=%ZZ&e=%C3&f=1e999&g=12345678901234567890123456789012345");
        for key in ["a", "b", "c", "d", "e", "f", "g"] {
            assert_eq!(query.number(key), None, "{key}");
        }
    }

    #[test]
    fn escapes_and_plus_decode() {
        let query = Query::parse("z=%2D2.5&w=+3&on=tr%75e");
        assert_eq!(query.number("z"), Some(-2.5));
        assert_eq!(query.number("w"), Some(3.0));
        assert_eq!(query.switch("on"), Some(true));
    }

    #[test]
    fn an_over_long_query_is_not_read() {
        let long = format!("sigmoid.z=5&pad={}", "x".repeat(MAX_QUERY_LENGTH));
        assert_eq!(Query::parse(&long).number("sigmoid.z"), None);
    }

    #[test]
    fn rewrite_keeps_foreign_keys_in_order() {
        let pairs = [("depth.layers".to_owned(), "9".to_owned())];
        let out = rewrite("view=scroll&depth.layers=3&x=%20y&depth.lr=1", "depth.", &pairs);
        assert_eq!(out, "?view=scroll&x=%20y&depth.layers=9");
    }

    #[test]
    fn number_text_is_short_and_never_negative_zero() {
        assert_eq!(number_text(0.1 + 0.2, 1), "0.3");
        assert_eq!(number_text(-0.04, 1), "0");
        assert_eq!(number_text(5.0, 2), "5");
        assert_eq!(number_text(-2.346, 2), "-2.35");
    }
}
