//! `indexer extract` on any file: HTML from the sample and from elsewhere, malformed HTML,
//! garbage, PDF (sound and broken); it answers JSON or text and never panics.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

fn extract(file: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_indexer"))
        .arg("extract")
        .arg(file)
        .args(extra)
        .output()
        .expect("indexer runs")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn json_has_the_documented_fields() {
    let file = repo_root()
        .join("data/sample-site/www.allonnes.example/actualites/2013/label-ville-internet.html");
    let v = json(&extract(
        &file,
        &[
            "--url",
            "http://www.allonnes.example/actualites/2013/label-ville-internet.html",
        ],
    ));
    for field in [
        "title",
        "text",
        "published",
        "language",
        "commune",
        "communes_mentioned",
        "topics",
        "digital_policy",
        "label",
        "page_type",
        "text_source",
    ] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    assert_eq!(v["label"]["rating"], 2);
    assert_eq!(v["language"], "fr");
    assert_eq!(v["digital_policy"], true);
    let text = extract(&file, &["--format", "text"]);
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains("284"));
}

#[test]
fn windows_1252_page_without_declaration_is_sniffed() {
    let file = repo_root().join("data/sample-site/www.parthenay.example/actualites/57-le-wifi-gratuit-s-installe-en-centre-ville.html");
    let v = json(&extract(&file, &["--content-type", "text/html"]));
    let text = v["text"].as_str().expect("text");
    assert!(
        text.contains('é') && !text.contains('\u{fffd}'),
        "decoded as windows-1252"
    );
    assert_eq!(v["charset"], "windows-1252");
}

#[test]
fn pdf_bulletins_give_their_text_and_broken_pdfs_a_clear_error() {
    let file = repo_root().join(
        "data/sample-site/www.sable-sur-sarthe.example/documents/bulletin-municipal-2013.pdf",
    );
    let v = json(&extract(&file, &[]));
    assert_eq!(v["kind"], "pdf");
    assert!(
        v["text"]
            .as_str()
            .expect("text")
            .contains("Sablé-sur-Sarthe")
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.pdf");
    std::fs::write(
        &broken,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 9 0 R >>\n%%EOF",
    )
    .expect("write");
    let out = extract(&broken, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("PDF could not be read"), "{err}");
}

#[test]
fn malformed_and_foreign_input_never_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.html", Vec::new()),
        ("unclosed.html", b"<html><body><div><p>Le conseil <b>municipal <i>du 3 mars 2014<table><tr><td>vote".to_vec()),
        ("garbage.html", (0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()),
        ("deep.html", "<div>".repeat(5000).into_bytes()),
        ("english.html", b"<html lang=en><head><title>Council news | Springfield</title></head><body><article><h1>Council news</h1><p>The city council met on Monday to vote on the new library budget and the road works planned for the summer.</p></article></body></html>".to_vec()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let out = extract(&path, &["--url", "http://www.example.org/page.html"]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert!(v["text"].is_string(), "{name}");
    }
    let missing = extract(&dir.path().join("nope.html"), &[]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

/// Old municipal sites put text between table rows; html5ever moves it before the table
/// (« foster parenting ») and warns on every such page. The text is kept, and the warning
/// stays out of the user's terminal.
#[test]
fn text_between_table_rows_is_kept_quietly() {
    let dir = work_dir("extract-foster-parenting");
    let page = dir.join("tableau.html");
    let row = "<tr><td>Menu</td></tr>";
    std::fs::write(
        &page,
        format!(
            "<html><head><title>Travaux de la fibre - Mairie</title></head><body>\
             <table>{row}Les travaux de raccordement à la fibre optique commenceront lundi \
             dans le quartier de la gare, annonce la mairie, pour une ouverture \
             commerciale au printemps prochain. Les habitants seront informés par courrier \
             des dates de passage des techniciens dans leur rue.{row}</table></body></html>"
        ),
    )
    .expect("page written");
    let out = extract(&page, &["--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("foster"),
        "library noise on stderr: {stderr}"
    );
    let v = json(&out);
    assert!(
        v["text"]
            .as_str()
            .is_some_and(|t| t.contains("raccordement à la fibre optique")),
        "{v}"
    );
}
