# Article texts, batch B (ASP.NET WebForms and WordPress pages). Written for Veille.

ARTICLES_B = [
dict(
    name="aspnet-demarches-en-ligne", cms="aspnet", tpl="aspnet_a", town="montargis",
    path="/Actualites/Detail.aspx?IdActu=1187&IdRub=4",
    rubrique="Actualités",
    title="Vos démarches administratives désormais en ligne",
    date="2013-04-12", author=None,
    notes="ASP.NET WebForms: __VIEWSTATE/__EVENTVALIDATION, ctl00_ContentPlaceHolder1_ ids, nested layout "
          "tables, body text directly in a <td> inside <font> with <br><br> paragraph breaks (no <p>); date as "
          "numeric dd/mm/yyyy in lblDate; no <h1>: the title is only in span.TitreActu and the <title> is the "
          "generic 'Ville de Montargis - Actualités'; agenda box with later dates.",
    chapo=None,
    body="""<p>Plus besoin de vous déplacer à l'hôtel de ville pour demander un acte d'état civil ou inscrire votre enfant à l'école. Depuis le début du mois, une dizaine de démarches peuvent être effectuées directement depuis le site internet de la ville, vingt-quatre heures sur vingt-quatre et sept jours sur sept.</p>
<p>Les demandes sont transmises automatiquement au service concerné, qui les traite dans les mêmes délais qu'au guichet. Un accusé de réception est envoyé par courriel, puis un second message lorsque la demande a été traitée.</p>
<p><b>Les démarches disponibles</b></p>
<p>- demande d'acte de naissance, de mariage ou de décès ;<br />- inscription sur les listes électorales ;<br />- recensement citoyen des jeunes de 16 ans ;<br />- inscription scolaire et à la restauration ;<br />- réservation d'une salle municipale ;<br />- demande d'intervention des services techniques ;<br />- signalement d'un dépôt sauvage.</p>
<p>D'autres formulaires seront ajoutés dans les prochains mois, notamment pour les autorisations d'occupation du domaine public et les demandes de subvention des associations.</p>
<p><b>Et si je n'ai pas internet ?</b></p>
<p>Les guichets de l'hôtel de ville restent ouverts aux horaires habituels. Les agents de l'accueil peuvent aussi vous aider à remplir un formulaire en ligne sur le poste mis à disposition dans le hall. «&nbsp;Le numérique doit simplifier la vie des usagers, pas la compliquer&nbsp;», rappelle Bernard Cordier, adjoint chargé de la modernisation des services.</p>""",
),
dict(
    name="aspnet-foster-parent-tres-haut-debit", cms="aspnet", tpl="aspnet_b", town="gueret",
    path="/Pages/Actualite.aspx?id=2231",
    rubrique="Actualités",
    title="Très haut débit : la montée en débit engagée dans cinq quartiers",
    date="2016-02-05", author=None,
    notes="ASP.NET; the first two paragraphs sit inside <table> between <tr> rows (invalid HTML: the parser "
          "foster-parents them before the table) and use <font>; date 'ven. 5 févr. 2016' with abbreviated "
          "weekday and month; no machine-readable date; no <h1> (title in span#ctl00_cphContenu_lblTitre); footer copyright.",
    chapo=None,
    body="""<p>Les habitants de cinq quartiers de Guéret vont bientôt bénéficier d'un internet plus rapide. Le syndicat mixte chargé de l'aménagement numérique de la Creuse a lancé les travaux de montée en débit sur les sous-répartiteurs de l'Ancienne-Gare, de Courtille, de la Croix-Blanche, de Grancher et de Saint-Christophe.</p>
<p>Cette technique consiste à amener la fibre optique jusqu'aux armoires de rue, au plus près des habitations, tout en conservant le fil de cuivre pour la dernière partie du trajet. Les logements concernés, jusqu'ici limités à quelques mégabits par seconde, pourront atteindre des débits de 20 à 50 mégabits selon leur éloignement de l'armoire.</p>
<p>Les travaux dureront environ quatre mois. Ils comprennent la pose de nouvelles armoires, le tirage de la fibre dans les fourreaux et le raccordement électrique. Quelques perturbations de circulation sont à prévoir au moment des ouvertures de tranchées, qui seront signalées sur place.</p>
<p>La ville participe au financement à hauteur de 60 000 euros, aux côtés du Département, de la Région, de l'État et de l'Union européenne. Ce programme constitue une étape avant le déploiement de la fibre jusqu'à l'abonné, prévu dans les années suivantes.</p>
<p>Une fois les travaux terminés, les abonnés n'auront aucune démarche à faire pour profiter de l'amélioration avec leur abonnement actuel. Ceux qui souhaitent passer à une offre incluant la télévision pourront contacter leur fournisseur d'accès.</p>""",
),
dict(
    name="aspnet-cp1252-open-data", cms="aspnet", tpl="aspnet_a", town="vichy", encoding="cp1252",
    path="/Actualites/Detail.aspx?IdActu=312&IdRub=9",
    rubrique="Actualités",
    title="La Ville ouvre ses données publiques",
    date="2015-11-18", updated="2015-12-02", author=None,
    notes="windows-1252 bytes; ASP.NET WebForms; 'Date de mise en ligne : 18/11/2015' and a later "
          "'Dernière modification : 02/12/2015' (gold = mise en ligne); a list of data sets is part of the "
          "article; text in <td> with <br><br>.",
    chapo=None,
    body="""<p>La Ville de Vichy publie désormais une partie de ses données sur internet, dans des formats ouverts et librement réutilisables. Cette démarche, appelée open data, permet à chacun, habitant, entreprise, étudiant ou association, d'exploiter ces informations pour créer de nouveaux services ou simplement mieux comprendre l'action municipale.</p>
<p>Les premiers jeux de données sont accessibles depuis la rubrique «&nbsp;Données publiques&nbsp;» du site et sont également référencés sur le portail national data.gouv.fr. Ils sont publiés sous licence ouverte&nbsp;: leur réutilisation est gratuite, y compris à des fins commerciales, à condition de mentionner la source.</p>
<p><b>Ce qui est publié</b></p>
<p>- le budget primitif et le compte administratif des trois dernières années ;<br />- la liste des équipements sportifs et culturels avec leurs coordonnées ;<br />- l'emplacement des parkings, des bornes de recharge et des stations de vélos ;<br />- les horaires des services municipaux ;<br />- la liste des marchés publics attribués ;<br />- les noms de rues et leurs dates de dénomination.</p>
<p>D'autres données suivront en 2016, notamment les subventions versées aux associations et la fréquentation des équipements. Les habitants peuvent proposer des jeux de données à publier en écrivant au service informatique.</p>
<p>Les fichiers sont proposés dans des formats lisibles par les machines, comme le CSV pour les tableaux ou le GeoJSON pour les données localisées, accompagnés d'une description qui précise leur origine, leur fréquence de mise à jour et la signification de chaque colonne. Les données personnelles sont bien entendu exclues de la publication, conformément aux recommandations de la Commission nationale de l'informatique et des libertés.</p>
<p>La mise en œuvre du projet a été confiée au service informatique, qui a travaillé avec les services producteurs des données – finances, sports, culture, voirie – pour vérifier leur qualité avant publication.</p>
<p>«&nbsp;Ces données appartiennent aux citoyens. Les publier, c'est rendre des comptes et permettre à d'autres d'inventer des usages auxquels nous n'avions pas pensé&nbsp;», souligne Pierre-Yves Garnier, conseiller municipal délégué au numérique. Un premier atelier de réutilisation, ouvert aux développeurs et aux étudiants, sera organisé au printemps.</p>""",
),
dict(
    name="aspnet-piscine-sans-date", cms="aspnet", tpl="aspnet_b", town="decize",
    path="/Pages/Actualite.aspx?id=87",
    rubrique="Actualités",
    title="Fermeture technique de la piscine municipale",
    date=None, author=None,
    notes="no publication date (gold null); ordinary news; closing and reopening dates inside the text; "
          "ASP.NET page with text foster-parented out of a layout table; generic <title> without the article "
          "title; footer copyright year; short article (3 paragraphs).",
    chapo=None,
    body="""<p>La piscine municipale sera fermée au public du lundi 2 au dimanche 15 septembre pour sa vidange annuelle et des travaux d'entretien. Cette opération, obligatoire au moins une fois par an, permet de renouveler entièrement l'eau des bassins et de contrôler les installations qui ne sont pas accessibles le reste de l'année.</p>
<p>Pendant cette période, les agents nettoieront les bassins, remplaceront une partie du carrelage des plages et procéderont à la révision des pompes et du système de filtration. Les vestiaires collectifs seront repeints et deux nouvelles douches accessibles aux personnes à mobilité réduite seront installées. Les clubs et les écoles ont été informés de cette interruption et les créneaux scolaires reprendront dès la réouverture.</p>
<p>La réouverture est prévue le lundi 16 septembre aux horaires habituels. Les abonnements en cours seront prolongés de deux semaines. Les inscriptions aux cours de natation pour enfants et à l'aquagym se feront à l'accueil de la piscine à partir de cette date.</p>""",
),
dict(
    name="wordpress-budget-participatif-commentaires", cms="wordpress", tpl="wp_twentyseventeen", town="longjumeau",
    path="/2019/09/16/budget-participatif-2020-les-votes-sont-ouverts/",
    rubrique="Démocratie participative",
    title="Budget participatif 2020 : les votes sont ouverts",
    date="2019-09-16", updated="2019-10-02", author="Service communication",
    categories=["actualites", "democratie-participative"], tags=["budget-participatif", "citoyennete", "vote"],
    comments=[
        ("Nadia", "2019-09-17T08:42:10+02:00", "Super initiative, j'ai voté pour le projet de jardin partagé près de la gare !"),
        ("Patrick Morin", "2019-09-20T19:05:33+02:00", "Est-ce que les votes papier comptent autant que les votes en ligne ? Ma mère n'a pas internet."),
        ("Ville de Longjumeau", "2019-09-21T10:14:02+02:00", "Bonjour, oui, chaque vote compte de la même façon, qu'il soit déposé dans une urne ou en ligne. Votre mère peut voter à l'accueil de la mairie."),
        ("Aurélie", "2019-10-06T22:31:47+02:00", "Quand saura-t-on quels projets ont gagné ?"),
    ],
    notes="WordPress (Twenty Seventeen-like): entry-meta posted-on with time.entry-date.published and a later "
          "time.updated; category-*/tag-* classes; comments-area with 4 comments dated after the article (not "
          "gold); related posts; JSON-LD WebPage from an SEO plugin with datePublished.",
    chapo=None,
    body="""<p>Après la phase de dépôt des idées au printemps, place au vote&nbsp;! Jusqu'au 20 octobre, tous les Longjumellois âgés d'au moins 11 ans peuvent choisir les projets qui seront financés par le budget participatif 2020.</p>
<p>Au total, 87 idées ont été déposées par les habitants. Après étude par les services municipaux, 23 projets ont été jugés réalisables et soumis au vote. Ils concernent les espaces verts, les équipements sportifs, la mobilité douce, la culture et la solidarité. Leur coût va de 2&nbsp;000 à 40&nbsp;000 euros.</p>
<h2>Comment voter&nbsp;?</h2>
<p>Chaque votant dispose de trois voix, à répartir sur trois projets différents. Le vote est possible&nbsp;:</p>
<ul>
<li>en ligne, sur la plateforme de participation de la ville, après création d'un compte&nbsp;;</li>
<li>sur papier, dans les urnes installées à l'accueil de la mairie, à la médiathèque, au centre social et à la maison des associations&nbsp;;</li>
<li>lors des permanences mobiles organisées sur les marchés du samedi matin.</li>
</ul>
<p>Un justificatif de domicile peut être demandé pour le vote papier. Un seul vote par personne est accepté&nbsp;: les doublons seront écartés lors du dépouillement.</p>
<h2>Quelques projets soumis au vote</h2>
<p>Parmi les propositions figurent un jardin partagé près de la gare, des boîtes à livres dans chaque quartier, un parcours sportif le long de l'Yvette, des arceaux à vélos devant les écoles, un composteur collectif par résidence ou encore une fresque réalisée avec les jeunes du service jeunesse. Chaque projet est présenté avec une fiche détaillée, son coût estimé et son emplacement.</p>
<p>Voici un aperçu de quelques projets, classés par thème&nbsp;:</p>
<ul>
<li><strong>Nature en ville</strong>&nbsp;: plantation d'un verger partagé au parc Nativelle, installation de nichoirs et d'hôtels à insectes dans les squares, création d'une mare pédagogique près de l'école maternelle&nbsp;;</li>
<li><strong>Mobilités</strong>&nbsp;: abris à vélos sécurisés près de la gare routière, bancs le long des itinéraires piétons vers le centre, marquage au sol d'un parcours pour les enfants qui vont à l'école à pied&nbsp;;</li>
<li><strong>Sport et loisirs</strong>&nbsp;: agrès de musculation en plein air, table de ping-pong en béton dans le quartier de Balizy, terrain de pétanque éclairé&nbsp;;</li>
<li><strong>Culture et lien social</strong>&nbsp;: piano en libre accès dans le hall de la médiathèque, grainothèque, bancs de l'amitié devant les résidences pour personnes âgées&nbsp;;</li>
<li><strong>Numérique</strong>&nbsp;: bornes de recharge pour téléphones dans les parcs, atelier de réparation d'ordinateurs animé par des bénévoles.</li>
</ul>
<h2>Et ensuite&nbsp;?</h2>
<p>La première édition, en 2018, avait réuni un peu plus de 1&nbsp;900 votants. Neuf projets avaient été réalisés, parmi lesquels les boîtes à livres du centre-ville et l'aire de jeux du square des Échassons. La municipalité espère cette année dépasser les 3&nbsp;000 participants, notamment grâce au vote papier dans les équipements de quartier et à la participation des collégiens, qui pourront voter au foyer de leur établissement pendant une semaine.</p>
<p>Les projets ayant recueilli le plus de voix seront retenus dans la limite de l'enveloppe de 150&nbsp;000 euros. Les résultats seront annoncés lors du conseil municipal de novembre et publiés sur ce site. Les porteurs de projets seront associés à leur réalisation, prévue au cours de l'année 2020.</p>
<p>«&nbsp;Le budget participatif, c'est la preuve que les bonnes idées viennent souvent des habitants eux-mêmes&nbsp;», souligne Jeanne Ferrand, conseillère municipale déléguée à la démocratie participative.</p>""",
),
dict(
    name="wordpress-conseillers-numeriques", cms="wordpress", tpl="wp_custom", town="loches",
    path="/actualites/deux-conseillers-numeriques-pour-vous-accompagner/",
    rubrique="Actualités",
    title="Deux conseillers numériques pour vous accompagner",
    og_title="Deux conseillers numériques au service des Lochois",
    date="2022-02-08", author="Mairie de Loches",
    categories=["actualites", "solidarite", "numerique"], tags=["conseiller-numerique", "inclusion-numerique", "france-services"],
    notes="WordPress custom theme with article:published_time / og:updated_time metas; og:title differs from h1; "
          "category-*/tag-* classes; 'Vous aimerez aussi' related posts with dates; share buttons; newsletter "
          "form; hours table in footer (not gold).",
    chapo=None,
    body="""<p>Depuis le mois de janvier, deux conseillers numériques France Services ont pris leurs fonctions à Loches. Recrutés par la communauté de communes et accueillis dans les locaux de la ville, Inès Benali et Julien Marchand accompagnent gratuitement les habitants dans leurs usages du numérique.</p>
<p>Leur mission&nbsp;: aider chacun à gagner en autonomie, qu'il s'agisse d'utiliser un ordinateur pour la première fois, de naviguer sur internet, de gérer ses courriels ou d'accomplir ses démarches administratives en ligne. Ils peuvent aussi sensibiliser aux risques, comme les faux sites et les messages frauduleux, et conseiller dans l'achat d'un équipement.</p>
<h3>Des ateliers collectifs</h3>
<p>Chaque semaine, des ateliers de deux heures sont proposés en petits groupes sur différents thèmes&nbsp;:</p>
<ul>
<li>découvrir sa tablette ou son smartphone&nbsp;;</li>
<li>créer et gérer son adresse électronique&nbsp;;</li>
<li>utiliser les sites des impôts, de la CAF et de l'Assurance maladie&nbsp;;</li>
<li>faire des visioconférences avec ses proches&nbsp;;</li>
<li>ranger et partager ses photos.</li>
</ul>
<h3>Des rendez-vous individuels</h3>
<p>Pour une question précise, il est possible de réserver un rendez-vous individuel d'une heure à l'espace France Services, rue de Tours, ou à la médiathèque. Les conseillers se déplacent aussi dans les communes voisines et, sur demande, au domicile des personnes à mobilité réduite.</p>
<p>«&nbsp;Beaucoup de personnes n'osent pas demander de l'aide, par peur d'être jugées. Ici, on prend le temps&nbsp;», explique Inès Benali, qui anime déjà des ateliers avec le club des aînés.</p>
<p>Renseignements et inscriptions à l'accueil de la mairie ou par téléphone au 02 47 91 19 40.</p>""",
),
dict(
    name="wordpress-typographie-wifi", cms="wordpress", tpl="wp_yoast", town="pornichet",
    path="/actualites/le-wifi-public-gratuit-setend-au-front-de-mer/",
    rubrique="Actualités",
    title="Le WiFi public gratuit s’étend au front de mer",
    og_title="Le WiFi public gratuit s’étend au front de mer - Ville de Pornichet",
    date="2019-06-27", updated="2019-07-04", author="Ville de Pornichet",
    typo=True,
    categories=["actualites", "numerique"], tags=["wifi"],
    notes="French typography: ’ apostrophes and no-break spaces before : ; ! ? and inside « » (also in the "
          "title); Yoast JSON-LD @graph with datePublished/dateModified; entry-date time; sidebar 'Agenda' with "
          "summer event dates; cookie notice.",
    chapo=None,
    body="""<p>Bonne nouvelle pour les vacanciers comme pour les Pornichétins\u00a0: le réseau WiFi public et gratuit de la ville s’étend désormais à tout le front de mer, du port de plaisance à la plage des Libraires.</p>
<p>Huit nouvelles bornes ont été installées au printemps sur les postes de secours, les kiosques et les candélabres du remblai. Elles complètent celles qui équipaient déjà la mairie, la médiathèque, l’office de tourisme et le marché couvert. Au total, le réseau compte désormais vingt et un points d’accès.</p>
<h2>Comment se connecter\u00a0?</h2>
<p>Sélectionnez le réseau «\u00a0Pornichet_WiFi\u00a0» dans les paramètres de votre appareil, puis acceptez la charte d’utilisation sur la page qui s’affiche. Aucun mot de passe n’est nécessaire\u00a0; une adresse électronique peut être demandée lors de la première connexion. La session dure deux heures et peut être renouvelée.</p>
<p>Le débit est partagé entre les utilisateurs connectés à une même borne\u00a0: il convient pour consulter ses messages, la météo ou les horaires des bus, mais pas pour regarder des films en haute définition\u00a0!</p>
<h2>Un service respectueux de la vie privée</h2>
<p>Conformément à la réglementation, les données de connexion sont conservées un an puis effacées\u00a0; elles ne sont ni revendues ni utilisées à des fins publicitaires. Le réseau est conçu pour ne pas diffuser les ondes à l’intérieur des logements voisins.</p>
<p>«\u00a0Le WiFi public fait désormais partie des services qu’attendent les visiteurs d’une station balnéaire\u00a0; c’est aussi une aide précieuse pour les saisonniers\u00a0», estime Annick Le Floch, adjointe chargée du numérique.</p>""",
),
dict(
    name="wordpress-tablettes-ecoles", cms="wordpress", tpl="wp_byline", town="plouguerneau",
    path="/des-tablettes-dans-les-classes-de-lecole-publique/",
    rubrique="Enfance",
    title="Des tablettes dans les classes de l'école publique",
    date="2017-11-23", author="Service communication",
    categories=["enfance-jeunesse"], tags=["ecole", "numerique"],
    notes="no meta or JSON-LD date: the only date is a <time datetime> inside <span class=\"author\"> in the "
          "byline; wp-caption with a « Crédit photo » line (credit not gold, caption is); comments closed "
          "message; archive widget with month names.",
    chapo=None,
    body="""<p>Depuis la rentrée des vacances d'automne, les élèves de CE2, CM1 et CM2 de l'école publique utilisent des tablettes numériques en classe. La commune a acquis une «&nbsp;classe mobile&nbsp;» composée de seize tablettes, d'une borne WiFi et d'un chariot de rangement et de recharge, qui circule d'une classe à l'autre selon un planning établi par l'équipe enseignante.</p>
{{FIG:wp-content/uploads/2017/11/tablettes-ecole.jpg|Les élèves de CM1 réalisent un reportage sur le port du Korejou.|Crédit photo : Mairie de Plouguerneau}}
<p>Cet équipement, d'un coût de 9&nbsp;400 euros, a été financé pour moitié par l'État dans le cadre du plan numérique pour l'éducation. La commune a pris en charge le reste, ainsi que l'installation du réseau sans fil dans les salles de classe, réalisée pendant l'été par un prestataire.</p>
<p>Les usages sont variés&nbsp;: réalisation de petits films et de livres numériques, exercices de calcul mental adaptés au niveau de chaque élève, recherches documentaires, enregistrement de lectures à voix haute. «&nbsp;Les enfants s'entraînent à lire puis s'écoutent&nbsp;; ils repèrent eux-mêmes ce qu'ils doivent améliorer&nbsp;», observe la directrice, Anne-Laure Cabon.</p>
<p>Les tablettes sont configurées pour ne donner accès qu'aux applications choisies par les enseignants, et la navigation sur internet est filtrée. Un temps de sensibilisation aux bons usages des écrans a été organisé avec les familles lors d'une réunion en octobre.</p>
<p>Si l'expérience est concluante, la municipalité envisage d'acquérir une seconde classe mobile pour les classes de CP et de CE1 en 2018.</p>""",
),
dict(
    name="wordpress-carnaval-reporte", cms="wordpress", tpl="wp_old", town="marciac",
    path="/le-carnaval-des-ecoles-est-reporte/",
    rubrique="Vie locale",
    title="Le carnaval des écoles est reporté",
    date="2021-03-03", author=None,
    categories=["vie-locale"], tags=[],
    notes="ordinary news, short (3 paragraphs) beside a long sidebar (agenda, associations, archives); "
          "the only date is the plain text « Publié le 3 mars 2021 » (no <time>, no meta, no JSON-LD); "
          "old WordPress theme with entries in div.post.",
    chapo=None,
    body="""<p>En raison de la situation sanitaire, le carnaval des écoles, qui devait défiler dans les rues du village le samedi 20 mars, est reporté à une date ultérieure. Le cortège, la bandas et le goûter offert sous la halle ne peuvent pas se tenir tant que les rassemblements sur la voie publique restent limités.</p>
<p>L'association des parents d'élèves et les enseignants ne renoncent pas pour autant à la fête&nbsp;: les enfants se déguiseront en classe le vendredi 19 mars et Monsieur Carnaval sera jugé dans la cour de l'école, sans public, dans le respect du protocole en vigueur.</p>
<p>Une nouvelle date sera proposée dès que les rassemblements seront de nouveau autorisés, peut-être à l'occasion de la fête des écoles en juin. Merci aux bénévoles qui avaient déjà commencé à préparer les chars et les costumes&nbsp;: leur travail n'est pas perdu et sera mis à l'honneur le moment venu.</p>""",
),
dict(
    name="wordpress-large-fibre", cms="wordpress", tpl="wp_elementor", town="thonon",
    path="/actualites/fibre-optique-ou-en-est-le-deploiement/",
    rubrique="Actualités",
    title="Fibre optique : où en est le déploiement dans votre quartier ?",
    date="2020-10-12", updated="2021-01-18", author="Ville de Thonon-les-Bains",
    categories=["actualites", "numerique", "travaux"], tags=["fibre", "tres-haut-debit"],
    notes="large page builder output (Elementor-like nested divs, mega-menu, inline SVG sprite, big inline "
          "CSS and JS config) around a medium article; article:published_time and article:modified_time "
          "metas; JSON-LD Article with datePublished; visible 'Mis à jour le 18 janvier 2021' beside "
          "'Publié le 12 octobre 2020'.",
    chapo="""<p>Près de huit logements sur dix sont aujourd'hui raccordables à la fibre optique à Thonon-les-Bains. Point d'étape sur un chantier qui doit s'achever fin 2022.</p>""",
    body="""<p>Engagé en 2016 par l'opérateur chargé du déploiement dans la commune, le réseau de fibre optique jusqu'à l'abonné couvre désormais la plus grande partie de la ville. Selon les derniers chiffres transmis à la municipalité, 17&nbsp;400 logements et locaux professionnels sur 22&nbsp;000 sont éligibles à une offre très haut débit.</p>
<h2>Les quartiers encore en travaux</h2>
<p>Les secteurs de Corzent, de Vongy et une partie des hauts de Tully restent en cours d'équipement. Dans ces quartiers, les difficultés tiennent surtout à l'état des fourreaux souterrains et au passage en aérien sur les poteaux, qui nécessite des autorisations supplémentaires. L'opérateur prévoit l'achèvement de ces zones au cours de l'année 2021.</p>
<h2>Vérifier son éligibilité</h2>
<p>Pour savoir si votre logement est raccordable, consultez la carte en ligne de l'opérateur ou le site de l'Arcep, qui recense l'ensemble des déploiements en France. Si votre adresse apparaît comme éligible, vous pouvez contacter le fournisseur d'accès de votre choix pour souscrire un abonnement&nbsp;: c'est lui qui déclenchera le raccordement final de votre logement.</p>
<p>En copropriété, un accord de la copropriété est nécessaire avant toute installation dans les parties communes. En cas de blocage, le syndic peut être sollicité pour inscrire la question à la prochaine assemblée générale.</p>
<h2>Un interlocuteur à la mairie</h2>
<p>Le raccordement d'un logement individuel est en général réalisé en une demi-journée par un technicien mandaté par le fournisseur d'accès. Il utilise les gaines existantes du téléphone&nbsp;; en l'absence de gaine, ou si celle-ci est bouchée, le propriétaire doit faire réaliser les travaux nécessaires sur son terrain avant une nouvelle intervention.</p>
<p>La ville n'est pas maître d'ouvrage du réseau, mais elle suit le chantier de près. Les habitants qui rencontrent une difficulté peuvent la signaler au service aménagement numérique, qui la fera remonter à l'opérateur lors des comités de suivi trimestriels.</p>""",
),
]
