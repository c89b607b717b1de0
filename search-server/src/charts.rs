//! Trend charts drawn on the server as inline SVG (no script, no external library): documents
//! per year and per topic for the current query.

use std::fmt::Write;

/// Escapes text for SVG or HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A vertical bar chart of counts per year, every year between the first and the last shown
/// (empty years as gaps); an empty string when there is nothing to draw.
pub fn years_chart(counts: &[(i32, u64)], title: &str) -> String {
    let (Some(first), Some(last)) = (
        counts.iter().map(|c| c.0).min(),
        counts.iter().map(|c| c.0).max(),
    ) else {
        return String::new();
    };
    let years: Vec<(i32, u64)> = (first..=last)
        .map(|y| (y, counts.iter().find(|c| c.0 == y).map_or(0, |c| c.1)))
        .collect();
    let max = years.iter().map(|y| y.1).max().unwrap_or(1).max(1);
    let bar = 36.0_f64;
    let gap = 8.0_f64;
    let height = 160.0_f64;
    let top = 20.0_f64;
    let width = (bar + gap) * years.len() as f64 + gap;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-labelledby="chart-years-title" viewBox="0 0 {width:.0} {total:.0}" width="{width:.0}" height="{total:.0}" xmlns="http://www.w3.org/2000/svg"><title id="chart-years-title">{title}</title>"#,
        total = height + top + 24.0,
        title = escape(title),
    );
    for (i, (year, n)) in years.iter().enumerate() {
        let x = gap + i as f64 * (bar + gap);
        let h = (*n as f64 / max as f64) * height;
        let y = top + height - h;
        let _ = write!(
            svg,
            r##"<g><title>{year} : {n} document{s}</title><rect x="{x:.1}" y="{y:.1}" width="{bar:.0}" height="{h:.1}" fill="#1d4f91"/><text x="{cx:.1}" y="{ty:.1}" text-anchor="middle" font-size="11" fill="#1a1a1a">{n}</text><text x="{cx:.1}" y="{by:.1}" text-anchor="middle" font-size="11" fill="#1a1a1a">{year}</text></g>"##,
            s = if *n > 1 { "s" } else { "" },
            cx = x + bar / 2.0,
            ty = (y - 4.0).max(11.0),
            by = top + height + 16.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A horizontal bar chart of counts per label, largest first; empty when there is nothing.
pub fn topics_chart(counts: &[(String, u64)], title: &str) -> String {
    if counts.is_empty() {
        return String::new();
    }
    let mut rows: Vec<&(String, u64)> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let max = rows.first().map_or(1, |r| r.1).max(1);
    let label_width = 430.0_f64;
    let bars = 260.0_f64;
    let row = 24.0_f64;
    let width = label_width + bars + 50.0;
    let height = row * rows.len() as f64 + 8.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-labelledby="chart-topics-title" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" xmlns="http://www.w3.org/2000/svg"><title id="chart-topics-title">{title}</title>"#,
        title = escape(title),
    );
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 4.0 + i as f64 * row;
        let w = (*n as f64 / max as f64) * bars;
        let _ = write!(
            svg,
            r##"<g><title>{label} : {n}</title><text x="{lx:.0}" y="{ty:.1}" text-anchor="end" font-size="12" fill="#1a1a1a">{label}</text><rect x="{label_width:.0}" y="{y:.1}" width="{w:.1}" height="{h:.0}" fill="#2e7d32"/><text x="{nx:.1}" y="{ty:.1}" font-size="12" fill="#1a1a1a">{n}</text></g>"##,
            label = escape(label),
            lx = label_width - 8.0,
            ty = y + 15.0,
            h = row - 6.0,
            nx = label_width + w + 6.0,
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_draw_every_year_and_escape_labels() {
        let svg = years_chart(&[(2011, 2), (2013, 5)], "Documents par année");
        assert_eq!(svg.matches("<rect").count(), 3, "2012 is drawn empty");
        assert!(svg.contains(">2012<"));
        assert!(years_chart(&[], "x").is_empty());
        let svg = topics_chart(&[("Fibre & THD".into(), 3), ("<b>".into(), 1)], "Thèmes");
        assert!(svg.contains("Fibre &amp; THD"));
        assert!(!svg.contains("<b>"));
    }
}
