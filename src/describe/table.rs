//! A figure's data as a table: the same numbers the figure draws, for an HTML table and a CSV file.

use super::plain;

/// One table cell: text (a name) or a number (shown rounded, exported in full).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A label such as a surface's name.
    Text(String),
    /// A value.
    Number(f64),
}

impl Cell {
    /// The cell for people: numbers with 4 significant digits (`4.54 × 10⁻⁵`).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(x) => plain(*x, 4),
        }
    }

    /// The cell for a CSV file: numbers to 10 significant digits in ASCII (`4.539786870e-5`).
    pub fn csv(&self) -> String {
        match self {
            Cell::Text(text) => csv_quoted(text),
            Cell::Number(x) => csv_number(*x),
        }
    }
}

/// A caption, column headers, rows of cells and optionally the row the figure marks.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    /// What the table holds, in a sentence.
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
    /// The row that matches the figure's marker, if any.
    pub marked_row: Option<usize>,
}

impl DataTable {
    /// The table as CSV (RFC 4180: comma-separated, CRLF line ends), with a `marked` column when
    /// a row is marked.
    pub fn csv(&self) -> String {
        let marked = self.marked_row;
        let mut lines = Vec::with_capacity(self.rows.len() + 1);
        let mut header: Vec<String> = self.headers.iter().map(|h| csv_quoted(h)).collect();
        if marked.is_some() {
            header.push("marked".to_owned());
        }
        lines.push(header.join(","));
        for (index, row) in self.rows.iter().enumerate() {
            let mut cells: Vec<String> = row.iter().map(Cell::csv).collect();
            if marked.is_some() {
                cells.push(if marked == Some(index) { "yes" } else { "" }.to_owned());
            }
            lines.push(cells.join(","));
        }
        lines.join("\r\n") + "\r\n"
    }

    /// The table for the page as lines: the caption, the marked row's index (or empty), the
    /// headers, then one line per row; cells are separated by tabs and shown for people.
    pub fn page_text(&self) -> String {
        let marked = self.marked_row.map(|row| row.to_string()).unwrap_or_default();
        let mut lines = vec![self.caption.clone(), marked, self.headers.join("\t")];
        lines.extend(self.rows.iter().map(|row| row.iter().map(Cell::display).collect::<Vec<_>>().join("\t")));
        lines.join("\n")
    }

    /// Every cell for people, row after row.
    pub fn display_cells(&self) -> Vec<String> {
        self.rows.iter().flatten().map(Cell::display).collect()
    }
}

/// Puts `marker` among `rows` (sorted by `key`): the index of a row with an equal key, or of the
/// marker inserted in order; `None` (and nothing inserted) for a NaN key.
pub(crate) fn insert_marked<P>(rows: &mut Vec<P>, marker: P, key: impl Fn(&P) -> f64) -> Option<usize> {
    let wanted = key(&marker);
    if wanted.is_nan() {
        return None;
    }
    if let Some(index) = rows.iter().position(|row| key(row) == wanted) {
        return Some(index);
    }
    let index = rows.iter().position(|row| key(row) > wanted).unwrap_or(rows.len());
    rows.insert(index, marker);
    Some(index)
}

fn csv_quoted(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// `x` in ASCII with 10 significant digits: decimals from 10⁻⁴ to 10⁹, `d.ddde-N` beyond.
fn csv_number(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    let magnitude = x.abs();
    if (1e-4..1e9).contains(&magnitude) {
        let decimals = (9 - magnitude.log10().floor() as i32).max(0) as usize;
        trim(&format!("{x:.decimals$}")).to_owned()
    } else {
        let text = format!("{x:.9e}");
        match text.split_once('e') {
            Some((mantissa, exponent)) => format!("{}e{exponent}", trim(mantissa)),
            None => text,
        }
    }
}

fn trim(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_numbers_are_ascii_and_precise() {
        assert_eq!(csv_number(0.2f64.powi(5)), "0.00032");
        assert_eq!(csv_number(9.5367431640625e-7), "9.536743164e-7");
        assert_eq!(csv_number(-2.5), "-2.5");
        assert_eq!(csv_number(1.0), "1");
        assert_eq!(csv_number(f64::NAN), "NaN");
    }

    #[test]
    fn csv_quotes_text_and_marks_a_row() {
        let table = DataTable {
            caption: "t".into(),
            headers: vec!["name".into(), "x, y".into()],
            rows: vec![
                vec![Cell::Text("a \"b\"".into()), Cell::Number(0.5)],
                vec![Cell::Text("c".into()), Cell::Number(1e-40)],
            ],
            marked_row: Some(1),
        };
        assert_eq!(table.csv(), "name,\"x, y\",marked\r\n\"a \"\"b\"\"\",0.5,\r\nc,1e-40,yes\r\n");
        assert_eq!(table.display_cells(), ["a \"b\"", "0.5", "c", "1 × 10⁻⁴⁰"]);
        assert_eq!(table.page_text(), "t\n1\nname\tx, y\na \"b\"\t0.5\nc\t1 × 10⁻⁴⁰");
    }
}
