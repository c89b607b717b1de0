"""Shared pieces for the page templates: towns, French dates, menus, sidebars, filler that
real municipal sites carry (cookie banners, share blocks, footers, view-state blobs...).

Everything here was written for Veille. Random choices are seeded per page so that running
build.py twice gives the same bytes."""
import base64
import datetime
import hashlib
import html
import random
import re

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]
MOIS_ABR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
            "oct.", "nov.", "déc."]
JOURS_ABR = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]


def d(s):
    return datetime.date.fromisoformat(s)


def fr(day, weekday=False, cap=False, abbr=False, premier=True):
    """'mardi 14 juin 2011', '1er mars 2021', '3 févr. 2019'."""
    if isinstance(day, str):
        day = d(day)
    n = "1er" if (day.day == 1 and premier) else str(day.day)
    m = MOIS_ABR[day.month - 1] if abbr else MOIS[day.month - 1]
    s = f"{n} {m} {day.year}"
    if weekday:
        s = (JOURS_ABR if abbr else JOURS)[day.weekday()] + " " + s
    return s[0].upper() + s[1:] if cap else s


def joomla_date(day, hm="09:12"):
    """Joomla 1.5 French language pack: 'Mercredi, 15 Décembre 2010 09:12'."""
    if isinstance(day, str):
        day = d(day)
    return f"{JOURS[day.weekday()].capitalize()}, {day.day:02d} {MOIS[day.month - 1].capitalize()} {day.year} {hm}"


def dmy(day, sep="/"):
    if isinstance(day, str):
        day = d(day)
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"


def plus(day, n):
    if isinstance(day, str):
        day = d(day)
    return day + datetime.timedelta(days=n)


def esc(s):
    # PHP's htmlspecialchars writes &#039;, as most CMSs do
    return html.escape(s, quote=True).replace("&#x27;", "&#039;")


def entities(s):
    """Old WYSIWYG editors (TinyMCE 2/3, FCKeditor) wrote accents as named entities."""
    table = {"é": "&eacute;", "è": "&egrave;", "ê": "&ecirc;", "à": "&agrave;", "â": "&acirc;",
             "ç": "&ccedil;", "ô": "&ocirc;", "î": "&icirc;", "ù": "&ugrave;", "û": "&ucirc;",
             "ë": "&euml;", "ï": "&iuml;", "É": "&Eacute;", "À": "&Agrave;", "«": "&laquo;",
             "»": "&raquo;", "œ": "&oelig;", "’": "&rsquo;", "€": "&euro;", "È": "&Egrave;",
             "Ê": "&Ecirc;", "Ç": "&Ccedil;", "\u00a0": "&nbsp;"}
    out = []
    intag = False
    for ch in s:
        if ch == "<":
            intag = True
        elif ch == ">":
            intag = False
        out.append(ch if intag else table.get(ch, ch))
    return "".join(out)


def slug(s):
    s = s.lower()
    for a, b in (("àâä", "a"), ("éèêë", "e"), ("îï", "i"), ("ôö", "o"), ("ùûü", "u"), ("ç", "c"), ("œ", "oe")):
        for ch in a:
            s = s.replace(ch, b)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:70].rstrip("-")


def rng(name):
    return random.Random(int(hashlib.sha1(name.encode()).hexdigest()[:12], 16))


def blob(r, n):
    """A base64 blob such as __VIEWSTATE or a minified data-URI."""
    raw = bytes(r.getrandbits(8) for _ in range(n))
    return base64.b64encode(raw).decode()


def hexid(r, n=8):
    return "".join(r.choice("0123456789abcdef") for _ in range(n))


# ---------------------------------------------------------------------------------------------
# Towns. Names, INSEE codes and départements come from data/communes.csv; streets, phone
# numbers and people are invented.
TOWNS = {
    "lannion": dict(name="Lannion", insee="22113", dep="22", depname="Côtes-d'Armor", cp="22300",
                    domain="www.ville-lannion.fr", site="Ville de Lannion", tel="02 96 46 64 00",
                    addr="Place du Général-Leclerc", hab="Lannionnais"),
    "ramonville": dict(name="Ramonville-Saint-Agne", insee="31446", dep="31", depname="Haute-Garonne", cp="31520",
                       domain="www.ramonville.fr", site="Mairie de Ramonville-Saint-Agne", tel="05 61 75 21 00",
                       addr="Place Charles-Jean", hab="Ramonvillois"),
    "figeac": dict(name="Figeac", insee="46102", dep="46", depname="Lot", cp="46100",
                   domain="www.ville-figeac.fr", site="Ville de Figeac", tel="05 65 50 05 40",
                   addr="8 rue de Colomb", hab="Figeacois"),
    "ploermel": dict(name="Ploërmel", insee="56165", dep="56", depname="Morbihan", cp="56800",
                     domain="www.ploermel.fr", site="Ville de Ploërmel", tel="02 97 73 20 73",
                     addr="Place de la Mairie", hab="Ploërmelais"),
    "carhaix": dict(name="Carhaix-Plouguer", insee="29024", dep="29", depname="Finistère", cp="29270",
                    domain="www.ville-carhaix.bzh", site="Ville de Carhaix-Plouguer", tel="02 98 99 33 33",
                    addr="Rue Brizeux", hab="Carhaisiens"),
    "mirepoix": dict(name="Mirepoix", insee="09194", dep="09", depname="Ariège", cp="09500",
                     domain="www.mairie-mirepoix.fr", site="Mairie de Mirepoix", tel="05 61 68 10 41",
                     addr="Place du Maréchal-Leclerc", hab="Mirapiciens"),
    "wingles": dict(name="Wingles", insee="62895", dep="62", depname="Pas-de-Calais", cp="62410",
                    domain="www.wingles.fr", site="Mairie de Wingles", tel="03 21 77 11 40",
                    addr="Place de la Mairie", hab="Winglois"),
    "bernay": dict(name="Bernay", insee="27056", dep="27", depname="Eure", cp="27300",
                   domain="www.bernay27.fr", site="Ville de Bernay", tel="02 32 46 63 00",
                   addr="Place Gustave-Héon", hab="Bernayens"),
    "hazebrouck": dict(name="Hazebrouck", insee="59295", dep="59", depname="Nord", cp="59190",
                       domain="www.ville-hazebrouck.fr", site="Ville d'Hazebrouck", tel="03 28 43 44 44",
                       addr="Place du Général-de-Gaulle", hab="Hazebrouckois"),
    "saintlo": dict(name="Saint-Lô", insee="50502", dep="50", depname="Manche", cp="50000",
                    domain="www.saint-lo.fr", site="Ville de Saint-Lô", tel="02 33 77 60 00",
                    addr="Place Général-de-Gaulle", hab="Saint-Lois"),
    "vierzon": dict(name="Vierzon", insee="18279", dep="18", depname="Cher", cp="18100",
                    domain="www.ville-vierzon.fr", site="Ville de Vierzon", tel="02 48 52 65 00",
                    addr="Place de l'Hôtel-de-Ville", hab="Vierzonnais"),
    "montargis": dict(name="Montargis", insee="45208", dep="45", depname="Loiret", cp="45200",
                      domain="www.montargis.fr", site="Ville de Montargis", tel="02 38 95 10 00",
                      addr="1 rue Raymond-Tellier", hab="Montargois"),
    "gueret": dict(name="Guéret", insee="23096", dep="23", depname="Creuse", cp="23000",
                   domain="www.ville-gueret.fr", site="Ville de Guéret", tel="05 55 51 47 00",
                   addr="Esplanade François-Mitterrand", hab="Guérétois"),
    "vichy": dict(name="Vichy", insee="03310", dep="03", depname="Allier", cp="03200",
                  domain="www.ville-vichy.fr", site="Ville de Vichy", tel="04 70 30 17 17",
                  addr="Place de l'Hôtel-de-Ville", hab="Vichyssois"),
    "decize": dict(name="Decize", insee="58095", dep="58", depname="Nièvre", cp="58300",
                   domain="www.mairie-decize.fr", site="Mairie de Decize", tel="03 86 77 51 00",
                   addr="Place du Champ-de-Foire", hab="Decizois"),
    "longjumeau": dict(name="Longjumeau", insee="91345", dep="91", depname="Essonne", cp="91160",
                       domain="www.longjumeau.fr", site="Ville de Longjumeau", tel="01 64 54 19 00",
                       addr="6 bis rue Léontine-Sohier", hab="Longjumellois"),
    "loches": dict(name="Loches", insee="37132", dep="37", depname="Indre-et-Loire", cp="37600",
                   domain="www.mairieloches.com", site="Ville de Loches", tel="02 47 91 19 40",
                   addr="Place de l'Hôtel-de-Ville", hab="Lochois"),
    "pornichet": dict(name="Pornichet", insee="44132", dep="44", depname="Loire-Atlantique", cp="44380",
                      domain="www.pornichet.fr", site="Ville de Pornichet", tel="02 40 11 55 55",
                      addr="120 avenue du Général-de-Gaulle", hab="Pornichétins"),
    "plouguerneau": dict(name="Plouguerneau", insee="29195", dep="29", depname="Finistère", cp="29880",
                         domain="www.plouguerneau.bzh", site="Commune de Plouguerneau", tel="02 98 04 71 06",
                         addr="Place de l'Europe", hab="Plouguernéens"),
    "marciac": dict(name="Marciac", insee="32233", dep="32", depname="Gers", cp="32230",
                    domain="www.marciac.fr", site="Mairie de Marciac", tel="05 62 09 30 55",
                    addr="Place de l'Hôtel-de-Ville", hab="Marciacais"),
    "thonon": dict(name="Thonon-les-Bains", insee="74281", dep="74", depname="Haute-Savoie", cp="74200",
                   domain="www.ville-thonon.fr", site="Ville de Thonon-les-Bains", tel="04 50 70 69 69",
                   addr="Hôtel de ville, place de l'Hôtel-de-Ville", hab="Thononais"),
    "issy": dict(name="Issy-les-Moulineaux", insee="92040", dep="92", depname="Hauts-de-Seine", cp="92130",
                 domain="www.issy.com", site="Ville d'Issy-les-Moulineaux", tel="01 41 23 80 00",
                 addr="62 rue du Général-Leclerc", hab="Isséens"),
    "villeurbanne": dict(name="Villeurbanne", insee="69266", dep="69", depname="Rhône", cp="69100",
                         domain="www.villeurbanne.fr", site="Ville de Villeurbanne", tel="04 78 03 67 67",
                         addr="Place Lazare-Goujon", hab="Villeurbannais"),
    "chartreuse": dict(name="Saint-Pierre-de-Chartreuse", insee="38442", dep="38", depname="Isère", cp="38380",
                       domain="www.saintpierredechartreuse.fr", site="Saint-Pierre-de-Chartreuse",
                       tel="04 76 88 60 18", addr="Le Bourg", hab="habitants"),
    "cesson": dict(name="Cesson-Sévigné", insee="35051", dep="35", depname="Ille-et-Vilaine", cp="35510",
                   domain="www.ville-cesson-sevigne.fr", site="Ville de Cesson-Sévigné", tel="02 99 83 52 00",
                   addr="1 esplanade Jean-Marie-Huchet", hab="Cessonnais"),
    "bergerac": dict(name="Bergerac", insee="24037", dep="24", depname="Dordogne", cp="24100",
                     domain="www.bergerac.fr", site="Ville de Bergerac", tel="05 53 74 66 66",
                     addr="Place de la Mairie", hab="Bergeracois"),
    "selestat": dict(name="Sélestat", insee="67462", dep="67", depname="Bas-Rhin", cp="67600",
                     domain="www.selestat.fr", site="Ville de Sélestat", tel="03 88 58 85 00",
                     addr="9 place d'Armes", hab="Sélestadiens"),
    "saverne": dict(name="Saverne", insee="67437", dep="67", depname="Bas-Rhin", cp="67700",
                    domain="www.saverne.fr", site="Ville de Saverne", tel="03 88 71 52 91",
                    addr="78 Grand'Rue", hab="Savernois"),
    "langres": dict(name="Langres", insee="52269", dep="52", depname="Haute-Marne", cp="52200",
                    domain="www.langres.fr", site="Ville de Langres", tel="03 25 86 86 86",
                    addr="Place de l'Hôtel-de-Ville", hab="Langrois"),
    "quimper": dict(name="Quimper", insee="29232", dep="29", depname="Finistère", cp="29000",
                    domain="www.quimper.bzh", site="Ville de Quimper", tel="02 98 98 89 89",
                    addr="44 place Saint-Corentin", hab="Quimpérois"),
    "brive": dict(name="Brive-la-Gaillarde", insee="19031", dep="19", depname="Corrèze", cp="19100",
                  domain="www.brive.fr", site="Ville de Brive", tel="05 55 92 39 39",
                  addr="Place de l'Hôtel-de-Ville", hab="Brivistes"),
    "lamballe": dict(name="Lamballe-Armor", insee="22093", dep="22", depname="Côtes-d'Armor", cp="22400",
                     domain="www.lamballe-armor.bzh", site="Lamballe-Armor", tel="02 96 50 13 50",
                     addr="Place du Martray", hab="Lamballais"),
    "anglet": dict(name="Anglet", insee="64024", dep="64", depname="Pyrénées-Atlantiques", cp="64600",
                   domain="www.anglet.fr", site="Ville d'Anglet", tel="05 59 58 35 35",
                   addr="Place Charles-de-Gaulle", hab="Angloys"),
    "saintes": dict(name="Saintes", insee="17415", dep="17", depname="Charente-Maritime", cp="17100",
                    domain="www.ville-saintes.fr", site="Ville de Saintes", tel="05 46 92 34 34",
                    addr="Square André-Maudet", hab="Saintais"),
    "mende": dict(name="Mende", insee="48095", dep="48", depname="Lozère", cp="48000",
                  domain="www.mende.fr", site="Mairie de Mende", tel="04 66 49 40 00",
                  addr="Place Charles-de-Gaulle", hab="Mendois"),
    "loctudy": dict(name="Loctudy", insee="29135", dep="29", depname="Finistère", cp="29750",
                    domain="www.loctudy.fr", site="Mairie de Loctudy", tel="02 98 87 40 02",
                    addr="Rue Laënnec", hab="Loctudistes"),
    "castelnaudary": dict(name="Castelnaudary", insee="11076", dep="11", depname="Aude", cp="11400",
                          domain="www.ville-castelnaudary.fr", site="Ville de Castelnaudary", tel="04 68 94 58 00",
                          addr="Place de la République", hab="Chauriens"),
    "macon": dict(name="Mâcon", insee="71270", dep="71", depname="Saône-et-Loire", cp="71000",
                  domain="www.macon.fr", site="Ville de Mâcon", tel="03 85 39 71 00",
                  addr="Hôtel de ville, rue de la Barre", hab="Mâconnais"),
    "vitre": dict(name="Vitré", insee="35360", dep="35", depname="Ille-et-Vilaine", cp="35500",
                  domain="www.mairie-vitre.com", site="Ville de Vitré", tel="02 99 75 05 21",
                  addr="5 place du Château", hab="Vitréens"),
    "dole": dict(name="Dole", insee="39198", dep="39", depname="Jura", cp="39100",
                 domain="www.doledujura.fr", site="Ville de Dole", tel="03 84 79 79 79",
                 addr="Place de l'Europe", hab="Dolois"),
    "millau": dict(name="Millau", insee="12145", dep="12", depname="Aveyron", cp="12100",
                   domain="www.millau.fr", site="Ville de Millau", tel="05 65 59 50 00",
                   addr="17 avenue de la République", hab="Millavois"),
    "epinal": dict(name="Épinal", insee="88160", dep="88", depname="Vosges", cp="88000",
                   domain="www.epinal.fr", site="Ville d'Épinal", tel="03 29 68 50 00",
                   addr="9 rue du Général-Leclerc", hab="Spinaliens"),
    "pontivy": dict(name="Pontivy", insee="56178", dep="56", depname="Morbihan", cp="56300",
                    domain="www.ville-pontivy.fr", site="Ville de Pontivy", tel="02 97 25 00 33",
                    addr="Place de l'Hôtel-de-Ville", hab="Pontivyens"),
    "oyonnax": dict(name="Oyonnax", insee="01283", dep="01", depname="Ain", cp="01100",
                    domain="www.oyonnax.fr", site="Ville d'Oyonnax", tel="04 74 77 00 06",
                    addr="Place de l'Église", hab="Oyonnaxiens"),
    "rodez": dict(name="Rodez", insee="12202", dep="12", depname="Aveyron", cp="12000",
                  domain="www.ville-rodez.fr", site="Ville de Rodez", tel="05 65 77 88 00",
                  addr="Place Eugène-Raynaldy", hab="Ruthénois"),
    "cahors": dict(name="Cahors", insee="46042", dep="46", depname="Lot", cp="46000",
                   domain="www.mairie-cahors.fr", site="Ville de Cahors", tel="05 65 20 87 87",
                   addr="73 boulevard Gambetta", hab="Cadurciens"),
    "fougeres": dict(name="Fougères", insee="35115", dep="35", depname="Ille-et-Vilaine", cp="35300",
                     domain="www.fougeres.fr", site="Ville de Fougères", tel="02 99 94 88 00",
                     addr="2 rue Porte-Saint-Léonard", hab="Fougerais"),
    "autun": dict(name="Autun", insee="71014", dep="71", depname="Saône-et-Loire", cp="71400",
                  domain="www.autun.com", site="Ville d'Autun", tel="03 85 86 80 00",
                  addr="Place du Champ-de-Mars", hab="Autunois"),
}


def town(key):
    t = dict(TOWNS[key])
    t["key"] = key
    t["url"] = "https://" + t["domain"]
    return t


# ---------------------------------------------------------------------------------------------
# Menus. A list of (section, [entries]) close to what French town halls publish.
MENU = [
    ("Ma mairie", ["Le mot du maire", "Le conseil municipal", "Les élus", "Les commissions",
                   "Comptes rendus du conseil", "Le budget", "Les services municipaux", "Marchés publics",
                   "Offres d'emploi", "Publications et bulletin municipal", "Arrêtés municipaux",
                   "Intercommunalité"]),
    ("Démarches", ["État civil", "Carte d'identité et passeport", "Élections", "Recensement citoyen",
                   "Urbanisme et permis de construire", "Cimetière", "Attestation d'accueil",
                   "Objets trouvés", "Démarches en ligne", "Location de salles", "Occupation du domaine public"]),
    ("Enfance et jeunesse", ["Petite enfance", "Écoles", "Restauration scolaire", "Accueil périscolaire",
                             "Centre de loisirs", "Portail famille", "Conseil municipal des jeunes",
                             "Point information jeunesse"]),
    ("Vivre ici", ["Solidarité et CCAS", "Seniors", "Santé", "Logement", "Environnement et déchets",
                   "Transports et mobilité", "Sécurité et police municipale", "Numérique",
                   "Commerces et marchés", "Associations"]),
    ("Culture, sport et loisirs", ["Médiathèque", "École de musique", "Cinéma", "Équipements sportifs",
                                   "Piscine", "Patrimoine", "Saison culturelle", "Jumelage"]),
    ("Cadre de vie", ["Travaux en cours", "Voirie et éclairage public", "Espaces verts",
                      "Propreté urbaine", "Plan local d'urbanisme", "Eau et assainissement"]),
]


def menu_sections(r, n=None):
    secs = [(s, list(items)) for s, items in MENU]
    r.shuffle(secs)
    if n:
        secs = secs[:n]
    for s, items in secs:
        r.shuffle(items)
    return secs


# Titles of other news, for "Dans la même rubrique", "Dernières actualités", listings.
OTHER_NEWS = [
    ("Collecte des encombrants : inscrivez-vous avant le 15", "La collecte en porte-à-porte se fait sur rendez-vous. Appelez l'accueil de la mairie pour fixer un créneau."),
    ("Repas des aînés : les inscriptions sont ouvertes", "Les personnes de plus de 70 ans peuvent s'inscrire au repas offert par le CCAS jusqu'à la fin du mois."),
    ("Forum des associations", "Une cinquantaine d'associations sportives, culturelles et solidaires présenteront leurs activités au complexe sportif."),
    ("Inscriptions sur les listes électorales", "Pour voter aux prochaines élections, l'inscription est possible en ligne ou en mairie jusqu'au sixième vendredi précédant le scrutin."),
    ("Plan canicule : le registre des personnes fragiles", "Les personnes âgées ou isolées peuvent demander leur inscription sur le registre tenu par le CCAS."),
    ("Déchets verts : nouveaux horaires de la déchèterie", "La déchèterie passe aux horaires d'été. Elle sera ouverte le dimanche matin jusqu'à fin septembre."),
    ("Le marché de Noël revient sur la place", "Chalets, animations pour les enfants et concert de la chorale : le programme du week-end est en ligne."),
    ("Recensement de la population : un agent peut se présenter chez vous", "Les agents recenseurs munis d'une carte officielle passeront dans les foyers tirés au sort."),
    ("Nouveau columbarium au cimetière communal", "Vingt-quatre cases supplémentaires sont disponibles. Les concessions se réservent au service état civil."),
    ("Permanences du conciliateur de justice", "Le conciliateur reçoit sur rendez-vous un mardi sur deux pour aider à régler les litiges du quotidien."),
    ("Vacances d'été : le centre de loisirs affiche complet", "Une liste d'attente est ouverte. Les familles seront prévenues par courriel dès qu'une place se libère."),
    ("Travaux d'éclairage public rue des Écoles", "Les anciens lampadaires sont remplacés par des luminaires à LED. La circulation reste possible."),
    ("Fermeture exceptionnelle de la mairie le lundi de Pentecôte", "Les services municipaux seront fermés. Une permanence d'état civil est assurée le samedi matin."),
    ("Cérémonie du 11-Novembre", "Le cortège partira de la place de la mairie à 10 h 30 en direction du monument aux morts."),
    ("Le bulletin municipal de printemps est paru", "Il est distribué dans les boîtes aux lettres et téléchargeable sur le site de la commune."),
    ("Opération tranquillité vacances", "Signalez votre absence à la police municipale, qui passera régulièrement devant votre domicile."),
    ("Don du sang à la salle des fêtes", "L'Établissement français du sang organise une collecte de 15 h à 19 h. Pensez à prendre rendez-vous."),
    ("Concours des maisons fleuries", "Les inscriptions se font à l'accueil de la mairie. Le jury passera dans les rues au début du mois de juillet."),
    ("Vide-greniers du comité des fêtes", "Les emplacements sont à réserver auprès du comité. Buvette et restauration sur place."),
    ("Nouveaux arrivants : une soirée d'accueil", "Le maire et les élus reçoivent les familles installées dans la commune depuis un an."),
    ("Chasse aux œufs dans le parc municipal", "Les enfants de 3 à 10 ans sont attendus pour une matinée de jeux organisée par le conseil municipal des jeunes."),
    ("Taille des haies : rappel des règles", "Les haies qui débordent sur le trottoir gênent les piétons. Les propriétaires doivent les tailler à l'aplomb de leur terrain."),
    ("Stationnement : la zone bleue étendue", "La durée de stationnement gratuite reste fixée à une heure trente avec disque dans les rues commerçantes."),
    ("Un nouveau médecin s'installe à la maison de santé", "Le cabinet accueille les patients sur rendez-vous du lundi au vendredi."),
    ("La médiathèque fait sa rentrée", "Clubs de lecture, heure du conte et ateliers d'écriture reprennent dès la première semaine d'octobre."),
    ("Élagage le long des lignes électriques", "Des entreprises mandatées par le gestionnaire du réseau interviendront dans les hameaux."),
    ("Bourse aux vêtements d'hiver", "Dépôt des articles le vendredi, vente le samedi, reprise des invendus le lundi suivant."),
    ("Journée citoyenne : tous volontaires", "Peinture, plantations et petits travaux : les habitants sont invités à donner une matinée pour la commune."),
    ("Nouveaux horaires pour le bureau de poste", "L'agence postale communale ouvre désormais le samedi matin."),
    ("Lutte contre le moustique tigre", "Videz les soucoupes et couvrez les récupérateurs d'eau pour éviter la ponte des moustiques."),
]

NUMERIC_NEWS = [
    ("Des ateliers pour apprendre à utiliser sa tablette", "Le conseiller numérique propose des séances en petits groupes à la médiathèque, sur inscription."),
    ("La commune récompensée par le label Villes Internet", "Le jury national a salué les actions menées en faveur de l'accès de tous au numérique."),
    ("Fibre optique : une réunion publique pour tout comprendre", "L'opérateur présentera le calendrier de raccordement et répondra aux questions des habitants."),
    ("Le portail famille fait peau neuve", "Inscriptions, réservations et paiement de la cantine se font désormais depuis un seul compte."),
    ("WiFi gratuit dans les bâtiments municipaux", "Un accès sans fil est disponible à la médiathèque, à la mairie et à l'office de tourisme."),
    ("Budget participatif : découvrez les projets lauréats", "Aire de jeux, boîtes à livres et jardins partagés figurent parmi les idées retenues par les habitants."),
    ("Les écoles se dotent de tableaux numériques", "Toutes les classes élémentaires seront équipées d'ici la fin de l'année scolaire."),
    ("Signalez un problème de voirie en ligne", "Nids-de-poule, éclairage défaillant ou dépôt sauvage : un formulaire permet d'alerter les services."),
    ("Données publiques : le budget en open data", "Les comptes de la commune sont publiés dans un format réutilisable sur le portail national."),
    ("Prenez rendez-vous en ligne pour vos papiers d'identité", "Les créneaux pour les cartes d'identité et les passeports se réservent désormais sur internet."),
    ("Le conseil municipal en vidéo", "Les séances sont filmées et mises en ligne le lendemain sur la chaîne de la ville."),
    ("Permanences France Services au centre social", "Des agents vous aident dans vos démarches auprès des impôts, de la CAF ou de l'assurance maladie."),
    ("Cybersécurité : méfiez-vous des faux sites administratifs", "Certains sites facturent des démarches gratuites. Utilisez toujours les adresses officielles en gouv.fr."),
    ("Un espace public numérique rénové", "Dix postes neufs, une imprimante et un scanner sont à la disposition des habitants."),
]

EVENTS = [
    ("Conseil municipal", "Salle du conseil, hôtel de ville"),
    ("Atelier « Premiers pas avec un smartphone »", "Médiathèque"),
    ("Marché de producteurs", "Place du marché"),
    ("Concert de l'école de musique", "Église Saint-Pierre"),
    ("Vide-greniers", "Parking de la salle des fêtes"),
    ("Don du sang", "Salle polyvalente"),
    ("Café numérique : sauvegarder ses photos", "Espace public numérique"),
    ("Exposition « Regards sur le patrimoine »", "Chapelle des Ursulines"),
    ("Randonnée des trois clochers", "Départ place de l'église"),
    ("Réunion publique sur le plan local d'urbanisme", "Salle des fêtes"),
    ("Spectacle jeune public « Le voyage de Lila »", "Théâtre municipal"),
    ("Thé dansant des aînés", "Salle des fêtes"),
    ("Permanence de l'architecte-conseil", "Mairie, bureau de l'urbanisme"),
    ("Heure du conte", "Médiathèque, espace jeunesse"),
    ("Tournoi de football des écoles", "Stade municipal"),
    ("Soirée jeux de société", "Ludothèque"),
    ("Atelier « Faire ses démarches sur internet »", "France Services"),
    ("Cinéma en plein air", "Parc de la mairie"),
]


def pick(r, pool, k):
    return r.sample(pool, k)


# first year a news title makes sense (France Services, conseillers numériques, ...)
MINYEAR = {"Permanences France Services au centre social": 2020, "Des ateliers pour apprendre à utiliser sa tablette": 2011,
           "Cybersécurité : méfiez-vous des faux sites administratifs": 2015, "Prenez rendez-vous en ligne pour vos papiers d'identité": 2017,
           "Données publiques : le budget en open data": 2013, "Signalez un problème de voirie en ligne": 2014,
           "Lutte contre le moustique tigre": 2016, "Le portail famille fait peau neuve": 2012, "Le conseil municipal en vidéo": 2011,
           "Les écoles se dotent de tableaux numériques": 2009, "Budget participatif : découvrez les projets lauréats": 2015,
           "La commune récompensée par le label Villes Internet": 2005}


def news_after(r, pool, k, before, span=120):
    """k (title, summary, date) with dates before `before` (other news are older)."""
    if isinstance(before, str):
        before = d(before)
    pool = [x for x in pool if MINYEAR.get(x[0], 0) <= before.year]
    items = pick(r, pool, k)
    days = sorted((r.randint(2, span) for _ in range(k)))
    return [(t, s, plus(before, -n)) for (t, s), n in zip(items, days)]


# months in which a seasonal event can take place
SEASON = {"Cinéma en plein air": (6, 7, 8), "Vide-greniers": (4, 5, 6, 7, 8, 9, 10), "Tournoi de football des écoles": (5, 6),
          "Marché de producteurs": (4, 5, 6, 7, 8, 9, 10, 11, 12), "Randonnée des trois clochers": (3, 4, 5, 6, 9, 10)}


def events_after(r, k, after, span=60, pool=None):
    if isinstance(after, str):
        after = d(after)
    pool = pool or EVENTS
    months = {plus(after, n).month for n in range(3, span)}
    pool = [e for e in pool if not set(SEASON.get(e[0], range(1, 13))).isdisjoint(months)]
    items = pick(r, pool, min(k, len(pool)))
    hours = ["9 h 30", "10 h", "14 h", "14 h 30", "18 h", "18 h 30", "20 h", "20 h 30"]
    out = []
    for t, p in items:
        ok = [n for n in range(3, span) if plus(after, n).month in SEASON.get(t, range(1, 13))]
        out.append((t, p, plus(after, r.choice(ok)), r.choice(hours)))
    return sorted(out, key=lambda e: e[2])


# ---------------------------------------------------------------------------------------------
# Filler that real pages carry. All written here.
def critical_css(r, n):
    """An inline <style> block as page builders print it (n rules)."""
    props = ["display:flex", "display:block", "display:none", "margin:0 auto", "padding:1.25rem 0",
             "font-size:.875rem", "font-weight:700", "line-height:1.5", "color:#1d3557",
             "background:#f1faee", "border-bottom:1px solid #e0e0e0", "position:relative",
             "position:absolute", "top:0", "left:0", "width:100%", "max-width:1280px",
             "text-transform:uppercase", "letter-spacing:.05em", "transition:all .3s ease",
             "z-index:100", "gap:1rem", "align-items:center", "justify-content:space-between",
             "border-radius:4px", "box-shadow:0 2px 6px rgba(0,0,0,.12)", "opacity:0", "overflow:hidden"]
    blocks = ["header", "nav", "menu", "mega", "footer", "card", "btn", "slider", "breadcrumb",
              "quick-access", "agenda", "news", "search", "social", "cookie", "newsletter", "tile",
              "heading", "sidebar", "modal", "skip-link", "logo", "pagination", "share"]
    elems = ["", "__inner", "__title", "__link", "__item", "__list", "__icon", "__wrapper",
             "--active", "--open", "__content", "__media", "__date", "--primary"]
    out = []
    for _ in range(n):
        sel = "." + r.choice(blocks) + r.choice(elems)
        if r.random() < .3:
            sel += " ." + r.choice(blocks) + r.choice(elems)
        out.append(sel + "{" + ";".join(r.sample(props, r.randint(2, 6))) + "}")
        if r.random() < .08:
            out.append("@media (max-width:%dpx){%s{display:none}}" % (r.choice([768, 992, 1200]), sel))
    return "".join(out)


def svg_sprite(r, n):
    names = ["search", "menu", "close", "arrow-right", "arrow-left", "facebook", "twitter",
             "instagram", "youtube", "linkedin", "mail", "phone", "pin", "calendar", "clock",
             "download", "print", "share", "user", "home", "info", "warning", "bus", "bike",
             "school", "family", "heart", "leaf", "city", "wifi", "laptop", "file", "euro",
             "ticket", "book", "music", "sport", "car", "trash", "tree"]
    syms = []
    for i in range(n):
        nm = names[i % len(names)] + ("" if i < len(names) else "-%d" % (i // len(names)))
        pts = []
        x, y = r.randint(2, 10), r.randint(2, 10)
        pts.append("M%d.%d %d.%d" % (x, r.randint(0, 9), y, r.randint(0, 9)))
        for _ in range(r.randint(12, 40)):
            cmd = r.choice("lLcCsShHvVaA")
            if cmd in "hHvV":
                pts.append("%s%.2f" % (cmd, r.uniform(-12, 12)))
            elif cmd in "cC":
                pts.append("%s%.2f %.2f %.2f %.2f %.2f %.2f" % ((cmd,) + tuple(r.uniform(-12, 12) for _ in range(6))))
            elif cmd in "aA":
                pts.append("%s%.1f %.1f 0 0 1 %.2f %.2f" % (cmd, r.uniform(1, 9), r.uniform(1, 9), r.uniform(-9, 9), r.uniform(-9, 9)))
            else:
                pts.append("%s%.2f %.2f" % (cmd, r.uniform(-12, 12), r.uniform(-12, 12)))
        syms.append('<symbol id="icon-%s" viewBox="0 0 24 24"><path d="%s"/></symbol>' % (nm, "".join(pts) + "z"))
    return '<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">' + "".join(syms) + "</svg>"


def tarteaucitron(t):
    return """<script src="/typo3conf/ext/site/Resources/Public/tarteaucitron/tarteaucitron.js"></script>
<script>
tarteaucitron.init({
  "privacyUrl": "/mentions-legales/",
  "hashtag": "#tarteaucitron",
  "cookieName": "tarteaucitron",
  "orientation": "bottom",
  "showAlertSmall": false,
  "cookieslist": true,
  "adblocker": false,
  "AcceptAllCta": true,
  "highPrivacy": true,
  "handleBrowserDNTRequest": false,
  "removeCredit": true,
  "moreInfoLink": true,
  "useExternalCss": false,
  "readmoreLink": "/politique-de-confidentialite/",
  "mandatory": true
});
(tarteaucitron.job = tarteaucitron.job || []).push('youtube');
tarteaucitron.user.matomoId = %d;
(tarteaucitron.job = tarteaucitron.job || []).push('matomo');
</script>""" % (int(t["insee"][-3:]) + 3)


def matomo(t, r):
    return """<!-- Matomo -->
<script>
  var _paq = window._paq = window._paq || [];
  _paq.push(['trackPageView']);
  _paq.push(['enableLinkTracking']);
  (function() {
    var u="https://stats.%s/";
    _paq.push(['setTrackerUrl', u+'matomo.php']);
    _paq.push(['setSiteId', '%d']);
    var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];
    g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);
  })();
</script>
<noscript><p><img src="https://stats.%s/matomo.php?idsite=%d&amp;rec=1" style="border:0;" alt="" /></p></noscript>
<!-- End Matomo Code -->""" % (t["domain"].replace("www.", ""), r.randint(1, 40), t["domain"].replace("www.", ""), r.randint(1, 40))


def ga_old(r):
    return """<script type="text/javascript">
var gaJsHost = (("https:" == document.location.protocol) ? "https://ssl." : "http://www.");
document.write(unescape("%%3Cscript src='" + gaJsHost + "google-analytics.com/ga.js' type='text/javascript'%%3E%%3C/script%%3E"));
</script>
<script type="text/javascript">
try {
var pageTracker = _gat._getTracker("UA-%d-1");
pageTracker._trackPageview();
} catch(err) {}</script>""" % r.randint(1000000, 19999999)


def gtag(r):
    code = "G-" + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(10))
    return """<script async src="https://www.googletagmanager.com/gtag/js?id=%s"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', '%s', { 'anonymize_ip': true });
</script>""" % (code, code)


def hours_block():
    return [("Lundi", "8 h 30 – 12 h", "13 h 30 – 17 h 30"), ("Mardi", "8 h 30 – 12 h", "13 h 30 – 17 h 30"),
            ("Mercredi", "8 h 30 – 12 h", "13 h 30 – 17 h 30"), ("Jeudi", "8 h 30 – 12 h", "13 h 30 – 18 h 30"),
            ("Vendredi", "8 h 30 – 12 h", "13 h 30 – 17 h"), ("Samedi", "9 h – 12 h", "fermé")]
