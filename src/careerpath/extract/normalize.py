"""Job-title normalisation: one canonical lower-case form per title, plus the seniority it carried.

Both sides of every lookup go through `normalize` (O*NET titles and aliases when the index is
built, typed or posted titles when resolving), so the rules only need to be consistent, not
linguistically perfect: "Software Developers" and "Sr. Software Developer II (Remote)" both become
"software developer".

Pipeline: unicode folding -> bracketed tags dropped -> non-English role words translated (German,
French, Spanish, Portuguese, Polish: "Analista de Datos" -> "data analyst", the role put last) ->
segments after " - ", " | ", " / ", "," dropped unless they carry the role ("Manager, Data Science" ->
"data science manager") ->
work-mode, schedule, pay-band and location words removed -> seniority and level words extracted ->
abbreviations expanded, typos fixed, plurals folded. Never raises: any string gives a (possibly
empty) result.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# --- word lists -------------------------------------------------------------------------------

SENIORITY = {
    "junior": "junior", "jr": "junior", "entry": "junior", "graduate": "junior", "trainee": "junior",
    "intern": "intern", "internship": "intern", "apprentice": "junior",
    "mid": "mid", "intermediate": "mid", "middle": "mid", "regular": "mid",
    "senior": "senior", "sr": "senior", "snr": "senior", "experienced": "senior",
    "lead": "lead", "principal": "principal", "staff": "staff", "distinguished": "principal",
    "expert": "senior",
    # "Principle Data Engineer", "Principle Psychologist": 35 store titles write the rank so (no O*NET title says
    # "principle"); kept, it stayed in the key as a field word
    "principle": "principal",
    # a postdoc is a research trainee: "Postdoc Scientist - T cell engineering" is a scientist of T cell engineering
    "postdoc": "junior", "postdoctoral": "junior",
}
# "staff" is a seniority only in tech titles ("Staff Data Scientist"); "Staff Nurse" keeps it. So are "middle"
# and "regular" (Polish boards: "Middle Java Developer"); "Middle School Teacher", "Middle Office Analyst" keep it.
_KEPT_RANKS = ("staff", "middle", "regular")
# "lead" after a modifier with no role word after it is the role, not a rank: "Clinical Lead North Shields" is a
# clinical lead in a town (before, "lead" was dropped and the town read as the job: "clinical north shield"); off to measure
LEAD_BEFORE_PLACE = True
# "associate", "assistant" or "deputy" before "director" is the director's rank (no O*NET title begins so): "Associate
# Director of Data and Analytics" is read as the director of data and analytics; off to measure
DIRECTOR_RANKS = True
# a lone "s" after an abbreviation is what a lost apostrophe leaves of its plural ("RGN's" written "RGN s", "RMN s/RGN s"),
# as "RGNs" is read: no word of its own; kept, it ended the key ("registered nurse s") and sent it to fuzzy matching. After
# a word it stays ("Children s Social Worker": the possessive says whose social worker); off to measure
STRAY_S = True
# "people" before another word names the people function (HR: "People Research", "People Data Analyst"), not persons:
# folded to "person" it read "person research scientist" as a computer scientist; off to measure
PEOPLE_MODIFIER = True
# "expert" ranks a role ("Expert Ad Product Manager"), but "Expert in K-12 Educational Analytics" (in, of, for, on a field
# with no role word) is a specialist of the field: before, "in k educational analytics" read as a school administrator.
# A closing "expert" stays a rank: read as "specialist" ("Cloud Expert", "Power BI Expert") it gained no title and lost
# one (O*NET's 175 "... Expert" titles are keyed without it); off to measure
EXPERT_ROLE = True
# a title of one "-ologist" word keeps it over a bracket ("HYDROLOGIST (QUALITY ASSURANCE SPECIALIST - ...)"); off to measure
OLOGIST_HEADS = True
_EXPERT_OF = frozenset({"in", "for", "of", "on"})
_DIRECTOR_RANKS = frozenset({"associate", "assistant", "deputy"})
_STAFF_TECH = {"engineer", "scientist", "developer", "designer", "architect", "analyst", "researcher", "programmer"}
# a conjunction left at either end once the words it joined (ranks, noise) are dropped joins nothing
_EDGE_CONJUNCTIONS = frozenset({"and", "or"})
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v"})
LEVELS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}

NOISE_WORDS = {
    "remote", "hybrid", "onsite", "wfh", "telecommute", "telecommuting",
    "fulltime", "parttime", "contract", "contractor", "temporary", "temp", "permanent", "perm",
    "freelance", "seasonal", "locum", "prn", "diem", "nights", "night", "days",
    "weekend", "weekends", "evenings", "shift", "shifts", "urgent", "urgently", "immediate", "start",
    "new", "hiring", "wanted", "needed", "opportunity", "position", "role", "vacancy", "m", "f",
    # "Faculty Positions in AI", "Staff Nurse Roles": the plurals say no more than the singulars ("Opportunities"
    # stays: dropped, "Senior Scientist - Multiple Opportunities Available in ..." read the rest as the field)
    "positions", "roles",
    "d", "w", "x", "mfd", "fte", "usa", "us", "uk", "nationwide", "anywhere", "worldwide", "global",
    "azure", "aws", "gcp", "level", "band", "grade", "ref", "req",
}
_NOISE_PHRASES = re.compile(
    r"\b(work from home|work at home|full[ -]time|part[ -]time|on[ -]site|fixed[ -]term|per diem|"
    r"sign[ -]on bonus|relocation (?:assistance|available|package)|visa sponsorship|"
    r"entry[ -]level|mid[ -]level|senior[ -]level|all levels|nhs|afc|agenda for change)\b"
)
# (Adzuna masks every number as "****": "Home Manager Fife ****K" left "home manager fife k")
_MONEY = re.compile(r"[$£€]\s?[\d.,]+\s?[kK]?(?:\s?(?:-|to)\s?[$£€]?\s?[\d.,]+\s?[kK]?)?|\b\d{2,3}[kK]\b|\*{2,}[kK]\b")
_BAND = re.compile(r"\b(?:band|grade|level|tier|step|l)\s?\d+[a-z]?\b")
# a gender tag outside brackets ("Data Scientist H/F", "Engineer m/w/d"): letters for men and women (and diverse), which
# left "data scientist h" (44 postings) and "data engineer h" (76) as roles of their own; "f/t", "p/h", "a/b" are not tags
_GENDER_TAG = re.compile(r"(?<![\w/])[mhfwdxnk](?:\s?/\s?[mhfwdxnk]){1,2}(?![\w/])")


def _no_gender_tag(match: re.Match) -> str:
    letters = set(match.group(0)) - {"/", " "}
    return " " if letters & {"m", "h"} and letters & {"f", "w"} else match.group(0)

# Abbreviations: expanded token by token (keys are lower case, after punctuation is gone).
ABBREVIATIONS = {
    "ml": "machine learning", "mle": "machine learning engineer", "ai": "artificial intelligence",
    "genai": "generative artificial intelligence", "llm": "large language model",
    "nlp": "natural language processing", "swe": "software engineer", "sde": "software development engineer",
    "sdet": "software development engineer in test", "sre": "site reliability engineer",
    "bi": "business intelligence", "qa": "quality assurance", "qc": "quality control",
    "rn": "registered nurse", "lpn": "licensed practical nurse", "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant", "np": "nurse practitioner", "hca": "healthcare assistant",
    "pm": "project manager", "tpm": "technical program manager", "hr": "human resources",
    "hrbp": "human resources business partner", "ux": "user experience", "ui": "user interface",
    "ds": "data scientist", "de": "data engineer", "da": "data analyst", "ba": "business analyst",
    "bsa": "business systems analyst", "dba": "database administrator", "it": "information technology",
    "sw": "software", "hw": "hardware", "mgr": "manager",
    "mngr": "manager", "eng": "engineer", "engr": "engineer", "dev": "developer", "devs": "developer",
    "asst": "assistant", "assoc": "associate", "admin": "administrator", "tech": "technician",
    "coord": "coordinator", "rep": "representative", "spec": "specialist", "dir": "director",
    "vp": "vice president", "svp": "senior vice president", "evp": "executive vice president",
    "avp": "assistant vice president", "ceo": "chief executive officer", "cfo": "chief financial officer",
    "cto": "chief technology officer", "cio": "chief information officer", "coo": "chief operating officer",
    "cmo": "chief marketing officer", "cpa": "certified public accountant", "emt": "emergency medical technician",
    "csr": "customer service representative", "sdr": "sales development representative",
    "bdr": "business development representative", "ae": "account executive", "hgv": "heavy goods vehicle",
    "lgv": "large goods vehicle", "ot": "occupational therapist", "slp": "speech language pathologist",
    "acct": "accountant", "svc": "service", "mktg": "marketing", "ops": "operations", "sys": "systems",
    "sysadmin": "systems administrator", "infosec": "information security", "secops": "security operations",
    "cyber": "cybersecurity", "fullstack": "full stack", "frontend": "front end", "backend": "back end",
    "gp": "general practitioner", "pa": "physician assistant", "rgn": "registered nurse",
    "rmn": "registered mental health nurse", "odp": "operating department practitioner",
    "enp": "emergency nurse practitioner", "kam": "key account manager", "oper": "operator",
    # a data warehouse (German and Polish IT boards: "DWH Developer", "DWH Data Engineer", "Dateningenieur DWH/BI")
    "dwh": "data warehouse",
}
# plurals that are words of their own, not an abbreviation's plural ("GPS" is satellite positioning, "MLS" a medical
# laboratory scientist or a listing service, not machine learnings)
_NOT_ABBREV_PLURALS = frozenset({"gps", "pas", "mls"})


def expand(word: str) -> str:
    """An abbreviation's expansion, also for its plural: "RGNs Required" and "RMNs" are registered nurses as "RGN" is
    (singularised later, "RGNs" stayed "rgn", which no alias holds, and the model read a physical therapist)."""
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    if len(word) >= 3 and word.endswith("s") and word[:-1] in ABBREVIATIONS and word not in _NOT_ABBREV_PLURALS:
        return ABBREVIATIONS[word[:-1]]
    return word


TYPOS = {
    "enginer": "engineer", "engeneer": "engineer", "enginner": "engineer", "engineeer": "engineer",
    "engneer": "engineer", "analyts": "analyst", "anaylst": "analyst", "analsyt": "analyst",
    "anlayst": "analyst", "analist": "analyst", "scienist": "scientist", "scientst": "scientist",
    "sceintist": "scientist", "developper": "developer", "develper": "developer", "maneger": "manager", "mechancial": "mechanical",
    "manger": "manager", "managar": "manager", "asistant": "assistant", "assisstant": "assistant",
    "assitant": "assistant", "acountant": "accountant", "accountent": "accountant", "recepcionist": "receptionist",
    "techician": "technician", "technican": "technician", "specalist": "specialist", "specilist": "specialist",
    "cordinator": "coordinator", "adminstrator": "administrator", "programer": "programmer",
    "learnig": "learning", "machien": "machine", "sofware": "software", "softare": "software",
    "nuse": "nurse", "registerd": "registered",
    # British spellings of O*NET's American ones: "Data Modeller" is O*NET's "Data Modeler" (Database Architects), "Data
    # Modelling" its "Data Modeling"; kept, the fuzzy stage read "data modeller" as a software developer
    "modeller": "modeler", "modellers": "modeler", "modelling": "modeling",
}
# Plural folding: irregular words first; then a few safe suffix rules.
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "staff": "staff",
              "analyses": "analysis", "bases": "base"}
_NO_SINGULAR = re.compile(r"(ss|us|is|ics|ous|ws|aas)$")

_ROLE_HEADS = {
    "manager", "director", "engineer", "analyst", "scientist", "developer", "specialist", "consultant",
    "officer", "lead", "head", "architect", "administrator", "coordinator", "assistant", "associate",
    "technician", "designer", "supervisor", "advisor", "adviser", "executive",
    "programmer", "partner", "representative", "clerk", "worker", "operator", "president", "chief",
}
# Words that end role names (O*NET title heads): a segment holding one names the job, so
# "IT - Data Engineer II" keeps "Data Engineer II" and ".NET/SaaS Support Engineer" the engineer.
# Weak heads ("lead", "associate") name a rank as often as a role and never displace a strong one.
_WEAK_HEADS = {"lead", "head", "associate", "partner", "executive", "chief", "president", "member"}
_HEAD_WORDS = (_ROLE_HEADS - _WEAK_HEADS) | {
    "nurse", "teacher", "therapist", "practitioner", "physician", "doctor", "surgeon", "dentist", "pharmacist",
    "technologist", "midwife", "paramedic", "sister", "fellow", "registrar", "psychologist", "counsellor",
    "counselor", "hygienist", "optometrist", "radiographer", "sonographer", "dietitian", "aide", "carer",
    "electrician", "mechanic", "plumber", "carpenter", "welder", "machinist", "painter", "decorator",
    "repairer", "installer", "setter", "fitter", "driver", "dispatcher", "commander", "firefighter", "guard",
    "inspector", "investigator", "auditor", "accountant", "economist", "statistician", "mathematician",
    "actuary", "biologist", "chemist", "physicist", "epidemiologist", "researcher", "strategist", "tester",
    "planner", "surveyor", "agent", "broker", "buyer", "recruiter", "writer", "editor", "producer", "owner",
    "educator", "instructor", "trainer", "tutor", "lecturer", "professor", "librarian", "receptionist",
    "secretary", "cashier", "chef", "cook", "cleaner", "housekeeper", "porter", "labourer", "laborer",
    "attendant", "storekeeper", "promoter", "steward", "server", "waiter", "bartender", "mechanic",
}
# Non-English role words (German, French, Spanish, Portuguese, Polish; folded, so accents are gone) seen
# in the multinational postings: "Ingenieur Data (m/w/d)", "Analista de Datos", "Analityk danych".
# They apply only to a title holding at least one of them, so "Stage Manager" keeps its stage.
FOREIGN = {
    "entwickler": "developer", "softwareentwickler": "software developer", "ingenieur": "engineer",
    "berater": "consultant", "leiter": "manager", "projektleiter": "project manager", "analytiker": "analyst",
    "datenanalyst": "data analyst", "datenanalytiker": "data analyst", "wissenschaftler": "scientist",
    "datenwissenschaftler": "data scientist", "werkstudent": "intern", "praktikant": "intern", "praktikum": "intern",
    "daten": "data", "entwicklung": "development", "softwareentwicklung": "software development",
    "analyste": "analyst", "developpeur": "developer", "donnees": "data", "stagiaire": "intern",
    "alternance": "intern", "alternant": "intern", "scientifique": "scientist", "technicien": "technician",
    "responsable": "manager", "analista": "analyst", "ingeniero": "engineer", "engenheiro": "engineer",
    "cientifico": "scientist", "cientista": "scientist", "desarrollador": "developer", "desenvolvedor": "developer",
    "datos": "data", "dados": "data", "programador": "programmer", "becario": "intern", "estagiario": "intern",
    "estagio": "intern", "practicas": "intern", "gerente": "manager", "especialista": "specialist",
    "negocio": "business", "negocios": "business", "sistemas": "system", "ciencia": "science",
    "programista": "developer", "inzynier": "engineer", "analityk": "analyst", "kierownik": "manager",
    "specjalista": "specialist", "danych": "data", "starszy": "senior", "mlodszy": "junior", "młodszy": "junior",
    "biznesowy": "business", "biznesowo": "business", "systemowy": "system", "oprogramowania": "software",
    "stazysta": "intern", "praktykant": "intern",
    # the female form of the Polish specialist ("Specjalista/Specjalistka ds. baz danych"); a consultant in Polish,
    # German, Czech and the Nordic languages ("Konsultant - Business Intelligence / BI" was a chemical technician, by
    # the typo stage); a Polish IT "wdrozenie" is an implementation ("Specjalista ds. Wdrozen IT")
    "specjalistka": "specialist", "konsultant": "consultant", "konsultantka": "consultant",
    "wdrozen": "implementation", "wdrozenia": "implementation", "wdrozeniowy": "implementation",
    # the fields of those specialists: tests and analyses ("Specjalista ds. Testow i Analiz")
    "testow": "test", "testowania": "testing", "analiz": "analysis", "analizy": "analysis",
}
# Connectors dropped, and weak words translated, only in a title that holds a FOREIGN word.
_FOREIGN_WEAK = {"de": "", "des": "", "du": "", "da": "", "do": "", "del": "", "la": "", "le": "", "el": "",
                 "en": "", "em": "", "y": "", "e": "", "et": "", "und": "", "die": "", "der": "", "das": "", "d": "",
                 "im": "in", "fur": "for", "pour": "for", "para": "for", "dla": "for", "bei": "at", "mit": "with",
                 "stage": "intern", "z": "with"}
_PREPOSITIONS = {"de", "da", "du", "des", "do"}
# phrases translated whole: a French project lead, a French internship, a Polish database ("baz danych": of databases)
_FOREIGN_PHRASES = re.compile(r"\b(?:chef de projets?|en stage|baz[ay]? danych)\b")
_FOREIGN_ROLES = {"developer", "engineer", "consultant", "manager", "analyst", "scientist", "technician",
                  "programmer", "specialist"}
_WORD = re.compile(r"[^\W\d_]+")
# UK (NHS) names of US O*NET jobs: a ward / theatre / deputy / charge "Sister" is a registered nurse, a clinical or
# healthcare support worker is a nursing assistant (a healthcare assistant, HCA); a plain "Support Worker" (care) stays.
_UK_ROLES = ((re.compile(r"\b(ward|theatre|theater|deputy|charge|junior|senior|night|unit|clinic|community|"
                         r"department|departmental|outpatients?|team) sisters?\b"), r"\1 nurse"),
             (re.compile(r"\b(band \d+[a-z]?) sisters?\b"), r"\1 nurse"),  # "Band 6 Sister": an NHS pay band, so a nurse
             (re.compile(r"\b(?:clinical|healthcare) support workers?\b"), "healthcare assistant"),
             # a UK therapeutic (therapy, radiotherapy, treatment) radiographer gives radiotherapy: O*NET's Radiation
             # Therapists; a bare radiographer (diagnostic imaging) stays a radiologic technologist
             (re.compile(r"\b(?:therapeutic|therapy|radiotherapy)(?: treatment)? radiographers?\b"), "radiation therapist"),
             # an NHS trust's "Estates" are its buildings and grounds, run by its estates (and facilities) department:
             # "Estates Manager", "Director of Estates", "Estates Officer" are facilities jobs (27 of the store's 30
             # titles saying "estates" are NHS posts), not the real estate the model read; a singular "estate" stays
             (re.compile(r"(?<!real )\bestates(?: and facilities)?\b"), "facilities"),
             # UK accountancy practice grades: an "Audit Senior" or "Tax Senior" is a qualified (or qualifying) auditor or
             # tax accountant who runs assignments, the "senior" the role, not a rank of it ("Personal Tax Senior" was
             # keyed "personal tax"); before another role word ("Tax Senior Manager") it stays a rank
             (re.compile(r"\b(audit|tax|accounts) (?:semi[ -])?senior(?=\s*(?:$|[-,/|(\u2013\u2014]))"),
              lambda m: {"audit": "auditor", "tax": "tax accountant", "accounts": "accountant"}[m.group(1)]),
             # a deputy (or assistant) ward manager is still a ward's charge nurse, one band lower
             (re.compile(r"\b(?:deputy|assistant) ward managers?\b"), "ward manager"),
             # "PA to Directors", "PA to CAS matrons": the personal assistant of whoever follows "to" (8 store postings,
             # NHS and Adzuna UK), not a physician assistant, which "PA" alone may be; the principal is no part of the job
             (re.compile(r"\b(?:pa|personal assistant) to\b[^,/|:;()\[\]–—-]*"), "personal assistant "),
             # NHS "Medical Staffing" / "Medical Workforce" is the doctors' HR office: its assistants, officers and
             # coordinators are HR staff ("Medical Staffing Assistant" was read as a medical assistant, "Medical Staffing
             # Apprentice" as a family physician); an administrator is left alone (O*NET's "Human Resources
             # Administrator" is a manager's title)
             (re.compile(r"\b(?:medical )?(?:workforce|staffing)(?= (?:assistant|apprentice|officer|co[ -]?ordinator|"
                         r"clerk|support)s?\b)"), "human resources"),
             # British "fostering" is O*NET's "foster care" ("Fostering Manager", "Fostering Social Worker", "Supervising
             # Social Worker - Fostering"): the model read "fostering manager" as a food service manager
             (re.compile(r"\bfostering\b"), "foster care"))
# "Admin" before these is administrative ("Admin Assistant" is an administrative assistant, not an administrator's)
_ADMIN_OF = {"assistant", "officer", "support", "clerk", "worker", "coordinator", "secretary", "apprentice", "team",
             "staff", "manager", "supervisor", "lead", "role", "receptionist"}
# "R&D" before a field is the department, not the job ("Director, R&D Data Science"); "R&D Engineer" keeps it
# "engineering" before the drafting is the drawings' department: "Mechanical Engineering Drafting Technician" drafts
# mechanical drawings (a mechanical drafter), as "Civil Engineering Drafting Technician" civil ones; kept, it drew the
# model to the mechanical engineering technicians
_ENGINEERING_DRAFTING = re.compile(r"\bengineering (?=draft(?:ing|er|ers|sman|smen|sperson)\b)")
# A serial comma: "Speech, Voice and Swallowing Therapy Lead" lists three fields of one role; the comma is no title
# break. A strong role word after the list already made the rest the job ("Environment, Health and Safety
# Specialist" -> "health and safety specialist"), but a weak one ("lead") did not: "speech" alone became the job. The
# first item goes, whatever the role word, when the title opens with one or two words and no role word, then ", <one
# or two words> and ... <role word>" (joining it with "and" lost two titles of dev19/dev22); "Manager, Data and
# Analytics" (a role first) and "Intern, Data & AI" keep their comma
_SERIAL_COMMA = re.compile(r"^\s*([a-z]+(?: [a-z]+)?)\s*,\s*(?=[a-z]+(?: [a-z]+)?\s+and\s+[a-z])")
# "Ruby on Rails Engineer": the framework, not a railway ("rail engineer" drew Transportation Engineers)
_RUBY_ON_RAILS = re.compile(r"\bruby on rails\b")
_RND = re.compile(r"\br and d (?=[a-z])(?!(?:engineer|scientist|technician|specialist|manager|director|lead|"
                  r"chemist|associate|assistant|intern)\b)")


_POLISH_AND = re.compile(r"(?<=[a-z]) i (?=[a-z])")
_POLISH_DS = re.compile(r"\bds\b")
_POLISH = frozenset({"programista", "inzynier", "analityk", "kierownik", "specjalista", "specjalistka", "danych",
                     "starszy", "mlodszy", "biznesowy", "biznesowo", "systemowy", "oprogramowania", "stazysta",
                     "praktykant", "wdrozen", "wdrozenia", "wdrozeniowy", "testow", "testowania", "analiz", "analizy"})


def _translate(text: str) -> tuple[str, bool]:
    """Non-English role words to English; the bool says whether any was found."""
    if not (any(w in FOREIGN for w in _WORD.findall(text)) or _FOREIGN_PHRASES.search(text)):
        return text, False
    polish = any(w in _POLISH for w in _WORD.findall(text))
    text = _FOREIGN_PHRASES.sub(lambda m: "project manager" if m.group(0).startswith("chef")
                                else "database" if m.group(0).startswith("baz") else "intern", text)
    text = _WORD.sub(lambda m: FOREIGN.get(m.group(0), _FOREIGN_WEAK.get(m.group(0), m.group(0))), text)
    if polish:
        text = _POLISH_AND.sub(" and ", text)  # "Testow i Analiz"; a closing "I" stays a grade ("Analityk danych I")
        # "ds." ("do spraw", in charge of: "Specjalista ds. Wdrozen IT"); read as the abbreviation of a data scientist
        # it made every such specialist one
        text = _POLISH_DS.sub(" ", text)
    return text, True


def _role_last(words: list[str]) -> list[str]:
    """Romance and Polish titles name the role first ("analyst data" from "Analista de Datos"): put it last."""
    i = next((i for i, w in enumerate(words) if w not in SENIORITY), len(words))
    if i < len(words) - 1 and words[i] in _FOREIGN_ROLES and words[-1] not in _FOREIGN_ROLES:
        # before a "with" that follows its field ("Analityk Danych z Power BI": a data analyst with Power BI)
        end = next((j for j in range(i + 2, len(words)) if words[j] == "with"), len(words))
        return words[:i] + words[i + 1:end] + [words[i]] + words[end:]
    return words


# words that only give a rank: "Associate Director", "VP", "Head of"
RANK_WORDS = {"director", "head", "vice", "president", "chief", "associate", "assistant", "deputy", "executive",
          "managing", "of"}
_MANAGES = {"manager", "director", "head", "supervisor"}  # ranks over a role: "Manager - X Engineer" manages X engineers
_GENERIC_MODIFIERS = {"research"}  # "Research Scientist, Talent Assessment": the qualifier names the field
_SEASONS = frozenset({"summer", "spring", "autumn", "fall", "winter"})  # "Summer Intern": when, not what
_CUT_AT = {"job", "jobs", "required", "wanted", "needed", "vacancy", "vacancies"}
# A leading "Bank" is the NHS staff bank (work as needed, like "locum"): "Bank Doctor", "Bank Health Visitor", "Bank
# Education & Training Officer". It stays before the words O*NET's bank jobs follow it with ("Bank Teller", "Bank
# Manager", "Bank Examiner": the second words of every O*NET alias that begins "bank").
_BANK_SENSE = frozenset({"accountant", "analyst", "and", "appraiser", "branch", "clerk", "compliance", "courier",
                         "examiner", "guard", "manager", "messenger", "note", "officer", "president", "reconciliator",
                         "representative", "runner", "secrecy", "teller", "vault"})
# "A&E" (accident and emergency) is the UK emergency department: "Locum Consultant A&E" is an emergency physician
_A_AND_E = re.compile(r"\ba\s?&\s?e\b|\ba and e\b")
_LEAD_KINDS = ("team", "tech", "technical")  # "Team Lead Java", "Tech Lead with Java": the lead of a team in a field
_TEAM_LEAD = frozenset({"lead", "leader"})
# "UX/UI Designer" is O*NET's "UI/UX Designer" (User Interface and User Experience Designer): one order for both
_UX_UI = re.compile(r"\bux\s?(?:/|&|and|-)?\s?ui\b")
_SEGMENT_SPLIT = re.compile(r"(\s+[-–—|:]+\s+|\s+[-–—](?=[a-z]{2})|(?<=[a-z])[-–—:]\s+|\s*[|•·]\s*|\s*/\s+|\s+/\s*|\s*,\s*|\s*;\s*)")
_BRACKETS = re.compile(r"[\(\[\{<][^\)\]\}>]*[\)\]\}>]?")
_NON_WORD = re.compile(r"[^\w+#]+")
_US_STATES = set(("al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm "
                  "ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc").split())


@dataclass(frozen=True)
class NormalizedTitle:
    text: str              # the canonical form; "" when nothing role-like was left
    seniority: str | None  # junior/mid/senior/lead/principal/staff/intern, or None
    level: int | None      # 1..5 from "II", "3"
    # the canonical forms of the title's other segments ("Data Modeler - Data Solutions Engineer" -> "data
    # modeler"): the resolver may prefer one that resolves clearly better than `text` (`Resolver.choose_key`)
    alternatives: tuple[str, ...] = ()
    # "Cards Data / Campaign Analyst": a part before a slash read with the next part's role word ("card data
    # analyst"), for the resolver to try when the chosen form settles nothing (`_shared_heads`)
    shared: tuple[str, ...] = ()
    # for a bare team or technical lead, the canonical forms of all other segments and bracketed parts, one word
    # included ("Team Leader (Java)", "Team Lead - Java" -> "java"), which `alternatives` leaves out: the lead takes
    # its team's field from them (`Resolver._bare_lead`); empty for any other title
    others: tuple[str, ...] = ()


def fold(text: str) -> str:
    """NFKD without accents, then NFKC, lower case."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", text).lower()


def singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or _NO_SINGULAR.search(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def slugify(text: str) -> str:
    """'Software Developers' -> 'software-developers'."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "role"


def _segments(text: str) -> list[str]:
    """Title pieces; a piece that followed a comma starts with "," ("research scientist", ",talent assessment")."""
    bits = _SEGMENT_SPLIT.split(text)
    parts: list[str] = []
    for i in range(0, len(bits), 2):
        piece = bits[i].strip()
        if piece:
            comma = i > 0 and "," in bits[i - 1]
            parts.append(("," if comma else "") + piece)
    return parts or [text]


def _list_has_role(rest: str) -> bool:
    """The text after a serial comma ends its first segment on a role word ("voice and swallowing therapy lead")."""
    words = _NON_WORD.sub(" ", _segments(rest)[0].lstrip(",")).split()  # raw words: "lead" is a rank to _content
    return bool(words) and singular(words[-1]) in _HEAD_WORDS | _ROLE_HEADS


def _looks_like_place(segment: str) -> bool:
    words = _NON_WORD.sub(" ", segment).split()
    return bool(words) and (words[-1] in _US_STATES or words[-1] in {"london", "remote", "uk", "usa", "us", "hybrid"})


def _content(segment: str) -> list[str]:
    """The segment's words without seniority, level and noise words, abbreviations expanded."""
    out: list[str] = []
    for w in _NON_WORD.sub(" ", segment.replace("-", " ")).split():
        if (w in SENIORITY and w not in _KEPT_RANKS) or w in LEVELS or w in NOISE_WORDS or w.isdigit():
            continue  # "staff" stays: "Staff Nurse" is not a bare "Nurse"
        out.extend(singular(x) for x in expand(TYPOS.get(w, w)).split())
    # "Scientist/Senior Scientist": one role at two ranks is still a bare role
    return [w for i, w in enumerate(out) if i == 0 or w != out[i - 1]]


def _has_head(words: list[str]) -> bool:
    return any(w in _HEAD_WORDS for w in words)


def _choose_segment(parts: list[str]) -> str:
    """Keep the segment that names the role.

    "IT - Data Engineer II" -> "Data Engineer II" (the first segment holding a role word);
    "Manager, Data Science" -> "data science manager" and "Research Scientist, Talent Assessment" ->
    "talent assessment research scientist" (a bare or generic role keeps the field that follows it);
    "Data Engineer, Gift Cards" keeps "Data Engineer" (the role is already specific).
    """
    comma = [p.startswith(",") for p in parts]
    parts = [p.lstrip(",").strip() for p in parts]
    contents = [_content(p) for p in parts]
    while len(parts) > 1 and (all(len(w) <= 1 or w in _SEASONS for w in contents[0]) or contents[0] == ["bank"]):
        # nothing, or stray letters ("US E - Consulting-Cloud Data Engineer"), or the season of an internship
        # ("Summer Intern - Logistics and Infrastructure": "intern" is a rank), or the NHS staff bank alone ("Bank-
        # Phlebotomists", like a leading "Bank" before a role): not the role
        parts, contents, comma = parts[1:], contents[1:], comma[1:]
    first, words = parts[0], contents[0]
    if len(parts) == 1:
        return first
    # "Staff Engineer - Low-Latency Distributed Systems": "staff" ranks a tech role, so the role is bare
    words = [w for i, w in enumerate(words) if not (w in _KEPT_RANKS and set(words[i + 1:]) & _STAFF_TECH)]
    rest = [(p, c, k) for p, c, k in zip(parts[1:], contents[1:], comma[1:])
            if c and not (_looks_like_place(p) and not _has_head(c))]  # "... Analytics Consultant TX" names a role
    if words and all(w in RANK_WORDS for w in words) and rest:
        # "Associate Director/Director, Safety Scientist": a rank alone; a later role is the job ("VP, Data
        # Science" stays a VP: "data science vice president" lands on Education Administrators)
        for p, c, _ in rest:
            if _has_head(c) and not all(w in RANK_WORDS for w in c):
                return p
    if not _has_head(words):
        for p, c, _ in rest:
            if _has_head(c):
                # "Data Science - Manager", "Drug Metabolism - Associate Scientist": a bare role takes the field
                core = [w for w in c if w not in _WEAK_HEADS and w not in _GENERIC_MODIFIERS]
                return f"{first} {p}" if len(core) == 1 and len(words) <= 4 else p
        return first
    bare = len(words) == 1
    generic = len(words) == 2 and words[0] in _GENERIC_MODIFIERS
    if not (bare or generic):
        return first
    for p, c, k in rest:
        if c == words:
            continue  # "Scientist/Senior Scientist, Bioinformatics": the same role at another rank; the field follows
        if _has_head(c):  # "Engineer - Software Engineer" -> the specific one; "Nurse / ODP" stays a nurse
            if bare and words[0] in _MANAGES and len(c) >= 2 and c[-1] in _HEAD_WORDS and c[-1] not in _MANAGES:
                return f"{p} {first}"  # "Manager - Data Applications Engineer": a manager of those engineers
            return p if bare and len(c) >= 2 and c[-1] == words[0] else first
        if set(_NON_WORD.sub(" ", p).split()) & _WEAK_HEADS:  # "Scientist / Group Lead, ...": a rank, not a field
            continue
        if len([w for w in c if w != "and"]) <= 4 and (bare or k or generic):
            return f"{p} {first}"  # "Director, Data Science & Digital Health": the parts are read one by one later
        return first
    return first


def normalize(title: object) -> NormalizedTitle:
    """Canonical form + seniority + level of any title; never raises."""
    try:
        return _normalize(title)
    except Exception:  # pragma: no cover - defensive: a title must never break a batch
        return NormalizedTitle("", None, None)


def _normalize(title: object) -> NormalizedTitle:
    if title is None:
        return NormalizedTitle("", None, None)
    raw = str(title)[:400]
    if "&" in raw:
        raw = html.unescape(html.unescape(raw))  # "R&amp;D", "Worker&#96;", double-escaped "&amp;amp;"
    text = fold(raw)[:300]
    text = _A_AND_E.sub(" emergency ", text)
    text = _UX_UI.sub("ui/ux", text)
    text = text.replace("&", " and ").replace("_", " ").replace("health care", "healthcare")
    text = re.sub(r"\bsr\.", "sr ", text)
    text = re.sub(r"\bjr\.", "jr ", text)
    text = re.sub(r"\b(\w)\.(\w)\.?", r"\1\2", text)  # "q.a." -> "qa"
    text = re.sub(r"\bpost[ -]doc(?=toral\b|\b)", "postdoc", text)  # "Post-Doctoral", "Post Doc"
    text = re.sub(r"\bc\+\+", "cplusplus", text)
    text = re.sub(r"\bc#", "csharp", text)
    text = re.sub(r"\.net\b", " dotnet ", text)
    # "Senior NET Developer", "Net Core Engineer": .NET without its dot (all 9 store titles so shaped), not a network
    text = re.sub(r"\bnet(?= (?:developer|engineer|programmer|software|core|backend|fullstack|full stack)\b)",
                  "dotnet", text)
    text = re.sub(r"\b(\w+)\.js\b", r"\1js", text)  # "Node.js", "Vue.js": one word, not "node j"
    stripped = _BRACKETS.sub(" ", text)
    bracketed = [b.strip("()[]{}<> ") for b in _BRACKETS.findall(text)] if _NON_WORD.sub("", stripped) else []
    text = stripped if bracketed or _NON_WORD.sub("", stripped) else re.sub(r"[\(\)\[\]\{\}<>]", " ", text)
    text = _MONEY.sub(" ", text)
    if "/" in text:
        text = _GENDER_TAG.sub(_no_gender_tag, text)
    text, foreign = _translate(text)
    for pattern, repl in _UK_ROLES:
        text = pattern.sub(repl, text)
    text = _RND.sub("", text)
    text = _RUBY_ON_RAILS.sub("ruby", text)
    if (m := _SERIAL_COMMA.match(text)) and not _has_head(_content(m.group(1))) and _list_has_role(text[m.end():]):
        text = text[m.end():]  # as a strong role word after the list already reads it ("health and safety specialist")
    text = _ENGINEERING_DRAFTING.sub("", text)
    parts = _segments(text)
    shared = _shared_heads(text) if "/" in text else []  # most titles have no slash; used by `Resolver.shared_heads`
    chosen = _choose_segment(parts)
    extra = [p for b in bracketed for p in _segments(b) if _content(p)]
    if extra:
        # "SR. Scientist (Computational Biology)", "Graduate Program (Social Scientist)": when the title outside
        # the brackets is a bare role or no role at all, the bracket is read as one more segment after a comma
        words = _content(chosen)
        if (len(words) <= 1 or not _has_head(words)) \
                and not (OLOGIST_HEADS and len(words) == 1 and len(words[0]) > 8 and words[0].endswith("ologist")):
            # ... but a scientist of an "-ology" names the role ("HYDROLOGIST (QUALITY ASSURANCE SPECIALIST - ...)" is
            # the hydrologist, not the bracket's specialist)
            chosen = _choose_segment(parts + ["," + p.lstrip(",") for p in extra])
    text, seniority, level = _finish(chosen, foreign)
    if seniority is None and len(parts) > 1 and (season := set(_content(parts[0].lstrip(",")))) and season <= _SEASONS:
        seniority = _finish(parts[0].lstrip(","), foreign)[1]  # "Summer Intern - Logistics": the intern's rank stays
    shared = tuple(dict.fromkeys(k for p in shared if (k := _finish(p, foreign)[0]) and k != text))
    others: tuple[str, ...] = ()
    if len(parts) + len(extra) > 1 and (w := text.split()) and len(w) == 2 and w[0] in ("team", "technical") \
            and w[1] in _TEAM_LEAD:  # only a bare lead reads them: computing them for every title cost 20%
        others = tuple(dict.fromkeys(k for p in parts + extra if _content(p.lstrip(","))
                                     and (k := _finish(p.lstrip(",").strip(), foreign)[0]) and k != text))
    return NormalizedTitle(text, seniority, level, _alternatives(parts + extra, text, foreign), shared, others)


def _shared_heads(text: str) -> list[str]:
    """"Cards Data / Campaign Analyst", "Rota / Care Coordinator": a part before a slash with no role word of its
    own shares the role word that ends the next part ("cards data analyst"), one more segment for the resolver to
    score (`Resolver.choose_key`)."""
    bits = _SEGMENT_SPLIT.split(text)
    out = []
    for i in range(0, len(bits) - 2, 2):
        if "/" not in bits[i + 1]:
            continue
        first, nxt = _content(bits[i]), _content(bits[i + 2])
        if first and not _has_head(first) and len(nxt) >= 2 and nxt[-1] in _HEAD_WORDS:
            out.append(f"{bits[i].strip()} {nxt[-1]}")
    return out


def _alternatives(pieces: list[str], text: str, foreign: bool) -> tuple[str, ...]:
    """The other segments' canonical forms, for the resolver to score against the chosen one. Only segments of
    two words or more ("PA", "ODP", "Consultant" say less than the chosen role, and an abbreviation alone is
    ambiguous), and none whose words the chosen form already holds ("director" of "data management director")."""
    if len(pieces) < 2:
        return ()
    chosen = set(text.split())
    out = []
    for p in pieces:
        words = [w for w in _NON_WORD.sub(" ", _BAND.sub(" ", p.lstrip(","))).split()
                 if w not in NOISE_WORDS and w not in SENIORITY and w not in LEVELS and not w.isdigit()]
        if len(words) < 2:
            continue
        alt = _finish(p.lstrip(",").strip(), foreign)[0]
        if alt and alt != text and not set(alt.split()) <= chosen:
            out.append(alt)
    return tuple(dict.fromkeys(out))


def _finish(text: str, foreign: bool) -> tuple[str, str | None, int | None]:
    """The chosen segment's canonical form: noise, pay bands, seniority and level words out, abbreviations
    expanded, plurals folded; with the seniority and level it carried."""
    text = _NOISE_PHRASES.sub(" ", text)
    text = _BAND.sub(" ", text)
    words = _NON_WORD.sub(" ", text.replace("-", " ").replace("/", " ")).split()
    if foreign:
        # "Specjalista/Specjalistka": the male and female forms of one role, the same word once translated
        words = _role_last([w for i, w in enumerate(words) if i == 0 or w != words[i - 1]])
    for i, w in enumerate(words):  # "Care Assistant Job Hereford", "Nurse Required in Surrey"
        if i > 0 and (w in _CUT_AT or (w == "with" and words[i - 1] in _HEAD_WORDS)):
            words = words[:i]  # "Senior Python Engineer with Spark": the role ends at "with"
            break

    seniority: str | None = None
    if len(words) > 2 and words[0] in _LEAD_KINDS and words[1] in _TEAM_LEAD:
        # "Team Lead Java": the lead of a Java team ("java team lead"); "Team Lead .NET Developer" is the developer,
        # at the lead's rank. So for a technical lead ("Tech Lead with Java": "java technical lead")
        rest = words[2:]
        while len(rest) > 1 and rest[0] in ("with", "for", "in", "of"):
            rest = rest[1:]
        words, seniority = (rest, "lead") if _has_head(rest) else (rest + [words[0], words[1]], None)
    if EXPERT_ROLE and len(words) > 2 and words[0] == "expert" and words[1] in _EXPERT_OF \
            and not _has_head(words[2:]):
        words = words[2:] + ["specialist"]  # "Expert in K-12 Educational Analytics": an educational analytics specialist
    level: int | None = None
    kept: list[str] = []
    for i, w in enumerate(words):
        if w in SENIORITY:
            if w in _KEPT_RANKS and (not (set(words[i + 1:]) & _STAFF_TECH)
                                                       or words[i + 1:i + 2] in (["office"], ["east"])):
                kept.append(w)
                continue
            if w == "entry" and kept and kept[-1] == "data":
                kept.append(w)  # "Data Entry Specialist" keys data, not a "data specialist" at entry level
                continue
            if w == "lead" and i == len(words) - 1 and kept and kept[-1] not in _ROLE_HEADS:
                kept.append(w)  # "Team Lead", "Tech Lead": the role itself
                continue
            if (w == "lead" and LEAD_BEFORE_PLACE and kept and kept[-1] not in _ROLE_HEADS
                    and kept[-1] not in _LEAD_KINDS  # "DevOps Team Lead at ironSource" as before
                    and not any(y in _HEAD_WORDS or y in _ROLE_HEADS or singular(y) in _HEAD_WORDS
                                or singular(y).endswith(("ist", "ian"))  # "Clinical Lead Physiotherapist"
                                for x in words[i + 1:] for y in expand(x).split())):
                kept.append(w)  # "Clinical Lead North Shields": the role, with a place after it; no role follows
                continue
            seniority = seniority or SENIORITY[w]
            continue
        if w in LEVELS and i > 0 and (i == len(words) - 1 or w in ("ii", "iii", "iv")
                                      or (w in _ROMAN and all(x in _ROMAN for x in words[i + 1:]))):
            # "Account Clerk I/II": a range of grades ends the title
            level = level or LEVELS[w]
            continue
        if w in NOISE_WORDS or w.isdigit():
            continue
        if STRAY_S and w == "s" and i > 0 and words[i - 1] in ABBREVIATIONS:
            continue
        if DIRECTOR_RANKS and w in _DIRECTOR_RANKS and words[i + 1:i + 2] == ["director"] and (kept or words[i + 2:]):
            # "Associate Director of Data and Analytics" directs data and analytics: the director's rank. Not a
            # bare "Associate Director" (a segment beside the role: "Associate Director, Data Science")
            continue
        kept.append(w)

    out: list[str] = []
    for i, w in enumerate(kept):
        if w in _PREPOSITIONS and 0 < i < len(kept) - 1:
            continue  # "Chef de Partie": a preposition, not "data engineer"
        w = TYPOS.get(w, w)
        if w == "tech":
            # "Lab Tech" is a technician; "Tech Support", "Tech Sales" are technical; "Data Analyst Tech I" is a
            # data analyst on a technology track (a finished role before it)
            if i < len(kept) - 1:
                w = "technical"
            elif i > 0 and kept[i - 1] in _HEAD_WORDS:
                continue
        if w == "cns" and i == len(kept) - 1 and i > 0:
            w = "clinical nurse specialist"  # NHS: "Macmillan Breast CNS"; not "... with interest in CNS" (a doctor's)
        if w == "admin" and i < len(kept) - 1 and kept[i + 1] in _ADMIN_OF:
            w = "administrative"  # "Admin Assistant", "Admin Officer": administrative work; "Admin" alone administers
        out.extend(expand(w).split())
    out = [w if PEOPLE_MODIFIER and w == "people" and i < len(out) - 1 else singular(w) for i, w in enumerate(out)]
    dedup = [w for i, w in enumerate(out) if i == 0 or w != out[i - 1]]  # "swe engineer"
    if len(dedup) > 1 and dedup[0] == "bank" and dedup[1] not in _BANK_SENSE:
        dedup = dedup[1:]  # "Bank Doctor": the NHS staff bank; "Bank Teller" keeps its bank
    while dedup and dedup[0] in _EDGE_CONJUNCTIONS:
        dedup = dedup[1:]  # "Regular & Senior Backend Developer": the ranks joined by "&" are gone, so is the "and"
    while dedup and dedup[-1] in _EDGE_CONJUNCTIONS:
        dedup = dedup[:-1]
    return " ".join(_collapse_repeats(dedup)), seniority, level


def _collapse_repeats(words: list[str]) -> list[str]:
    """"Data Engineer/Senior Data Engineer" is one data engineer: a run of words said twice in a row is kept once."""
    for n in range(len(words) // 2, 1, -1):
        for i in range(len(words) - 2 * n + 1):
            if words[i:i + n] == words[i + n:i + 2 * n]:
                return _collapse_repeats(words[:i + n] + words[i + 2 * n:])
    return words


def key(title: object) -> str:
    """Just the canonical text."""
    return normalize(title).text
