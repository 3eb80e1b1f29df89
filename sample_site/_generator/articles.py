"""Content of the sample news site: every sentence written for this project.

Facts (dates, figures, mediators) come from ../shared/eval/exchanges_reference.csv. People named
in bylines, quotes and family stories are invented. Outlets are invented.

`exchange` names the event an article reports as news (its event_date), None for negatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    key: str
    outlet: str
    path: str  # canonical path on the site
    title: str
    published: str  # ISO 8601, UTC
    author: str
    paras: tuple[str, ...]
    summary: str
    exchange: str | None  # event_date of the exchange reported as news, None = negative
    section: str = "World"
    read_also: str | None = None  # key of another article
    photo: tuple[str, str] | None = None  # (caption, "Name / Agency")
    feed_link: str | None = None  # path the feed links to instead of `path` (AMP)
    link_suffix: str = ""  # tracking parameters / fragment appended in the feed
    extra_feeds: tuple[str, ...] = ()
    updated: str | None = None
    syndicated_from: str | None = None  # key of the wire original
    tags: tuple[str, ...] = field(default_factory=tuple)
    reader_comments: tuple[tuple[str, str], ...] = ()  # (name, comment) under a blog post


UTM = "?utm_source=rss&utm_medium=feed"
UTM_EUROPE = "?utm_source=rss&utm_medium=feed&utm_campaign=europe"

# --------------------------------------------------------------------------------------------
# Exchange A: 2022-03-24, 29 to Ukraine (10 POWs + 19 civilian sailors), 21 to Russia
# (10 POWs + 11 civilian sailors). No mediator named.
# --------------------------------------------------------------------------------------------
A1 = Article(
    key="A1",
    outlet="meridian",
    path="/meridian/world/europe/2022/03/24/ukraine-russia-first-prisoner-swap.html",
    title="Ukraine and Russia swap prisoners for first time since invasion",
    published="2022-03-24T17:40:00Z",
    author="Hanna Voloshyn",
    summary="Ten soldiers go each way, and 19 Ukrainian civilian sailors also come home.",
    exchange="2022-03-24",
    extra_feeds=("meridian-europe",),
    link_suffix=UTM,
    photo=("A bus carrying released Ukrainians arrives at a reception point.", "Dmytro Kostiuk / Meridian"),
    paras=(
        "KYIV, March 24 (Meridian) - Ukraine and Russia carried out their first exchange of prisoners "
        "on Thursday, a month after Russian forces crossed the border, with ten soldiers handed over by "
        "each side, Ukrainian officials said.",
        "Nineteen Ukrainian civilian sailors were released in the same operation, so 29 people in all "
        "returned to Ukraine, according to Ukraine's deputy prime minister.",
        "Twenty-one people went back to Russia: the ten servicemen and 11 civilian seamen, the Ukrainian "
        "side said.",
        "Officials gave few details of how the exchange had been arranged and did not say where it took place.",
        "Russia's Defence Ministry did not immediately reply to a request for comment.",
        "A Ukrainian official said lists for further exchanges were already being drawn up and urged "
        "families not to share unverified names on social media.",
    ),
)

A2 = Article(
    key="A2",
    outlet="holos",
    path="/holos/news/2022/03/24/pershyi-obmin-polonenymy.html",
    title="Перший обмін полоненими: додому повернулися 29 українців",
    published="2022-03-24T19:05:00Z",
    author="Олена Ткачук",
    summary="Серед звільнених — десятеро військових і 19 цивільних моряків.",
    exchange="2022-03-24",
    section="Війна",
    read_also="N10",
    paras=(
        "У четвер, 24 березня, Україна та Росія провели перший від початку повномасштабного вторгнення "
        "обмін полоненими.",
        "Додому повернулися десятеро українських військових і 19 цивільних моряків — загалом 29 людей, "
        "повідомила віцепрем'єр-міністерка.",
        "Російській стороні передали 21 особу: десятьох військовослужбовців та 11 цивільних моряків.",
        "За словами посадовців, усі звільнені зараз проходять медичне обстеження, а їхні родини вже "
        "отримали повідомлення.",
        "Де саме відбувся обмін, в уряді не уточнили.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange B: 2022-06-29, 144 for 144; 95 Azovstal defenders among the Ukrainians.
# --------------------------------------------------------------------------------------------
B1 = Article(
    key="B1",
    outlet="meridian",
    path="/meridian/world/europe/2022/06/29/ukraine-144-soldiers-freed-azovstal.html",
    title="Ukraine says 144 soldiers freed in biggest swap so far, most from Azovstal",
    published="2022-06-29T20:15:00Z",
    author="Oleksii Brovko",
    summary="Ninety-five of the freed men defended the Azovstal steelworks in Mariupol.",
    read_also="A1",
    exchange="2022-06-29",
    link_suffix=UTM,
    paras=(
        "KYIV, June 29 (Meridian) - Ukraine brought home 144 servicemen on Wednesday in the largest "
        "prisoner exchange since the start of the war, its military intelligence directorate said.",
        "Ninety-five of the freed men had been among the defenders of the Azovstal steelworks in "
        "Mariupol, the last stronghold in the port city to hold out.",
        "Kyiv released 144 Russian and Russian-backed prisoners in return, the directorate said.",
        "Many of the returning soldiers had serious injuries, including gunshot and shrapnel wounds, and "
        "some had lost limbs, a military intelligence spokesman told reporters.",
        "There was no immediate comment from Moscow.",
    ),
)

B2 = Article(
    key="B2",
    outlet="clarion",
    path="/clarion/news/world/azovstal-heroes-walk-free.html",
    title="'WE'RE HOME': Azovstal heroes walk free in huge 144-for-144 swap",
    published="2022-06-30T06:30:00Z",
    author="Gemma Hartley",
    summary="Battered but unbowed, the steelworks defenders are finally out.",
    exchange="2022-06-29",
    section="World News",
    read_also="E1",
    photo=("Freed soldiers wave from a coach window.", "Pavlo Hrytsenko / Clarion"),
    paras=(
        "BATTERED but unbowed, dozens of Ukraine's bravest fighters are finally free.",
        "One hundred and forty-four Ukrainian troops crossed back into home territory yesterday in a "
        "swap for 144 Russian captives, Kyiv's spy chiefs revealed.",
        "Ninety-five of them held out for weeks in the bunkers beneath the Azovstal steel plant in "
        "Mariupol before they were ordered to lay down their arms.",
        "Pictures released last night showed gaunt men, some on crutches, grinning as they stepped off buses.",
        "\"I kept telling myself I would see my daughter again,\" one freed marine told a Ukrainian TV crew.",
        "It is the biggest exchange since Vladimir Putin's tanks rolled in four months ago.",
    ),
)

B3 = Article(
    key="B3",
    outlet="vestnik",
    path="/vestnik/politika/2022/06/29/obmen-144-na-144.html",
    title="Россия и Украина провели обмен пленными в формате 144 на 144",
    published="2022-06-29T18:00:00Z",
    author="Игорь Савельев",
    summary="Каждая из сторон вернула по 144 военнослужащих.",
    exchange="2022-06-29",
    section="Политика",
    paras=(
        "В среду Россия и Украина провели очередной обмен пленными: каждая из сторон вернула по 144 "
        "военнослужащих.",
        "Освобождённые российские военные будут доставлены в медицинские учреждения для обследования и "
        "лечения, сообщил источник, знакомый с ходом обмена.",
        "Украинская сторона заявила, что среди переданных ей пленных большинство составляют защитники "
        "завода «Азовсталь».",
        "Официальных комментариев Министерства обороны к моменту публикации не поступало.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange C: 2022-09-21, 215 to Ukraine, 56 to Russia (55 POWs + Viktor Medvedchuk),
# mediated by Turkey and Saudi Arabia; five Azov commanders to stay in Turkey; ten foreigners
# flown to Saudi Arabia; reported as "nearly 300" in all.
# --------------------------------------------------------------------------------------------
C1 = Article(
    key="C1",
    outlet="meridian",
    path="/meridian/world/europe/2022/09/21/ukraine-215-freed-turkey-saudi-swap-medvedchuk.html",
    title="Ukraine gets back 215 in swap brokered by Turkey and Saudi Arabia; Medvedchuk goes to Russia",
    published="2022-09-21T23:50:00Z",
    author="Hanna Voloshyn",
    summary="Five Azov commanders among those freed will stay in Turkey until the war ends.",
    read_also="B1",
    exchange="2022-09-21",
    link_suffix=UTM,
    paras=(
        "KYIV, Sept 21 (Meridian) - Ukraine secured the release of 215 people on Wednesday in an exchange "
        "mediated by Turkey and Saudi Arabia, handing over 56 people in return: 55 Russian prisoners and "
        "the pro-Kremlin politician Viktor Medvedchuk.",
        "Five commanders of the Azov regiment who were among those freed will remain in Turkey until the "
        "end of the war under the terms of the deal, Ukrainian officials said.",
        "Ten foreign nationals who had fought on Ukraine's side were released to Saudi Arabia as part of "
        "the same arrangement, the Saudi government said.",
        "Medvedchuk, a businessman and former lawmaker, had been held in Ukraine on treason charges, which "
        "he denies.",
        "Russia did not immediately confirm the figures.",
    ),
)

C2 = Article(
    key="C2",
    outlet="policydesk",
    # Readers get the figures wrong: comments are kept apart and never read for exchanges.
    reader_comments=(
        ("Bohdan K.", "I heard from a friend in Chernihiv that 300 of ours came back in that swap, not 215."),
        ("Anna", "Thank you for this analysis, very clear as always."),
    ),
    path="/policydesk/analysis/2022-09-23-turkish-saudi-swap-wartime-diplomacy.html",
    title="What the Turkish-Saudi brokered swap tells us about wartime diplomacy",
    published="2022-09-23T10:00:00Z",
    author="Dr. Marta Kowalczyk",
    summary="Third parties turned a stalled channel into the largest exchange yet.",
    exchange="2022-09-21",
    section="Analysis",
    paras=(
        "On 21 September, two hundred and fifteen people returned to Ukraine in an exchange that Turkey "
        "and Saudi Arabia helped to broker.",
        "Russia received 56 people: 55 servicemen and Viktor Medvedchuk, the politician Kyiv had accused of treason.",
        "The scale dwarfed the 144-for-144 swap of late June.",
        "Two features stand out. First, five of the Azov commanders released will sit out the war in "
        "Turkey, a guarantee that only a third country could provide. Second, Riyadh's involvement, "
        "including the release of ten foreign fighters to Saudi Arabia, shows that the Gulf states now "
        "see humanitarian files as a way into the wider diplomacy of the war.",
        "For analysts, the lesson is that exchanges are easier to agree when a mediator holds part of the "
        "risk. Whether that model can be repeated is less clear.",
    ),
)

C3 = Article(
    key="C3",
    outlet="holos",
    path="/holos/news/2022/09/22/zvilneno-215-zakhysnykiv.html",
    title="Звільнено 215 захисників: обмін за посередництва Туреччини та Саудівської Аравії",
    published="2022-09-22T07:00:00Z",
    author="Андрій Мельник",
    summary="Серед звільнених — командири «Азову», які залишаться в Туреччині.",
    exchange="2022-09-21",
    section="Війна",
    read_also="A2",
    paras=(
        "Учора ввечері з російського полону повернулися 215 українців. Обмін відбувся за посередництва "
        "Туреччини та Саудівської Аравії.",
        "Натомість Росії передали 56 осіб: 55 військовополонених, а також політика Віктора Медведчука, "
        "якого в Україні підозрюють у державній зраді.",
        "П'ятеро командирів «Азову» до кінця війни перебуватимуть у Туреччині під гарантії її президента.",
        "Ще десятьох іноземців, які воювали за Україну, доправили до Саудівської Аравії.",
        "Звільнені військові вже отримують медичну допомогу.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange D: 2023-01-08 (Orthodox Christmas), 50 for 50.
# --------------------------------------------------------------------------------------------
D1 = Article(
    key="D1",
    outlet="courier",
    path="/courier/news/2023/01/08/fifty-soldiers-home-for-christmas.html",
    title="Fifty soldiers home for Orthodox Christmas after prisoner swap",
    published="2023-01-08T18:45:00Z",
    author="Iryna Savchuk",
    summary="Figures given in words: fifty for fifty, on Christmas Day.",
    exchange="2023-01-08",
    section="News",
    read_also="F2",
    paras=(
        "Fifty Ukrainian servicemen spent Orthodox Christmas on home soil on Sunday after they were "
        "exchanged for fifty Russian prisoners of war.",
        "The swap was confirmed by Ukraine's presidential office in the afternoon. Moscow's Defence "
        "Ministry also said fifty of its soldiers had been returned.",
        "Among the freed men was a 23-year-old artilleryman from a village south of the Courier's office, "
        "whose mother told us she had not heard his voice since the spring.",
        "\"We laid an extra plate at the table anyway,\" she said. \"Tonight he will sit at it.\"",
        "Volunteers at the regional hospital said they were ready to receive any of the men who needed treatment.",
    ),
)

D2 = Article(
    key="D2",
    outlet="holos",
    path="/holos/news/2023/01/08/rizdvianyi-obmin-50.html",
    title="Різдвяний обмін: з полону звільнено 50 українських військових",
    published="2023-01-08T15:20:00Z",
    author="Олена Ткачук",
    summary="Росії передали стільки ж — 50 військових.",
    exchange="2023-01-08",
    section="Війна",
    paras=(
        "Сьогодні, 8 січня, з російського полону повернулися 50 українських військовослужбовців.",
        "Росії в межах обміну передали стільки ж — 50 її військових.",
        "Серед звільнених є захисники Маріуполя та бійці, які потрапили в полон на сході країни.",
        "Рідні кількох звільнених уже підтвердили, що говорили з ними телефоном.",
    ),
)

D3 = Article(
    key="D3",
    outlet="vestnik",
    path="/vestnik/politika/2023/01/08/osvobozhdeny-50-voennosluzhashchikh.html",
    title="Из украинского плена освобождены 50 российских военнослужащих",
    published="2023-01-08T14:00:00Z",
    author="Ксения Орлова",
    summary="В обмен украинской стороне переданы 50 военнопленных.",
    exchange="2023-01-08",
    section="Политика",
    read_also="B3",
    paras=(
        "В воскресенье из украинского плена вернулись 50 российских военнослужащих.",
        "В обмен украинской стороне были переданы 50 военнопленных ВСУ.",
        "Освобождённым оказывают необходимую медицинскую и психологическую помощь, сообщили в военном "
        "ведомстве.",
        "Обмен совпал с Рождеством по православному календарю.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange E: 2023-05-06, 45 Azov fighters for 3 Russian pilots.
# --------------------------------------------------------------------------------------------
E1 = Article(
    key="E1",
    outlet="clarion",
    path="/clarion/news/world/45-azov-fighters-freed-for-three-pilots.html",
    title="45 AZOV FIGHTERS FREED for just three Russian pilots",
    published="2023-05-07T08:00:00Z",
    author="Danny Royce",
    summary="Kyiv's lopsided swap brings dozens of steelworks veterans home.",
    exchange="2023-05-06",
    section="World News",
    read_also="B2",
    paras=(
        "FORTY-FIVE Azov fighters are free after Kyiv traded them for just three captured Russian pilots yesterday.",
        "Ukraine's top officials hailed the lopsided deal as a win for the men who held Mariupol.",
        "Russia got back its three airmen, according to Kyiv.",
        "One relieved wife wrote on social media: \"Forty-five families are crying tonight, but from joy.\"",
        "The soldiers will now undergo medical checks before being reunited with loved ones.",
    ),
)

E2 = Article(
    key="E2",
    outlet="policydesk",
    path="/policydesk/analysis/2023-05-09-uneven-exchanges-pilots-for-azov.html",
    title="Uneven exchanges: why Kyiv traded three pilots for 45 Azov fighters",
    published="2023-05-09T09:30:00Z",
    author="Tomas Lindqvist",
    summary="Ratios in prisoner exchanges are set by leverage, not by arithmetic.",
    exchange="2023-05-06",
    section="Analysis",
    paras=(
        "On Saturday, 6 May, Ukraine received 45 fighters of the Azov regiment, and Russia received three "
        "of its military pilots.",
        "At first sight the ratio looks like a bargain for Kyiv. It is better read as a sign of how "
        "Moscow values aircrew: trained pilots are scarce and slow to replace.",
        "The deal also continued a pattern. Earlier this year, the sides marked Orthodox Christmas with a "
        "fifty-for-fifty exchange.",
        "We expect uneven ratios to become more common as each side's pool of prisoners changes.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange F: 2023-07-06, 47 to Ukraine (45 servicemen + 2 civilians), 45 to Russia.
# --------------------------------------------------------------------------------------------
F1 = Article(
    key="F1",
    outlet="meridian",
    path="/meridian/world/europe/2023/07/06/ukraine-45-soldiers-two-civilians-freed.html",
    title="Ukraine says 45 soldiers and two civilians freed in prisoner exchange",
    published="2023-07-06T16:20:00Z",
    author="Oleksii Brovko",
    summary="Russia says 45 of its servicemen were returned.",
    read_also="C1",
    exchange="2023-07-06",
    link_suffix=UTM,
    paras=(
        "KYIV, July 6 (Meridian) - Forty-five Ukrainian servicemen and two civilians came home on Thursday "
        "in an exchange of prisoners with Russia, Ukraine's presidential chief of staff said.",
        "Russia's Defence Ministry said 45 Russian servicemen had been returned from territory controlled "
        "by Kyiv.",
        "Some of the Ukrainians had been captured during the defence of Mariupol more than a year ago, "
        "Ukrainian officials said.",
        "The two sides have carried out regular exchanges despite the absence of peace talks.",
    ),
)

F2 = Article(
    key="F2",
    outlet="courier",
    path="/courier/news/2023/07/07/valley-family-celebrates-son-returns.html",
    title="Valley family celebrates as son returns in latest swap",
    published="2023-07-07T07:30:00Z",
    author="Bohdan Lytvyn",
    summary="Yesterday's exchange brought home 47 Ukrainians.",
    exchange="2023-07-06",
    section="News",
    read_also="D1",
    photo=("Relatives wait for news at the regional administration.", "Bohdan Lytvyn / Courier"),
    paras=(
        "A family from the river district is preparing a homecoming after their son was freed in "
        "yesterday's prisoner exchange.",
        "Yesterday's exchange returned 47 Ukrainians, 45 soldiers and two civilians, while 45 Russian "
        "servicemen were handed back to Moscow.",
        "The young marine's sister told the Courier that the family learned the news from a video "
        "posted by the presidential office.",
        "\"We watched it twenty times to be sure it was really him,\" she said.",
        "The regional administration said it would help returning soldiers with housing and paperwork.",
    ),
)

F3 = Article(
    key="F3",
    outlet="holos",
    path="/holos/news/2023/07/06/dodomu-45-viiskovykh-i-dvoie-tsyvilnykh.html",
    title="Додому повернулися 45 військових і двоє цивільних",
    published="2023-07-06T13:40:00Z",
    author="Андрій Мельник",
    summary="Росії передали 45 військовополонених.",
    exchange="2023-07-06",
    section="Війна",
    read_also="D2",
    paras=(
        "Сьогодні з полону звільнили 45 українських військових і двох цивільних.",
        "Росії передали 45 військовополонених, повідомили в Офісі президента.",
        "Частина звільнених потрапила в полон під час оборони Маріуполя.",
        "Обмін став черговим попри те, що переговорів про мир наразі немає.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange G: 2024-01-03, 230 to Ukraine, 248 to Russia, UAE mediation, the 49th exchange by
# Ukraine's count. The Clarion adds the sides up wrongly as "about 448" (disputed).
# --------------------------------------------------------------------------------------------
G1 = Article(
    key="G1",
    outlet="meridian",
    path="/meridian/world/europe/2024/01/03/ukraine-russia-biggest-prisoner-swap-uae.html",
    title="Ukraine and Russia carry out biggest prisoner swap of war after UAE mediation",
    published="2024-01-03T15:30:00Z",
    author="Hanna Voloshyn",
    summary="Kyiv says 230 Ukrainians are home; Moscow says 248 Russians returned.",
    read_also="F1",
    exchange="2024-01-03",
    link_suffix=UTM,
    extra_feeds=("meridian-europe",),
    photo=("Ukrainian servicemen after an earlier exchange in 2023.", "Dmytro Kostiuk / Meridian"),
    paras=(
        "KYIV, Jan 3 (Meridian) - Ukraine and Russia swapped hundreds of prisoners on Wednesday in their "
        "largest exchange since the full-scale invasion, after mediation by the United Arab Emirates.",
        "Kyiv said 230 Ukrainians had been freed, describing it as the 49th exchange of the war.",
        "Russia's Defence Ministry said 248 Russian servicemen had been returned and would receive "
        "medical care.",
        "The UAE foreign ministry thanked both countries for their cooperation.",
        "It was the first exchange in nearly five months. Talks had stalled for much of the autumn, "
        "officials on both sides said.",
    ),
)

G2 = Article(
    key="G2",
    outlet="clarion",
    path="/clarion/news/world/about-448-prisoners-swapped-bumper-deal.html",
    title="ABOUT 448 PRISONERS SWAPPED in bumper New Year deal",
    published="2024-01-03T21:00:00Z",
    author="Gemma Hartley",
    summary="Hundreds of captives change hands in the war's biggest swap.",
    exchange="2024-01-03",
    section="World News",
    read_also="G1",
    paras=(
        "AROUND 448 captives changed hands today in the biggest prisoner swap of the war.",
        "Ukraine said 230 of its people were coming home, while Russia said 248 of its troops went the "
        "other way.",
        "Gulf state the United Arab Emirates stepped in to broker the deal after months of deadlock.",
        "Tearful soldiers wrapped in blue and yellow flags hugged each other as they crossed back.",
    ),
)

G3 = Article(
    key="G3",
    outlet="holos",
    path="/holos/news/2024/01/03/naibilshyi-obmin-230.html",
    title="Найбільший обмін: з російського полону повернули 230 українців",
    published="2024-01-03T14:10:00Z",
    author="Олена Ткачук",
    summary="Це 49-й обмін від початку повномасштабної війни.",
    exchange="2024-01-03",
    section="Війна",
    read_also="N9",
    paras=(
        "Сьогодні, 3 січня, Україна повернула з російського полону 230 своїх громадян.",
        "Це вже 49-й обмін від початку повномасштабного вторгнення і найбільший за кількістю звільнених.",
        "Обмін відбувся за посередництва Об'єднаних Арабських Еміратів.",
        "Скільки російських полонених отримала Москва, в Києві офіційно не уточнили.",
    ),
)

G4 = Article(
    key="G4",
    outlet="vestnik",
    path="/vestnik/politika/2024/01/03/iz-plena-vozvrashcheny-248.html",
    title="Из плена возвращены 248 российских военнослужащих",
    published="2024-01-03T13:00:00Z",
    author="Игорь Савельев",
    summary="Обмен состоялся при посредничестве ОАЭ.",
    exchange="2024-01-03",
    section="Политика",
    read_also="D3",
    paras=(
        "В среду с подконтрольной Киеву территории возвращены 248 российских военнослужащих.",
        "Взамен украинской стороне переданы 230 военнопленных, сообщили в Министерстве обороны.",
        "Посредническую роль в обмене сыграли Объединённые Арабские Эмираты.",
        "Всем освобождённым окажут медицинскую помощь и помогут с реабилитацией.",
    ),
)

G5 = Article(
    key="G5",
    outlet="policydesk",
    path="/policydesk/analysis/2024-01-04-uae-quiet-channel-record-swap.html",
    title="The UAE's quiet channel: notes on Wednesday's record swap",
    published="2024-01-04T11:00:00Z",
    author="Dr. Marta Kowalczyk",
    summary="Why the Emirates succeeded where others stalled.",
    exchange="2024-01-03",
    section="Analysis",
    read_also="C2",
    paras=(
        "On Wednesday, 230 Ukrainians and 248 Russians were exchanged with the help of the United Arab "
        "Emirates, the largest swap of the war to date.",
        "The break before it was long: the previous exchange, on 7 August, had returned 22 Ukrainians.",
        "Abu Dhabi's approach is discreet. It rarely comments before a swap, and it keeps the lists "
        "between the two sides rather than publishing them.",
        "Three questions follow. Can the channel handle larger numbers? Will civilians be included? And "
        "can it outlast a change in battlefield fortunes?",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange H: 2025-03-19, 175 for 175 plus 22 wounded Ukrainians (197 to Ukraine), UAE.
# H1 is a wire story that H2 (Courier, linked through AMP) and H3 (Clarion) syndicate.
# --------------------------------------------------------------------------------------------
_H_WIRE = (
    "KYIV, March 19 (Meridian) - Russia and Ukraine exchanged 175 prisoners of war each on Wednesday, and "
    "Moscow separately handed over 22 badly wounded Ukrainian soldiers, officials from both countries said.",
    "The United Arab Emirates mediated the exchange, its foreign ministry said in a statement.",
    "Ukraine's coordination headquarters for prisoners of war said a total of 197 Ukrainians had come "
    "home, many of them held since 2022.",
    "Russia's Defence Ministry called the handover of the wounded men a goodwill gesture and said the 175 "
    "returning Russian servicemen would receive medical and psychological care.",
    "Officials in Kyiv said work on further exchanges was continuing and that lists were being checked.",
    "Families of missing soldiers gathered near the reception point, holding up portraits and asking "
    "the freed men for news of their relatives.",
)

H1 = Article(
    key="H1",
    outlet="meridian",
    path="/meridian/world/europe/2025/03/19/russia-ukraine-swap-175-prisoners-22-wounded.html",
    title="Russia and Ukraine swap 175 prisoners each; Moscow also hands over 22 wounded",
    published="2025-03-19T16:05:00Z",
    author="Oleksii Brovko",
    summary="The UAE mediated the exchange; 197 Ukrainians come home in all.",
    read_also="G1",
    exchange="2025-03-19",
    link_suffix=UTM,
    paras=_H_WIRE,
)

H2 = Article(
    key="H2",
    outlet="courier",
    path="/courier/news/2025/03/19/prisoner-swap-175-for-175.html",
    title="175-for-175 prisoner swap brings home 197 Ukrainians, including 22 wounded",
    published="2025-03-19T18:30:00Z",
    author="Meridian Wire",
    summary="Wire report: the UAE mediated the exchange.",
    exchange="2025-03-19",
    section="News",
    feed_link="/courier/amp/news/2025/03/19/prisoner-swap-175-for-175.html",
    link_suffix=UTM,
    syndicated_from="H1",
    paras=_H_WIRE,  # the Courier runs the wire text whole, under its own headline and boilerplate
)

H3 = Article(
    key="H3",
    outlet="clarion",
    path="/clarion/news/world/moscow-frees-22-wounded-swap.html",
    title="Moscow frees 22 wounded as 175-for-175 swap goes ahead",
    published="2025-03-19T19:10:00Z",
    author="Meridian Wire",
    summary="Wire: UAE-brokered exchange brings 197 Ukrainians home.",
    exchange="2025-03-19",
    section="World News",
    link_suffix="#comments",
    syndicated_from="H1",
    paras=_H_WIRE[:4] + _H_WIRE[5:],  # the Clarion drops the "further exchanges" sentence
)

H4 = Article(
    key="H4",
    outlet="holos",
    path="/holos/news/2025/03/19/obmin-175-na-175.html",
    title="Обмін 175 на 175: додому повернулися 197 захисників",
    published="2025-03-19T15:00:00Z",
    author="Андрій Мельник",
    summary="Ще 22 важкопоранених Росія передала окремо.",
    exchange="2025-03-19",
    section="Війна",
    read_also="G3",
    photo=("Звільнені захисники після повернення.", "Сергій Бондар / Голос"),
    paras=(
        "Україна та Росія сьогодні обміняли полонених у форматі 175 на 175.",
        "Крім того, російська сторона окремо передала 22 важкопоранених українських військових, тож "
        "загалом додому повернулися 197 захисників.",
        "Посередником в обміні виступили Об'єднані Арабські Емірати.",
        "Більшість звільнених перебували в полоні з 2022 року, зазначили в Координаційному штабі.",
    ),
)

H5 = Article(
    key="H5",
    outlet="vestnik",
    path="/vestnik/politika/2025/03/19/175-voennykh-vernulis-iz-plena.html",
    title="175 российских военных вернулись из украинского плена",
    published="2025-03-19T14:30:00Z",
    author="Ксения Орлова",
    summary="Обмен состоялся при посредничестве ОАЭ.",
    exchange="2025-03-19",
    section="Политика",
    read_also="G4",
    paras=(
        "В среду из украинского плена вернулись 175 российских военнослужащих.",
        "В обмен Украине передали 175 военнопленных ВСУ.",
        "Кроме того, в качестве жеста доброй воли украинской стороне передали 22 тяжелораненых "
        "военнопленных, нуждающихся в срочной медицинской помощи.",
        "Посредниками выступили Объединённые Арабские Эмираты.",
    ),
)

H6 = Article(
    key="H6",
    outlet="policydesk",
    path="/policydesk/analysis/2025-03-21-goodwill-gestures-arithmetic-of-captivity.html",
    title="Goodwill gestures and the arithmetic of captivity",
    published="2025-03-21T08:45:00Z",
    author="Tomas Lindqvist",
    summary="The 22 wounded handed over outside the count matter more than the headline number.",
    exchange="2025-03-19",
    section="Analysis",
    read_also="G5",
    paras=(
        "Wednesday's exchange, 19 March, was announced as 175 for 175, again with the United Arab Emirates "
        "as mediator.",
        "Yet 197 Ukrainians came home, because Russia added 22 seriously wounded soldiers outside the "
        "formal count.",
        "Such additions let Moscow present a gesture without conceding a ratio, and let Kyiv bring home "
        "the men most at risk.",
        "Counting exchanges is therefore harder than it looks: reports that give only the headline "
        "figure undercount the people returned.",
    ),
)

# --------------------------------------------------------------------------------------------
# Exchange I: 2026-02-05, 157 to Ukraine (7 civilians among them), 160 to Russia (157 + 3
# civilians from the Kursk region), mediated by the UAE and the US. I2 is updated in place.
# --------------------------------------------------------------------------------------------
I1 = Article(
    key="I1",
    outlet="meridian",
    path="/meridian/world/europe/2026/02/05/ukraine-russia-exchange-157-uae-us.html",
    title="Ukraine and Russia exchange prisoners in deal brokered by UAE and US",
    published="2026-02-05T17:00:00Z",
    author="Hanna Voloshyn",
    summary="157 Ukrainians, seven of them civilians, return; Russia gets back 160.",
    read_also="H1",
    exchange="2026-02-05",
    link_suffix=UTM,
    extra_feeds=("meridian-europe",),
    paras=(
        "KYIV, Feb 5 (Meridian) - Ukraine and Russia exchanged prisoners on Thursday in a deal brokered by "
        "the United Arab Emirates and the United States, officials said.",
        "A total of 157 Ukrainians returned home, seven of them civilians, Ukraine's coordination "
        "headquarters said.",
        "Russia's Defence Ministry said 157 servicemen had been returned to Russia along with three "
        "civilians from the Kursk region, 160 people in all.",
        "The UAE said it was the latest of several exchanges it had helped arrange.",
        "Neither side said when the next exchange might take place.",
    ),
)

I2_REVISION_1 = Article(
    key="I2",
    outlet="clarion",
    path="/clarion/news/world/157-ukrainians-freed-new-prisoner-swap.html",
    title="157 Ukrainians freed in new prisoner swap",
    published="2026-02-05T14:20:00Z",
    author="Danny Royce",
    summary="Seven civilians among those home; Moscow silent on its numbers.",
    exchange="2026-02-05",
    section="World News",
    read_also="H3",
    paras=(
        "ONE hundred and fifty-seven Ukrainians, seven of them civilians, are back home after a prisoner "
        "exchange today, Kyiv said.",
        "The swap was brokered with help from the United Arab Emirates and the United States.",
        "Moscow has not commented on how many Russians were returned.",
        "Relatives screamed with joy as the buses pulled in at a secret location near the border.",
    ),
)

I2_REVISION_2 = Article(
    key="I2",
    outlet="clarion",
    path=I2_REVISION_1.path,
    title="157 Ukrainians freed as Russia gets back 160 in new prisoner swap",
    published=I2_REVISION_1.published,
    updated="2026-02-05T19:45:00Z",
    author="Danny Royce",
    summary="Russia's Defence Ministry now gives its figure: 160 returned.",
    exchange="2026-02-05",
    section="World News",
    read_also="H3",
    paras=(
        "Updated 5 February 2026, 19:45 GMT: adds Russian Defence Ministry figures.",
        "ONE hundred and fifty-seven Ukrainians, seven of them civilians, are back home after a prisoner "
        "exchange today, Kyiv said.",
        "The swap was brokered with help from the United Arab Emirates and the United States.",
        "Russia's Defence Ministry said this evening that 157 servicemen and three civilians from the "
        "Kursk region had been returned, 160 people in all.",
        "Relatives screamed with joy as the buses pulled in at a secret location near the border.",
    ),
)

I3 = Article(
    key="I3",
    outlet="holos",
    path="/holos/news/2026/02/05/obmin-157-ukraintsiv-udoma.html",
    title="Обмін полоненими: 157 українців удома, серед них семеро цивільних",
    published="2026-02-05T13:30:00Z",
    author="Олена Ткачук",
    summary="Обмін відбувся за посередництва ОАЕ та США.",
    exchange="2026-02-05",
    section="Війна",
    read_also="H4",
    paras=(
        "У четвер, 5 лютого, з російського полону повернулися 157 українців, серед них семеро цивільних.",
        "Обмін відбувся за посередництва Об'єднаних Арабських Еміратів та Сполучених Штатів.",
        "Звільнені — військові Збройних сил, Національної гвардії та прикордонники.",
        "Усі вони пройдуть медичне обстеження та реабілітацію.",
    ),
)

I4 = Article(
    key="I4",
    outlet="vestnik",
    path="/vestnik/politika/2026/02/05/vernulis-157-voennykh-i-troe-zhiteley-kurskoy-oblasti.html",
    title="Из украинского плена вернулись 157 военных и трое жителей Курской области",
    published="2026-02-05T15:10:00Z",
    author="Игорь Савельев",
    summary="Посредниками выступили ОАЭ и США.",
    exchange="2026-02-05",
    section="Политика",
    read_also="H5",
    paras=(
        "В четверг в Россию вернулись 157 военнослужащих, а также трое мирных жителей Курской области, "
        "всего 160 человек.",
        "В обмен украинской стороне переданы 157 военнопленных.",
        "Посредниками выступили Объединённые Арабские Эмираты и США.",
        "Все освобождённые получат медицинскую помощь.",
    ),
)

I5 = Article(
    key="I5",
    outlet="courier",
    path="/courier/news/2026/02/06/two-valley-men-among-157-freed.html",
    title="Two valley men among 157 freed in yesterday's swap",
    published="2026-02-06T09:10:00Z",
    author="Iryna Savchuk",
    summary="Russia got back 160 people, including three civilians.",
    exchange="2026-02-05",
    section="News",
    read_also="N5",
    paras=(
        "Two men from the valley were among the 157 Ukrainians freed in yesterday's prisoner exchange, "
        "their families confirmed.",
        "Seven civilians were among those returned. In exchange, Russia got back 160 people: 157 "
        "soldiers and three civilians from its Kursk region.",
        "The United Arab Emirates and the United States acted as mediators.",
        "One of the men, a border guard, had been held for almost three years, his brother said.",
        "The district council plans a small welcome at the bus station once the men have finished "
        "their medical checks.",
    ),
)

# --------------------------------------------------------------------------------------------
# Negatives: pages that mention exchanges, swaps, prisoners or returns, but report no POW
# exchange as news.
# --------------------------------------------------------------------------------------------
N1 = Article(
    key="N1",
    outlet="meridian",
    path="/meridian/world/europe/2024/01/05/heavy-exchange-of-fire-along-dnipro.html",
    title="Heavy exchange of fire along the Dnipro as winter fighting continues",
    published="2024-01-05T12:10:00Z",
    author="Oleksii Brovko",
    summary="Shelling on both banks lasted through the night, officials say.",
    read_also="G1",
    exchange=None,
    link_suffix=UTM,
    extra_feeds=("meridian-europe",),
    paras=(
        "KHERSON, Jan 5 (Meridian) - Ukrainian and Russian forces kept up a heavy exchange of fire across "
        "the Dnipro river overnight, with shelling reported on both banks, regional officials said.",
        "The exchange of fire lasted more than six hours, and two residential buildings were damaged, the "
        "regional administration said. No casualties were reported.",
        "Russian forces fired 118 shells at the region over the past day, according to the governor.",
        "Moscow said its troops had repelled attempts to cross the river.",
    ),
)

N2 = Article(
    key="N2",
    outlet="meridian",
    path="/meridian/world/europe/2025/05/16/negotiators-agree-to-swap-1000-prisoners-each.html",
    title="Negotiators agree to swap 1,000 prisoners each after first direct talks in years",
    published="2025-05-16T18:20:00Z",
    author="Hanna Voloshyn",
    summary="No date was set for the exchange, delegates said.",
    read_also="H1",
    exchange=None,
    link_suffix=UTM,
    paras=(
        "ISTANBUL, May 16 (Meridian) - Russian and Ukrainian delegations agreed on Friday to swap 1,000 "
        "prisoners of war each, the only concrete result of their first direct talks in years.",
        "Neither side said when the exchange would take place, and officials cautioned that lists still "
        "had to be agreed.",
        "If carried out, it would be the largest exchange of the war.",
        "Delegates said they would keep working on other humanitarian issues, including the return of "
        "the bodies of fallen soldiers.",
    ),
)

N3 = Article(
    key="N3",
    outlet="clarion",
    path="/clarion/sport/football/champions-in-shock-keeper-swap.html",
    title="CHAMPIONS IN SHOCK KEEPER SWAP",
    published="2025-08-20T21:30:00Z",
    author="Lee Marsh",
    summary="Two goalkeepers exchange clubs on deadline day.",
    exchange=None,
    section="Sport",
    paras=(
        "THE champions have stunned fans by agreeing a swap deal that sends their number one keeper to "
        "their fiercest rivals.",
        "Harbour City will receive goalkeeper Rob Fenwick in exchange, with the clubs also trading a "
        "youth player each.",
        "The two players swapped shirts in front of the cameras after passing their medicals.",
        "Supporters were split. One season-ticket holder said: \"You don't exchange your best player for "
        "theirs. Madness.\"",
    ),
)

N4 = Article(
    key="N4",
    outlet="clarion",
    path="/clarion/news/world/eleven-children-back-home.html",
    title="Eleven children back home after months in occupied territory",
    published="2025-06-12T17:05:00Z",
    author="Gemma Hartley",
    summary="Kids reunited with families after a rescue mission.",
    exchange=None,
    section="World News",
    paras=(
        "ELEVEN children taken to occupied territory have been returned to their families in Ukraine.",
        "The youngest is just four, according to the charity that helped bring them back.",
        "Officials said the returns were arranged through a humanitarian channel and were not part of a "
        "prisoner exchange.",
        "The children are now receiving medical and psychological support.",
    ),
)

N5 = Article(
    key="N5",
    outlet="courier",
    path="/courier/news/2026/02/04/snowstorm-closes-valley-roads.html",
    title="Snowstorm closes roads across the valley",
    published="2026-02-04T06:50:00Z",
    author="Bohdan Lytvyn",
    summary="Forecasters expect another 20 cm overnight.",
    exchange=None,
    section="Weather",
    paras=(
        "Heavy snow closed several roads across the valley overnight, and schools in three districts "
        "stayed shut on Wednesday.",
        "Snowploughs cleared the main highway by mid-morning, but side roads remained blocked, the "
        "roads service said.",
        "Forecasters expect another 20 centimetres of snow before the weekend, with temperatures falling "
        "to minus 15.",
        "Power engineers said they had restored electricity to 4,200 homes.",
    ),
)

N6 = Article(
    key="N6",
    outlet="courier",
    path="/courier/news/2025/10/02/lviv-exchange-students-swap-classrooms.html",
    title="Lviv exchange students swap classrooms with valley school",
    published="2025-10-02T10:15:00Z",
    author="Iryna Savchuk",
    summary="Twelve pupils spend a week in each other's schools.",
    exchange=None,
    section="Education",
    paras=(
        "Twelve pupils from Lviv arrived at the valley's lyceum on Monday for a week-long student exchange.",
        "In return, twelve local students will travel west next month, the head teacher said.",
        "The exchange programme, now in its third year, pairs classes for joint science projects.",
        "\"It is the best week of the school year,\" said one 15-year-old host.",
    ),
)

N7 = Article(
    key="N7",
    outlet="courier",
    path="/courier/business/2025/11/18/electricity-prices-jump-on-energy-exchange.html",
    title="Electricity prices jump on Ukraine's energy exchange",
    published="2025-11-18T15:00:00Z",
    author="Bohdan Lytvyn",
    summary="Day-ahead prices hit a record after attacks on power plants.",
    exchange=None,
    section="Business",
    paras=(
        "Day-ahead electricity prices on the Ukrainian Energy Exchange rose to a record on Tuesday after "
        "a week of attacks on power plants.",
        "Traders said volumes on the exchange fell by a fifth as suppliers held back capacity.",
        "The valley's largest employer, a steel plant, said it would shift production to night hours to "
        "save on costs.",
        "Analysts expect prices to stay high until repairs are finished.",
    ),
)

N8 = Article(
    key="N8",
    outlet="policydesk",
    path="/policydesk/analysis/2024-01-20-counting-the-returned.html",
    title="Counting the returned: 2,828 people brought home since 2022",
    published="2024-01-20T09:00:00Z",
    author="Dr. Marta Kowalczyk",
    summary="A look back at the exchanges that made up the total.",
    exchange=None,
    section="Data",
    paras=(
        "By Ukraine's count, 2,828 Ukrainians have been returned from Russian captivity since 2022.",
        "The first exchange, in March 2022, brought back 29 people, among them 19 civilian sailors.",
        "The pace picked up in the summer: in late June 2022 the sides swapped 144 for 144, and in "
        "September Turkey and Saudi Arabia helped free 215.",
        "The record so far came on 3 January this year, when 230 Ukrainians came home with the United "
        "Arab Emirates as mediator.",
        "Our tracker will be updated after each new exchange.",
    ),
)

N9 = Article(
    key="N9",
    outlet="holos",
    path="/holos/news/2025/01/24/povernuly-tila-757-zahyblykh.html",
    title="Україні повернули тіла 757 загиблих захисників",
    published="2025-01-24T12:00:00Z",
    author="Андрій Мельник",
    summary="Ідентифікація триватиме кілька місяців.",
    exchange=None,
    section="Війна",
    paras=(
        "Україні повернули тіла 757 загиблих військових, повідомили в Координаційному штабі.",
        "За попередніми даними, більшість загиблих — з Донецького напрямку.",
        "Слідчі та експерти проведуть ідентифікацію, після чого тіла передадуть родинам.",
        "Репатріація тіл відбувається окремо від обмінів полоненими.",
    ),
)

N10 = Article(
    key="N10",
    outlet="holos",
    path="/holos/economy/2025/03/20/kurs-valiut-hryvnia-podeshevshala.html",
    title="Курс валют: гривня подешевшала до долара на міжбанку",
    published="2025-03-20T09:30:00Z",
    author="Ірина Гнатюк",
    summary="У пунктах обміну валют долар також подорожчав.",
    exchange=None,
    section="Економіка",
    paras=(
        "На міжбанківському валютному ринку гривня в четвер подешевшала до долара на 12 копійок.",
        "У пунктах обміну валют долар продають у середньому по 41,9 гривні.",
        "Національний банк провів інтервенції, продавши понад 600 мільйонів доларів за тиждень.",
        "Банкіри очікують, що курс залишиться стабільним до кінця місяця.",
    ),
)

N11 = Article(
    key="N11",
    outlet="holos",
    path="/holos/society/2025/09/10/obmin-dosvidom-likari.html",
    title="Обмін досвідом: лікарі з Польщі та України провели спільну конференцію",
    published="2025-09-10T11:00:00Z",
    author="Ірина Гнатюк",
    summary="Понад 200 медиків обговорили реабілітацію поранених.",
    exchange=None,
    section="Суспільство",
    paras=(
        "У Львові завершилася дводенна конференція, на якій лікарі з Польщі та України обмінялися досвідом "
        "реабілітації поранених.",
        "Участь у заході взяли понад 200 медиків, повідомили організатори.",
        "Польські колеги передали українській лікарні 15 комплектів обладнання для фізіотерапії.",
        "Наступну зустріч заплановано на весну.",
    ),
)

N12 = Article(
    key="N12",
    outlet="vestnik",
    path="/vestnik/ekonomika/2025/04/07/indeks-mosbirzhi-snizilsya.html",
    title="Индекс Мосбиржи снизился на 1,2% на фоне падения нефти",
    published="2025-04-07T16:40:00Z",
    author="Ксения Орлова",
    summary="Торги на Московской бирже завершились снижением.",
    exchange=None,
    section="Экономика",
    paras=(
        "Индекс Московской биржи по итогам торгов в понедельник снизился на 1,2%.",
        "Сильнее рынка подешевели акции нефтяных компаний, отметили аналитики.",
        "Объём торгов на бирже составил около 95 млрд рублей.",
        "Курс доллара на внебиржевом рынке почти не изменился.",
    ),
)

N13 = Article(
    key="N13",
    outlet="vestnik",
    path="/vestnik/politika/2025/06/03/dogovorilis-ob-obmene-1200.html",
    title="Стороны договорились об обмене 1200 пленными",
    published="2025-06-03T10:20:00Z",
    author="Игорь Савельев",
    summary="Сроки обмена пока не определены.",
    exchange=None,
    section="Политика",
    paras=(
        "Россия и Украина договорились обменять 1200 пленных, сообщил источник в делегации.",
        "Обмен пока не состоялся, сроки будут согласованы дополнительно.",
        "Стороны также обсудили передачу тел погибших военнослужащих.",
        "Списки для обмена должны быть подготовлены в ближайшие недели.",
    ),
)

ARTICLES: tuple[Article, ...] = (
    A1, A2, B1, B2, B3, C1, C2, C3, D1, D2, D3, E1, E2, F1, F2, F3,
    G1, G2, G3, G4, G5, H1, H2, H3, H4, H5, H6, I1, I2_REVISION_1, I3, I4, I5,
    N1, N2, N3, N4, N5, N6, N7, N8, N9, N10, N11, N12, N13,
)  # fmt: skip

# Revision 2 of the site replaces these (same key and path).
REVISION_2: tuple[Article, ...] = (I2_REVISION_2,)
