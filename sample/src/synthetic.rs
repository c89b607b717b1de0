//! Large synthetic municipal sites for benchmarks: `pages` pages on each of `hosts` hosts
//! (`www.communeK.bench.example`), generated on request (nothing on disk), linked like the
//! sample (menus, lists of news, related articles) with French text of realistic size.
//!
//! Page `i` of a host links to its `fanout` children `fanout·i + 1 … fanout·i + fanout`, so
//! every page is reachable from `/` in about log_fanout(pages) clicks, plus three related
//! pages and the menu.
//!
//! Most pages are about 15 kB of HTML: a lean CMS template. With `large_every = N`, about
//! one page in N (chosen by hash, on every host) is the size of a real news page, about
//! 175 kB: the same article inside what real town-hall templates carry around it — a large
//! inline style sheet, a tag manager's configuration and a script bundle inline, an SVG icon
//! sprite, JSON-LD, a mega-menu and a site-map footer of a few hundred links, a cookie
//! consent dialog with its legal text, a "most read" sidebar. The text to find is the same
//! share of the page as on real sites: a few percent.

/// Shape of the generated sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Synthetic {
    /// Hosts (`www.commune0.bench.example` …).
    pub hosts: u32,
    /// Pages per host.
    pub pages: u64,
    /// Child links per page.
    pub fanout: u64,
    /// Time the server takes to answer each request, in milliseconds (a CMS generating the
    /// page); 0 for none.
    pub latency_ms: u64,
    /// About one page in this many is real-sized (~175 kB); 0 for none.
    pub large_every: u64,
}

/// The host name of synthetic site `k`.
pub fn host_name(k: u32) -> String {
    format!("www.commune{k}.bench.example")
}

const MENU: &[&str] = &[
    "Conseil municipal",
    "Délibérations",
    "Budget",
    "Élus",
    "Services municipaux",
    "État civil",
    "Cartes d'identité",
    "Urbanisme",
    "Marchés publics",
    "Emploi",
    "Écoles",
    "Restauration scolaire",
    "Petite enfance",
    "Jeunesse",
    "Seniors",
    "Action sociale",
    "Santé",
    "Sécurité",
    "Propreté",
    "Déchets",
    "Eau et assainissement",
    "Voirie",
    "Transports",
    "Stationnement",
    "Environnement",
    "Médiathèque",
    "Musée",
    "Cinéma",
    "Associations",
    "Équipements sportifs",
    "Agenda",
    "Plan de la ville",
    "Histoire",
    "Jumelages",
    "Économie",
    "Commerces",
    "Marché",
    "Numérique",
    "Wifi public",
    "Démarches en ligne",
];

const STYLE: &str = "<style>body{font-family:Arial,sans-serif;margin:0;color:#222}header{background:#003b70;color:#fff;padding:1em}\
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}nav li{margin:0 .6em}nav a{color:#fff;text-decoration:none}\
main{display:flex;max-width:72em;margin:auto}article{flex:3;padding:1em 2em}aside{flex:1;padding:1em;background:#f3f3f3}\
footer{background:#222;color:#ddd;padding:2em;font-size:.9em}.cookies{position:fixed;bottom:0;background:#ffd;padding:1em;width:100%}\
h1{font-size:1.8em;color:#003b70}.date{color:#777;font-style:italic}p{line-height:1.5}</style>";

const SCRIPT: &str = "<script>(function(){var b=document.querySelectorAll('.cookies button');for(var i=0;i<b.length;i++){\
b[i].addEventListener('click',function(){document.querySelector('.cookies').style.display='none';\
try{localStorage.setItem('cookies','1')}catch(e){}});}if(window.localStorage&&localStorage.getItem('cookies')){\
document.querySelector('.cookies').style.display='none';}})();</script>";

const SENTENCES: &[&str] = &[
    "Le conseil municipal s'est réuni jeudi soir en mairie pour examiner les dossiers de la rentrée.",
    "Les travaux de réfection de la chaussée débuteront lundi et dureront trois semaines.",
    "La fibre optique sera proposée aux habitants des quartiers nord avant la fin de l'année.",
    "Les familles peuvent désormais régler la cantine et l'accueil périscolaire en ligne.",
    "Une borne d'accès à internet est installée dans le hall de l'hôtel de ville.",
    "La médiathèque propose chaque mercredi des ateliers d'initiation au numérique.",
    "Le marché hebdomadaire se tiendra exceptionnellement sur la place de l'église.",
    "Les inscriptions sur les listes électorales sont ouvertes jusqu'au 31 décembre.",
    "Le comité des fêtes recherche des bénévoles pour l'organisation de la fête de la musique.",
    "Les écoles élémentaires ont été équipées de tableaux numériques interactifs.",
    "La commune a obtenu le label Villes Internet avec une mention de trois arobases.",
    "Un questionnaire en ligne permet aux habitants de donner leur avis sur le futur parc.",
    "Le wifi public gratuit est disponible dans les salles municipales et à la médiathèque.",
    "Les données publiques de la ville sont publiées sous licence ouverte.",
    "La déchetterie sera fermée le premier mai et le quatorze juillet.",
    "Le club de football a fêté sa montée en division supérieure.",
];

/// Whether `host` is a synthetic host, and which.
pub fn parse_host(host: &str) -> Option<u32> {
    host.strip_prefix("www.commune")?
        .strip_suffix(".bench.example")?
        .parse()
        .ok()
}

fn mix(mut x: u64) -> u64 {
    // splitmix64: a cheap deterministic scramble.
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn page_path(i: u64) -> String {
    if i == 0 {
        "/".into()
    } else {
        format!("/actualites/{i}.html")
    }
}

impl Synthetic {
    /// The response body for a path of site `k`, or `None` (404).
    pub fn page(&self, k: u32, path: &str) -> Option<(&'static str, String)> {
        if path == "/robots.txt" {
            return Some((
                "text/plain; charset=utf-8",
                "User-agent: *\nDisallow: /admin/\n".into(),
            ));
        }
        let i: u64 = if path == "/" {
            0
        } else {
            path.strip_prefix("/actualites/")?
                .strip_suffix(".html")?
                .parse()
                .ok()?
        };
        if i >= self.pages || (i == 0 && path != "/") {
            return None;
        }
        Some(("text/html; charset=utf-8", self.html(k, i)))
    }

    /// Whether page `i` of site `k` is a real-sized one.
    pub fn is_large(&self, k: u32, i: u64) -> bool {
        self.large_every > 0
            && mix(mix(u64::from(k) << 40 ^ i) ^ 0x1a26e).is_multiple_of(self.large_every)
    }

    fn html(&self, k: u32, i: u64) -> String {
        let seed = mix(u64::from(k) << 40 ^ i);
        let large = self.is_large(k, i);
        let mut out = String::with_capacity(if large { 200_000 } else { 24_000 });
        out.push_str(&format!(
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Actualité {i} – Commune {k}</title>\
<meta name=\"description\" content=\"Les nouvelles de la commune {k}\"><link rel=\"stylesheet\" href=\"/style.css\">{STYLE}"
        ));
        if large {
            heavy_head(&mut out, k, i, seed);
        }
        out.push_str("</head><body>");
        if large {
            heavy_body_start(&mut out, seed, self.pages);
        }
        out.push_str(&format!(
            "<div class=\"cookies\">Ce site utilise des cookies de mesure d'audience. <button>Accepter</button> <button>Refuser</button></div>\
<header><a href=\"/\">Mairie de la commune {k}</a><nav><ul>"
        ));
        for (label, target) in [
            ("Accueil", 0u64),
            ("Actualités", 1),
            ("Vie municipale", 2),
            ("Démarches", 3),
            ("Culture", 4),
            ("Sports", 5),
        ] {
            if target < self.pages {
                out.push_str(&format!(
                    "<li><a href=\"{}\">{label}</a></li>",
                    page_path(target)
                ));
            }
        }
        // A mega-menu, as town-hall sites have: a list of the site's sections.
        for (n, label) in MENU.iter().enumerate() {
            let target = (n as u64 * 37 + 11) % self.pages;
            out.push_str(&format!(
                "<li><a href=\"{}\">{label}</a></li>",
                page_path(target)
            ));
        }
        out.push_str("</ul></nav></header><main><article>");
        out.push_str(&format!("<h1>Actualité n° {i} de la commune {k}</h1><p class=\"date\">Publié le {:02}/{:02}/{}</p>", seed % 28 + 1, seed % 12 + 1, 2008 + seed % 16));
        let paragraphs = 14 + seed % 16;
        // Each page speaks of a few subjects only (five sentences of the pool), so that a
        // query matches a realistic share of the pages rather than all of them.
        let subjects: Vec<usize> = (0..5)
            .map(|j| (mix(seed ^ (0x5eed + j)) % SENTENCES.len() as u64) as usize)
            .collect();
        for p in 0..paragraphs {
            out.push_str("<p>");
            for s in 0..6 {
                let idx = subjects[(mix(seed ^ (p * 8 + s)) % subjects.len() as u64) as usize];
                out.push_str(SENTENCES[idx]);
                out.push(' ');
            }
            out.push_str("</p>\n");
        }
        out.push_str("</article><aside><h2>À lire aussi</h2><ul>");
        let children = (self.fanout * i + 1)..=(self.fanout * i + self.fanout);
        for c in children.filter(|c| *c < self.pages) {
            out.push_str(&format!(
                "<li><a href=\"{}\">Actualité n° {c}</a></li>",
                page_path(c)
            ));
        }
        for r in [
            mix(seed) % self.pages,
            mix(seed + 1) % self.pages,
            (i + 1) % self.pages,
        ] {
            out.push_str(&format!(
                "<li><a href=\"{}\">Voir aussi l'actualité {r}</a></li>",
                page_path(r)
            ));
        }
        if large {
            most_read(&mut out, seed, self.pages);
        }
        out.push_str("</ul></aside></main><footer><p>Hôtel de ville, place de la République. Accueil du lundi au vendredi de 8 h 30 à 17 h 30.</p>\
<p><a href=\"https://www.service-public.fr/\">Service-public.fr</a> · <a href=\"mailto:mairie@commune.example\">Nous écrire</a></p></footer>");
        if large {
            site_map(&mut out, seed, self.pages);
        }
        out.push_str(SCRIPT);
        if large {
            heavy_scripts(&mut out, seed);
        }
        out.push_str("</body></html>\n");
        out
    }
}

/// Words that generated identifiers, class names and strings are made of.
const WORDS: &[&str] = &[
    "header",
    "menu",
    "item",
    "link",
    "card",
    "grid",
    "col",
    "row",
    "btn",
    "icon",
    "news",
    "agenda",
    "footer",
    "modal",
    "consent",
    "share",
    "slider",
    "media",
    "title",
    "text",
    "wrapper",
    "container",
    "block",
    "teaser",
    "list",
    "nav",
    "search",
    "form",
    "input",
    "label",
    "primary",
    "secondary",
    "active",
    "hidden",
    "visible",
    "large",
    "small",
];

fn word(x: u64) -> &'static str {
    WORDS[(x % WORDS.len() as u64) as usize]
}

/// Meta tags, JSON-LD and a large inline style sheet (~35 kB), as theme builders write them.
fn heavy_head(out: &mut String, k: u32, i: u64, seed: u64) {
    use std::fmt::Write;
    for (p, v) in [
        ("og:type", "article".to_string()),
        ("og:title", format!("Actualité {i} – Commune {k}")),
        (
            "og:url",
            format!("https://{}/actualites/{i}.html", host_name(k)),
        ),
        (
            "og:image",
            format!("https://{}/medias/{seed:x}-1200x630.jpg", host_name(k)),
        ),
        ("twitter:card", "summary_large_image".to_string()),
    ] {
        let _ = write!(out, "<meta property=\"{p}\" content=\"{v}\">");
    }
    let _ = write!(
        out,
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\
\"headline\":\"Actualité {i}\",\"publisher\":{{\"@type\":\"GovernmentOrganization\",\"name\":\"Mairie de la commune {k}\"}}}}</script><style>"
    );
    let mut n = 0u64;
    while out.len() < 40_000 {
        let x = mix(seed ^ n);
        let _ = write!(
            out,
            ".{}-{}__{}--{}{{margin:{}px {}px;padding:{}rem;color:#{:06x};font-size:{}.{}em}}\
@media (max-width:{}px){{.{}-{}{{display:{};flex:{} 1 auto}}}}",
            word(x),
            word(x >> 8),
            word(x >> 16),
            x % 97,
            x % 31,
            (x >> 5) % 23,
            (x >> 9) % 4,
            x & 0xff_ffff,
            (x >> 13) % 3,
            (x >> 17) % 10,
            480 + (x >> 21) % 800,
            word(x >> 24),
            x % 53,
            if x & 1 == 0 { "none" } else { "block" },
            (x >> 29) % 5,
        );
        n += 1;
    }
    out.push_str("</style>");
}

/// An SVG icon sprite and a mega-menu of a few hundred links (~45 kB).
fn heavy_body_start(out: &mut String, seed: u64, pages: u64) {
    use std::fmt::Write;
    let start = out.len();
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"display:none\">");
    for s in 0..40u64 {
        let _ = write!(
            out,
            "<symbol id=\"icon-{}-{s}\" viewBox=\"0 0 24 24\"><path d=\"M",
            word(mix(seed ^ s))
        );
        for p in 0..24u64 {
            let x = mix(seed ^ (s << 8) ^ p);
            let _ = write!(
                out,
                "{}.{} {}.{}{}",
                x % 24,
                (x >> 8) % 100,
                (x >> 16) % 24,
                (x >> 24) % 100,
                if p % 3 == 2 { "C" } else { " " }
            );
        }
        out.push_str("z\"/></symbol>");
    }
    out.push_str("</svg><div class=\"mega-menu\" role=\"navigation\">");
    let mut n = 0u64;
    while out.len() - start < 45_000 {
        let x = mix(seed ^ 0xbeef ^ n);
        let _ = write!(
            out,
            "<div class=\"mega-menu__col\"><h3>{}</h3><ul>",
            MENU[(x % MENU.len() as u64) as usize]
        );
        for j in 0..8u64 {
            let y = mix(x ^ j);
            let _ = write!(
                out,
                "<li class=\"mega-menu__item\"><a href=\"{}\" data-track=\"menu-{}-{j}\"><svg><use href=\"#icon-{}-{}\"/></svg>{}</a></li>",
                page_path(y % pages),
                n,
                word(y),
                y % 40,
                MENU[((y >> 7) % MENU.len() as u64) as usize]
            );
        }
        out.push_str("</ul></div>");
        n += 1;
    }
    out.push_str("</div>");
}

/// A "most read" and "agenda" sidebar (~10 kB).
fn most_read(out: &mut String, seed: u64, pages: u64) {
    use std::fmt::Write;
    out.push_str("</ul><h2>Les plus lus</h2><ul class=\"most-read\">");
    for j in 0..40u64 {
        let x = mix(seed ^ 0x4ead ^ j);
        let _ = write!(
            out,
            "<li><a href=\"{}\"><img src=\"/medias/{x:x}-320x180.webp\" srcset=\"/medias/{x:x}-320x180.webp 320w, /medias/{x:x}-640x360.webp 640w\" alt=\"\" loading=\"lazy\"><span>{}</span></a></li>",
            page_path(x % pages),
            MENU[(x % MENU.len() as u64) as usize]
        );
    }
}

/// A site-map footer and a cookie consent dialog with its legal text (~25 kB).
fn site_map(out: &mut String, seed: u64, pages: u64) {
    use std::fmt::Write;
    out.push_str("<div class=\"site-map\">");
    for j in 0..160u64 {
        let x = mix(seed ^ 0x5173 ^ j);
        let _ = write!(
            out,
            "<a class=\"site-map__link\" href=\"{}\">{}</a> ",
            page_path(x % pages),
            MENU[(x % MENU.len() as u64) as usize]
        );
    }
    out.push_str("</div><div id=\"consent\" class=\"modal consent\" role=\"dialog\" hidden><h2>Gestion des cookies</h2>");
    for j in 0..12u64 {
        let x = mix(seed ^ 0xc00c ^ j);
        let _ = write!(
            out,
            "<div class=\"consent__purpose\"><h3>Finalité {j}</h3><p>Ces traceurs permettent de mesurer l'audience du site et d'améliorer \
ses services. Ils sont déposés par la commune et par ses prestataires pour une durée de treize mois au plus. Vous pouvez \
retirer votre consentement à tout moment depuis cette fenêtre.</p><label><input type=\"checkbox\" name=\"purpose-{x:x}\"> Accepter</label></div>"
        );
    }
    out.push_str("</div>");
}

/// A tag manager's configuration and a minified script bundle inline (~70 kB).
fn heavy_scripts(out: &mut String, seed: u64) {
    use std::fmt::Write;
    let start = out.len();
    out.push_str("<script>window.dataLayer=window.dataLayer||[];window.__CONFIG__={\"tags\":[");
    let mut n = 0u64;
    while out.len() - start < 35_000 {
        let x = mix(seed ^ 0x7a6 ^ n);
        let _ = write!(
            out,
            "{{\"id\":\"{x:016x}\",\"type\":\"{}\",\"trigger\":\"{}_{}\",\"vars\":{{\"{}\":{},\"{}\":\"{}-{}\"}}}},",
            word(x),
            word(x >> 5),
            x % 1000,
            word(x >> 11),
            (x >> 20) % 100_000,
            word(x >> 30),
            word(x >> 40),
            (x >> 50) % 64
        );
        n += 1;
    }
    out.push_str("{}]};</script><script>");
    while out.len() - start < 49_000 {
        let x = mix(seed ^ 0x15 ^ n);
        let _ = write!(
            out,
            "function {}_{}(e,t){{var n=e.{}||t;if(n&&n.length>{}){{return n.slice({},{}).map(function(r){{return r.{}}});}}\
return document.querySelectorAll(\".{}-{}\")}}",
            word(x),
            x % 10_000,
            word(x >> 8),
            (x >> 16) % 50,
            (x >> 20) % 5,
            (x >> 24) % 40,
            word(x >> 28),
            word(x >> 33),
            word(x >> 38)
        );
        n += 1;
    }
    out.push_str("</script>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_reachable_and_pages_have_realistic_size() {
        let s = Synthetic {
            hosts: 1,
            pages: 500,
            fanout: 10,
            latency_ms: 0,
            large_every: 0,
        };
        let mut seen = vec![false; 500];
        let mut stack = vec![0u64];
        let mut total = 0usize;
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i as usize], true) {
                continue;
            }
            let (_, body) = s.page(0, &page_path(i)).expect("page exists");
            total += body.len();
            for part in body.split("href=\"").skip(1) {
                let href = &part[..part.find('"').unwrap_or(0)];
                if let Some(n) = href
                    .strip_prefix("/actualites/")
                    .and_then(|r| r.strip_suffix(".html"))
                {
                    stack.push(n.parse().expect("number"));
                }
            }
        }
        assert!(seen.iter().all(|s| *s));
        let mean = total / 500;
        assert!((15_000..60_000).contains(&mean), "mean page size {mean}");
        assert!(s.page(0, "/actualites/500.html").is_none());
        assert_eq!(parse_host(&host_name(7)), Some(7));
    }

    #[test]
    fn one_page_in_n_is_real_sized_and_links_only_to_existing_pages() {
        let s = Synthetic {
            hosts: 2,
            pages: 2000,
            fanout: 10,
            latency_ms: 0,
            large_every: 10,
        };
        let (mut large, mut large_bytes, mut small_bytes) = (0u64, 0usize, 0usize);
        for k in 0..2 {
            for i in 0..2000 {
                let (_, body) = s.page(k, &page_path(i)).expect("page exists");
                if s.is_large(k, i) {
                    large += 1;
                    large_bytes += body.len();
                } else {
                    small_bytes += body.len();
                }
                for part in body.split("href=\"/actualites/").skip(1) {
                    let n: u64 = part[..part.find(".html").unwrap_or(0)]
                        .parse()
                        .expect("number");
                    assert!(n < 2000, "link to page {n}");
                }
            }
        }
        assert!((300..500).contains(&large), "{large} large pages of 4000");
        let mean = large_bytes / large as usize;
        assert!((150_000..200_000).contains(&mean), "mean large page {mean}");
        assert!(small_bytes / (4000 - large as usize) < 30_000);
    }
}
