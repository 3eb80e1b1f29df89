"""Prisoner-of-war exchanges reported in one article (English, Ukrainian, Russian, German, French basics), as rules.

`extract_exchanges(text, published=..., title=...)` reads cleaned article text (one paragraph per
line) and returns the exchanges the article reports as news, as `ExchangeMention`s (usually one).

How it reads a text:
French is read at a basic level (vocabulary, number words, weekdays, months).

1. Page furniture ("Read more: ...", "Share this", "Advertisement", "[Photo: ...]" captions,
   breadcrumbs, a repeated headline) is dropped; a short first line without a full stop is taken
   as the headline (used only when the body gives no figure). The rest is split into sentences
   (abbreviations, "Nov. 24", German "der 58. Austausch" kept whole), then clauses (at ";",
   quotes, "while", "but", "а", "але", "но").
2. Every number (digits, "1,000", "1 000", "1.000", or words in four languages: `tasks.numbers`)
   that quantifies people in a sentence about a return becomes a *count* with:
   - a side, in this order: "Ukraine's 207"; the nationality in its noun phrase ("230 Ukrainian
     soldiers", "военнопленных ВСУ", "Azov fighters"); "of its/their (own)" resolved to the
     nearest country before it; a direction ("from Russian captivity", "to Russia", "з полону",
     "с подконтрольной Киеву территории"); "N for N", "each", "по N", "je/jeweils" (both sides);
     the side of the count it adds to; a stated total ("combined", "in all"); the subject and its
     verb ("Russia released" -> Ukraine, "Ukraine brought home" / "Україна повернула" -> Ukraine);
     "X said N came home" -> X's people; else a total when the clause is about the swap;
   - a group: main, wounded or civilians; bodies, children and other countries' prisoners
     ("32 Armenian servicemen") are not counted at all;
   - a relation to the count before it: additive ("as well as 22 seriously injured", "185
     servicemen and 20 civilians", "also releasing 22 wounded"), subset ("including seven
     civilians", "Ninety-five of the soldiers", a breakdown after a colon or dash), or a whole
     ("55 servicemen and Medvedchuk - 56 people in all");
   - whether it is approximate ("about 448", "nearly 500", "over 200"): only ever a stated total;
   - and it is dropped when its clause is an agreement, plan or promise ("agreed to swap",
     "will exchange", "домовилися", "договорились", "vereinbart"); a running total ("since
     2022", "so far", "already", "brings the total to", "in 62 exchanges", "over three days");
     a recalled swap (a date more than three days before publication, "last August", "the
     previous exchange", "..., when 189 were returned") unless the clause also has a current date;
     "without an exchange"; or people still held or sentenced rather than returned.
3. Per side: each statement (a base count plus its additive parts) is a claim; subgroup-only
   statements ("In addition, Russia handed over 31 wounded") add to the main figure stated
   before them. The figure is the claim made most often; claims under 60% of it are taken as
   subgroups. When claims disagree, each side's own statement about its returnees wins (Kyiv's
   count of Ukrainians, Moscow's of Russians) and the mention is `is_disputed`, as it is when a
   stated total disagrees with the sum. "The same number" mirrors the other side's figure.
4. The event date is the first current date (publication day to three days before; a weekday up
   to six days before) in the sentences the figures came from, else in the other sentences about
   the swap, else the publication date. Weekdays ("у середу", "am Mittwochabend"), "yesterday",
   "last night", month-day without year, datelines and explicit dates resolve against `published`.
5. Several days: a live blog whose dated entries ("Saturday 24 May") report different figures
   gives one mention per day; in prose the newest day is the news and an older day with other
   figures is a recalled stage.
6. Mediators: ISO codes of countries (`data/mediators.toml`) in a sentence with a mediation cue
   ("brokered by", "за посередництва", "при посредничестве", "vermittelt", "thanked the UAE for
   its help") that is about the swap, or stands alone and is neither future nor past; "US-mediated
   talks" is about talks. Exchange number: an ordinal right before "exchange" ("49th",
   "forty-ninth", "49-й обмін", "der 58. Austausch"), not "the fifth this year".

Also: a line under a "Read also:" label, or a headline-like line with a figure between paragraphs
not about a return, links another story; "lists/names of 1,000 prisoners" are paper, not returns;
a deal named by its size ("в рамках обмена «1000 на 1000»", "a stage of an exchange of 1,000
each") is no figure beside the stage's own count, and "under the ... agreement" is its framework,
not a plan; "that summer", "back then", "such as the swap of", "a 2023 exchange", "the biggest
swap of the year" look back; "exchange of fire/information" is another sense, and a bare total
needs captives or a swap verb; "55 soldiers and the politician X" adds one; "the same number of
servicemen" mirrors the military part; a capital beside a cue mediates ("brokered by Abu
Dhabi"), a nationality of people freed ("two US citizens") does not; the day of a dateline or of
"said on Friday" yields to the swap's own day ("late Thursday").

From real reporting (issue 3): background the reader is reminded of ("Напомним, ...",
"Нагадаємо, ...", "As a reminder", "beim letzten Austausch") and a swap dated by part of a month
("in mid-September", "Ende Juni", "наприкінці серпня", "the swap of December 2024") look back, as
does a count right after an old date and "when" ("freed in April 2023, when 100 came home");
a clause without a date of its own shares the old date of the clause before it. Plans also
include deals struck, swaps being prepared, refused, postponed or called off ("reached a deal to
swap", "готуються до обміну", "the next swap", "had refused to take back", "перенесли",
"сорвался", a headline "swap to begin"), unless the swap "finally took place". A headline that
reviews a year or month ("Year in review", "Підсумки 2024 року", "June in numbers") reports no
swap as news; "this month" and "in three stages" are running totals; "held since 2014" is how
long, and "still held" belongs only to the figure beside it. Sides: an unqualified "из плена/з
полону" after a subject's get-verb is that subject's people ("Россия вернула из плена 246");
"the return of N" reported by a side, a bare figure after a side's verb ("In return, Kyiv freed
84."), a left-out verb ("Ukraine received 84; Russia 84", "Україна отримала 95, Росія - 94"), a
pronoun subject ("in addition, it released 22 wounded"), "Zelensky said 84 came home", residents
of Russia's border regions; "an exchange of 206 captives between the Russian Federation and
Ukraine" is a total; "the 34-year-old", "three Russian prisons" are no people. Parts:
"96 servicewomen and 12 civilians were among those released", "Unter den Heimkehrern", a
breakdown listed with commas, citizens returned "in addition" (civilians), a left-out noun
keeping the group of the figure before ("31 wounded ... and Russia 15"); a subset marker followed
by a verb of its own, or a breakdown's dash before the other side's statement, opens no subset.
Choosing: a tie is broken by the headline's figure (or the lead, when the other is far larger),
and a figure far above the best-supported one is another quantity, never a rival. Dates:
"Friday's swap", "Накануне Минобороны ...", another sentence's "the swap took place on Friday"
over "said on Saturday"; a live blog's time-stamped entries ("Posted at 18:02", "17:20") are
the publication day's. Mediators: "helped arrange", "played a key role", thanks to "everyone who
helped, in particular the UAE"; not a mediation only offered ("had earlier offered to mediate"),
not "citizens of Britain, the United States ...", and each cue names the countries of its own
clause (a clause about children's returns names none). A report naming no other country is this
war's when it names Russian servicemen or Kyiv's speaker; "55 soldiers and Viktor Medvedchuk, a
pro-Russian politician" adds one; "175+22" is a sum; "returned to Ukraine ... and the same number
to Russia" takes the nearer direction; "из плена возвращены 84, сообщило Минобороны России" is
Russia's; a bare figure after bodies ("... 6,000 bodies; Ukraine returned 78.") counts bodies.

From eval/holdout2 (a development set since 2026-12-08): a comparison recalls nothing ("as in
previous swaps", "как и в предыдущие разы", "wie schon beim letzten Austausch"); "на сьогодні",
"as of today", "a year ago today" are no date; a holiday as a time ("At Easter", "На Великдень",
"zu Ostern": Orthodox Easter; "at Christmas") resolves to its latest day; the people's own history
("who had been held in Ukraine since last year") dates nothing; "it was the 52nd exchange ...,
when ..." keeps the ordinal; a part with a subject and verb of its own ("..., and Moscow also
received three civilians") is that side's, an unsided extra in the next sentence ("Twelve civilians
were also freed") the one side stated just before; residents of a region among the freed are where
they come from (Kursk residents are civilians); "as well as Viktor Medvedchuk, a ... politician"
adds one; "По его словам", "According to him" take the speaker before; "своїх" is the subject's, not
the dative recipient's; counted people are not blanked across "while"; French "de ses", "ainsi
que"; German "zusätzlich", "außerdem", "zudem" and a verb before its subject ("bekam die Ukraine 84
zurück"); "a dozen", "84 человека"; a "Who ...?" question binds its verbless answer; an unsided
"brought home" is the side of the dateline's capital ("KYIV —"); day subheadings ("Friday: 390
each") head their day, "a three-day operation" / "триденний обмін" is a running total, "303
soldiers on each side" is a figure whatever the verb, and a comma plus the other country's verb
opens its own statement; a swap set apart from the Moscow-Kyiv exchanges ("nichts zu tun", "не
имеет отношения") is not this war's; a negated return does not make a called-off swap go ahead.
Mediators: "вновь", "в переговорах" (not peace talks), a pronoun opening the sentence after the
country ("It called the release the result of its mediation"), "the Emiratis"; not a cue in a clause
of an earlier year ("In 2022, Turkey brokered ..."), and an aside about the mediator (", which has
mediated most swaps since 2024") is neither a tally nor the cue's clause.

Known gaps: a weekly digest reporting two swaps a week apart keeps only the recent one; a named
person added to a count with neither a title nor a restated total ("55 soldiers and Medvedchuk")
is not counted; an unsided extra after a both-sides figure stays unsided; a swap reported with no
figure gives no mention; "у ніч на п'ятницю" and "the day after talks on Thursday" are not
resolved; a bare "thanked the UAE" names no mediator; languages other than these five.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from tasks.dates import DateSpan, find_dates, find_stated_date
from tasks.models import ExchangeMention
from tasks.numbers import NumberSpan, find_numbers

UA, RU, BOTH, TOTAL = "ua", "ru", "both", "total"
MAIN, WOUNDED, CIVILIAN = "main", "wounded", "civilian"

_I = re.IGNORECASE


def _rx(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _lowercase_pattern(pattern: str) -> str:
    """`pattern` with its literals lowercased and its escapes kept (`\\W` is not `\\w`)."""
    out: list[str] = []
    position = 0
    while position < len(pattern):
        if pattern[position] == "\\" and position + 1 < len(pattern):
            out.append(pattern[position : position + 2])
            position += 2
        else:
            out.append(pattern[position].lower())
            position += 1
    return "".join(out)


def _lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-sensitive twin of a case-insensitive pattern, for text already lowercased: Python's
    `re` scans a long IGNORECASE alternation about five times slower. Only for yes/no tests (a
    lowercased string can differ in length, so its match positions are not the original's)."""
    return re.compile(_lowercase_pattern(pattern.pattern), pattern.flags & ~re.IGNORECASE)


# --- vocabulary ---------------------------------------------------------------------------

# the sentence talks about an exchange or a return of captives
_TRIGGER_RE = _rx(
    r"exchang|swap|prisoner|\bPOWs?\b|captiv|captured|freed|releas|returned|\breturns?\b|"
    r"\d\s*-?(?:for|на|gegen|um|contre)-?\s*\d|"
    r"gefangen|austausch|ausgetauscht|getauscht|tauschen|freigelassen|freigekommen|heimgekehrt|"
    r"zurückgekehrt|übergeben|übergab|heimkehr|rückkehr|erhielt|\bzurück\b|"
    r"(?:came|come|coming|returning|are|were|got|brought) (?:back )?home|reunited|changed hands|"
    r"(?:walked|walk|went|go|set|were set) free|\bgot (?:\w+ ){0,5}back\b|prison|jail|"
    r"brought (?:back|home)|brings? (?:back|home)|bringing (?:back|home)|handed (?:over|back)|transferr|"
    r"repatriat|recovered|back home|homecoming|traded|"
    r"received|got back|отримал|получил|"
    r"обмін|обміня|полон|повернул|повернув|повернен|повернут|поверта|звільн|передал|передан|додому|на батьківщину|"
    r"обмен|обменя|плен|вернул|возвращ|освобо|домой|на родину|"
    r"échang|prisonnier|libér|captivit|rentr|relâch|récupér|rapatri"
)
_EXCHANGE_WORD_RE = _rx(
    r"exchang|swap|trade|traded|обмін|обміня|обмен|обменя|austausch|ausgetauscht|tausch|échang"
)

_PEOPLE = (
    r"prisoners?|POWs?|P\.O\.W\.?s?|soldiers?|servicem[ae]n|service ?(?:members?|men|women|personnel)|"
    r"servicewomen|personnel|troops?|defenders?|captives?|detainees?|people|persons?|individuals?|"
    r"civilians?|citizens?|nationals?|Ukrainians?|Russians?|fighters?|marines?|sailors?|officers?|men|"
    r"women|combatants?|(?<=ukrainian )ones|(?<=russian )ones|military|guardsmen|guards?|medics?|hostages?|warriors?|heroes|wounded|injured|"
    r"patients?|conscripts?|pilots?|paratroopers?|volunteers?|commanders?|residents?|others|"
    r"полонен\w*|військовополонен\w*|військов\w*|військовослужбовц\w*|військовослужбовець|захисник\w*|"
    r"захисниц\w*|бійц\w*|боєць|людей|людини|осіб|особи|цивільн\w*|громадян\w*|українц\w*|українок|"
    r"росіян\w*|морпіх\w*|прикордонник\w*|нацгвардійц\w*|медик\w*|героїв|героя|воїн\w*|поранен\w*|"
    r"пленн\w*|военнопленн\w*|военнослужащ\w*|военн\w*|защитник\w*|бойц\w*|человека?|гражданск\w*|"
    r"граждан\w*|украинц\w*|россиян\w*|солдат\w*|моряк\w*|пограничник\w*|морпех\w*|офицер\w*|"
    r"жител\w*|мешканц\w*|ранен\w*|тяжелоранен\w*|тяжкопоранен\w*|заручник\w*|бранц\w*|"
    r"gefangene\w*|kriegsgefangene\w*|soldaten|soldatinnen|militärangehörige\w*|armeeangehörige\w*|"
    r"zivilist\w*|verwundete\w*|menschen|personen|ukrainer\w*|russen|kämpfer\w*|verteidiger\w*|"
    r"häftling\w*|heimkehrer\w*|"
    r"prisonniers?|soldats?|militaires?|civils?|personnes|combattants?|défenseurs?|ukrainien\w*|russes?|"
    r"otages?|blessés?|captifs?|détenus?|hommes|femmes|marins?"
)
_PEOPLE_RE = _rx(rf"(?<!\w)(?:{_PEOPLE})(?!\w)")
_BODY_RE = _rx(
    r"(?<!\w)(?:bod(?:y|ies)|remains|fallen|killed|dead|тіл\w*|тела|тел|загибл\w*|погибш\w*|останк\w*)(?!\w)"
)
_CHILD_RE = _rx(
    r"(?<!\w)(?:children|child|kids|minors|teenagers|діт\w*|дитин\w*|детей|дети|ребен\w*|подростк\w*)(?!\w)"
)
_WOUNDED_RE = _rx(
    r"wounded|injur|verwundet|verletzt|blessé|seriously ill|severely ill|sick|поранен|тяжкопоранен|тяжкохвор|ранен|тяжелоранен|тяжелобольн"
)
_CIVILIAN_RE = _rx(
    r"civilian|zivil|\bcivils?\b|residents?\b|цивільн|мирн\w* (?:жител|мешканц|громадян)|гражданск|мешканц|жител"
)

_RESIDENTS_RE = _rx(r"\bresidents?\b|\binhabitants?\b|\bnatives?\b|мешканц\w*|жител\w*|уродженц\w*|einwohner\w*|bewohner\w*|habitants?")
_CIVILIAN_WORD_RE = _rx(r"civilian|zivil|\bcivils?\b|цивільн|гражданск|мирн")
_BORDER_REGION_RE = _rx(r"\b(?:kursk|belgorod|bryansk)\b|курськ\w*|курск\w*|бєлгород\w*|белгород\w*|брянськ\w*|брянск\w*")
_UA_NAT_RE = _rx(
    r"ukrain\w*|україн\w*|украин\w*|\bЗСУ\b|\bВСУ\b|\bВФУ\b|defenders?|захисник\w*|захисниц\w*|"
    r"azov\w*|азов\w*|mariupol\w*|маріупол\w*|"
    r"kyiv's|kiev's|our (?:soldiers|defenders|warriors|heroes|people|guys)|наших|ukrainien\w*"
)
_OTHER_NAT_RE = _rx(
    r"\b(?:armenian|azerbaijani|american|us|german|polish|israeli|palestinian|georgian|belarusian|"
    r"british|french|lithuanian|latvian|estonian|norwegian|slovenian|indian|chinese|iranian|syrian|"
    r"foreign)s?\b|ausländer\w*|вірмен\w*|азербайдж\w*|армян\w*|американ\w*|іноземн\w*|иностран\w*"
)
_RU_NAT_RE = _rx(
    r"russia\w*|russisch\w*|russen\b|\brusses?\b|росі\w*|російськ\w*|росіян\w*|росси\w*|россий\w*|россиян\w*|\bРФ\b|moscow's|kremlin's|"
    # residents of Russia's border regions: "восемь жителей Курской области"
    r"\bkursk\b|\bbelgorod\b|курськ\w*|курск\w*|бєлгородськ\w*|белгородск\w*"
)
# countries as actors, for "of its/their" and for subject + verb
_UA_ACTOR_RE = _rx(
    r"\b(?:ukrain\w*|kyiv|kiev|kiew|zelensk\w*|selenskyj)|україн\w*|київ\w*|украин\w*|киев\w*|зеленск\w*|зеленськ\w*"
)
_RU_ACTOR_RE = _rx(
    r"\b(?:russia\w*|russland|russie|moscow|moskau|moscou|kremlin|kreml|putin)|росі\w*|москв\w*|кремл\w*|росси\w*|путин\w*|путін\w*"
)

# where the people went
_TO_UA_RE = _rx(
    r"(?:from|out of) (?:the )?(?:russian|russia's|enemy) (?:captivity|custody|prisons?|detention|jails?)|"
    r"(?:home |back )?to ukraine\b|into ukraine\b|to ukrainian(?:-controlled)? territory|"
    r"з (?:російського |ворожого )?полону|з росії|з рф|в україну|до україни|"
    r"aus (?:der )?russische[nr]? gefangenschaft|in die ukraine|"
    r"\b(?:україні|украине)\s+(?:передал\w*|передан\w*|повернул\w*|вернул\w*)|"
    r"(?:передал\w*|передан\w*|повернул\w*|вернул\w*|отдал\w*|віддал\w*)\s+(?:україні|украине)\b|"
    r"(?:to the ukrainian side|українській стороні|украинской стороне)|"
    r"из (?:российского )?плена(?! ВСУ)|в украину|на украину|на батьківщину|додому|"
    r"(?:de|d'une) (?:la )?captivité russe|en ukraine\b|vers l'ukraine"
)
_TO_RU_RE = _rx(
    r"(?:from|out of) (?:the )?(?:ukrainian|ukraine's) (?:captivity|custody|prisons?|detention)|"
    r"from (?:the )?territor(?:y|ies) (?:controlled by|under the control of) (?:the )?(?:kyiv|kiev)|"
    r"from (?:kyiv|kiev)-(?:controlled|held)|(?:home |back )?to russia\b|into russia\b|"
    r"(?<!з )(?<!із )(?<!до )\bросії\s+(?:передал\w*|передан\w*|повернул\w*|віддал\w*)|"
    r"(?<!из )\bроссии\s+(?:передал\w*|передан\w*|вернул\w*|отдал\w*)|"
    r"(?:передал\w*|передан\w*|повернул\w*|вернул\w*|отдал\w*|віддал\w*)\s+(?:росії|россии)\b|"
    r"з українського полону|до росії|в росію|an russland|nach russland|aus (?:der )?ukrainische[nr]? gefangenschaft|to the russian side|російській стороні|российской стороне|"
    r"из украинского плена|из плена ВСУ|с подконтрольной (?:киеву|киевскому режиму|украине) территории|"
    r"с территории,? подконтрольной|в россию|на родину|en russie\b|(?:de|d'une) (?:la )?captivité ukrainienne"
)
# verbs: the actor gives people away ("Russia released") or gets them back ("Ukraine brought home")
_GIVE_RE = _rx(
    r"releas\w*|freed|frees|free|handed (?:over|back)|hands? (?:over|back)|transferr\w*|gave|gives|"
    r"passed|returned|returns|let go|libéré\w*|relâché\w*|remis|handing (?:over|back)|giving (?:up|back)|releasing|freeing|"
    r"übergab\w*|übergeben|freigelassen|ließ\w* frei|"
    r"звільнил\w*|передал\w*|передає|віддал\w*|освободил\w*|отдал\w*|отпустил\w*|відпустил\w*"
)
_GET_RE = _rx(
    r"brought (?:back|home)|brought(?=\s*$)|brings? (?:back|home)|got back|gets back|recovered|received|secured|"
    r"welcomed|won (?:back )?the release|repatriated|took back|\bgot\b|\bgets\b|erhielt\w*|bekam\w*|"
    r"повернул\w*|отримал\w*|вернул\w*(?!ся)|получил\w*|забрал\w*|récupéré\w*|ramené\w*|rapatrié\w*|"
    r"holte\w*|zurückgeholt|geholt|brachte\w* (?:\w+ ){0,3}?(?:zurück|heim|nach hause)"
)
_COMPLETED_RE = _rx(
    r"\b(?:returned|released|freed|exchanged|swapped|traded|handed (?:over|back)|transferred|came (?:back )?home|"
    r"come (?:back )?home|brought (?:back|home)|got back|recovered|repatriated|received|took place|"
    r"completed|carried out|conducted|held|liberated|reunited|has returned|have returned|were|"
    r"ausgetauscht|freigelassen|freigekommen|zurückgekehrt|heimgekehrt|übergeben|übergab|erhielt|erhielten|"
    r"abgeschlossen|tauschten|wurden)\b|"
    r"повернул\w*|повернен\w*|звільнен\w*|звільнил\w*|обміняли|обмінялися|передал\w*|отримал\w*|"
    r"відбувся|відбулося|вдалося|провели|"
    r"вернул\w*|возвращен\w*|освобожден\w*|освободил\w*|обменял\w*|передан\w*|получил\w*|"
    r"состоялся|провели|удалось|"
    r"\b(?:libérés?|libérées?|échangés?|rentrés?|relâchés?|récupéré|a eu lieu|ont été|sont)\b"
)
_FUTURE_RE = _rx(
    r"(?<!the )(?<!an )(?<!previously )\b(?:will|would|shall|agreed|agree|agreement|agreeing|deal to|plans?|planned|planning|set to|"
    r"expected to|expects? to|expecting to|aims? to|seeks? to|is to be|are to be|to be (?:exchanged|swapped|released|returned|freed)|ready to|"
    r"prepared to|proposed?|proposal|offered to|could|may|might|intends?|intended|hopes? to|hoping to|"
    r"wants? to|calls? for|called for|demand\w*|pending|upcoming|in the coming|next week|future|"
    r"potential|possible|announce\w* plans|to an exchange|for (?:an|a future|the next) exchange|"
    r"(?:reached|struck|reach|strike|clinched|sealed) (?:a |an )?(?:\w+ )?deal|being prepared|preparing (?:for|to)|"
    r"prepares? (?:for|to)|(?:is|are) to (?:exchange|swap|release|free|return|hand|trade)|"
    r"(?:the|a) next (?:prisoner )?(?:swap|exchange)|refus\w* to|refuses|declined to|rejected)\b|"
    r"наступн\w* обмін\w*|следующ\w* обмен\w*|готуємо|готуєм\w*|готовим|готовимся|відмовил\w*|відмовля\w*|"
    r"отказал\w*|отказыва\w*|\bweigert\w*|verweigert\w*|"
    # a headline's infinitive: "1,000-for-1,000 swap to begin on Friday"
    r"(?<!first )(?<!largest )(?<!biggest )(?<!only )(?<!latest )"
    r"(?<!first prisoner )(?<!largest prisoner )(?<!biggest prisoner )\b(?:swap|exchange)s?\s+to\s+"
    r"(?:begin|start|resume|go ahead|take place)\b|"
    r"готуют\w*|готуєть\w*|готуєт\w*|готується|готовят\w*|готовит\w*|готовится|"
    r"для обміну|для обмена|"
    r"\b(?:soll|sollen|wollen|vereinbart\w*|geplant|planen|künftig|bereit|sollten)\b|"
    r"\bбуде\b|\bбудуть\b|домовил\w*|погодил\w*|погодж\w*|узгодил\w*|согласова\w*|условил\w*|домовленіст\w*|домовленост\w*|планує\w*|планую\w*|має відбутися|"
    r"готові|готова|запропонува\w*|пропону\w*|можлив\w*|майбутн\w*|очікує\w*|обміняються|повернуть|"
    r"відбудеться|\bбудет\b|\bбудут\b|договорил\w*|договоренност\w*|планиру\w*|должн[ыао]\b|готовы|"
    r"предлож\w*|возможн\w*|ожида\w*|обменяются|\bвернут\b|состоится|намерен\w*|"
    r"\bмо(?:же|жуть|жет|гут)\b|\bзавтра\b|\btomorrow\b|\bстан(?:е|уть|ет|ут)\b|"
    r"\b(?:va|vont|devrait|devraient|prévu\w*|accord|pourrait|pourraient|sera|seront)\b"
)
_CUMULATIVE_RE = _rx(
    r"\b(?:since|so far|to date|over the course of|throughout|already|thus far|until now|up to now|"
    r"over (?:the )?(?:two|three|four|five|several|\d+) days|in (?:two|three|four|\d+) days|"
    # "ending a three-day operation that returned 1,000 people to each side"
    r"(?:two|three|four|five|multi|several|\d+)-day (?:operation|exchange|swap|process|handover)|"
    r"(?:дво|три|трьох|чотири|двух|трех|трёх|четырех)денн\w*|(?:двух|трех|трёх|четырех)дневн\w*|"
    r"(?:zwei|drei|vier|mehr)tägig\w*|"
    r"за (?:два|три|чотири|\d+) дні|за (?:два|три|четыре|\d+) дня|"
    r"innerhalb von (?:zwei|drei|vier|\d+) tagen|seit|bisher|"
    r"\bin \d+ (?:exchanges|swaps)\b|(?:у|в) \d+ (?:обмін\w*|обмен\w*)|"
    r"in all (?:previous )?exchanges|cumulative\w*|altogether since|this year|this month|in (?:19|20)\d\d|as of|"
    r"in (?:two|three|four|five|\d+) (?:stages|rounds|phases|exchanges|swaps))\b|"
    r"за (?:два|три|чотири|п'ять|\d+) етап\w*|в (?:два|три|четыре|пять|\d+) этап\w*|цього місяця|в этом месяце|"
    r"з початку|від початку|досі|\bвже\b|\bуже\b|за весь час|за час|з (?:19|20)\d\d|станом на|протягом|"
    r"цього року|у (?:19|20)\d\d році|в (?:19|20)\d\d году|с начала|с момента|за все время|с (?:19|20)\d\d|"
    r"по состоянию на|на сегодняшний день|в течение|в этом году|к настоящему"
)
_SUPERLATIVE_RE = _rx(
    r"\b(?:largest|biggest|first|most|highest|last|only|größte\w*|erste\w*|letzte\w*)\b|найбільш\w*|"
    r"перш\w*|крупнейш\w*|перв\w*|наибольш\w*"
)
_RECALL_RE = _rx(
    r"\b(?:previous|prior|preceding|earlier) (?:prisoner )?(?:exchange|swap|one|round)s?|"
    r"\blast (?:prisoner )?(?:exchange|swap)\b|\bpreviously\b|\bbefore that\b|\bin the past\b|"
    r"\bearlier (?:this|last) (?:month|year)\b|\bearlier in the (?:month|year)\b|"
    r"раніше цього (?:місяця|року)|ранее в этом (?:месяце|году)|"
    r"попередн\w*|минулого разу|минулий обмін|предыдущ\w*|прошлый обмен|прошлого обмена|в прошлый раз|"
    # a statistic of a period: "the biggest swap of the year", "найбільший обмін року"
    r"\b(?:largest|biggest|first|last|smallest)\s+(?:\w+\s+){0,2}?(?:swap|exchange)s?\s+(?:of|in|this)\s+"
    r"(?:the\s+|this\s+)?(?:year|month|(?:19|20)\d\d)\b|\byear in review\b|\bin numbers\b|"
    r"(?:найбільш\w*|крупнейш\w*|наибольш\w*)\s+(?:\w+\s+){0,2}?(?:обмін\w*|обмен\w*)\s+(?:року|года|(?:19|20)\d\d)|"
    r"підсумк\w* року|итог\w* года|jahresrückblick|bilan de l'année|"
    # a time the story looks back to, or an example: "in a swap that summer", "such as the swap of 50"
    r"\bthat (?:summer|autumn|fall|winter|spring|year|month|day|week)\b|\bback then\b|\bat the time\b|"
    r"\bin those days\b|\bтого (?:року|літа|дня|года|лета)\b|\bтоді\b|\bтогда\b|\bdamals\b|"
    r"\b(?:such as|for example|for instance|e\.g\.)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:swap|exchange)|"
    r"наприклад|например|zum beispiel|par exemple|"
    # background the writer reminds the reader of: "Напомним, ...", "Нагадаємо, ...", "As a reminder"
    r"\bнапомн\w*|\bнагада\w*|\bнагадуємо\b|\bas a reminder\b|\brecall that\b|zur erinnerung|\brappel\w*|"
    r"\b(?:der|den|dem|beim)\s+(?:letzte\w*|vorherig\w*|vorige\w*)\s+(?:\w+)?austausch\w*|"
    r"\b(?:le\s+)?(?:dernier|précédent)\s+échange"
)
# "the 189 included two civilians": a breakdown of the returnees, wherever it stands
_BREAKDOWN_RE = _rx(
    r"(?:includ\w*|among them|серед них|среди них|зокрема|в том числе|у тому числі)\W+(?:\w+\W+){0,3}?"
    r"(?:civilian|wounded|injured|цивільн|поранен|гражданск|ранен)"
)
# a number the swap itself is measured in, with no side: a total of both directions
_SWAP_OF_BEFORE_RE = _rx(
    r"(?:exchange|swap|trade|exchanged|swapped|traded|обмін\w*|обміня\w*|обмен\w*|обменял\w*|"
    r"austausch\w*|tauschen|tauschten)\s+(?:of\s+)?(?:a\s+combined\s+|some\s+|about\s+|approximately\s+|"
    r"nearly\s+|almost\s+|around\s+|over\s+|more than\s+|roughly\s+|близько\s+|майже\s+|понад\s+|"
    r"около\s+|почти\s+|более\s+)?$"
)
_SWAPPED_AFTER_RE = _rx(
    r"^\s*(?:[^\W\d]+\s+){0,3}?(?:were|have been|had been|was|are)\s+(?:exchanged|swapped|traded)\b|"
    r"^\s*(?:[^\W\d]+\s+){0,3}?changed hands|"
    r"^\s*(?:[^\W\d]+\s+){0,3}?(?:were|have been|had been)\s+(?:released|freed)\s+in\s+(?:the|a|this)\s+(?:swap|exchange)"
)
_STILL_HELD_RE = _rx(
    r"\b(?:remain|remains|still held|are held|are being held|still in captivity|sentenced|convicted)\b|"
    r"перебува\w+|залишаються|остаются|находятся|засуди\w+|осуди\w+|verurteilt|befinden sich"
)
_RETURN_CONTEXT_RE = _rx(
    r"\b(?:home|free|freed|back|returned|released|exchanged|swapped|traded|handed|received|recovered|"
    r"repatriated|came|went|got|brought|returning|coming|walked|transferred|secured|swap|exchange|return|"
    r"changed hands)\b|"
    r"додому|домой|на родину|на батьківщину|повернул\w*|повернувся|повернен\w*|поверта\w*|звільн\w*|передал\w*|передан\w*|отримал\w*|"
    r"обмін\w*|обмен\w*|обменял\w*|вернул\w*|возвращ\w*|освобо\w*|получил\w*|"
    r"\d\s*-?(?:for|на|gegen|um|contre)-?\s*\d|frei\w*|zurück\w*|ausgetauscht|austausch|übergeb\w*|übergab|"
    r"heimgekehrt|erhielt\w*|rückkehr\w*|heimkehr\w*|tausch\w*|"
    r"libér\w*|échang\w*|rentr\w*|retour\w*|récupér\w*|relâch\w*|rapatri\w*|bekam\w*"
)
# "the swap, delayed for weeks, finally took place": put off, then done
_WENT_AHEAD_RE = _rx(
    r"\b(?:finally|eventually|at last|went ahead|took place|was completed|came home|returned home|"
    r"were (?:freed|released|exchanged|swapped))\b|нарешті|таки відбув\w*|наконец|вс[её]-таки|все ж|"
    r"повернулися|повернулись|вернулись|освобождены|звільнені|\bendlich\b|\benfin\b|heimgekehrt|freigelassen"
)
def _went_ahead(text: str) -> bool:
    """ "finally took place", "came home" — not "так і не повернулися", "never came home"."""
    return any(
        not re.search(r"(?:\bне|\bnot|\bnever|\bnicht|\bnie|\bpas)\s+(?:\w+\s+)?$", text[: m.start()], _I)
        for m in _WENT_AHEAD_RE.finditer(text)
    )


_CALLED_OFF = (
    r"\b(?:postponed|delayed|put off|called off|cancell?ed|fell through|collapsed|derailed|"
    r"did not (?:take place|happen|go ahead)|didn't (?:take place|happen|go ahead)|never (?:took place|happened)|"
    r"failed to (?:take place|happen|materiali[sz]e))\b|"
    r"перенесл\w*|перенесен\w*|перенесено|відклал\w*|відкладено|відкладен\w*|зірва\w*|не відбув\w*|скасова\w*|"
    r"отложи\w*|отложен\w*|сорва\w*|не состоял\w*|отмен\w*|"
    r"\b(?:verschoben|abgesagt|geplatzt|gescheitert)\b|\b(?:reporté|annulé)\w*"
)
_SWAP_NOUN = r"(?:exchange|swap|trade|обмін|обмен|austausch|gefangenenaustausch|échange)\w*"
_WITHOUT_EXCHANGE_RE = _rx(
    r"without (?:an? )?exchange|outside (?:of )?the exchange|без обміну|без обмена|"
    # a swap called off or put off: "the swap of 500 was postponed", "обмін перенесли", "сорвался"
    rf"{_SWAP_NOUN}[^.;]{{0,60}}?(?:{_CALLED_OFF})|(?:{_CALLED_OFF})[^.;]{{0,30}}?{_SWAP_NOUN}"
)

# "exchange" in another sense: fire, blows, information, views
_OTHER_SENSE_RE = _rx(
    r"(?:exchang\w*|swap\w*|trad\w*)\s+(?:of\s+)?(?:heavy\s+|artillery\s+)?(?:fire|gunfire|shots|blows|strikes|"
    r"shelling|information|data|intelligence|views|words|messages|insults|accusations|notes)\b|"
    r"обмін\w*\s+(?:вогнем|ударами|інформацією|думками)|обмен\w*\s+(?:огнем|ударами|информацией|мнениями)|"
    r"перестрілк\w*|перестрелк\w*|échang\w*\s+(?:de\s+|des\s+)?tirs|schusswechsel|feuergefecht"
)
_CAPTIVES_RE = _rx(
    r"prisoner|\bPOWs?\b|captiv|detainee|hostage|swap|exchanged|обмін|обмен|полон|бранц|плен|заручник|gefangen|"
    r"ausgetauscht|échang|prisonnier|captifs?|otages?"
)
_APPROX_BEFORE_RE = _rx(
    r"(?:about|approximately|approx\.?|around|roughly|nearly|almost|some|"
    r"(?<!handed )(?<!hand )(?<!hands )(?<!handing )(?<!turned )(?<!passed )over|more than|at least|up to|"
    r"close to|fewer than|less than|under|just over|just under|an estimated|upwards of|as many as|"
    r"in excess of|more then|etwa|rund|fast|knapp|mehr als|über|mindestens|beinahe|ungefähr|circa|ca\.|"
    r"близько|майже|понад|більше ніж|більш ніж|більше|щонайменше|приблизно|орієнтовно|принаймні|"
    r"около|почти|более|свыше|больше|не менее|порядка|примерно|приблизительно|как минимум|не меньше)"
    r"\s*$"
)
_APPROX_AFTER_RE = _rx(r"^\s*(?:or so|-plus|\+(?!\s*\d)|or more|odd)\b")
_EACH_BEFORE_RE = _rx(
    r"(?:\beach\b(?! other)|\bje\b|\bjeweils\b|\bboth\b[^,.;]{0,20}\beach\b|кожн\w*|каждая|каждой|каждый)[^,.;]{0,40}$"
)
# "303 soldiers on each side", "по 303 військових з кожного боку": a swap's figure, whatever the verb
_RECIPIENT_RE = _rx(
    r"(?<!\w)(?:україні|украине|росії|россии|києву|киеву|москві|москве|"
    r"to (?:ukraine|russia|kyiv|kiev|moscow)|an (?:die ukraine|russland|kiew|moskau)|à (?:l'ukraine|la russie|kiev|moscou))(?!\w)"
)
_OTHER_STATEMENT_RE = _rx(
    r",\s+(?:and\s+|а\s+|і\s+|и\s+|und\s+|et\s+)?(?=(?:russia|ukraine|moscow|kyiv|kiev|росі|україн|росси|украин|москв|київ|киев|"
    r"russland|moskau|kiew|la russie|l'ukraine)\w*\s+(?:\w+\s+)?(?:передал|передан|отримал|получил|повернул|вернул|"
    r"got|received|handed|released|freed|returned|erhielt|übergab|a reçu|a remis))"
)
_PEOPLE_EACH_SIDE_RE = _rx(
    r"\d[\d,  ]*\s+(?:[^\W\d]+\s+){0,2}?(?:soldiers|prisoners|POWs|servicem[ae]n|captives|troops|people|"
    r"військов\w*|полонен\w*|захисник\w*|военн\w*|пленн\w*|человек|людей|soldaten|gefangene\w*|soldats|prisonniers)"
    r"\s+(?:on|from|for) (?:each|either|both) sides?\b|"
    r"\d[\d,  ]*\s+(?:[^\W\d]+\s+){0,2}?(?:з кожного боку|з кожної сторони|с каждой стороны|auf jeder seite|pro seite|de chaque côté)"
)
_EACH_AFTER_RE = _rx(
    r"^[^,.;]{0,40}?(?:\beach\b|\bapiece\b|\bper side\b|from each side|on each side|from either side|"
    r"з кожного боку|з кожної сторони|кожна сторона|з обох боків по|с каждой стороны|каждая сторона|"
    r"pro seite|auf jeder seite|von jeder seite|je seite|par camp|de chaque camp|"
    r"chacun\w*|de chaque côté|de part et d'autre)"
)
_PO_BEFORE_RE = _rx(r"(?<!\w)по\s*$")
_TOTAL_NEAR_RE = _rx(
    r"insgesamt|combined|in total|total of|a total|in all\b|altogether|from both sides|on both sides|of both sides|"
    r"between (?:them|the two)|загалом|всього|усього|в общей сложности|всего|в целом|в сумме"
)
_TOTAL_AFTER_RE = _rx(
    r"^[^,.;]{0,30}?(?:from both sides|on both sides|in total|in all\b|combined|altogether|загалом|всего|в общей сложности)"
)
_BOTH_SUBJECT_RE = _rx(
    r"(?:russia|moscow|росія|россия|москва) (?:and|і|и|та) (?:ukraine|kyiv|kiev|україна|киев|киів|київ|украина)|"
    r"(?:ukraine|kyiv|kiev|україна|київ|украина|киев) (?:and|і|и|та) (?:russia|moscow|росія|россия|москва)|"
    r"\bthe two (?:sides|countries|nations)|\bboth (?:sides|countries)|\bthe sides\b|сторони|стороны"
)
_SUBSET_BEFORE_RE = _rx(
    r"(?:among|including|included|includes|incl\.|of whom|of them|among them|namely|in the group|of those|"
    r"зокрема|серед них|серед яких|серед(?!\w)|у тому числі|в тому числі|в том числе|среди них|среди которых|"
    r"среди(?!\w)|из них|з них|darunter|unter ihnen|"
    r"unter den (?:\w+ )?(?:heimkehrer\w*|freigelassenen|ausgetauschten|befreiten|zurückgekehrten)|\bof the \d)"
)
_SUBSET_OPENING_RE = _rx(rf"^\W*{_SUBSET_BEFORE_RE.pattern}")
_AMONG_RETURNEES_AFTER_RE = _rx(
    r"^[^.;:\d]{0,80}?\b(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:those|the)\s+(?:\w+\s+)?"
    r"(?:released|freed|returned|exchanged|swapped|returnees|rescued|brought (?:back|home))\b|"
    r"^[^.;:\d]{0,80}?(?:були|були також|были|были также)\s+серед\s+(?:звільнених|повернутих|обміняних)|"
    r"^[^.;:\d]{0,80}?(?:были|были также)\s+среди\s+(?:освобожденн\w+|освобождённ\w+|вернувш\w+|обменянн\w+)"
)

# lowercase twins of the tests run on every sentence of every article (see `_lowered`)
_TRIGGER_LOWER = _lowered(_TRIGGER_RE)
_BREAKDOWN_LOWER = _lowered(_BREAKDOWN_RE)
_RETURN_CONTEXT_LOWER = _lowered(_RETURN_CONTEXT_RE)
_PEOPLE_LOWER = _lowered(_PEOPLE_RE)


def _mentions_return(lowered: str) -> bool:
    """The (lowercased) sentence talks about an exchange or a return of captives."""
    return bool(_TRIGGER_LOWER.search(lowered))


_ADDITIVE_GAP_RE = _rx(
    r"(?<!\w)(?:and|plus|as well as|along with|together with|in addition to|also|та|і|й|а також|плюс|и|"
    r"а также|также|ще|еще|ещё|with|und|sowie|außerdem|zusätzlich|ainsi que|et|en plus de)(?!\w)|\+|^\s*,\s*$"
)
# the people counted are the subject of a return: their side is the side reporting it
_RETURNED_HOME_RE = _rx(
    r"^[^.;]{0,80}?\b(?:came (?:back )?home|returned(?: home)?|were (?:freed|released|returned|brought home)|"
    r"have returned|had returned|are home|were back|back home)\b|"
    r"^\s*(?:[^\W\d]+\s+){0,3}?(?:freed|released)\b|"
    r"^[^.;]{0,80}?(?:повернулися|повернулись|повернуто|звільнено|вернулись|вернулись|возвращены|освобождены)"
)
_RETURN_OF_BEFORE_RE = _rx(
    r"(?:the\s+)?(?:return|homecoming)\s+(?:home\s+)?of\s+(?:another\s+|a further\s+)?$|"
    r"(?:про|о|об)\s+(?:повернення|возвращени\w+)\s+(?:додому\s+|домой\s+|ще\s+|еще\s+|ещё\s+)?$|"
    r"\bповернення\s+(?:додому\s+)?$|\bвозвращение\s+(?:домой\s+)?$|die\s+rückkehr\s+von\s+$"
)
_ALSO_RE = _rx(r"(?<!\w)(?:also|також|также|ще|еще|ещё)(?!\w)")
# a pronoun subject of a verb of the swap: "it released 12", "they handed over 20"
_PRONOUN_SUBJECT_RE = _rx(
    r"(?:^|[,;]\s*|\b(?:and|then)\s+)(?:it|they)\s+(?:also\s+|then\s+|later\s+)?(?:has\s+|have\s+|had\s+)?"
    r"(?=(?:released|freed|handed (?:over|back)|returned|received|got back|brought (?:back|home)|transferred)\b)"
    r"(?![^,;]*\b(?:it|they)\b)"
)
_BARE_RETURNED_AFTER_RE = _rx(
    r"^\s+(?:more\s+)?(?:came|have come|had come|come) (?:back )?home\b|^\s+returned (?:home|from)\b|"
    r"^\s+(?:were|have been|had been) (?:freed|released|returned|brought (?:back|home)|exchanged|swapped)\b|"
    r"^\s+(?:повернулися|повернулись|вернулись|вернулися|возвращены|звільнені|освобождены)\b"
)
_CITIZENS_RE = _rx(r"\b(?:citizens?|nationals?)\b|граждан\w*|громадян\w*|\bbürger\w*")
# what may follow a figure that ends its clause: "Kyiv freed 84.", "Russia 84, officials said"
_CLAUSE_END_AFTER_RE = _rx(
    r"^\s*(?:[.;!]|$|,\s+(?:and|while|but|officials|(?:[\w'’]+\s+){0,3}(?:said|says|reported|announced|added|wrote))\b|"
    r"\s+(?:in return|in exchange)\b|,\s+(?:ukraine|russia|kyiv|moscow|україна|росія|київ|москва|украина|россия|киев)\b)"
)
_BARE_VERB_BEFORE_RE = _rx(
    r"\b(?:freed|released|handed over|handed back|returned|received|got back|gets back|gave back|sent back|"
    r"brings? (?:home|back)|brought (?:home|back)|bringing (?:home|back)|"
    r"звільнил\w*|передал\w*|повернул\w*|отримал\w*|освободил\w*|вернул\w*|получил\w*)\s+"
    r"(?:another\s+|a further\s+|ще\s+|еще\s+|ещё\s+)?$"
)
_ELLIPSIS_BEFORE_RE = _rx(
    r"(?:[;,]|\band\b|\bі\b|\bи\b|\bа\b)\s*(?:the\s+)?(?:(?:ukrainian|russian)\s+side|ukraine|russia|kyiv|moscow|"
    r"україна|росія|київ|москва|украина|россия|киев|українська сторона|російська сторона|"
    r"украинская сторона|российская сторона)\s*[-–—:]?\s*$"
)

_ANY_VERB_RE = _rx(rf"(?:{_COMPLETED_RE.pattern})|(?:{_GIVE_RE.pattern})|(?:{_GET_RE.pattern})")


def _additive(gap: str) -> bool:
    """Does the text between two counts add the second to the first?

    "175 POWs were transferred, as well as 22 injured" and "also releasing 22 wounded" add;
    "released 94 Russians and received 95 of its own" starts a new statement (a verb after "and").
    """
    connectors = list(_ADDITIVE_GAP_RE.finditer(gap))
    if not connectors:
        return False
    last = connectors[-1]
    if _ALSO_RE.fullmatch(last[0]):
        return True
    return not _ANY_VERB_RE.search(gap[last.end() :])


def _subset_marker_leads(gap: str) -> bool:
    """Does a subset marker between two counts lead to the second? "among them border guards and
    two civilians" does; "84 Russians, some of whom had been held since 2023, came home, and Ukraine
    got back 84" does not (a verb of its own follows the marker)."""
    markers = list(_SUBSET_BEFORE_RE.finditer(gap))
    if not markers:
        return False
    copulas = r"\b(?:were|was|are|is|been|also)\b|були|были|была|було|было"
    return not _ANY_VERB_RE.search(re.sub(copulas, " ", gap[markers[-1].end() :], flags=_I))


_ADDITIVE_SENTENCE_RE = _rx(
    r"\b(?:also|in addition|additionally|as well|on top|besides|plus|beyond|separately)\b|"
    r"також|крім того|окрім того|додатково|кроме того|также|дополнительно|\bще\b|\bещё\b|\bеще\b|"
    r"\b(?:zusätzlich|außerdem|darüber hinaus|zudem|ebenfalls|auch|en outre|également|de plus|en plus|aussi)\b"
)
_ORDINAL_EXCHANGE_RE = _rx(r"^\W{0,3}(?:\w+\W+){0,2}?(?:prisoner |POW )?(?:exchange|swap|обмін\w*|обмен\w*)")
_NOT_NUMBER_AFTER_RE = _rx(
    r"^\s*-?\s*(?:%|percent|per cent|km|kilomet|miles?|hours?|days?|weeks?|months?|years?|times|million|"
    r"billion|dollars?|euros?|kg|tons?|\$|відсот|процент|км|годин|дн|тиж|місяц|рок|лет|год|раз|млн|млрд)"
)
_SPEAKER_UA_RE = _rx(
    r"zelensk\w*|lubinets|lubenets|lubinetz|yermak|budanov|umerov|coordination (?:headquarters|cent(?:er|re)|staff)|"
    r"ukrain\w* (?:officials?|side|ombudsman|authorities|president|government|military|intelligence|"
    r"commissioner|defen[cs]e ministry|ministry)|(?:kyiv|kiev|ukraine) (?:said|says|stated|reported|announced)|"
    r"ukraine's|kyiv's|зеленськ\w*|лубінц\w*|лубінець|коордштаб\w*|координаційн\w* штаб\w*|зеленск\w*|лубинец\w*|"
    r"ГУР|СБУ|українськ\w* сторон\w*|украинск\w* сторон\w*"
)
_SPEAKER_RU_RE = _rx(
    r"russia\w* (?:defen[cs]e ministry|ministry|officials?|side|ombudsman|authorities|government|military|"
    r"commissioner)|(?:defen[cs]e ministry|ministry of defen[cs]e)(?! of ukraine)(?:,? in moscow)?|"
    r"moskalkova|kremlin|peskov|lavrov|(?:moscow|russia) (?:said|says|stated|reported|announced)|"
    r"russia's|moscow's|\bTASS\b|\bRIA\b|міноборони рф|міноборони росії|москальков\w*|"
    r"минобороны(?! украины)|министерство обороны(?! украины)|москальков\w*|песков\w*|российск\w* сторон\w*|"
    r"російськ\w* сторон\w*|міністерств\w* оборони (?:рф|росії)"
)
_NOISE_LINE_RE = _rx(
    r"^\s*(?:[•»›|]|[(\[]?\s*(?:photo|image|video|picture|caption|фото|відео|видео)\b|read (?:also|more)\b|also read\b|related\b|see also\b|"
    r"more on this\b|watch\b|advertisement\b|share\b|subscribe\b|follow us\b|sign up\b|click\b|"
    r"for the latest\b|download (?:our|the) app|читайте також|читайте также|дивіться також|"
    r"смотрите также|фото\b|відео\b|видео\b|реклама\b|підписуйтесь|подписывайтесь|"
    r"more\s*:|more stories|also\s*:|read next|recommended|you may also like|top stories|most read|latest\s*:|"
    r"in other news|по темі|по теме|ещё по теме|еще по теме|новости по теме|більше новин|також читайте|"
    r"mehr zum thema|lesen sie auch|(?:à )?lire aussi|sur le même sujet)"
)
_LINK_LABEL_RE = _rx(
    r"^\W*(?:read (?:also|more|next)|also read|related|see also|more\b|more stories|top stories|most read|latest|"
    r"recommended|in other news|читайте|дивіться також|смотрите также|по темі|по теме|ещё по теме|еще по теме|"
    r"новости по теме|більше новин|також читайте|mehr zum thema|lesen sie auch|(?:à )?lire aussi|sur le même sujet)"
    r"[^\d]*$"
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "maj", "capt", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "approx", "inc", "corp", "jr",
    "sr", "prof", "gov", "sen", "rep", "ft", "mt", "u.s", "u.n", "e.g", "i.e", "р", "рр", "г", "гг",
    "тис", "ст", "им", "ім", "т.д", "пр", "вул", "ул", "м", "c", "с",
}  # fmt: skip


# --- sentences and clauses ------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    index: int  # -1 for the headline
    text: str


_GERMAN_ORDINAL_END_RE = re.compile(r"\b(?:der|den|dem|des|die|das|zum|zur|am|vom|im|beim)\s+\d{1,3}\.$", _I)
_MONTH_START_RE = re.compile(
    r"(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b", _I
)
_BOUNDARY_RE = re.compile(r"(?<=[.!?…])[\"”»’')\]]*\s+(?=[\"“«(\[‘]?[A-ZА-ЯІЇЄҐ0-9])")


def _split_sentences(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(line):
        before = line[start : m.start()].rstrip("\"”»’')]")
        last_word = re.search(r"([\w.]+)\.$", before)
        if last_word and (last_word[1].lower() in _ABBREVIATIONS or re.fullmatch(r"[A-ZА-Я]", last_word[1])):
            continue
        if _GERMAN_ORDINAL_END_RE.search(before) or (
            re.search(r"\b\d{1,2}\.$", before) and _MONTH_START_RE.match(line[m.end() :])
        ):
            continue  # "der 58. Austausch", "KIEW, 18. Oktober": an ordinal's dot, not a full stop
        pieces.append(line[start : m.start()].strip())
        start = m.end()
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def _looks_like_headline(line: str) -> bool:
    """A short first line without closing punctuation: a headline kept in the text."""
    return len(line.split()) <= 20 and not re.search(r"[.!?…\"”»]\s*$", line)


def _normalise(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().lower()


def _isolated_link_line(lines: list[str], position: int) -> bool:
    """A headline-like line with a figure in the middle of a text whose neighbouring paragraphs
    are not about a return ("Prices rose. / Russia and Ukraine swap 84 each / The council said"):
    a link to another story, not this one's news."""
    line = lines[position]
    stamp_free = re.sub(r"\d{1,2}:\d{2}", "", line)  # "Posted Friday 21:05" is an entry's time stamp
    if position == 0 or not _looks_like_headline(line) or not re.search(r"\d", stamp_free):
        return False
    neighbours = lines[max(0, position - 1) : position] + lines[position + 1 : position + 2]
    return not any(_mentions_return(n.lower()) for n in neighbours)


# a question-and-answer piece: "Who came home to Ukraine?" then "According to Zelensky, 146
# servicemen and eight civilians." The answer is the question's subject.
_WHO_QUESTION_RE = _rx(r"^(?:who|хто|кто|wer|qui)\s+((?:[^\W\d][\w'’-]*\s*){1,8})\?$")


def _answers_with_their_questions(lines: list[str]) -> list[str]:
    """ "Who came home to Ukraine?" + "According to Zelensky, 146 servicemen." reads as "According to
    Zelensky, 146 servicemen came home to Ukraine." when the answer has no verb of its own."""
    result = list(lines)
    for i in range(len(lines) - 1):
        q = _WHO_QUESTION_RE.match(lines[i])
        if not q or lines[i + 1].endswith("?"):
            continue
        m = re.match(r"^(.*?[.!])(\s.*)?$", lines[i + 1]) or re.match(r"^(.*)()$", lines[i + 1])
        first, rest = m[1], m[2] or ""
        main = re.sub(r",\s*(?:which|who|що|яка|який|які|который|которая|которые|die|der|das|qui)\b.*$", "", first)
        if _ANY_VERB_RE.search(re.sub(r"^(?:according to|за словами|по словам|laut|selon)\b[^,]*,", "", main, flags=_I)):
            continue  # the answer is a sentence of its own
        said = re.match(r"^(.*?)(,\s+(?:the\s+)?[^,]{1,40}?\s+(?:said|says|reported|stated|announced))\.?$", main, _I)
        if said:  # "Ninety soldiers and two civilians, the ombudsman said."
            result[i + 1] = said[1] + " " + q[1].strip() + said[2] + first[len(main) :].rstrip(" .!") + "." + rest
            continue
        # "The UAE, which has mediated most swaps since 2024." -> "The UAE brokered it, which ..."
        predicate = " " + q[1].strip()
        result[i + 1] = main.rstrip(" .!") + predicate + first[len(main) :].rstrip(" .!") + "." + rest
    return result


def _sentences(text: str, title: str | None) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    seen_lines: set[str] = set()
    if title and title.strip():
        sentences.append(_Sentence(-1, title.strip()))
        seen_lines.add(_normalise(title))
    index = 0
    lines = []
    after_label = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _NOISE_LINE_RE.match(line):
            # a "Read also:" / "More news" label on a line of its own: the next line is its link
            after_label = len(line.split()) <= 4 and bool(_LINK_LABEL_RE.match(line))
            continue
        if after_label and _looks_like_headline(line):
            after_label = False
            continue
        after_label = False
        lines.append(line)
    lines = _answers_with_their_questions(lines)
    for position, line in enumerate(lines):
        key = _normalise(line)
        if key in seen_lines:
            continue
        seen_lines.add(key)
        if not sentences and _looks_like_headline(line):
            sentences.append(_Sentence(-1, line))  # the text opens with its headline
            continue
        if _isolated_link_line(lines, position):
            continue  # another story's headline linked mid-text
        for sentence in _split_sentences(line):
            sentences.append(_Sentence(index, sentence))
            index += 1
    return sentences


_CLAUSE_SPLIT_RE = _rx(
    r";|[“”\"«»„]|,?\s+(?:while|whereas|but|although|though|however|а(?!\s+(?:також|также))|"
    r"але|однак|тоді як|в то время как|однако|но)\s+|"
    # ", after a swap of 103 each on 1 August": another swap's clause
    r",\s+(?=(?:after|following|before)\s+(?:a|an|the|another)\s+(?:\w+\s+)?(?:swap|exchange)\b)"
)


# a deal named in quotes by its size ("по формуле «1000 на 1000»") is part of its clause, not a
# quotation of its own
_SHORT_QUOTE_RE = re.compile(r"[“\"«„']([^“”\"«»„.;:!?\d]{0,6}\d[^“”\"«»„.;:!?]{0,18})[”\"»“']")


def _clause_bounds(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    inside = {q for m in _SHORT_QUOTE_RE.finditer(sentence) for q in (m.start(), m.end() - 1)}
    for m in _CLAUSE_SPLIT_RE.finditer(sentence):
        if m.end() - m.start() == 1 and m.start() in inside:
            continue

        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(sentence)))
    return bounds


# --- counts -------------------------------------------------------------------------------


@dataclass
class _Count:
    value: int
    sentence: int
    start: int
    end: int
    side: str | None
    group: str
    approx: bool
    relation: str = "base"  # base | additive | subset
    explicit_side: bool = False  # nationality or direction stated, not inferred
    descriptor: bool = False  # "the 1,000-for-1,000 swap": names the deal's format, not a return
    totalled: bool = False  # "In total 29 Ukrainians", "56 people in all"
    speaker: str | None = None
    in_additive_sentence: bool = False  # "Russia also released 22 wounded"


@dataclass
class _SentenceFacts:
    sentence: _Sentence
    counts: list[_Count] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    is_trigger: bool = False
    is_recalled: bool = False  # recalls an earlier swap
    is_cumulative: bool = False  # states a running total


def _language(text: str) -> str:
    cyrillic = len(re.findall(r"[А-Яа-яЁёІіЇїЄєҐґ]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if cyrillic <= latin:
        return "en"
    return "uk" if len(re.findall(r"[ІіЇїЄєҐґ]", text)) * 40 > cyrillic else "ru"


def _noun_phrase(sentence: str, end: int) -> str:
    """The words right after a number, up to punctuation or six words."""
    tail = sentence[end:]
    stop = re.search(r"[,.;:()\"“”«»!?]|\s[—–-]\s", tail)
    tail = tail[: stop.start()] if stop else tail
    words = tail.split()
    return " ".join(words[:6])


_NP_STOP_RE = _rx(
    r"\b(?:were|was|are|is|have|has|had|who|which|that|will|would|from|to|into|by|in|on|at|after|as|for|"
    r"und|sowie|aus|von|nach|zu|für|bei|et|ont|sont|qui|de la|du|depuis|vers|par|and|while|returned|freed|released|came|went|"
    r"between|among|involving|з|із|до|в|у|на|из|во|от|що|які|котрі|которые|були|"
    r"были|было|буде|будут|та|і|и|й)\b"
)


_PAIR_WORD_RE = _rx(r"^\s*(?:-?for-?|на|за|gegen|um|contre)\s*")


_NUMBER_OF_RE = _rx(
    r"(?:number|figure|total|count) of ([^,.;]{0,40}?)\s+(?:at|to|as|was|is|stood at|reached)\s*$"
)
_POSSESSOR_BEFORE_RE = _rx(r"\b(ukraine|kyiv|kiev|russia|moscow)['’]s\s*$")


_DEAL_NAME_BEFORE_RE = _rx(
    r"(?:exchange|swap|deal|format|formula|обмін\w*|обмен\w*|формат\w*|формул\w*|échange|austausch\w*)\s*"
    r"(?:of\s+|в\s+|у\s+|за\s+|по\s+)?[«\"“„']\s*$|"
    r"(?:format|formula|deal|agreement|формат\w*|формул\w*|домовленост\w*|договоренност\w*|угод\w*)\s+"
    r"(?:of\s+|за\s+)?$|"
    # "в рамках обмена 1000 на 1000", "обміну полоненими 1000 на 1000": the exchange named by its size
    r"(?:обміну|обмена|обмену|обмін|обмен)\s+(?:полоненими\s+|пленными\s+|військовополоненими\s+|военнопленными\s+)?$|"
    r"(?:stage|phase|part|етап\w*|этап\w*)\s+of\s+(?:an?\s+|the\s+)?(?:exchange|swap)\s+of\s+$"
)
_LISTS_BEFORE_RE = _rx(
    r"\b(?:the\s+)?names\s+of\s+(?:the\s+)?$|(?:імена|имена|прізвища|фамилии)\s+(?:\w+\s+)?$|"
    r"\blists?\s+(?:\w+\s+){0,2}?(?:of|with)\s+$|списк\w*\s+(?:\w+\s+){0,2}?(?:з|из|с)?\s*$|listes?\s+de\s+$"
)


# "103 POWs each": the "each" after a counted noun belongs to that count
_COUNTED_BEFORE_EACH_RE = _rx(rf"\d\s+(?:[^\W\d]+\s+){{0,3}}?(?:{_PEOPLE})\s*$")


_PERSON_TITLE = (
    r"politician|businessman|businesswoman|lawmaker|oligarch|ex-lawmaker|former lawmaker|politiker|geschäftsmann|"
    r"abgeordnete\w*|oligarch\w*|homme politique|député|політик\w*|бізнесмен\w*|олігарх\w*|депутат\w*|"
    r"политик\w*|бизнесмен\w*|олигарх\w*"
)
_NAMED_PERSON_AFTER_RE = _rx(
    r"^[^\W\d]*(?:\s+[^\W\d][\w'’-]*){0,5}?\s*(?:"
    r"(?:,\s*|\s)(?:and|und|et|та|і|и|plus|as well as)\s+(?:the\s+|den\s+|der\s+|le\s+|l'|a\s+)?(?:[\w-]+\s+){0,3}?"
    rf"(?:{_PERSON_TITLE})\s+(?:[A-ZА-ЯІЇЄ][\w'-]+\s*){{1,3}}|"
    # "55 soldiers and Viktor Medvedchuk, a pro-Russian politician": the name, then who he is
    r"(?:,\s*|\s)(?:and|und|et|та|і|и|as well as|along with|together with|plus|sowie|а также|а також|ainsi que)\s+"
    r"(?-i:[A-ZА-ЯІЇЄ][\w'’-]+(?:\s+[A-ZА-ЯІЇЄ][\w'’-]+){0,2}),\s+"
    rf"(?:a\s+|an\s+|the\s+|der\s+|den\s+|le\s+|un\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_PERSON_TITLE})\b|"
    # "55 soldiers - and Medvedchuk.": a bare surname closing the clause after a dash
    r"\s*[-–—]\s*(?:and|und|et|і|и|та)\s+(?-i:[A-ZА-ЯІЇЄ][a-zа-яіїє'’-]{3,})(?=\s*(?:[.;]|$)))"
)


def _named_person_after(after: str) -> bool:
    """ "55 soldiers and the politician Viktor Medvedchuk", "55 soldiers - and Medvedchuk": one more."""
    m = _NAMED_PERSON_AFTER_RE.match(after)
    if not m:
        return False
    name = m[0].split()[-1]
    return not (
        _UA_ACTOR_RE.search(name)
        or _RU_ACTOR_RE.search(name)
        or _PEOPLE_RE.search(name)
        or any(pattern.search(name) for _, pattern, _ in _mediator_patterns())
    )


def _breakdown_follows(after: str) -> bool:
    """ "207 Ukrainians (10 civilians ...)", "390 людей - 270 військових і 120 цивільних": the count
    is followed, right after its noun phrase, by a colon, bracket or dash opening its parts."""
    m = re.match(r"^([^,.;]{0,40}?)(?::|\(|—|–|\s-\s)", after)
    return bool(m) and not re.search(r"\d|\b(?:and|та|і|й|и|und)\b", m[1], _I)


def _paired_with(text: str, value: int, *, reverse: bool = False) -> bool:
    """ "175 for 175", "1,000-for-1,000", "сто сорок чотири на сто сорок чотири": one figure each way."""
    if reverse:
        m = re.search(r"(?:-?for-?|на|за|gegen|um|contre)\s*$", text, _I)
        numbers = find_numbers(text[: m.start()]) if m else []
        return (
            bool(numbers) and numbers[-1].value == value and not text[numbers[-1].end : m.start()].strip(" -")
        )
    m = _PAIR_WORD_RE.match(text)
    if not m:
        return False
    numbers = find_numbers(text[m.end() : m.end() + 60])
    return bool(numbers) and numbers[0].start == 0 and numbers[0].value == value


_PAIR_AFTER_RE = _rx(
    r"^\s*(?:[^\W\d]+\s+){0,4}?(?:for|in exchange for|in return for|на|в обмен на|в обмін на|gegen)\s+"
)


def _one_side_of_a_pair(after: str) -> bool:
    """ "traded three pilots for 45 Azov fighters": the first figure is one side, not a total."""
    m = _PAIR_AFTER_RE.match(after)
    if not m:
        return False
    numbers = find_numbers(after[m.end() : m.end() + 40])
    return bool(numbers) and numbers[0].start == 0


def _core_phrase(np: str) -> str:
    """The noun phrase up to its first verb, preposition or conjunction ("Ukrainian children")."""
    stop = _NP_STOP_RE.search(np)
    return " ".join((np[: stop.start()] if stop and stop.start() > 0 else np).split()[:5])


def _people_head_end(np: str) -> int | None:
    """Where the last people noun right after a number ends ("22 wounded Ukrainian captives")."""
    own = re.match(r"^(?:of (?:its|their|our) own|своїх|своих|seiner|ihrer)\b", np, _I)
    if own:
        return own.end()  # "Russia got back 144 of its own"
    of = re.match(r"^(?:of (?:its|their|our|his|her|the)\s+|de (?:ses|leurs|nos)\s+)(.*)$", np, _I)
    phrase = of[1] if of else np
    # the first stop word after the head's first word ("84 freed Ukrainians were ...": "were")
    stop = next((m for m in _NP_STOP_RE.finditer(phrase) if m.start() > 0), None)
    if stop:
        phrase = phrase[: stop.start()]
    window = " ".join(phrase.split()[: 3 if of else 5])
    matches = list(_PEOPLE_RE.finditer(window))
    if (
        matches
        and re.fullmatch(r"russian|ukrainian", matches[-1][0], _I)
        and re.match(r"^\s+[a-z]", window[matches[-1].end() :], _I)
    ):
        # "three Russian detention centres": an adjective of things, not people
        matches.pop()
    if not matches:
        return None
    return np.find(window) + matches[-1].end()


_CAPTIVITY_OF_RE = _rx(
    r"(?:from|out of) (?:the )?(?:russian|ukrainian|russia's|ukraine's) (?:captivity|custody|prisons?|detention)|"
    r"(?:з|із) (?:російського|українського) полону|из (?:российского|украинского) плена|"
    r"aus (?:der )?(?:russische|ukrainische)[nr]? gefangenschaft"
)


def _side_from_actor(text_before: str) -> str | None:
    """Side of the nearest country named before a number (for "of its/their")."""
    ua = [m.end() for m in _UA_ACTOR_RE.finditer(text_before)]
    ru = [m.end() for m in _RU_ACTOR_RE.finditer(text_before)]
    if not ua and not ru:
        return None
    return UA if (ua[-1] if ua else -1) > (ru[-1] if ru else -1) else RU


def _side_from_subject_verb(clause_before: str, lang: str) -> str | None:
    """ "Russia released 95" -> to Ukraine; "Ukraine brought home 95" -> to Ukraine."""
    # "з російського полону повернулися 84": a direction, not an actor
    clause_before = _CAPTIVITY_OF_RE.sub(lambda m: " " * len(m[0]), clause_before)
    actors = [(m.end(), UA) for m in _UA_ACTOR_RE.finditer(clause_before)]
    actors += [(m.end(), RU) for m in _RU_ACTOR_RE.finditer(clause_before)]
    if not actors:
        return None
    pos, actor = max(actors)
    between = clause_before[pos:]
    other = RU if actor == UA else UA
    # German verb-second: "Am Freitag bekam die Ukraine 84 Soldaten zurück", "übergab Russland 84"
    inverted = re.search(r"(\w+)\s+(?:die\s+|der\s+)?\w+\s*$", clause_before[:pos])
    if inverted and re.fullmatch(r"\s*(?:(?:am|an|im|in|auf|nach)\s+\w+\s+)?", between) and inverted[1].lower() not in ("und", "oder"):
        verb = inverted[1]
        if _GET_RE.fullmatch(verb):
            return actor
        if _GIVE_RE.fullmatch(verb):
            return other
    # "Ukraine secured the release of 215 ... , handing over 56 in return": a participle after a
    # comma shares the sentence's subject, however long the clause before it
    participle = re.search(
        r",\s*(?:in return\s+)?(?:(handing|giving|sending|releasing|freeing|letting go)|"
        r"(receiving|getting|bringing|taking))\s+(?:over\s+|back\s+|up\s+|home\s+|in return\s+)*$",
        between,
        _I,
    )
    if participle and len(between) <= 250 and not re.search(r"[.;]", between):
        return other if participle[1] else actor
    if len(between) > 80 or _BOTH_SUBJECT_RE.search(clause_before[max(0, pos - 30) :]):
        return None
    if re.search(
        r"(?:secur|won|win|obtain|achiev|negotiat)\w* (?:the )?(?:release|freedom|return)", between, _I
    ):
        return actor  # "Ukraine secured the release of 75 soldiers"
    # "Ukraine has returned 45 servicemen" (and uk/ru "повернула", "вернула") means brought back:
    # own-side reports name their own returnees; a direction ("to Ukraine") is read before this
    if re.fullmatch(
        r"\s*(?:has |have |had )?(?:now )?returned(?: home)?\s*(?:another\s+|a further\s+)?", between, _I
    ):
        return actor
    get_hit = _GET_RE.search(between)
    give_hit = _GIVE_RE.search(between)
    if get_hit and (not give_hit or lang != "en" or get_hit.start() >= give_hit.start()):
        return actor
    if give_hit:
        return other
    return None


_HIS_WORDS_RE = _rx(
    r"\b(?:по (?:его|ее|её|их) (?:словам|данным)|за (?:його|її|їхніми|їх) (?:словами|даними)|"
    r"according to (?:him|her|them)|(?:he|she) (?:said|added|wrote)|nach (?:seinen|ihren) (?:Worten|Angaben)|"
    r"(?:seinen|ihren) Angaben zufolge|selon (?:lui|elle))\b"
)


def _speaker(sentence: str, before: int) -> str | None:
    hits = [(m.start(), UA) for m in _SPEAKER_UA_RE.finditer(sentence)]
    hits += [(m.start(), RU) for m in _SPEAKER_RU_RE.finditer(sentence)]
    if not hits:
        return None
    earlier = [h for h in hits if h[0] < before]
    return (max(earlier) if earlier else min(hits))[1]


def _is_date_or_year(span: NumberSpan, sentence: str, dates: list[DateSpan]) -> bool:
    if any(d.start <= span.start and span.end <= d.end for d in dates):
        return True
    raw = sentence[span.start : span.end]
    return raw.isdigit() and len(raw) == 4 and 1900 <= span.value <= 2100


_FRAMEWORK_RE = _rx(
    r"(?:under|as part of|within|in line with|in the framework of|в рамках|у рамках|у межах|в межах|згідно з|"
    r"відповідно до|согласно|dans le cadre d[eu']|im rahmen)\s+(?:the\s+|an?\s+|des?\s+)?(?:[^,.;:]|(?<=\d)[,.](?=\d)){0,60}?"
    r"(?:deal|agreement|accord|format|formula|домовленост\w*|договоренност\w*|угод\w*|формул\w*|формат\w*|"
    r"обмін\w*|обмен\w*|échange|vereinbarung|abkommens?)\b(?:\s+(?:agreed|reached|struck)\s+[^,.;:]{0,40})?|"
    r"\b(?:deal|agreement|format|swap|exchange)\s+agreed\s+(?:in|at|on|last)\s+[^,.;:]{0,30}|"
    # "After Kyiv and Moscow reached a deal in Istanbul, 390 came home": the deal before, done now
    r"\b(?:after|following|weeks after|days after)\s+(?:\w+\s+){0,6}?(?:agreed|reached|struck)\s+[^,.;:]{0,50}"
)


def _future(sentence_before: str, clause_before: str, clause_after: str) -> bool:
    """Is the count part of an agreement, a plan or a promise rather than a completed return?

    A future/agreement word before the number governs it ("agreed to swap 1,000", "договорились об
    обмене «тысяча на тысячу»") unless the number's own verb is completed and the future word sits
    in another clause ("'We will ...,' he said after 207 returned"). With no verb before the
    number, the first verb after it decides ("1,200 will be exchanged").
    """
    # "Under the 1,000-for-1,000 agreement, 390 were freed": the framework, not a plan
    # (not a phrase the number itself ends: "after the sides agreed to swap 1,000" is the plan's figure)
    sentence_before = _FRAMEWORK_RE.sub(
        lambda m: " " * len(m[0]) if m.end() < len(sentence_before.rstrip()) else m[0], sentence_before
    )
    clause_before = _FRAMEWORK_RE.sub(
        lambda m: " " * len(m[0]) if m.end() < len(clause_before.rstrip()) else m[0], clause_before
    )
    future_before = [m.start() for m in _FUTURE_RE.finditer(sentence_before)]
    completed_before = [m.start() for m in _COMPLETED_RE.finditer(sentence_before)]
    last_future = future_before[-1] if future_before else -1
    last_completed = completed_before[-1] if completed_before else -1
    future_after = _FUTURE_RE.search(clause_after)
    completed_after = _COMPLETED_RE.search(clause_after)
    own_verb_completed = bool(completed_after) and (
        not future_after or completed_after.start() < future_after.start()
    )
    if last_future > last_completed:
        in_same_clause = bool(_FUTURE_RE.search(clause_before))
        return in_same_clause or not own_verb_completed
    if last_completed == -1:
        return bool(future_after) and not own_verb_completed
    return False


_RUNNING_TOTAL_TO_RE = _rx(
    r"\b(?:bring|brings|bringing|brought|rais\w+|push\w+|tak\w+) the (?:\w+\s+){0,8}?to\s*$|"
    r"(?:довівши|доведя|довело|довела)\s+(?:\w+\s+){0,6}?до\s*$"
)


_HELD_SINCE_RE = _rx(
    r"\b(?:held|detained|imprisoned|jailed|kept|captured|missing|in (?:russian |ukrainian |enemy )?captivity|"
    r"behind bars|gefangen\w*|festgehalten)\s+(?:[\w-]+\s+){0,4}?(?:since|from|seit)\b[^,.;]*|"
    r"(?:перебувал\w*|утримувал\w*|находил\w*|содержал\w*|(?:в|у) полоні|в плену)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:з|із|с|від|от)\s+[^,.;]*"
)


def _cumulative(sentence_before: str, clause_after: str) -> bool:
    """A running total: "since 2022, 2828 have returned", "1,994 exchanged so far", "brings the
    total number freed to 4,131" (only the number after "to")."""
    if _RUNNING_TOTAL_TO_RE.search(sentence_before):
        return True
    # "72 sailors who had been held since the start of the war": how long, not how many so far
    sentence_before = _HELD_SINCE_RE.sub(lambda m: " " * len(m[0]), sentence_before)
    clause_after = _HELD_SINCE_RE.sub(lambda m: " " * len(m[0]), clause_after)
    for m in _CUMULATIVE_RE.finditer(sentence_before):
        # "the first exchange since October" describes the swap, it is not a total
        if not _SUPERLATIVE_RE.search(" ".join(sentence_before[: m.start()].split()[-3:])):
            return True
    m = _CUMULATIVE_RE.search(clause_after)
    # "the largest so far", "der bisher größte Austausch": a superlative, not a running total
    return bool(m) and not _SUPERLATIVE_RE.search(
        clause_after[: m.start()] + " ".join(clause_after[m.end() :].split()[:2])
    )


# "as in previous swaps", "как и в предыдущие разы", "як і під час попередніх обмінів", "wie schon bei
# früheren Austauschen": this swap compared with earlier ones, which recalls none of them
_AS_BEFORE_RE = _rx(
    r"\bas (?:in|with|during|at|for|on) (?:the |all |most |many |several |other )?"
    r"(?:previous|earlier|prior|past|recent|other|many) (?:\w+ )?(?:exchanges|swaps|times|rounds|ones|occasions)\b|"
    r"\bas (?:it (?:has|had|did)|they (?:have|had|did)) (?:done )?(?:\w+ )?(?:before|previously|in the past)\b|"
    r"\bas (?:before|previously)\b|"
    r"\bкак и (?:в|во время|при)\s+(?:\w+\s+)?(?:предыдущ|прошл|прежн)\w*(?:\s+(?:раз\w*|обмен\w*))?|"
    r"\bкак и (?:ранее|прежде|раньше)\b|"
    r"\bяк і (?:під час|в|у|при)\s+(?:\w+\s+)?(?:попередн|минул)\w*(?:\s+(?:раз\w*|обмін\w*))?|"
    r"\bяк і (?:раніше|минулого разу)|"
    r"\bwie (?:schon |auch |bereits )?(?:beim|bei|in|während) (?:den |der |dem )?(?:früher|vorherig|vorig|letzt|bisherig)\w* \w+|"
    r"\bwie (?:schon |bereits )?(?:zuvor|bisher)\b|\bcomme (?:lors|pour) (?:des|de) (?:précédent|dernier)\w* \w+"
)


def _blank_comparisons(text: str) -> str:
    """`text` with "as in previous swaps" blanked (same length): a comparison recalls nothing."""
    return _AS_BEFORE_RE.sub(lambda m: " " * len(m[0]), text)


def _blank_ordinal_scopes(sentence: str, numbers: list[NumberSpan]) -> str:
    """Blank out "(already) the 49th exchange since February 2022": its "since" and "already"
    belong to the ordinal, not to the counts around it; and "as in previous swaps"."""
    sentence = _blank_comparisons(sentence)
    for span in numbers:
        if not (span.is_ordinal and _ORDINAL_EXCHANGE_RE.match(sentence[span.end :])):
            continue
        lead = re.search(r"(?:already|вже|уже)\s+(?:the\s+)?$", sentence[: span.start], _I)
        start = lead.start() if lead else span.start
        stop = re.search(r"[,:;]", sentence[span.end :])
        end = span.end + stop.start() if stop else len(sentence)
        sentence = sentence[:start] + " " * (end - start) + sentence[end:]
    return sentence


def _is_current(d: DateSpan, published: date | None) -> bool:
    """A date that can be the news event: the publication day or up to three days before."""
    if d.value is None or d.kind in ("past", "month"):
        return False
    if published is None:
        return True
    if d.kind == "weekday":
        return published - timedelta(days=6) <= d.value <= published
    return published - timedelta(days=3) <= d.value <= published + timedelta(days=1)


_YEAR_SWAP_RE = _rx(
    r"\b((?:19|20)\d\d)\s+(?:prisoner\s+|POW\s+)?(?:swap|exchange|обмін\w*|обмен\w*)|"
    r"(?:swap|exchange|обмін\w*|обмен\w*|échange|austausch\w*)\s+(?:of\s+|de\s+|von\s+)?((?:19|20)\d\d)\b(?!\s*-)"
)


def _old_year_swap(clause: str, published: date | None) -> bool:
    """ "in a 2023 exchange in which 45 returned": a swap of an earlier year."""
    m = _YEAR_SWAP_RE.search(clause)
    return bool(m) and published is not None and int(m[1] or m[2]) < published.year


def _recalled_date(
    spans: list[DateSpan], clause_start: int, clause_end: int, sentence: str, published: date | None
) -> bool:
    if published is None:
        return False
    in_clause = [d for d in spans if clause_start <= d.start < clause_end and d.value is not None]
    if any(_is_current(d, published) for d in in_clause):
        return False  # "on Friday ..., agreed in Istanbul last week": the old date is the agreement's
    for d in in_clause:
        old_event = re.match(
            r"^\s*(?:року|года|р\.|г\.)?\W{0,3}\s*(?:when|коли|когда|als|lorsque)\b", sentence[d.end :], _I
        )
        if not old_event and re.search(
            r"(?<!\w)(?:since|from|з|с|від|от|seit|depuis)\b[^,;:]*$",
            sentence[max(0, d.start - 60) : d.start],
            _I,
        ):
            continue  # "since February 2022", "since the invasion two years ago": not a recalled swap
        if d.kind == "weekday" and d.value >= published - timedelta(days=6):
            continue  # "on Wednesday" is within the week before publication
        if d.kind == "month":
            months_back = (published.year - d.value.year) * 12 + published.month - d.value.month
            # "in April" read on 2 May may still be the news; any earlier month is not
            if months_back > 1 or (months_back == 1 and published.day > 3):
                return True
            continue
        if d.value < published - timedelta(days=3):
            return True
    return False


def _old_date_when_before(
    dates: list[DateSpan], sentence: str, position: int, published: date | None
) -> bool:
    """ "freed in a swap in February 2024, when 100 Ukrainians came back, died on Friday": the count
    after an old date and "when" belongs to that day, whatever else the clause dates."""
    if published is None:
        return False
    for d in dates:
        if d.end > position or d.value is None or _is_current(d, published):
            continue
        if d.kind != "weekday" and d.value >= published - timedelta(days=3):
            continue
        if re.match(
            r"^\s*(?:року|года|р\.|г\.)?\W{0,3}\s*(?:when|коли|когда|als|lorsque)\b[^.;:]{0,80}$",
            sentence[d.end : position],
            _I,
        ):
            return True
    return False


_CONTEXT_CHARS = 400  # how far before a number its sentence is read for markers
# Bounds for hostile or garbled pages (a news report has a few dozen such sentences, each short);
# the rules cost about a millisecond per count, so these keep one page under a few seconds.
_MAX_ANALYSED_SENTENCES = 150
_MAX_SENTENCE_CHARS = 1500
_MAX_COUNTS_PER_SENTENCE = 12


# a side named as the subject between a figure and the part added to it
_ACTOR_IN_GAP_RE = _rx(
    r"(?:,|\band\b|\bund\b|\bі\b|\bи\b|\bet\b)\s+(?:\w+\s+){0,2}?"
    r"(?:Moscow|Kyiv|Kiev|Russia|Ukraine|Moskau|Kiew|Russland|Москва|Київ|Киев|Росія|Россия|Україна|Украина|Moscou|la Russie|l'Ukraine)\b"
)
_PEOPLE_HISTORY_RE = _rx(
    r"\b(?:who|whom|that)\s+(?:had\s+|have\s+|has\s+)?(?:been\s+|were\s+|was\s+)?(?:\w+\s+)?"
    r"(?:held|taken|captured|detained|seized|abducted|deported|imprisoned|jailed|kept|taken\s+prisoner)\b[^,;.]*|"
    r"(?:котор\w+|які|яких|що)\s+(?:\w+\s+)?(?:был\w*\s+|бул\w*\s+)?"
    r"(?:захвач\w*|взят\w*|удержива\w*|утримува\w*|затрима\w*|задержа\w*|попал\w*|потрапил\w*|вывез\w*|вивез\w*)[^,;.]*|"
    r"\b(?:взят\w*|захвач\w*|захоплен\w*|попавш\w*)\s+(?:в|у)\s+(?:плен|полон)\b[^,;.]*|"
    r"\b(?:die|der)\s+(?:\w+\s+){0,8}?(?:festgehalten|gefangen\s+genommen|verschleppt|inhaftiert)\s+(?:worden\s+)?(?:waren|war|wurden)\b"
)


# a dateline naming the capital the story is filed from: "KYIV —", "KYIV (AP) —", "MOSCOW, Feb 5"
_HOME_DATELINE_RE = re.compile(
    r"^\s*(?:(KYIV|KIEV|KYJIW|KIEW|КИЇВ|КИЕВ)|(MOSCOW|MOSKAU|MOSCOU|МОСКВА))\b(?![/-])[^a-z]{0,40}?(?:—|–|-|\(|,)"
)


def _dateline_home(sentences: list[_Sentence]) -> str | None:
    """The side an unqualified "home" is, when the story is filed from one capital only."""
    for s in sentences[:4]:
        m = _HOME_DATELINE_RE.match(s.text)
        if m:
            return UA if m[1] else RU
    return None


_HOME_BEFORE_RE = _rx(r"\b(?:brought|bring\w*|came|coming|sent|returned)\s+(?:back\s+)?home\s+(?:\w+\s+)?$")


def _counts_in_sentence(
    sentence: _Sentence,
    lang: str,
    published: date | None,
    dates: list[DateSpan],
    previous_text: str = "",
    home: str | None = None,
) -> tuple[list[_Count], bool, bool]:
    """People counts stated as news in one sentence; whether it recalls an old swap; a running total.
    `previous_text` is the sentence before it (a bare figure there may count what it counted)."""
    text = sentence.text[:_MAX_SENTENCE_CHARS]
    numbers = find_numbers(text)
    scoped = _blank_ordinal_scopes(text, numbers)  # for markers only; same length as text
    # "eight residents of the Kursk region who had been held in Ukraine after Kyiv's incursion last
    # year": the people's own history dates nothing about the swap
    history = [(m.start(), m.end()) for m in _PEOPLE_HISTORY_RE.finditer(text)]
    if history:
        for a, b in history:
            scoped = scoped[:a] + " " * (b - a) + scoped[b:]
        dates = [d for d in dates if not any(a <= d.start < b for a, b in history)]
    counts: list[_Count] = []
    recalled_any = cumulative_any = False
    previous_clause_old = False
    for clause_start, clause_end in _clause_bounds(text):
        clause_full = text[clause_start:clause_end]
        clause = scoped[clause_start:clause_end]
        current = any(clause_start <= d.start < clause_end and _is_current(d, published) for d in dates)
        dated_here = any(clause_start <= d.start < clause_end for d in dates)
        by_date = _recalled_date(dates, clause_start, clause_start + len(clause), text, published)
        recalled = (
            (bool(_RECALL_RE.search(clause)) and not current)
            or by_date
            or _old_year_swap(clause, published)
            # "Last Saturday, 29 October, Ukraine got 52 back while 50 Russians went the other way":
            # a clause with no date of its own shares the old date of the clause before it
            or (previous_clause_old and not dated_here)
        )
        previous_clause_old = by_date or (previous_clause_old and not dated_here)
        recalled_any = recalled_any or recalled
        excluded_clause = bool(
            (_WITHOUT_EXCHANGE_RE.search(clause_full) and not _went_ahead(clause_full))
            or _OTHER_SENSE_RE.search(clause_full)
        )
        previous: _Count | None = None
        subset_open = False
        for span in numbers:
            if len(counts) >= _MAX_COUNTS_PER_SENTENCE:
                break
            if not (clause_start <= span.start < clause_start + len(clause)) or span.is_ordinal:
                continue
            after_text = text[span.end : span.end + _CONTEXT_CHARS]
            if _is_date_or_year(span, text, dates) or _NOT_NUMBER_AFTER_RE.match(after_text):
                continue
            local_end = span.end - clause_start
            np = _noun_phrase(after_text, 0)
            dash = re.match(r"^\s*[—–-]\s+(?=[^\W\d])", after_text)
            if dash and re.search(r"(?:з|із|из) (?:них|яких|которых)\s*,?\s*$|(?:of|among) (?:them|whom)\s*,?\s*$", text[max(0, span.start - 30) : span.start], _I):
                np = _noun_phrase(after_text[dash.end() :], 0)  # "з них 12 — цивільні": the dash is "are"
            # local context only: keeps a pathological one-sentence page linear in its length
            window_start = max(clause_start, span.start - _CONTEXT_CHARS)
            before_text = text[window_start : span.start]
            number_of = _NUMBER_OF_RE.search(before_text)
            if number_of and _PEOPLE_RE.search(number_of[1]):
                np = number_of[1]  # "put the number of returned Ukrainians at 140"
            head_end = _people_head_end(np)
            paired = _paired_with(after_text, span.value)
            descriptor = paired and bool(
                re.match(
                    r"^\W*\d[\d,  ]*\W*(?:\w+\s+)?(?:swap|exchange|deal|format|агреемент|обмін|обмен)",
                    re.sub(r"^\s*(?:-?for-?|на|за)", "", after_text, flags=_I),
                    _I,
                )
            )
            if re.search(
                r"(?:\d|\w)\s*(?:-?for-?|на|за|gegen|um|contre)\s*$", before_text, _I
            ) and _paired_with(before_text[-60:], span.value, reverse=True):
                continue  # the second half of "175 for 175" is the same figure
            each_before = _EACH_BEFORE_RE.search(before_text)
            # "103 POWs each ... in a swap of 206": an "each" that belongs to an earlier figure
            each_taken = each_before is not None and (
                bool(re.search(r"\d", each_before[0]))
                or bool(_COUNTED_BEFORE_EACH_RE.search(before_text[: each_before.start()]))
            )
            each = bool((each_before and not each_taken) or _EACH_AFTER_RE.match(after_text))
            po = bool(_PO_BEFORE_RE.search(before_text))
            # "обмена «1000 на 1000»", "a stage of an exchange of 1,000 prisoners each": the deal's name
            descriptor = descriptor or (
                (paired or each)
                and bool(_DEAL_NAME_BEFORE_RE.search(text[max(0, span.start - 40) : span.start]))
            )
            # "Russia got 390 back", "Kyiv brought 84 home": the people are implied
            implied = bool(
                re.match(r"^\s+(?:back|home)\b", after_text, _I)
                and re.search(
                    r"\b(?:got|gets|received|brought|brings|took|welcomed)\s+(?:another\s+)?$",
                    before_text,
                    _I,
                )
            )
            # "Kyiv said 84 came home": a bare figure as the subject of a return
            implied = implied or bool(_BARE_RETURNED_AFTER_RE.match(after_text))
            clause_ends = bool(_CLAUSE_END_AFTER_RE.match(after_text))
            # "In return, Kyiv freed 84.": a bare figure right after a side's verb of the swap
            implied = implied or (
                clause_ends
                and bool(_BARE_VERB_BEFORE_RE.search(before_text))
                and bool(_UA_ACTOR_RE.search(before_text[-80:]) or _RU_ACTOR_RE.search(before_text[-80:]))
            )
            # "Ukraine received 84 soldiers; Russia 84": the verb left out, the other side's figure
            last = counts[-1] if counts else None  # across clauses: "...; Russia 84"
            ellipsis = (
                clause_ends
                and last is not None
                and last.side in (UA, RU)
                and bool(_ELLIPSIS_BEFORE_RE.search(text[last.end : span.start]))
            )
            implied = implied or ellipsis
            if (
                implied
                and head_end is None
                and (
                    _BODY_RE.search(previous_text[-300:] + " " + text[: span.start]) or _CHILD_RE.search(text)
                )
            ):
                continue  # "Russia handed over 6,000 bodies; Ukraine returned 78.": bodies too
            if head_end is None and re.match(
                r"^\s*(?:who|that)\s+(?:were|are|had been|have been)\s+(?:\w+\s+)?(?:wounded|injured|civilians)\b",
                np,
                _I,
            ):
                head_end = len(np)  # "including 12 who were badly wounded"
            if head_end is None and not (paired or each or po or implied):
                continue
            if span.is_word and span.value == 1 and re.match(r"^\s+of\b", after_text):
                continue  # "one of the biggest swaps"
            core = _core_phrase(np)
            if _BODY_RE.search(core) or re.search(
                r"(?:bodies|remains|тіла|тела|останки)\s+(?:of\s+)?(?:\w+\s+)?$", before_text[-40:], _I
            ):
                continue  # body repatriation, not an exchange of the living
            if _CHILD_RE.search(core):
                continue  # children's returns are not POW exchanges
            if _LISTS_BEFORE_RE.search(before_text[-40:]):
                continue  # "exchanged lists of 1,000 prisoners": names on paper, nobody returned yet
            sentence_before = scoped[max(0, span.start - _CONTEXT_CHARS) : span.start]
            if _cumulative(sentence_before, clause[local_end : local_end + _CONTEXT_CHARS]):
                cumulative_any = True
                continue
            if excluded_clause or _future(
                sentence_before, before_text, clause[local_end : local_end + _CONTEXT_CHARS]
            ):
                continue
            breakdown = bool(_BREAKDOWN_RE.search(text) or _SUBSET_BEFORE_RE.search(before_text))
            # "still held" belongs to the figure it stands beside: "95 swapped ..., as more than
            # 8,000 remain in captivity" holds only the 8,000
            own_start = max([clause_start] + [n.end for n in numbers if n.end <= span.start])
            own_end = min([clause_end] + [n.start for n in numbers if n.start >= span.end])
            if _STILL_HELD_RE.search(text[own_start:own_end]) or not (
                breakdown
                or ellipsis
                or _RETURN_CONTEXT_RE.search(clause_full)
                or _PEOPLE_EACH_SIDE_RE.match(text[span.start : span.end + 60])
            ):
                continue  # "8,000 remain in captivity", "sentenced 12 fighters": nobody came back
            if recalled or _old_date_when_before(dates, text, span.start, published):
                continue
            approx = bool(_APPROX_BEFORE_RE.search(before_text) or _APPROX_AFTER_RE.match(after_text))
            np_head = np[:head_end] if head_end is not None else ""
            if (
                _RESIDENTS_RE.search(np_head)
                and not _CIVILIAN_WORD_RE.search(np_head)
                and not _BORDER_REGION_RE.search(np[:120])
            ):
                # "троє жителів Чернігівщини", "three residents of our region" among the freed: where
                # some returnees come from, not a group of them (Kursk residents are civilians)
                continue
            group = MAIN
            if _WOUNDED_RE.search(np_head):
                group = WOUNDED
            elif (
                _CIVILIAN_RE.search(np_head)
                # "Кроме того, вернулись восемь российских граждан", "also eight citizens of Kursk"
                or (_CITIZENS_RE.search(np_head) and _ADDITIVE_SENTENCE_RE.search(text))
            ) and not re.search(r"soldiers|soldat|military|militär|militaire|військ|воен", np_head, _I):
                group = CIVILIAN
            if ellipsis and last is not None and not np_head:
                group = last.group  # "Ukraine received 31 wounded ... and Russia 15"

            relation = "base"
            # a subset by a marker of its own, not only because it follows a breakdown's opening
            # ("84 POWs - Russia says 84 Russians freed") or another part of one
            subset_marked = False
            referent_whole = bool(
                re.search(r"(?:among|серед|среди)\s+(?:the|these|those|цих|этих)?\s*$", before_text, _I)
            )
            if previous is not None:
                gap = text[previous.end : span.start]
                # "12 of them civilians, and Ukraine got back 108": "of them" belongs to the 12
                gap_markers = re.sub(
                    r"^\s*(?:of (?:them|whom|those)|з них|из них|davon)\b", "", gap, flags=_I
                )
                if referent_whole:
                    pass  # "Twelve civilians were among the 110 Russians": the 110 is the whole
                elif subset_open or _subset_marker_leads(gap_markers):
                    relation = "subset"
                    subset_marked = not subset_open
                elif (
                    previous.relation == "subset"
                    and re.fullmatch(r"[^\d.;:]{0,60},\s*", gap)
                    and not _ANY_VERB_RE.search(gap)
                ):
                    relation = "subset"  # "84 українці: 51 військовослужбовець ЗСУ, 20 нацгвардійців ..."
                elif len(gap) <= 90 and _additive(gap) and not previous.descriptor:
                    # "390 people - 270 POWs and 120 civilians": the 120 continues the breakdown
                    relation = "subset" if previous.relation == "subset" else "additive"
            elif (
                (
                    _SUBSET_BEFORE_RE.search(" ".join(before_text.split()[-6:]))
                    # "Among those released on Thursday were also 33 civilians"
                    or _SUBSET_OPENING_RE.match(text[clause_start : span.start])
                )
                and not referent_whole
            ):
                relation, subset_marked = "subset", True
            if _AMONG_RETURNEES_AFTER_RE.match(after_text):
                # "96 servicewomen and 12 civilians were among those released"
                relation, subset_marked = "subset", True
            if head_end is not None and re.match(r"^\s*(?:among|серед|среди)\b", np[head_end:], _I):
                relation, subset_marked = "subset", True  # "seven civilians among the 157"
            if re.match(r"^\s*of (?:the|those|them)\b|^\s*(?:з|із|из) (?:них|тих|числа)\b", after_text, _I):
                # "Ninety-five of the Ukrainian soldiers": part of a group
                relation, subset_marked = "subset", True
            if re.search(r"\bof the (?:\w+ )?$", before_text, _I) and relation == "base":
                continue  # "the last 303 of the agreed 1,000": the whole is mentioned, not returned

            core_phrase = _core_phrase(np)
            if _OTHER_NAT_RE.search(core_phrase) and not (
                _UA_NAT_RE.search(core_phrase) or _RU_NAT_RE.search(core_phrase)
            ):
                continue  # "32 Armenian servicemen": another war's prisoners
            previous_end = previous.end if previous is not None else 0
            # an implied figure ("84 came home from Russian captivity") has no noun phrase of its own
            side_np = np if head_end is not None else ""
            side, explicit = _stated_side(text, clause, clause_start, span, side_np, previous_end, lang)
            if ellipsis and last is not None:
                side, explicit = (RU if last.side == UA else UA), True
            near_before = " ".join(before_text.split()[-4:])
            if paired or (not explicit and (each or po)):
                side, explicit = BOTH, True
            elif (
                side is None
                and previous is not None
                and (_TOTAL_NEAR_RE.search(near_before) or _TOTAL_AFTER_RE.match(after_text))
            ):
                # "55 servicemen and Medvedchuk - 56 in all"; after "103 each" the whole is both sides'
                side, relation = (TOTAL, "base") if previous.side == BOTH else (previous.side, "whole")
            elif side is None and relation != "base" and previous is not None:
                # "175 Ukrainians ... as well as 22 seriously injured"; "175 for 175 and 22 wounded":
                # the wounded released on top go to Ukraine; but a subject and verb of the part's
                # own ("157 each ..., and Moscow also received three civilians") say whose it is
                own = (
                    _side_from_subject_verb(_without_counted_people(text[previous.end : span.start]), lang)
                    if _ACTOR_IN_GAP_RE.search(text[previous.end : span.start])
                    else None
                )
                side = own or (UA if previous.side == BOTH and group == WOUNDED else previous.side)
            elif side is None and (_TOTAL_NEAR_RE.search(near_before) or _TOTAL_AFTER_RE.match(after_text)):
                side = TOTAL
            if side is None:
                side = _side_from_subject_verb(_without_counted_people(before_text), lang)
            pronoun = _PRONOUN_SUBJECT_RE.search(before_text) if side is None else None
            if pronoun:
                # "Russia handed over 84 POWs; in addition, it released 12 wounded": "it" is Russia
                actor = _side_from_actor(_without_counted_people(text[: window_start + pronoun.start()]))
                if actor is not None:
                    name = "Russia" if actor == RU else "Ukraine"
                    side = _side_from_subject_verb(name + " " + before_text[pronoun.end() :], "en")
            if side is None and (
                _RETURNED_HOME_RE.match(after_text) or _RETURN_OF_BEFORE_RE.search(before_text[-60:])
            ):
                # "Kyiv said 106 soldiers returned home", "the ministry reported the return of 90":
                # the speaker's own people
                side = _speaker(text, span.start)
            if side is None and home and (
                _HOME_BEFORE_RE.search(before_text[-60:]) or re.match(r"^[^.;]{0,60}?\b(?:came|come|are|were|returned)\s+home\b", after_text, _I)
            ):
                # "KYIV — ... Thursday's exchange brought home 185 soldiers": home is where the
                # story is filed from
                side = home
            if side is None and _BOTH_SUBJECT_RE.search(before_text) and _GIVE_RE.search(before_text):
                side = TOTAL if _EXCHANGE_WORD_RE.search(before_text) else BOTH
            elif (
                side is None
                and (_SWAP_OF_BEFORE_RE.search(before_text[-60:]) or _SWAPPED_AFTER_RE.match(after_text))
                # "Kyiv traded three pilots for 45 fighters": sides, unless both countries are the subject
                and not (_one_side_of_a_pair(after_text) and not _BOTH_SUBJECT_RE.search(before_text))
            ):
                side = TOTAL  # "the exchange of approximately 448 prisoners", "372 were swapped"
            if (
                (relation == "additive" or (relation == "subset" and explicit and not subset_marked))
                and previous is not None
                and side not in (previous.side, BOTH)
                and previous.side != BOTH
            ):
                relation = "base"  # "157 Ukrainian soldiers and 157 Russian servicemen": two sides

            count = _Count(
                # "55 soldiers and the politician Viktor Medvedchuk": a named person on top
                value=span.value + (1 if _named_person_after(after_text) else 0),
                sentence=sentence.index,
                start=span.start,
                end=span.end,
                side=side,
                group=group,
                approx=approx,
                relation=relation,
                explicit_side=explicit,
                speaker=_speaker(text[window_start : span.end + _CONTEXT_CHARS], span.start - window_start)
                # "Зеленский привел другую цифру. По его словам, домой вернулись 189": the speaker
                # of the sentence before
                or (
                    _speaker(previous_text, len(previous_text))
                    if _HIS_WORDS_RE.search(text[: span.start])
                    else None
                ),
                in_additive_sentence=bool(_ADDITIVE_SENTENCE_RE.search(text)),
                descriptor=descriptor,
                totalled=bool(_TOTAL_NEAR_RE.search(near_before) or _TOTAL_AFTER_RE.match(after_text)),
            )
            counts.append(count)
            # "207 Ukrainians (among them 10 civilians)": what follows is a breakdown of this count
            subset_open = referent_whole or (side in (UA, RU) and _breakdown_follows(after_text))
            previous = count
    return counts, recalled_any, cumulative_any


def _stated_side(
    sentence: str, clause: str, clause_start: int, span: NumberSpan, np: str, previous_end: int, lang: str
) -> tuple[str | None, bool]:
    """(side, True) when the text says whose people a number counts: their nationality, "of its"
    (the nearest country before), or a direction ("from Russian captivity", "to Russia") after the
    number or just before it (not reaching back past an earlier count)."""
    possessor = _POSSESSOR_BEFORE_RE.search(sentence[: span.start])
    if possessor:
        return (
            RU if possessor[1].lower() in ("russia", "moscow") else UA
        ), True  # "Ukraine's 207 freed POWs"
    # the nationality of the people themselves ("Ukrainian soldiers", "военнопленных ВСУ")
    for_np = _core_phrase(np)
    ua, ru = _UA_NAT_RE.search(for_np), _RU_NAT_RE.search(for_np)
    if ua and not ru:
        return UA, True
    if ru and not ua:
        return RU, True
    # "230 of their service members", "Russia got back 144 of its own"
    if re.match(r"^\s*(?:of (?:its|their|our)|своїх|своих|de (?:ses|leurs))\b", np, _I):
        # "Росія передала Україні 84 полонених, а отримала 84 своїх": the reflexive is the subject's,
        # not the recipient's (a dative "Україні", "to Kyiv" is no owner)
        side = _side_from_actor(_RECIPIENT_RE.sub(lambda m: " " * len(m[0]), _without_counted_people(sentence[: span.start])))
        if side:
            return side, True
    # the direction must belong to this count: stop at the next number or a colon
    clause_after = re.split(r"[:\d]", clause[span.end - clause_start :], maxsplit=1)[0][:100]
    # "270 військових і 120 цивільних, Росії передали таку саму кількість": a comma and the other
    # country open a statement of its own
    clause_after = _OTHER_STATEMENT_RE.split(clause_after, maxsplit=1)[0]
    near_before = sentence[max(previous_end, clause_start, span.start - 60) : span.start]
    after_ua, after_ru = _TO_UA_RE.search(clause_after), _TO_RU_RE.search(clause_after)
    if (
        after_ua
        and after_ru
        and re.search(
            r"\b(?:and|while|whereas|і|та|и|а)\b", clause_after[min(after_ua.end(), after_ru.end()) :], _I
        )
    ):
        # "84 were returned to Ukraine on Friday and the same number to Russia": the nearer one
        after_ua, after_ru = (after_ua, None) if after_ua.start() < after_ru.start() else (None, after_ru)
    to_ua = after_ua or _TO_UA_RE.search(near_before)
    to_ru = after_ru or _TO_RU_RE.search(near_before)
    if lang == "ru" and to_ua and to_ua[0].lower() in ("на родину", "додому"):
        to_ua = None
    if to_ua and not to_ru and re.fullmatch(r"(?:з|из) (?:полону|плена)", to_ua[0], _I):
        # "Россия вернула из плена 246 военных": an unqualified "from captivity" is home to
        # whoever brought them back
        actor = _side_from_subject_verb(_without_counted_people(sentence[clause_start : span.start]), lang)
        if actor == RU and _GET_RE.search(sentence[clause_start : span.start]):
            return RU, True
        if actor is None and _speaker(sentence, span.start) == RU:
            return RU, True  # "из плена возвращены 84 военнослужащих, сообщило Минобороны России"
    if lang != "ru" and to_ru and to_ru[0].lower() == "на родину":
        to_ru = None
    if to_ua and not to_ru:
        return UA, True
    if to_ru and not to_ua:
        return RU, True
    return None, False


def _without_counted_people(text: str) -> str:
    """Blank out "175 Ukrainian prisoners": counted people are not the actor of a later verb."""
    return re.sub(
        # (not across a clause: "84 soldiers while Russia received 84 of its servicemen")
        r"\d[\d,  ]*\s+(?:(?!(?:and|та|і|и|und|et|while|whereas|but|а|але|но|aber|mais|tandis)\b)\w+\s+){0,2}?"
        r"(?:ukrain|russia|україн|росі|украин|росси)\w*",
        lambda m: " " * len(m[0]),
        text,
        flags=_I,
    )


# --- choosing the figures ---------------------------------------------------------------------


@dataclass
class _SideClaim:
    """One statement of how many people returned to a side."""

    value: int
    sentence: int
    speaker: str | None
    explicit: bool
    weak: bool  # from the headline or a "1,000-for-1,000 swap" descriptor: used when nothing else is
    base_group: str  # the group of its first count: a civilians-only statement is a subgroup
    groups: set[str]  # every group summed into it
    totalled: bool  # "In total 29 Ukrainians came home": a whole, never added to
    in_additive_sentence: bool
    parts: list[int]  # the counts summed into it ("185 servicemen and 20 civilians": 185, 20)
    start: int = 0  # where its first count stands in its sentence


def _side_claims(counts: list[_Count], side: str) -> list[_SideClaim]:
    """Each base count plus the additive extras after it in its sentence ("175 POWs as well as 22
    injured" = 197), or a restated whole ("55 servicemen and Medvedchuk - 56 people in all")."""
    claims: list[_SideClaim] = []
    current: _SideClaim | None = None
    for c in sorted(counts, key=lambda c: (c.sentence, c.start)):
        if current is not None and c.sentence != current.sentence:
            current = None
        if c.approx or c.side not in (side, BOTH):
            continue
        if c.relation == "base":
            current = _SideClaim(
                value=c.value,
                sentence=c.sentence,
                speaker=c.speaker,
                explicit=c.explicit_side,
                weak=c.sentence < 0 or c.descriptor,
                base_group=c.group,
                groups={c.group},
                totalled=c.totalled,
                in_additive_sentence=c.in_additive_sentence,
                parts=[c.value],
                start=c.start,
            )
            claims.append(current)
        elif current is not None and c.relation == "additive":
            current.value += c.value
            current.groups.add(c.group)
            current.parts.append(c.value)
        elif current is not None and c.relation == "whole":
            current.value = c.value
            current.totalled = True
    return claims


def _with_later_extras(claims: list[_SideClaim]) -> list[_SideClaim]:
    """Add wounded/civilians stated on their own after a main figure ("In addition, Russia handed
    over 31 wounded Ukrainians") to the main figure stated last before them, only that one: a lead
    "197 Ukrainians came home" already holds the 22 wounded the next sentence adds to its "175
    each". Stated totals are left as they are."""
    main = [c for c in claims if c.base_group == MAIN]
    extras = [c for c in claims if c.base_group != MAIN and c.in_additive_sentence and not c.weak]
    if not main:
        return claims  # only subgroups were stated: they are the figure
    added: dict[int, list[_SideClaim]] = {}
    for extra in extras:
        before = [c for c in main if (c.sentence, c.start) < (extra.sentence, extra.start)]
        if before:
            target = max(before, key=lambda c: (c.sentence, c.start))
            added.setdefault(id(target), []).append(extra)
    result = []
    for claim in main:
        value = claim.value
        parts = list(claim.parts)
        if not claim.totalled:
            for extra in added.get(id(claim), []):
                if not (extra.groups & claim.groups):
                    value += extra.value
                    parts.append(extra.value)
        result.append(
            _SideClaim(
                value,
                claim.sentence,
                claim.speaker,
                claim.explicit,
                claim.weak,
                claim.base_group,
                claim.groups,
                claim.totalled,
                claim.in_additive_sentence,
                parts,
                claim.start,
            )
        )
    return result


@dataclass(frozen=True)
class _Choice:
    value: int | None
    disputed: bool
    sentences: tuple[int, ...]
    explicit: bool


_SAME_NUMBER_RE = _rx(
    r"the same number|an equal number|the same amount|as many (?:of its own|russians|ukrainians)|"
    r"стільки ж|таку ж кількість|таку саму кількість|столько же|такое же количество|такое же число"
)


def _clause_recalled(f: _SentenceFacts, position: int, published: date | None) -> bool:
    """Is the clause of a recalled sentence that holds `position` itself about an earlier swap?"""
    text = f.sentence.text
    start, end = next(((a, b) for a, b in _clause_bounds(text) if a <= position < b), (0, len(text)))
    return bool(_RECALL_RE.search(text[start:end])) or _recalled_date(f.dates, start, end, text, published)


_MILITARY_AFTER_RE = _rx(
    r"^\W*(?:of\s+)?(?:its\s+|their\s+)?(?:\w+\s+)?(?:servicem[ae]n|soldiers|troops|military|POWs|prisoners of war|"
    r"військовослужбовц\w*|військових|військовополонен\w*|военнослужащ\w*|военных|военнопленн\w*|soldat\w*|militaires)"
)


def _mirror_same_number(
    results: dict[str, _Choice], facts: list[_SentenceFacts], counts: list[_Count], published: date | None
) -> None:
    """ "Russia received the same number of its own soldiers": the other side's figure, mirrored.
    "The same number of servicemen" mirrors the military part only, without the civilians."""
    known = [side for side in (UA, RU) if results[side].value is not None]
    if len(known) != 1:
        return
    for f in facts:
        same = _SAME_NUMBER_RE.search(f.sentence.text) if f.is_trigger else None
        if same and f.is_recalled and _clause_recalled(f, same.start(), published):
            same = None
        if same:
            source = results[known[0]]
            other = RU if known[0] == UA else UA
            value = source.value
            civilians, _ = _subgroup(counts, known[0], CIVILIAN, allow_unsided=False)
            if (
                civilians
                and value
                and civilians < value
                and _MILITARY_AFTER_RE.match(f.sentence.text[same.end() :])
            ):
                value -= civilians
            results[other] = _Choice(value, False, (f.sentence.index,), False)
            return


def _choose(claims: list[_SideClaim], own_speaker: str, subgroups: frozenset[int] = frozenset()) -> _Choice:
    if not claims:
        return _Choice(None, False, (), False)
    body = [c for c in claims if not c.weak] or claims
    support = Counter(c.value for c in body)
    top = max(support.values())
    # a figure far below the best-supported one is a subgroup ("19 of them were sentenced")
    tied = [v for v, n in support.items() if n == top]
    headlines = [c.value for c in claims if c.weak and c.sentence < 0]

    def in_headline(value: int) -> int:  # the headline's "146" backs "146 + 8 civilians"
        return sum(1 for h in headlines if h == value or any(c.value == value and h in c.parts for c in body))

    if len(tied) > 1 and len({in_headline(v) for v in tied}) > 1:
        # "84 came home" and "5,857 in all" once each: the headline's figure is the news
        tied = [v for v in tied if in_headline(v) == max(in_headline(t) for t in tied)]
    first = min((c for c in body if c.value in tied), key=lambda c: (c.sentence, c.start)).value
    # a figure stated as often as the first one but far above it is a running total the story
    # goes on to ("84 came home on Friday. ... 5,857 Ukrainians have come home"): the lead is the news,
    # unless the larger one is the lead plus the subgroups stated ("ten soldiers each ... 19
    # civilian sailors ..., so 29 people in all")
    wholes = {first + extra for extra in subgroups} | {first + sum(subgroups)}
    leader = first if max(tied) > first / 0.6 and max(tied) not in wholes else max(tied)
    # "45 servicemen" beside "45 servicemen and 2 civilians" is a part of the figure, not a rival
    components = {p for c in body if len(c.parts) > 1 for p in c.parts} - {
        c.value for c in body if len(c.parts) > 1
    }
    # and one far above it is another quantity ("84 came home" beside "5,857 in all so far")
    values = {v for v in support if 0.6 * leader <= v <= leader / 0.6 and v not in components}
    # "175 each" beside "197 came home in all" with 22 wounded on top: one figure without its extras
    values -= {v for v in values if any(v + extra in values for extra in subgroups)}
    if not values:
        values = {leader}
    if len(values) > 1:
        own = [c for c in body if c.value in values and c.speaker == own_speaker]
        neutral = [c for c in body if c.value in values and c.speaker is None]
        pool = own or neutral or [c for c in body if c.value in values]
        pool_support = Counter(c.value for c in pool)
        best = max(pool_support.values())
        chosen = min((c for c in pool if pool_support[c.value] == best), key=lambda c: c.sentence).value
        disputed = True
    else:
        chosen = leader
        disputed = False
    used = tuple(sorted({c.sentence for c in body if c.value == chosen}))
    explicit = any(c.explicit for c in body if c.value == chosen)
    return _Choice(chosen, disputed, used, explicit)


def _subgroup(
    counts: list[_Count], side: str, group: str, allow_unsided: bool
) -> tuple[int | None, tuple[int, ...]]:
    sides = (side, None) if allow_unsided else (side,)
    found = [
        c
        for c in counts
        if c.group == group
        and not c.approx
        # "Among those freed were 12 civilians": a breakdown of the returnees, reported by Kyiv
        and (c.side in sides or (side == UA and c.side is None and c.relation == "subset"))
    ]
    if not found:
        return None, ()
    support = Counter(c.value for c in found)
    best = max(support.values())
    value = min((c for c in found if support[c.value] == best), key=lambda c: (c.sentence, c.start)).value
    return value, tuple(sorted({c.sentence for c in found if c.value == value}))


def _total_consistent(total: int, approx_text: str | None, parts_sum: int) -> bool:
    if not approx_text:
        return total == parts_sum
    tolerance = 0.1 if total % 50 == 0 else 0.03
    lowered = approx_text.lower()
    if re.search(
        r"nearly|almost|close to|up to|under|fewer|less|майже|почти|близько до|менее|менше", lowered
    ):
        return total * (1 - 2 * tolerance) <= parts_sum <= total
    if re.search(
        r"over|more than|at least|upwards|in excess|понад|більше|щонайменше|более|свыше|больше|не менее",
        lowered,
    ):
        return total <= parts_sum <= total * (1 + 3 * tolerance)
    return abs(parts_sum - total) <= max(2, tolerance * total)


# --- mediators ---------------------------------------------------------------------------

_TALLY_RE = _rx(
    r"\b(?:so far|to date|since|thus far|until now|bring\w* the total)\b|"
    r"досі|загалом|в общей сложности|всего|к настоящему|bisher|insgesamt"
)
_MEDIATION_CUE_RE = _rx(
    r"thank\w*[^.]{0,40}?\bfor (?:its|their|his|her) (?:help|assistance|efforts)|"
    r"дяку\w*[^.]{0,40}?за (?:допомогу|сприяння)|благодар\w*[^.]{0,40}?за (?:помощь|содействие)|"
    r"(?:stitched|put|pieced) together by|(?:arranged|negotiated) by|"
    r"\bhelped (?:to )?(?:arrange|organi[sz]e|broker|facilitate|make (?:it|the \w+) possible|bring about)|"
    # "thanked everyone who helped, in particular the UAE", "подякував усім, хто допомагав, зокрема ОАЕ"
    r"thank\w*[^.]{0,60}?\b(?:helped|assisted|contributed)\b|(?:дяку|подяку)\w*[^.]{0,60}?допомага\w*|"
    r"благодар\w*[^.]{0,60}?помога\w*|dankte[^.]{0,60}?(?:geholfen|hilfe)|"
    r"\bplayed (?:a|an) (?:\w+ )?role\b|"
    r"vermittel\w*|vermittlung\w*|mediat\w*|médiat\w*|sous l'égide|grâce à|avec l'aide|broker\w*|facilitat\w*|with the help of|thanks to|good offices|intermediar\w*|"
    r"посередни\w*|за сприяння|сприяння|завдяки|посредни\w*|при содействии|содействи\w*|благодаря"
)
_MEDIATION_NOT_RE = _rx(
    r"\b(?:offer\w*|ready|willing|prepared|propos\w*|hop\w*|could|would|may|might|wants?|seeks?|aims?)\s+"
    r"(?:\w+\s+)?to\s+(?:mediate|help|broker|facilitate|host)\w*|"
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:earlier|previously|before|already)\s+(?:\w+\s+)?(?:mediat|broker|facilitat)\w*|"
    r"\b(?:previously|in the past)\b[^.;]{0,30}?(?:mediat|broker|facilitat)\w*|"
    r"(?:mediat|broker|facilitat)\w*\s+(?:\w+\s+){0,4}?(?:before|previously|in the past)\b"
)
# a period of the war that is over: mediation named in it is of earlier swaps
_EARLIER_PERIOD_RE = _rx(
    r"\b(?:in|during|over|throughout)\s+the\s+(?:war['’]s|conflict['’]s|invasion['’]s)\s+"
    r"(?:first|early|opening|initial)\s+(?:year|months|weeks|phase|stage)|"
    r"\b(?:in|during|over)\s+the\s+(?:first|early|opening|initial)\s+(?:year|months|weeks|phase|stage)s?\s+of\s+"
    r"the\s+(?:[\w-]+\s+)?(?:war|conflict|invasion)|"
    r"\b(?:at|in)\s+the\s+(?:start|beginning|outset)\s+of\s+the\s+(?:[\w-]+\s+)?(?:war|conflict|invasion)|"
    r"\blast\s+year\b|\bin\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+20\d\d\b|"
    r"у\s+перш\w+\s+(?:рік|місяц\w+)\s+(?:повномасштабної\s+)?(?:війни|вторгнення)|"
    r"в\s+перв\w+\s+(?:год|месяц\w+)\s+(?:войны|вторжения|СВО)|"
    r"\bминулого\s+року\b|\bторік\b|\bв\s+прошлом\s+году\b"
)
_PRONOUN_OPENING_RE = _rx(r"^\W*(?:it|they|the country|the emirates|воно|вони|оно|они|sie|es|elle|ils)\s+(?!\w+\s+(?:to|that)\b)")
_IN_SWAP_TALKS_RE = _rx(
    r"^\W*(?:в|у|in)\s+(?:the\s+)?(?:переговор\w*|talks|negotiations)\b"
    r"(?!\s+(?:о|про|on|about)\s+(?:мир|прекращени|припинен|перемир|peace|a\s+ceasefire|ceasefire))"
)
_TALKS_AFTER_CUE_RE = _rx(
    r"^\W*(?:the\s+)?(?:\w+\s+)?(?:talks|discussions|negotiations|meeting|peace|dialogue|переговор\w*)\b"
)


@cache
def _mediator_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """(code, its names and acronyms, its capital right beside a mediation cue or None)."""
    data = tomllib.loads((Path(__file__).parent / "data" / "mediators.toml").read_text(encoding="utf-8"))
    patterns = []
    for code, entry in data.items():
        names = "|".join(entry.get("names", []))
        acronyms = "|".join(entry.get("acronyms", []))
        parts = []
        if names:
            parts.append(f"(?i:{names})")
        if acronyms:
            parts.append(f"(?:{acronyms})")
        capital = None
        if entry.get("capitals"):
            cap = f"(?:{'|'.join(entry['capitals'])})"
            capital = re.compile(
                rf"(?:brokered|mediated|facilitated|arranged|negotiated|secured)\s+by\s+{cap}|"
                rf"(?:thanks to|with the help of|mediation (?:of|by)|help from)\s+{cap}|thank\w*\s+{cap}\s+for|"
                rf"{cap}[-‐ ](?:brokered|mediated)|{cap}\s+(?:helped|played|mediated|brokered|facilitated)\b|{cap}['’]s\s+(?:mediation|help|efforts|good offices)|"
                rf"(?:посередництв\w*|сприяння|посредничеств\w*|содействии)\s+{cap}|"
                rf"(?:médiation|l'égide|l'aide)\s+(?:de\s+|d')?{cap}|vermittlung\s+(?:von\s+)?{cap}",
                _I,
            )
        patterns.append((code, re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?!\w)"), capital))
    return tuple(patterns)


# "two US citizens were among the freed": the nationality of people freed is not mediation
_PEOPLE_OF_COUNTRY_RE = _rx(
    r"^[\s-]*(?:[^\W\d]+\s+)?(?:citizens?|nationals?|passport|journalists?|veterans?|volunteers?|"
    r"mercenar\w*|fighters?|prisoners?|captives?|soldiers?|servicem[ae]n|громадян\w*|граждан\w*|"
    r"citoyens?|staatsbürger\w*|ressortissants?)\b"
)


# "10 foreigners, including citizens of the United Kingdom, the United States and Morocco"
_PEOPLE_OF_LIST_RE = _rx(
    r"\b(?:citizens?|nationals?|passport holders|громадян\w*|граждан\w*|citoyens?|staatsbürger\w*|"
    r"ressortissants?)\s+(?:of|from|з|із|из|de|d'|aus)\s+[^.;:]*$"
)


def _names_mediator(text: str, names: re.Pattern[str], capital: re.Pattern[str] | None) -> bool:
    if capital is not None and capital.search(text):
        return True
    return any(
        not _PEOPLE_OF_COUNTRY_RE.match(text[m.end() :])
        and not (
            (listed := _PEOPLE_OF_LIST_RE.search(text[max(0, m.start() - 120) : m.start()]))
            and not _MEDIATION_CUE_RE.search(listed[0])
        )
        for m in names.finditer(text)
    )


_ASIDE_RE = _rx(r",\s*(?:which|who|що|яка|який|які|который|которая|которые|die|der|qui)\b[^,;.]*")


def _blank_asides(text: str, keep: int) -> str:
    """`text` with its relative asides (", which has mediated most swaps since 2024") blanked,
    except the one holding position `keep`."""
    return _ASIDE_RE.sub(lambda m: m[0] if m.start() <= keep < m.end() else " " * len(m[0]), text)


def _mediators(
    sentences: list[_Sentence], excluded: set[int], published: date | None = None
) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Countries named beside a mediation cue ("brokered by the UAE", "за посередництва ОАЕ",
    "He thanked Turkey for its mediation"). "US-mediated talks" is about talks, not the swap."""
    codes: set[str] = set()
    used: set[int] = set()
    previous_about_exchange = False
    previous_subject: str | None = None  # the country a sentence opens with ("The UAE, which ...")
    for s in sentences:
        about_exchange = _mentions_return(s.text.lower())
        marked = _blank_comparisons(s.text)  # "как и в предыдущие разы" recalls no earlier swap
        cues = [
            m
            for m in _MEDIATION_CUE_RE.finditer(s.text)
            if not (
                _TALKS_AFTER_CUE_RE.match(s.text[m.end() :])
                # "Посредничество в переговорах (об обмене) оказали ОАЭ": mediation in the talks
                # that made this swap, unless they are peace talks
                and not _IN_SWAP_TALKS_RE.match(s.text[m.end() :])
            )
            # "1,994 captives exchanged through UAE mediation so far": a running tally (not one in
            # an aside about the mediator: "The UAE brokered it, which has mediated most swaps since 2024")
            and not _TALLY_RE.search(_blank_asides(s.text, m.start())[max(0, m.start() - 50) : m.end() + 50])
            # "Turkey had earlier offered to mediate": a mediation offered or of another time
            and not any(n.start() <= m.start() < n.end() for n in _MEDIATION_NOT_RE.finditer(marked))
        ]
        # each cue speaks of the countries in its clause ("The UAE brokered it; Qatar has mediated
        # before"), not of one whose clause is about children ("Qatar helped return 20 children")
        clauses = _clause_bounds(s.text)
        # (an aside holding no cue says nothing of the cue: "Qatar helped arrange it, which has also
        # worked on the return of children")
        cue_starts = [m.start() for m in cues]
        unaside = s.text
        for aside in _ASIDE_RE.finditer(s.text):
            if not any(aside.start() <= c < aside.end() for c in cue_starts):
                unaside = unaside[: aside.start()] + " " * len(aside[0]) + unaside[aside.end() :]
        kept = [(a, b) for a, b in clauses if not _CHILD_RE.search(unaside[a:b])]
        cues = [m for m in cues if any(a <= m.start() < b for a, b in kept)]
        scope = " | ".join(s.text[a:b] for a, b in kept if any(a <= m.start() < b for m in cues))
        # a cue in a sentence of its own ("He thanked Turkey for its mediation") counts unless it
        # is about the future or the past ("Qatar offered to mediate", "has mediated before")
        standalone = not _FUTURE_RE.search(s.text) and not re.search(
            r"\b(?:before|previously|earlier|in the past)\b|раніше|ранее", marked, _I
        )
        # "In the war's first year, Turkey and Saudi Arabia played a role ...", "In 2022, Turkey
        # brokered the release of ...": the swaps of another time
        of_another_time = bool(_EARLIER_PERIOD_RE.search(scope)) or (
            published is not None
            and bool(scope)
            and (
                _recalled_date(find_dates(scope, published), 0, len(scope), scope, published)
                or any(
                    int(y) < published.year
                    for y in re.findall(r"\b(?:in|during|im|en|в|у)\s+((?:19|20)\d\d)\b(?![-–])", scope, _I)
                )
            )
        )
        if cues and s.index not in excluded and not of_another_time and (
            about_exchange or previous_about_exchange or standalone
        ):
            found = {
                code
                for code, names, capital in _mediator_patterns()
                if _names_mediator(scope, names, capital)
            }
            if not found and _PRONOUN_OPENING_RE.match(s.text) and previous_subject:
                # 'The UAE ... said its diplomats had worked on the deal. It described the release as
                # the product of "successful mediation efforts"': the pronoun is the country before
                found = {previous_subject}
            if not found:  # 'The UAE said "its mediation" made it possible': the cue quoted apart
                wide = " | ".join(s.text[a:b] for a, b in kept)
                found = {
                    code
                    for code, names, capital in _mediator_patterns()
                    if _names_mediator(wide, names, capital)
                }
            codes |= found
            if found:
                used.add(s.index)
        previous_about_exchange = about_exchange and s.index not in excluded
        lead = s.text[:60]
        previous_subject = next(
            (code for code, names, _ in _mediator_patterns() if (m := names.search(lead)) and m.start() <= 8),
            None,
        )
    return tuple(sorted(codes)), tuple(sorted(used))


# --- exchange number ----------------------------------------------------------------------

# "the fifth exchange this year" counts this year's swaps, not the war's
_ORDINAL_CONTEXT_NOT_RE = _rx(
    r"^\W*(?:\w+\W+){0,3}?(?:this (?:year|month)|of the (?:year|month)|in \d{4}|цього року|этого года|"
    r"в этом году|у цьому році)\b"
)


_GERMAN_ORDINAL_EXCHANGE_RE = _rx(r"\b(\d{1,3})\.\s+(?:\w+\s+)?(?:gefangenen)?austausch")


_EXCHANGE_WAS_RE = _rx(
    r"(?:exchange|swap|обмін|обмен)\w*\s+(?:was|is|became|marks?|marked|represents?|став|стал)\s+"
    r"(?:the\s+|already\s+the\s+|вже\s+|уже\s+)?$"
)


_THIS_WAS_RE = _rx(
    r"\b(?:it|this|this one|this swap|this exchange|today['’]s swap)\s+(?:was|is|marks|marked|became)\s+(?:the\s+)?$|"
    r"(?:^|\W)(?:це|это|он|він|es|c['’]est|dies)\s+(?:був|был|став|стал|стало|є|war|ist|était|est)?\s*(?:вже\s+|уже\s+|der\s+|le\s+)?$"
)


def _exchange_number(sentences: list[_Sentence], recalled: set[int]) -> tuple[int | None, int | None]:
    for s in sentences:
        if s.index in recalled:
            # "it was the 49th exchange of the war and the first since early August, when 22 were
            # returned": the ordinal named as this swap's comes before what the sentence recalls
            for span in find_numbers(s.text):
                if (
                    span.is_ordinal
                    and 5 <= span.value <= 500
                    and _ORDINAL_EXCHANGE_RE.match(s.text[span.end :])
                    and _THIS_WAS_RE.search(s.text[: span.start])
                ):
                    return span.value, s.index
            continue
        german = _GERMAN_ORDINAL_EXCHANGE_RE.search(s.text)
        if german and 5 <= int(german[1]) <= 500:
            return int(german[1]), s.index  # "der 58. Austausch"
        for span in find_numbers(s.text):
            if not span.is_ordinal or span.value < 5 or span.value > 500:
                continue
            after = s.text[span.end :]
            m = _ORDINAL_EXCHANGE_RE.match(after)
            if m and not _ORDINAL_CONTEXT_NOT_RE.match(after[m.end() :]):
                return span.value, s.index
            # "The exchange was the 58th since the war began"
            if _EXCHANGE_WAS_RE.search(s.text[: span.start]) and not _ORDINAL_CONTEXT_NOT_RE.match(after):
                return span.value, s.index
    return None, None


# --- the date ------------------------------------------------------------------------------


_DATELINE_RE = re.compile(r"^\s*[A-ZА-ЯІЇЄҐ][A-ZА-ЯІЇЄҐ.'’ -]{2,30},\s*")
_SAID_ON_RE = _rx(
    r"\b(?:said|says|announced|reported|told \w+|stated|confirmed|wrote)\s+(?:on\s+|late\s+|early\s+)?$|"
    r"(?:заяви\w*|повідоми\w*|сообщи\w*|написа\w*)\s+(?:у|в)?\s*$"
)


def _event_date(
    facts: list[_SentenceFacts], evidence: tuple[int, ...], published: date | None
) -> tuple[date | None, int | None, bool]:
    """(date, sentence it came from, stated in the text)."""

    ordered = [f for f in facts if f.sentence.index in evidence]
    ordered += [f for f in facts if f.sentence.index not in evidence and f.is_trigger and not f.is_recalled]
    said_day: tuple[date | None, int | None, bool] | None = None  # "Kyiv said on Saturday"
    for f in ordered:
        clauses = _clause_bounds(f.sentence.text)
        # "said on Friday that 185 came home late Thursday": the day of the saying is not the swap's
        # and neither is a dateline's ("KYIV, June 12 - On Sunday, 95 came home")
        dateline = _DATELINE_RE.match(f.sentence.text)
        reporting = [
            bool(_SAID_ON_RE.search(f.sentence.text[max(0, d.start - 30) : d.start]))
            or (dateline is not None and d.start == dateline.end())
            for d in f.dates
        ]
        # "late Wednesday", "Wednesday night" name when the swap ended: preferred in their sentence
        late = [
            bool(
                re.search(
                    r"\b(?:late|early)\s+(?:on\s+)?$", f.sentence.text[max(0, d.start - 12) : d.start], _I
                )
            )
            or bool(re.match(r"^\s+(?:night|evening)\b", f.sentence.text[d.end :], _I))
            for d in f.dates
        ]
        ranked = sorted(zip(reporting, late, f.dates, strict=True), key=lambda item: (item[0], not item[1]))
        for _, _, d in ranked:
            if not _is_current(d, published):
                continue
            clause = next((f.sentence.text[a:b] for a, b in clauses if a <= d.start < b), "")
            if f.sentence.index not in evidence and re.search(
                r"announc|agreed|оголоси|объяви|анонс", clause, _I
            ):
                continue
            said = bool(_SAID_ON_RE.search(f.sentence.text[max(0, d.start - 30) : d.start]))
            if said_day is not None and (
                f.sentence.index in evidence
                or not _SWAP_HAPPENED_RE.search(clause)
                or _FUTURE_RE.search(clause)
            ):
                continue  # only another sentence's "the swap took place on Friday" beats the saying
            if said and said_day is None:
                said_day = (d.value, f.sentence.index, True)
                continue
            return d.value, f.sentence.index, True
    return said_day or (published, None, False)


# "The swap took place on Friday": a sentence that dates the swap itself
_SWAP_HAPPENED_RE = _rx(
    r"\b(?:swap|exchange)\w*\s+(?:\w+\s+){0,3}?(?:took place|happened|was carried out|was completed|came)\b|"
    r"(?:обмін\w*|обмен\w*)\s+(?:\w+\s+){0,3}?(?:відбув\w*|состоял\w*|пройш\w*|прош[её]л|провели)|"
    r"(?:відбув\w*|состоял\w*|провели)\s+(?:\w+\s+){0,2}?(?:обмін\w*|обмен\w*)|"
    r"\b(?:austausch\w*)\s+(?:\w+\s+){0,3}?(?:fand|stattgefunden)|échange\w*\s+(?:\w+\s+){0,3}?a eu lieu"
)


_FOREIGN_PARTY_RE = _rx(
    r"united states|\bU\.?S\.?\b|america\w*|german\w*|poland|polish|norway|slovenia|belarus\w*|armenia\w*|"
    r"azerbaijan\w*|israel\w*|\bthe west\b|western|\bсша\b|америк\w*|герман\w*|німеч\w*|вірмен\w*|армени\w*|азербайдж\w*|"
    r"westlich\w*|\bdes westens\b|vereinigten staaten|\bUSA\b|західн\w*|западн\w*|occidenta\w*|états-unis|américain\w*"
)
_RU_NAME = r"(?:moscow|russia|moskau|russland|moscou|la russie|москв\w*|росси\w*|росі\w*)"
_UA_NAME = r"(?:kyiv|kiev|kiew|ukraine|l'ukraine|київ\w*|києв\w*|україн\w*|киев\w*|украин\w*)"
_PAIR = rf"(?:{_RU_NAME}\s+(?:and|und|et|и|і|та)\s+{_UA_NAME}|{_UA_NAME}\s+(?:and|und|et|и|і|та)\s+{_RU_NAME})"
_UNRELATED = (
    r"(?:nothing to do|nichts zu tun|не (?:имеет|имел) (?:никакого )?отношения|"
    r"не ма[єв] (?:жодного )?(?:стосунку|відношення)|n'a rien à voir|unrelated|separate from|getrennt)"
)
_NOT_UKRAINE_RE = _rx(
    r"(?:did not|does not|didn't|doesn't|not) involv\w* ukraine|unrelated to (?:the war in )?ukraine|"
    r"не стосу\w* україни|не касается украины|"
    # "Mit dem Austausch von Kriegsgefangenen zwischen Moskau und Kiew hat der Deal nichts zu tun":
    # the swaps between the two countries named apart from this one
    rf"(?:{_PAIR}[^.]{{0,120}}?{_UNRELATED}|{_UNRELATED}[^.]{{0,120}}?{_PAIR})"
)


def _involves_ukraine(facts: list[_SentenceFacts], sentences: tuple[int, ...]) -> bool:
    """The figures' sentences, the headline or another sentence about the swap must name Ukraine
    (or Ukrainians, "захисники", ВСУ): a Russia-US or Armenia-Azerbaijan swap is not this war's."""
    if any(_NOT_UKRAINE_RE.search(f.sentence.text) for f in facts):
        return False
    own = [f.sentence.text for f in facts if f.sentence.index in sentences]
    if any(_EXCHANGE_WORD_RE.search(t) for t in own) and not any(_FOREIGN_PARTY_RE.search(t) for t in own):
        return True  # "в рамках обмена в Россию вернулись 49 граждан": a Russian report of this war's swap
    texts = [
        f.sentence.text
        for f in facts
        if f.sentence.index in sentences or f.sentence.index < 0 or (f.is_trigger and not f.is_recalled)
    ]
    if any(_RU_NAT_RE.search(t) and _SOLDIERS_RE.search(t) for t in own) and not any(
        _FOREIGN_PARTY_RE.search(t) for t in texts
    ):
        return True  # "домой вернулись 84 российских военнослужащих": Russia's POWs are this war's
    # "додому", "з полону" are Ukrainian: in a Ukrainian text, home is Ukraine; so is Kyiv's speaker
    return any(
        _UA_ACTOR_RE.search(t)
        or _UA_NAT_RE.search(t)
        or re.search(r"додому|\bі?з полону", t, _I)
        or _SPEAKER_UA_RE.search(t)
        for t in texts
    )


_SOLDIERS_RE = _rx(
    r"servicem[ae]n|soldiers|troops|\bPOWs\b|prisoners of war|military personnel|военнослужащ\w*|военнопленн\w*|"
    r"военных|військовослужбовц\w*|військовополонен\w*|військових|soldaten|kriegsgefangene\w*|"
    r"militaires|soldats|prisonniers de guerre"
)


# --- the public functions ---------------------------------------------------------------------


_REVIEW_HEADLINE_RE = _rx(
    r"\byear in review\b|\b(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|the (?:year|month)) in (?:review|numbers)\b|\blooking back (?:at|on) (?:19|20)\d\d\b|"
    r"підсумк\w* (?:(?:19|20)\d\d\s+)?року|підсумк\w* (?:(?:19|20)\d\d|\d+ років)|итог\w* (?:(?:19|20)\d\d\s+)?года|"
    r"jahresrückblick|bilan de l'année|rétrospective (?:19|20)\d\d"
)
# a live-blog entry's time stamp on a line of its own: "Posted at 18:02", "14:40 GMT", "Оновлено о 18:02"
_ENTRY_TIME_RE = _rx(
    r"^\s*(?:(?:posted|updated|published|added|оновлено|опубліковано|обновлено|опубликовано|aktualisiert)\s+)?"
    r"(?:at\s+|о\s+|в\s+|um\s+|à\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.|gmt|bst|utc|cet|cest|eet|eest|msk|"
    r"edt|est|et|uhr|kyiv time|за київським часом)?\s*$"
)


def _side_unsided_extras(facts: list[_SentenceFacts]) -> None:
    """ "Ukraine got back 72 soldiers. Twelve civilians were also freed.": a sentence adding only
    wounded or civilians, with no side of its own, right after one side's figure, adds to that side."""
    previous: _SentenceFacts | None = None
    for f in facts:
        if (
            previous is not None
            and f.counts
            and previous.counts
            and all(c.side is None and c.group != MAIN and c.in_additive_sentence and not c.approx for c in f.counts)
        ):
            sides = {c.side for c in previous.counts if c.group == MAIN}
            if len(sides) == 1 and (side := sides.pop()) in (UA, RU):
                for c in f.counts:
                    c.side = side
        if f.counts or f.is_trigger:
            previous = f


def detect_published(text: str) -> date | None:
    """A date the text states as its own ("date 2024-01-04", a dated dateline), else None."""
    return find_stated_date(text)


def extract_exchanges(
    text: str, *, published: date | None = None, title: str | None = None
) -> list[ExchangeMention]:
    """The exchanges an article reports as news, with their figures and evidence.

    Usually one. A text that reports separate days with different figures (a live blog of a
    three-day swap: 390, 307, 303) gives one mention per day, newest first.
    """
    if published is None:
        published = detect_published(text)
    sentences = _sentences(text, title)
    if sentences and sentences[0].index < 0 and _REVIEW_HEADLINE_RE.search(sentences[0].text):
        return []  # "Year in review: ...", "Підсумки року": a look back, whatever its dates say
    lang = _language(text)
    # Which sentences speak of a return decides everything; most articles have none, and then
    # dating every sentence would cost more than the rest of the article's processing.
    triggers: list[bool] = []
    for s in sentences:
        lowered = s.text.lower()
        triggers.append(
            _mentions_return(lowered)
            or (
                # "Among the Ukrainians are 120 civilians." right after the figures
                bool(triggers) and triggers[-1] and bool(_SUBSET_OPENING_RE.match(s.text))
            )
            or bool(_BREAKDOWN_LOWER.search(lowered))
            # "Russia got 90 servicemen", "Ukraine said it had brought 115 of its defenders home"
            or bool(_RETURN_CONTEXT_LOWER.search(lowered) and _PEOPLE_LOWER.search(lowered))
            or bool(_PEOPLE_EACH_SIDE_RE.search(lowered))
        )
    if not any(triggers):
        return []
    home = _dateline_home(sentences)
    facts: list[_SentenceFacts] = []
    dated: set[int] = set()  # sentences analysed for figures (their dates are found on the way)
    previous_text = ""
    for s, is_trigger in zip(sentences, triggers, strict=True):
        f = _SentenceFacts(s, is_trigger=is_trigger)
        if f.is_trigger and len(dated) < _MAX_ANALYSED_SENTENCES:
            dated.add(s.index)
            f.dates = find_dates(s.text, published)
            f.counts, f.is_recalled, f.is_cumulative = _counts_in_sentence(
                s, lang, published, f.dates, previous_text, home
            )
        facts.append(f)
        previous_text = s.text
    if not any(f.counts for f in facts):
        return []
    _side_unsided_extras(facts)
    for f in facts:  # the other sentences' dates matter only now (the event date, episodes)
        if f.sentence.index not in dated:
            f.dates = find_dates(f.sentence.text, published)
    # sentences about other swaps say nothing about this swap's mediators or number
    recalled = {f.sentence.index for f in facts if f.is_recalled and not f.counts}
    cumulative = {f.sentence.index for f in facts if f.is_cumulative and not f.counts}
    context = _ArticleContext(
        sentences,
        facts,
        published,
        *_mediators(sentences, recalled, published),
        *_exchange_number(sentences, recalled | cumulative),
    )
    episodes = _episodes(facts, published)
    if len(episodes) > 1:
        built = [(_mention(context, group, day), group, headed) for day, group, headed in episodes]
        mentions = [m for m, _, _ in built]
        pairs = {(m.returned_to_ukraine, m.returned_to_russia) for m in mentions if m}
        # a live blog: each dated entry is news, even one that names a single side's figure
        stated = all(m and (m.returned_to_ukraine or m.returned_to_russia) for m in mentions)
        if stated and len(pairs) == len(mentions) and all(headed for _, _, headed in built):
            return mentions
        newest = mentions[0]
        if newest and newest.returned_to_ukraine and newest.returned_to_russia:
            # prose: the newest day is the news; an older day whose figures all differ is a
            # recalled stage ("Yesterday, on the first day, 390 came home")
            recalled_days = {
                f.sentence.index
                for m, group, _ in built[1:]
                if m and _all_figures_differ(m, newest)
                for f in group
            }
            facts = [f for f in facts if f.sentence.index not in recalled_days]
    single = _mention(context, facts, None)
    return [single] if single else []


def _all_figures_differ(older: ExchangeMention, newest: ExchangeMention) -> bool:
    stated = [
        (getattr(older, name), getattr(newest, name))
        for name in ("returned_to_ukraine", "returned_to_russia")
        if getattr(older, name) is not None
    ]
    return bool(stated) and all(a != b for a, b in stated)


@dataclass(frozen=True)
class _ArticleContext:
    """What holds for the whole article, whichever exchange in it is being built."""

    sentences: list[_Sentence]
    facts: list[_SentenceFacts]
    published: date | None
    mediators: tuple[str, ...]
    mediator_sentences: tuple[int, ...]
    exchange_number: int | None
    number_sentence: int | None


def _episodes(
    facts: list[_SentenceFacts], published: date | None
) -> list[tuple[date, list[_SentenceFacts], bool]]:
    """Sentences with counts grouped by the day they are about, newest first: a current date in a
    sentence (or a dated header line such as "Saturday 24 May") holds for the sentences after it
    until the next one. The flag says whether every date of the group came from a header line."""
    groups: dict[date, list[_SentenceFacts]] = {}
    headed: dict[date, bool] = {}
    anchor: date | None = None
    anchor_is_header = False
    for f in facts:
        # "today" in a live-blog entry means the entry's day, so it only anchors text without one
        current = [
            d
            for d in f.dates
            if _is_current(d, published)
            and d.value
            and not (d.kind == "relative" and d.value == published and anchor is not None)
        ]
        if not current and published is not None and not f.counts and _ENTRY_TIME_RE.match(f.sentence.text):
            # "Posted at 18:02": a live-blog entry of the publication day
            anchor, anchor_is_header = published, True
            continue
        if current and not (anchor is not None and current[0].value == anchor):
            # an entry's own sentence repeating its header's day ("on Friday") keeps it headed,
            # with figures or without ("Friday: 390 each" / "The first buses crossed on Friday.")
            anchor = current[0].value
            rest = f.sentence.text
            for d in current:
                rest = rest[: d.start] + " " * (d.end - d.start) + rest[d.end :]
            anchor_is_header = len(re.findall(r"[^\W\d]{3,}", rest)) <= 2 and not f.counts
        if anchor is not None and f.counts:
            groups.setdefault(anchor, []).append(f)
            # a group is headed when every date its figures stand under came from a header line
            # (a lead's "on Sunday" with no figure under it does not count)
            headed[anchor] = headed.get(anchor, True) and anchor_is_header
    return [(day, group, headed.get(day, False)) for day, group in sorted(groups.items(), reverse=True)]


def _mention(ctx: _ArticleContext, facts: list[_SentenceFacts], day: date | None) -> ExchangeMention | None:
    """One exchange from the counts in `facts` (all the article's, or one day's)."""
    counts = [c for f in facts for c in f.counts]
    stated = {c.value for c in counts if not c.descriptor and c.sentence >= 0 and c.group == MAIN and not c.approx}
    if stated:
        # "the first stage of the 1,000-for-1,000 swap: 390 each": the deal's name is no figure,
        # unless it is this exchange's own size ("205 came home ... by the formula «205 на 205»")
        counts = [c for c in counts if not c.descriptor or c.value in stated]
    side_results: dict[str, _Choice] = {}
    for side in (UA, RU):
        claims = _side_claims(counts, side)
        subgroups = frozenset(
            c.value for c in counts if c.group != MAIN and not c.approx and c.side in (side, BOTH, None)
        )
        side_results[side] = _choose(_with_later_extras(claims), side, subgroups)
        extra_sentences = {c.sentence for c in claims if c.base_group != MAIN}
        if side_results[side].value is not None and extra_sentences:
            chosen = side_results[side]
            side_results[side] = _Choice(
                chosen.value,
                chosen.disputed,
                tuple(sorted(set(chosen.sentences) | extra_sentences)),
                chosen.explicit,
            )

    _mirror_same_number(side_results, facts, counts, ctx.published)
    totals = [c for c in counts if c.side == TOTAL and c.group == MAIN]
    exact_totals = [c for c in totals if not c.approx and c.sentence >= 0] or [
        c for c in totals if not c.approx
    ]
    total_count = (exact_totals or totals or [None])[0]
    ua, ru = side_results[UA], side_results[RU]
    if ua.value is None and ru.value is None and total_count is None:
        return None
    if ua.value is None and ru.value is None:
        # a bare total must be measured in captives: "an exchange of fire left 12 hurt" is no swap
        total_text = next(f.sentence.text for f in ctx.facts if f.sentence.index == total_count.sentence)
        if _OTHER_SENSE_RE.search(total_text) or not _CAPTIVES_RE.search(total_text):
            return None
    if not _involves_ukraine(
        ctx.facts, ua.sentences + ru.sentences + ((total_count.sentence,) if total_count else ())
    ):
        return None  # a Russia-US swap, or Armenia-Azerbaijan: not this war's exchange

    wounded, wounded_sentences = _subgroup(counts, UA, WOUNDED, allow_unsided=True)
    civilians_ua, civ_ua_sentences = _subgroup(counts, UA, CIVILIAN, allow_unsided=False)
    civilians_ru, civ_ru_sentences = _subgroup(counts, RU, CIVILIAN, allow_unsided=False)

    disputed = ua.disputed or ru.disputed
    total_stated = total_count.value if total_count else None
    total_approx = bool(total_count and total_count.approx)
    if total_count is not None and ua.value is not None and ru.value is not None:
        sentence_text = next(f.sentence.text for f in ctx.facts if f.sentence.index == total_count.sentence)
        approx_text = (
            sentence_text[max(0, total_count.start - 25) : total_count.start] if total_approx else None
        )
        if not _total_consistent(total_count.value, approx_text, ua.value + ru.value):
            disputed = True

    evidence_ids = (
        set(ua.sentences)
        | set(ru.sentences)
        | set(wounded_sentences)
        | set(civ_ua_sentences)
        | set(civ_ru_sentences)
    )
    if total_count is not None:
        evidence_ids.add(total_count.sentence)
    if day is None:
        event, date_sentence, date_stated = _event_date(ctx.facts, tuple(sorted(evidence_ids)), ctx.published)
    else:
        event, date_sentence, date_stated = day, None, True
    if date_sentence is not None:
        evidence_ids.add(date_sentence)
    if ctx.number_sentence is not None:
        evidence_ids.add(ctx.number_sentence)
    evidence_ids |= set(ctx.mediator_sentences)
    evidence = tuple(s.text for s in ctx.sentences if s.index in evidence_ids)

    confidence = 0.35
    if ua.value is not None and ru.value is not None:
        confidence += 0.3
    elif ua.value is not None or ru.value is not None:
        confidence += 0.15
    if ua.explicit or ru.explicit:
        confidence += 0.1
    if date_stated:
        confidence += 0.1
    if ctx.mediators:
        confidence += 0.05
    if disputed:
        confidence -= 0.15
    confidence = max(0.05, min(0.99, confidence))

    return ExchangeMention(
        event_date=event,
        returned_to_ukraine=ua.value,
        returned_to_russia=ru.value,
        mediators=ctx.mediators,
        civilians_to_ukraine=civilians_ua,
        wounded_to_ukraine=wounded,
        civilians_to_russia=civilians_ru,
        total_stated=total_stated,
        total_is_approximate=total_approx,
        exchange_number=ctx.exchange_number,
        is_disputed=disputed,
        evidence=evidence,
        confidence=round(confidence, 3),
    )
