# Article texts, batch A (SPIP and Joomla 1.5 pages). Written for Veille; people are fictional.
# {{FIG:file|caption|credit}} is replaced by each template with its own image markup; the
# caption belongs to the gold text, the credit does not.

ARTICLES_A = [
dict(
    name="spip-fibre-optique", cms="spip", tpl="spip19", town="lannion",
    path="/spip.php?article412", rubrique="Actualités", surtitre="Aménagement numérique",
    title="La fibre optique arrive dans les premiers quartiers",
    date="2011-06-14", author="Service communication",
    notes="SPIP 1.9 squelette in a table layout; date only as French text with weekday in p.info-publi; "
          "chapo is part of the article; agenda sidebar with later event dates; article text mentions a "
          "réunion publique on 30 June; footer copyright years.",
    chapo="""<p>Les premiers foyers lannionnais pourront s'abonner à une offre en fibre optique avant la fin de l'année. Le déploiement commence par les quartiers de Ker Uhel, de la Rive gauche et du centre-ville.</p>""",
    body="""<p>Annoncé depuis plusieurs mois, le chantier du très haut débit entre dans sa phase concrète. Depuis le début du mois de juin, les équipes de l'opérateur tirent les câbles dans les fourreaux existants de France Télécom et installent les armoires de rue qui desserviront chacune environ trois cents logements. La convention signée avec la ville prévoit que la totalité des logements de la commune soit raccordable d'ici cinq ans.</p>
<h3 class="spip">Comment ça marche&nbsp;?</h3>
<p>La fibre optique remplace le fil de cuivre du téléphone par un fil de verre qui transporte la lumière. Elle permet des débits de 100 mégabits par seconde, et bien davantage à terme, quelle que soit la distance qui sépare le logement du central. Pour en profiter, il faudra attendre que votre immeuble ou votre rue soit déclaré raccordable, puis souscrire un abonnement auprès d'un fournisseur d'accès.</p>
<p>Dans les immeubles collectifs, l'opérateur doit d'abord obtenir l'accord de la copropriété ou du bailleur pour poser le câblage dans les parties communes. Les syndics sont invités à inscrire cette question à l'ordre du jour de leur prochaine assemblée générale&nbsp;: l'installation est gratuite pour les copropriétaires.</p>
<h3 class="spip">Le calendrier prévu</h3>
<ul class="spip">
<li>second semestre 2011&nbsp;: Ker Uhel, Rive gauche et une partie du centre-ville&nbsp;;</li>
<li>2012&nbsp;: Brélévenez, Servel et la zone d'activités de Pégase&nbsp;;</li>
<li>2013 à 2015&nbsp;: Loguivy, Buzulzo et les hameaux.</li>
</ul>
<p>Ce calendrier est donné à titre indicatif. Il dépend notamment de l'état des fourreaux, dont certains devront être dégagés ou refaits.</p>
<h3 class="spip">Une réunion publique</h3>
<p>Pour répondre aux questions des habitants, la municipalité organise une réunion d'information le jeudi 30 juin à 20 h 30 à la salle des fêtes. Les représentants de l'opérateur présenteront la carte du déploiement et les conditions de raccordement. «&nbsp;Nous voulons que chacun sache quand il pourra en bénéficier et ce que cela changera pour lui&nbsp;», souligne Yannick Le Bihan, adjoint chargé des nouvelles technologies.</p>
<p>Une carte interactive sera mise en ligne sur le site de la ville dès l'automne. Elle permettra de vérifier, adresse par adresse, l'état d'avancement des travaux.</p>
<h3 class="spip">Vos questions</h3>
<p><strong>Faut-il changer d'opérateur&nbsp;?</strong> Non. Le réseau est ouvert à tous les fournisseurs d'accès qui le souhaitent. Plusieurs d'entre eux ont déjà annoncé qu'ils proposeraient des offres à Lannion dès l'ouverture commerciale.</p>
<p><strong>Le raccordement est-il payant&nbsp;?</strong> Dans la plupart des cas, le raccordement final est inclus dans l'abonnement. Certains fournisseurs facturent toutefois des frais de mise en service&nbsp;: il est conseillé de comparer les offres.</p>
<p><strong>Faudra-t-il faire des travaux chez moi&nbsp;?</strong> Un technicien installera une prise optique dans le logement, généralement près de la box actuelle. L'intervention dure entre deux et quatre heures. En maison individuelle, le câble empruntera le même chemin que la ligne téléphonique, en souterrain ou en aérien.</p>
<p><strong>Mon ancienne ligne sera-t-elle coupée&nbsp;?</strong> Non. La ligne téléphonique en cuivre reste en service. Vous pourrez conserver votre abonnement actuel aussi longtemps que vous le souhaitez.</p>""",
),
dict(
    name="spip-forum-budget-participatif", cms="spip", tpl="spip2", town="ramonville",
    path="/spip.php?article1187", rubrique="Démocratie locale",
    title="Budget participatif : à vous de proposer vos projets",
    date="2014-10-02", updated="2014-10-15", author="Rédaction",
    forum=True,
    notes="SPIP 2 dist-like markup; info-publi gives publication date and a later 'mis à jour le'; "
          "SPIP forum below the article with later message dates (not gold); chapo is part of article.",
    chapo="""<p>Pour la première fois, la commune consacre une part de son budget d'investissement à des projets imaginés par les habitants. Vous avez jusqu'au 30 novembre pour déposer vos idées.</p>""",
    body="""<p>Le conseil municipal a voté au printemps la création d'un budget participatif doté de 100&nbsp;000 euros. Le principe est simple&nbsp;: les Ramonvillois proposent des projets d'intérêt général, les services de la ville vérifient qu'ils sont réalisables, puis les habitants votent pour choisir ceux qui seront réalisés en 2015.</p>
<h3 class="spip">Qui peut participer&nbsp;?</h3>
<p>Toute personne habitant la commune, sans condition d'âge ni de nationalité, peut déposer un projet, seule ou à plusieurs. Les associations et les conseils de quartier sont également invités à participer. Les collégiens du conseil municipal des jeunes ont déjà annoncé qu'ils présenteraient plusieurs idées.</p>
<h3 class="spip">Quels projets&nbsp;?</h3>
<p>Pour être retenu, un projet doit&nbsp;:</p>
<ul class="spip">
<li>relever des compétences de la commune&nbsp;;</li>
<li>concerner un lieu public ou un équipement ouvert à tous&nbsp;;</li>
<li>représenter une dépense d'investissement, et non de fonctionnement&nbsp;;</li>
<li>ne pas dépasser 30&nbsp;000 euros&nbsp;;</li>
<li>pouvoir être réalisé dans un délai d'un an.</li>
</ul>
<p>Un banc, un abri à vélos, un jardin partagé, une fresque ou l'équipement d'une salle associative sont autant d'exemples possibles.</p>
<h3 class="spip">Comment déposer une idée&nbsp;?</h3>
<p>Les propositions se déposent en ligne grâce au formulaire disponible sur ce site, rubrique «&nbsp;Démocratie locale&nbsp;». Un formulaire papier est aussi disponible à l'accueil de la mairie, à la médiathèque et au centre social. Décrivez votre idée en quelques lignes, indiquez le lieu concerné et, si vous le pouvez, joignez une photo ou un croquis.</p>
<p>En décembre, un comité réunissant des élus, des agents et des habitants tirés au sort examinera les propositions. Les projets jugés recevables seront soumis au vote en février, en ligne et dans des urnes installées dans les équipements municipaux.</p>
<p>«&nbsp;Nous voulons que les habitants s'approprient une partie des décisions qui concernent leur quotidien&nbsp;», explique Claire Vidal, adjointe à la démocratie participative. Une réunion de présentation est prévue le mardi 21 octobre à 18 h 30 à la salle du conseil.</p>""",
    forum_msgs=[
        ("Bonne initiative", "Hélène B.", "2014-10-03 08:47", "Enfin ! J'ai déjà une idée pour le square derrière l'école, il manque des bancs à l'ombre pour les parents."),
        ("Et pour les projets plus chers ?", "Marc", "2014-10-09 21:12", "30 000 euros c'est peu pour une aire de jeux complète. Est-ce qu'on peut regrouper plusieurs projets ?"),
        ("Réponse de la mairie", "Rédaction", "2014-10-10 11:05", "Bonjour, deux projets complémentaires peuvent en effet être présentés ensemble s'ils portent sur le même lieu. Le comité examinera chaque cas."),
        ("Vote des enfants", "Sophie T.", "2014-11-04 18:30", "Les enfants des écoles pourront-ils voter eux aussi ? Ce serait une belle occasion de parler de citoyenneté en classe."),
    ],
),
dict(
    name="spip-cp1252-ent-ecoles", cms="spip", tpl="spip19", town="figeac", encoding="cp1252",
    path="/spip.php?article96", rubrique="Enfance - Éducation", surtitre="Écoles",
    title="Un espace numérique de travail pour les écoles de la ville",
    date="2009-12-01", author="Mairie de Figeac",
    notes="windows-1252 bytes declared in http-equiv; SPIP 1.9; date '1er décembre 2009' with weekday and « 1er »; "
          "no machine-readable date; related articles list with older dates.",
    chapo=None,
    body="""<p>Depuis la rentrée des vacances de la Toussaint, les cinq écoles élémentaires publiques de Figeac disposent d'un espace numérique de travail, plus simplement appelé ENT. Cet outil, accessible par internet avec un identifiant et un mot de passe, relie les enseignants, les élèves et leurs familles.</p>
<p>Concrètement, chaque classe dispose d'un cahier de textes en ligne, d'un espace pour déposer des documents et d'une messagerie interne. Les parents peuvent consulter les devoirs, les informations de l'école et les menus de la cantine. Les élèves de CM1 et de CM2 s'en servent déjà pour publier des comptes rendus de sorties et des petits articles illustrés.</p>
<p>Le projet complète l’équipement reçu par deux écoles des hameaux dans le cadre du plan «&nbsp;École numérique rurale&nbsp;» lancé par l’État cette année&nbsp;: un tableau interactif, une classe mobile de douze ordinateurs portables et une connexion à internet améliorée. La mise en œuvre de l’ENT permet de relier ces classes à celles du centre-ville.</p>
<h3 class="spip">Un projet mené avec l'Éducation nationale</h3>
<p>La ville a pris en charge l'hébergement de la plateforme et la formation des enseignants volontaires, soit une dépense de 6&nbsp;800 euros pour la première année. L'inspection académique a accompagné le projet et mis à disposition un animateur pour les technologies de l'information. «&nbsp;Il ne s'agit pas de remplacer le cahier ou le tableau, mais de prolonger la classe et de mieux associer les familles&nbsp;», résume Martine Delpech, adjointe aux affaires scolaires.</p>
<p>Les familles qui ne disposent pas d'un ordinateur à la maison peuvent utiliser les postes en accès libre de la médiathèque et de l'espace public numérique. Les identifiants ont été remis aux parents lors des réunions de classe&nbsp;; en cas de perte, il suffit de s'adresser au directeur ou à la directrice de l'école.</p>
<p>Un premier bilan sera présenté au conseil d'école du deuxième trimestre.</p>""",
),
dict(
    name="spip-conseil-municipal", cms="spip", tpl="spip2", town="ploermel",
    path="/spip.php?article733", rubrique="Vie municipale",
    title="Ce qu'il faut retenir du conseil municipal du 12 mars",
    date="2012-03-21", author="Service communication",
    notes="ordinary local news; date trap: the title and text carry the meeting date (12 March) and the next "
          "meeting date (23 April) while the publication date is 21 March in info-publi abbr.published; "
          "'Dans la même rubrique' list with dates.",
    chapo=None,
    body="""<p>Réunis en séance publique le lundi 12 mars, les élus ont adopté le budget primitif de la commune et plusieurs délibérations concernant les travaux, le personnel et la vie associative. Voici les principales décisions.</p>
<h3 class="spip">Budget 2012&nbsp;: pas de hausse des taux</h3>
<p>Le budget primitif s'équilibre à 14,2 millions d'euros en fonctionnement et à 5,8 millions en investissement. Les taux des taxes locales restent inchangés pour la quatrième année consécutive. La section d'investissement prévoit notamment la rénovation de la toiture du gymnase, l'aménagement de la rue de la Gare et le remplacement de plusieurs véhicules des services techniques. Le budget a été adopté par 24 voix pour et 5 contre.</p>
<h3 class="spip">Travaux et urbanisme</h3>
<p>Le conseil a validé l'avant-projet d'aménagement du parking du lac, qui comptera 80 places et un cheminement piéton éclairé vers le centre. Les travaux devraient débuter à l'automne, après la saison touristique. Les élus ont également approuvé la cession d'un terrain communal au lieu-dit la Touche pour la construction de six logements sociaux.</p>
<h3 class="spip">Vie associative</h3>
<p>Les subventions aux associations représentent cette année 312&nbsp;000 euros, un montant stable. Une enveloppe de 8&nbsp;000 euros est réservée aux projets nouveaux, attribuée sur dossier en cours d'année. Le club de canoë-kayak recevra une aide exceptionnelle pour le renouvellement de ses embarcations.</p>
<h3 class="spip">Écoles et jeunesse</h3>
<p>Les tarifs de la restauration scolaire augmenteront de deux pour cent à la rentrée de septembre, une hausse inférieure à celle du coût des denrées selon l'adjointe aux affaires scolaires. Le quotient familial est maintenu, avec cinq tranches de tarifs. Le conseil a également approuvé la convention avec l'inspection académique pour l'équipement de deux classes en tableaux numériques interactifs à l'école Jules-Ferry, dans le cadre d'un programme de l'État qui prend en charge la moitié de la dépense.</p>
<p>Le séjour d'été de l'accueil de loisirs se déroulera cette année à la montagne, pour vingt-quatre enfants de huit à douze ans. La participation des familles sera calculée selon le quotient familial, entre 90 et 310 euros pour la semaine.</p>
<h3 class="spip">Environnement</h3>
<p>La commune adhère au programme régional d'économies d'énergie dans les bâtiments publics. Un diagnostic sera réalisé dans les écoles, la mairie et la salle omnisports, afin de hiérarchiser les travaux d'isolation et de remplacement des chaudières. Le coût du diagnostic, 14&nbsp;000 euros, est financé à soixante pour cent par la Région.</p>
<p>Les élus ont par ailleurs adopté le plan de désherbage des voiries communales, qui prévoit l'arrêt progressif des produits phytosanitaires. Les agents utiliseront désormais des désherbeurs thermiques et des brosses mécaniques&nbsp;; certains trottoirs seront enherbés. Une information sera distribuée aux habitants pour expliquer la présence de végétation spontanée le long des rues.</p>
<h3 class="spip">Intercommunalité</h3>
<p>Le conseil a donné un avis favorable au projet de schéma de mutualisation proposé par la communauté de communes. Il prévoit notamment un service commun d'instruction des permis de construire et un groupement de commandes pour les fournitures de bureau et le matériel informatique. La commune conserve la gestion de ses écoles et de ses équipements sportifs.</p>
<p>Les élus ont également approuvé le transfert à la communauté de communes de la compétence relative au très haut débit, afin de permettre l'adhésion au syndicat mixte départemental chargé du déploiement de la fibre optique. La participation financière sera calculée en fonction du nombre de prises à construire sur le territoire de la commune.</p>
<h3 class="spip">Numérique</h3>
<p>Le conseil a lancé la consultation pour la refonte du site internet de la ville, mis en ligne en 2005 et devenu difficile à consulter sur les téléphones. Le cahier des charges prévoit un site adapté aux mobiles et accessible aux personnes handicapées, un agenda alimenté directement par les associations et la possibilité d'effectuer en ligne les démarches les plus courantes, comme la demande d'acte d'état civil ou la réservation d'une salle. Le budget prévisionnel s'élève à 25&nbsp;000 euros.</p>
<p>Les élus ont également approuvé l'installation d'un accès WiFi gratuit à la médiathèque et à l'office de tourisme, pour un coût de 3&nbsp;500 euros. L'accès sera soumis à l'acceptation d'une charte d'utilisation et les données de connexion seront conservées pendant la durée prévue par la loi.</p>
<h3 class="spip">Culture et patrimoine</h3>
<p>La saison culturelle 2012-2013 comptera douze spectacles à la salle des fêtes, dont trois destinés au jeune public. Le conseil a voté les tarifs, qui restent compris entre 5 et 15 euros, avec la gratuité pour les moins de douze ans accompagnés. Une convention est renouvelée avec l'école de musique intercommunale pour l'organisation de concerts gratuits dans les quartiers au printemps.</p>
<p>Les travaux de restauration des vitraux de la chapelle seront engagés à l'automne, après l'obtention des autorisations de la direction régionale des affaires culturelles. Une souscription publique est ouverte avec une fondation nationale du patrimoine&nbsp;: les dons des particuliers ouvrent droit à une réduction d'impôt.</p>
<h3 class="spip">Personnel communal</h3>
<p>Deux postes sont créés&nbsp;: un agent d'entretien des espaces verts et un animateur pour l'accueil de loisirs. Le tableau des effectifs a été mis à jour en conséquence. Le conseil a aussi renouvelé la convention avec le centre de gestion pour la médecine préventive des agents.</p>
<h3 class="spip">Tarifs municipaux</h3>
<p>Les tarifs de location des salles municipales restent inchangés. Ceux du camping municipal augmentent légèrement pour la saison à venir&nbsp;: l'emplacement passe à 4,20 euros par nuit et l'adulte à 3,60 euros. Une nouvelle formule de location à la semaine est créée pour les groupes et les associations sportives en stage.</p>
<h3 class="spip">Questions diverses</h3>
<p>En fin de séance, l'opposition a interrogé le maire sur le devenir de l'ancienne caserne des pompiers. Le maire a indiqué qu'une étude de reconversion serait lancée avant l'été et que les habitants seraient consultés.</p>
<p>Une question écrite portait également sur la couverture en téléphonie mobile des villages situés au nord de la commune. Le maire a rappelé que plusieurs secteurs restent mal desservis et qu'un courrier a été adressé aux opérateurs et au préfet. Il a invité les habitants concernés à signaler leurs difficultés en mairie, afin de constituer un dossier aussi précis que possible.</p>
<p>Enfin, une conseillère de la majorité a présenté le bilan de la première année du marché du vendredi soir, qui accueille désormais une quinzaine de producteurs. Sa reconduction a été approuvée à l'unanimité, avec une ouverture prolongée jusqu'à 20 heures en juillet et en août.</p>
<p>Le procès-verbal complet sera consultable en mairie et sur ce site après son approbation lors de la prochaine séance, fixée au lundi 23 avril 2012 à 20 heures.</p>""",
),
dict(
    name="spip-epn-ateliers", cms="spip", tpl="spip2", town="carhaix",
    path="/spip.php?article259", rubrique="Espace public numérique",
    title="L'espace public numérique élargit ses horaires",
    date="2010-09-08", author="EPN",
    notes="SPIP 2 with abbr.published title='2010-09-08T...'; a table of opening hours that IS part of the "
          "article (table.spip); a SPIP document with title and description; agenda block in sidebar.",
    chapo="""<p>À partir de la rentrée, l'espace public numérique ouvre deux soirs par semaine et propose un nouveau cycle d'ateliers pour les débutants.</p>""",
    body="""<p>Installé au rez-de-chaussée de la médiathèque depuis 2007, l'espace public numérique accueille chaque année plus de neuf cents usagers. Beaucoup viennent consulter leurs courriels, rédiger un curriculum vitae ou effectuer une démarche administrative. D'autres y découvrent l'ordinateur pour la première fois, accompagnés par l'animatrice, Gwenola Riou.</p>
<p>Pour répondre aux demandes des personnes qui travaillent en journée, les horaires changent à compter du lundi 13 septembre&nbsp;:</p>
<table class="spip">
<thead><tr class="row_first"><th id="id2fb4_c0">Jour</th><th id="id2fb4_c1">Accès libre</th><th id="id2fb4_c2">Ateliers</th></tr></thead>
<tbody>
<tr class="row_odd odd"><td headers="id2fb4_c0">Lundi</td><td headers="id2fb4_c1">14 h - 18 h</td><td headers="id2fb4_c2">-</td></tr>
<tr class="row_even even"><td headers="id2fb4_c0">Mardi</td><td headers="id2fb4_c1">17 h - 20 h</td><td headers="id2fb4_c2">10 h - 12 h</td></tr>
<tr class="row_odd odd"><td headers="id2fb4_c0">Mercredi</td><td headers="id2fb4_c1">10 h - 12 h et 14 h - 18 h</td><td headers="id2fb4_c2">-</td></tr>
<tr class="row_even even"><td headers="id2fb4_c0">Jeudi</td><td headers="id2fb4_c1">17 h - 20 h</td><td headers="id2fb4_c2">14 h - 16 h</td></tr>
<tr class="row_odd odd"><td headers="id2fb4_c0">Samedi</td><td headers="id2fb4_c1">10 h - 12 h 30</td><td headers="id2fb4_c2">-</td></tr>
</tbody>
</table>
<p>Les ateliers du mardi matin s'adressent aux grands débutants&nbsp;: utiliser la souris et le clavier, classer ses fichiers, naviguer sur internet, créer une adresse électronique. Ceux du jeudi après-midi abordent des usages plus avancés comme la retouche de photos, les achats en ligne en toute sécurité ou la téléphonie par internet. Chaque cycle compte six séances de deux heures pour huit participants au maximum.</p>
{{FIG:IMG/jpg/epn-atelier.jpg|Un atelier d'initiation, au printemps dernier.|Photo : Ville de Carhaix}}
<p>L'accès libre est gratuit sur présentation de la carte de la médiathèque. Les ateliers coûtent 15 euros par cycle, 8 euros pour les demandeurs d'emploi et les bénéficiaires des minima sociaux. Inscriptions sur place ou par téléphone auprès de l'accueil de la médiathèque.</p>""",
),
dict(
    name="spip-wifi-public-sans-date", cms="spip", tpl="spip3", town="mirepoix",
    path="/spip.php?article58", rubrique="Vie pratique",
    title="Un accès WiFi gratuit sous les couverts",
    date=None, author=None,
    notes="no publication date anywhere (gold null); short article (3 paragraphs) next to a long sidebar with "
          "'Dans la même rubrique', agenda with dates, and a footer '© 2009-2016'; SPIP 3 markup.",
    chapo=None,
    body="""<p>Les habitants et les visiteurs peuvent désormais se connecter gratuitement à internet sur la place principale et sous les couverts. Trois bornes ont été installées par les services techniques sur les façades de la mairie, de l'office de tourisme et de la halle.</p>
<p>Pour se connecter, il suffit de choisir le réseau «&nbsp;Mirepoix-WiFi&nbsp;» sur son téléphone, sa tablette ou son ordinateur, puis d'accepter les conditions d'utilisation. Aucune inscription n'est demandée. La connexion est limitée à deux heures par jour et par appareil, renouvelables le lendemain.</p>
<p>Le service est ouvert tous les jours de 7 heures à 23 heures. Il est destiné à la consultation de courriels, de sites d'information ou de plans, et ne permet pas le téléchargement de fichiers volumineux. Les commerçants installés sous les couverts peuvent indiquer le nom du réseau à leurs clients. En cas de problème, vous pouvez le signaler à l'accueil de la mairie ou à l'office de tourisme.</p>""",
),
dict(
    name="joomla15-label-villes-internet", cms="joomla15", tpl="joomla15a", town="wingles",
    path="/index.php?option=com_content&view=article&id=214:label-villes-internet&catid=1:actualites&Itemid=50",
    rubrique="Actualités",
    title="Wingles obtient trois arobases au label Villes Internet",
    date="2010-12-15", updated="2010-12-16", author="Administrator",
    notes="Joomla 1.5 contentpaneopen tables; createdate 'Mercredi, 15 Décembre 2010 09:12' and a later "
          "modifydate 'Mise à jour le Jeudi, 16 ...' (gold = createdate); accents written as entities; "
          "moduletable sidebars with 'Derniers articles' and an agenda.",
    chapo=None,
    body="""<p>La commune de Wingles fait son entrée dans le palmarès du label national Villes Internet avec trois arobases (3@). La distinction a été remise la semaine dernière à Paris, lors de la cérémonie qui réunit chaque année les collectivités engagées dans le développement de l'internet citoyen.</p>
<p>Le label, créé en 1999, récompense les villes et villages qui mettent les technologies de l'information au service de leurs habitants. Il compte cinq niveaux, de une à cinq arobases. Pour une première candidature, obtenir trois arobases est un encouragement important, d'autant que le jury a souligné l'équilibre entre les services en ligne et l'accompagnement des personnes éloignées du numérique.</p>
<p>Parmi les actions retenues par le jury&nbsp;:</p>
<ul>
<li>l'ouverture de la salle multimédia de l'espace Jean-Jaurès, avec ses douze postes et ses ateliers gratuits pour les seniors&nbsp;;</li>
<li>la mise en ligne des formulaires d'état civil et de la réservation des salles municipales&nbsp;;</li>
<li>l'équipement des écoles en tableaux blancs interactifs&nbsp;;</li>
<li>la diffusion d'une lettre d'information électronique mensuelle, qui compte plus de six cents abonnés.</li>
</ul>
<p>«&nbsp;Ce label est d'abord celui des agents et des bénévoles qui font vivre ces services au quotidien&nbsp;», a déclaré Jean-Pierre Dumortier, conseiller municipal délégué aux nouvelles technologies, à son retour de la cérémonie. La municipalité entend poursuivre ses efforts en 2011, avec un projet de point d'accès sans fil à la médiathèque et la possibilité de régler en ligne les factures de restauration scolaire.</p>
<p>La candidature avait été préparée au printemps par un groupe de travail réunissant des agents de la mairie, des enseignants et des membres du club informatique de l'espace Jean-Jaurès. Le dossier, rempli en ligne, recensait plus de quarante initiatives, de la mise en ligne des comptes rendus du conseil municipal à l'aide apportée aux demandeurs d'emploi pour rédiger leur curriculum vitae. Un membre du jury était ensuite venu à Wingles pour rencontrer les porteurs de projets et visiter la salle multimédia.</p>
<p>Les panneaux du label seront installés aux entrées de la ville dans les prochaines semaines.</p>""",
),
dict(
    name="joomla10-cp1252-cantine-paiement-en-ligne", cms="joomla10", tpl="joomla10", town="bernay", encoding="cp1252",
    path="/index.php?option=com_content&task=view&id=388&Itemid=63",
    rubrique="Enfance",
    title="Cantine et garderie : le paiement en ligne est ouvert",
    date="2011-08-29", updated="2011-09-02", author="Service Enfance",
    notes="windows-1252 bytes (Joomla 1.0 with the iso-8859-1 French pack); contentpaneopen tables; createdate "
          "'lundi, 29 août 2011 14:05' and a later 'Dernière mise à jour : ( ... )'; an ordered list of steps and a tariff table are part "
          "of the article; print/PDF/email icons; copyright in footer.",
    chapo=None,
    body="""<p>À partir de la rentrée scolaire, les familles peuvent régler les factures de restauration scolaire et d'accueil périscolaire par internet, à toute heure et sans se déplacer. Le paiement par chèque ou en espèces à la régie de l'hôtel de ville reste bien sûr possible.</p>
<p>Chaque mois, la facture est envoyée aux familles avec un identifiant et une référence qui permettent de la payer en ligne par carte bancaire. Le paiement est sécurisé par le service TIPI de la direction générale des finances publiques&nbsp;: aucune donnée bancaire n'est conservée par la ville.</p>
<p><strong>Comment procéder&nbsp;?</strong></p>
<ol>
<li>Munissez-vous de votre dernière facture.</li>
<li>Rendez-vous sur le site de la ville, rubrique Enfance, puis «&nbsp;Payer ma facture&nbsp;».</li>
<li>Saisissez l'identifiant de la collectivité et la référence indiqués en haut de la facture.</li>
<li>Vérifiez le montant, puis indiquez votre adresse électronique pour recevoir le ticket de paiement.</li>
<li>Validez et saisissez les coordonnées de votre carte bancaire.</li>
</ol>
<p>Le paiement doit intervenir avant la date limite figurant sur la facture. Passé ce délai, la facture est transmise au Trésor public et ne peut plus être réglée en ligne.</p>
<p><strong>Les tarifs restent inchangés cette année&nbsp;:</strong></p>
<table border="1" cellspacing="0" cellpadding="3" style="width: 420px;">
<tbody>
<tr><td><strong>Prestation</strong></td><td><strong>Tarif</strong></td></tr>
<tr><td>Repas élémentaire</td><td>2,95 €</td></tr>
<tr><td>Repas maternelle</td><td>2,70 €</td></tr>
<tr><td>Garderie du matin</td><td>1,10 €</td></tr>
<tr><td>Garderie du soir</td><td>1,60 €</td></tr>
</tbody>
</table>
<p>Pour toute question, le service Enfance est joignable du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h.</p>""",
),
dict(
    name="joomla15-travaux-voirie", cms="joomla15", tpl="joomla15a", town="hazebrouck",
    path="/index.php?option=com_content&view=article&id=602:travaux-rue-de-la-gare&catid=12:travaux&Itemid=71",
    rubrique="Travaux",
    title="Rue de la Gare : trois semaines de travaux sur les réseaux",
    date="2011-03-07", author="Services techniques",
    notes="ordinary local news (roadworks); Joomla 1.5 createdate without modifydate; dates of the works inside "
          "the article (14 March to 1er April) are not the publication date; list of diversions is part of "
          "the article; moduletable 'Agenda' with upcoming dates.",
    chapo=None,
    body="""<p>Des travaux de remplacement de la conduite d'eau potable auront lieu rue de la Gare du lundi 14 mars au vendredi 1er avril. Le chantier, conduit par le syndicat des eaux, concerne la portion comprise entre la place du Général-de-Gaulle et le passage à niveau.</p>
<p>Pendant toute la durée des travaux, la circulation sera interdite dans cette portion de rue, sauf pour les riverains et les véhicules de secours. Des déviations seront mises en place&nbsp;:</p>
<ul>
<li>pour les véhicules légers, par la rue de Merville et la rue de l'Église&nbsp;;</li>
<li>pour les poids lourds, par le boulevard extérieur&nbsp;;</li>
<li>pour les bus, l'arrêt «&nbsp;Gare&nbsp;» est déplacé rue Nationale, devant la poste.</li>
</ul>
<p>L'accès aux commerces restera possible à pied. Les riverains recevront un courrier précisant les jours où leur alimentation en eau pourrait être coupée quelques heures.</p>
<p>La ville et le syndicat des eaux remercient les habitants pour leur compréhension.</p>""",
),
dict(
    name="joomla15-conseiller-numerique", cms="joomla15", tpl="joomla15b", town="saintlo",
    path="/index.php?option=com_content&view=article&id=1544:un-conseiller-numerique&catid=34:solidarite&Itemid=212",
    rubrique="Solidarité",
    title="Un conseiller numérique pour accompagner les habitants",
    date="2021-03-03", updated="2021-03-10", author="Communication",
    notes="a Joomla 1.5 site still running in 2021 with a JA-style template (h2.contentheading, "
          "div.article-tools, div.article-content); createdate 'Mercredi, 03 Mars 2021' vs a later modifydate; "
          "first permanence dates inside the text; related items module with dates.",
    chapo=None,
    body="""<p>Prendre rendez-vous chez le médecin, déclarer ses revenus, envoyer une photo à ses petits-enfants&nbsp;: de plus en plus de gestes du quotidien passent par internet. Pour aider celles et ceux qui se sentent démunis face aux écrans, la ville accueille depuis le 1er mars un conseiller numérique, recruté dans le cadre du plan national France Relance.</p>
<p>Thomas Lemaréchal, 27 ans, a suivi une formation de plusieurs semaines avant sa prise de poste. Il interviendra gratuitement auprès de tous les publics, quel que soit leur niveau. «&nbsp;Mon rôle n'est pas de faire à la place des gens, mais de leur donner les clés pour devenir autonomes&nbsp;», explique-t-il.</p>
<p><strong>Des permanences dans les quartiers</strong></p>
<p>Le conseiller tiendra des permanences individuelles sur rendez-vous au centre communal d'action sociale, à la médiathèque et à la maison de quartier du Val-Saint-Jean. Il animera aussi des ateliers collectifs thématiques&nbsp;: prendre en main son smartphone, créer et utiliser une adresse électronique, sécuriser ses comptes, repérer les arnaques, utiliser les services publics en ligne.</p>
<p>Les premières permanences se tiendront à partir du mardi 16 mars, dans le respect des consignes sanitaires&nbsp;: port du masque obligatoire, une personne par rendez-vous, désinfection du matériel entre chaque usager.</p>
<p><strong>Prendre rendez-vous</strong></p>
<p>Les rendez-vous se prennent par téléphone auprès du CCAS, du lundi au vendredi, ou directement à l'accueil de la médiathèque. Pensez à apporter votre propre appareil si vous en avez un&nbsp;: c'est sur celui-ci que vous apprendrez le mieux.</p>""",
),
dict(
    name="joomla15-elections-bureaux-vote", cms="joomla15", tpl="joomla15a", town="vierzon",
    path="/index.php?option=com_content&view=article&id=933:elections-departementales&catid=5:vie-municipale&Itemid=33",
    rubrique="Vie municipale",
    title="Élections départementales : où voter les 22 et 29 mars ?",
    date="2015-03-06", updated="2015-03-20", author="Service Élections",
    notes="ordinary (elections); the title and text carry election dates later than publication; createdate "
          "vs modifydate; the list of polling stations is part of the article; agenda module.",
    chapo=None,
    body="""<p>Les élections départementales auront lieu les dimanches 22 et 29 mars 2015. Elles remplacent les anciennes élections cantonales&nbsp;: dans chaque canton, les électeurs élisent désormais un binôme composé d'une femme et d'un homme, qui siégeront au conseil départemental du Cher.</p>
<p>Les bureaux de vote seront ouverts de 8 heures à 18 heures. Votre numéro de bureau figure sur votre carte électorale, envoyée à tous les électeurs en 2014. Voici la liste des bureaux&nbsp;:</p>
<ul>
<li>bureaux 1 et 2&nbsp;: hôtel de ville, salle des mariages&nbsp;;</li>
<li>bureaux 3 et 4&nbsp;: école Charles-Péguy&nbsp;;</li>
<li>bureau 5&nbsp;: salle Madeleine-Sologne&nbsp;;</li>
<li>bureaux 6 et 7&nbsp;: groupe scolaire Tunnel-Château&nbsp;;</li>
<li>bureau 8&nbsp;: maison de quartier de Clos-du-Roy&nbsp;;</li>
<li>bureaux 9 et 10&nbsp;: école Bourgneuf&nbsp;;</li>
<li>bureau 11&nbsp;: salle des fêtes de la Sellerie.</li>
</ul>
<p>Une pièce d'identité avec photo est obligatoire pour voter dans les communes de plus de 1&nbsp;000 habitants. La carte électorale n'est pas indispensable mais elle facilite le travail des assesseurs.</p>
<p><strong>Voter par procuration</strong></p>
<p>Si vous ne pouvez pas vous déplacer, vous pouvez donner procuration à un électeur inscrit à Vierzon. La démarche se fait au commissariat, à la gendarmerie ou au tribunal d'instance, le plus tôt possible pour que la procuration parvienne à temps en mairie.</p>
<p>Les résultats seront publiés sur ce site le soir de chaque tour, bureau par bureau.</p>""",
),
]
