//! The search server over a real index: the sample sites are served on loopback, crawled
//! twice (the second time after the sites changed), indexed, and served; the tests speak HTTP
//! to it. The browser test drives Debian's headless Chromium through playwright-core.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use indexer::extract::Extractor;
use indexer::indexing::{IndexOptions, index_warcs};
use search_server::params::Limits;
use search_server::state::{AppState, shared};
use serde_json::Value;

struct Fixture {
    /// The server over the whole index.
    base: String,
    /// The same index, with exports capped at 3.
    capped: String,
    /// The same index, archived documents served from a replay origin of their own.
    isolated: String,
    /// That replay origin (`http://localhost:PORT`).
    replay: String,
    dir: PathBuf,
    /// WARC files of the first crawl, and of the second.
    first_warcs: Vec<PathBuf>,
    second_warcs: Vec<PathBuf>,
}

use testkit::{external_tool, repo_root, warc_files};

/// Starts a server on its own thread and runtime (it outlives every test's runtime).
fn start_server(index: &Path, warcs: &Path, limits: Limits) -> String {
    let state = shared(AppState::open(index, warcs, limits).expect("server state"));
    let (tx, rx) = std::sync::mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            search_server::app::serve(listener, state, std::future::pending())
                .await
                .expect("serve");
        });
    });
    format!("http://{}", rx.recv().expect("server address"))
}

/// Starts a server whose archived documents come from a second listener: returns the search
/// site's URL and the replay origin's (`localhost`, another host name than `127.0.0.1`).
fn start_isolated_server(index: &Path, warcs: &Path) -> (String, String) {
    let state = AppState::open(index, warcs, Limits::default()).expect("server state");
    let (tx, rx) = std::sync::mpsc::channel::<(String, String)>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let site = format!("http://{}", listener.local_addr().expect("addr"));
            let (replay, origin) =
                search_server::app::bind_replay("127.0.0.1:0".parse().expect("addr"), None, &site)
                    .await
                    .expect("bind replay");
            tx.send((site, origin.replay_url.clone())).expect("send");
            search_server::app::serve_both(
                listener,
                Some(replay),
                shared(state.with_replay_origin(origin)),
                std::future::pending(),
            )
            .await
            .expect("serve");
        });
    });
    rx.recv().expect("server addresses")
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    // Built on a thread of its own: the tests run inside async runtimes, and the fixture
    // needs one of its own for the crawls.
    FIXTURE.get_or_init(|| std::thread::spawn(build_fixture).join().expect("fixture"))
}

fn build_fixture() -> Fixture {
    {
        // Under target/tmp/warcs: scripts/test.sh has warcio check every WARC file there.
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("warcs")
            .join("search-server");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        let warcs = dir.join("warcs");
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let (first_warcs, second_warcs) = rt.block_on(async {
            let site = sample::server::SampleSite::load(&repo_root().join("data/sample-site"))
                .expect("sample site");
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr = listener.local_addr().expect("addr");
            let version = site.version.clone();
            tokio::spawn(sample::server::serve(listener, Arc::new(site)));
            let crawl = || async {
                let mut config = crawler::config::CrawlConfig::from_file(
                    &repo_root().join("data/crawls/sample.toml"),
                )
                .expect("config");
                config.point_at(addr);
                config.output.dir = warcs.clone();
                config.output.state_dir = Some(dir.join("state"));
                crawler::crawl::run(
                    config,
                    crawler::crawl::StartMode::ResumeOrStart,
                    std::future::pending(),
                )
                .await
                .expect("crawl")
            };
            crawl().await;
            let first = warc_files(&warcs);
            // The sites change: a new article, an updated list, a page gone.
            version.store(1, std::sync::atomic::Ordering::SeqCst);
            // Capture times are to the second: keep the two crawls apart.
            tokio::time::sleep(Duration::from_millis(1100)).await;
            crawl().await;
            let second: Vec<PathBuf> = warc_files(&warcs)
                .into_iter()
                .filter(|f| !first.contains(f))
                .collect();
            (first, second)
        });
        assert!(!first_warcs.is_empty() && !second_warcs.is_empty());
        let extractor = Extractor::new().expect("extractor");
        index_warcs(
            &dir.join("index"),
            std::slice::from_ref(&warcs),
            &extractor,
            IndexOptions::default(),
        )
        .expect("index");
        let base = start_server(&dir.join("index"), &warcs, Limits::default());
        let capped = start_server(
            &dir.join("index"),
            &warcs,
            Limits {
                max_export: 3,
                ..Limits::default()
            },
        );
        let (isolated, replay) = start_isolated_server(&dir.join("index"), &warcs);
        Fixture {
            base,
            capped,
            isolated,
            replay,
            dir,
            first_warcs,
            second_warcs,
        }
    }
}

/// A client that reports redirects instead of following them.
fn no_follow() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Asserts that the API refused a query (`(status, JSON)`) for its length, naming the limit.
fn assert_refused_for_length((status, v): &(u16, Value), what: &str) {
    assert_eq!(*status, 400, "{what}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("500")),
        "{what}: {v}"
    );
}

/// The Content-Security-Policy header of a response.
fn csp_of(r: &reqwest::Response) -> String {
    r.headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

async fn get(url: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(url)
        .send()
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

async fn json(url: &str) -> (u16, Value) {
    let r = get(url).await;
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: not JSON ({e}): {text}")),
    )
}

async fn text(url: &str) -> (u16, String) {
    let r = get(url).await;
    (r.status().as_u16(), r.text().await.expect("body"))
}

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().expect("hits")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_form_searches_highlights_and_escapes() {
    let f = fixture();
    let (status, page) = text(&format!("{}/?q=villes+internet", f.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"<label for="q">"#), "labelled query box");
    assert!(
        page.contains("La politique internet d&#39;Allonnes récompensée")
            || page.contains("La politique internet d&#x27;Allonnes récompensée"),
        "the label article is found"
    );
    assert!(page.contains("<b>"), "query terms highlighted");
    assert!(page.contains("/archive/"), "titles link to the archive");
    assert!(page.contains("<svg"), "trends drawn on the server");
    assert!(page.contains(r#"name="topic""#), "topic filters");
    // The query is echoed escaped, never as markup.
    let (status, page) = text(&format!(
        "{}/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        f.base
    ))
    .await;
    assert!(status == 200 || status == 400, "{status}");
    assert!(!page.contains("<script>alert(1)"), "query echoed unescaped");
    assert!(
        page.contains("&lt;script&gt;alert(1)") || page.contains("&#60;script&#62;alert(1)"),
        "query echoed escaped"
    );
    // The home page shows the corpus.
    let (status, page) = text(&format!("{}/", f.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Le corpus compte"), "{page}");
    // A bad query is explained in French on the form, with status 400.
    let (status, page) = text(&format!("{}/?q=%22fibre", f.base)).await;
    assert_eq!(status, 400);
    assert!(page.contains("guillemet non fermé"), "{page}");
}

/// Pages are typed: articles rank above the listings that repeat their titles, only articles
/// report a label, and the type is a filter with counts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn page_types_rank_filter_and_count() {
    let f = fixture();
    let (s, v) = json(&format!(
        "{}/api/search?q=Allonnes+label+internet&per_page=10",
        f.base
    ))
    .await;
    assert_eq!(s, 200, "{v}");
    let found = hits(&v);
    assert_eq!(found[0]["page_type"], "article", "{v}");
    assert!(
        found[0]["url"]
            .as_str()
            .is_some_and(|u| u.contains("label")),
        "the label article first: {v}"
    );
    let mut seen_listing = false;
    for h in found {
        let kind = h["page_type"].as_str().unwrap_or_default();
        if !h["label_rating"].is_null() {
            assert_eq!(kind, "article", "only articles report a label: {h}");
        }
        if matches!(kind, "listing" | "home") {
            seen_listing = true;
        } else if kind == "article" {
            assert!(!seen_listing, "an article below a listing: {v}");
        }
    }
    let types = v["facets"]["page_types"]
        .as_array()
        .expect("page type counts");
    assert!(types.iter().any(|t| t["type"] == "article"), "{v}");
    let (s, v) = json(&format!(
        "{}/api/search?q=internet&page_type=listing&per_page=100",
        f.base
    ))
    .await;
    assert_eq!(s, 200);
    assert!(!hits(&v).is_empty(), "the sample has news indexes: {v}");
    assert!(hits(&v).iter().all(|h| h["page_type"] == "listing"), "{v}");
    let (s, v) = json(&format!("{}/api/search?q=internet&page_type=forum", f.base)).await;
    assert_eq!(s, 400);
    assert_eq!(v["error"]["parameter"], "page_type", "{v}");
    let (status, page) = text(&format!("{}/?q=internet", f.base)).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("Type de page") && page.contains(r#"name="page_type""#),
        "{page}"
    );
}

/// The exact strings a French keyboard types: an ASCII apostrophe (or the typographic one)
/// inside a word, in the form, the API and the exports.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn queries_with_an_apostrophe_are_french_words() {
    let f = fixture();
    let (status, page) = text(&format!("{}/?q=aujourd'hui+budget", f.base)).await;
    assert_eq!(status, 200, "{page}");
    assert!(!page.contains("mal formée"), "{page}");
    assert!(
        page.contains("budget-participatif-vote-en-ligne"),
        "« aujourd’hui » in the page matches « aujourd'hui » typed"
    );
    for q in [
        "d'Allonnes",
        "d%E2%80%99Allonnes",
        "%22la+politique+internet+d'Allonnes%22",
    ] {
        let (s, v) = json(&format!("{}/api/search?q={q}", f.base)).await;
        assert_eq!(s, 200, "{q}: {v}");
        assert!(
            hits(&v)
                .iter()
                .any(|h| h["url"].as_str().is_some_and(|u| u.contains("allonnes"))),
            "{q}: {v}"
        );
    }
    let (s, v) = json(&format!("{}/api/search?q=title:l'%C3%A9cole", f.base)).await;
    assert_eq!(s, 200, "{v}");
    let r = get(&format!("{}/export.csv?q=l'%C3%A9cole", f.base)).await;
    assert_eq!(r.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_facets_sort_and_pages() {
    let f = fixture();
    let (s, all) = json(&format!("{}/api/search?q=internet&per_page=100", f.base)).await;
    assert_eq!(s, 200);
    let total = all["total"].as_u64().expect("total");
    assert!(total > 5, "{all}");

    let (_, v) = json(&format!(
        "{}/api/search?q=internet&commune=72003&per_page=100",
        f.base
    ))
    .await;
    assert!(!hits(&v).is_empty());
    assert!(hits(&v).iter().all(|h| h["commune"] == "72003"), "{v}");
    let communes = v["facets"]["communes"].as_array().expect("facets");
    assert_eq!(communes.len(), 1, "{v}");
    assert_eq!(communes[0]["count"], v["total"]);

    let (_, v) = json(&format!(
        "{}/api/search?q=internet&departement=49&per_page=100",
        f.base
    ))
    .await;
    assert!(!hits(&v).is_empty());
    assert!(hits(&v).iter().all(|h| h["departement"] == "49"), "{v}");
    assert!(v["total"].as_u64() < Some(total));

    // A topic facet: its count is what the filter gives.
    let topics = all["facets"]["topics"].as_array().expect("topics");
    let topic = topics
        .iter()
        .max_by_key(|t| t["count"].as_u64())
        .expect("a topic");
    let id = topic["id"].as_str().expect("id");
    let (_, v) = json(&format!(
        "{}/api/search?q=internet&topic={id}&per_page=100",
        f.base
    ))
    .await;
    assert_eq!(v["total"], topic["count"], "facet count = filtered count");
    assert!(hits(&v).iter().all(|h| {
        h["topics"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == id))
    }));

    let (_, v) = json(&format!(
        "{}/api/search?q=internet&digital=1&per_page=100",
        f.base
    ))
    .await;
    assert!(hits(&v).iter().all(|h| h["digital_policy"] == true));

    let (_, v) = json(&format!(
        "{}/api/search?q=internet&from=2013-01-01&to=2013-12-31&per_page=100",
        f.base
    ))
    .await;
    assert!(!hits(&v).is_empty());
    assert!(
        hits(&v).iter().all(|h| h["published"]
            .as_str()
            .is_some_and(|d| d.starts_with("2013"))),
        "{v}"
    );

    let (_, v) = json(&format!(
        "{}/api/search?q=internet&sort=date&per_page=100",
        f.base
    ))
    .await;
    let dates: Vec<&str> = hits(&v)
        .iter()
        .filter_map(|h| h["published"].as_str())
        .collect();
    assert!(dates.len() > 3);
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );

    let (_, p1) = json(&format!("{}/api/search?q=internet&per_page=3", f.base)).await;
    let (_, p2) = json(&format!(
        "{}/api/search?q=internet&per_page=3&page=2",
        f.base
    ))
    .await;
    assert_eq!(hits(&p1).len(), 3);
    assert_eq!(p1["total"], p2["total"]);
    let urls =
        |v: &Value| -> Vec<String> { hits(v).iter().map(|h| h["url"].to_string()).collect() };
    assert!(
        urls(&p1).iter().all(|u| !urls(&p2).contains(u)),
        "pages do not overlap"
    );
    let (_, page) = text(&format!("{}/?q=internet&per_page=3&page=2", f.base)).await;
    assert!(
        page.contains(r#"aria-current="page""#) && page.contains("rel=\"prev\""),
        "pagination links"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archived_documents_come_from_their_own_origin() {
    let f = fixture();
    assert!(f.replay.starts_with("http://localhost:"), "{}", f.replay);
    let home = "http://www.allonnes.example/actualites/";
    let (_, v) = json(&format!("{}/api/captures?url={home}", f.isolated)).await;
    let ts = v["captures"][0]["timestamp"]
        .as_str()
        .expect("ts")
        .to_string();
    let no_follow = no_follow();
    let location = |r: &reqwest::Response| {
        r.headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };

    // The framed page is the search site's; its frame is the replay origin's, and the page's
    // policy lets only that origin be framed.
    let r = get(&format!("{}/archive/{ts}/{home}", f.isolated)).await;
    assert_eq!(r.status(), 200);
    let csp = csp_of(&r);
    assert!(csp.contains(&format!("frame-src {}", f.replay)), "{csp}");
    let page = r.text().await.expect("body");
    assert!(
        page.contains(&format!("src=\"{}/archive/{ts}id_/{home}\"", f.replay)),
        "the frame loads the replay origin"
    );

    // The search site never serves an archived document: it sends it to the replay origin.
    let r = no_follow
        .get(format!("{}/archive/{ts}id_/{home}", f.isolated))
        .send()
        .await
        .expect("get");
    assert!(r.status().is_redirection(), "{}", r.status());
    assert_eq!(location(&r), format!("{}/archive/{ts}id_/{home}", f.replay));

    // The replay origin serves it, sandboxed, framable by the search site only; its links
    // lead the whole window back to the search site's framed replay, its resources stay on
    // the replay origin.
    let r = get(&format!("{}/archive/{ts}id_/{home}", f.replay)).await;
    assert_eq!(r.status(), 200);
    let csp = csp_of(&r);
    assert!(
        csp.starts_with("sandbox") && !csp.contains("allow-scripts"),
        "{csp}"
    );
    assert!(
        csp.contains(&format!("frame-ancestors 'self' {}", f.isolated)),
        "{csp}"
    );
    let body = r.text().await.expect("body");
    assert!(
        body.contains(&format!(
            "href=\"{}/archive/{ts}/http://www.allonnes.example/",
            f.isolated
        )),
        "page links go back to the search site"
    );
    assert!(
        body.contains(&format!(
            "src=\"/archive/{ts}id_/http://www.allonnes.example/"
        )),
        "resources come from the replay origin"
    );

    // Nothing else is served there: the search, the API, the framed page go to the site,
    // and no path makes either origin send a browser anywhere else.
    for path in [
        "/".to_string(),
        "/api/search?q=fibre".to_string(),
        format!("/archive/{ts}/{home}"),
        "//evil.example/".to_string(),
        "/\\evil.example/".to_string(),
        "/archive/2013/http://evil.example/%0d%0aSet-Cookie:%20x=1".to_string(),
    ] {
        let r = no_follow
            .get(format!("{}{path}", f.replay))
            .send()
            .await
            .expect("get");
        assert!(r.status().is_redirection(), "{path}: {}", r.status());
        assert!(r.headers().get("set-cookie").is_none(), "{path}");
        assert!(
            location(&r).starts_with(&format!("{}/", f.isolated)),
            "{path}: {}",
            location(&r)
        );
    }
    for path in ["//evil.example/", "/archive/2013id_///evil.example/"] {
        let r = no_follow
            .get(format!("{}{path}", f.isolated))
            .send()
            .await
            .expect("get");
        let to = location(&r);
        assert!(
            to.is_empty()
                || to.starts_with('/') && !to.starts_with("//")
                || to.starts_with(&format!("{}/", f.replay)),
            "{path}: {to}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeline_and_replay() {
    let f = fixture();
    let home = "http://www.allonnes.example/actualites/";
    let (s, v) = json(&format!("{}/api/captures?url={home}", f.base)).await;
    assert_eq!(s, 200);
    let caps = v["captures"].as_array().expect("captures");
    assert!(caps.len() >= 2, "two crawls, two captures: {v}");
    let (s, page) = text(&format!("{}/captures?url={home}", f.base)).await;
    assert_eq!(s, 200);
    assert!(page.matches("/archive/").count() >= 2, "{page}");

    // The framed page: banner and sandboxed frame.
    let ts = caps[0]["timestamp"].as_str().expect("ts");
    let (s, page) = text(&format!("{}/archive/{ts}/{home}", f.base)).await;
    assert_eq!(s, 200);
    assert!(
        page.contains("Page archivée") && page.contains("<iframe") && page.contains("sandbox=")
    );
    // The archived document: original type, sandboxing policy, links into the archive.
    let r = get(&format!("{}/archive/{ts}id_/{home}", f.base)).await;
    assert_eq!(r.status(), 200);
    let csp = csp_of(&r);
    assert!(
        csp.starts_with("sandbox")
            && !csp.contains("allow-scripts")
            && !csp.contains("allow-same-origin"),
        "{csp}"
    );
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/html")
    );
    let body = r.text().await.expect("body");
    assert!(
        body.contains(&format!(
            "href=\"/archive/{ts}/http://www.allonnes.example/"
        )),
        "links rewritten"
    );

    // A time between captures leads to the closest one.
    let r = no_follow()
        .get(format!("{}/archive/2001/{home}", f.base))
        .send()
        .await
        .expect("get");
    assert_eq!(r.status(), 303, "redirect to the closest capture");
    assert!(r.headers()["location"].to_str().expect("loc").contains(ts));

    // A revisit (unchanged page in the second crawl) replays the content it repeats.
    let (_, v) = json(&format!(
        "{}/api/captures?url=http://www.allonnes.example/la-mairie.html",
        f.base
    ))
    .await;
    let caps = v["captures"].as_array().expect("captures");
    let revisit = caps
        .iter()
        .find(|c| c["revisit"] == true)
        .expect("a revisit in the second crawl");
    let original = caps
        .iter()
        .find(|c| c["revisit"] == false)
        .expect("the original");
    let at = |c: &Value| {
        format!(
            "{}/archive/{}id_/{}",
            f.base,
            c["timestamp"].as_str().unwrap_or(""),
            c["url"].as_str().unwrap_or("")
        )
    };
    let (s1, b1) = text(&at(revisit)).await;
    let (s2, b2) = text(&at(original)).await;
    assert_eq!((s1, s2), (200, 200));
    assert!(b1.contains("<html") || b1.contains("<!DOCTYPE") || b1.contains("<!doctype"));
    assert_eq!(
        b1.len(),
        b2.len(),
        "the revisit shows the original's content"
    );

    // An ISO-8859-1 page is served in UTF-8 with its accents intact.
    let (_, v) = json(&format!(
        "{}/api/captures?url=http://www.allonnes49.example/article12.html",
        f.base
    ))
    .await;
    let c = &v["captures"][0];
    let r = get(&at(c)).await;
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .contains("utf-8")
    );
    assert!(
        r.text()
            .await
            .expect("body")
            .contains("le haut débit arrive enfin")
    );

    // An archived redirect stays in the archive.
    let (_, v) = json(&format!(
        "{}/api/captures?url=http://www.allonnes49.example/breves.php3",
        f.base
    ))
    .await;
    let c = &v["captures"][0];
    let r = no_follow().get(at(c)).send().await.expect("get");
    assert_eq!(r.status(), 301);
    assert!(
        r.headers()["location"]
            .to_str()
            .expect("loc")
            .starts_with("/archive/"),
        "{:?}",
        r.headers()
    );

    // Never archived: a French 404, no request to the live site.
    let (s, page) = text(&format!(
        "{}/archive/2013/http://www.jamais-capturee.example/",
        f.base
    ))
    .await;
    assert_eq!(s, 404);
    assert!(page.contains("pas été capturée"), "{page}");
}

/// WARC files as other tools write them: uncompressed, and gzipped as one whole-file member
/// (every record then shares the member's offset), without CDXJ beside them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replays_plain_and_whole_file_gzip_warcs() {
    use std::io::{Read, Write};
    let f = fixture();
    // Outside target/tmp/warcs: warcio's checks in scripts/test.sh are for our own files.
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("foreign-warcs");
    let _ = std::fs::remove_dir_all(&root);
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&f.first_warcs[0]).expect("open"))
        .read_to_end(&mut plain)
        .expect("gunzip");
    let url = "http://www.allonnes.example/actualites/2013/label-ville-internet.html";
    for (name, bytes) in [
        ("plain.warc", plain.clone()),
        ("whole.warc.gz", {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            e.write_all(&plain).expect("gzip");
            e.finish().expect("gzip")
        }),
    ] {
        let dir = root.join(name.replace('.', "-"));
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(dir.join(name), bytes).expect("write");
        let base = start_server(&f.dir.join("index"), &dir, Limits::default());
        let (s, v) = json(&format!("{base}/api/captures?url={url}")).await;
        assert_eq!(s, 200, "{name}: {v}");
        let ts = v["captures"][0]["timestamp"]
            .as_str()
            .expect("a capture")
            .to_string();
        let (s, body) = text(&format!("{base}/archive/{ts}id_/{url}")).await;
        assert_eq!(s, 200, "{name}: {body}");
        assert!(
            body.contains("Deux arobases sur cinq"),
            "{name}: the article is replayed"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exports_are_complete_and_capped() {
    let f = fixture();
    let (_, v) = json(&format!("{}/api/search?q=internet", f.base)).await;
    let total = v["total"].as_u64().expect("total") as usize;
    let r = get(&format!("{}/export.csv?q=internet", f.base)).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/csv")
    );
    let body = r.text().await.expect("body");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().expect("header row").clone();
    assert_eq!(&headers[1], "url");
    assert_eq!(headers.iter().next_back(), Some("archive_url"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), total, "every result exported");
    let (_, v) = json(&format!("{}/export.json?q=internet", f.base)).await;
    assert_eq!(v["results"].as_array().map(Vec::len), Some(total));
    assert_eq!(v["truncated"], false);

    let r = get(&format!("{}/export.csv?q=internet", f.capped)).await;
    assert_eq!(r.headers()["x-veille-export-limit"], "3");
    let body = r.text().await.expect("body");
    let rows = csv::Reader::from_reader(body.as_bytes()).records().count();
    assert_eq!(rows, 3, "3 rows after the header: {body}");
    let (_, v) = json(&format!("{}/export.json?q=internet", f.capped)).await;
    assert_eq!(v["results"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["truncated"], true);
    assert_eq!(v["limit"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_errors_name_the_problem() {
    let f = fixture();
    let cases = [
        ("/api/search?q=%22fibre", "q", "invalid_query"),
        (
            "/api/search?q=fibre&per_page=1000",
            "per_page",
            "invalid_parameter",
        ),
        (
            "/api/search?q=fibre&from=31%2F01%2F2013",
            "from",
            "invalid_parameter",
        ),
        (
            "/api/search?q=fibre&sort=popularite",
            "sort",
            "invalid_parameter",
        ),
        (
            "/api/search?q=fibre&commune=Allonnes",
            "commune",
            "invalid_filter",
        ),
        ("/api/captures", "url", "missing_parameter"),
        ("/api/communes", "prefix", "missing_parameter"),
        ("/export.csv?q=(fibre", "q", "invalid_query"),
    ];
    for (path, parameter, code) in cases {
        let (s, v) = json(&format!("{}{path}", f.base)).await;
        assert_eq!(s, 400, "{path}: {v}");
        assert_eq!(v["error"]["parameter"], parameter, "{path}: {v}");
        assert_eq!(v["error"]["code"], code, "{path}: {v}");
        assert!(
            v["error"]["message"].as_str().is_some_and(|m| m.len() > 10),
            "{v}"
        );
    }
    let long = "a".repeat(501);
    assert_refused_for_length(
        &json(&format!("{}/api/search?q={long}", f.base)).await,
        "501",
    );
    let (_, v) = json(&format!("{}/api/search?q=fibre&commune=Allonnes", f.base)).await;
    let m = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        m.contains("72003") && m.contains("49002"),
        "both Allonnes offered: {m}"
    );

    let (s, v) = json(&format!("{}/api/communes?prefix=sable", f.base)).await;
    assert_eq!(s, 200);
    assert_eq!(
        v["communes"][0]["insee"], "72264",
        "Sablé-sur-Sarthe, which has documents, first: {v}"
    );
    let (s, v) = json(&format!("{}/api/stats", f.base)).await;
    assert_eq!(s, 200);
    assert!(
        v["documents"].as_u64() > Some(50) && v["captures"].as_u64() > v["documents"].as_u64(),
        "{v}"
    );
    let (s, v) = json(&format!("{}/healthz", f.base)).await;
    assert_eq!(s, 200);
    assert_eq!(v["status"], "ok");
    let (s, v) = json(&format!("{}/api/openapi.json", f.base)).await;
    assert_eq!(s, 200);
    for path in [
        "/api/search",
        "/api/captures",
        "/api/stats",
        "/api/communes",
        "/export.csv",
        "/export.json",
        "/healthz",
    ] {
        assert!(v["paths"][path].is_object(), "{path} documented");
    }
    let (s, _) = text(&format!("{}/nulle-part", f.base)).await;
    assert_eq!(s, 404);
}

/// An index (`name`) of the first crawl only, served: returns it, the server's URL and the
/// extractor, for a test to index the second crawl into it while the server runs.
fn first_crawl_index(f: &Fixture, name: &str) -> (PathBuf, String, Extractor) {
    let index = f.dir.join(name);
    let _ = std::fs::remove_dir_all(&index);
    let extractor = Extractor::new().expect("extractor");
    index_warcs(&index, &f.first_warcs, &extractor, IndexOptions::default()).expect("index");
    let base = start_server(&index, &f.dir.join("warcs"), Limits::default());
    (index, base, extractor)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_commits_are_served_without_restart() {
    let f = fixture();
    // A second index holding only the first crawl, served, then given the second crawl.
    let (index, base, extractor) = first_crawl_index(f, "index-growing");
    let query = format!("{base}/api/search?q=%22borne+num%C3%A9rique%22+hall");
    let (_, v) = json(&query).await;
    assert_eq!(v["total"], 0, "the new article is not indexed yet: {v}");
    let second = f.second_warcs.clone();
    tokio::task::spawn_blocking(move || {
        index_warcs(&index, &second, &extractor, IndexOptions::default()).expect("index")
    })
    .await
    .expect("join");
    let mut found = 0;
    for _ in 0..50 {
        let (_, v) = json(&query).await;
        found = v["total"].as_u64().unwrap_or(0);
        if found > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(found > 0, "the server picked up the indexer's new commit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shuts_down_gracefully() {
    let f = fixture();
    let state = shared(
        AppState::open(
            &f.dir.join("index"),
            &f.dir.join("warcs"),
            Limits::default(),
        )
        .expect("state"),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(search_server::app::serve(listener, state, async {
        let _ = stopped.await;
    }));
    let (s, _) = json(&format!("http://{addr}/healthz")).await;
    assert_eq!(s, 200);
    stop.send(()).expect("stop");
    tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("the server stops")
        .expect("join")
        .expect("serve");
}

/// `node` and `playwright-core` (npm, in tests/browser) and Debian's Chromium: `.ci/run`
/// installs them; elsewhere the test says what is missing and passes, except under CI.
fn browser_tools() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let node_ok = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let missing: Vec<&str> = [
        (!node_ok).then_some("node"),
        (!dir.join("node_modules/playwright-core").is_dir())
            .then_some("playwright-core (npm ci in search-server/tests/browser)"),
        (!Path::new(&chromium).exists()).then_some("chromium (apt-get install chromium)"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "browser test needs {} (installed by .ci/run)",
        missing.join(", ")
    );
    eprintln!("browser test skipped: missing {}", missing.join(", "));
    None
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_search_facet_and_isolated_replay() {
    let Some(dir) = browser_tools() else { return };
    let f = fixture();
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
    std::fs::create_dir_all(&shots).expect("screenshots dir");
    let shot = shots.join("search-results.png");
    let _ = std::fs::remove_file(&shot);
    // The deployment the demo makes: archived documents from a replay origin of their own.
    let (base, replay) = (f.isolated.clone(), f.replay.clone());
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new("node")
            .arg(dir.join("search.mjs"))
            .arg(&base)
            .arg(&shot)
            .arg(&replay)
            .current_dir(&dir)
            .output()
            .expect("run node")
    })
    .await
    .expect("join");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{log}");
    assert!(out.status.success(), "browser checks failed:\n{log}");
    let shot = shots.join("search-results.png");
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "screenshot saved at {}",
        shot.display()
    );
}

// Bad input from users (the table in BAD_INPUT.md).

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_thousand_character_query_and_a_thousand_ors_are_refused_or_answered() {
    let f = fixture();
    let long = "numérique ".repeat(1000);
    let ors = (0..1000)
        .map(|i| format!("mot{i}"))
        .collect::<Vec<_>>()
        .join(" OR ");
    for (name, q) in [("10,000 characters", &long), ("1,000 OR", &ors)] {
        // The server refuses them by length, saying so, for the API, the form and exports.
        let enc: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
        assert_refused_for_length(&json(&format!("{}/api/search?q={enc}", f.base)).await, name);
        let (s, page) = text(&format!("{}/?q={enc}", f.base)).await;
        assert_eq!(s, 400, "{name}");
        assert!(page.contains("500"), "{name}: the form says the limit");
        let (s, _) = text(&format!("{}/export.csv?q={enc}", f.base)).await;
        assert_eq!(s, 400, "{name}");
        // The query layer under `indexer search` has no length limit: it parses and answers.
        let start = std::time::Instant::now();
        let index = f.dir.join("index");
        let searcher = indexer::query::SearchIndex::open(&index).expect("index");
        let result = searcher.search(&indexer::query::SearchRequest {
            query: q.clone(),
            limit: 10,
            ..Default::default()
        });
        assert!(result.is_ok(), "{name}: {:?}", result.err());
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{name}: {:?}",
            start.elapsed()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_replay_urls_stay_in_the_archive() {
    let f = fixture();
    let no_follow = no_follow();
    for path in [
        "/archive/2013/http://www.allonnes.example/../../../../etc/passwd",
        "/archive/2013id_/http://www.allonnes.example/%2e%2e/%2e%2e/etc/passwd",
        "/archive/2013id_/..%2F..%2F..%2Fetc%2Fpasswd",
        "/archive/2013/http:%2F%2Fwww.allonnes.example%2F..%2Fcdxj",
        "/archive/2013/javascript:alert(document.domain)",
        "/archive/2013id_/javascript:alert(1)",
        "/archive/2013/http://www.allonnes.example/%00",
        "/archive/2013id_/http://www.allonnes.example/a%00b.html",
        "/archive/%00/http://www.allonnes.example/",
    ] {
        let r = no_follow
            .get(format!("{}{path}", f.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        let status = r.status().as_u16();
        let location = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let body = r.text().await.expect("body");
        assert!(
            matches!(status, 400 | 404) || (status == 303 && location.starts_with("/archive/")),
            "{path}: {status} {location}"
        );
        assert!(
            !body.contains("root:"),
            "{path}: a file outside the archive was read"
        );
        assert!(
            !body.to_ascii_lowercase().contains("href=\"javascript:"),
            "{path}: a javascript: link was written"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_while_the_indexer_commits_is_whole_and_consistent() {
    let f = fixture();
    let (index, base, extractor) = first_crawl_index(f, "index-exported-while-growing");
    // The indexer adds the second crawl file by file, committing after each, while exports run.
    let second = f.second_warcs.clone();
    let indexing = tokio::task::spawn_blocking(move || {
        index_warcs(&index, &second, &extractor, IndexOptions::default()).expect("index")
    });
    let mut exports = 0;
    while !indexing.is_finished() || exports < 3 {
        for kind in ["csv", "json"] {
            let r = get(&format!("{base}/export.{kind}?q=")).await;
            assert_eq!(r.status(), 200);
            let total: usize = r.headers()["x-veille-total"]
                .to_str()
                .expect("total")
                .parse()
                .expect("number");
            let body = r.text().await.expect("body");
            let rows = if kind == "csv" {
                let mut n = 0;
                for row in csv::Reader::from_reader(body.as_bytes()).records() {
                    row.expect("a whole CSV row");
                    n += 1;
                }
                n
            } else {
                let v: Value = serde_json::from_str(&body).expect("whole JSON");
                v["results"].as_array().map_or(0, Vec::len)
            };
            assert_eq!(
                rows,
                total.min(10_000),
                "{kind}: one snapshot, every row of it"
            );
        }
        exports += 1;
    }
    indexing.await.expect("join");
}

const ALLONNES: &str = "http://www.allonnes.example";

/// Runs `search-server/tests/tools/archive_tools.py` with the test venv's Python (`None` when
/// the tools are not installed, outside CI); its JSON output.
fn archive_tool(args: &[&str]) -> Option<Value> {
    let python = external_tool("wayback").and_then(|w| {
        let p = w.with_file_name("python");
        p.is_file().then_some(p)
    })?;
    let out = std::process::Command::new(python)
        .arg(repo_root().join("search-server/tests/tools/archive_tools.py"))
        .args(args)
        .output()
        .expect("archive_tools.py runs");
    assert!(
        out.status.success(),
        "archive_tools.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("JSON from archive_tools.py"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gone_and_changed_pages_in_the_api_the_form_and_the_commune_page() {
    let f = fixture();
    // The API: the filter, the facet counts, the dates and the words.
    let (status, v) = json(&format!(
        "{}/api/search?commune=72003&state=gone&sort=disparition&per_page=50",
        f.base
    ))
    .await;
    assert_eq!(status, 200, "{v}");
    let gone: Vec<&Value> = hits(&v).iter().collect();
    let how: std::collections::BTreeMap<String, String> = gone
        .iter()
        .map(|h| {
            (
                h["url"].as_str().unwrap_or_default().to_string(),
                h["gone_how"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expect = |path: &str| how.get(&format!("{ALLONNES}{path}")).map(String::as_str);
    assert_eq!(
        expect("/actualites/2014/elections-municipales-bureaux-de-vote.html"),
        Some("404"),
        "{how:?}"
    );
    assert_eq!(
        expect("/actualites/2013/budget-primitif-2013.html"),
        Some("410")
    );
    assert_eq!(
        expect("/actualites/2013/travaux-avenue-charles-de-gaulle.html"),
        Some("redirect-home")
    );
    assert_eq!(
        expect("/actualites/2015/conseil-municipal-video.html"),
        Some("unlinked")
    );
    for h in &gone {
        assert!(
            h["gone_since"]
                .as_str()
                .is_some_and(|d| d.starts_with("20")),
            "{h}"
        );
        assert!(h["gone_words"].as_str().is_some(), "{h}");
    }
    let states = v["facets"]["states"].as_array().expect("state facets");
    assert!(
        states
            .iter()
            .any(|s| s["state"] == "gone" && s["count"] == gone.len()),
        "{states:?}"
    );
    let (_, all) = json(&format!("{}/api/search?commune=72003&per_page=1", f.base)).await;
    let count = |name: &str| {
        all["facets"]["states"]
            .as_array()
            .and_then(|a| a.iter().find(|s| s["state"] == name))
            .and_then(|s| s["count"].as_u64())
            .unwrap_or(0)
    };
    assert_eq!(count("gone"), gone.len() as u64);
    assert!(
        count("changed") >= 2,
        "the rewritten article and the news list: {all}"
    );

    // The form: the filter with counts, the words, the commune's vanished pages, the feed.
    let (status, page) = text(&format!("{}/?commune=72003&state=gone", f.base)).await;
    assert_eq!(status, 200);
    assert!(page.contains("disparues du site"), "state filter");
    assert!(page.contains("Disparue du site le"), "life in words");
    assert!(
        page.contains("redirigée vers la page d&#39;accueil")
            || page.contains("redirigée vers la page d'accueil")
    );
    assert!(page.contains(
        r#"<link rel="alternate" type="application/atom+xml" title="Suivre cette recherche""#
    ));
    assert!(page.contains("Suivre cette recherche</a>"));
    assert!(
        page.contains("/commune/72003"),
        "link to the commune's vanished pages"
    );
    let (status, commune) = text(&format!("{}/commune/72003", f.base)).await;
    assert_eq!(status, 200);
    assert!(commune.contains("pages disparues du site"), "{commune}");
    assert!(commune.contains("budget-primitif-2013"));
    assert!(commune.contains("Disparues le"));
    assert!(
        !commune.contains("fibre-optique-deploiement"),
        "an online page is not listed"
    );
    let (status, _) = text(&format!("{}/?state=partie", f.base)).await;
    assert_eq!(status, 400, "an unknown state is refused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_diff_between_two_captures_and_a_timeline_in_words() {
    let f = fixture();
    let url = format!("{ALLONNES}/actualites/2013/site-mediatheque.html");
    let (status, page) = text(&format!("{}/diff?url={url}", f.base)).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<ins>"), "{page}");
    assert!(page.contains("<del>"), "{page}");
    assert!(
        page.split("<ins>")
            .skip(1)
            .any(|s| s.starts_with("10") || s.contains(" 10 ")),
        "the new price is marked as added: {page}"
    );
    assert!(page.contains("Ce qui a changé"));
    let (status, timeline) = text(&format!("{}/captures?url={url}", f.base)).await;
    assert_eq!(status, 200);
    assert!(timeline.contains("contenu modifié"), "{timeline}");
    assert!(timeline.contains("voir les changements"), "{timeline}");
    let gone = format!("{ALLONNES}/actualites/2014/elections-municipales-bureaux-de-vote.html");
    let (_, timeline) = text(&format!("{}/captures?url={gone}", f.base)).await;
    assert!(
        timeline.contains("disparue : page introuvable (404)"),
        "{timeline}"
    );
    assert!(timeline.contains("première capture"), "{timeline}");
    assert!(
        timeline.contains("Disparue du site le"),
        "the summary above the list"
    );
    // The replay banner of a gone page says so.
    let (_, api) = json(&format!("{}/api/captures?url={gone}", f.base)).await;
    let first = api["captures"][0]["archive_url"]
        .as_str()
        .expect("archive url")
        .to_string();
    let (status, replay) = text(&format!("{}{first}", f.base)).await;
    assert_eq!(status, 200);
    assert!(
        replay.contains(r#"<p class="gone">Disparue du site le"#),
        "{replay}"
    );
    let (_, api) = json(&format!("{}/api/captures?url={gone}", f.base)).await;
    assert_eq!(api["life"]["state"], "gone", "{api}");
    assert_eq!(api["life"]["gone"]["how"], "404", "{api}");
    let events: Vec<&str> = api["captures"]
        .as_array()
        .expect("captures")
        .iter()
        .filter_map(|c| c["event"]["event"].as_str())
        .collect();
    assert_eq!(events, vec!["appeared", "went"], "{api}");
    let (status, _) = text(&format!("{}/diff?url={ALLONNES}/la-mairie.html", f.base)).await;
    assert_eq!(status, 404, "an unchanged page has nothing to compare");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_atom_feed_of_a_search_reads_in_feedparser_and_matches_the_search() {
    let f = fixture();
    let r = get(&format!("{}/feed.atom?commune=72003", f.base)).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(
        r.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("application/atom+xml"))
    );
    let body = r.bytes().await.expect("body");
    let file = f.dir.join("feed.atom");
    std::fs::write(&file, &body).expect("write feed");
    let (_, api) = json(&format!("{}/api/search?commune=72003&per_page=100", f.base)).await;
    let Some(feed) = archive_tool(&["feed", &file.to_string_lossy()]) else {
        return;
    };
    assert_eq!(feed["bozo"], false, "{feed}");
    assert_eq!(feed["version"], "atom10");
    let entries = feed["entries"].as_array().expect("entries");
    let total = api["total"].as_u64().unwrap_or(0) as usize;
    assert_eq!(
        entries.len(),
        total.min(50),
        "one entry per document, at most 50"
    );
    // Newest first capture first; every entry is a document of the search, with its links.
    let updated: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["updated"].as_str())
        .collect();
    assert!(updated.windows(2).all(|w| w[0] >= w[1]), "{updated:?}");
    let urls: std::collections::HashSet<&str> = hits(&api)
        .iter()
        .filter_map(|h| h["url"].as_str())
        .collect();
    for e in entries {
        assert!(e["updated_parsed"].as_bool().unwrap_or(false), "{e}");
        let links = e["links"].as_array().expect("links");
        let live = links
            .iter()
            .find(|l| l[0] == "related")
            .and_then(|l| l[1].as_str());
        assert!(live.is_some_and(|u| urls.contains(u)), "{e}");
        let archived = links
            .iter()
            .find(|l| l[0] == "alternate")
            .and_then(|l| l[1].as_str());
        assert!(archived.is_some_and(|u| u.contains("/archive/2")), "{e}");
        assert_eq!(e["author"], "Allonnes", "{e}");
    }
    // A search with words: the entries' summaries show them in bold, as the results page does.
    let r = get(&format!("{}/feed.atom?q=fibre&commune=72003", f.base)).await;
    std::fs::write(&file, r.bytes().await.expect("body")).expect("write feed");
    let feed = archive_tool(&["feed", &file.to_string_lossy()]).expect("feedparser");
    assert_eq!(feed["bozo"], false, "{feed}");
    let summaries: Vec<&str> = feed["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["summary"].as_str())
        .collect();
    assert!(summaries.iter().any(|s| s.contains("<b>")), "{summaries:?}");
    // The feed of a commune's gone pages follows disappearances, newest first.
    let r = get(&format!("{}/feed.atom?commune=72003&state=gone", f.base)).await;
    std::fs::write(&file, r.bytes().await.expect("body")).expect("write feed");
    let feed = archive_tool(&["feed", &file.to_string_lossy()]).expect("feedparser");
    let entries = feed["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 4, "{feed}");
    for e in entries {
        assert!(
            e["title"]
                .as_str()
                .is_some_and(|t| t.starts_with("Disparue : ")),
            "{e}"
        );
        assert!(
            e["summary"]
                .as_str()
                .is_some_and(|s| s.contains("Disparue du site le")),
            "{e}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memento_timegate_timemap_and_headers_agree_with_memento_client_and_pywb() {
    let f = fixture();
    let url = format!("{ALLONNES}/actualites/2013/site-mediatheque.html");
    let (status, timemap) = text(&format!("{}/archive/timemap/link/{url}", f.base)).await;
    assert_eq!(status, 200);
    let mementos: Vec<String> = timemap
        .lines()
        .filter(|l| l.contains("memento\""))
        .filter_map(|l| {
            l.split("datetime=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_string)
        })
        .collect();
    assert!(mementos.len() >= 2, "{timemap}");
    assert!(timemap.contains(&format!("<{url}>; rel=\"original\"")));
    assert!(timemap.contains("rel=\"first memento\""));
    // TimeGate: 302 to the closest capture, with Vary and Link.
    let r = no_follow()
        .get(format!("{}/archive/timegate/{url}", f.base))
        .header("Accept-Datetime", "Thu, 01 Jan 2015 00:00:00 GMT")
        .send()
        .await
        .expect("timegate");
    assert_eq!(r.status().as_u16(), 302);
    let header = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(header(&r, "vary"), "accept-datetime");
    assert!(header(&r, "link").contains("rel=\"original\""));
    let location = header(&r, "location");
    assert!(location.starts_with("/archive/2"), "{location}");
    let m = get(&format!("{}{location}", f.base)).await;
    assert_eq!(
        header(&m, "memento-datetime"),
        mementos[0],
        "the earliest: closest to 2015"
    );
    assert!(header(&m, "link").contains("rel=\"timemap\""));
    let r = no_follow()
        .get(format!("{}/archive/timegate/{url}", f.base))
        .header("Accept-Datetime", "hier")
        .send()
        .await
        .expect("timegate");
    assert_eq!(r.status().as_u16(), 400);

    // An independent Memento client finds the same memento.
    let Some(info) = archive_tool(&[
        "memento",
        &format!("{}/archive/timegate/", f.base),
        &url,
        "Thu, 01 Jan 2015 00:00:00 GMT",
    ]) else {
        return;
    };
    let closest = &info["mementos"]["closest"];
    assert!(
        closest["uri"]
            .as_str()
            .is_some_and(|u| u.contains(&location)),
        "{info}"
    );
    // pywb, serving the same WARC files from its own index of them, lists the same captures
    // at the same datetimes.
    let warcs: Vec<String> = f
        .first_warcs
        .iter()
        .chain(&f.second_warcs)
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["pywb-timemap", url.as_str()];
    args.extend(warcs.iter().map(String::as_str));
    let pywb = archive_tool(&args).expect("pywb");
    assert_eq!(pywb["status"], 200, "{pywb}");
    let theirs: Vec<String> = pywb["mementos"]
        .as_array()
        .expect("mementos")
        .iter()
        .filter_map(|d| d.as_str().map(str::to_string))
        .collect();
    assert_eq!(theirs, mementos, "pywb's TimeMap and ours");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wacz_export_passes_wacz_validate_and_replays_in_pywb() {
    let f = fixture();
    let r = get(&format!("{}/export.wacz?commune=72003&q=fibre", f.base)).await;
    assert_eq!(r.status().as_u16(), 200);
    let body = r.bytes().await.expect("body");
    let file = f.dir.join("export.wacz");
    std::fs::write(&file, &body).expect("write");
    let (_, api) = json(&format!("{}/api/search?commune=72003&q=fibre", f.base)).await;
    assert!(api["total"].as_u64().unwrap_or(0) > 0);
    let Some(wacz) = external_tool("wacz") else {
        return;
    };
    let out = std::process::Command::new(wacz)
        .args(["validate", "-f"])
        .arg(&file)
        .output()
        .expect("wacz validate runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("Validation succeeded"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = hits(&api)[0]["url"].as_str().expect("url").to_string();
    let pywb = archive_tool(&["pywb-wacz", &first, &file.to_string_lossy()]).expect("pywb");
    assert!(!pywb["cdx"].as_array().expect("cdx").is_empty(), "{pywb}");
    assert_eq!(pywb["replay_status"], 200, "{pywb}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_to_the_history_views_get_clear_answers() {
    let f = fixture();
    let b = &f.base;
    let (status, page) = text(&format!("{b}/commune/00000")).await;
    assert_eq!(status, 404, "an unknown commune");
    assert!(page.contains("Aucune page archivée"), "{page}");
    let (status, page) = text(&format!("{b}/commune/%3Cscript%3E")).await;
    assert!(status == 404 || status == 400, "{status}");
    assert!(!page.contains("<script>"), "escaped");
    let (status, page) = text(&format!(
        "{b}/diff?url={ALLONNES}/actualites/2013/site-mediatheque.html&from=1999&to=2000"
    ))
    .await;
    assert_eq!(status, 404);
    assert!(page.contains("Aucune capture"), "{page}");
    let (status, _) = text(&format!("{b}/diff")).await;
    assert_eq!(status, 400, "no url");
    let (status, v) = json(&format!("{b}/feed.atom?sort=hasard")).await;
    assert_eq!(status, 400);
    assert_eq!(v["error"]["parameter"], "sort", "{v}");
    let (status, _) = text(&format!("{b}/archive/timemap/link/http://nowhere.example/")).await;
    assert_eq!(status, 404);
    let r = no_follow()
        .get(format!("{b}/archive/timegate/http://nowhere.example/"))
        .send()
        .await
        .expect("timegate");
    assert_eq!(r.status().as_u16(), 404);
    let (status, _) = text(&format!("{b}/export.wacz?state=partie")).await;
    assert_eq!(status, 400);
}
