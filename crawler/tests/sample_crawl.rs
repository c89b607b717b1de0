//! Crawls the bundled sample site from a real loopback server and checks the archive against
//! what the sample's manifest implies.

mod common;

use std::collections::BTreeSet;

use common::*;
use crawler::robots::RobotsRules;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sample_crawl_archives_exactly_the_reachable_in_scope_pages() {
    let site = sample_site();
    let addr = start_sample_server(site.clone()).await;
    let out = warc_dir("sample-crawl");
    let config = sample_config(addr, &out);
    let max_body = config.fetch.max_body_bytes as usize;
    let max_variants = config.scope.max_query_variants as usize;
    let user_agent = config.fetch.user_agent.clone();

    let report = crawler::crawl::run(
        config,
        crawler::crawl::StartMode::Fresh,
        std::future::pending(),
    )
    .await
    .expect("crawl runs");
    assert!(!report.interrupted);

    let files = warc_files(&out);
    assert_eq!(files.len(), report.warc_files.len());
    assert!(
        std::fs::read_dir(&out).expect("out dir").all(|e| !e
            .expect("entry")
            .path()
            .to_string_lossy()
            .ends_with(".open")),
        "no file left .open"
    );
    let records = read_and_verify(&files);
    for file in &files {
        assert_cdxj_matches_cdxj_indexer(file);
    }
    let captures = responses(&records);
    assert_eq!(
        captures.len() as u64,
        report.captures,
        "every capture is in the WARC once"
    );

    let mut accounted: BTreeSet<String> = BTreeSet::new();
    let mut problems = Vec::new();
    for (host, s) in &site.sites {
        let base = format!("http://{host}");
        let robots_txt = std::fs::read(s.dir.join("robots.txt")).unwrap_or_default();
        let robots = RobotsRules::from_response(200, &robots_txt, &user_agent);
        accounted.insert(format!("{base}/robots.txt"));
        // An independent reading of the `User-agent: *` group's plain Disallow prefixes: no
        // archived URL may start with one (the parser used above could share a bug with the
        // crawler's).
        for prefix in star_disallow_prefixes(&String::from_utf8_lossy(&robots_txt)) {
            let forbidden = format!("{base}{prefix}");
            if let Some(u) = captures.keys().find(|u| u.starts_with(&forbidden)) {
                problems.push(format!("{u} is under robots.txt's Disallow: {prefix}"));
            }
        }

        for path in s.file_paths() {
            let url = format!("{base}{path}");
            let dir_url = path
                .strip_suffix("index.html")
                .map(|d| format!("{base}{d}"));
            let found: Vec<&String> = [Some(&url), dir_url.as_ref()]
                .into_iter()
                .flatten()
                .filter(|u| captures.contains_key(*u))
                .collect();
            if !robots.allowed(&url) {
                if !found.is_empty() {
                    problems.push(format!("robots-disallowed page archived: {url}"));
                }
                continue;
            }
            if s.routes.unlinked.contains(&path) {
                if !found.is_empty() {
                    problems.push(format!("unlinked page archived: {url}"));
                }
                continue;
            }
            if found.is_empty() {
                problems.push(format!("reachable page not archived: {url}"));
            }
            for u in found {
                accounted.insert(u.clone());
                let (status, payload, _) = &captures[u];
                let route_status = s.route(&path).and_then(|r| r.status);
                if route_status.is_none() && *status == 200 {
                    let on_disk = std::fs::read(s.dir.join(path.trim_start_matches('/')))
                        .expect("file readable");
                    if *payload != on_disk {
                        problems.push(format!(
                            "{u}: archived payload differs from the served file"
                        ));
                    }
                }
            }
        }

        for route in &s.routes.routes {
            let url = format!("{base}{}", route.path);
            if route.calendar {
                let months: Vec<&String> =
                    captures.keys().filter(|u| u.starts_with(&url)).collect();
                if months.is_empty() || months.len() > max_variants + 1 {
                    problems.push(format!("calendar trap {url}: {} captures", months.len()));
                }
                accounted.extend(months.into_iter().cloned());
                continue;
            }
            if !robots.allowed(&url) {
                continue;
            }
            let Some((status, payload, record)) = captures.get(&url) else {
                problems.push(format!("route not archived: {url}"));
                continue;
            };
            accounted.insert(url.clone());
            let expected_status = route
                .status
                .or(route.redirect.as_ref().map(|_| 301))
                .unwrap_or(200);
            if *status != expected_status {
                problems.push(format!(
                    "{url}: status {status}, manifest says {expected_status}"
                ));
            }
            if route.generated_bytes.is_some_and(|n| n as usize > max_body)
                && (record.record.get("WARC-Truncated") != Some("length")
                    || payload.len() != max_body)
            {
                problems.push(format!(
                    "{url}: large page not truncated at {max_body} bytes"
                ));
            }
        }
    }

    for (url, (status, _, _)) in &captures {
        if accounted.contains(url) {
            continue;
        }
        // A directory URL without its slash redirects to the slashed form: accept that.
        let slash_redirect = *status == 301 && accounted.contains(&format!("{url}/"));
        if !slash_redirect {
            problems.push(format!(
                "archived but not implied by the manifest: {url} ({status})"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );

    // Something of each kind happened, as the report says.
    assert!(report.robots_excluded > 0, "robots.txt excluded something");
    assert!(
        report.out_of_scope.values().sum::<u64>() > 0,
        "off-site links were skipped"
    );
    assert!(report.truncated >= 1);
    assert_eq!(report.hosts.len(), site.sites.len());
}

/// `Disallow:` values without wildcards in the `User-agent: *` group of a robots.txt.
fn star_disallow_prefixes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_star = false;
    let mut last_was_agent = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        if key == "user-agent" {
            in_star = if last_was_agent {
                in_star || value == "*"
            } else {
                value == "*"
            };
            last_was_agent = true;
            continue;
        }
        last_was_agent = false;
        if in_star && key == "disallow" && !value.is_empty() && !value.contains(['*', '$']) {
            out.push(value.to_string());
        }
    }
    assert!(
        !out.is_empty(),
        "each sample robots.txt disallows something"
    );
    out
}
