# Article texts, batch C (Drupal, TYPO3, town-hall builders, static sites). Written for Veille.

ARTICLES_C = [
dict(
    name="drupal7-conseil-en-direct", cms="drupal", tpl="drupal7", town="issy",
    path="/actualites/le-conseil-municipal-retransmis-en-direct-sur-internet",
    rubrique="Actualités",
    title="Le conseil municipal retransmis en direct sur Internet",
    date="2012-06-13", author="webmaster",
    notes="Drupal 7: node-article, field-name-field-date with RDFa content attribute, 'Soumis par webmaster le "
          "mer, 13/06/2012 - 10:24'; the next council date (28 June) appears in the text; tags field and "
          "comment links not gold.",
    chapo=None,
    body="""<p>À partir de la séance du jeudi 28 juin, les réunions du conseil municipal seront retransmises en direct et en vidéo sur le site internet de la ville. Les habitants pourront suivre les débats depuis leur ordinateur, leur tablette ou leur téléphone, sans avoir à se déplacer à l'hôtel de ville.</p>
<p>Trois caméras télécommandées ont été installées dans la salle du conseil. Elles filment automatiquement l'élu qui prend la parole, grâce à un dispositif relié aux micros. Le signal est diffusé en continu sur une page dédiée, accessible depuis la page d'accueil du site.</p>
<h3>Des séances consultables à la demande</h3>
<p>Chaque séance sera ensuite découpée par point de l'ordre du jour et mise en ligne dans les quarante-huit heures. Il sera ainsi possible de retrouver facilement la délibération qui vous intéresse&nbsp;: le budget, un projet d'urbanisme, une subvention à une association. Les vidéos resteront consultables pendant toute la durée du mandat.</p>
<p>Pendant la retransmission, les internautes pourront poser leurs questions par écrit au moyen d'un formulaire. Celles qui concernent les sujets à l'ordre du jour seront lues en fin de séance, lors du temps d'échange avec le public prévu par le règlement intérieur.</p>
<h3>Une étape de plus vers la transparence</h3>
<p>La ville publie déjà sur son site les ordres du jour, les délibérations et les comptes rendus du conseil. La retransmission vidéo prolonge cette démarche. «&nbsp;Beaucoup d'habitants ne peuvent pas assister aux séances, qui ont lieu en soirée. Nous voulons que chacun puisse savoir ce qui se décide en son nom&nbsp;», indique Frédéric Leclerc, conseiller municipal délégué à la démocratie numérique.</p>
<h3>Accessibilité et respect de la vie privée</h3>
<p>Un sous-titrage automatique sera proposé pendant le direct, puis corrigé avant la mise en ligne des vidéos à la demande, afin que les personnes sourdes ou malentendantes puissent suivre les débats. Les documents présentés en séance, comme les diaporamas budgétaires, seront affichés à l'écran en même temps que l'intervenant.</p>
<p>Seuls les élus et les agents qui prennent la parole sont filmés. Les caméras ne sont pas orientées vers le public&nbsp;; un panneau à l'entrée de la salle informe les personnes présentes de la retransmission. Les éventuelles interventions du public en fin de séance ne sont diffusées qu'avec l'accord de leur auteur.</p>
<p>Le coût de l'équipement s'élève à 42&nbsp;000 euros. Le public reste bien sûr le bienvenu dans la salle du conseil, dans la limite des places disponibles.</p>""",
),
dict(
    name="drupal9-signalement-espace-public", cms="drupal", tpl="drupal9", town="villeurbanne",
    path="/actualites/une-application-pour-signaler-les-problemes-sur-lespace-public",
    rubrique="Actualités",
    title="Une application pour signaler les problèmes sur l'espace public",
    date="2021-05-10", author=None,
    notes="Drupal 9: node--type-article, field--name-field-date-de-publication with <time datetime>, "
          "field--name-body, field--name-field-chapo (part of article); sidebar agenda block with later dates; "
          "'À lire aussi' view with dates; footer.",
    chapo="""<p>Un trottoir abîmé, un lampadaire en panne, un dépôt sauvage&nbsp;? Depuis le 10 mai, les Villeurbannais peuvent le signaler en quelques secondes depuis leur téléphone.</p>""",
    body="""<p>La ville lance une application gratuite de signalement, disponible pour les téléphones Android et iPhone, ainsi qu'une version web accessible depuis n'importe quel navigateur. Elle remplace le formulaire de contact qui servait jusqu'ici à transmettre ce type de demandes et qui obligeait les agents à recopier chaque message.</p>
<h2>Comment ça marche&nbsp;?</h2>
<p>L'utilisateur choisit une catégorie parmi une quinzaine&nbsp;: voirie, éclairage public, propreté, espaces verts, mobilier urbain, signalisation, tags et graffitis, stationnement gênant, etc. Il peut prendre une photo et l'application localise automatiquement le problème grâce au GPS du téléphone. Le signalement est alors transmis directement au service compétent.</p>
<p>L'usager est informé par notification de chaque étape du traitement&nbsp;: prise en compte, intervention programmée, problème résolu. Il peut aussi consulter la carte des signalements déjà effectués, pour éviter les doublons.</p>
<h2>Ce que l'application ne remplace pas</h2>
<p>Les situations d'urgence, comme un danger immédiat sur la chaussée ou un accident, doivent toujours être signalées aux services de secours ou à la police municipale par téléphone. Les demandes qui relèvent de la Métropole, comme la collecte des ordures ménagères, sont réorientées automatiquement vers ses services.</p>
<p>Pendant les premières semaines, un bilan sera réalisé chaque semaine pour ajuster les catégories et les délais de réponse. Les habitants qui n'utilisent pas de téléphone peuvent continuer à faire leurs signalements à l'accueil de l'hôtel de ville ou dans les mairies annexes.</p>""",
),
dict(
    name="drupal7-h1-logo-satellite", cms="drupal", tpl="drupal7_logo", town="chartreuse",
    path="/node/318",
    rubrique="Actualités",
    title="Internet par satellite : une aide pour les foyers mal desservis",
    date="2016-02-05", author="admin",
    notes="the page's h1 is the site name/logo; the article title is the node's h2 (gold title = h2); Drupal 7 "
          "'Soumis par admin le ven, 05/02/2016 - 16:40' with RDFa dc:date; mountain village; no og tags.",
    chapo=None,
    body="""<p>Dans plusieurs hameaux de la commune, la connexion internet reste très lente, parfois inférieure à un mégabit par seconde, en raison de la longueur des lignes téléphoniques. En attendant l'arrivée de la fibre optique, prévue dans le cadre du réseau d'initiative publique du Département, une solution existe&nbsp;: l'internet par satellite.</p>
<p>Le Département de l'Isère a mis en place une aide financière pour l'équipement des foyers dont le débit est insuffisant. Elle couvre l'achat et l'installation de la parabole et du modem, dans la limite de 400 euros par foyer. L'abonnement reste à la charge de l'usager, pour un coût mensuel comparable à celui d'une offre classique.</p>
<h3>Qui peut en bénéficier&nbsp;?</h3>
<p>L'aide est réservée aux résidences principales et aux entreprises situées dans les zones où le débit disponible est inférieur à 4 mégabits par seconde. Un test de débit peut être réalisé en mairie pour vérifier l'éligibilité de votre adresse. Les hameaux de la Diat, de Saint-Hugues et des Égaux sont particulièrement concernés.</p>
<h3>Comment faire&nbsp;?</h3>
<p>Le dossier de demande est disponible au secrétariat de mairie et sur le site du Département. Il doit être accompagné d'un justificatif de domicile et du devis d'un installateur agréé. L'aide est versée directement à l'installateur après la mise en service.</p>
<p>Les élus rappellent que cette solution est transitoire et que la montagne ne sera pas oubliée dans le déploiement du très haut débit. Une réunion d'information sera proposée au printemps avec les services du Département.</p>""",
),
dict(
    name="drupal9-portail-famille-json", cms="drupal", tpl="drupal9_json", town="cesson",
    path="/actualites/inscriptions-scolaires-tout-se-fait-en-ligne",
    rubrique="Enfance - Jeunesse",
    title="Inscriptions scolaires : tout se fait en ligne",
    date="2019-05-28", updated="2019-06-20", author=None,
    notes="an inline (non-LD) script sets a JSON page object with \"datePublished\" and a later "
          "\"DateModification\"; visible « Publié le 28 mai 2019 - Mis à jour le 20 juin 2019 »; deadline "
          "dates inside the text; Drupal 9 markup; numbered steps are part of the article.",
    chapo=None,
    body="""<p>Pour la rentrée de septembre, les inscriptions dans les écoles publiques de Cesson-Sévigné se font exclusivement par le portail famille. Cette nouvelle procédure évite aux parents de se déplacer en mairie avec leurs justificatifs.</p>
<p>Sont concernés les enfants qui entrent pour la première fois dans une école de la commune&nbsp;: entrée en petite section de maternelle, arrivée d'une autre commune ou changement d'école. Les élèves déjà scolarisés à Cesson-Sévigné et qui restent dans le même groupe scolaire n'ont aucune démarche à faire.</p>
<h3>Les étapes</h3>
<ol>
<li>Créez votre compte sur le portail famille, si vous n'en avez pas encore.</li>
<li>Dans l'onglet «&nbsp;Scolarité&nbsp;», remplissez le formulaire de demande d'inscription.</li>
<li>Déposez les pièces justificatives numérisées&nbsp;: livret de famille, justificatif de domicile de moins de trois mois, carnet de vaccinations.</li>
<li>Le service Éducation vérifie le dossier et vous adresse un certificat d'inscription par courriel.</li>
<li>Prenez rendez-vous avec la direction de l'école pour l'admission définitive.</li>
</ol>
<p>Les demandes doivent être déposées avant le 28 juin. Au-delà, les inscriptions restent possibles mais l'affectation dans l'école du secteur ne pourra plus être garantie.</p>
<p>Le portail permet aussi d'inscrire votre enfant à la restauration scolaire, à l'accueil périscolaire et aux mercredis loisirs, de réserver les jours de présence et de payer les factures en ligne. Les familles qui rencontrent une difficulté peuvent être accompagnées à l'accueil de l'hôtel de ville, où un poste informatique est à leur disposition.</p>""",
),
dict(
    name="drupal7-travaux-avenue", cms="drupal", tpl="drupal7", town="bergerac",
    path="/actualites/avenue-pasteur-les-travaux-de-refection-debutent",
    rubrique="Travaux",
    title="Avenue Pasteur : les travaux de réfection débutent",
    date="2016-04-14", author="Service communication",
    notes="ordinary (roadworks); a table of work phases with later dates IS part of the article; Drupal 7 "
          "'Soumis par ... le jeu, 14/04/2016 - 09:12' plus a date field; related 'Travaux en cours' block "
          "with dates.",
    chapo=None,
    body="""<p>La réfection complète de l'avenue Pasteur commence le lundi 25 avril. Ce chantier, attendu par les riverains, comprend la reprise de la chaussée, l'élargissement des trottoirs, la création d'une piste cyclable et la plantation d'une trentaine d'arbres.</p>
<p>Les travaux seront réalisés par tronçons afin de maintenir l'accès aux habitations et aux commerces. La circulation sera alternée par feux tricolores pendant les phases de chaussée, et interdite dans le sens centre-ville vers la rocade pendant la dernière phase.</p>
<table>
<thead><tr><th>Phase</th><th>Tronçon</th><th>Période prévue</th></tr></thead>
<tbody>
<tr><td>1</td><td>Du rond-point de la Gare à la rue Valette</td><td>du 25 avril au 3 juin</td></tr>
<tr><td>2</td><td>De la rue Valette au carrefour de l'hôpital</td><td>du 6 juin au 15 juillet</td></tr>
<tr><td>3</td><td>Enrobés et marquage sur toute la longueur</td><td>du 22 août au 9 septembre</td></tr>
</tbody>
</table>
<p>Le chantier sera interrompu pendant la période estivale, du 16 juillet au 21 août, pour limiter la gêne au moment de la fréquentation touristique. Le coût total de l'opération s'élève à 1,3 million d'euros.</p>
<p>Une permanence d'information est assurée chaque mardi matin sur place, dans la base de vie de l'entreprise, pour répondre aux questions des riverains.</p>""",
),
dict(
    name="typo3-classes-mobiles", cms="typo3", tpl="typo3_news", town="selestat",
    path="/actualites/detail/news/rentree-les-ecoles-elementaires-equipees-de-classes-mobiles/",
    rubrique="Actualités",
    title="Rentrée : les écoles élémentaires équipées de classes mobiles",
    date="2020-09-15", author=None,
    notes="TYPO3 tt_news single view; the visible date shows only the weekday and day ('Mardi 15 septembre'), the "
          "full date '15.09.2020' is in a title attribute; the <title> is the generic 'Ville de Sélestat: Actualités'; "
          "the chapo is printed as the tt_news subheader <h2> (part of the article); news-single-imgcaption holding only a photo credit; "
          "news-list-date items in a 'Autres actualités' list.",
    chapo="""<p>Trois cents tablettes et une centaine d'ordinateurs portables ont été livrés pendant l'été dans les écoles élémentaires de la ville.</p>""",
    body="""<p>Le confinement du printemps a mis en lumière les inégalités d'équipement entre les familles et le besoin, pour les écoles, de disposer d'outils numériques fiables. La ville de Sélestat a donc accéléré le programme d'équipement prévu sur trois ans et l'a réalisé en un seul été.</p>
<p>Chacune des six écoles élémentaires dispose désormais de classes mobiles, c'est-à-dire de chariots contenant des tablettes ou des ordinateurs portables, qui se déplacent de classe en classe. Les écoles ont également reçu des vidéoprojecteurs interactifs pour les salles qui n'en étaient pas encore équipées et une connexion internet renforcée.</p>
<p>Le montant de l'investissement atteint 280&nbsp;000 euros, dont une partie est financée par l'État au titre du plan de relance. Les enseignants ont été associés au choix du matériel et bénéficieront de formations proposées par la circonscription tout au long de l'année.</p>
<p>En cas de nouvelle fermeture des écoles, une partie du matériel pourra être prêtée aux familles qui n'ont pas d'ordinateur à la maison, selon des modalités définies avec les directeurs d'école. «&nbsp;Aucun élève ne doit décrocher faute d'équipement&nbsp;», insiste Caroline Hirtz, adjointe à l'éducation.</p>""",
),
dict(
    name="typo3-france-services", cms="typo3", tpl="typo3_csc", town="saverne",
    path="/actualites/un-espace-france-services-ouvre-au-centre-ville.html",
    rubrique="Actualités",
    title="Un espace France Services ouvre au centre-ville",
    date="2022-01-17", author=None,
    notes="TYPO3 with several csc-default content elements making up the article (headers, textpic with "
          "caption + credit, table of opening hours that IS part of the article); date in "
          "<p class=\"publication\">Publié le <time datetime=...>17/01/2022</time></p>; news-list-date "
          "sidebar items.",
    chapo=None,
    body="""<p>Depuis le lundi 17 janvier, un espace France Services accueille le public au rez-de-chaussée de l'ancienne sous-préfecture. Ce guichet unique permet d'obtenir, en un seul lieu, de l'aide pour les démarches administratives du quotidien.</p>
<h2>Neuf partenaires réunis</h2>
<p>Deux agents formés accompagnent les usagers dans leurs démarches auprès des principaux organismes publics&nbsp;: la Caisse d'allocations familiales, l'Assurance maladie, l'Assurance retraite, la Mutualité sociale agricole, Pôle emploi, les finances publiques, les ministères de l'Intérieur et de la Justice, ainsi que La Poste. Ils peuvent par exemple aider à déclarer ses revenus, à demander une carte grise, à créer un compte sur un site administratif ou à comprendre un courrier.</p>
{{FIG:fileadmin/actualites/2022/france-services-accueil.jpg|L'accueil de l'espace France Services, place du Général-de-Gaulle.|© Ville de Saverne}}
<h2>Un accès libre au numérique</h2>
<p>L'espace met aussi à disposition trois ordinateurs, une imprimante et un scanner en accès libre. Une conseillère numérique y tient des permanences pour ceux qui souhaitent apprendre à se débrouiller seuls sur internet.</p>
<h2>Horaires d'ouverture</h2>
<table class="contenttable">
<thead><tr><th>Jour</th><th>Matin</th><th>Après-midi</th></tr></thead>
<tbody>
<tr><td>Lundi</td><td>9 h - 12 h</td><td>13 h 30 - 17 h</td></tr>
<tr><td>Mardi</td><td>9 h - 12 h</td><td>13 h 30 - 17 h</td></tr>
<tr><td>Mercredi</td><td>9 h - 12 h</td><td>fermé</td></tr>
<tr><td>Jeudi</td><td>9 h - 12 h</td><td>13 h 30 - 18 h 30</td></tr>
<tr><td>Vendredi</td><td>9 h - 12 h</td><td>13 h 30 - 16 h</td></tr>
</tbody>
</table>
<p>L'accueil se fait avec ou sans rendez-vous. Pour les démarches complexes, il est conseillé de prendre rendez-vous par téléphone afin de préparer les documents nécessaires.</p>""",
),
dict(
    name="typo3-horaires-ete-sans-date", cms="typo3", tpl="typo3_csc", town="langres",
    path="/actualites/horaires-dete-de-la-mairie.html",
    rubrique="Actualités",
    title="Horaires d'été de la mairie et des services",
    date=None, author=None,
    notes="no publication date (gold null); ordinary news consisting mostly of a table of opening hours (part of "
          "the article); summer date range inside the text; footer copyright; news-list-date sidebar.",
    chapo=None,
    body="""<p>Du lundi 10 juillet au vendredi 25 août, les horaires d'ouverture de l'hôtel de ville et de certains services municipaux sont modifiés.</p>
<table class="contenttable">
<thead><tr><th>Service</th><th>Horaires d'été</th></tr></thead>
<tbody>
<tr><td>Accueil et état civil</td><td>du lundi au vendredi, 8 h 30 - 12 h et 14 h - 17 h</td></tr>
<tr><td>Urbanisme</td><td>le matin uniquement, 8 h 30 - 12 h</td></tr>
<tr><td>Services techniques</td><td>du lundi au vendredi, 8 h - 12 h</td></tr>
<tr><td>Médiathèque</td><td>mardi, mercredi et vendredi, 10 h - 12 h et 14 h - 18 h</td></tr>
</tbody>
</table>
<p>La permanence du samedi matin est suspendue pendant cette période. En cas d'urgence, notamment pour un décès, un élu d'astreinte est joignable par l'intermédiaire de la police municipale. Les demandes d'actes d'état civil et les inscriptions sur les listes électorales restent possibles en ligne pendant tout l'été&nbsp;; les pièces demandées sont envoyées par courrier dans les délais habituels. Les horaires habituels reprendront le lundi 28 août.</p>""",
),
dict(
    name="stratis-tres-haut-debit", cms="stratis", tpl="stratis", town="quimper",
    path="/actualites/tres-haut-debit-8-000-nouveaux-logements-raccordables",
    rubrique="Actualités",
    title="Très haut débit : 8 000 nouveaux logements raccordables en 2023",
    og_title="Très haut débit : 8 000 nouveaux logements raccordables",
    date="2023-03-14", updated="2023-03-16", author=None,
    typo=True,
    notes="large commercial-builder page (mega-menu, inline SVG sprite, critical CSS, tarteaucitron) around the "
          "article; JSON-LD NewsArticle with datePublished; og:title shorter than the h1; typographic ’ and "
          "no-break spaces; chapeau (part of article) and an 'encart' practical box inside the article column "
          "(part of article); share block, 'Sur le même thème' cards and agenda not gold.",
    chapo="""<p>Le déploiement de la fibre optique entre dans sa dernière ligne droite. D’ici la fin de l’année, 8\u00a0000 logements supplémentaires pourront s’abonner, notamment à Kerfeunteun, Ergué-Armel et Penhars.</p>""",
    body="""<p>Avec près de 90\u00a0% des logements et locaux professionnels désormais raccordables, Quimper figure parmi les villes moyennes les mieux couvertes de Bretagne. Il reste cependant des poches non desservies, souvent en périphérie ou dans des secteurs où les réseaux souterrains doivent être reconstruits.</p>
<h2>Où en sont les travaux\u00a0?</h2>
<p>En 2023, l’effort portera sur les quartiers périphériques et les zones d’habitat dispersé. Plusieurs points de mutualisation, ces armoires qui regroupent les lignes d’un secteur, ont été installés au cours de l’hiver. Les équipes poursuivent désormais le tirage des câbles, en souterrain lorsque c’est possible, sinon sur les poteaux existants.</p>
<p>Le chantier est mené par l’opérateur qui s’est engagé auprès de l’État à couvrir la commune. La Ville assure la coordination avec ses propres travaux de voirie afin d’éviter d’ouvrir deux fois la même tranchée.</p>
<h2>Les adresses «\u00a0bloquées\u00a0»</h2>
<p>Certaines adresses restent inéligibles parce qu’un élagage est nécessaire, qu’un fourreau est écrasé ou qu’une autorisation de passage manque. Les propriétaires concernés reçoivent un courrier\u00a0: l’élagage des arbres situés sur un terrain privé, le long des lignes, est à leur charge.</p>
<h2>Ce qui change pour les habitants</h2>
<p>Une fois son adresse déclarée éligible, chacun reste libre de choisir son fournisseur d’accès et la date de son passage à la fibre. Rien n’oblige à changer d’abonnement : le réseau cuivre continuera de fonctionner pendant plusieurs années, avant une fermeture progressive annoncée au niveau national.</p>
<p>Les entreprises et les artisans sont également concernés. Les zones d’activités de Kerdroniou et du Guélen sont déjà couvertes ; les professionnels installés dans les quartiers résidentiels peuvent souscrire les mêmes offres que les particuliers ou des offres dédiées, avec un délai de rétablissement garanti.</p>
<h2>Questions fréquentes</h2>
<h3>Mon voisin est éligible, pas moi. Pourquoi ?</h3>
<p>Deux logements voisins peuvent dépendre de points de branchement différents, installés à des dates différentes. Il suffit parfois d’un poteau à remplacer ou d’une autorisation manquante pour retarder une partie de la rue.</p>
<h3>Je suis locataire. Ai-je besoin de l’accord de mon propriétaire ?</h3>
<p>Le raccordement d’un logement ne nécessite pas de travaux lourds. Il est toutefois recommandé d’informer le propriétaire ou le bailleur avant l’intervention du technicien, en particulier si un passage de câble doit être percé.</p>
<div class="encart">
<h3 class="encart__title">Pratique</h3>
<p>Pour vérifier l’éligibilité de votre logement, consultez la carte de l’Arcep sur maconnexioninternet.arcep.fr. En cas de difficulté, contactez le service Aménagement numérique de la Ville au 02\u00a098\u00a098\u00a089\u00a089.</p>
</div>""",
),
dict(
    name="neopse-ateliers-seniors", cms="neopse", tpl="neopse", town="brive",
    path="/actualites/des-ateliers-numeriques-gratuits-pour-les-seniors",
    rubrique="Actualités",
    title="Des ateliers numériques gratuits pour les seniors",
    og_title="Ateliers numériques gratuits pour les seniors",
    date="2023-10-05", author=None,
    notes="agency CMS markup (c-article, o-rte); article:published_time meta; chapô is part of the article; "
          "the list of workshops with their start dates is part of the article; agenda sidebar with event dates; "
          "'Partager' block and newsletter form.",
    chapo="""<p>Le centre communal d'action sociale lance un programme d'ateliers pour aider les personnes de plus de 60 ans à utiliser ordinateurs, tablettes et smartphones.</p>""",
    body="""<p>Selon une enquête menée l'an dernier auprès des usagers du CCAS, près d'un senior sur trois déclare avoir renoncé à une démarche faute de savoir la réaliser en ligne. C'est pour répondre à ce constat que la Ville a construit, avec deux associations et la médiathèque, un programme d'ateliers entièrement gratuits.</p>
<h2>Quatre cycles au choix</h2>
<ul>
<li><strong>Premiers pas</strong>&nbsp;: allumer l'appareil, utiliser l'écran tactile, régler le son et la luminosité (à partir du 16 octobre)&nbsp;;</li>
<li><strong>Communiquer</strong>&nbsp;: messagerie, appels vidéo, partage de photos avec la famille (à partir du 6 novembre)&nbsp;;</li>
<li><strong>Démarches en ligne</strong>&nbsp;: espace personnel sur les sites des impôts, de la retraite et de la santé (à partir du 27 novembre)&nbsp;;</li>
<li><strong>Se protéger</strong>&nbsp;: mots de passe, faux messages, achats en ligne (à partir du 8 janvier).</li>
</ul>
<p>Chaque cycle comprend cinq séances d'une heure trente, en groupes de six personnes au maximum. Les ateliers ont lieu à la résidence autonomie, à la médiathèque et dans deux maisons de quartier. Des tablettes peuvent être prêtées pendant les séances à ceux qui n'en possèdent pas.</p>
<p>Le programme a été conçu avec les animateurs de la médiathèque, qui proposent déjà des permanences numériques le samedi matin, et avec deux associations d'aide à domicile. Leurs intervenants connaissent bien les difficultés rencontrées par les personnes âgées, qu'il s'agisse de la taille des caractères, de la crainte de «&nbsp;casser&nbsp;» l'appareil ou de la multiplication des mots de passe.</p>
<h2>S'inscrire</h2>
<p>Les inscriptions se font auprès du CCAS, par téléphone ou sur place. Un court entretien permet d'orienter chacun vers le cycle le plus adapté à son niveau. «&nbsp;Il n'y a pas de question bête. L'essentiel est de repartir avec l'envie de continuer chez soi&nbsp;», sourit Josiane Lafarge, bénévole de l'une des associations partenaires.</p>""",
),
dict(
    name="kosmo-villes-internet-breadcrumb-date", cms="kosmo", tpl="kosmo", town="lamballe",
    path="/actualites/2019/02/06/label-villes-internet-quatre-arobases",
    rubrique="Actualités",
    title="Label Villes Internet : quatre arobases pour la commune",
    date="2019-02-06", author=None,
    notes="no visible or meta date: the date only appears in the URL-like breadcrumb "
          "(Accueil / Actualités / 2019 / 02 / 06 / ...); the text mentions the ceremony date (31 January); "
          "the previous label year (2018) in the text; footer copyright.",
    chapo=None,
    body="""<p>Lamballe-Armor a reçu quatre arobases (4@) au label national Villes Internet, lors de la cérémonie organisée à Martigues le 31 janvier. La commune nouvelle, qui avait obtenu trois arobases l'an dernier pour sa première participation, progresse donc d'un niveau.</p>
<p>Le jury a notamment salué le déploiement des démarches en ligne sur le portail citoyen, la création d'un atelier de réparation d'ordinateurs animé par des bénévoles et l'équipement numérique des écoles des communes déléguées. L'attention portée à l'accessibilité du site internet pour les personnes en situation de handicap a également été relevée.</p>
<p>Pour les élus, cette reconnaissance récompense un travail collectif. «&nbsp;Le numérique ne doit laisser personne de côté, ni dans le bourg ni dans les hameaux&nbsp;», rappelle Sandrine Le Mée, adjointe chargée du numérique, qui représentait la commune à la cérémonie.</p>
<p>Créé il y a vingt ans, le label Villes Internet distingue chaque année plusieurs centaines de collectivités, des plus petits villages aux grandes métropoles. Il repose sur un dossier déclaratif, examiné par un jury composé d'élus, d'experts et de représentants d'associations, qui évalue la diversité des actions et leur utilité pour les habitants plutôt que le montant des investissements.</p>
<p>En 2019, la municipalité prévoit d'ouvrir un deuxième lieu d'accès public à internet et de proposer le paiement en ligne pour l'ensemble des services aux familles.</p>""",
),
dict(
    name="builder-large-rendez-vous-passeport", cms="builder", tpl="builder_large", town="anglet",
    path="/actualites/cartes-d-identite-et-passeports-prenez-rendez-vous-en-ligne/",
    rubrique="Actualités",
    title="Cartes d'identité et passeports : prenez rendez-vous en ligne",
    date="2022-07-01", author=None,
    notes="very large page (mega-menu, huge inline SVG and CSS, JSON menu state, several carousels) around a "
          "short 3-paragraph article; date only as <p class=\"date-publication\">Publié le 1er juillet 2022</p> "
          "(« 1er »); 'Accès rapides' and 'En un clic' boxes; agenda with later dates.",
    chapo=None,
    body="""<p>Depuis le 1er juillet, les rendez-vous pour les demandes de carte nationale d'identité et de passeport se réservent en ligne, sur le site de la ville. Le calendrier affiche en temps réel les créneaux disponibles pour les quatre semaines à venir à l'hôtel de ville et à la mairie annexe.</p>
<p>Avant votre rendez-vous, remplissez la pré-demande sur le site de l'Agence nationale des titres sécurisés et achetez, si nécessaire, le timbre fiscal électronique. Le jour venu, présentez-vous avec le numéro de pré-demande, une photo d'identité récente, un justificatif de domicile et votre ancien titre.</p>
<p>Les personnes qui n'ont pas accès à internet peuvent toujours prendre rendez-vous par téléphone ou à l'accueil. Un rappel est envoyé par SMS la veille du rendez-vous. En cas d'empêchement, pensez à annuler votre créneau, en ligne ou par téléphone, pour qu'il profite à quelqu'un d'autre&nbsp;: à l'approche de l'été, les délais d'attente dépassent souvent un mois.</p>""",
),
dict(
    name="cmsagency-resultats-legislatives", cms="builder", tpl="agency_jsonld", town="saintes",
    path="/actualites/legislatives-la-participation-bureau-par-bureau",
    rubrique="Élections",
    title="Législatives : la participation bureau par bureau",
    og_title="Élections législatives 2022 : la participation à Saintes",
    date="2022-06-19", updated="2022-06-20", author=None,
    notes="ordinary (elections); og:title differs from h1; JSON-LD NewsArticle datePublished + dateModified; "
          "article:published_time; visible 'Mis à jour le 20 juin 2022'; a participation table by polling "
          "station IS part of the article; first-round date (12 June) in the text.",
    chapo=None,
    body="""<p>Le second tour des élections législatives s'est déroulé ce dimanche 19 juin dans les vingt bureaux de vote de la commune. La participation s'établit à 49,8&nbsp;%, en légère hausse par rapport au premier tour du 12 juin.</p>
<p>Le tableau ci-dessous présente la participation dans une sélection de bureaux, telle qu'elle a été relevée à la clôture du scrutin.</p>
<table>
<thead><tr><th>Bureau</th><th>Lieu</th><th>Inscrits</th><th>Votants</th><th>Participation</th></tr></thead>
<tbody>
<tr><td>1</td><td>Hôtel de ville</td><td>1 012</td><td>531</td><td>52,5 %</td></tr>
<tr><td>2</td><td>École Léo-Lagrange</td><td>1 104</td><td>548</td><td>49,6 %</td></tr>
<tr><td>5</td><td>Salle Saintonge</td><td>987</td><td>455</td><td>46,1 %</td></tr>
<tr><td>8</td><td>Gymnase des Coteaux</td><td>1 230</td><td>569</td><td>46,3 %</td></tr>
<tr><td>12</td><td>École Pasteur</td><td>946</td><td>502</td><td>53,1 %</td></tr>
<tr><td>17</td><td>Maison de quartier de la Fenêtre</td><td>1 078</td><td>489</td><td>45,4 %</td></tr>
</tbody>
</table>
<p>L'écart de participation entre les bureaux reste marqué&nbsp;: il dépasse sept points entre le bureau de l'école Pasteur et celui de la maison de quartier de la Fenêtre. Comme lors des scrutins précédents, les bureaux du centre-ville enregistrent les taux les plus élevés, tandis que l'abstention reste forte chez les électeurs de moins de trente-cinq ans.</p>
<p>Les résultats détaillés par candidat et par bureau sont consultables en mairie et sur le site du ministère de l'Intérieur. La Ville remercie les assesseurs, les agents et les bénévoles qui ont assuré la tenue des bureaux et le dépouillement.</p>""",
),
dict(
    name="static-cyber-base-breadcrumb-date", cms="static", tpl="static_dw", town="mende",
    path="/actualites/2009/06/17/ouverture-cyber-base.html",
    rubrique="Actualités",
    title="Ouverture de la Cyber-base",
    date="2009-06-17", author=None,
    notes="hand-made Dreamweaver site (HTML 4, spacer gifs, MM_ rollover scripts, table layout); no meta date: "
          "the date is only in the URL-like breadcrumb 'accueil / actualites / 2009 / 06 / 17'; the inauguration "
          "date (samedi 27 juin) is in the text; title in a <td class=\"titre\"> (no h1).",
    chapo=None,
    body="""<p>La Cyber-base de Mende ouvre ses portes le lundi 22 juin dans les locaux rénovés de l'ancienne école de la rue du Collège. Cet espace public numérique, labellisé par la Caisse des dépôts, met à la disposition de tous dix ordinateurs connectés à internet, une imprimante, un scanner et un appareil photo numérique.</p>
<p>Deux animateurs accueilleront le public du mardi au samedi. Ils proposeront des initiations à l'informatique, des ateliers thématiques et un accompagnement pour la recherche d'emploi en ligne. Des créneaux seront réservés aux écoles, au centre de loisirs et aux associations.</p>
<p>L'adhésion annuelle est fixée à 10 euros, 5 euros pour les moins de 18 ans et les demandeurs d'emploi. Elle donne accès aux postes en libre-service et aux ateliers. L'impression est facturée 10 centimes la page en noir et blanc.</p>
<p>L'inauguration officielle aura lieu le samedi 27 juin à 11 heures, en présence du maire et des partenaires du projet. Les habitants sont cordialement invités.</p>""",
),
dict(
    name="emonsite-ordinateurs-reconditionnes", cms="emonsite", tpl="emonsite", town="loctudy",
    path="/blog/vie-communale/don-d-ordinateurs-reconditionnes.html",
    rubrique="Vie communale",
    title="Don d'ordinateurs reconditionnés aux associations",
    date="2023-01-12", author=None,
    notes="hosted site-builder blog post; date as 'Le 12/01/2023' in a span (numeric dd/mm/yyyy) and in "
          "itemprop datePublished meta inside the post; 'Commentaires (2)' with later comment dates; blog "
          "category widget; builder footer.",
    chapo=None,
    body="""<p>La commune a renouvelé cet automne une partie du parc informatique de la mairie et de l'école. Plutôt que de mettre au rebut les anciens postes, elle a choisi de les faire reconditionner par une entreprise d'insertion de Quimper, qui a effacé les données, remplacé les disques et installé un système libre.</p>
<p>Douze ordinateurs ont ainsi retrouvé une seconde vie. Ils ont été remis le 10 janvier à six associations loctudistes&nbsp;: le club des retraités, l'association des parents d'élèves, le comité des fêtes, la section de voile, la bibliothèque associative et l'antenne locale du Secours populaire.</p>
<p>«&nbsp;C'est une démarche à la fois économique, écologique et solidaire. Un ordinateur qui dure deux fois plus longtemps, c'est autant de ressources préservées&nbsp;», observe Marie-Christine Le Berre, conseillère municipale déléguée à la vie associative.</p>
<p>Le reconditionnement a coûté 35 euros par poste, bien moins que l'achat d'un ordinateur neuf. Chaque machine est livrée avec un traitement de texte, un tableur, un navigateur et un logiciel de retouche d'images, tous gratuits, ainsi qu'un petit guide de prise en main rédigé par l'entreprise.</p>
<p>La commune entend poursuivre cette démarche à chaque renouvellement de matériel. Les associations intéressées peuvent se faire connaître auprès du secrétariat de mairie.</p>""",
),
]
