//! Communes, labels and the digital-policy flag on French texts written in the style of local
//! press, town bulletins, palmarès lists and national news full of person names (cases and
//! counting rules in tests/data/french-texts/). Each text is extracted as a page of its host;
//! the scores are printed, and the targets of issue 11 asserted on them.

use std::collections::BTreeSet;

use indexer::extract::{Extractor, Input};
use serde::Deserialize;

#[derive(Deserialize)]
struct Text {
    id: String,
    kind: String,
    host: String,
    title: String,
    text: String,
    communes: Vec<String>,
    page_commune: Option<String>,
    label: Option<GoldLabel>,
    digital_policy: bool,
}

#[derive(Deserialize, PartialEq, Debug)]
struct GoldLabel {
    rating: u8,
    year: Option<i32>,
    commune: Option<String>,
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text as a news page of its host.
fn page(t: &Text) -> String {
    let paragraphs: String = t
        .text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body><article><h1>{}</h1>\n{paragraphs}</article></body></html>",
        escape(&t.title),
        escape(&t.title)
    )
}

#[test]
fn communes_labels_and_digital_policy_on_french_texts() {
    let texts: Vec<Text> =
        serde_json::from_str(include_str!("data/french-texts/texts.json")).expect("texts parse");
    let extractor = Extractor::new().expect("extractor");
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut page_right, mut page_total) = (0usize, 0usize);
    let (mut labels_exact, mut announcements, mut false_labels, mut others) = (0, 0, 0, 0);
    let (mut dp_tp, mut dp_fp, mut dp_fn) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for t in &texts {
        let html = page(t);
        let url = format!("https://{}/actualites/{}.html", t.host, t.id);
        let e = extractor
            .extract(&Input {
                bytes: html.as_bytes(),
                url: Some(&url),
                content_type: Some("text/html; charset=utf-8"),
                captured: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
                seed_insee: None,
            })
            .expect("extracts");
        let found: BTreeSet<String> = e
            .communes_mentioned
            .iter()
            .chain(e.commune.iter())
            .filter_map(|f| f.commune())
            .map(|c| c.insee.clone())
            .collect();
        let gold: BTreeSet<String> = t.communes.iter().cloned().collect();
        let wrong: Vec<&String> = found.difference(&gold).collect();
        let missed: Vec<&String> = gold.difference(&found).collect();
        tp += found.intersection(&gold).count();
        fp += wrong.len();
        fn_ += missed.len();
        if !wrong.is_empty() || !missed.is_empty() {
            report.push(format!("{}: wrong {wrong:?}, missed {missed:?}", t.id));
        }
        let page_commune = e
            .commune
            .as_ref()
            .and_then(|f| f.commune())
            .map(|c| c.insee.clone());
        page_total += 1;
        if page_commune == t.page_commune {
            page_right += 1;
        } else {
            report.push(format!(
                "{}: page commune {page_commune:?}, expected {:?}",
                t.id, t.page_commune
            ));
        }
        let label = e.label.as_ref().map(|l| GoldLabel {
            rating: l.rating,
            year: l.year,
            commune: l.commune.clone(),
        });
        if t.kind == "label_announcement" {
            announcements += 1;
            if label == t.label {
                labels_exact += 1;
            } else {
                report.push(format!("{}: label {label:?}, expected {:?}", t.id, t.label));
            }
        } else {
            others += 1;
            if label.is_some() {
                false_labels += 1;
                report.push(format!("{}: label {label:?}, expected none", t.id));
            }
        }
        match (e.digital_policy, t.digital_policy) {
            (true, true) => dp_tp += 1,
            (true, false) => {
                dp_fp += 1;
                report.push(format!("{}: digital policy, expected not", t.id));
            }
            (false, true) => {
                dp_fn += 1;
                report.push(format!("{}: not digital policy, expected it", t.id));
            }
            _ => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let label_rate = labels_exact as f64 / announcements.max(1) as f64;
    let false_rate = false_labels as f64 / others.max(1) as f64;
    let dp_f1 = 2.0 * dp_tp as f64 / (2 * dp_tp + dp_fp + dp_fn).max(1) as f64;
    println!("{}", report.join("\n"));
    println!(
        "{} texts: communes precision {precision:.3} recall {recall:.3}; page commune {page_right}/{page_total}; \
         labels exact {labels_exact}/{announcements}, false labels {false_labels}/{others}; digital policy F1 {dp_f1:.3}",
        texts.len()
    );
    assert!(texts.len() >= 60);
    assert!(
        precision >= 0.95 && recall >= 0.90,
        "communes: precision {precision:.3}, recall {recall:.3}"
    );
    assert!(
        label_rate >= 0.9,
        "labels exact on {label_rate:.2} of announcements"
    );
    assert!(
        false_rate <= 0.02,
        "false labels on {false_rate:.2} of other texts"
    );
    assert!(dp_f1 >= 0.96, "digital policy F1 {dp_f1:.3}");
}
