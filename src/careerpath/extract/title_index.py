"""The resolver's index: every O*NET title and alias (plus linked ESCO labels) with cached vectors.

Tables written to the store: `title_index` (key, soc_code, weight), `title_index_blobs` (alias and
occupation-description vectors, float16, with the embedder's name) and `title_index_cache`
(resolved results for every normalised posting title, filled by the roles build). Building reuses
the vectors of an earlier index, so only new aliases ever go through the model.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from careerpath.embed import DIM, Embedder
from careerpath.extract.normalize import ABBREVIATIONS, normalize

SOURCE_WEIGHT = {"override": 1.0, "occupation": 1.0, "alternate": 0.9, "reported": 0.85, "short": 0.8, "esco": 0.6}
TOP_K = 5


@dataclass
class TitleIndex:
    """Alias keys -> codes, plus one vector per key (row i of `vectors` is `keys[i]`)."""

    keys: list[str]
    key_socs: list[dict[str, float]]
    soc_titles: dict[str, str]
    vectors: np.ndarray | None = None
    desc_socs: list[str] = field(default_factory=list)
    desc_vectors: np.ndarray | None = None
    embedder_name: str = ""
    prior: dict[str, float] = field(default_factory=dict)  # postings confidently resolved to each code
    tech_words: set[str] = field(default_factory=set)  # programming languages / frameworks ("python", "nodej")
    place_words: set[str] = field(default_factory=set)  # words of the postings' locations no alias uses ("bristol")

    def __post_init__(self) -> None:
        self.pos = {k: i for i, k in enumerate(self.keys)}
        # role words: a word that ends most aliases it appears in ("engineer", "nurse", "analyst")
        # names the job family; each code's set of such final words says which families it belongs to
        last, seen = Counter(k.split()[-1] for k in self.keys), Counter(w for k in self.keys for w in set(k.split()))
        self.head_words = {w for w, n in last.items() if n >= 5 and n >= 0.5 * seen[w]}
        self.code_heads: dict[str, set[str]] = defaultdict(set)
        for k, socs in zip(self.keys, self.key_socs):
            for soc in socs:
                if k in NARROW_OVERRIDES and soc == OVERRIDES.get(k):
                    continue  # a narrow override lends its code no role word (Data Scientists are no "manager")
                self.code_heads[soc].add(k.split()[-1])
        self.vocab = sorted({w for k in self.keys for w in k.split()})
        self.vocab_set = set(self.vocab)
        inv: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(self.keys):
            for w in set(k.split()):
                inv[w].append(i)
        self.inverted = dict(inv)


# --- building -----------------------------------------------------------------------------------

def alias_rows(con: duckdb.DuckDBPyConnection, exclude: set[tuple[str, str]] | None = None) -> pd.DataFrame:
    """(key, soc_code, source, weight) for every O*NET title and alias.

    `exclude` holds (soc_code, normalised key) pairs left out of the index (the dev set's held-out slice).
    """
    exclude = exclude or set()
    rows: list[tuple[str, str, str, int]] = []
    for soc, title in con.execute("SELECT soc_code, title FROM onet_occupations").fetchall():
        rows.append((title, soc, "occupation", 1))
    alts = con.execute("SELECT soc_code, title, short_title, sources FROM onet_alternate_titles").fetchall()
    for soc, title, short, sources in alts:
        votes = len(str(sources or "").split(","))  # how many O*NET sources report this title
        rows.append((title, soc, "alternate", votes))
        if short and not acronym_clash(title, short):
            rows.append((short, soc, "short", 1))
    for soc, title in con.execute("SELECT soc_code, title FROM onet_reported_titles").fetchall():
        rows.append((title, soc, "reported", 1))
    df = pd.DataFrame(rows, columns=["title", "soc_code", "source", "votes"])
    df["key"] = [normalize(t).text for t in df["title"]]
    # a postdoc is a rank the normaliser drops: "Postdoctoral Associate" (Clinical Research Coordinators), "Postdoc
    # Scientist" (Astronomers) would file the bare "associate" and "scientist" under those codes
    df = df[(df["key"] != "") & ~df["title"].str.contains(_POSTDOC)]
    if exclude:
        df = df[[(s, k) not in exclude for s, k in zip(df["soc_code"], df["key"])]]
    overrides = _override_rows()
    overrides = overrides[overrides["soc_code"].isin(set(df["soc_code"]))]
    df = pd.concat([df, _esco_rows(con, df), overrides], ignore_index=True)
    df["weight"] = df["source"].map(SOURCE_WEIGHT)
    out = df.groupby(["key", "soc_code"], as_index=False).agg(source=("source", "first"), weight=("weight", "max"),
                                                              votes=("votes", "sum"))
    # priors among codes sharing an alias: more reporting sources, and the base (.00) occupation
    out["weight"] += 0.04 * out["votes"].clip(upper=4) + 0.02 * out["soc_code"].str.endswith(".00")
    # and the bigger occupation (BLS employment): a "Java Developer" is far likelier a software developer
    emp = _employment(con)
    out["weight"] += [EMP_PRIOR * math.log10(emp.get(s[:7], 1000)) for s in out["soc_code"]]
    return out


_POSTDOC = re.compile(r"(?i)\bpost[ -]?doc")


def acronym_clash(title: str, short: str) -> bool:
    """Whether an acronym of O*NET's short title stands for other words in its own title than the normaliser's
    abbreviation table reads: "CMO" is a "Continuous Miner Operator" there, not the table's chief marketing officer,
    "AI Technician" an "Artificial Insemination Technician", "PM Coordinator" a "Preventive Maintenance Coordinator",
    "DA" a "Dental Assistant". Filed as it is normalised, the short title made "Chief Marketing Officer" an exact alias
    of Continuous Mining Machine Operators. A paraphrase of the same words is no clash ("CNA": "Certified Nurses Aide"
    against "certified nursing assistant", "OT Aide": "Occupational Therapy Aide"): every word but one of a three-word
    acronym, and every word of a shorter one, must begin as the table's word does (three letters: "Physician
    Associate" is the table's physician assistant). Fourteen short titles clash, all so (CSR, DE, BSA, PA, PM ...)."""
    words = [w for w in re.findall(r"[A-Za-z]+", title) if not w.isupper()]  # the spelled-out words, not "CMO" again
    for tok in re.findall(r"\b[A-Z]{2,5}\b", short):
        table = ABBREVIATIONS.get(tok.lower(), "").split()
        if len(table) != len(tok):
            continue  # not an acronym in the table ("CPA" is, "Tech" is no acronym)
        for i in range(len(words) - len(tok) + 1):
            spelled = words[i:i + len(tok)]
            if "".join(w[0] for w in spelled).lower() == tok.lower():
                same = sum(w.lower()[:3] == t[:3] for w, t in zip(spelled, table))
                if same < len(tok) - (len(tok) >= 3):
                    return True
                break
    return False


EMP_PRIOR = 0.02  # weight per decade of employment; 10k vs 1M jobs is worth a 0.04 weight gap


# O*NET technology-skill categories that name what a software developer builds with
DEV_SOFTWARE = ("Object or component oriented development software", "Web platform development software",
                "Development environment software", "Graphical user interface development software",
                "Program testing software")
# the unambiguous other names of languages whose own names are too short or common to read in a title ("Go")
TECH_ALIASES = {"Go": ("Golang",)}
_TECH_GENERIC = {"framework", "software", "language", "platform", "programming", "sdk"}


def tech_words(con: duckdb.DuckDBPyConnection) -> set[str]:
    """One-word names of languages and frameworks (normalised: "Node.js" -> "nodej"), from O*NET's technology
    skills: a vendor first word ("Oracle Java", "Microsoft .NET Framework") and a generic last word are
    dropped. Words of 1-2 letters ("c", "r", "go") are left out, and `_unclaimed` drops words titles of other
    occupations use ("scheme", "code"): in a title they are more often something else."""
    sql = ("SELECT DISTINCT example FROM onet_technology_skills WHERE commodity_title IN "
           f"({','.join('?' * len(DEV_SOFTWARE))})")
    try:
        names = [r[0] for r in con.execute(sql, list(DEV_SOFTWARE)).fetchall()]
    except duckdb.Error:
        return set()
    names += [alias for n in names for alias in TECH_ALIASES.get(n, ())]
    keys = [normalize(n).text.split() for n in names]
    first = Counter(k[0] for k in keys if len(k) > 1)
    out = set()
    for k in keys:
        if len(k) > 1 and first[k[0]] >= 3:
            k = k[1:]  # vendor
        while len(k) > 1 and k[-1] in _TECH_GENERIC:
            k = k[:-1]
        if len(k) == 1 and len(k[0]) >= 3:
            out.add(k[0])
    return out


_WORD = re.compile(r"[^\W\d_]{3,}")


def place_words(con: duckdb.DuckDBPyConnection, vocab: set[str]) -> set[str]:
    """Words of the postings' `location` values (towns, counties, states: "Bristol", "Bedfordshire") that no alias
    of the index uses, normalised as title words are. UK postings name the town after the role ("Support Worker
    Bristol"); the resolver drops such a word at the end of a title (`Resolver._known_prefix`). Words an alias uses
    ("west", "new", "lincoln") are never dropped. Empty for a store without postings."""
    try:
        locations = [r[0] for r in con.execute("SELECT DISTINCT location FROM postings WHERE location IS NOT NULL").fetchall()]
    except duckdb.Error:
        return set()
    words = {w for loc in locations for w in _WORD.findall(str(loc).lower())}
    out = set()
    for w in words:
        key = normalize(w).text
        if key and " " not in key and key not in vocab:
            out.add(key)
    return out


def _unclaimed(index: TitleIndex, words: set[str]) -> set[str]:
    """Tech words no alias outside computer occupations (15-12xx) uses ("python" stays, "scheme" goes). Computer
    science teachers (`COMPUTING_TEACHERS`) teach the language, so their aliases claim nothing: "Java Programming
    Professor" and "C++ Professor" had left "java" and "cplusplus" out, and "Senior C++ Engineer" to the model
    (Civil Engineers)."""
    out = set()
    for w in words:
        rows = index.inverted.get(w, ())
        if all(s.startswith("15-12") or s in COMPUTING_TEACHERS for i in rows for s in index.key_socs[i]):
            out.add(w)
    return out


COMPUTING_TEACHERS = frozenset({"25-1021.00"})  # Computer Science Teachers, Postsecondary


def _employment(con: duckdb.DuckDBPyConnection) -> dict[str, float]:
    """National employment per SOC-6 code from OEWS (empty when the store has no OEWS)."""
    try:
        rows = con.execute("SELECT soc6, max(tot_emp) FROM oews_national WHERE tot_emp > 0 GROUP BY soc6").fetchall()
    except duckdb.Error:
        return {}
    return {s: float(n) for s, n in rows}


# Known gaps: common (mostly UK) titles that O*NET files under an unrelated code or not at all.
OVERRIDES = {
    "care assistant": "31-1122.00", "care worker": "31-1122.00", "healthcare assistant": "31-1131.00",
    "staff nurse": "29-1141.00", "theatre practitioner": "29-2055.00", "operating department practitioner": "29-2055.00",
    # MLOps: "ml ops engineer" would otherwise end on O*NET's "operations engineer" (Industrial Engineers)
    "mlop engineer": "15-1299.08", "machine learning operation engineer": "15-1299.08",
    # a bare "Administrator" is an office administrator (44 of the store's 46 are NHS posts); O*NET files the word
    # under web, network and school administrators, whose titles name what they administer
    "administrator": "43-6014.00",
    # the UK nursing grade: every store title that normalises to a bare "Sister" (18, all NHS) is a "Sister / Charge
    # Nurse" post; O*NET files the word under religious and social workers
    "sister": "29-1141.00",
    # O*NET files "Program Manager" under General and Operations Managers, Social and Community Service Managers,
    # Managers, All Other and Media Programming Directors, and the last won (a broadcast programme's manager). The
    # 35 store postings whose title normalises to a bare program(me) manager run projects and programmes (17 NHS
    # change programmes, 14 LukeBarousse data programmes, none in broadcasting): Project Management Specialists
    "program manager": "13-1082.00", "programme manager": "13-1082.00",
    # NHS / UK care names with no O*NET alias of that sense. A "Ward Manager" is the ward's senior sister / charge
    # nurse (a band 7 nurse; 41 of the store's 46 are NHS posts, 32 say "nurse"); O*NET has no "ward manager" and
    # the model reads it as an office supervisor. A "Home Manager" runs a care home (58 Adzuna UK posts, 53 say
    # "nursing"), as "Nursing Home Manager" (Medical and Health Services Managers) does; the model says Managers,
    # All Other.
    "ward manager": "29-1141.00", "home manager": "11-9111.00",
    # a UK "Deputy Manager" is a care home's deputy (36 store postings so keyed; of all 66 titles saying it, 58 are
    # Adzuna UK posts and 50 name nursing and care): O*NET has no such title and the model read a sheriff's deputy
    "deputy manager": "11-9111.00",
    # a UK "Registered Manager" is the manager a care home or care service registers with its regulator (23 store
    # postings, all Adzuna UK, 20 naming nursing, elderly, domiciliary or residential care): O*NET has no such title and
    # the model read an office's Administrative Services Managers
    "registered manager": "11-9111.00",
    # O*NET files "Data Specialist" under Data Entry Keyers only; the store's 126 postings so titled are all in the
    # data-job sources (124 LukeBarousse, 2 bookcamp), posted as analyst jobs (keying jobs say "data entry")
    "data specialist": "15-2051.00",
    # O*NET files a bare "Analytics Manager" under Data Warehousing Specialists only, and the span took every "<field>
    # analytics manager" there ("Commercial", "Applied", "Business", "Marketing Data"). The source files the store's
    # postings so titled as (senior) data analyst, business analyst and data scientist jobs (none of the 23 bare ones a
    # data engineer's); every dev label of such a title (dev9-dev23) is Data Scientists, the project's code for data
    # analysis, or Computer and Information Systems Managers, never the warehousing code
    "analytics manager": "15-2051.00",
    # a UK "Biomedical Scientist" is the HCPC-registered scientist of a hospital pathology laboratory (76 of the
    # store's 78 such postings are NHS posts): O*NET's clinical laboratory technologists, not its bioengineers or
    # biological scientists, under which it files the title
    "biomedical scientist": "29-2011.00",
    # so is a US "Medical / Clinical Laboratory Scientist" (MLS, CLS: the ASCP-certified medical technologist; O*NET
    # files "Clinical Laboratory Scientist (CLS)" there too, beside five science codes, and "Medical Laboratory
    # Scientist" under Medical Scientists only): all 21 of the store's "medical lab(oratory) scientist" postings
    # name the ASCP, 12 of 15 "medical lab scientist" ones "medical technologist"
    "medical laboratory scientist": "29-2011.00", "medical lab scientist": "29-2011.00",
    "clinical laboratory scientist": "29-2011.00", "clinical lab scientist": "29-2011.00",
    # O*NET files a bare "Test Analyst" under Aerospace Engineers only (beside "Software Test Analyst"); the store's
    # 6 postings so titled all test software (data warehouses, payments, NHS informatics)
    "test analyst": "15-1253.00",
    # O*NET files "Healthcare Data Analyst" under Health Information Technologists and Medical Registrars only; all 290
    # of the store's LukeBarousse postings so titled are filed by the source itself as (senior) data analyst jobs
    "healthcare data analyst": "15-2051.00",
    # a UK "Service Manager" runs a health or care service: all 27 of the store's postings so titled are NHS posts (none
    # says vehicle, garage or mechanic); O*NET files the title under supervisors of mechanics, housekeepers, transport
    "service manager": "11-9111.00",
    # O*NET files "Full Stack Engineer" under Engineers, All Other only (its "Full Stack Developer" is a software
    # developer's alias); the store's 51 postings so titled (or "Fullstack Engineer") are data-job board software jobs
    "full stack engineer": "15-1252.00",
    # a UK "Health Visitor" is a registered nurse or midwife with the public-health (SCPHN) qualification who visits
    # families with young children (all 71 store postings so titled are NHS posts); O*NET has no such title and the
    # model reads community health workers
    "health visitor": "29-1141.00",
    # a UK "Mental Health Nurse" (RMN) is a registered nurse of the mental-health field (all 269 store postings so
    # titled are NHS or UK Adzuna posts, 9 mention advanced practice); O*NET files the title under Advanced Practice
    # Psychiatric Nurses only, which needs a graduate degree
    "mental health nurse": "29-1141.00", "registered mental health nurse": "29-1141.00",
    # O*NET files "Back End Developer / Engineer" under Web Developers only; the store's 138 postings so titled are on
    # the data-job and Polish IT boards (server-side services, APIs, data platforms), and eight of the nine dev titles
    # so keyed are labelled Software Developers
    "back end developer": "15-1252.00", "back end engineer": "15-1252.00",
    # a "Nurse Specialist" (UK: "Frailty / Stroke / TB Nurse Specialist") is a clinical nurse specialist; O*NET has only
    # the "Clinical Nurse Specialist" form, so the span "specialist", an alias of Purchasing Agents, took 14 store postings
    "nurse specialist": "29-1141.04",
    # O*NET has no bare "Support Worker"; ESCO's label links it to Social and Human Service Assistants. The store's 650
    # postings whose title says "support worker" are all NHS or UK Adzuna posts (care and support in homes and
    # supported living), and every dev title so keyed is labelled Personal Care Aides
    "support worker": "31-1122.00",
    # O*NET has no "Product Owner"; the model read it through the alias "owner", which O*NET files under Urologists
    # (a reported title). The store's 68 postings whose title says "product owner" are software and data product
    # roles on the data-job and IT boards; the Scrum product owner's code is O*NET's Scrum Master's (IT Project Managers)
    "product owner": "15-1299.09",
    # "Cybersecurity" is O*NET's short title of a digital forensics alias; the field alone ("Intern - Cybersecurity")
    # stands for its main practitioner, as title_heads.as_role reads other fields
    "cybersecurity": "15-1212.00",
    # an NHS name with no O*NET title: a "Cardiac Physiologist" runs ECG, echo and pacing tests (51 NHS postings), one
    # of O*NET's cardiovascular technologists, not the cardiologists the model read
    "cardiac physiologist": "29-2031.00",
    # a UK "Matron" is the senior nurse over a hospital's wards (band 8a), like the ward manager above a registered
    # nurse; O*NET's "Matron" is a jail's (Correctional Officers), which took the store's 45 NHS postings so titled.
    # A UK "Children's Nurse" is a registered children's nurse (16 NHS postings); O*NET's is a nanny (Childcare Workers)
    "matron": "29-1141.00", "child s nurse": "29-1141.00", "children nurse": "29-1141.00",
    # O*NET files a bare "Psychologist" under School Psychologists first; the store's 11 postings so titled are all NHS
    # posts for HCPC-registered clinical, counselling or forensic psychologists
    "psychologist": "19-3033.00",
    # software titles O*NET files under Blockchain Engineers (a new occupation whose alternates took generic software
    # titles): 9 of the store's 10 "Integration Engineer" postings are filed by the source as software engineer jobs;
    # a "Security Engineer" (19 postings, cloud and data boards) secures computer systems, O*NET's information
    # security engineers, not the blockchain, electrical or security-management codes that share the alias
    "integration engineer": "15-1252.00", "security engineer": "15-1299.05",
    # ... while a "Data Integration Engineer" builds ETL and data pipelines: the source files 127 of the store's 132
    # postings so titled as (senior) data engineer jobs (Database Architects, as other data engineers); with the
    # alias above as its embedding neighbour the model had moved 71 of them to Software Developers
    "data integration engineer": "15-1243.00",
    # a UK hospital "Porter" moves patients between wards, theatres and imaging (all 12 store postings so titled are
    # NHS posts): O*NET's Orderlies; its "Porter" is a hotel's or a station's baggage porter
    "porter": "31-1132.00",
    # software delivery roles O*NET has no name for, which the model read elsewhere ("Agile Coach": Coaches and Scouts,
    # "Test Manager": Managers, All Other): a software test manager leads testers (Software Quality Assurance Analysts
    # and Testers, 3 store postings), an agile coach does a Scrum Master's work (IT Project Managers, 2)
    "test manager": "15-1253.00", "agile coach": "15-1299.09",
    # O*NET files "Data Modeler" under Database Architects, Software Developers, Software Quality Assurance Analysts
    # and Testers, Statisticians and Data Scientists, and the employment prior took Software Developers. A data
    # modeler designs the data models of databases and warehouses (O*NET's Database Architects' task "develop and
    # document data models"); the source files the store's 55 LukeBarousse postings so titled under its data scientist
    # categories, none under software engineering, and the dev labels of the six data modeler titles (dev2 to dev31)
    # are Database Architects, data scientists and database administrators also ok
    "data modeler": "15-1243.00",
    # O*NET files "Chief Clerk" under Managers, All Other; the store's LA City "Chief Clerk" classes (and "Chief Clerk
    # Personnel", "Chief Clerk Police") plan and supervise the work of clerical employees: the SOC's first-line
    # supervisors of office workers
    "chief clerk": "43-1011.00",
    # O*NET files "Cybersecurity Analyst" under Intelligence Analysts first (then digital forensics and information
    # security analysts); the store's 18 postings so titled ("Cyber Security Analyst" too) are on the data-job boards,
    # protecting an employer's systems and data: information security analysts, whom "cybersecurity" above names
    "cybersecurity analyst": "15-1212.00",
    # a SAFe "Release Train Engineer" is the agile release train's chief scrum master (2 store postings, data and IT
    # boards); O*NET has no such title and the model read Locomotive Engineers. O*NET's Scrum Master is an IT project
    # manager's alias, as "agile coach" above
    "release train engineer": "15-1299.09",
    # "Member of Technical Staff" (MTS) is a software engineer's rank at VMware, Oracle and others: all 7 store postings
    # so titled are software, data or security engineering jobs; O*NET has no such title and the model read chemical
    # technicians
    "member of technical staff": "15-1252.00",
    # O*NET files "Health and Safety Specialist" under Health and Safety Engineers and agricultural inspectors; the
    # store's 3 postings so titled ("Environment(al), Health and Safety Specialist", aerospace and manufacturing EHS
    # posts) are O*NET's Occupational Health and Safety Specialists, whose own title it is but for "occupational"
    "health and safety specialist": "19-5011.00",
    # an NHS "Assistant Practitioner" / "Associate Practitioner" is a band 4 clinical worker with a foundation degree
    # who carries out delegated care or tests (all 83 store postings whose title says either are NHS posts): O*NET
    # has neither title, and the model read medical assistants and family physicians; as the dev labels since dev4, the
    # health technicians' residual code
    "assistant practitioner": "29-2099.00", "associate practitioner": "29-2099.00",
    # a UK "Unit Manager" is the nurse in charge of a hospital or nursing-home unit, as a "Ward Manager" is (all 29 store
    # postings whose title says it are Adzuna UK or NHS posts: "Dialysis Unit Manager", "Unit Manager - Emergency
    # Department", "Unit Manager (RGN/RMN)"); O*NET has no such title and the model read Administrative Services
    # Managers. O*NET's "Business Unit Manager" is an exact alias of its own and keeps its code
    "unit manager": "29-1141.00",
    # a UK "Administration Officer" is an office administrator (all 7 store postings so titled are NHS posts, bands 2-4),
    # as a bare "Administrator" above; the model read Administrative Services Managers
    "administration officer": "43-6014.00",
    # a (bio)process development scientist develops the cell-culture and purification steps of a biologic's
    # manufacture (5 store postings: upstream, downstream, cell culture); O*NET has no such title and the model read food
    # scientists or chemical engineers. The dev labels since dev2 file them under Biochemists and Biophysicists
    "process development scientist": "19-1021.00",
    # an NHS "Patient Safety Lead / Manager" runs a trust's incident reporting, investigations and safety learning (all 8
    # store postings so titled are NHS posts): a health service's manager, as the dev labels since dev13 have it; O*NET has
    # no such title and the model read occupational health and safety specialists or orderlies
    "patient safety lead": "11-9111.00", "patient safety manager": "11-9111.00",
    # a bare "Tester" ("Młodszy tester", "Remote Tester / Technical Writer") tests software: all 46 store postings whose
    # title says "tester" are on the data-job and IT boards (ETL, QA, automation, manual testers); O*NET files the bare
    # word under production inspectors first. Its many "<product> tester" aliases keep their codes
    "tester": "15-1253.00",
    # a UK "Residential Manager" runs a residential care home (both store postings so titled are Adzuna UK healthcare
    # and nursing posts); O*NET files the title under property managers
    "residential manager": "11-9111.00",
    # ... as a UK "Care Manager" runs a care service: all 19 store postings whose title ends "care manager" are NHS or
    # Adzuna UK healthcare posts ("Domiciliary / Registered / Home / Primary Care Manager"); O*NET has no such title.
    # titles._care_unit reads a branch or area manager of a care service so
    "care manager": "11-9111.00",
    # a "Data Center Engineer" keeps a data center's servers, storage and network running (racking, cabling, hardware
    # faults; the store's LukeBarousse postings so titled are filed by the source as data engineer jobs, for the word
    # "data"): O*NET has "Data Center Technician" and "Operator" (Computer Occupations, All Other) but no engineer, and
    # the model read Database Architects; the dev labels give network and computer systems administrators
    "data center engineer": "15-1244.00", "data centre engineer": "15-1244.00",
    # a UK "Clinical Lead" is the senior clinician who leads a ward's, service's or care home's clinical care, most
    # often a nurse: of the store's 102 postings whose title says "clinical lead" (72 NHS, 30 Adzuna UK), 73 name
    # nursing, an RGN or RMN in their text (20 physiotherapy or therapy, whose titles mostly name the therapist, which
    # the normaliser keeps); O*NET has no such title and the model read "lead" as the metal (construction workers)
    "clinical lead": "29-1141.00",
    # O*NET files "Project Coordinator" under construction, engineering and all-other managers only; of the store's 28
    # postings so titled (data-job boards, NHS, LA City, Adzuna) one mentions construction: a project coordinator
    # schedules, tracks and reports a project's work, as O*NET's Project Management Specialists do
    "project coordinator": "13-1082.00",
    # a "Manual Tester" / "Manual Test Engineer" tests software by hand (all 6 store postings whose title says "manual
    # test" are NoFluffJobs testing posts); O*NET has neither title and the model read production inspectors and
    # aerospace engineers ("test engineer")
    "manual tester": "15-1253.00", "manual test engineer": "15-1253.00",
    # as with "Data Specialist": O*NET files "Data Analyst Specialist" under Statisticians only; the source files all 158
    # store postings so titled (LukeBarousse) as data scientist and data analyst jobs. ("Data Science Specialist", 74
    # postings likewise, is left: its new vector drew data science teaching titles away from their teachers' codes)
    "data analyst specialist": "15-2051.00",
    # O*NET files "Site Reliability Engineer" (and "SRE") under Validation Engineers only, who validate manufacturing
    # equipment and processes; the store's ~40 postings so titled keep software systems in production running (the
    # source files them as data, cloud, DevOps and software engineer jobs): the systems administrators' work, as dev9's
    # label ("SRE Engineer") has it
    "site reliability engineer": "15-1244.00",
    # O*NET files "Computer Vision Engineer" under Computer Hardware Engineers only, who design computer hardware; the
    # store's 24 postings whose title says it write image-recognition software, and the source files 15 of them as
    # software engineer jobs (6 as machine learning engineer jobs): Software Developers. ("Data Scientist (Computer
    # Vision Engineer)" keeps its data scientists.)
    "computer vision engineer": "15-1252.00",
}


# UK hospital doctors are titled by grade + specialty ("Consultant in Dermatology", "Specialty Doctor
# in General Psychiatry"); the specialty decides the physician code, else Physicians, All Other.
DOCTOR_WORDS = {"consultant", "doctor", "physician", "registrar", "fellow", "specialty", "speciality", "locum",
                "gp", "surgeon", "sho", "ct1", "st1", "st3", "foundation", "fy1", "fy2"}
SPECIALTIES = {
    "dermatology": "29-1213.00", "dermatologist": "29-1213.00", "psychiatry": "29-1223.00",
    "psychiatrist": "29-1223.00", "anaesthetic": "29-1211.00", "anaesthesia": "29-1211.00",
    "anaesthetics": "29-1211.00", "anesthesiology": "29-1211.00", "anaesthetist": "29-1211.00",
    "cardiology": "29-1212.00", "cardiologist": "29-1212.00", "neurology": "29-1217.00", "neurologist": "29-1217.00",
    "paediatrics": "29-1221.00", "paediatric": "29-1221.00", "pediatrics": "29-1221.00",
    "radiology": "29-1224.00", "radiologist": "29-1224.00", "pathology": "29-1222.00", "histopathology": "29-1222.00",
    "histopathologist": "29-1222.00", "microbiology": "29-1222.00", "haematology": "29-1229.00",
    "obstetrics": "29-1218.00", "gynaecology": "29-1218.00", "obstetrician": "29-1218.00",
    "emergency": "29-1214.00", "ophthalmology": "29-1241.00", "ophthalmologist": "29-1241.00",
    "urology": "29-1229.03", "urologist": "29-1229.03", "orthopaedic": "29-1242.00", "orthopaedics": "29-1242.00",
    "surgery": "29-1249.00", "surgical": "29-1249.00", "general practice": "29-1215.00", "gp": "29-1215.00",
    "family medicine": "29-1215.00", "rehabilitation": "29-1229.04", "sport": "29-1229.06",
    "public health": "29-1229.05", "allergy": "29-1229.01", "immunology": "29-1229.01",
    "acute medicine": "29-1229.02", "surgeon": "29-1249.00", "paediatrician": "29-1221.00", "internal medicine": "29-1216.00", "general medicine": "29-1216.00",
}
_MEDICAL = {"medicine", "medical", "hospital", "icu", "intensive", "respiratory", "gastroenterology",
            "geriatric", "elderly", "oncology", "renal", "nephrology", "endocrinology", "diabetes", "rheumatology",
            "stroke", "palliative", "neonatology", "critical", *SPECIALTIES}


_OTHER_HEALTH = {"nurse", "psychologist", "pharmacist", "midwife", "therapist", "physiotherapist", "radiographer",
                 "scientist", "dietitian", "practitioner", "dentist", "engineer", "manager", "analyst", "nursing",
                 "technician", "assistant", "administrator", "secretary", "coordinator", "sale", "representative"}


# NHS doctor grades that O*NET does not know as doctors ("Associate Specialist" is an O*NET alias of Purchasing
# Agents; 13 of the store's 14 "Associate Specialist ..." postings are NHS doctors): keys as `normalize` gives them
DOCTOR_GRADES = ("associate specialist", "specialty doctor", "speciality doctor", "trust doctor", "clinical fellow",
                 "junior doctor", "specialty registrar", "speciality registrar", "senior house officer",
                 # the two foundation years after medical school ("FY1 LAS Medicine/Surgery", "Trust Doctor- FY2")
                 "fy1", "fy2", "foundation doctor",
                 # a bare "Consultant" is an NHS consultant doctor (22 of the store's 28 postings so titled with no
                 # other segment are NHS posts); O*NET files the word under chemical technicians and geoscientists.
                 # "Consultant Data Engineer" names its job and is no grade (`doctor_grade`)
                 "consultant", "locum consultant")
_BARE_GRADES = ("consultant", "locum consultant")  # doctor grades only alone (the words' other senses)
_GRADE_TAIL = {"in", "of", "and", "doctor", "registrar", "psychiatrist", "physician", "surgeon"}


def _specialty_code(words: list[str]) -> str:
    """The physician code of the first specialty named (two-word names first), else physicians, all other."""
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            soc = SPECIALTIES.get(" ".join(words[i:i + n]))
            if soc:
                return soc
    return "29-1229.00"


def doctor_grade(key: str) -> str | None:
    """The physician code of a title that is an NHS doctor grade, alone or before a specialty ("Associate Specialist
    in Psychiatry", "Specialty Doctor Psychiatrist"); None when something else follows the grade ("Associate
    Specialist Big Data")."""
    grade = next((g for g in DOCTOR_GRADES if key == g or key.startswith(g + " ")), None)
    if grade is None:
        return None
    rest = key[len(grade):].split()
    if rest and rest[0] not in _GRADE_TAIL and rest[0] not in _MEDICAL:
        return None
    if rest and grade in _BARE_GRADES:
        return None  # "Consultant in Data Science" is no doctor; "Consultant in Haematology" is doctor_code's
    return _specialty_code(rest)


def doctor_code(key: str) -> str | None:
    """The physician code of a UK-style doctor title, or None when the title is not a doctor's."""
    words = key.split()
    if not words or not (set(words) & DOCTOR_WORDS) or not (set(words) & _MEDICAL or "gp" in words):
        return None
    if set(words) & _OTHER_HEALTH:
        return None  # "Consultant Clinical Psychologist", "Consultant Pharmacist"
    if words[0] not in DOCTOR_WORDS and not (len(words) > 1 and words[1] in {"fellow", "doctor", "registrar"}):
        return None  # "Consultant in X", "Specialty Doctor in X", "Clinical Fellow in X"; not "Nurse Consultant"
    return _specialty_code(words)


def encode_titles(embedder: Embedder, texts: list[str], batch_size: int = 512) -> np.ndarray:
    """Encode short texts with the window capped at 32 tokens: titles never need more, and the
    cap keeps a stray 300-character posting title from padding its whole batch."""
    return embedder.encode(texts, batch_size=batch_size, max_tokens=32)


def _override_rows() -> pd.DataFrame:
    return pd.DataFrame([(k, soc, "override", 4, k) for k, soc in OVERRIDES.items()],
                        columns=["title", "soc_code", "source", "votes", "key"])


def _esco_rows(con: duckdb.DuckDBPyConnection, onet: pd.DataFrame) -> pd.DataFrame:
    """ESCO labels, linked to a code only when one of the occupation's labels is an unambiguous O*NET alias."""
    cols = ["title", "soc_code", "source", "votes", "key"]
    try:
        esco = con.execute("SELECT preferred_label, alt_labels FROM esco_occupations").fetchall()
    except duckdb.Error:
        return pd.DataFrame(columns=cols)
    socs_by_key = onet.groupby("key")["soc_code"].agg(lambda s: set(s)).to_dict()
    out = []
    for pref, alts in esco:
        labels = [pref, *(list(alts) if alts is not None else [])]
        keys = [normalize(lbl).text for lbl in labels if isinstance(lbl, str)]
        linked = {next(iter(socs_by_key[k])) for k in keys if len(socs_by_key.get(k, ())) == 1}
        if len(linked) != 1:
            continue  # unlinked or contradictory: ignored
        soc = linked.pop()
        out += [(lbl, soc, "esco", 1, k) for lbl, k in zip(labels, keys) if k and k not in socs_by_key]
    return pd.DataFrame(out, columns=cols)


def build_index(con: duckdb.DuckDBPyConnection, embedder: Embedder | None,
                exclude: set[tuple[str, str]] | None = None, reuse: TitleIndex | None = None) -> TitleIndex:
    """Build the index in memory; vectors of keys already in `reuse` are not recomputed."""
    rows = alias_rows(con, exclude)
    soc_titles = dict(con.execute("SELECT soc_code, title FROM onet_occupations").fetchall())
    keys = sorted(rows["key"].unique())
    key_socs: dict[str, dict[str, float]] = defaultdict(dict)
    for k, soc, w in rows[["key", "soc_code", "weight"]].itertuples(index=False):
        key_socs[k][soc] = float(w)
    index = TitleIndex(keys, [key_socs[k] for k in keys], soc_titles)
    if embedder is not None:
        index.vectors = _embed_keys(keys, embedder, reuse, _embedded_keys(rows))
        _semantic_prior(index)
        occ = con.execute("SELECT soc_code, title, description FROM onet_occupations ORDER BY soc_code").fetchall()
        index.desc_socs = [r[0] for r in occ]
        if reuse is not None and reuse.desc_vectors is not None and reuse.desc_socs == index.desc_socs:
            index.desc_vectors = reuse.desc_vectors
        else:
            index.desc_vectors = embedder.encode([f"{t}. {d or ''}"[:600] for _, t, d in occ])
        index.embedder_name = embedder.name
    if reuse is not None:
        index.prior = reuse.prior  # refreshed by the roles build once the postings are resolved
    index.tech_words = _unclaimed(index, tech_words(con))
    index.place_words = place_words(con, index.vocab_set)
    return index


def _semantic_prior(index: TitleIndex) -> None:
    """Among codes sharing an alias, favour the one whose own title is closest to the alias."""
    occ_pos = {}
    for soc, title in index.soc_titles.items():
        j = index.pos.get(normalize(title).text)
        if j is not None:
            occ_pos[soc] = j
    for i, socs in enumerate(index.key_socs):
        if len(socs) > 1:
            for soc in socs:
                if soc in occ_pos:
                    socs[soc] += 0.15 * float(index.vectors[i] @ index.vectors[occ_pos[soc]])


EMBED_SOURCES = {"occupation", "override", "short", "reported"}
UNEMBEDDED_OVERRIDE_HEADS = (" lead",)  # _embedded_keys: overrides ending so get no vector
# narrow overrides: they correct only the exact and span readings of an O*NET alternate that has no vector of its own
# (one source names it); they get no vector either and lend their code no role word (`TitleIndex.code_heads`). As a
# new neighbour, or with "manager" among Data Scientists' role words (the embedding stage no longer discounting the
# code for manager titles), "analytics manager" drew "Marketing Analytics Manager" from Marketing Managers and
# "Medical Data Review Manager" from Clinical Data Managers
NARROW_OVERRIDES = frozenset({"analytics manager"})


def _embedded_keys(rows: pd.DataFrame) -> set[str]:
    """Keys worth a vector: O*NET and short titles, titles workers reported, and alternates that at least
    two O*NET sources name. Single-source alternates (~21k of ~50k keys) still match exactly, by span and
    fuzzily, but get no vector: they cost 40% of the model time at build and, on the dev posting titles,
    lured the nearest-neighbour search more often than they helped (72% -> 74% top-1 without them)."""
    keep = rows["source"].isin(EMBED_SOURCES) | (rows["votes"] >= 2)
    # an override ending in a bare "lead" ("patient safety lead") is no neighbour: every "<field> lead" title sits near
    # it by that word alone ("Data Lead", "MDM Technical Lead" went to its code); it still matches exactly and by span
    keep &= ~((rows["source"] == "override") & (rows["key"].str.endswith(UNEMBEDDED_OVERRIDE_HEADS)
                                                 | rows["key"].isin(NARROW_OVERRIDES)))
    return set(rows.loc[keep, "key"])


def _embed_keys(keys: list[str], embedder: Embedder, reuse: TitleIndex | None,
                wanted: set[str] | None = None) -> np.ndarray:
    """One vector per key (zero, so never a neighbour, for keys outside `wanted`), reusing `reuse`'s."""
    out = np.zeros((len(keys), DIM), dtype=np.float32)
    todo = [i for i, k in enumerate(keys) if wanted is None or k in wanted]
    if reuse is not None and reuse.vectors is not None and reuse.embedder_name == embedder.name:
        todo, wanted_idx = [], todo
        for i in wanted_idx:
            k = keys[i]
            j = reuse.pos.get(k)
            if j is None or not reuse.vectors[j].any():  # new, or left without a vector last time
                todo.append(i)
            else:
                out[i] = reuse.vectors[j]
    if todo:
        out[todo] = encode_titles(embedder, [keys[i] for i in todo])
    return out


def save_index(con: duckdb.DuckDBPyConnection, index: TitleIndex) -> None:
    rows = [(k, soc, w) for k, socs in zip(index.keys, index.key_socs) for soc, w in socs.items()]
    df = pd.DataFrame(rows, columns=["key", "soc_code", "weight"])
    con.register("_ti", df)
    con.execute("CREATE OR REPLACE TABLE title_index AS SELECT * FROM _ti")
    con.unregister("_ti")
    con.execute("CREATE OR REPLACE TABLE title_index_blobs (name VARCHAR, n_rows INTEGER, labels VARCHAR, "
                "embedder VARCHAR, data BLOB)")
    if index.vectors is not None:
        for name, labels, arr in (("keys", None, index.vectors), ("descriptions", index.desc_socs, index.desc_vectors)):
            con.execute("INSERT INTO title_index_blobs VALUES (?, ?, ?, ?, ?)",
                        [name, len(arr), json.dumps(labels), index.embedder_name, arr.astype(np.float16).tobytes()])
    places = sorted(index.place_words)  # stored: normalising ~10k location words costs load_index half a second
    con.execute("INSERT INTO title_index_blobs VALUES ('places', ?, ?, '', ?)", [len(places), json.dumps(places), b""])
    con.execute("CREATE TABLE IF NOT EXISTS title_index_cache (key VARCHAR PRIMARY KEY, matches VARCHAR, method VARCHAR)")
    con.execute("DELETE FROM title_index_cache")


def load_index(con: duckdb.DuckDBPyConnection) -> TitleIndex | None:
    try:
        df = con.execute("SELECT key, soc_code, weight FROM title_index ORDER BY key").df()
        blobs = {r[0]: r[1:] for r in con.execute("SELECT name, n_rows, labels, embedder, data FROM title_index_blobs").fetchall()}
    except duckdb.Error:
        return None
    soc_titles = dict(con.execute("SELECT soc_code, title FROM onet_occupations").fetchall())
    key_socs: dict[str, dict[str, float]] = defaultdict(dict)
    for k, soc, w in df.itertuples(index=False):
        key_socs[k][soc] = w
    keys = sorted(key_socs)
    index = TitleIndex(keys, [key_socs[k] for k in keys], soc_titles)
    if "keys" in blobs:
        n, _, name, data = blobs["keys"]
        index.vectors = np.frombuffer(data, dtype=np.float16).reshape(n, DIM).astype(np.float32)
        index.embedder_name = name
        n, labels, _, data = blobs["descriptions"]
        index.desc_socs = json.loads(labels)
        index.desc_vectors = np.frombuffer(data, dtype=np.float16).reshape(n, DIM).astype(np.float32)
    if "prior" in blobs:
        n, labels, _, data = blobs["prior"]
        index.prior = dict(zip(json.loads(labels), np.frombuffer(data, dtype=np.float32).tolist()))
    index.tech_words = _unclaimed(index, tech_words(con))
    # a store built before the places were stored computes them
    index.place_words = set(json.loads(blobs["places"][1])) if "places" in blobs else place_words(con, index.vocab_set)
    return index


def save_prior(con: duckdb.DuckDBPyConnection, prior: dict[str, float]) -> None:
    """Store how many postings resolved confidently to each code (the resolver's posting prior)."""
    con.execute("DELETE FROM title_index_blobs WHERE name = 'prior'")
    codes = sorted(prior)
    con.execute("INSERT INTO title_index_blobs VALUES ('prior', ?, ?, '', ?)",
                [len(codes), json.dumps(codes), np.array([prior[c] for c in codes], dtype=np.float32).tobytes()])


def load_cache(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[list[tuple[str, float]], str]]:
    try:
        rows = con.execute("SELECT key, matches, method FROM title_index_cache").fetchall()
    except duckdb.Error:
        return {}
    return {k: ([tuple(x) for x in json.loads(m)], meth) for k, m, meth in rows}


def save_cache(con: duckdb.DuckDBPyConnection, resolved: dict[str, tuple[dict[str, float], str]]) -> None:
    rows = [(k, json.dumps(sorted(([s, round(p, 5)] for s, p in v.items()), key=lambda x: -x[1])[:TOP_K]), m)
            for k, (v, m) in resolved.items() if k]
    df = pd.DataFrame(rows, columns=["key", "matches", "method"])
    con.register("_tc", df)
    con.execute("CREATE OR REPLACE TABLE title_index_cache AS SELECT * FROM _tc")
    con.unregister("_tc")
