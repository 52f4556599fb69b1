"""The competence a language line or a licence line states (issue 4, fifteenth pass; bench/README.md).

Postings state languages and licences ("fluent Spanish", "ability to speak Welsh", "full clean driving licence", "Class B
driver's license"). The lexical stage finds the language as ESCO knowledge (*Spanish*) and the licence as a certification
(*Driving licence*, no ESCO concept), while what the sentence asks for, and what annotators tag, is the competence:
*interact verbally in Spanish*, *drive vehicles*. Two rules, both over the taxonomy's own labels:

- `LanguageForms`: ESCO names each language's competences with four fixed patterns ("interact verbally in L",
  "understand spoken L", "understand written L", "write L"); a skill L is a language when its speaking competence
  exists. A cue word in the language's sentence says which competence is meant ("speak", "fluent", "verbal" -> speak;
  "read" -> read; "write", "written" -> write; "understand", "comprehend" -> listen).
- `credential_competences`: a licence to practise (a certification of the taxonomy's curated table: *Registered Nurse
  licence* from "RGN", "NMC registered"; *Driving licence* from "full clean driving licence", "Class B driver's license")
  states the competence it licenses (*provide professional care in nursing*, *drive vehicles*): the `states` rows of
  `careerpath/data/skill_overrides.csv`. `car_spans` ("own car", "access to a vehicle") states *drive vehicles* too.
  The `states` rows marked `software` (sixteenth pass): a cloud platform named (AWS, Azure, Google Cloud) states *cloud
  technologies*. `category_competences` (seventeenth pass): a product ESCO lacks states the ESCO concept of its O*NET
  commodity category (Git -> *tools for software configuration management*).
- `role_spans` (sixteenth pass): a role noun states the role's core competence ("a staff nurse", "a nursing background" ->
  *provide professional care in nursing*; "Home Manager" -> *organise operations of residential care services*), a
  multidisciplinary team states *work in multidisciplinary health teams*, and the elderly client group *tend to elderly
  people*. Eighteenth pass: phrases about the job's team and the people it supervises, manages or leads (`PEOPLE_PHRASES`),
  the size of its data and the adjective of its method (`DATA_PHRASES`), and traits asked of the worker (`TRAIT_PHRASES`)
  state the general competence the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Mapping, NamedTuple

import ahocorasick_rs

# the competence ESCO names for each use of a language L
FORMS = {"speak": "interact verbally in {}", "listen": "understand spoken {}", "read": "understand written {}",
         "write": "write {}"}
CUES = {
    "speak": re.compile(r"(?i)\b(speak(s|ing|ers?)?|spoken|verbal(ly)?|oral(ly)?|fluen(t|tly|cy)|conversational|bilingual)\b"),
    "listen": re.compile(r"(?i)\b(understand(s|ing)?|comprehen(d|sion)|listen(s|ing)?)\b"),
    "read": re.compile(r"(?i)\b(read(s|ing)?)\b"),
    "write": re.compile(r"(?i)\b(writ(e|es|ing|ten))\b"),
}
DRIVE = "drive vehicles"
# a car of one's own or access to one: UK care and field ads' way of asking for a driver
CAR = re.compile(r"(?i)\b(own|access to an?|use of an?)\s+(car|vehicle)\b")
# plain substrings one of which every CAR match contains (lower-cased, single-spaced): a test ~15x cheaper than the regex over
# a whole posting, so the regex runs on the few that pass (a posting without the phrase costs one lower() and six finds)
_CAR_KEYS = ("own car", "own vehicle", "to a car", "to a vehicle", "of a car", "of a vehicle", "to an vehicle", "of an vehicle")
_SENTENCE = re.compile(r"[^.!?;\n\u2022]+")
# a role noun states the role's core competence (sixteenth pass): a nurse's line names the nurse ("a staff nurse who wishes to
# develop their career", "an ODP or nursing background") far more often than a registration, and annotators tag *provide
# professional care in nursing* for it; a care-home manager's line ("Home Manager", "managing a Nursing Home") states *organise
# operations of residential care services*. "nursing home" alone is a place (care assistants work there), not a role.
NURSE = "provide professional care in nursing"
HOME = "organise operations of residential care services"
ROLE_NOUNS = (
    (re.compile(r"(?i)\b(nurse|nursing\s+(background|experience|degree|qualifications?|skills|practice))\b"), NURSE),
    (re.compile(r"(?i)\bnurses\b"), NURSE),
    (re.compile(r"(?i)\b((care|nursing|residential)\s+)?home\s+manag(er|ers|ement)\b"
                r"|\bmanag(e|es|ing|ed)\s+(a|the|this)\s+(\w+\s+){0,2}(care|nursing|residential)\s+home\b"), HOME),
)
# a multidisciplinary team ("part of a multi-disciplinary team", "these MDTs") is, in postings, a health or care team
TEAM = "work in multidisciplinary health teams"
TEAM_PHRASE = re.compile(r"(?i)\bmulti[- ]?disciplinary\s+(health\s*care\s+|clinical\s+|care\s+)?teams?\b|\bMDT(s|’s|'s)?\b")
# twentieth pass: a multi-professional team, and up to two words between ("a multi-disciplinary integrated team", "our
# multidisciplinary community mental health team"); `team_competence="wide"`
TEAM_PHRASE_WIDE = re.compile(r"(?i)\bmulti[- ]?(disciplinary|professional)\s+([\w&-]+\s+){0,2}?teams?\b|\bMDT(s|’s|'s)?\b"
                              r"|\bmulti[- ]?(disciplinary|professional)\s+working\b")  # twenty-first pass: "multidisciplinary working"
# lower-cased substrings every match contains ("nurs"; "home" and "manag"; "disciplinary" or "mdt"; ...): most postings
# pass none, so the regexes rarely run
_TEAM_KEYS = ("disciplinary", "mdt")
_TEAM_KEYS_WIDE = ("disciplinary", "mdt", "multi-professional", "multi professional", "multiprofessional")
# the client group of elderly care ("elderly residents", "older people", "dementia care") states *tend to elderly people*
ELDERLY = "tend to elderly people"
ELDERLY_PHRASE = re.compile(r"(?i)\b(elderly|older\s+(people|persons|adults)|dementia)\b")
_ELDERLY_KEYS = ("elderly", "older p", "older a", "dementia")  # not "older": "post-holder", "stakeholder"
# nineteenth pass: nursing in a nursing or care home, or long-term care, states *apply nursing care in long-term care*: over
# dev-dev16 it is gold in 18 of the 27 sentences naming such a place, and the most missed "other" label (18 misses). With
# `need_nurse`, only where the sentence names a nurse or nursing outside the place's own name ("RGN", "a Registered Nurse",
# "nursing needs"): a care assistant also works in a nursing home. A home's manager ("Nursing Home Manager") is the
# residential-care competence (`ROLE_NOUNS`), not this one.
LONGTERM = "apply nursing care in long-term care"
LONGTERM_PLACE = re.compile(r"(?i)\b(nursing|care)\s+homes?\b(?!\s+manag)|\blong[- ]term\s+(\w+\s+)?care\b")
_LONGTERM_KEYS = ("nursing home", "care home", "long term", "long-term")
# twentieth pass: nurses sought ("We are looking for Registered Mental Health Nurses", "applications from newly qualified nurses",
# "Nurses should have 1 years post registration experience") are the worker, where a plural alone often names colleagues
# ("work closely with nurses, HCAs and therapists": the sixteenth pass left the plural out). Over dev2-dev16 the gold has
# nursing care in 4 of the 4 sentences of this form and in none of the plural's other sentences but one.
NURSES_SOUGHT = re.compile(r"(?i)\b(looking\s+for|recruit(s|ing)?(\s+for)?|seek(s|ing)?(\s+to\s+appoint)?|appoint(ing)?|"
                           r"applications?\s+(are\s+(invited|welcome)\s+)?from|need(s|ed)?|hiring|require[sd]?|employ(ing)?)\s+"
                           r"([\w'’/&-]+,?\s+){0,5}?nurses\b|\bnurses\s+(should|must|will\s+need\s+to)\b")
NURSE_CUE = re.compile(r"(?i)\b(nurse|nurses|nursing|RGN|RMN|RNLD|RNMH|RN|NMC)\b")
_HOME_KEYS = ("care home", "nursing home", "residential home")
# session 24 (s31): the abbreviations "RN" / "RNs" (US and UK postings: "RN / RSCN to join our ED team", "RNs/LPNs we are
# looking to hire", "a qualified RN Registered Nurse") and "RSCN" name a nurse as "RGN" does, but "RN" is no alias of the
# certification (a case-blind alias would match "rn" in any text): read here in capitals only, not inside a code
# ("339-NBTX-RN-TH-07") or after "React Native", and not for the nurse the worker answers to ("under direction of the RN": `colleague_before`)
NURSE_ABBR = re.compile(r"(?<![-\w])(RNs?|RSCN)(?![-\w])")
# eighteenth pass: the people competences a posting states in a phrase about the job's team rather than in a skill's words.
# Each is a general ESCO skill that the sentence's vector misses for its domain nouns ("act as part of the wider
# administration team for Continuing Healthcare" -> healthcare administration; "supervising journey-level workers involved
# in ..." -> the vehicles). A team the worker belongs to states *work in teams*; supervising people (employees, staff, workers,
# crews) states *supervise staff*; managing or leading a team or staff states *manage staff* / *lead a team*, and so does
# management experience (or skills, or responsibilities) not of a thing ("project management experience"). Only
# people count as the object: "supervising maintenance work", "manage the project", "lead the development" state nothing here,
# nor does a "Team Leader" noun (often the person the worker reports to). Session 19: nor does an invitation to join a
# team ("to join our friendly team"): recruitment wording in 3,451 of the 12,365 postings this rule had given *work in teams*
# alone, gold in 1 of the 7 dev-set sentences that have it (being "part of a team" 9 of 17, a "team player" 3 of 3).
WORK_IN_TEAMS = "work in teams"
SUPERVISE_STAFF = "supervise staff"
MANAGE_STAFF = "manage staff"
LEAD_TEAM = "lead a team"
_DET = r"(a|an|the|our|their|your|this|its|his|her)\s+"
_FILL = r"([\w&'’-]+,?\s+){0,3}?"  # up to three words between ("a small, friendly nursing team")
# "crews" is left out: ESCO's own *supervise crew* is what a crew's supervisor does
_PEOPLE = r"(employees|staff|staff\s+members|workers|personnel|subordinates|teams?|team\s+members|people|colleagues)"
# each pattern: (regex, competence, the lower-cased keys a match starts with, a word every match has soon after its key or
# None); `_phrase_spans` tries the regex only where a key occurs (and the word follows within `_NEED_CHARS`), anchored there:
# a case-blind pattern over a whole posting cost more than the rest of the lexical stage ("team", "manage", "data" and
# "lead" are in most postings)
PEOPLE_PHRASES = (
    (re.compile(r"(?i)\b(part|members?)\s+of\s+" + _DET + _FILL + r"team\b"), WORK_IN_TEAMS, ("part of", "member of", "members of"), "team"),
    (re.compile(r"(?i)\bteam[- ]?players?\b"), WORK_IN_TEAMS, ("team player", "team-player", "teamplayer"), None),
    (re.compile(r"(?i)\bwork(s|ing)?\s+(well\s+)?(with)?in\s+(" + _DET + ")?" + _FILL + r"teams?\b"), WORK_IN_TEAMS, ("work",), "team"),
    (re.compile(r"(?i)\b(supervis(e|es|ed|ing|ion\s+of)|direct(s|ed|ing)?)\s+(" + _DET + r")?" + _FILL + _PEOPLE + r"\b"),
     SUPERVISE_STAFF, ("supervis", "direct"), None),
    (re.compile(r"(?i)\b(first|second)[- ]level\s+supervisors?\b"), SUPERVISE_STAFF,
     ("first level", "first-level", "second level", "second-level"), None),
    (re.compile(r"(?i)\b(manag(e|es|ed|ing)|management\s+(of|for))\s+(" + _DET + r")?" + _FILL + _PEOPLE + r"\b"
                r"|(?<!project )(?<!programme )(?<!program )(?<!risk )(?<!data )(?<!product )(?<!change )(?<!quality )"
                r"(?<!case )(?<!time )(?<!account )(?<!financial )(?<!information )(?<!content )(?<!stakeholder )(?<!supply chain )"
                r"\b(managerial|management)\s+(and\s+leadership\s+)?(experience|skills|responsibilit(y|ies))\b"), MANAGE_STAFF,
     ("manag",), None),
    (re.compile(r"(?i)\b(people|line|staff)\s+management\b|\bleadership\s+(and|&)\s+management\b"), MANAGE_STAFF,
     ("people management", "line management", "staff management", "leadership and management", "leadership & management"), None),
    (re.compile(r"(?i)\blead(s|ing)?\s+(" + _DET + r")?" + _FILL + r"teams?\b"), LEAD_TEAM, ("lead",), "team"),
)
# nineteenth pass: the worker named a leader ("an enthusiastic leader", "a forward thinking leader", "acting as shift leader")
# states *lead a team* (the dev sets' majority reading: 2 of 3; the third tags *lead others*). Only after "a", "an" or "as":
# "the Team Leader", "senior leaders", "our leaders" are other people, the ones the worker reports to or influences.
# `leader_spans` looks back from each "leader" (the article is too common a key for `_phrase_spans`).
# A company's boast is not the worker: "a market / world / global / industry / thought leader", "a leader in healthcare".
LEADER_BEFORE = re.compile(r"\b(an?|as)\s+([\w'’-]+,?\s+){0,3}?$")
LEADER_NOT = re.compile(r"(market|world|global|industry|sector|category|thought|technology|recogni[sz]ed|international|"
                        r"national|european|uk|us)[\s-]+$")
LEADER_AFTER_NOT = re.compile(r"\s+(in|within|among|amongst|across)\b")
# eighteenth pass: data work stated by the size of the data or the adjective of a method. "large amounts of data", "large-scale
# ... data analysis", "vast amounts of data", "large data sets" state *analyse big data* (ESCO's label names "big data" only);
# a statistical method, model, test or software ("statistical models", "statistical programming", "statistical chops") and a
# quantitative method or analysis state *statistics* (the lexical stage knows "statistics" and a few "statistical ..." aliases).
BIG_DATA = "analyse big data"
STATISTICS = "statistics"
STAT_ANALYSIS = "apply statistical analysis techniques"
DATA_ANALYSIS = "perform data analysis"
DATA_PHRASES = (
    (re.compile(r"(?i)\b(large|big|vast|huge|massive|high)\s+(amounts?|volumes?|sets?|quantities|collections)\s+of\s+"
                r"([\w-]+\s+){0,2}?data\b"
                r"|\b(large|big|vast|huge|massive)([- ]scale)?,?\s+([\w-]+\s+){0,2}?(data\s*sets?|datasets|data)\b"), BIG_DATA,
     ("large", "big", "vast", "huge", "massive", "high"), "data"),
    (re.compile(r"(?i)\bstatistical(ly)?\b|\bquantitative(ly)?\s+(methods?|analys[ie]s|techniques?|modell?ing|research)\b"),
     STATISTICS, ("statistical", "quantitativ"), None),
    # nineteenth pass: a statistical analysis or test states the skill of applying its techniques too (gold in 8 of the 10 dev
    # sentences naming one; the alias "statistical analysis" keeps *statistics*, gold in 6)
    (re.compile(r"(?i)\bstatistical\s+(analys[ie]s|tests?|testing|techniques?)\b"), STAT_ANALYSIS, ("statistical",), None),
    (re.compile(r"(?i)\b(analy[sz](e|es|ed|ing)|interpret(s|ed|ing)?|explor(e|es|ed|ing))\s+(and\s+[\w-]+\s+)?([\w-]+\s+){0,3}?data\b"),
     DATA_ANALYSIS, ("analy", "interpret", "explor"), "data"),
    (re.compile(r"(?i)\binsights?\s+(gained\s+)?(from|in|into)\s+([\w-]+\s+){0,3}?data\b"), DATA_ANALYSIS, ("insight",), "data"),
)
# twentieth pass: data analysis, programming and initiative stated in other words. The data analysis the dev sets tag most often
# after the verb phrases above: its noun forms ("analysis of reports and data", "data interpretation and analysis",
# "critical assessment of epidemiological data"), patterns found in data ("identify patterns and relationships in large data
# sets"), the objects of "interpret" or "explore" in a list ("Interpret web analytics, demographic data"), and working with
# kinds of data ("experience working with genomic, biosignal, clinical, or imaging data"; not a data team or a data engineer).
# Programming: coding, writing code, creating or building software, development skills ("Enjoy coding, prototyping",
# "create software in a microservice environment"). Initiative: a self-starter, one's own initiative, resourcefulness ->
# *show initiative*; working independently or with little supervision -> *work independently*.
PROGRAMMING = "computer programming"
WEAK = "~"  # a competence name ending in it is ranked one step (0.001) below the phrase competences' score
INITIATIVE = "show initiative"
INDEPENDENT = "work independently"
_NOT_DATA_WORK = (r"(?!\s+(engineer\w*|scien\w*|teams?|architect\w*|warehous\w*|pipelines?|platforms?|infrastructure|governance|"
                  r"protection|privacy|entry|centres?|centers?|stewards?|owners?|analysts?|managers?|vendors?)\b)")
ANALYSIS_PHRASES = (
    (re.compile(r"(?i)\b(analys[ie]s|interpretation|assessment|exploration|evaluation)\s+of\s+([\w-]+,?\s+(and\s+|or\s+)?){0,4}?"
                r"(data\s+sets|datasets|data)\b" + _NOT_DATA_WORK), DATA_ANALYSIS,
     ("analys", "interpretation", "assessment", "exploration", "evaluation"), "data"),
    (re.compile(r"(?i)\bdata\s+(interpretation|exploration|analys[ie]s)\b(?!\s+(software|tools?|packages?|platforms?|systems?)\b)"),
     DATA_ANALYSIS,
     ("data interpretation", "data exploration", "data analys"), None),
    (re.compile(r"(?i)\b(patterns|relationships|trends|anomalies|correlations)\s+(and\s+\w+\s+)?(in|within|from|across)\s+"
                r"([\w-]+,?\s+){0,3}?(data\s+sets|datasets|data)\b"), DATA_ANALYSIS,
     ("pattern", "relationship", "trend", "anomal", "correlation"), "data"),
    (re.compile(r"(?i)\b(interpret(s|ed|ing)?|explor(e|es|ed|ing))(\s*[,/]\s*|\s+)([\w-]+(\s*[,/]\s*|\s+)){0,4}?(data\s+sets|datasets|data)\b"),
     DATA_ANALYSIS, ("interpret", "explor"), "data"),
    # weaker evidence (`WEAK`): ranked just below the other phrase competences, so "working with large data sets" is *analyse big
    # data* first
    (re.compile(r"(?i)\bwork(s|ing)?\s+with\s+((?!(teams?|people|colleagues|stakeholders|partners|clients|customers|owners|managers|engineers|scientists|analysts)\b)[\w-]+,?\s+"
                r"(and\s+|or\s+)?){0,5}?(data\s+sets|datasets|data)\b" + _NOT_DATA_WORK),
     DATA_ANALYSIS + WEAK, ("work",), "data"),
)
# twenty-second pass (`programming_competence="wide"`): software or application development named as a noun ("Android
# application development", "the development and maintenance of software for LTE networks"; not a development life cycle or
# methodology), building or developing applications, software built after a list of verbs ("Construct, extend, and maintain
# scientific software tools"), and code described by its quality ("maintainable code", "their model code"). Over dev-dev19 the gold
# has *computer programming* in 10 of the 13 sentences of these forms. Session 23 (s28, after reading blind dev22): code
# development as a noun ("source code development", not a zip code's) and an enterprise, web, mobile or desktop application
# built in the singular ("develop enterprise application"); no dev-dev21 sentence has either form.
PROGRAMMING_PHRASES_WIDE = (
    (re.compile(r"(?i)\b(software|application|app|mobile|android|ios|(?<!zip )(?<!post )(?<!postal )(?<!dress )(source\s+)?code)\s+(application\s+)?development\b"
                r"(?!\s+(life[- ]?cycles?|lifecycles?|methodolog\w+|process(es)?|standards?|kits?|teams?|managers?|engineers?|"
                r"partners?|organi[sz]ations?|compan(y|ies)|firms?|agency|agencies|house)\b)"), PROGRAMMING,
     ("software", "application", "app ", "mobile", "android", "ios", "code"), "development"),
    (re.compile(r"(?i)\bdevelopment\s+(and\s+\w+\s+)?of\s+([\w-]+\s+){0,2}?(software|applications|apps)\b"), PROGRAMMING,
     ("development",), None),
    *((re.compile(r"(?i)\b(develop|build|creat|construct)(s|es|ed|e|ing)?[,\s]+([\w-]+,?\s+){0,3}?(software|apps|applications|"
                  r"(enterprise|web|mobile|desktop|cloud|full[- ]stack|front[- ]end|back[- ]end|android|ios)\s+application)\b"
                  r"(?!\s+(life[- ]?cycles?|lifecycles?|methodolog\w+|process(es)?|teams?|engineers?|developers?)\b)"),
       PROGRAMMING, ("develop", "build", "creat", "construct"), need) for need in ("software", "app")),
)
# code described by its quality: tried only where "code" occurs (`_need_spans`): the adjectives are common words
PROGRAMMING_CODE = (
    (re.compile(r"(?i)\b(clean|maintainable|quality|production|readable|robust|efficient|testable|reusable|well[- ]documented|"
                r"high[- ]quality|modular|model|elegant|performant|reliable)[\s-]+code\b"), PROGRAMMING, (), "code"),
)
PROGRAMMING_PHRASES = (
    (re.compile(r"(?i)\bcoding\b(?!\s+(systems?|schemes?|standards?|conventions?|of)\b)"), PROGRAMMING, ("coding",), None),
    (re.compile(r"(?i)\bwrit(e|es|ing)\s+([\w-]+\s+){0,3}?code\b"), PROGRAMMING, ("writ",), "code"),
    (re.compile(r"(?i)\b(creat|build|construct)(e|es|ed|ing|s)?\s+([\w-]+,?\s+){0,3}?software\b"), PROGRAMMING,
     ("creat", "build", "construct"), "software"),
    (re.compile(r"(?i)\b(software\s+)?development\s+skills\b"), PROGRAMMING, ("development skills", "software development skills"), None),
)
INITIATIVE_PHRASES = (
    (re.compile(r"(?i)\bself[- ]?starters?\b"), INITIATIVE, ("self starter", "self-starter", "selfstarter"), None),
    (re.compile(r"(?i)\bresourceful(ness)?\b"), INITIATIVE, ("resourceful",), None),
    (re.compile(r"(?i)\b(own|personal)\s+initiative\b"), INITIATIVE, ("own initiative", "personal initiative"), None),
    (re.compile(r"(?i)\b(show|take|use|demonstrate)(s|d|ing)?\s+(\w+\s+)?initiative\b"), INITIATIVE,
     ("show", "take", "use", "demonstrat"), "initiative"),
    (re.compile(r"(?i)\bon\s+(your|their|his|her|one's|one’s)\s+own\s+initiative\b"), INDEPENDENT, ("on your", "on their", "on his", "on her", "on one"), "initiative"),
    (re.compile(r"(?i)\b(work(s|ed|ing)?|act(s|ed|ing)?|operat(e|es|ed|ing)|function(s|ed|ing)?)\s+(\w+\s+)?independently\b"),
     INDEPENDENT, ("work", "act", "operat", "function"), "independently"),
    (re.compile(r"(?i)\bindependently\s+(pursue|manage|lead|drive|plan|prioriti[sz]e|organi[sz]e|deliver|complete)"), INDEPENDENT,
     ("independently",), None),
    (re.compile(r"(?i)\b(minimum|minimal|little|limited)\s+(\w+\s+)?(supervision|guidance|direction)\b"), INDEPENDENT,
     ("minimum", "minimal", "little", "limited"), None),
)
# twenty-first pass: teamwork and cooperation stated without "team" after a verb the people phrases read. A collaborative
# environment or way of working ("thrive in a fast-paced, collaborative environment", "through collaborative working",
# "working collaboratively"), an environment of collaboration, and cross-functional or interdisciplinary teams ("collaborate
# with cross-functional teams", "work with interdisciplinary teams") state *work in teams*: over dev2-dev17 the gold has it in
# 9 of the 11 sentences of these forms. Collaborating, partnering or working closely with named people or groups ("partner
# closely with data engineering, data analytics ...", "collaborate with technical professionals", "Work closely with data
# engineering team") states *cooperate with colleagues* (`COOPERATE_PHRASES`, a separate knob: in health postings the sets tag
# "work closely with the GPs" as *work in multidisciplinary health teams* instead).
COOPERATE = "cooperate with colleagues"
COLLAB_PHRASES = (
    (re.compile(r"(?i)\bcollaborative(ly)?,?\s+(and\s+[\w-]+\s+)?(working|work|environment|culture|setting|team|teams|approach|"
                r"manner|way|atmosphere|workplace|spirit)\b"), WORK_IN_TEAMS, ("collaborativ",), None),
    (re.compile(r"(?i)\bwork(s|ed|ing)?\s+collaboratively\b"), WORK_IN_TEAMS, ("work",), "collaborativ"),
    (re.compile(r"(?i)\b(environment|culture|spirit|atmosphere)\s+of\s+([\w-]+\s+(and|&)\s+)?(collaboration|teamwork)\b"),
     WORK_IN_TEAMS, ("environment of", "culture of", "spirit of", "atmosphere of"), None),
    (re.compile(r"(?i)(?<!for )(?<!to )\b(cross[- ]?functional|inter[- ]?disciplinary|cross[- ]?disciplinary)\s+([\w-]+\s+){0,2}?teams?\b"),
     WORK_IN_TEAMS, ("cross-functional", "cross functional", "crossfunctional", "interdisciplinary", "inter-disciplinary",
                     "cross-disciplinary", "cross disciplinary"), "team"),
)
COOPERATE_PHRASES = (
    (re.compile(r"(?i)\b(collaborat(e|es|ed|ing)|partner(s|ed|ing)?|co-?work(s|ed|ing)?)\s+(closely\s+|effectively\s+|"
                r"extensively\s+|regularly\s+|directly\s+)?with\b"), COOPERATE + WEAK, ("collaborat", "partner", "cowork", "co-work"), "with"),
    # keyed on the adverb, not on "work" (in nearly every posting, with "with" near most): "(work) closely with", "collaboratively
    # with", "hand in hand with", and "in partnership with" after a form of "work" only (not "in partnership with other groups")
    (re.compile(r"(?i)\b(closely|collaboratively|hand[- ]in[- ]hand)\s+with\b"
                r"|(?:(?<=work )|(?<=works )|(?<=worked )|(?<=working ))in\s+partnership\s+with\b"), COOPERATE + WEAK,
     ("closely with", "collaboratively with", "hand in hand with", "hand-in-hand with", "in partnership with"), None),
)
# session 24 (s30, `ExtractConfig.collab_competence` "colleagues", the default): the same rows, but not when the ones worked
# with are outside the organisation or its stakeholders ("partner with both internal and external stakeholders", "work closely
# with internal stakeholders and clients", "collaborating with universities"): over dev-dev22 the gold never has *cooperate with
# colleagues* for such a sentence (it has *build business relationships* or *manage relationships with stakeholders*, 3 of 3),
# and has it in 9 of the 27 sentences where the rows fired at all.
_NOT_COLLEAGUES = (r"(?!\s+(" + _DET + r"|both\s+|other\s+)?([\w&'’-]+,?\s+){0,3}?(stakeholders?|clients?|customers?|universit(y|ies)|"
                   r"academi[ac]\w*|vendors?|suppliers?|providers?|external\s+(partners?|organi[sz]ations?|agencies|bodies))\b)")
COOPERATE_COLLEAGUES = tuple((re.compile("(?i)(?:" + rx.pattern.removeprefix("(?i)") + ")" + _NOT_COLLEAGUES), comp, keys, need)
                             for rx, comp, keys, need in COOPERATE_PHRASES)
# twenty-first pass: "analytics" on its own ("broad experience in data science and analytics", "Uses analytics and metrics",
# "advanced analytics tools", "implement analytics") states *data analytics*: gold in 7 of the 11 dev2-dev17 sentences with a
# bare "analytics"; the semantic stage reads it as *business analytics* (gold never there). Not a qualified kind (business, web,
# marketing, predictive, people, big data ... analytics: their own concepts), nor a department ("the Global Analytics team",
# "Advanced Analytics group", "the ... Analytics space"), nor (session 23, s28) the people in it ("together with more senior
# analytics staff", "a global team of analytics professionals").
DATA_ANALYTICS = "data analytics"
ANALYTICS_PHRASES = (
    (re.compile(r"(?i)" + "".join(f"(?<!{q} )" for q in (
        "business", "web", "marketing", "predictive", "prescriptive", "people", "google", "healthcare", "health", "customer",
        "hr", "sales", "product", "digital", "text", "financial", "risk", "chain", "learning", "big data", "data", "video",
        "social media", "adobe", "fraud", "workforce", "security", "game", "retail", "pricing", "credit", "search", "site",
        "content", "media", "speech", "visual", "location", "spatial", "supply", "service", "operations"))
        + r"\banalytics\b(?!\s+(teams?|groups?|department|function|space|roadmap|practice|platforms?|engineers?|organi[sz]ation|"
          r"division|community|cent(er|re)|office|company|firm|consultan\w+|leads?|leaders?|managers?|director|staff|personnel|professionals?)\b)"),
     DATA_ANALYTICS, ("analytics",), None),
)
# twenty-first pass: the service user's independence ("help people to live as independently as possible", "promoting
# independence", "support ... with all aspects of daily living", "enable service users to live independently") states *encourage
# social service users to preserve their independence in their daily activities*: gold in the 6 dev2-dev17 sentences of these
# forms; the semantic stage reads "independently" as the worker's (*work independently*, *handle tasks independently*).
INDEPENDENCE = "encourage social service users to preserve their independence in their daily activities"
INDEPENDENCE_PHRASES = (
    (re.compile(r"(?i)\b(liv(e|es|ing)|remain(s|ing)?|stay(s|ing)?)\s+(as\s+|more\s+)?independent(ly)?\b(?!\s+of\b)"
                r"|\blead(s|ing)?\s+(\w+\s+)?independent\s+lives\b"), INDEPENDENCE, ("liv", "lead", "remain", "stay"), "independent"),
    (re.compile(r"(?i)\b(promot|maintain|encourag|support|maximi[sz]|preserv|enabl|foster|increas|develop|regain)\w*\s+"
                r"([\w'’-]+\s+){0,2}?independence\b"), INDEPENDENCE,
     ("promot", "maintain", "encourag", "support", "maximi", "preserv", "enabl", "foster", "increas", "develop", "regain"),
     "independence"),
    (re.compile(r"(?i)\btowards?\s+independence\b"), INDEPENDENCE, ("toward",), "independence"),  # not "towards adulthood and independence"
    (re.compile(r"(?i)\b(activities\s+of\s+)?daily\s+living\b"), INDEPENDENCE, ("daily living", "activities of daily living"), None),
)
# twenty-first pass: reports and findings. Writing, preparing, drafting or compiling reports, report writing, the preparation
# of reports state *write work-related reports* (gold in 6 of the 7 dev2-dev17 sentences of these forms; the alias reaches
# *write routine reports* or nothing); communicating findings, insights or the results of analyses states
# *communicate analytical insights* (4 of 4), presenting findings *present reports* (4 of 4: "present findings to DoD
# sponsors", "report writing and presenting findings").
WRITE_REPORTS = "write work-related reports"
ANALYTICAL_INSIGHTS = "communicate analytical insights"
PRESENT_REPORTS = "present reports"
REPORT_PHRASES = (
    (re.compile(r"(?i)\breport[- ]writing\b"), WRITE_REPORTS, ("report writing", "report-writing"), None),
    (re.compile(r"(?i)\b(writ(e|es|ing)|prepar(e|es|ed|ing)|draft(s|ed|ing)?|compil(e|es|ed|ing)|produc(e|es|ed|ing)|"
                r"creat(e|es|ed|ing)|develop(s|ed|ing)?)[,\s]+([\w-]+,?\s+){0,4}?reports\b"), WRITE_REPORTS,
     ("writ", "prepar", "draft", "compil", "produc", "creat", "develop"), "report"),
    (re.compile(r"(?i)\bpreparation\s+of\s+([\w-]+,?\s+){0,4}?reports?\b"), WRITE_REPORTS, ("preparation of",), "report"),
    *((re.compile(r"(?i)\bcommunicat(e|es|ed|ing)\s+([\w/-]+,?\s+){0,4}?(findings|insights?|results\s+of\s+([\w-]+\s+)?"
                  r"analys[ie]s)\b"), ANALYTICAL_INSIGHTS, ("communicat",), need) for need in ("finding", "insight", "results")),
    (re.compile(r"(?i)\b(present(s|ed|ing)?|presentations?\s+of)\s+([\w/-]+\s+){0,2}?findings\b"), PRESENT_REPORTS,
     ("present",), "findings"),
)
# twenty-second pass: a communicator, or communications skills (the plural the lexical stage's "communication skills" misses),
# state *communication* (`comm_competence`): the gold has it in all 24 dev-dev19 sentences with "communicator" or
# "communication(s) skills". Secretarial, clerical or receptionist work, and administrative duties, support, experience or tasks,
# state *perform clerical duties* (`clerical_competence`: gold in the 5 dev-dev19 sentences of these forms; the semantic stage
# reads them as *healthcare administration* or the department's field).
COMMUNICATION = "communication"
CLERICAL = "perform clerical duties"
COMM_PHRASES = (
    (re.compile(r"(?i)\bcommunicators?\b"), COMMUNICATION, ("communicator",), None),
    (re.compile(r"(?i)\bcommunications\s+skills?\b"), COMMUNICATION, ("communications skill",), None),
)
CLERICAL_PHRASES = (
    (re.compile(r"(?i)\b(secretarial|clerical|receptionist)\b"), CLERICAL, ("secretarial", "clerical", "receptionist"), None),
    # not support the worker is given ("we benefit from excellent administrative support", "with administrative support")
    (re.compile(r"(?i)(?<!with )(?<!from )(?<!excellent )(?<!by )\badministrative\s+(duties|support|experience|tasks|work|skills|"
                r"services?|assistance)\b"), CLERICAL,
     ("administrative",), None),
)
# twenty-second pass (`supervise_agents`): the people supervised named by their trade in the plural ("A Pipefitter Supervisor
# supervises Pipefitters and occasional helpers", "supervises Electricians"): an agent noun ending in -ers, -ors, -ists, -ians or
# -men after a form of "supervise", up to three words between. Not "supervise ... orders, computers, customers".
SUPERVISE_AGENTS = (
    (re.compile(r"(?i)\bsupervis(e|es|ed|ing|ion\s+of)\s+(" + _DET + r")?([\w&'’-]+,?\s+){0,3}?"
                r"(?!(orders|computers|customers|containers|users|servers|vendors|members|suppliers|contractors|visitors|"
                r"patrons|passengers|prisoners|inmates|offenders|children|patients|clients)\b)"
                r"[a-z][\w-]*(ers|ors|ists|ians|men)\b"), SUPERVISE_STAFF, ("supervis",), None),
)
# twenty-second pass: ESCO concepts of one sense of a word postings use in another (`ExtractConfig.sense_penalty`). Each row: the
# concepts' label word, the word in the text, cues of the concepts' own sense (any of them keeps the links), and cues the other
# sense needs (None: the word alone, when the concepts' sense is the rare one in postings). A "pipeline" in a posting is a data,
# build, ML or sales pipeline unless oil, gas, water or pipes are named; a "theatre" among nurses and patients is an operating
# theatre, not a stage.
OTHER_SENSES = (
    (re.compile(r"(?i)\bpipelines?\b"), re.compile(r"(?i)\bpipelines?\b"),
     re.compile(r"(?i)\b(oil|gas|petroleum|water|pipes?|piping|fluids?|hydrocarbons?|weld\w*|sewers?|crude|steam|pipefitt\w*|"
                r"plumb\w*|pumps?|corrosion|coating)\b"), None),
    (re.compile(r"(?i)\btheatres?\b"), re.compile(r"(?i)\btheatres?\b"),
     re.compile(r"(?i)\b(stage|actors?|plays?|performances?|performing|drama\w*|audiences?|rehears\w*|arts?|shows?|scenery|"
                r"directors?|playwrights?)\b"),
     re.compile(r"(?i)\b(nurs\w*|patients?|clinical|clinically|surg\w*|hospitals?|NHS|healthcare|medical|ENT|wards?|"
                r"anaesth\w*|operating|scrub|ODPs?|RGN|NMC)\b")),
    # session 23 (s28): an architecture or architect among code, systems, data or the cloud is software's: ESCO's building
    # concepts (*architectural design*, *advise architects*, *landscape architecture*) are the other sense; the software,
    # system, cloud, enterprise, ICT, data, blockchain and hardware concepts are not in the row
    (re.compile(r"(?i)^(?!.*\b(software|systems?|cloud|enterprise|ICT|blockchain|hardware|data|information|vehicle|performance)\b)"
                r".*(\barchitect|\bbuildings\b)"),
     re.compile(r"(?i)\barchitect\w*"),
     re.compile(r"(?i)\b(buildings?|construction|landscap\w*|RIBA|planning\s+permission|interiors?|urban|conservation|historic|"
                r"façades?|facades?|dwellings?|housing)\b"),
     re.compile(r"(?i)\b(software|cod(e|es|ing)|systems?|data|cloud|micro-?services?|platforms?|applications?|apps?|APIs?|"
                r"infrastructure|solutions?|engineer\w*|develop\w*|neural|networks?|servers?|databases?|technical|IT|ICT|"
                r"serverless|programming|DevOps|deployment|technolog\w*)\b")),
    # session 25 (s32): a drug's "vehicle" (excipients, formulations) and CAR-T cells ("CAR engineering", "CAR-based cell therapy")
    # are the life sciences' words: ESCO's vehicle, car and driving concepts (*drive vehicles*, *automotive engineering*, *sell
    # vehicles*) are the other sense there. "CAR" in capitals only; any word of roads, drivers or engines keeps the links. Over the
    # store's postings 54 sentences have the word, a life-science cue and no road cue: 20 read, all cell therapy or formulation.
    (re.compile(r"(?i)\b(vehicles?|cars?|automotive|driv(e|es|ing))\b"),
     re.compile(r"(?i)\bvehicles?\b|(?-i:\bCARs?\b)"),
     re.compile(r"(?i)\b(driv\w*|licen[cs]es?|automotive|motor\w*|fleet|transport\w*|roads?|mechanics?|tyres?|tires?|garage|parking|"
                r"traffic|electric|engines?|chassis|passengers?|insur\w*|mileage|trucks?|buses|autonomous|(?-i:[Cc]ars?))\b"),
     re.compile(r"(?i)\b(formulations?|excipients?|drugs?|dos(e|es|ing)|pharma\w*|in\s+vivo|in\s+vitro|cell\s+therap\w*|T[- ]cells?|"
                r"chimeric|antigens?|assays?|immun\w*|molecules?|oncology|tumou?rs?)\b")),
)
# twenty-first pass: drive words asked of the worker ("highly motivated", "self-motivated",
# "self-directed", "self-reliant") state *show initiative* in about half the dev sentences that have them; `SOFT` marks a
# competence ranked at `ExtractConfig.soft_trait_score` (among the semantic links) instead of above them.
SOFT = "^"
DRIVE_PHRASES = (
    (re.compile(r"(?i)\bmotivat(ed|ing)\b(?!\s+(by|to)\b)"), INITIATIVE + SOFT, ("motivat",), None),
    (re.compile(r"(?i)\bself[- ](directed|reliant|driven)\b"), INITIATIVE + SOFT,
     ("self-direct", "self direct", "self-relian", "self relian", "self-driven", "self driven"), None),
)
# eighteenth pass: a trait asked of the worker states ESCO's transversal competence for it. Flexibility (not a flexible
# working pattern offered) states *perform services in a flexible manner*; ambiguity or uncertainty *cope with uncertainty*;
# a will to learn *demonstrate willingness to learn* (to learn a named subject states the subject instead: "a desire to learn
# quantitative analysis techniques"). The sentence's vector goes to its role or domain instead ("an
# enthusiastic and flexible individual to ... support our Heads of Nursing in Medicine and Emergency Care" -> emergency care).
FLEXIBLE = "perform services in a flexible manner"
UNCERTAINTY = "cope with uncertainty"
LEARN = "demonstrate willingness to learn"
TRAIT_PHRASES = (
    (re.compile(r"(?i)\b(flexib(le|ly|ility))\b(?!\s+(working|work|hours|shifts?|schedules?|start|times?|locations?|benefits?|"
                r"packages?|contracts?|rotas?|arrangements?|options?|patterns?|approach\s+to\s+working)\b)"), FLEXIBLE, ("flexib",), None),
    (re.compile(r"(?i)(?<!measurement )\b(ambigu(ity|ities|ous)|uncertain(ty|ties))\b"
                r"(?!\s+(quantification|analysis|estimat\w*|modell?ing|propagation)\b)"), UNCERTAINTY,  # not a quantity's
     ("ambigu", "uncertain"), None),
    (re.compile(r"(?i)\b(willing(ness)?|eager(ness)?|keen(ness)?|desire|passion|appetite|determination|hunger|thirst)\s+"
                r"(\w+\s+)?(to|for)\s+(learn|learning)\b(?!\s+(?!(new|and|from|on|quickly|fast|is|are|always)\b)\w)"), LEARN,
     ("willing", "eager", "keen", "desire", "passion", "appetite", "determination", "hunger", "thirst"), "learn"),
    (re.compile(r"(?i)\b(learn|pick\s+up)\s+new\s+(skills|things|technologies|tools)\b"), LEARN, ("learn new", "pick up new"), None),
)

# twenty-fourth pass (`ExtractConfig.pass24_phrases`): duties and traits stated in words the lexical stage has no alias for. Each
# row with a `need` word is tried only where that word occurs (`_need_spans`, the pattern searched from 80 characters before
# it); a row without one starts at one of its keys and joins the one automaton of `_phrase_spans` (what the lexical stage's
# speed needs: "detail", "commercial", "shift" are in many postings):
# - (shifts: s26's `SHIFT_PHRASE` in `duty_spans`, merged first, reads shift work; this pass's draft of the same family was dropped
#   at the merge)
# - typing (`TYPING_PHRASES`): "typing skills / certification", "typist", "touch typing" -> *type at speed* (gold in the 2 of 2
#   dev-dev20 sentences naming typing); not blood, tissue or HLA typing;
# - business acumen in other words (`ACUMEN_PHRASES`): "business / commercial acumen", "commercially minded / aware", "commercial
#   awareness" -> *apply business acumen* (gold in 2 of 2; ESCO has only the verb phrase, so "business acumen" was found only
#   semantically);
# - detail orientation split by another word (`DETAIL_PHRASES`): "detail and process oriented", "detail-focused" -> *attend to
#   detail* (the lexical stage has "detail-oriented", "attention to detail", "eye for detail": gold in all 10 dev-dev20
#   sentences with one of these forms);
# - a secretary's work (`SECRETARY_PHRASES`): "as a Secretary", "a Medical Secretary", "medical secretary service" -> *perform
#   clerical duties* (the twenty-second pass's clerical row reads "secretarial", not the noun); not a contact ("via his
#   secretary"), a Secretary of State, a company secretary or a secretary general;
# - scripts written (`SCRIPT_PHRASES`): writing, developing or maintaining scripts, or shell / Python / automation ... scripts
#   -> *use scripting programming* (the lexical stage reads "scripting"); not call, sales, video or interview scripts;
# - CNC programming (`CNC_PHRASES`): "CNC programmer(s)", "CNC programming", "programming CNC machines" -> *program a CNC
#   controller* (an ESCO alternative label, ranked with the semantic links, so a CNC programmer's sentence lost it).
TYPE_SPEED = "type at speed"
ACUMEN = "apply business acumen"
DETAIL = "attend to detail"
SCRIPTING = "use scripting programming"
CNC = "program a CNC controller"
TYPING_PHRASES = (
    (re.compile(r"(?i)(?<!blood )(?<!tissue )(?<!hla )(?<!strain )(?<!molecular )(?<!dna )\btyping\b"
                r"(?!\s+(errors?|mistakes?|of\s+(blood|tissue|cells|strains|samples))\b)"), TYPE_SPEED, ("typing",), None),
    (re.compile(r"(?i)\btypists?\b"), TYPE_SPEED, ("typist",), None),
)
ACUMEN_PHRASES = (
    (re.compile(r"(?i)\b(business|commercial|financial)\s+acumen\b"), ACUMEN, ("acumen",), "acumen"),
    (re.compile(r"(?i)\bcommercial(ly)?[- ](minded|aware|awareness|astute|savvy)\b"), ACUMEN, ("commercial",), None),
)
DETAIL_PHRASES = (
    (re.compile(r"(?i)\bdetails?[- ]((and|&)\s+[\w-]+[- ])?(oriented|orientated|focused|focussed|minded)\b"), DETAIL,
     ("detail",), None),
)
SECRETARY_PHRASES = (  # the worker as one (not "via his secretary", "PICU Secretary on 0117 ...": a contact)
    (re.compile(r"(?i)\b(an?|as)\s+([\w-]+\s+){0,2}?(?<!company )secretar(y|ies)\b(?!\s+(of|general)\b)"), CLERICAL,
     ("secretar",), "secretar"),
    (re.compile(r"(?i)\bsecretar(y|ies|ial)\s+(service|duties|experience|work|skills|support|role|post)s?\b"), CLERICAL,
     ("secretar",), None),
)
_NOT_CODE_SCRIPT = r"(?!(call|sales|telephone|phone|video|film|tv|radio|interview|marketing|training|drama|play)\b)"
SCRIPT_PHRASES = (  # found from " scripts", not "script" (in every "description")
    (re.compile(r"(?i)\b(writ(e|es|ing)|develop(s|ed|ing)?|creat(e|es|ed|ing)|build(s|ing)?|maintain(s|ed|ing)?)\s+"
                rf"({_NOT_CODE_SCRIPT}[\w/-]+\s+){{0,4}}?{_NOT_CODE_SCRIPT}scripts\b"), SCRIPTING, ("script",), " scripts"),
    (re.compile(r"(?i)\b(shell|bash|python|perl|powershell|automation|test|deployment|sql|unix|linux|code|cron|build)\s+scripts?\b"),
     SCRIPTING, ("script",), " script"),
)
CNC_PHRASES = (
    (re.compile(r"(?i)\bcnc\s+(programm\w*|program)\b"), CNC, ("cnc",), None),
    (re.compile(r"(?i)\bprogramm(e|es|ed|ing)\s+([\w-]+\s+){0,2}?CNC\b"), CNC, ("cnc",), "cnc"),
)
# - data visualisation as work (`VISUAL_PHRASES`): "data visualization" not followed by a tool word, visualising data,
#   visualizations of or from data -> *deliver visual presentation of data*: the lexical stage files "data visualisation" under
#   *data visualisation software* (an ESCO variant and an O*NET name), while the gold of dev-dev20 has *deliver visual
#   presentation of data* in 12 of the 16 sentences naming a visualisation and the software in 4 (its tools or technology named).
VISUAL_DATA = "deliver visual presentation of data"
_NOT_TOOL = r"(?!\s+(software|tools?|technolog\w*|platforms?|systems?|packages?|librar(y|ies)|applications?|products?|suites?)\b)"
VISUAL_PHRASES = (
    (re.compile(rf"(?i)\bdata\s+visuali[sz](ation|ations|ing)\b{_NOT_TOOL}"), VISUAL_DATA, ("data visuali",), None),
    (re.compile(r"(?i)\bvisuali[sz](e|es|ed|ing)\s+((the|your|our|their|complex|large)\s+)?([\w-]+\s+)?data\b"), VISUAL_DATA,
     ("visuali",), None),
    (re.compile(r"(?i)\bvisuali[sz]ations?\s+(of|from|through|with)\s+([\w-]+\s+){0,2}?data\b"), VISUAL_DATA, ("visuali",), None),
)
# session 23 (s28): requirements gathered or understood ("requirement gathering", "gathering requirements", "translate business
# requirements into ...", "understand business needs") state *analyse business requirements*: over dev-dev22 gold in 5 of the 6
# sentences of these forms, found in none (not business requirements that dictate or change something, nor "as business needs
# require"). A data architecture, a data architect or architecting data ("data processing architectures", "architect a data
# infrastructure") states *manage ICT data architecture*: gold in all 5 such sentences, found in none (not "data architects", the
# colleagues, nor a data network's architecture). Both rules read from the sets' gold, so their figures are seen, not blind.
BUSINESS_REQUIREMENTS = "analyse business requirements"
DATA_ARCHITECTURE = "manage ICT data architecture"
REQUIREMENTS_PHRASES = (
    (re.compile(r"(?i)\brequirements?\s+gathering\b"), BUSINESS_REQUIREMENTS, ("requirement gathering", "requirements gathering"), None),
    (re.compile(r"(?i)\bgather(s|ed|ing)?\s+(and\s+\w+\s+)?((business|user|functional|technical|the|data)\s+)?requirements\b"),
     BUSINESS_REQUIREMENTS, ("gather",), "requirements"),
    (re.compile(r"(?i)(?<!as )(?<!when )(?<!if )\bbusiness\s+requirements\b(?!\s+(dictate|demand|require|allow|permit|change))"),
     BUSINESS_REQUIREMENTS, ("business requirements",), None),
    (re.compile(r"(?i)\bunderstand(s|ing)?\s+(of\s+)?(the\s+)?business\s+needs\b"), BUSINESS_REQUIREMENTS, ("understand",), "business needs"),
)
DATA_ARCH_PHRASES = (
    (re.compile(r"(?i)\bdata\s+(processing\s+|platform\s+)?architect(ure|ures)?\b(?!s)"), DATA_ARCHITECTURE,
     ("data architect", "data processing architect", "data platform architect"), None),
    (re.compile(r"(?i)\b(re-?)?architect(s|ed|ing)?\s+(an?\s+|the\s+|our\s+)?([\w-]+\s+)?data\b"), DATA_ARCHITECTURE,
     ("architect", "re-architect", "rearchitect"), "data"),
)
# session 24 (s30, 26th pass): four more families, same mechanism and score.
# - troubleshooting as a noun or gerund (`TROUBLESHOOT_PHRASES`; the lexical stage reads the verb "troubleshoot" only): with a cue
#   of computers, networks or software in the clause ("troubleshooting, user support", "troubleshooting tasks related to
#   infrastructure", "network troubleshooting") it states *perform ICT troubleshooting*, otherwise *troubleshoot* ("assay
#   troubleshooting", "troubleshooting issues with formulation"): over dev-dev22 the gold has the one so chosen in all 5 sentences
#   naming troubleshooting.
# - one's own accountability (`ACCOUNTABILITY_PHRASES`): "accountable for their own practice", "ownership and accountability", "a
#   sense of accountability", "personal accountability" -> *accept own accountability* (gold in 2 of the 2 dev-dev22 sentences of
#   these forms); not "accountable to the Ward Manager" (a reporting line) nor "accountable for the delivery of ..." (a remit).
# - organisational abilities (`ORGANISATION_PHRASES`): "organizational abilities / capabilities", "organisation skills" -> *apply
#   organisational techniques*, as "organisational skills" already is (an alias). No dev-dev22 sentence has these forms: read from
#   dev23, a seen rule.
# - insights presented, results communicated (`INSIGHT_PHRASES`): the twenty-first pass's *communicate analytical insights* rows
#   read "communicate ... findings / insights / results of analyses"; "communicate (complex) results" and "present(ing) insights"
#   state it too (gold in 3 of the 3 dev-dev22 sentences of these forms: "communicate results back to your internal business
#   customers", "Present and communicate data insights"); not results given to patients, parents or families.
# A row found from its `need` word carries that word as its key: a frequent verb ("present", "communicate", "sense of") as a
# key only adds places to every posting's automaton pass (the lexical stage's speed).
TROUBLESHOOT = "troubleshoot"
ICT_TROUBLESHOOT = "perform ICT troubleshooting"
ACCOUNTABILITY = "accept own accountability"
ORGANISATION = "apply organisational techniques"
_ICT_CUE = (r"(network\w*|hardware|software|systems?|servers?|desktops?|laptops?|pcs?|computers?|printers?|(user|technical|it|ict|"
            r"desktop)\s+support|sql|databases?|unix|linux|windows|applications?|infrastructure|endpoints?|connectivity|"
            r"(?-i:IT|ICT))")
TROUBLESHOOT_PHRASES = (
    (re.compile(r"(?i)\btroubleshooting\b(?![^.;!?\n]{0,80}?\b" + _ICT_CUE + r"\b)"), TROUBLESHOOT, ("troubleshooting",), None),
    (re.compile(r"(?i)\btroubleshooting\b(?=[^.;!?\n]{0,80}?\b" + _ICT_CUE + r"\b)"), ICT_TROUBLESHOOT, ("troubleshooting",), None),
    (re.compile(r"(?i)\b" + _ICT_CUE + r"\s+([\w/-]+\s+)?troubleshooting\b"), ICT_TROUBLESHOOT, ("troubleshooting",), "troubleshooting"),
)
ACCOUNTABILITY_PHRASES = (
    (re.compile(r"(?i)\baccountab(le|ility)\s+for\s+(their|your|his|her|one's|one’s|our)\s+own\b"), ACCOUNTABILITY, ("accountab",), None),
    (re.compile(r"(?i)\b(ownership|responsibility)\s+(and|&)\s+accountability\b"), ACCOUNTABILITY, ("accountability",),
     "accountability"),
    (re.compile(r"(?i)\b(sense|culture|history|record)\s+of\s+(personal\s+)?accountability\b"), ACCOUNTABILITY,
     ("accountability",), "accountability"),
    (re.compile(r"(?i)\b(personal|individual|professional)\s+accountability\b"), ACCOUNTABILITY,
     ("personal accountab", "individual accountab", "professional accountab"), None),
)
ORGANISATION_PHRASES = (
    (re.compile(r"(?i)\borgani[sz]ational\s+(abilit(y|ies)|capabilit(y|ies)|talents?|strengths?|competenc(e|es|y|ies))\b"),
     ORGANISATION, ("organisational", "organizational"), None),
    (re.compile(r"(?i)\borgani[sz]ation\s+skills?\b"), ORGANISATION, ("organisation skill", "organization skill"), None),
)
_NOT_TO_PATIENTS = r"(?!\s+(back\s+)?(to|with)\s+(the\s+)?(patients?|women|parents?|famil(y|ies)|carers?|service\s+users?|mothers?)\b)"
INSIGHT_PHRASES = (
    (re.compile(r"(?i)\bcommunicat(e|es|ed|ing)\s+(the\s+|complex\s+|key\s+|analytic(al)?\s+|model\s+|these\s+|those\s+|your\s+|our\s+)?"
                r"results\b" + _NOT_TO_PATIENTS), ANALYTICAL_INSIGHTS, ("results",), "results"),
    (re.compile(r"(?i)\bpresent(s|ed|ing)?\s+(and\s+communicat\w+\s+)?([\w/-]+\s+){0,2}?insights?\b"), ANALYTICAL_INSIGHTS, ("insight",),
     "insight"),
)
# - nursing as the work (`NURSING_PHRASES`, "nursing"): "a passion for nursing", "provides general nursing", "outstanding nursing
#   care", "delivery of safe, high quality nursing care" -> *provide professional care in nursing* (the role nouns read "nurse" and
#   "nursing background / experience / skills"): gold in 8 of the 10 dev-dev22 sentences of these forms (the two others: a care
#   home that provides nursing care, tagged long-term care only); not nursing homes, staff, teams, associates or advice.
# - commitment asked of the worker (`COMMITMENT_PHRASES`, "commitment", ranked as `SOFT`, among the semantic links): "be
#   committed to ...", "enthusiastic, committed and ...", "passion and commitment", "demonstrate commitment" -> *show
#   commitment*; not "committed to promoting / safeguarding" (an employer's policy line), nor a committed nurse or team (a role
#   noun's adjective: the sets tag the role). Gold in 6 of the 8 dev-dev22 sentences of these forms.
NURSING_PHRASES = (
    (re.compile(r"(?i)\b(passion\s+for|general|provid(e|es|ed|ing)|deliver(s|ed|ing)?|delivery\s+of|outstanding|high[- ]quality|"
                r"excellent|expert|skilled|safe|compassionate)\s+([\w,-]+\s+){0,2}?nursing\b"
                r"(?!\s+(homes?|associates?|assistants?|staff|teams?|times|advice|and\s+residential|background))"),
     NURSE, ("nursing",), "nursing"),
)
SHOW_COMMITMENT = "show commitment"
COMMITMENT_PHRASES = (
    # one row per need word: each row is one more search around every place of its word
    (re.compile(r"(?i)\b(be|are|is|remain|being|highly|truly|fully|genuinely)\s+committed\b"
                r"(?!\s+to\s+(promoting|safeguarding|equality|diversity|the\s+(welfare|safeguarding|principles)))"
                r"|\b(enthusiastic|motivated|dedicated|hard[- ]working|reliable|passionate|caring),?\s+(and\s+)?committed\b"
                r"(?=\s*(,|and\b|\.|;|$))"), SHOW_COMMITMENT + SOFT, ("committed",), "committed"),
    (re.compile(r"(?i)\b(passion|enthusiasm|drive|dedication|energy),?\s+(and\s+)?(an?\s+)?(real\s+|genuine\s+|strong\s+)?commitment\b"
                r"|\b(demonstrat\w*|show\w*|provide)\s+(the\s+|a\s+|your\s+)?(real\s+|genuine\s+|strong\s+)?commitment\b"
                r"|^\W*commitment\s+to\s+success\b|\bcommitment\s*,"), SHOW_COMMITMENT + SOFT, ("commitment",), "commitment"),
)
# - databases as knowledge (`DATABASE_PHRASES`, "databases"): ESCO's *database* has no plural alias, so "relational databases",
#   "SQL databases", "Relational Data Bases", a list's "..., databases, ..." and data stores or repositories found nothing: gold
#   in 8 of the 9 dev-dev22 sentences of these forms (the ninth lists office software: "spreadsheets, presentation software,
#   databases"); a verb's object ("querying databases", "utilize SIGINT databases", "migrate legacy databases") is left to the
#   semantic stage (the sets tag *use databases*, *query languages*, *manage database* there).
# - models built (`MODEL_PHRASES`, "models"): building or developing models (not data, statistical, probabilistic, financial or
#   3D models: their own concepts), predictive algorithms or problems, prediction systems -> *build predictive models*: gold in 12
#   of the 16 dev-dev22 sentences of these forms ("predictive analytics" is an alias of *develop predictive models*, which
#   `merged_concepts` reports as this one).
DATABASE = "database"
PREDICTIVE = "build predictive models"
_DB_KIND = r"(?i)\b(relational|sql|nosql|graph|document|cloud|operational|analytical|large|distributed)\s+"
DATABASE_PHRASES = (  # found from "databases" / "data bases", not from "data" (in nearly every technical posting)
    (re.compile(_DB_KIND + r"databases\b"), DATABASE, ("databases",), "databases"),
    (re.compile(_DB_KIND + r"data\s+bases\b"), DATABASE, ("data bases",), "data bases"),
    (re.compile(r"(?i)(,|;|:|\band\b)\s*(relational\s+)?databases\s*(,|;|\(|\band\b)"), DATABASE, ("databases",), "databases"),
    (re.compile(r"(?i)\bdata\s+(stores|repositories)\b"), DATABASE, ("data stores", "data repositories"), None),
)
_NOT_OTHER_MODELS = r"(?!(data|statistical|probabilistic|financial|3d|business|mathematical|econometric|pricing)\s)"
MODEL_PHRASES = (
    (re.compile(r"(?i)\b(build|develop|creat|construct)(s|ed|ing|e|es)?\s+" + _NOT_OTHER_MODELS + r"([\w-]+\s+){0,2}?"
                r"(?<!data )(?<!statistical )(?<!probabilistic )models?\b"), PREDICTIVE, ("models",), "model"),
    (re.compile(r"(?i)\bpredictive\s+(algorithms?|problems?|systems?)\b|\bprediction\s+(systems?|engines?)\b"), PREDICTIVE,
     ("predictive", "prediction"), None),
)
# session 24 (s31): a car of one's own in other words ("furnish their own automobiles", "a driver with your own transport",
# "have their own transportation") states *drive vehicles* as "own car" does (`CAR`); over the postings "own transport" is
# a UK care or field ad's request for a driver (195 uses, 12 read: all travel between clients, sites or bases, one a
# warehouse's shift times)
TRANSPORT_PHRASES = (
    (re.compile(r"(?i)\bown\s+(automobiles?|transport(ation)?)\b"), DRIVE, ("own automobile", "own transport"), None),
)
# session 24 (s31): ESCO's "drive vehicles" with a word or two between ("required to drive commercial vehicles", "driving City
# vehicles") matched no label; found from "vehicle" (rarer than "drive", a frequent verb)
VEHICLE_PHRASES = (
    (re.compile(r"(?i)\bdriv(e|es|ing)\s+(a\s+|an\s+|the\s+)?([\w-]+\s+){1,2}?vehicles?\b"), DRIVE, ("vehicle",), "vehicle"),
)
PSYCHIATRIC = "psychiatric disorders"
# session 24 (s31): personality disorders are psychiatric disorders (ESCO has no label with the words)
DISORDER_PHRASES = (
    (re.compile(r"(?i)\bpersonality\s+disorders?\b"), PSYCHIATRIC, ("personality disorder",), None),
)
# session 25 (s32): four more families, each read from the gold of several dev sets before it was written (bench/README.md):
# - mentoring by the worker (`MENTOR_PHRASES`, "mentor"): "mentor junior members", "mentorship of team members", "mentoring,
#   training, and leading", "act as a mentor" -> *mentor individuals*: gold in all 6 dev-dev25 sentences naming a mentor (5 sets),
#   where the semantic stage ranks ESCO's *provide mentorship* (never gold) above it. Not the worker's own mentor ("your mentor",
#   "a personal mentor", "peer mentors", "be mentored"), a mentoring programme or scheme, nor a mentor who will support the worker.
# - curiosity (`CURIOSITY_PHRASES`, "curiosity", ranked as `SOFT`, among the semantic links): "curious", "curiosity",
#   "inquisitive" -> *demonstrate curiosity* (ESCO's alternative "be curious" runs on into others and is dropped by the taxonomy):
#   gold in all 4 dev-dev25 sentences with the words; not "Curious?" (an invitation to apply) nor a company's "we are curious" or
#   "culture of curiosity".
# - an automobile furnished (`FURNISH_PHRASES`, "furnish"): the LA bulletins' "required to furnish an automobile, properly insured, for
#   use in City service" -> *drive vehicles*, as "furnish their own automobiles" (`TRANSPORT_PHRASES`) does.
# - a bus, truck or lorry driven (`DRIVING_PHRASES`, "driving"): "experience driving a truck of more than 26,001 pounds", "driving a
#   bus of 40 seated passenger capacity" -> *drive vehicles* (the vehicles row reads only the word "vehicle"); found from the
#   vehicle's word ("bus " with its space: "business" is in most postings).
# - communicating well in other words (`COMMUNICATE_PHRASES`, "communicate"): "effectively communicate", "clearly communicate",
#   "communicate clearly" -> *communication* (the taxonomy's override aliases read "communicate effectively" and "communicating
#   effectively", not the adverb first): gold in 5 of the 6 dev-dev25 sentences with an adverb of manner beside the verb (the sixth
#   is a "Written Communications" line the rows do not read).
MENTOR = "mentor individuals"
CURIOSITY = "demonstrate curiosity"
COMMUNICATE_PHRASES = (
    (re.compile(r"(?i)\b(effectively|clearly)\s+communicat(e|es|ed|ing)\b"), COMMUNICATION,
     ("effectively communicat", "clearly communicat"), None),
    (re.compile(r"(?i)\bcommunicat(e|es|ed|ing)\s+clearly\b"), COMMUNICATION,
     ("communicate clearly", "communicates clearly", "communicated clearly", "communicating clearly"), None),
)
MENTOR_PHRASES = (
    (re.compile(r"(?i)(?<![\w-])(?<!your )(?<!my )(?<!personal )(?<!peer )(?<!own )(?<!be )(?<!being )(?<!are )(?<!is )"
                r"mentor(s|ed|ing|ship)?\b(?!\s+(programmes?|programs?|schemes?|opportunit(y|ies)|who|will)\b)(?!\s+by\b)"),
     MENTOR, ("mentor",), None),
)
CURIOSITY_PHRASES = (
    (re.compile(r"(?i)(?<![\w-])(?<!we are )(?<!culture of )(curio(us|sity)|inquisitive(ness)?)\b(?!\s*\?)"), CURIOSITY + SOFT,
     ("curio", "inquisitive"), None),
)
FURNISH_PHRASES = (
    (re.compile(r"(?i)\bfurnish(es|ed|ing)?\s+(an?\s+|their\s+|his\s+|her\s+|your\s+)?(own\s+)?(automobiles?|vehicles?|cars?)\b"),
     DRIVE, ("furnish",), None),
)
_DRIVEN = r"(?i)\bdriv(e|es|ing)\s+((a|an|the|our|company|city)\s+)?([\w-]+\s+)?(bus(es)?|trucks?|lorr(y|ies)|minibus(es)?)\b"
DRIVING_PHRASES = tuple((re.compile(_DRIVEN), DRIVE, (need,), need) for need in ("bus ", "buses", "truck", "lorr"))
PASS24_FAMILIES = {"visual": VISUAL_PHRASES, "typing": TYPING_PHRASES, "acumen": ACUMEN_PHRASES, "detail": DETAIL_PHRASES,
                   "secretary": SECRETARY_PHRASES, "scripts": SCRIPT_PHRASES, "cnc": CNC_PHRASES,
                   "requirements": REQUIREMENTS_PHRASES, "data_arch": DATA_ARCH_PHRASES,
                   "troubleshoot": TROUBLESHOOT_PHRASES, "accountability": ACCOUNTABILITY_PHRASES,
                   "organisation": ORGANISATION_PHRASES, "insights": INSIGHT_PHRASES,
                   "nursing": NURSING_PHRASES, "commitment": COMMITMENT_PHRASES,
                   "databases": DATABASE_PHRASES, "models": MODEL_PHRASES, "transport": TRANSPORT_PHRASES,
                   "vehicles": VEHICLE_PHRASES, "disorders": DISORDER_PHRASES,
                   "mentor": MENTOR_PHRASES, "curiosity": CURIOSITY_PHRASES, "furnish": FURNISH_PHRASES, "driving": DRIVING_PHRASES,
                   "communicate": COMMUNICATE_PHRASES}


# session 19: a nurse (or any licence holder) named as the one who directs, supervises or is assisted by the worker ("duties
# as directed by a registered nurse", "under the supervision of an RGN", "assisting the registered nurse") is a colleague:
# the posting asks for neither the licence nor the nursing. 52 nursing assistants' postings had *Registered Nurse licence*,
# most from such phrases. `colleague_before` reads the 60 characters before a credential's or role noun's match.
_BOSS = (r"(direction|supervision|guidance|instructions?|support|leadership|delegation)\s+of"
         r"|(directed|supervised|delegated|led|supported|instructed|overseen|managed)\s+by"
         r"|report(s|ing)?\s+(in)?to|assistant\s+to|assist(s|ing)?|help(s|ing)?|alongside|support(s|ing)?")
_COLLEAGUE_BEFORE = re.compile(rf"(?i)\b({_BOSS})(\s+(a|an|the|our|your|their))?"
                               r"(\s+(qualified|licensed|registered|senior|staff|trained|named|duty))*\s+$")


def colleague_before(text: str, start: int) -> bool:
    """Is the match starting at `start` the person the worker answers to or assists, by the words just before it?"""
    return _COLLEAGUE_BEFORE.search(text, max(0, start - 60), start) is not None


def _scan(text: str, low: str, keys: tuple[str, ...], rx: re.Pattern, at: Mapping[str, list[int]],
          back: int = 0) -> list[list[int]]:
    """Spans of `rx` found near the lower-cased `keys` only (a window from `back` chars before each key to 60 after it),
    not over the whole text: most postings have a key or two, and a case-blind regex over 3,000 characters cost ~70 µs
    per posting, a third of the lexical stage. `at`: the keys' places (`key_places`). Falls back to the whole text when
    `low` is not the same length as `text` (a caller's own `str.lower`)."""
    if len(low) != len(text):
        return [[m.start(), m.end()] for m in rx.finditer(text)]
    seen: dict[tuple[int, int], None] = {}
    anchored = _lower_pattern(rx) if not back else rx
    for k in keys:
        for i in at.get(k, ()):
            if not back:  # the pattern starts at the key: one anchored match
                m = anchored.match(low, i)
                if m:
                    seen[(m.start(), m.end())] = None
                continue
            a, b = max(0, i - back), min(len(text), i + len(k) + 60)
            for m in rx.finditer(text, a, b):
                if m.start() <= i + len(k) and m.end() >= i:  # the match contains (or touches) this key
                    seen[(m.start(), m.end())] = None
    return [list(x) for x in sorted(seen)]


def people_spans(text: str, low: str | None = None) -> dict[str, list[list[int]]]:
    """competence name -> character spans of the phrases that state it (`PEOPLE_PHRASES`). A multidisciplinary team is
    left to `TEAM_PHRASE` (*work in multidisciplinary health teams*, the health sets' reading)."""
    return _phrase_spans(text, low, PEOPLE_PHRASES)


def data_spans(text: str, low: str | None = None) -> dict[str, list[list[int]]]:
    """competence name -> character spans of the phrases that state it (`DATA_PHRASES`)."""
    return _phrase_spans(text, low, DATA_PHRASES)


def trait_spans(text: str, low: str | None = None) -> dict[str, list[list[int]]]:
    """competence name -> character spans of the phrases that state it (`TRAIT_PHRASES`)."""
    return _phrase_spans(text, low, TRAIT_PHRASES)


_NEED_CHARS = 80
_MULTI_DISCIPLINARY = re.compile(r"multi[- ]?disciplinary")  # a multidisciplinary team is `TEAM`'s, not *work in teams*


Phrase = tuple[re.Pattern, str, tuple[str, ...], "str | None"]


def lower_text(text: str) -> str:
    """`text` lower-cased, one character for one, so a place in it is the same place in `text`: the rules find their keys
    in it and anchor their patterns there. (`str.lower` lengthens a few characters, "İ" -> "i̇"; those stay as they are.)"""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class KeyPlaces(NamedTuple):
    """Where the competence rules' keys occur in a lower-cased text (`key_places`)."""
    matches: list[tuple[str, int]]  # (key, start) in the automaton's order (by end), overlapping ones included
    at: dict[str, list[int]]  # key -> its starts


def _static_keys() -> list[str]:
    """Every key and `need` word the rules of this module look for: the role nouns' words below, every `*_KEYS*` tuple and
    every table of `Phrase` rows defined here (read from the module, so a family added later joins without a word)."""
    keys = ["nurs", "nurses", "home manag", "manag", "home", "leader"]
    for name, value in list(globals().items()):
        if not isinstance(value, tuple) or not value:
            continue
        if "_KEYS" in name and all(isinstance(k, str) for k in value):
            keys += value
        elif all(_is_phrase(r) for r in value):
            keys += _row_keys(value)
    for rows in PASS24_FAMILIES.values():
        keys += _row_keys(rows)
    return keys


def _is_phrase(row: object) -> bool:
    return (isinstance(row, tuple) and len(row) == 4 and isinstance(row[0], re.Pattern) and isinstance(row[2], tuple)
            and (row[3] is None or isinstance(row[3], str)))


def _row_keys(rows: tuple[Phrase, ...]) -> list[str]:
    return [k for _, _, ks, need in rows for k in (*ks, *((need,) if need is not None else ()))]


_PLACES: dict[int, tuple] = {}


def _places_automaton(extra: tuple[Phrase, ...]) -> tuple[ahocorasick_rs.AhoCorasick, list[str]]:
    """One automaton over every key of the module's rules and of `extra` rows, built once per `extra` (by identity)."""
    hit = _PLACES.get(id(extra))
    if hit is not None and hit[0] is extra:
        return hit[1]
    keys = list(dict.fromkeys(_static_keys() + _row_keys(extra)))
    # a DFA: ~230 keys fit one in the cache, and it scanned a posting in half the time of the default (14 against 28 µs;
    # the lexical stage's 100,000-key automaton is the other way round: bench/README.md, session 23)
    built = (ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard,
                                        implementation=ahocorasick_rs.Implementation.DFA), keys)
    _PLACES[id(extra)] = (extra, built)  # `extra` kept alive: its id is not reused while the entry stands
    return built


def key_places(low: str, extra: tuple[Phrase, ...] = ()) -> KeyPlaces:
    """Every place of every rule key in the lower-cased text, from one automaton pass. The rules used to look for their
    keys each on its own (four automata, some fifty `in` tests and `find` loops over the whole posting): that was over
    half the lexical stage's time (bench/README.md, session 23)."""
    automaton, keys = _places_automaton(extra)
    matches = [(keys[k], i) for k, i, _ in automaton.find_matches_as_indexes(low, overlapping=True)]
    at: dict[str, list[int]] = {}
    for k, i in matches:
        at.setdefault(k, []).append(i)
    return KeyPlaces(matches, at)


def _places(text: str, low: str | None, extra: tuple[Phrase, ...] = ()) -> tuple[str, KeyPlaces]:
    """(`low`, its `key_places`) for a rule called on its own."""
    low = lower_text(text) if low is None or len(low) != len(text) else low
    return low, key_places(low, extra)


Row = tuple[re.Pattern, str, "str | None", bool]  # (pattern on lower-cased text, competence, need word, multidisciplinary check)


def _by_key(rows: tuple[Phrase, ...]) -> dict[str, tuple[Row, ...]]:
    """key -> the rows it starts, their patterns already lowered (`_lower_pattern`): looked up once per table, not once
    per key found in a posting."""
    by: dict[str, list[Row]] = {}
    for rx, comp, ks, need in rows:
        for k in ks:
            by.setdefault(k, []).append((_lower_pattern(rx), comp, need, comp == WORK_IN_TEAMS))
    return {k: tuple(v) for k, v in by.items()}


def _by_need(rows: tuple[Phrase, ...]) -> dict[str, tuple[Row, ...]]:
    """`need` word -> the rows that need it, their patterns lowered."""
    by: dict[str, list[Row]] = {}
    for rx, comp, _, need in rows:
        assert need is not None
        by.setdefault(need, []).append((_lower_pattern(rx), comp, need, False))
    return {k: tuple(v) for k, v in by.items()}


@lru_cache(maxsize=None)
def _lower_pattern(rx: re.Pattern) -> re.Pattern:
    """`rx` without its case-blind flag, to match the lower-cased text: a case-blind match cost about twice as much.
    Its literal capitals are lowered too (escapes such as \\S and \\W kept): a row naming "ICT" or "IT" matched nothing
    in lower-cased text. Memoised: `re`'s own cache holds 512 patterns, fewer than the rules and the rest of a run use."""
    pattern = _CAPITALS.sub(lambda m: m.group(0) if m.group(0).startswith("\\") else m.group(0).lower(),
                            rx.pattern.removeprefix("(?i)"))
    return re.compile(pattern)


_CAPITALS = re.compile(r"\\.|[A-Z]")


_TABLES: dict[tuple, tuple] = {}


def _phrase_tables(flags: tuple, extra: tuple[Phrase, ...]) -> tuple:
    """The phrase rows `role_spans` tries for these switches and extra rows, built once per combination: (rows that start at
    a key, key -> those rows, rows found from a `need` word, need word -> those rows). Keyed by the switches and the extra rows'
    identity: hashing the ~70 rows themselves on every call cost ~20 µs a posting, a tenth of the lexical stage."""
    key = flags + (id(extra),)
    hit = _TABLES.get(key)
    if hit is not None and hit[0] is extra:
        return hit[1]
    people, data, traits, analysis, programming, comm, clerical, agents, initiative, collab, analytics, drive = flags
    anchored = tuple(r for r in extra if r[3] is None)
    needed = tuple(r for r in extra if r[3] is not None)
    phrases = (anchored + (PEOPLE_PHRASES if people else ()) + (DATA_PHRASES if data else ()) + (TRAIT_PHRASES if traits else ())
               + (ANALYSIS_PHRASES if analysis else ()) + (PROGRAMMING_PHRASES if programming else ())
               + (PROGRAMMING_PHRASES_WIDE if programming == "wide" else ())
               + (COMM_PHRASES if comm else ()) + (CLERICAL_PHRASES if clerical else ()) + (SUPERVISE_AGENTS if agents else ())
               + (INITIATIVE_PHRASES if initiative else ()) + (COLLAB_PHRASES if collab else ())
               + (COOPERATE_PHRASES if collab == "cooperate" else ())
               + (COOPERATE_COLLEAGUES if collab == "colleagues" else ())
               + (ANALYTICS_PHRASES if analytics else ()) + (DRIVE_PHRASES if drive else ()))
    tables = (phrases, _by_key(phrases), needed, _by_need(needed))
    _TABLES[key] = (extra, tables)  # `extra` kept alive: its id is not reused while the entry stands
    return tables


def _phrase_spans(text: str, low: str | None, phrases: tuple[Phrase, ...], by_key: Mapping[str, tuple[Row, ...]] | None = None,
                  places: KeyPlaces | None = None) -> dict[str, list[list[int]]]:
    """competence name -> spans of the phrases that state it (each entry of `phrases` as in `PEOPLE_PHRASES`): each
    pattern is tried only where one of its keys occurs (and its `need` word follows within `_NEED_CHARS`), anchored there.
    `by_key`: `_by_key(phrases)`, when the caller has it."""
    if places is None:
        low, places = _places(text, low, phrases)
    assert low is not None
    by_key = _by_key(phrases) if by_key is None else by_key
    out: dict[str, list[list[int]]] = {}
    for k, i in places.matches:
        rows = by_key.get(k)
        if rows is None:
            continue
        for rx, comp, need, team in rows:
            if need is not None and low.find(need, i, i + _NEED_CHARS) == -1:
                continue
            m = rx.match(low, i)
            if m and not (team and _MULTI_DISCIPLINARY.search(low, m.start(), m.end())):
                spans = out.setdefault(comp, [])
                span = [m.start(), m.end()]
                if span not in spans:
                    spans.append(span)
    return out


def role_spans(text: str, plural: bool = True, low: str | None = None, team: bool = False,
               elderly: bool = False, people: bool = False, data: bool = False,
               traits: bool = False, leaders: bool = False, longterm: str | None = None, sought: bool = False,
               analysis: bool = False, programming: bool | str = False, initiative: bool = False, collab: bool | str = False,
               reports: bool = False, analytics: bool = False, independence: bool = False,
               drive: bool = False, comm: bool = False, clerical: bool = False,
               agents: bool = False, extra: tuple[Phrase, ...] = (),
               places: KeyPlaces | None = None, abbrev: bool = False) -> dict[str, list[list[int]]]:
    """competence name -> character spans of the role nouns that state it (`ROLE_NOUNS`); `plural` False skips "nurses"
    (a plural often names colleagues: "a team of nurses", "GPs, nurses, pharmacists"); `team`: a multidisciplinary team
    states *work in multidisciplinary health teams* (`TEAM_PHRASE`); `elderly`: *tend to elderly people* (`ELDERLY_PHRASE`).
    `low` and `places`: `lower_text(text)` and its `key_places(low, extra)`, when the caller has them."""
    if places is None or low is None:
        low, places = _places(text, low, extra)
    at = places.at
    out: dict[str, list[list[int]]] = {}

    def add(comp: str, spans: list[list[int]]) -> None:
        if spans:
            out.setdefault(comp, []).extend(spans)

    if "nurs" in at:
        add(NURSE, [sp for sp in _scan(text, low, ("nurs",), ROLE_NOUNS[0][0], at=at) if not colleague_before(text, sp[0])])
        if plural:
            add(NURSE, [sp for sp in _scan(text, low, ("nurses",), ROLE_NOUNS[1][0], at=at) if not colleague_before(text, sp[0])])
        elif sought and "nurses" in at:
            add(NURSE, _scan(text, low, ("nurses",), NURSES_SOUGHT, back=80, at=at))
    if abbrev and ("RN" in text or "RSCN" in text):  # two C-level finds: most postings stop here
        add(NURSE, [[m.start(), m.end()] for m in NURSE_ABBR.finditer(text) if not colleague_before(text, m.start())
                    and "native" not in text[max(0, m.start() - 12):m.start()].lower()])  # "React Native (RN)"
    if NURSE in out:
        out[NURSE] = sorted(out[NURSE])
    if "home manag" in at or ("manag" in at and any(k in at for k in _HOME_KEYS)):
        add(HOME, _scan(text, low, ("home",), ROLE_NOUNS[2][0], back=60, at=at))
    if team == "wide":
        if any(k in at for k in _TEAM_KEYS_WIDE):
            add(TEAM, _scan(text, low, _TEAM_KEYS_WIDE, TEAM_PHRASE_WIDE, back=6, at=at))
    elif team and any(k in at for k in _TEAM_KEYS):
        add(TEAM, _scan(text, low, _TEAM_KEYS, TEAM_PHRASE, back=6, at=at))
    if elderly and any(k in at for k in _ELDERLY_KEYS):
        add(ELDERLY, _scan(text, low, _ELDERLY_KEYS, ELDERLY_PHRASE, at=at))
    if longterm and any(k in at for k in _LONGTERM_KEYS):
        for span in longterm_spans(text, low, need_nurse=longterm == "nurse", at=at):
            out.setdefault(LONGTERM, []).append(span)
    if leaders and "leader" in at:
        for span in leader_spans(text, low, at=at):
            out.setdefault(LEAD_TEAM, []).append(span)
    flags = (people, data, traits, analysis, programming, comm, clerical, agents, initiative, collab, analytics, drive)
    phrases, by_key, needed, by_need = _phrase_tables(flags, extra)
    if phrases:
        for comp, spans in _phrase_spans(text, low, phrases, by_key, places).items():
            add(comp, spans)
    if needed:
        for comp, spans in _need_auto_spans(text, low, needed, by_need, places).items():
            add(comp, spans)
    for rows, on in ((REPORT_PHRASES, reports), (INDEPENDENCE_PHRASES, independence), (PROGRAMMING_CODE, programming == "wide")):
        if on:
            for comp, spans in _need_spans(text, low, rows, at).items():
                add(comp, spans)
    return out


def _need_auto_spans(text: str, low: str, rows: tuple[Phrase, ...], by_need: Mapping[str, tuple[Row, ...]],
                     places: KeyPlaces) -> dict[str, list[list[int]]]:
    """`_need_spans` read from the places of every `need` word (`key_places`): each row's pattern is searched from 80
    characters before each place of its word to 60 after it. `by_need`: `_by_need(rows)`."""
    out: dict[str, list[list[int]]] = {}
    at = places.at
    n = len(text)
    if not any(w in at for w in by_need):
        return out
    for word, i in places.matches:
        ns = by_need.get(word)
        if ns is None:
            continue
        a, b = max(0, i - 80), min(n, i + len(word) + 60)
        for rx, comp, _, _ in ns:
            for m in rx.finditer(low, a, b):
                if m.start() <= i + len(word) and m.end() >= i:
                    spans = out.setdefault(comp, [])
                    span = [m.start(), m.end()]
                    if span not in spans:
                        spans.append(span)
    return out


def _need_spans(text: str, low: str, rows: tuple[Phrase, ...], at: Mapping[str, list[int]]) -> dict[str, list[list[int]]]:
    """competence name -> spans of `rows` (as in `PEOPLE_PHRASES`), each found from its `need` word rather than its keys: the
    twenty-first pass's verbs ("develop", "support", "communicate") are in most postings, their objects ("report", "independence",
    "findings") in few, so a row is tried only where its object occurs (`_scan` around it)."""
    out: dict[str, list[list[int]]] = {}
    for rx, comp, keys, need in rows:
        probe = (need,) if need is not None else keys
        if not any(k in at for k in probe):
            continue
        for span in _scan(text, low, probe, rx, back=80 if need is not None else 0, at=at):
            spans = out.setdefault(comp, [])
            if span not in spans:
                spans.append(span)
    return out


def leader_spans(text: str, low: str | None = None, at: Mapping[str, list[int]] | None = None) -> list[list[int]]:
    """Spans of "a/an/as (up to three words) leader" in `text` (not "leaders", "leadership", "the Team Leader", nor a
    company's "a market leader", "a leader in healthcare")."""
    if at is None or low is None or len(low) != len(text):
        low, places = _places(text, low)
        at = places.at
    out = []
    for i in at.get("leader", ()):
        end = i + 6
        if (end == len(low) or not low[end].isalnum()) and (i == 0 or not low[i - 1].isalnum()):
            m = LEADER_BEFORE.search(low, max(0, i - 60), i)
            if m and not LEADER_NOT.search(low, m.start(), i) and not LEADER_AFTER_NOT.match(low, end):
                out.append([m.start(), end])
    return out


def longterm_spans(text: str, low: str | None = None, need_nurse: bool = True,
                   at: Mapping[str, list[int]] | None = None) -> list[list[int]]:
    """Spans of a nursing or care home, or long-term care (`LONGTERM_PLACE`), in `text`; with `need_nurse` only those whose
    sentence also names a nurse or nursing outside the place's own words."""
    if at is None or low is None or len(low) != len(text):
        low, places = _places(text, low)
        at = places.at
    spans = _scan(text, low, _LONGTERM_KEYS, LONGTERM_PLACE, at)
    if not need_nurse or not spans:
        return spans
    keep = []
    for s, e in spans:
        a, b = sentence_span(text, s, e)
        if any(not (m.start() < e and s < m.end()) for m in NURSE_CUE.finditer(text, a, b)):
            keep.append([s, e])
    return keep


SENT_END = ".!?;\n"


def sentence_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The sentence (up to `SENT_END` characters) around text[s:e]."""
    a = max(text.rfind(c, 0, s) for c in SENT_END) + 1
    b = min([x for x in (text.find(c, e) for c in SENT_END) if x != -1] or [len(text)])
    return a, b


def car_spans(text: str, low: str | None = None, places: KeyPlaces | None = None) -> list[list[int]]:
    """Character spans of "own car", "access to a vehicle", "use of a car" ... in `text` (`low`: text.lower(), if known;
    `places`: its `key_places`)."""
    if places is None:
        low, places = _places(text, low)
    if not any(k in places.at for k in _CAR_KEYS):
        return []
    return [[m.start(), m.end()] for m in CAR.finditer(text)]


def credential_competences(names: Mapping[int, str], products: bool = False) -> dict[int, int]:
    """certification skill -> the competence skill it licenses (the `states` rows of the curated table), for the pairs
    whose both names are in `names`. `products`: also the rows marked `software` (a cloud platform named -> *cloud
    technologies*)."""
    from careerpath.extract.taxonomy import load_overrides

    by_name = {n: i for i, n in names.items()}
    return {by_name[r["name"]]: by_name[r["value"]] for r in load_overrides()
            if r["kind"] == "states" and r["name"] in by_name and r["value"] in by_name
            and (products or r.get("extra") != "software")}


def category_competences(products: Mapping[int, str | None], names: Mapping[int, str]) -> dict[int, int]:
    """product skill -> the ESCO concept its O*NET commodity category states (the `category` rows of the curated table:
    "File versioning software" -> *tools for software configuration management*), for the products given (`products`:
    skill index -> its category; the caller passes only products ESCO lacks) and the concepts named in `names`.

    O*NET files Git, Subversion and CVS under one commodity category; ESCO has none of them but names the kind of tool
    they are. The link is by category, not by product, so a product the table never heard of is covered too."""
    from careerpath.extract.taxonomy import load_overrides

    by_name = {n: i for i, n in names.items()}
    by_cat = {r["name"]: by_name[r["value"]] for r in load_overrides() if r["kind"] == "category" and r["value"] in by_name}
    return {i: by_cat[c] for i, c in products.items() if c in by_cat}


def merged_concepts(names: Mapping[int, str]) -> dict[int, int]:
    """skill -> the skill it is reported as (the `merge` rows of the curated table: *manage a team* -> *manage staff*), for
    the pairs whose both names are in `names`."""
    from careerpath.extract.taxonomy import load_overrides

    by_name = {n: i for i, n in names.items()}
    return {by_name[r["name"]]: by_name[r["value"]] for r in load_overrides()
            if r["kind"] == "merge" and r["name"] in by_name and r["value"] in by_name and r["name"] != r["value"]}


class LanguageForms:
    """language skill -> {use: competence skill} for every language whose speaking competence the taxonomy has."""

    def __init__(self, names: Mapping[int, str], uses: tuple[str, ...] = tuple(FORMS)) -> None:
        by_name = {n.lower(): i for i, n in names.items()}
        self.uses = tuple(u for u in uses if u in FORMS)
        self.forms: dict[int, dict[str, int]] = {}
        for i, n in names.items():
            if FORMS["speak"].format(n).lower() not in by_name:
                continue
            forms = {u: by_name[FORMS[u].format(n).lower()] for u in self.uses if FORMS[u].format(n).lower() in by_name}
            if forms:
                self.forms[i] = forms

    def competences(self, text: str, i: int, spans: list[list[int]]) -> list[int]:
        """The competences of language `i` that the sentences of its matches ask for, in FORMS order."""
        forms = self.forms.get(i)
        if not forms:
            return []
        found: list[int] = []
        for m in _SENTENCE.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                continue
            sent = m.group()
            for use in self.uses:
                if use in forms and forms[use] not in found and CUES[use].search(sent):
                    found.append(forms[use])
        return found



# session 22 (s26): duties of care and health postings stated in other words. Shift work named by its hours ("night shifts",
# "working nights", "days and nights", "on night duty", "a night nurse", "shift patterns") states *work in shifts*: gold in the 9
# dev2-dev21 sentences of these forms, found by the semantic stage in 2 (it reads "nights" as hours or pay). Not a "shift leader",
# a "mixed rota" (dev17: not tagged), a title's "RGN Nights". The people cared for named by a disability ("adults with a physical
# disability", "children with disabilities", "physically disabled residents", "learning disabilities") state *disability care*:
# gold in all 8 such dev sentences, 3 found; not where the sentence (or the 60 characters either side) is about applying or
# equal opportunity ("we welcome applications from disabled people", "reasonable adjustments for disabled individuals").
SHIFTS = "work in shifts"
DISABILITY = "disability care"
_SEP = r"\s*(,|and|or|&|/)\s*"
SHIFT_PHRASE = re.compile(
    r"(?i)\bnight[- ]?(shifts?|duty|duties|work(ing)?|nurses?|staff|cover)\b"
    r"|\b(work(s|ing)?|cover(s|ing)?)\s+(days?" + _SEP + r")?nights\b"
    r"|\bdays?" + _SEP + r"nights?\b"
    r"|\bshift[- ]?(work(ing|ers?)?|patterns?|rotas?|basis|systems?)\b"
    r"|\b(rotating|rotational|early|late|long|day|twilight|split|weekend|\d+[- ]?hours?)\s+shifts\b"
    r"|\bwork(s|ing)?\s+([\w-]+\s+){0,2}?shifts\b")
_SHIFT_KEYS = ("night", "shift")
DISABILITY_PHRASE = re.compile(
    r"(?i)\b(physical|learning|intellectual|multiple|profound|complex|sensory|developmental|severe)\s+disabilit\w*"
    r"|\b(physically|learning|multiply|severely|profoundly)\s+disabled\b"
    r"|\b(children|adults|people|persons|individuals|residents|service\s+users|clients|those|users|patients)\s+with\s+"
    r"([\w,'’-]+\s+){0,4}?disabilit\w*"
    r"|\bdisabled\s+(residents|adults|children|clients|service\s+users|young\s+people|people)\b")
_DISABILITY_KEYS = ("disab",)
_APPLYING_NEAR = 60  # an equal-opportunity list split by stray full stops ("Minorities . veterans . individuals with disabilities")
_APPLYING = re.compile(r"(?i)\b(equal|opportunit\w*|accommodat\w*|adjustments?|veterans?|discriminat\w*|regardless|irrespective|"
                       r"guaranteed|confident|apply(ing)?|applications?|applicants?|encourage\w*|welcome\w*)\b")

# A practitioner named in the singular (the worker, not colleagues: "a team of Radiographers", "a group of occupational
# therapists") or the practice itself states the practice's core competence, as "nurse" does (`ROLE_NOUNS`): an Occupational
# Therapist or occupational therapy (not its team or students) -> *apply techniques of occupational therapy*, a Radiographer or
# radiography -> *make radiographic images*, a cook or a chef below the head chef (not a pastry chef, whose sentences the sets
# tag with pastry) -> *use cooking techniques*.
OT = "apply techniques of occupational therapy"
RADIOGRAPHY = "make radiographic images"
COOKING = "use cooking techniques"
PRACTICE_PHRASES = (
    (re.compile(r"(?i)\boccupational\s+therap(y|ist)\b(?!\s+(team|students?|assistants?|department)\b)"), OT,
     ("occupational therap",), None),
    (re.compile(r"(?i)\bot\s+(skills|practice|assessments?|interventions?|services?)\b"), OT,
     ("ot skill", "ot practice", "ot assess", "ot interv", "ot serv"), None),
    (re.compile(r"(?i)\bradiograph(er|y)\b"), RADIOGRAPHY, ("radiograph",), None),
    (re.compile(r"(?i)(?<!head )(?<!executive )(?<!pastry )\b(chef\s+de\s+partie|commis(\s+chef)?|demi\s+chef|sous\s+chef|"
                r"chef|cook|cooking)\b(?!\s+(classes|class|lessons|software|university)\b)"), COOKING, ("chef", "cook"), None),
)
# "Chef" is also a configuration tool ("Terraform, Ansible, Chef") and "Cook" a name ("James Cook University Hospital"): a
# chef, cook or cooking that is no kitchen rank counts only in a sentence with a food cue
# a practitioner or practice named among the worker's colleagues: after "with", "by", "from", "alongside", "such as", "a team of /
# including / consisting of / comprising" in the same sentence, within `_COLLEAGUE_BACK` characters ("a multi-disciplinary team
# including Community Mental Health Nurses, Occupational Therapist", "we work closely with Physiotherapy, Occupational therapy",
# "following assessment by Occupational Therapist"), or as the one the worker assists (`colleague_before`)
_PRACTICE_COLLEAGUE = re.compile(r"(?i)\b(with|by|from|alongside|includ\w*|consist\w*|compris\w*|such\s+as|teams?\s+of)\b[^.;!?\n]*$")
_COLLEAGUE_BACK = 80
_KITCHEN_RANK = re.compile(r"(?i)de\s+partie|commis|demi|sous")
_FOOD_CUE = re.compile(r"(?i)\b(kitchens?|food|menus?|restaurants?|dishes|catering|cuisine|pubs?|hotels?|meals?|fresh|brigade|"
                       r"rosettes?|culinary|baking|chefs?|cooks?|cooking|shopping|cleaning|diet\w*)\b")

# Working with the other professions of care ("working with other care professionals such as District Nurses, GPs", "work closely
# with the GPs, Care Home Managers and other primary care professionals", "working alongside our partner agencies") states *work
# in multidisciplinary health teams* (`TEAM`), as a multidisciplinary team does: gold in the 4 dev-dev21 sentences of these forms.
# Not other professionals the worker trains or informs ("training to health care professionals").
PROFESSIONS_PHRASE = re.compile(
    r"(?i)\b(work(s|ing)?|collaborat\w*|liais(e|es|ing))\s+(closely\s+|directly\s+)?(with|alongside)\s+"
    r"([\w'’&-]+,?\s+){0,6}?((other\s+)?(health\s*care|health|care|primary\s+care|clinical|allied\s+health|medical)\s+"
    r"professionals|(partner|other)\s+agencies)\b")
_PROFESSIONS_KEYS = ("professionals", "agencies")

# session 22 (s27). A critical-care setting named ("experience in critical care", "Senior Staff Nurse in ITU", "Critical Care or
# High Dependency care settings", "the specialist intensive care") states *intensive care medicine*: gold in 7 of the 8 dev-dev21
# sentences naming one (the eighth lists HDU among the wards skills transfer to), found in the top places of 2.
CRITICAL = "intensive care medicine"
CRITICAL_PHRASE = re.compile(r"(?i)(?<!psychiatric )\b(critical|intensive)\s+care\b(?!\s+and\s+treatment\b)|\bn?icu\b|\bitu\b")
_CRITICAL_KEYS = ("critical care", "intensive care", "nicu", "icu", "itu")  # each pattern starts at one (anchored, `_scan`)
# A nurse who leads nurses ("a Clinical Lead", "a clinical lead role", "Clinical Nurse Manager", "lead our fantastic team of
# nurses", "nursing leadership") states *leadership in nursing*: gold in all 5 dev-dev21 sentences of these forms, found in 0.
# Not a lead the worker supports or reports to ("Supporting the Ward Manager", "reporting to the Clinical Lead"), nor the clinical
# lead of another profession ("Clinical Lead Physiotherapist").
NURSE_LEAD = "leadership in nursing"
_NOT_OTHER_PRACTICE = (r"(?!\s+(for\s+|in\s+)?(physio\w*|pharmac\w*|psycholog\w*|occupational|speech|dietit\w*|therap\w*|radiograph\w*|"
                       r"paramedic\w*|doctors?|gps?|dent\w*|optom\w*|podiat\w*|social|counsell\w*|scientist\w*|research\w*|trials?|ot|slt|pt)\b)")
_AS_ONE = (r"\b(a|an|as(\s+an?)?)\s+((?!(contact|who|is|are|with|by|led|the|visit|please|for|of)\b)[\w'’-]+,?\s+(and\s+)?){0,4}?")
# the worker is one: "a strong, committed and dedicated Clinical Lead", "as Clinical Nurse Manager" (not "contact Jo, Clinical Lead")
NURSE_LEAD_PHRASE = re.compile(
    r"(?i)" + _AS_ONE + r"clinical\s+lead\b" + _NOT_OTHER_PRACTICE
    + r"|" + _AS_ONE + r"(clinical\s+)?nurse\s+manager\b|\bnursing\s+leadership\b|\bleadership\s+in\s+nursing\b"
    r"|\blead(s|ing)?\s+(a|the|our|your|their)\s+([\w'’-]+\s+){0,3}?team\s+of\s+([\w'’-]+\s+){0,3}?nurses\b")
_NURSE_LEAD_KEYS = ("clinical lead", "nurse manager", "nursing leadership", "leadership in nursing", "team of")
# ("team of", not "nurses", which most care postings hold many times: a window scan for each cost ~8 µs a posting)
# A caring or compassionate worker ("a naturally caring nature", "a caring and professional approach", "professional and caring
# people", "Compassionate and able to ...", "compassionate care") states *show empathy*: gold in 5 of the 6 dev-dev21 sentences
# of these forms (the sixth, "a ... compassionate registered nurse", tags the nursing only), found in 0. Not caring for someone
# (the duty), nor a caring place, atmosphere, service or sector, nor caring responsibilities (a carer's).
EMPATHY = "show empathy"
_NOT_PLACE = (r"(?!,?\s+(and\s+)?([\w'’-]+,?\s+(and\s+)?){0,3}?(team|teams|department|organi[sz]ation|trust|hospital|hospice|home|charity|"
              r"company|environment|atmosphere|culture|ethos|community|place|service|services|values|workforce|employees|staff\s+group)\b)")
EMPATHY_PHRASE = re.compile(
    r"(?i)\bcompassionate(ly)?\b" + _NOT_PLACE
    + r"|\bcaring\b(?!\s+(for|about|atmosphere|environment|homes?|settings?|services?|organi[sz]ations?|company|companies|"
    r"professions?|roles?|responsibilit\w*|duties|sector|industry|team|culture|place|facility)\b)" + _NOT_PLACE)
_EMPATHY_KEYS = ("compassionate", "caring")
_VALUES = re.compile(r"(?i)\b(values|ethos|culture|CQC|inspect\w*|rated|rating)\b")
_LEAD_COLLEAGUE = re.compile(r"(?i)\b(with|by|from|alongside|support\w*|assist\w*|(report\w*|accountable|answerable)\s+to|"
                             r"deputi[sz]\w*\s+for)\s+(the\s+|our\s+|a\s+)?"
                             r"([\w-]+\s+){0,2}$")


def duty_spans(text: str, low: str | None = None, shifts: bool = True,
               disability: bool = True, practice: bool = True, professions: bool = True, critical: bool = False,
               nurse_lead: bool = False, empathy: bool = False, places: KeyPlaces | None = None) -> dict[str, list[list[int]]]:
    """competence name -> spans of the phrases that state it: shift work (`SHIFT_PHRASE`) -> *work in shifts*, the people cared
    for named by a disability (`DISABILITY_PHRASE`, not in a sentence about applying or equal opportunity) -> *disability care*,
    a practitioner in the singular or the practice (`PRACTICE_PHRASES`, not among colleagues) -> its core competence, working
    with the other professions of care (`PROFESSIONS_PHRASE`) -> *work in multidisciplinary health teams*.
    Each pattern is tried only near its keys (`_scan`), whose places are read in one automaton pass (`key_places`; `low` and
    `places` as in `role_spans`), cheaper than the dozen failed finds it replaces (a find over a 2,700-character posting cost
    ~1.7 µs)."""
    if places is None or low is None:
        low, places = _places(text, low)
    out: dict[str, list[list[int]]] = {}
    present = places.at
    if shifts and any(k in present for k in _SHIFT_KEYS):
        spans = _scan(text, low, _SHIFT_KEYS, SHIFT_PHRASE, back=30, at=present)
        if spans:
            out[SHIFTS] = spans
    if disability and "disab" in present:
        spans = [sp for sp in _scan(text, low, _DISABILITY_KEYS, DISABILITY_PHRASE, back=60, at=present)
                 if not _APPLYING.search(text, *sentence_span(text, sp[0], sp[1]))
                 and not _APPLYING.search(text, max(0, sp[0] - _APPLYING_NEAR), sp[1] + _APPLYING_NEAR)]
        if spans:
            out[DISABILITY] = spans
    if practice:  # each row anchored at its keys' places (`_scan`)
        found: dict[str, list[list[int]]] = {}
        for rx, comp, keys, _ in PRACTICE_PHRASES:
            if not any(k in present for k in keys):
                continue
            # a kitchen rank's first word is read back from "chef" ("Sous Chef")
            found.setdefault(comp, []).extend(_scan(text, low, keys, rx, back=12 if comp == COOKING else 0, at=present))
        for comp, spans in found.items():
            if comp == COOKING:
                spans = [sp for sp in spans if _KITCHEN_RANK.search(text, *sp) or _food_cue_beside(text, *sp)]
            else:
                spans = [sp for sp in spans if not colleague_before(text, sp[0])
                         and not _PRACTICE_COLLEAGUE.search(text, max(0, sp[0] - _COLLEAGUE_BACK), sp[0])]
            if spans:
                out.setdefault(comp, []).extend(spans)
    if professions and any(k in present for k in _PROFESSIONS_KEYS):
        spans = _scan(text, low, _PROFESSIONS_KEYS, PROFESSIONS_PHRASE, back=120, at=present)
        if spans:
            out.setdefault(TEAM, []).extend(spans)
    if critical and any(k in present for k in _CRITICAL_KEYS):
        spans = _scan(text, low, _CRITICAL_KEYS, CRITICAL_PHRASE, at=present)
        if spans:
            out[CRITICAL] = spans
    if nurse_lead and any(k in present for k in _NURSE_LEAD_KEYS):
        spans = [sp for sp in _scan(text, low, _NURSE_LEAD_KEYS, NURSE_LEAD_PHRASE, back=160, at=present)
                 if not colleague_before(text, sp[0]) and not _LEAD_COLLEAGUE.search(text, max(0, sp[0] - 40), sp[0])]
        if spans:
            out[NURSE_LEAD] = spans
    if empathy and any(k in present for k in _EMPATHY_KEYS):
        spans = [sp for sp in _scan(text, low, _EMPATHY_KEYS, EMPATHY_PHRASE, at=present)  # not the employer's values or rating
                 if not _VALUES.search(text, *sentence_span(text, sp[0], sp[1]))]
        if spans:
            out[EMPATHY] = spans
    return out


def _food_cue_beside(text: str, s: int, e: int) -> bool:
    """Does the sentence around text[s:e] name food or a kitchen outside the match itself?"""
    a, b = sentence_span(text, s, e)
    return any(not (m.start() < e and s < m.end()) for m in _FOOD_CUE.finditer(text, a, b))


