//! Topic classification on hand-written notices beyond the sample site (cases in
//! tests/data/topic-cases.toml): no topic for ordinary news that mentions a website or a
//! Facebook page in passing, the right topic for short digital-policy notices.

use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    title: String,
    topics: Vec<String>,
    text: String,
}

#[test]
fn hand_written_notices_are_classified() {
    let cases: Cases = toml::from_str(include_str!("data/topic-cases.toml")).expect("cases parse");
    let taxonomy = indexer::topics::Taxonomy::bundled().expect("taxonomy");
    let mut problems = Vec::new();
    for c in &cases.case {
        let got = taxonomy.classify(&format!("{}\n\n{}", c.title, c.text));
        let ids: Vec<&str> = got.iter().map(|t| t.id.as_str()).collect();
        match c.topics.first() {
            None if !ids.is_empty() => {
                problems.push(format!("{:?}: topics {ids:?}, expected none", c.title))
            }
            Some(first) if !ids.contains(&first.as_str()) => {
                problems.push(format!("{:?}: topics {ids:?}, expected {first}", c.title))
            }
            _ => {}
        }
    }
    assert!(cases.case.len() >= 20);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
