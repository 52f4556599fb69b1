"""Resolve any job title to ranked O*NET-SOC occupations with calibrated scores.

Which part of a multi-part title to resolve ("Data Modeler - Data Solutions Engineer") is the normaliser's
rule-based choice unless another segment resolves clearly more surely through the dictionary stages below
(`Resolver.choose_key`: a score, not one more rule).

Evidence, cheapest first; the model only sees titles nothing cheaper settled:
1. exact alias: the normalised title is an O*NET title, alternate title, short title, reported title
   or a linked ESCO label; an alias several occupations share leans to the one whose own title shares its
   words ("Security Engineer": Information Security Engineers before Security Management Specialists);
2. typo repair: unknown words snapped to the index vocabulary (rapidfuzz), then exact again;
3. span: the longest run of words that is an alias, preferring runs that end on the head noun
   ("data engineer" in "data engineer payments platform"); a language or framework + "engineer" /
   "developer" ("Node.js Engineer") is a software developer, the names taken from O*NET's
   development-software technology skills; a two-word computer role split by what it works on ("data
   pipeline engineer") is that role; an NHS doctor grade ("Associate Specialist") is a physician;
4. fuzzy: rapidfuzz token_sort_ratio against aliases that share a word with the title;
5. embedding: MiniLM cosine against every alias (vectors cached in the store), best alias per code;
6. re-ranking: for the titles stages 1-4 leave unsettled (the ones the model sees), a logistic regression
   (`title_rerank`) weighs every candidate's evidence together - the scores above, a vote of the 30
   nearest aliases, the cosine to the code's description, role-word match, the posting prior - and its
   probabilities become the scores.
Last, an O*NET specialty (".01") that leads its own base occupation (".00") among the reported codes
gives the lead to the base (`prefer_base`), as the hand labels do.

Scores are probabilities that the code is right, calibrated per method on the held-out alternate
titles of the development set (bench/bench_resolve.py prints the reliability table): an exact hit on
an unambiguous alias is right ~97% of the time, a full-coverage span ~90%, and embedding cosine
maps through a logistic fitted on the held-out slice. An optional description re-ranks the
candidates with the cosine between it and each occupation's O*NET description.

Index tables written to the store: `title_index` (key, soc_code, source, weight),
`title_index_blobs` (alias and description vectors, float16) and `title_index_cache` (resolved
results for every normalised posting title, filled by the roles build).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from careerpath.embed import Embedder
from careerpath.extract import title_heads, title_rerank
from careerpath.extract.normalize import RANK_WORDS, NormalizedTitle, normalize
from careerpath.extract.title_index import (  # noqa: F401  (re-exported: the index API lives beside the resolver)
    OVERRIDES, TitleIndex, alias_rows, build_index, doctor_code, doctor_grade, encode_titles, load_cache, load_index,
    save_cache, save_index, save_prior,
)

EXACT_P = 0.97          # top-1 precision of an unambiguous exact alias (held-out alternates)
SPAN_P = 0.9            # a span that covers the whole head of the title
SPAN_ACCEPT = 0.8       # span coverage x head factor at or above which a span settles a title
FUZZY_ACCEPT = 92       # token_sort_ratio at or above which fuzzy settles a title without the model
EMB_A, EMB_B = 9.0, 0.84   # P(correct) = sigmoid(EMB_A * (cos - EMB_B)), fitted on held-out alternates
TOP_K = 5
UNSHARED_MISS = 0.5  # _unshared: the factor on a lead code whose aliases use none of the title's modifier words
# _unshared applies to these codes only: the model's pull to Financial and Investment Analysts for any "... analyst"
# (measured for every code: 818 / 1037 against 821 / 1040 on dev-dev14, so not for every code)
UNSHARED_CODES: tuple[str, ...] = ("13-2051.00",)
_QUALIFIERS = {"for", "with", "in", "at", "within", "based", "per", "from", "on", "supporting", "experiencia"}
_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "around"})  # before a place the resolver drops (_known_prefix)
_TECH_HEADS = {"engineer", "developer", "programmer"}
_TECH_FILLER = {"software", "backend", "back", "end", "frontend", "front", "full", "stack", "and", "or", "application",
                "web", "core"}
MIN_SCORE = 0.05     # below this a code is not reported; no codes at all means "no match"
ALL_OTHER = 0.7      # "Engineers, All Other" is a last resort: its score is scaled down against named codes
HEAD_MISS = 0.75     # embedding neighbours of a code that never uses the title's role word ("engineer")
LICENSED_HEADS = frozenset({"nurse", "midwife", "physiotherapist", "pharmacist", "dentist", "radiographer",
                            "paramedic", "podiatrist", "optometrist", "dietitian", "surgeon", "physician"})
# a teacher title names teaching as a licensed one names its profession: "Data Analytics Instructor" teaches data
# analytics (Mathematical Science Teachers, Postsecondary), it is no data scientist, whom the embedding prefers
TEACHING_HEADS = frozenset({"instructor", "teacher", "lecturer", "professor", "tutor"})
# a scientist title names a science: candidates that never say "scientist" fall behind (demotion only)
SCIENCE_HEADS = frozenset({"scientist"})
# a skilled trade's worker names the trade wherever the work is done: "Wastewater Treatment Electrician" is an
# electrician, not a treatment plant operator; candidates that never say the trade's word fall behind (demotion only)
TRADE_HEADS = frozenset({"electrician", "mechanic", "carpenter", "plumber", "pipefitter", "steamfitter", "welder",
                         "machinist", "painter", "roofer", "glazier", "plasterer", "ironworker", "boilermaker",
                         "millwright", "locksmith", "upholsterer", "bricklayer", "blacksmith"})
# the SOC's scientist occupations, which an unsettled scientist title keeps (_science_codes): life, physical and social
# scientists (19-1, 19-2, 19-3), computer and information research scientists, statisticians, data scientists; and the
# medical laboratory scientist (MLS, CLS, a UK biomedical scientist), whom O*NET and OVERRIDES file under clinical
# laboratory technologists
SCIENCE_CODES = ("19-1", "19-2", "19-3", "15-1221", "15-2041", "15-2051", "29-2011")
TITLE_WORD_W = 0.01  # among codes sharing an alias, weight per word the alias shares with the code's own title
_TITLE_STOP = frozenset({"and", "or", "of", "the", "all", "other", "except", "including", "first", "line", "for", "in"})
DATA_SCIENTISTS, DATA_ENGINEERS = "15-2051.00", "15-1243.00"  # the data engineer's code is Database Architects'
CARE_UNITS = frozenset({"branch", "area"})  # _care_unit: the units a care service's managers are named after
CARE_WORDS = frozenset({"care", "domiciliary", "homecare", "nursing"})  # _care_unit: words naming a care service
CARE_MANAGER = "care manager"  # _care_unit: the key of a care service's manager (OVERRIDES: Medical and Health Services)
WORKPLACES = ("data center", "data centre", "airport", "port", "harbor", "harbour")  # _workplace: places a title may
# open with, the role after them (LA City names its port and airport police, mechanics and engineers after the place)
WORKPLACE_SPAN = 0.5  # _workplace: the least span quality (cover x head) of the rest that still names the role
DATA_ENGINEER = "data engineer"  # _computer_compound: the role whose field never names another role (data_engineer_fields)
# words that make a data title engineering work (building and running data systems) ...
DATA_BUILD = frozenset({"engineer", "developer", "engineering", "development", "infrastructure", "pipeline", "platform",
                        "etl", "warehouse", "warehousing", "integration", "ingestion", "streaming", "operation",
                        "architect", "architecture", "programmer"})
# ... unless it also names analysis or modelling, which is a data scientist's
DATA_STUDY = frozenset({"scientist", "science", "analyst", "analytic", "analytics", "analysis", "statistician",
                        "statistic", "machine", "learning", "artificial", "intelligence", "model", "modeling",
                        "modelling", "modeler", "research", "researcher", "insight", "visualization", "visualisation",
                        "mining", "quantitative", "business", "reporting"})
RN, LPN = "29-1141.00", "29-2061.00"  # Registered Nurses; Licensed Practical and Licensed Vocational Nurses
LPN_WORDS = frozenset({"practical", "vocational", "licensed", "enrolled", "lpn", "lvn"})
LPN_MISS = 0.3       # a nurse title that says none of LPN_WORDS is a registered nurse's, not an LPN's
LICENSED_MISS = 0.4  # candidates of a licensed-profession title that never use its head word
PRIOR_W = 0.15       # the posting prior's largest boost
PROGRAMMERS, DEVELOPERS = "15-1251.00", "15-1252.00"
WEB_CODES = frozenset({"15-1254.00", "15-1255.00"})  # Web Developers; Web and Digital Interface Designers
SOFTWARE_ROLES = (" software engineer", " software developer")  # _modern: "<x> software engineer" filed under WEB_CODES
# _erp_consultant: a consultant of an ERP product (SAP modules "FI/CO", "SD", "MDG") does O*NET's "ERP Consultant" work
ERP_WORDS = frozenset({"sap", "erp"})
ERP_CONSULTANT = "erp consultant"
# _ml_engineer: fields (as the normaliser spells them) whose engineers and developers are machine learning engineers
ML_FIELDS = ("machine learning", "deep learning", "artificial intelligence", "natural language processing",
             "large language model", "generative artificial intelligence")
ML_ENGINEER = "machine learning engineer"
IT_MANAGERS = "11-3021.00"   # Computer and Information Systems Managers
ENGINEERING_MANAGERS = "11-9041.00"  # Architectural and Engineering Managers
COMPUTER_CODES = ("15-12", "15-2051")  # computer occupations and data scientists: the fields IT managers run
COMPOUND_P = 0.85    # "<field> data analyst": the two-word computer role's codes, a little below an exact title
TEAM_ROLE_HEADS = ("developer", "designer", "engineer")  # a computer team's practitioner, tried in this order
MANAGED_P = 0.3      # the managed practitioners' code stays a candidate behind the manager code
DOCTOR_P = 0.9       # a UK doctor title ("Consultant in Dermatology") read by grade + specialty
# First-line supervisors by the SOC group of the workers they supervise (longest prefix first): "Pipefitter
# Supervisor" supervises pipefitters (47-2152), so 47-1011; "Custodian Supervisor" janitors (37-2011), so 37-1011
SUPERVISED_BY = (("33-3012", "33-1011.00"), ("33-3", "33-1012.00"), ("33-2", "33-1021.00"), ("33-9032", "33-1091.00"),
                 ("33-", "33-1099.00"), ("35-", "35-1012.00"), ("37-2", "37-1011.00"), ("37-3", "37-1012.00"),
                 ("39-301", "39-1013.00"), ("39-3", "39-1014.00"), ("39-", "39-1022.00"), ("41-2", "41-1011.00"),
                 ("41-", "41-1012.00"), ("43-", "43-1011.00"), ("45-", "45-1011.00"), ("47-", "47-1011.00"),
                 ("49-", "49-1011.00"), ("51-", "51-1011.00"), ("53-2031", "53-1044.00"), ("53-6061", "53-1044.00"),
                 ("53-7061", "53-1042.00"), ("53-7062", "53-1042.00"), ("53-7064", "53-1042.00"),
                 ("53-7065", "53-1042.00"), ("53-3", "53-1043.00"), ("53-7", "53-1043.00"), ("53-", "53-1049.00"))
# _trade_middle: construction and installation-and-repair trades, whose work ("cabling") is no field of data work
TRADE_GROUPS = ("47-", "49-")
SPLIT_TAIL_MAX = 6  # _split_compound: "data analyst revenue management optimization", a data analyst of a field
ONE_SUPERVISOR = 0.75  # _one_supervisor: the share of a role word's codes that must have the lead code's supervisor
SUPERVISOR_HEADS = frozenset({"supervisor", "foreman", "forewoman", "foreperson"})
# _rankless_supervisor: words by which a title can name someone in charge of others (a first-line supervisor)
CHARGE_WORDS = SUPERVISOR_HEADS | frozenset({
    "superintendent", "lead", "leader", "leadperson", "leadman", "chief", "head", "manager", "management", "charge",
    "principal", "senior", "captain", "commander", "lieutenant", "sergeant", "director", "overseer", "boss",
    "coordinator", "controller", "ganger", "supervising", "supervisory", "supervision", "deputy"})
RANKLESS_CAP = 0.9  # _rankless_supervisor: a supervisor code's score at most this share of the best worker code's
FIRST_LINE = "First-Line Supervisors"  # how O*NET's first-line supervisor occupations' titles begin
HELPERS = "Helpers"  # how O*NET's helper occupations' titles begin ("Helpers--Electricians")
HELPER_WORDS = frozenset({"helper", "assistant", "apprentice", "trainee", "aide", "laborer", "labourer", "attendant",
                          "hand", "mate", "assistance", "helping", "junior", "entry", "utility"})
# SOC 2018 classification principles: supervisors of workers in major groups 11-29 (management, business, computer,
# engineering, science, social service, legal, education, arts and media, health practitioners) usually do the work of
# those they supervise and are classified with them; only groups 31-53 have first-line supervisor occupations
PROFESSIONAL_GROUPS = ("13-", "15-", "17-", "19-", "21-", "23-", "25-", "27-", "29-")
# _own_words: a role word that ends aliases of at least this many codes ("analyst", "administrator", "tester") is
# generic, and its one-word alias is no embedding neighbour of a longer title holding it; a profession's word
# ("physiotherapist": 2 codes, "virologist": 1) is the title's reading and stays one
GENERIC_HEAD_CODES = 10
ADMIN_OFFICE = "43-6014.00"  # _office_administrator: Secretaries and Administrative Assistants (OVERRIDES "administrator")
# _office_administrator: words by which an administrator's title names computing work (as the normaliser spells them)
ADMIN_IT_WORDS = frozenset({"information", "technology", "system", "database", "network", "data", "linux", "unix",
                            "window", "server", "sql", "nosql", "web", "cloud", "application", "security", "platform",
                            "crm", "erp", "sap", "salesforce", "oracle", "microsoft", "etl", "devop", "storage",
                            "backup", "infrastructure", "computer", "software", "citrix", "vmware", "sharepoint",
                            "exchange", "directory", "azure", "aws", "jira", "hadoop", "tableau", "ict", "digital",
                            "intelligence"})  # "Power BI Administrator": business intelligence
# _office_administrator: words by which a title names office work ("Patient Flow Administration Assistant")
OFFICE_WORK = frozenset({"administration", "admin", "clerical", "reception", "secretarial"})
OFFICE_HEADS = frozenset({None, "assistant", "support", "officer", "clerk"})  # ... and the role words of such titles
SWAP_RATIO = 50     # _swaps_word: letters a fuzzy hit's word shares with a title word it replaces (fuzz.ratio)
BARE_TEAM_WORDS = frozenset({"team", "leader", "lead", "manager", "deputy", "assistant", "senior"})  # _bare_team
JOINED_MIN = 7  # _joined: the least letters of a word read as two alias words written together
HEAD_OF = "head of "  # _head_of: how a head's title opens (the normaliser's spelling)
HEAD_OF_COMPUTING = ADMIN_IT_WORDS | DATA_STUDY  # _head_of: a head of these fields is left to the other stages
FRONT_END, FRONT_END_DEVELOPER = "front end", "front end developer"  # _settle: front-end developers (front_ends)
DIRECTOR = "director"  # _director: the role word of a director's title
FIELD_WORD_CODES = 50  # _director: a word in the aliases of at most this many codes names a field ("film": 32, "program": 91)
SEGMENT_MIN = 0.5    # another segment of the title replaces the normaliser's choice only when the dictionary
SEGMENT_MARGIN = 0.3  # stages resolve it at least this surely, and this much more surely than the choice


@dataclass(frozen=True)
class Match:
    soc_code: str
    soc_title: str
    score: float


@dataclass
class Resolution:
    title: str
    key: str
    matches: list[Match]
    method: str
    role_slug: str | None = None
    role_title: str | None = None

    def to_json(self) -> dict:
        role = {"slug": self.role_slug, "title": self.role_title} if self.role_slug else None
        return {"title": self.title, "role": role,
                "matches": [{"soc_code": m.soc_code, "soc_title": m.soc_title, "score": round(m.score, 4)}
                            for m in self.matches],
                "normalized": self.key, "method": self.method}


# --- resolving ----------------------------------------------------------------------------------

def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def emb_prob(cos: float) -> float:
    return _sigmoid(EMB_A * (cos - EMB_B))


class Resolver:
    """Resolve titles against a `TitleIndex`; the embedder is only loaded when a title needs it."""

    choose_segments = True  # choose_key may prefer another segment of the title; off to measure without
    split_compounds = True  # _split_compound ("data pipeline engineer" is a data engineer); off to measure without
    data_build = True  # _data_build (a data title about building data systems is a data engineer's); off to measure
    data_build_absent = True  # ... also when the data engineers' code is no candidate; off to measure
    unshared_words = True  # _unshared: the model's lead code (UNSHARED_CODES) none of whose aliases has a title modifier
    nurse_kind = True  # _nurse_kind (a nurse is an RN unless the title says practical/licensed/...); off to measure
    supervisors = True  # _supervisor ("pipefitter supervisor" is a first-line supervisor of those trades); off to measure
    field_segments = True  # choose_key reads a field segment as its practitioner ("data analytics": data analyst)
    title_words = True  # _exact: among codes sharing an alias, the one whose own title shares its words leads
    title_words_by_group = True  # ... counting the specialties of one occupation (19-1029.01, .04) as one
    role_segments = True  # choose_key takes a segment with a role word over a chosen one with none ("ESP")
    teaching_heads = True  # _licensed_head also for teaching heads (TEACHING_HEADS); off to measure
    shared_heads = True  # choose_key tries a slash part with the next part's role word when nothing else settles
    bare_heads = True  # choose_key: a chosen key of one role word yields to a segment of a modifier + role word
    named_occupations = True  # ... not when the role word is an occupation's own title ("hydrologist"); off to measure
    science_heads = True  # _licensed_head also for SCIENCE_HEADS (demotion only); off to measure
    supervised_fields = True  # _supervisor reads a field of several words as its workers ("refuse collection")
    professional_supervisors = True  # _supervisor: a supervisor of professionals (PROFESSIONAL_GROUPS) is one of them
    science_codes = True  # _science_codes: an unsettled scientist title keeps the SOC's scientist codes; off to measure
    own_words = True  # _own_words: a one-word alias that is a word of the title is no embedding neighbour; off to measure
    trailing_unknown = True  # choose_key drops trailing place words ("Support Worker Bristol"); off to measure
    reordered_modifiers = True  # _other_role: the same role word after the same modifiers reordered is another title
    chiefs = True  # _chief ("chief harbor engineer" heads engineers: Architectural and Engineering Managers); off to measure
    supervised_heads = True  # _supervisor: a role word with one supervisor names the workers; off to measure
    long_tails = True  # _split_compound: a computer role followed by a field of up to four words; off to measure
    consultancy_ranks = True  # choose_key: a bare "consultant" beside another role names that role; off to measure
    technical_leads = True  # _team_lead also reads "<field> technical lead" ("tech lead"); off to measure
    bracket_leads = True  # choose_key: a bare "team leader" takes its team's field from another segment; off to measure
    settled_whole = True  # _known_prefix keeps trailing words when the whole key settles elsewhere surely; off to measure
    software_titles = True  # _modern: "<x> software engineer" O*NET files under web codes is a software developer
    erp_consultants = True  # _erp_consultant: an SAP / ERP consultant is O*NET's "ERP Consultant"; off to measure
    ml_engineers = True  # _ml_engineer: an engineer / developer of a machine-learning field is a machine learning engineer
    trade_heads = True  # _licensed_head also for TRADE_HEADS (demotion only); off to measure
    rankless_supervisors = True  # _rankless_supervisor: no rank named, no first-line supervisor; off to measure
    data_engineer_fields = True  # _computer_compound: "<field> data engineer" is a data engineer though "<field> engineer" is a role
    role_fields = True  # _other_role: an alias turning the title's role word into its field word is another role
    care_units = True  # _care_unit: a branch or area manager of a care service is a care manager; off to measure
    workplaces = True  # _workplace: "Data Center Civil Engineer" is a civil engineer who works in a data center
    one_profession = True  # _one_supervisor: a role word of one professional occupation names the supervised; off to measure
    office_administrators = True  # _office_administrator: "<non-computing field> administrator" is an office's; off to measure
    known_words = True  # _swaps_word: a fuzzy hit swapping a known word of the title for another is no hit; off to measure
    trade_middles = True  # _split_compound: a middle "-ing" word of a trade ("data cabling engineer") names the tradesman; off to measure
    office_work = True  # _office_administrator also for a title naming office work (OFFICE_WORK); off to measure
    team_segments = True  # choose_key: a bare team rank ("team leader") yields to a segment naming a practitioner
    joined_words = True  # _joined: two alias words written as one ("staffnurse", "bigdata") are split; off to measure
    heads_of = True  # _head_of: an unsettled "head of <field>" is read as "<field> manager"; off to measure
    directors = True  # _director: a director's title the model reads keeps the managers (11-) and directors in front
    front_ends = True  # _settle: a language or framework developer who says "front end" is O*NET's "Front End Developer"
    span_senses = True  # _settle: a settling span's alias shared by codes leans to the code whose title says it, as exact does
    other_workers = True  # _computer_compound: a field whose "<field> <role>" is another kind of worker's alias
    # ("claim analyst": claims adjusters) still leaves "<field> data analyst" a data analyst; off to measure
    js_spellings = True  # _settle: a framework written without ".js" ("React Developer") is O*NET's "React.js Developer"
    first_conjuncts = True  # _first_conjunct: "<a> and <b> <role>" reads "<a> <role>"; off to measure
    field_directors = True  # _director: an occupation titled "director" (Producers and Directors) keeps a director's
    # title only when the title names its field (a word of its aliases few codes use); off to measure

    def __init__(self, index: TitleIndex, embedder_factory=None, roles=None,
                 cache: dict[str, tuple[list[tuple[str, float]], str]] | None = None) -> None:
        self.index = index
        self._embedder_factory = embedder_factory
        self._embedder: Embedder | None = None
        self.roles = roles  # careerpath.extract.roles.RoleLookup or None
        self.cache = cache if cache is not None else {}
        self.seen: dict[str, tuple[dict[str, float], str]] = {}  # keys resolved here, not from the cache
        self.partial: set[str] = set()  # keys the last resolve_keys left without the model (see model_for)
        self._repaired: dict[str, str] = {}
        self.rerank = True  # the learned re-ranker on unsettled titles (title_rerank); off to collect its features
        self._roles: dict[str, str | None] = {}  # field word -> role word (title_heads.role_word), memoised
        self._confidence: dict[str, float] = {}  # key -> settled_confidence, memoised
        self._bigrams: dict[str, set[str]] | None = None  # first two words of 3+-word aliases -> codes (_phrase_elsewhere)
        self._vocab_by_code: dict[str, frozenset[str]] = {}  # soc -> words of its aliases (_code_vocab)
        self._word_code_counts: dict[str, int] | None = None  # alias word -> codes whose aliases use it (_directs)
        self._code_words: dict[str, frozenset[str]] = {}  # soc -> its O*NET title's normalised words, memoised
        self._head_count: dict[str, int] | None = None  # role word -> codes with an alias ending in it (_head_codes)
        self._onet_titles: list[str] | None = None  # the occupations' normalised titles (_occupation_titles)
        self._pairs: frozenset[tuple[str, str]] | None = None  # consecutive alias words (_alias_pairs)
        self._typed_titles: dict[str, str] | None = None  # an occupation's title as typed, case-folded -> soc

    @property
    def embedder(self) -> Embedder | None:
        if self._embedder is None and self._embedder_factory is not None and self.index.vectors is not None:
            self._embedder = self._embedder_factory()
        return self._embedder

    # cheap evidence ---------------------------------------------------------------------------
    def _exact(self, key: str, p: float = EXACT_P, senses: bool = False) -> dict[str, float]:
        i = self.index.pos.get(key)
        if i is None:
            return {}
        socs = self.index.key_socs[i]
        if senses and self.title_words and len(socs) > 1:
            # "Security Engineer" is filed under Security Management Specialists, Information Security Engineers,
            # Blockchain Engineers ...: the code whose own title says "security" and "engineer" is the likelier sense
            words = set(key.split())
            bonus = {s: len(words & self._title_words(s)) for s in socs}
            if self.title_words_by_group:
                # specialties of one occupation (Bioinformatics Scientists and Biologists under 19-1029) are one
                # sense: the overlap separates occupations, not O*NET's specialty split
                best = defaultdict(int)
                for s, b in bonus.items():
                    best[s[:7]] = max(best[s[:7]], b)
                bonus = {s: best[s[:7]] for s in socs}
            socs = {s: w + TITLE_WORD_W * bonus[s] for s, w in socs.items()}
        # softmax over weights: an O*NET title (1.0) outranks an alternate (0.9) twentyfold
        top = max(socs.values())
        cubes = {s: math.exp(30 * (w - top)) for s, w in socs.items()}
        total = sum(cubes.values())
        return {s: p * c / total for s, c in cubes.items()}

    def _title_words(self, soc: str) -> frozenset[str]:
        """The content words of a code's O*NET title, each normalised as a title key is ("Engineers" -> "engineer")."""
        if soc not in self._code_words:
            title = self.index.soc_titles.get(soc, "")
            words = {normalize(w).text for w in title.replace(",", " ").replace("/", " ").split()}
            self._code_words[soc] = frozenset(w for w in words if w and " " not in w and w not in _TITLE_STOP)
        return self._code_words[soc]

    def _repair(self, key: str) -> str:
        return " ".join(self._repair_word(w) for w in key.split())

    def _repair_word(self, w: str) -> str:
        if w in self.index.vocab_set or len(w) < 5 or w.isdigit():
            return w
        if w not in self._repaired:
            hit = process.extractOne(w, self.index.vocab, scorer=fuzz.ratio, score_cutoff=85)
            self._repaired[w] = hit[0] if hit else w
        return self._repaired[w]

    def _span(self, key: str, senses: bool = False) -> tuple[dict[str, float], float]:
        words = key.split()
        # the head noun ends the title or comes just before a qualifier ("data engineer for payments")
        cut = next((i for i, w in enumerate(words) if i > 0 and w in _QUALIFIERS), len(words))
        n = cut
        for length in range(min(n, len(words) - 1), 0, -1):
            starts = sorted(range(n - length + 1), key=lambda s: (s + length != n, -s))
            for s in starts:
                hit = self._exact(" ".join(words[s:s + length]), senses=senses)
                if hit:
                    cover = length / n
                    head = 1.0 if s + length == n else 0.75
                    p = SPAN_P * head * (0.3 + 0.7 * cover ** 2) * (1.0 if cut == len(words) else 0.95)
                    return {c: v / EXACT_P * p for c, v in hit.items()}, cover * head
        return {}, 0.0

    def _fuzzy(self, key: str) -> tuple[dict[str, float], float]:
        words = key.split()
        cand: set[int] = set()
        for w in sorted(words, key=lambda w: len(self.index.inverted.get(w, ())))[:3]:
            posting = self.index.inverted.get(w, ())
            if len(posting) <= 3000:
                cand.update(posting)
        if not cand:
            return {}, 0.0
        cand_list = sorted(cand)
        hits = process.extract(key, [self.index.keys[i] for i in cand_list], scorer=fuzz.token_sort_ratio,
                               limit=TOP_K, score_cutoff=70)
        out: dict[str, float] = {}
        best = 0.0
        for _, ratio, j in hits:
            if self._other_role(key, self.index.keys[cand_list[j]]):
                continue
            if self.known_words and ratio >= FUZZY_ACCEPT and self._swaps_word(key, self.index.keys[cand_list[j]]):
                continue  # it would settle the title on another word
            best = max(best, ratio)
            p = 0.9 * max(0.0, (ratio - 70) / 30) ** 1.5
            for soc, v in self._exact(self.index.keys[cand_list[j]], p).items():
                out[soc] = max(out.get(soc, 0.0), v)
        return out, best

    def _other_role(self, key: str, alias: str) -> bool:
        """A fuzzy hit that holds the title's words with another of them as its role word names another job, however
        close the sorted words are: "assistant vice president" (AVP, a bank rank) is no "vice president assistant"
        (O*NET's "VP Assistant", Executive Secretaries). Nor is a hit with the same role word and the same modifiers
        in another order: the order makes the compound ("data engineering analyst", "engineering data analyst"). A reordering that ends on a field ("manager data
        engineering") or a near miss on other words ("consultancy manager" ~ "management consultant") is still a hit."""
        kw, aw = key.split(), alias.split()
        heads = self.index.head_words
        if self.reordered_modifiers and kw != aw and kw[-1] == aw[-1] and sorted(kw) == sorted(aw):
            return True  # "data engineering analyst" is no "engineering data analyst" (mechanical engineering technologists)
        if self.role_fields and self._role_as_field(kw, aw):
            return True  # "data analyst engineer" is no "engineering data analyst": the engineer became a field
        return kw[-1] != aw[-1] and kw[-1] in heads and aw[-1] in heads and kw[-1] in aw and aw[-1] in kw

    def _swaps_word(self, key: str, alias: str) -> bool:
        """A fuzzy hit that puts another word in the place of a word of the title the index knows is no spelling of
        the title: "transformation project manager" is no "transportation project manager", "reliability analyst" no
        "liability analyst", "track engineer" no "stack engineer" ... only when the two words share no stem.
        Dropped or reordered words, an unknown word (a typo, "enginee") and a word one of whose forms the other
        begins ("programme" / "program", "imagery" / "image", "paediatric" / "pediatric") or one edit away ("data
        modeller" / "data modeler") are still near misses."""
        kw, aw = key.split(), alias.split()
        added = [w for w in aw if w not in kw]
        # "administrative co ordinator" ~ "administrative coordinator": two words of the title written as one
        joined = {w for a, b in zip(kw, kw[1:]) if a + b in added for w in (a, b)}
        lost = [w for w in kw if w not in aw and w in self.index.vocab_set and w not in joined]
        if not lost or not added:
            return False

        def related(a: str, b: str) -> bool:  # one begins the other, British "ae" / "oe" read as "e", or one edit
            a, b = a.replace("ae", "e").replace("oe", "e"), b.replace("ae", "e").replace("oe", "e")
            return a.startswith(b) or b.startswith(a) or Levenshtein.distance(a, b) <= 1  # "modeller" / "modeler"
        return any(not any(related(w, v) for v in added) and any(fuzz.ratio(w, v) >= SWAP_RATIO for v in added)
                   for w in lost)

    def _role_as_field(self, kw: Sequence[str], aw: Sequence[str]) -> bool:
        """Whether the alias turns a role word of the title into that role's field word (`title_heads.role_word`):
        the title's "engineer" is the alias's "engineering" ("data analyst engineer", "Ingénieur Data Analyst" ~
        "engineering data analyst", O*NET's mechanical engineering technologists), so the alias names someone who
        works on the field, not the title's role, however close the letters are. Only that way round: a title naming
        the field ("software engineering") may still be read as its role, and a role word inside the title ("sale
        developer representative", a "Sales Dev. Representative") may be the field's ("sales development
        representative"): the alias's own role is one of the title's, the other opens or ends the title or is a role
        with the word before it."""
        heads = self.index.head_words
        title = set(kw)
        if aw[-1] not in title or aw[-1] not in heads or aw[-1] == kw[0]:
            return False  # the alias's own role is none of the title's, or opens it (a rank: "assistant vice president")
        # the title's other role: a word that opens or ends it and is an alias by itself ("engineer data analyst",
        # "data analyst engineer"; not "person analyst", whose "personnel analyst" is O*NET's HR specialist) or makes
        # an alias with the word before it ("data engineer analyst": "data engineer")
        pos = self.index.pos
        roles = {w for i, w in enumerate(kw) if w != aw[-1] and w in heads
                 and ((i in (0, len(kw) - 1) and w in pos) or (i > 0 and " ".join(kw[i - 1:i + 1]) in pos))}
        for w in aw[:-1]:
            if w in title or len(w) < title_heads.MIN_STEM:
                continue
            role = title_heads.role_word(w, heads, self._roles)
            if role is not None and role in roles and role not in aw:
                return True
        return False

    def _workplace(self, key: str) -> dict[str, float]:
        """A role named after the place it works in (WORKPLACES: "data center"): when the rest is a role of two words
        or more that is an exact alias, the title is that role ("Data Center Civil Engineer": a civil engineer;
        "Data Center Facilities Engineer": a facilities engineer). The place's own "data" otherwise made the span
        and the model read a data engineer or a database architect (380 store postings say "data center"; the dev
        labels give the trade or the IT role). A bare "Data Center Engineer" is OVERRIDES'."""
        if not self.workplaces:
            return {}
        place = next((p for p in WORKPLACES if key.startswith(p + " ")), None)
        if place is None:
            return {}
        rest = key[len(place) + 1:]
        words = rest.split()
        heads = self.index.head_words
        if len(words) < 2 or words[-1] not in heads or words[0] in heads:
            return {}  # "data center engineer consultant": the place's own role first (OVERRIDES), no modifier of it
        scores, method, span, quality = self._settle(rest)
        if method == "exact":
            return {c: v / EXACT_P * SPAN_P for c, v in scores.items()}
        if method:
            return scores
        # "Data Center Regional Electrical Engineer": the rest's span ends the title ("electrical engineer")
        return span if quality >= WORKPLACE_SPAN else {}

    def _settle(self, key: str) -> tuple[dict[str, float], str, dict[str, float], float]:
        """The dictionary stages (no typo repair, no fuzzy): (scores, method) when one settles the key, else
        ({}, "", the span evidence, its quality)."""
        managed = self._managed(key)
        if managed:
            return managed, "span", {}, 0.0
        led = self._team_lead(key)
        if led:  # "Software Team Leader": a software developer who leads the team
            return led, "span", {}, 0.0
        grade = doctor_grade(key)
        if grade in self.index.soc_titles:  # "Associate Specialist": an NHS doctor grade before O*NET's purchasing alias
            return {grade: DOCTOR_P}, "doctor", {}, 0.0
        ml = self._ml_engineer(key)
        if ml:  # "Deep Learning Engineer", "NLP Engineer", "AI Engineer": a machine learning engineer
            return ml, "span", {}, 0.0
        hit = self._exact(key, senses=True)
        if hit:
            return self._modern(hit, key), "exact", {}, 0.0
        placed = self._workplace(key)
        if placed:  # "Data Center Civil Engineer": a civil engineer (of a data center)
            return placed, "span", {}, 0.0
        taught = self._teaching_subject(key)
        if taught:  # "Lecturer in Statistics and Applied Probability": a statistics lecturer
            return taught, "span", {}, 0.0
        erp = self._erp_consultant(key)
        if erp:  # "Senior SAP FI/CO Consultant": an ERP consultant (Computer Systems Analysts)
            return erp, "span", {}, 0.0
        chief = self._chief(key)
        if chief:  # "Chief Harbor Engineer": the head of an engineering division
            return chief, "span", {}, 0.0
        sup = self._supervisor(key) if self.supervisors else {}
        if sup:  # "Electrician Supervisor": a first-line supervisor of electricians
            return sup, "span", {}, 0.0
        doc = doctor_code(key)
        if doc in self.index.soc_titles:  # an index without the physician codes (a small store) has no doctors
            return {doc: DOCTOR_P}, "doctor", {}, 0.0
        if self._tech_role(key):
            # "PHP Engineer" reads as "PHP Developer" when O*NET knows that title (Web Developers)
            words = key.split()
            alt = self._exact(" ".join(words[:-1] + ["developer"])) if words[-1] != "developer" else {}
            if not alt and self.js_spellings:
                alt = self._js_developer(words)
            if not alt and self.front_ends and FRONT_END in key:
                # "Frontend React Developer", "Vue.js Frontend Dev": a front-end developer builds web interfaces
                # (O*NET's "Front End Developer": Web Developers, the labels' code), not any software developer
                alt = self._exact(FRONT_END_DEVELOPER, senses=True)
            # "Java Engineer": O*NET files "Java Developer" under Computer Programmers, which `_modern` moves
            return (self._modern({c: v / EXACT_P * SPAN_P for c, v in alt.items()}, key) or {DEVELOPERS: SPAN_P}), \
                "span", {}, 0.0
        role = title_heads.field_role(key, self.index.head_words, self.index.pos.__contains__, self._roles)
        if role:  # "data engineering specialist" is a data engineer
            return {c: v / EXACT_P * SPAN_P for c, v in self._modern(self._exact(role), role).items()}, "span", {}, 0.0
        compound = self._computer_compound(key)
        if compound:  # "forensic data analyst", "oracle data analyst": a data analyst of some field or tool
            return compound, "span", {}, 0.0
        if self.split_compounds:
            compound = self._split_compound(key)
            if compound:  # "data pipeline engineer", "data engineer business intelligence": a data engineer
                return compound, "span", {}, 0.0
        conj = self._first_conjunct(key) if self.first_conjuncts else {}
        if conj:  # "Data Analyst and Compliance Specialist", "Machine Learning and Computer Vision Engineer"
            return conj, "span", {}, 0.0
        span, quality = self._span(key)
        if quality >= SPAN_ACCEPT and len(key.split()) <= 6:
            if self.span_senses:
                # a span that settles the title reads an alias several codes share as the exact stage does: "front
                # end developer for data visualization" is a web developer, not a web and digital interface designer
                span = self._span(key, senses=True)[0]
            return span, "span", {}, 0.0
        return {}, "", span, quality

    def settled_confidence(self, key: str) -> float:
        """How surely the dictionary stages alone resolve `key`: the top score when one settles it (an exact
        alias shared by many codes scores low), else 0. Memoised; used to choose among a title's segments."""
        if key not in self._confidence:
            scores = self._settle(key)[0] if key else {}
            self._confidence[key] = max(scores.values(), default=0.0)
        return self._confidence[key]

    def choose_key(self, norm: NormalizedTitle) -> str:
        return self._head_of(self._joined(self._choose_key(norm)))

    def _joined(self, key: str) -> str:
        """Two words of an alias written as one ("IDTS StaffNurse", "Bigdata Platform Engineer", "Homecare Nurse",
        "DataAnalyst") split: a word no alias uses, of JOINED_MIN letters or more, that splits one way only into two
        words (of three letters or more) which follow each other in some alias. The model read "staffnurse" as nothing
        it knew (human resources specialists), "solution presale engineer" as a software developer. Of the store's
        titles so written, product names split too ("Airtable", "Tealeaf"), harmlessly so far: no top code changed."""
        if not self.joined_words:
            return key
        words = key.split()
        vocab = self.index.vocab_set
        out, changed = [], False
        for w in words:
            if w in vocab or len(w) < JOINED_MIN or not w.isalpha():
                out.append(w)
                continue
            pairs = self._alias_pairs()
            cuts = [(w[:i], w[i:]) for i in range(3, len(w) - 2) if (w[:i], w[i:]) in pairs]
            if len(cuts) == 1:
                out.extend(cuts[0])
                changed = True
            else:
                out.append(w)
        return " ".join(out) if changed else key

    def _alias_pairs(self) -> frozenset[tuple[str, str]]:
        """Every two words that follow each other in an alias (memoised)."""
        if self._pairs is None:
            pairs: set[tuple[str, str]] = set()
            for k in self.index.keys:
                ws = k.split()
                pairs.update(zip(ws, ws[1:]))
            self._pairs = frozenset(pairs)
        return self._pairs

    def _head_of(self, key: str) -> str:
        """"Head of <field>" that the dictionary stages leave unsettled is the field's manager, "<field> manager":
        O*NET has few "Head of ..." titles and files its managers as "<field> Manager", so the model read NHS heads by
        their field's words ("Head of Service" a first-line supervisor of mechanics, "Head of Care Residential Home" a
        residential advisor). Kept as it is: a key that settles ("head of data science": the IT managers' reading of its
        field), a computing or data field (HEAD_OF_COMPUTING: "data and analytics manager" is O*NET's "Analytics
        Manager", a data warehousing specialist), and a field of two words or more that an O*NET occupation's title
        names ("Head of Health and Safety": Occupational Health and Safety Specialists, whom the model finds from the
        whole title, where "health and safety manager" reads as a health services manager)."""
        if not self.heads_of or not key.startswith(HEAD_OF) or len(key) == len(HEAD_OF):
            return key
        if self.settled_confidence(key) > 0:
            return key
        field = key[len(HEAD_OF):]
        words = set(field.split())
        if words & HEAD_OF_COMPUTING or any(w in self.index.tech_words for w in words):
            return key
        if len(words) >= 2 and any(f" {field} " in f" {t} " for t in self._occupation_titles()):
            return key
        return f"{field} manager"

    def _occupation_titles(self) -> list[str]:
        """The O*NET occupations' own titles, normalised (memoised)."""
        if self._onet_titles is None:
            self._onet_titles = [normalize(t).text for t in self.index.soc_titles.values()]
        return self._onet_titles

    def _choose_key(self, norm: NormalizedTitle) -> str:
        """The key to resolve for a normalised title: the normaliser's segment choice (`norm.text`) unless
        another segment of the title names a role (holds a role word of the index) and the dictionary stages
        resolve it clearly more surely (by SEGMENT_MARGIN, to at least SEGMENT_MIN): "Data Modeler - Data
        Solutions Engineer" is a data modeler, an exact alias, where "data solution engineer" matches nothing.
        The scores replace growing the normaliser's rules for which segment names the role."""
        if (care := self._care_unit(norm)) is not None:
            return care  # "Domiciliary Care / Branch Manager": the branch of a care service
        if not (norm.alternatives or norm.shared) or not self.choose_segments:
            if norm.others and (led := self._bare_lead(norm.text, norm.others)) is not None:
                return led  # "Team Leader (Java)": a Java team's lead
            return self._known_prefix(norm.text)
        best, best_q = norm.text, self.settled_confidence(norm.text)
        heads = self.index.head_words
        if self.role_segments and best_q == 0 and not any(w in heads or w in LICENSED_HEADS for w in best.split()):
            # "Band 7/ ESP - First Contact Physiotherapist": the chosen segment names no role and settles nothing;
            # the first segment that names one (a role word of the index) is the job
            named = heads | LICENSED_HEADS
            with_role = next((a for a in norm.alternatives if any(w in named for w in a.split())), None)
            if with_role is not None:
                best, best_q = with_role, self.settled_confidence(with_role)
        if self.bare_heads and len(best.split()) == 1 and best in heads \
                and not (self.named_occupations and best in self._occupation_titles()):
            # "Sr Analyst, AML Data Scientist": a bare "analyst" says too little (its alias settles, so the margin
            # rule below keeps it); a segment naming a role with its modifier that settles surely is the job
            # ... unless the one word is an occupation's own O*NET title: "HYDROLOGIST (QUALITY ASSURANCE SPECIALIST -
            # HYDROLOGIC DATA MANAGEMENT)" is a hydrologist whose work the bracket names
            for alt in norm.alternatives:
                words = alt.split()
                if len(words) >= 2 and words[-1] in heads and self.settled_confidence(alt) >= SEGMENT_MIN:
                    return alt
        if self.team_segments and self._bare_team(best):
            # "Team Manager / Senior CAMHS Practitioner": a bare team rank names no occupation (O*NET files "Team
            # Leader" under Managers, All Other); a segment naming a practitioner is the job
            named = heads | LICENSED_HEADS
            with_role = next((a for a in norm.alternatives if not self._bare_team(a)
                              and any(w in named for w in a.split())), None)
            if with_role is not None:
                best, best_q = with_role, self.settled_confidence(with_role)
        for alt in norm.alternatives:
            if self.team_segments and self._bare_team(alt) and any(w in heads or w in LICENSED_HEADS
                                                                     for w in best.split()):
                continue  # "Band 7 Nutrition Support Dietitian - Team Leader": a dietitian who leads the team
            if not any(w in heads for w in alt.split()):
                # a field alone stands for its practitioner, if that is an alias, when the chosen segment matches
                # nothing ("Fintech Trainee - Data Analytics": "data analyst"; not "Data Engineer, ... Data Science")
                if best_q > 0 or not self.field_segments:
                    continue
                alt = title_heads.as_role(alt.split(), heads, self.index.pos.__contains__, self._roles)
                if alt is None:
                    continue
            q = self.settled_confidence(alt)
            if q >= SEGMENT_MIN and q > best_q + SEGMENT_MARGIN:
                best, best_q = alt, q
        if self.consultancy_ranks and best == "consultant":
            # "Sr. Consultant, Power BI Analyst", "Consultant - Database Developer/Data Analyst": beside another role
            # a bare "Consultant" is a consultancy's rank, not the NHS consultant doctor it is alone (doctor_grade)
            named = next((a for a in norm.alternatives if any(w in heads for w in a.split())), None)
            if named is not None:
                return self._known_prefix(named)
        if (led := self._bare_lead(best, norm.others)) is not None:
            return led  # "Team Leader (Java)": a Java team's lead
        if best_q == 0 and self.shared_heads:
            # "Cards Data / Campaign Analyst": "campaign analyst" settles nothing; "card data analyst" does
            for alt in norm.shared:
                if self.settled_confidence(alt) > 0:
                    return alt
        return self._known_prefix(best)

    @staticmethod
    def _bare_team(key: str) -> bool:
        """A team's rank and nothing else: "team leader", "deputy team manager", "team lead"."""
        words = set(key.split())
        return "team" in words and words <= BARE_TEAM_WORDS

    def _care_unit(self, norm: NormalizedTitle) -> str | None:
        """CARE_MANAGER for the manager of a unit (CARE_UNITS: a branch, an area) when the title names a care service
        (CARE_WORDS) in the rest of its key or another segment: "Branch Manager Domiciliary Care", "Domiciliary Care /
        Branch Manager", "Area Manager (Nursing Homes) Cheshire". O*NET files "Branch Manager" under Financial
        Managers and "Area Manager" under General and Operations Managers; the store's 10 postings so titled are all
        Adzuna UK healthcare and nursing posts, home-care agencies' branches and care-home groups' areas. None when
        nothing names care ("Branch Manager Birkenhead" stays O*NET's)."""
        words = norm.text.split()
        if not self.care_units or len(words) < 2 or words[0] not in CARE_UNITS or words[1] != "manager":
            return None
        context = set(words[2:]).union(*(a.split() for a in (*norm.alternatives, *norm.shared)))
        return CARE_MANAGER if context & CARE_WORDS else None

    def _known_prefix(self, key: str) -> str:
        """`key` without trailing place words (`index.place_words`: words of the postings' locations that no alias
        uses), when what is left ends on a role word and settles surely: "support worker bristol", "dentist
        whitehaven" are the role in a place (UK postings name the town after the role). The typo stage would otherwise
        snap the town to some alias word and the model read it as a field. Any unknown word is not enough: "Social
        Worker Fostering" and "Support Analyst Linux/MySQL" name the work."""
        words = key.split()
        if not self.trailing_unknown or len(words) < 2:
            return key
        places = self.index.place_words
        n = len(words)
        while n > 1 and words[n - 1] in places:
            n -= 1
            if n > 1 and n < len(words) and words[n - 1] in _PLACE_PREPOSITIONS:
                n -= 1  # "care assistant in ottershaw", "assistant manager near oxford"
        if n == len(words) or words[n - 1] not in self.index.head_words:
            return key
        prefix = " ".join(words[:n])
        if self.settled_whole and self.settled_confidence(key) >= SEGMENT_MIN:
            # "consultant in paediatrics": a doctor's specialty, no place ("paediatrics" is a ward's name in some
            # posting location); the whole key settles on another code than the bare "consultant" would
            whole, cut = self._settle(key)[0], self._settle(prefix)[0]
            if cut and max(whole, key=whole.get) != max(cut, key=cut.get):
                return key
        return prefix if self.settled_confidence(prefix) >= SEGMENT_MIN else key

    def _cheap(self, key: str) -> tuple[dict[str, float], str, bool]:
        """Evidence without the model; the bool says whether it is settled."""
        scores, method, span, quality = self._settle(key)
        if method:
            return scores, method, True
        fixed = self._repair(key)
        if fixed != key:
            hit = self._exact(fixed, EXACT_P * 0.95)
            if hit:
                return hit, "typo", True
            key = fixed
            span, quality = self._span(key)
        fz, ratio = self._fuzzy(key)
        scores = _merge(span, fz)
        if ratio >= FUZZY_ACCEPT:
            return scores, "fuzzy", True
        return scores, "span" if span else ("fuzzy" if fz else "none"), False

    # model evidence ---------------------------------------------------------------------------
    def _embedding(self, keys: Sequence[str]) -> tuple[list[dict[str, float]], np.ndarray | None]:
        """Per key the embedding evidence, and the keys' vectors (None without a model), which the
        re-ranker reuses rather than encoding the same titles twice."""
        if not keys:
            return [], None
        emb = self.embedder
        if emb is None:
            return [{} for _ in keys], None
        q = encode_titles(emb, list(keys), batch_size=256)
        heads = [self._head(k) for k in keys]
        out = []
        for start in range(0, len(keys), 512):
            sims = q[start:start + 512] @ self.index.vectors.T
            k = min(20, sims.shape[1] - 1)
            top = np.argpartition(-sims, k, axis=1)[:, :k + 1]
            for r in range(sims.shape[0]):
                d: dict[str, float] = {}
                head = heads[start + r]
                own = self._own_words(keys[start + r])
                for j in top[r]:
                    if self.index.keys[j] in own or self._other_role(keys[start + r], self.index.keys[j]):
                        continue  # "owner" for "product owner": a word of the title, not a reading of it
                    cos = float(sims[r, j])
                    for soc, v in self._exact(self.index.keys[j], 1.0).items():
                        if head and head not in self.index.code_heads.get(soc, ()):
                            v *= HEAD_MISS
                        d[soc] = max(d.get(soc, 0.0), emb_prob(cos) * v)
                out.append(d)
        return out, q

    def _own_words(self, key: str) -> frozenset[str]:
        """The words of a title of two words or more, which the embedding stage and the re-ranker do not take as
        neighbours when a one-word alias is one of them: "product owner" sits near the alias "owner" (which O*NET
        files under Urologists) and "etl administrator" near "administrator" because they share the word, not the
        job; the span stage already weighs a title's own words. Empty for a one-word title, whose nearest one-word
        alias may well be its reading."""
        words = key.split()
        if len(words) < 2 or not self.own_words:
            return frozenset()
        return frozenset(w for w in words if self._head_codes(w) >= GENERIC_HEAD_CODES)

    def _head_codes(self, word: str) -> int:
        """How many codes have an alias ending in `word` (memoised): "analyst" 190, "administrator" 65,
        "physiotherapist" 2."""
        if self._head_count is None:
            count: dict[str, int] = defaultdict(int)
            for heads in self.index.code_heads.values():
                for w in heads:
                    count[w] += 1
            self._head_count = dict(count)
        return self._head_count.get(word, 0)

    def _managed(self, key: str) -> dict[str, float]:
        """A manager of computer practitioners is a Computer and Information Systems Manager, whatever the
        alias index says ("Data Engineering Manager" is filed under Architectural and Engineering Managers,
        "Director of Data Science" matches nothing): the managed role decides (`title_heads.managed_role`)."""
        role = title_heads.managed_role(key, self.index.head_words, self.index.pos.__contains__, self._roles)
        if role is None:
            return {}
        codes = self._exact(role)
        top = max(codes, key=codes.get)
        if not top.startswith(COMPUTER_CODES) or IT_MANAGERS not in self.index.soc_titles:
            return {}
        return {IT_MANAGERS: SPAN_P, top: MANAGED_P}

    def _team_lead(self, key: str) -> dict[str, float]:
        """"Software Team Leader", "DevOps Team Lead", "Data Analyst Team Lead": the lead of a computer team
        practises the team's role and leads it, so the role comes first and Computer and Information Systems
        Managers stay behind it (no alias says "team leader" in a field; the model reads a bare manager). The role:
        the field as a role (`title_heads.as_role`), else the field (its longest tail first) with a practitioner head
        (`TEAM_ROLE_HEADS`, in that order: "UX Team Lead" is a UX designer) that is an alias. Only a computer role (`COMPUTER_CODES`) is taken:
        "Outpatients Team Leader", "Resourcing Team Leader" keep the other stages, and so does a field that ends in a
        role word ("Data Analyst Team Lead": dev6's one such title went from Data Scientists to another code)."""
        words = key.split()
        if len(words) < 3 or words[-1] not in ("lead", "leader") or words[-2] not in self._lead_kinds():
            return {}
        field = words[:-2]
        if field[-1] in self.index.head_words:
            return {}  # "Data Analyst Team Lead" names its role already: the other stages read it
        role = title_heads.as_role(field, self.index.head_words, self.index.pos.__contains__, self._roles)
        phrases = [role] if role else [" ".join(field[s:] + [h]) for s in range(len(field)) for h in TEAM_ROLE_HEADS]
        for phrase in phrases:
            codes = self._modern(self._exact(phrase), phrase)  # "Java Team Lead": a Java developer
            if codes:
                top = max(codes, key=codes.get)
                if not top.startswith(COMPUTER_CODES) or IT_MANAGERS not in self.index.soc_titles:
                    return {}
                # the role's codes as an alias scores them ("data analyst": Data Scientists and their BI analysts
                # alike, which prefer_base settles), the team's manager behind
                return {**{c: v / codes[top] * SPAN_P for c, v in codes.items()},
                        IT_MANAGERS: max(MANAGED_P, codes.get(IT_MANAGERS, 0.0) / codes[top] * SPAN_P)}
        return {}

    def _lead_kinds(self) -> tuple[str, ...]:
        """The words before "lead" / "leader" that make a computer team's lead (`_team_lead`): "team", and, with
        `technical_leads`, "technical" ("Software Development Technical Lead", "Computer Vision Tech Lead": the
        normaliser reads "tech" before another word as "technical")."""
        return ("team", "technical") if self.technical_leads else ("team",)

    def _bare_lead(self, key: str, fields: Sequence[str]) -> str | None:
        """A bare team or technical lead with its team's field in another segment ("Team Leader (Java)", "Tech Lead -
        Python"): the field joined to the lead, when that reads as a computer team's lead (`_team_lead`)."""
        words = key.split()
        if not self.bracket_leads or len(words) != 2 or words[-1] not in ("lead", "leader") \
                or words[0] not in self._lead_kinds():
            return None
        for alt in dict.fromkeys(fields):
            if any(w in self.index.head_words for w in alt.split()):
                continue
            # the whole field, else a language or framework it names ("java e commerce": a Java team)
            for field in (alt, *(w for w in alt.split() if w in self.index.tech_words)):
                if self._team_lead(joined := f"{field} {key}"):
                    return joined
        return None

    def _computer_compound(self, key: str) -> dict[str, float]:
        """A title ending in a two-word computer-occupation role ("data analyst", "data engineer", "software
        engineer") names that role whatever field or tool precedes it: "Forensic Data Analyst" is a data analyst,
        not a forensic science technician, which the whole title's embedding prefers. Only when the role's best
        code is a computer occupation (`COMPUTER_CODES`), the word before it is not itself a role word, and that word
        with the head does not name another role ("actuarial analyst", "data engineer")."""
        words = key.split()
        cut = next((i for i, w in enumerate(words) if i > 0 and w in _QUALIFIERS), len(words))
        words = words[:cut]
        if len(words) < 3 or words[-3] in self.index.head_words:
            return {}
        if words[-2] == "research":  # "talent assessment research scientist": the field says which scientist
            return {}
        codes = self._exact(" ".join(words[-2:]))
        if not codes or not (top := max(codes, key=codes.get)).startswith(COMPUTER_CODES):
            return {}
        other = self._exact(f"{words[-3]} {words[-1]}")
        data_engineer = self.data_engineer_fields and words[-2:] == DATA_ENGINEER.split() and top == DATA_ENGINEERS
        if other and (named := max(other, key=other.get)) != top and not data_engineer \
                and not (self._other_worker(named, words[-1]) and not self._exact(" ".join(words))):
            return {}  # "actuarial data analyst", "data infrastructure engineer": the field names a role too; the model decides
        # ... but a data engineer's field is what the data is about, not an engineering discipline: "Quality Data
        # Engineer", "Software Data Engineer", "Geospatial Data Engineer" build data systems (the labels' Database
        # Architects every time), though "quality engineer", "software engineer" name other roles
        return {c: v / EXACT_P * COMPOUND_P for c, v in self._modern(codes, key).items()}

    def _other_worker(self, soc: str, head: str) -> bool:
        """Whether `soc`, the code of "<field> <head>" beside a title "<field> <computer role>", is another kind of
        worker than the title's: an occupation outside the computer and mathematical group (15-) whose own O*NET
        title does not name the head ("Claims Adjusters, Examiners, and Investigators" for "claim analyst", "Tax
        Examiners ..." for "tax analyst", "Insurance Claims and Policy Processing Clerks"). O*NET files such an
        alias under the worker who does the field's work, so "Claims Data Analyst" is still a data analyst of claims
        data, where the model read the field's worker. A field whose "<field> analyst" is an analysts' occupation
        ("Financial and Investment Analysts", "Logistics Analysts", "Market Research Analysts ...") or a computer or
        mathematical one (GIS technologists, actuaries) names a role the title may mean: the model decides. (A title
        before a qualifier that is an alias itself, "clinical data analyst for ...", is left to the span stage.)"""
        if not self.other_workers or soc.startswith("15-"):
            return False
        return head not in self._title_words(soc)

    def _split_compound(self, key: str) -> dict[str, float]:
        """A two-word computer-occupation role split by what it works on: "data pipeline engineer", "data
        virtualisation engineer" (first word + head: "data engineer"), or followed by a field that names no role
        ("data engineer business intelligence"). Only titles of three or four words (the second shape: up to
        SPLIT_TAIL_MAX, "data analyst revenue management optimization", "data engineer python and sql programming")
        whose role's best code is a computer occupation (`COMPUTER_CODES`), and, for the first shape, whose middle
        word with the head is no role of another code ("data security engineer" is left to the model: "security
        engineer" is a role)."""
        words = key.split()
        longest = SPLIT_TAIL_MAX if self.long_tails else 4
        if not 3 <= len(words) <= longest or any(w in _QUALIFIERS for w in words):
            return {}
        if words[0] == "research":
            return {}  # "Research Scientist Patient Preferences": the field says which science (as in _computer_compound)
        heads = self.index.head_words
        shapes = []
        if words[-1] in heads and not any(w in heads for w in words[:-1]) and len(words) <= 4:
            shapes.append((f"{words[0]} {words[-1]}", words[1:-1]))
        if words[1] in heads and not any(w in heads for w in words[2:]) and words[0] not in heads:
            shapes.append((f"{words[0]} {words[1]}", []))
        for role, middle in shapes:
            codes = self._exact(role)
            if not codes or not (top := max(codes, key=codes.get)).startswith(COMPUTER_CODES):
                continue
            if any((o := self._exact(f"{m} {words[-1]}")) and max(o, key=o.get) != top for m in middle):
                continue
            if middle and self._phrase_elsewhere(f"{words[0]} {middle[0]}", top):
                continue  # "data entry specialist": "data entry" is a phrase of Data Entry Keyers' aliases
            if self.trade_middles and len(middle) == 1 and (trade := self._trade_middle(middle[0])):
                return trade  # "data cabling engineer" installs network cabling: a network cabler, no data engineer
            return {c: v / EXACT_P * COMPOUND_P for c, v in self._modern(codes, role).items()}
        return {}

    def _trade_middle(self, word: str) -> dict[str, float]:
        """The worker a middle "-ing" word names when that work is a trade, no field of computing: "cabling" is a
        cabler's work, and O*NET's aliases ending "cabler" ("Network Cabler") are all filed under installation or
        construction trades (`TRADE_GROUPS`): telecommunications equipment and line installers. A worker of another
        group is no reading of data work ("data mapping analyst": "mapper", cartographers; "data labeling analyst":
        "labeler", production workers; "web scraping engineer": "scraper"). The store's 50 or so "Data Cabling
        Engineer" postings install structured, fibre and voice cabling; the split had read them as data engineers.
        Words of data work (`DATA_BUILD`, `DATA_STUDY`: "mining", "modeling", "warehousing") are left alone. The
        codes are those of the shortest such alias, at COMPOUND_P."""
        if not word.endswith("ing") or len(word) < 6 or word in DATA_BUILD or word in DATA_STUDY:
            return {}
        agent = word[:-3] + "er"
        aliases = sorted((self.index.keys[i] for i in self.index.inverted.get(agent, ())
                          if self.index.keys[i].split()[-1] == agent), key=lambda k: (len(k), k))
        if not aliases or not all(s.startswith(TRADE_GROUPS) for k in aliases for s in self._exact(k)):
            return {}  # "data mapping analyst" (a mapper: cartographers), "data labeling analyst" (production labelers)
        return {c: v / EXACT_P * COMPOUND_P for c, v in self._exact(aliases[0]).items()}

    def _phrase_elsewhere(self, phrase: str, soc: str) -> bool:
        """Whether the two-word `phrase` begins an alias filed only under codes of another occupation than `soc`,
        none of them a computer occupation (`COMPUTER_CODES`): "data entry" in "data entry clerk" (Data Entry Keyers),
        not "data analytics" (Data Scientists' "data analytics manager", a computer field like the data engineers')."""
        if self._bigrams is None:
            big: dict[str, set[str]] = defaultdict(set)
            for k, socs in zip(self.index.keys, self.index.key_socs):
                w = k.split()
                if len(w) >= 3:
                    big[f"{w[0]} {w[1]}"].update(socs)
            self._bigrams = dict(big)
        codes = self._bigrams.get(phrase, ())
        return bool(codes) and all(c[:7] != soc[:7] and not c.startswith(COMPUTER_CODES) for c in codes)

    def _supervisor(self, key: str) -> dict[str, float]:
        """"<workers> supervisor" (or foreman) that is no alias: the first-line supervisors of the workers the rest
        names ("pipefitter supervisor" -> 47-1011, "chief custodian supervisor" -> 37-1011), found by the workers'
        code (the words before the head, past any leading rank, as an alias or a field's role: "plumbing" ->
        "plumber") and the SOC group it belongs to (`SUPERVISED_BY`). A supervisor of professionals
        (`PROFESSIONAL_GROUPS`: no first-line supervisor code exists there) is classified with the workers, as the SOC
        does: "Survey Supervisor" directs survey parties and is a surveyor, not an office supervisor, which the model
        read."""
        words = key.split()
        if len(words) < 2 or words[-1] not in SUPERVISOR_HEADS or any(w in _QUALIFIERS for w in words):
            return {}
        mod = words[:-1]
        for s in range(len(mod)):
            if s and mod[s - 1] not in RANK_WORDS:
                # "golf starter supervisor": a starter (51-) is not what the golf starter is; only a role word whose
                # every sense has the same supervisor says who is supervised ("electric distribution mechanic")
                return self._one_supervisor(mod[-1]) if self.supervised_heads and len(mod) >= 2 else {}
            phrase = mod[s:]
            codes = self._exact(" ".join(phrase))
            if not codes and len(phrase) == 1 and (role := title_heads.role_word(phrase[0], self.index.head_words,
                                                                                  self._roles)):
                codes = self._exact(role)
            if not codes and len(phrase) == 1 and (role := self._agent_noun(phrase[0])):
                codes = self._exact(role)  # "survey supervisor": a supervisor of surveyors
            if not codes and len(phrase) >= 2 and self.supervised_fields and (
                    role := title_heads.as_role(phrase, self.index.head_words, self.index.pos.__contains__, self._roles)):
                codes = self._exact(role)  # "refuse collection supervisor": "refuse collector" (Refuse Collectors)
            if codes:
                top = max(codes, key=codes.get)
                sup = next((c for p, c in SUPERVISED_BY if top.startswith(p)), None)
                if sup is None and self.professional_supervisors and top.startswith(PROFESSIONAL_GROUPS):
                    return {top: SPAN_P}
                if sup is None or sup not in self.index.soc_titles:
                    return {}
                return {sup: SPAN_P, top: MANAGED_P} if top != sup else {sup: SPAN_P}
        return {}

    def _one_supervisor(self, word: str) -> dict[str, float]:
        """The first-line supervisor of a role word's workers when every code its bare alias is filed under has the
        same one (`SUPERVISED_BY`): "mechanic" (industrial, farm, automotive ... mechanics: 49-1011) names who an
        "Electric Distribution Mechanic Supervisor" supervises; "technician" (engineering, science, health, repair)
        does not, nor does a word with a professional sense. "Every" is ONE_SUPERVISOR of the codes, the lead one
        among them: one of the eleven "mechanic" codes is an assembler's (51-2023)."""
        codes = self._exact(word) if word in self.index.head_words else {}
        if not codes:
            return {}
        sups = [next((c for p, c in SUPERVISED_BY if code.startswith(p)), None) for code in codes]
        top = max(codes, key=codes.get)
        if (self.one_profession and self.professional_supervisors and len({c[:7] for c in codes}) == 1
                and top.startswith(PROFESSIONAL_GROUPS)):
            # "Improvement Assessor Supervisor": "assessor" names one occupation, of professionals (Appraisers and
            # Assessors of Real Estate), whose supervisors the SOC classifies with them, as _supervisor does
            return {top: SPAN_P}
        sup = sups[list(codes).index(top)]  # the lead sense's
        if sup is None or sup not in self.index.soc_titles or sups.count(sup) < ONE_SUPERVISOR * len(sups):
            return {}
        return {sup: SPAN_P}

    def _chief(self, key: str) -> dict[str, float]:
        """"Chief <workers>" that is no alias: the head of the workers. A chief of engineers directs an engineering
        division (LA City's "Chief Harbor Engineer", "Chief Airports Engineer": Architectural and Engineering
        Managers, where the model read ship or civil engineers); a chief of workers with a first-line supervisor code
        (`SUPERVISED_BY`) is that supervisor. The workers: the words after "chief" as an alias, else its tail (its
        role word last). Officers, executives ("Chief Data Officer") and professionals other than engineers are left
        to the other stages, as is "chief of ..."."""
        words = key.split()
        if not self.chiefs or len(words) < 2 or words[0] != "chief" or any(w in _QUALIFIERS or w == "of" for w in words):
            return {}
        rest = words[1:]
        if rest[-1] not in self.index.head_words or rest[-1] in ("officer", "executive"):
            return {}
        codes = next((c for s in range(len(rest)) if (c := self._exact(" ".join(rest[s:])))), {})
        if not codes:
            return {}
        top = max(codes, key=codes.get)
        if top.startswith("17-2") and ENGINEERING_MANAGERS in self.index.soc_titles:
            return {ENGINEERING_MANAGERS: SPAN_P, top: MANAGED_P}
        sup = next((c for p, c in SUPERVISED_BY if top.startswith(p)), None)
        if sup is None or sup not in self.index.soc_titles:
            return {}
        return {sup: SPAN_P, top: MANAGED_P} if top != sup else {sup: SPAN_P}

    def _ml_engineer(self, key: str) -> dict[str, float]:
        """An engineer or developer of a machine-learning field ("Deep Learning Engineer", "NLP Engineer", "AI
        Engineer", "Machine Learning Developer") is a machine learning engineer: O*NET's "Machine Learning Engineer"
        codes, Data Scientists first. The source files the store's postings so titled as machine learning engineer
        jobs (deep learning 9 of 12, NLP 8 of 17, AI engineer 109 of ~200, the rest data scientist or data engineer
        jobs); O*NET files "AI Engineer" under Computer and Information Research Scientists only and has no other of
        these titles (the model read software developers, research scientists, word processors). Only the field
        directly before the role word, with no other role word before it. Computer vision is left out: its titles
        are posted as software engineer jobs as often (15 of 37)."""
        words = key.split()
        if not self.ml_engineers or len(words) < 2 or words[-1] not in ("engineer", "developer") or key == ML_ENGINEER:
            return {}  # O*NET's own "Machine Learning Engineer" is the exact stage's, its three codes split as filed
        body = " ".join(words[:-1])
        field = next((f for f in ML_FIELDS if body == f or body.endswith(" " + f)), None)
        if field is None or any(w in self.index.head_words for w in body[:-len(field)].split()):
            return {}
        codes = self._exact(ML_ENGINEER)
        if DATA_SCIENTISTS not in codes:
            return {}
        # Data Scientists first, as the store's employment prior ranks the alias's three codes, the other two behind
        return {**{c: MANAGED_P for c in codes}, DATA_SCIENTISTS: SPAN_P}

    def _erp_consultant(self, key: str) -> dict[str, float]:
        """A consultant of an ERP product ("SAP FI/CO Consultant", "SAP SD Functional Consultant", "SAP Data Consultant")
        configures the product's modules for a client's business processes: O*NET's "ERP Consultant" (Computer Systems
        Analysts). "SAP" is no technology word of the index (O*NET's "Sap Gatherer" claims it), so the span stage read
        "consultant" (chemical technicians, geoscientists) and the fuzzy one "SAP Counselor" (a substance abuse
        professional). Only a title ending in "consultant" that names the product before it."""
        words = key.split()
        if not self.erp_consultants or len(words) < 2 or words[-1] != "consultant" or not ERP_WORDS & set(words[:-1]):
            return {}
        codes = self._exact(ERP_CONSULTANT)
        return {c: v / EXACT_P * SPAN_P for c, v in codes.items()}

    def _agent_noun(self, word: str) -> str | None:
        """The worker a task word names by its agent suffix ("survey" -> "surveyor", "plaster" -> "plasterer"), when
        that is a role word of the index; `title_heads.role_word` reads a field that goes past the stem
        ("engineering" -> "engineer"), not a bare task."""
        for suffix in ("or", "er"):
            if (role := word + suffix) in self.index.head_words and role in self.index.pos:
                return role
        return None

    def _teaching_subject(self, key: str) -> dict[str, float]:
        """"Lecturer in Statistics and Applied Probability", "Assistant Professor in Nursing", "Teacher of Chemistry":
        a teacher (`TEACHING_HEADS`) "in" or "of" a subject teaches that subject, so the subject's teacher alias
        decides ("statistics professor": Mathematical Science Teachers). Without this the span "lecturer" or
        "assistant professor", an alias of some thirty teaching codes, settled on whichever scored best (Education
        Teachers). The subject is the words after "in" / "of" up to the first "and" / "or" (its longest head first),
        tried with the title's own teaching word, then with each other one; only a teaching code (25-) is taken."""
        words = key.split()
        i = next((i for i, w in enumerate(words[:-2]) if w in TEACHING_HEADS and words[i + 1] in ("in", "of")), None)
        if i is None:
            return {}
        subject = words[i + 2:]
        cut = next((j for j, w in enumerate(subject) if w in ("and", "or") or w in _QUALIFIERS), len(subject))
        subject = subject[:cut]
        heads = [words[i]] + sorted(TEACHING_HEADS - {words[i]})
        for n in range(len(subject), 0, -1):
            for head in heads:
                phrase = " ".join(subject[:n] + [head])
                codes = self._exact(phrase)
                if codes and (top := max(codes, key=codes.get)).startswith("25-"):
                    return {c: v / EXACT_P * SPAN_P for c, v in codes.items()}
        return {}

    def _tech_role(self, key: str) -> bool:
        """"Node.js Engineer", "Kotlin Developer", "Python / Django Engineer": a developer or engineer named by
        the languages and frameworks used (`index.tech_words`, from O*NET's development software)."""
        words = key.split()
        if len(words) < 2 or words[-1] not in _TECH_HEADS:
            return False
        known = self.index.tech_words
        tech = [w for w in words[:-1] if w in known or (w.endswith("j") and w[:-1] in known)]  # "reactj": React.js
        return bool(tech) and all(w in tech or w in _TECH_FILLER for w in words[:-1])

    def _js_developer(self, words: list[str]) -> dict[str, float]:
        """"React Developer", "Javascript/React Developer": a framework O*NET spells with ".js" ("React.js Developer",
        normalised "reactj developer": Web Developers) is that alias when the title writes it without; with several
        languages the one O*NET names in such an alias speaks. A full-stack or back-end title is left as it is (the
        labels' software developers). Each framework word is tried alone ("<word>j developer", as O*NET writes it),
        so a title needs nothing but the framework's name."""
        if {"full", "back", "backend", "fullstack"} & set(words):
            return {}
        best: dict[str, float] = {}
        for w in words[:-1]:
            if w in self.index.tech_words and not w.endswith("j"):
                hit = self._exact(f"{w}j developer", senses=True)
                if hit and max(hit.values()) > max(best.values(), default=0.0):
                    best = hit
        return best

    def _first_conjunct(self, key: str) -> dict[str, float]:
        """A title joining two roles with one "and" ("data analyst and project coordinator", "surveyor and data
        analyst", "ai engineer and machine learning engineer"), that no dictionary stage settles whole, is its first
        role when the words before "and" settle as a title ending in a role word: the labels' reading of such titles.
        The model read the whole as one title and often took the second role, or neither ("data analyst and it
        project manager" -> computer and information systems managers). Both sides must end in a role word ("courier
        and logistics" names no second role: a field, left alone); a qualifier ("in", "for", "of", "to") before the
        "and" leaves the title to the others. Measured and not kept: "<field a> and <field b> <role>" read as "<field
        a> <role>" (dev +2 / +2, but in the store "server and endpoint management engineer" became a waiter and
        "commissioning and contracting pharmacy technician" a wind turbine technician). A computing word alone before
        the "and" ("server", "network", `ADMIN_IT_WORDS`) is the second role's field, not a role (the waiters')."""
        words = key.split()
        if words.count("and") != 1 or {"in", "for", "of", "to", "with", "at"} & set(words):
            return {}
        i = words.index("and")
        left, right = words[:i], words[i + 1:]
        heads = self.index.head_words
        if not left or not right or left[-1] not in heads or right[-1] not in heads:
            return {}
        if len(left) == 1 and left[0] in ADMIN_IT_WORDS:  # "server and endpoint management engineer": a field
            return {}
        hit, method = self._settle(" ".join(left))[:2]
        if hit and method == "exact":
            return {c: v / EXACT_P * SPAN_P for c, v in hit.items()}
        return hit if method == "span" else {}

    def _modern(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """O*NET still files language titles ("Java Developer") under Computer Programmers; postings that
        call the job a developer or engineer mean a software developer, so that code leads."""
        if scores and max(scores, key=scores.get) == PROGRAMMERS and self._head(key) in ("developer", "engineer"):
            scores = {**scores, DEVELOPERS: scores[PROGRAMMERS]}
            scores[PROGRAMMERS] *= 0.8
        if self.software_titles and scores and key.endswith(SOFTWARE_ROLES) and "front" not in key.split() \
                and (top := max(scores, key=scores.get)) in WEB_CODES and DEVELOPERS in self.index.soc_titles:
            # O*NET files "Back End Software Engineer" under Web Developers only and "Web Software Engineer" under web
            # designers and developers: a title that says "software engineer" is a software developer first (the
            # source files the store's 33 "Backend Software Engineer" postings as software engineer jobs). A front-end
            # software engineer builds web interfaces, O*NET's web developers' work, and keeps their code
            scores = {**scores, DEVELOPERS: max(scores[top], scores.get(DEVELOPERS, 0.0)), top: scores[top] * MANAGED_P
                      / SPAN_P}
        return scores

    def _head(self, key: str) -> str | None:
        """The title's role word: the last family-naming word before any qualifier ("for", "in")."""
        words = key.split()
        cut = next((i for i, w in enumerate(words) if i > 0 and w in _QUALIFIERS), len(words))
        for w in reversed(words[:cut]):
            if w in self.index.head_words:
                return w
        return None

    def _with_description(self, scores: dict[str, float], description: str) -> dict[str, float]:
        emb = self.embedder
        if emb is None or self.index.desc_vectors is None or not description.strip():
            return scores
        v = emb.encode([description[:1500]])[0]
        sims = dict(zip(self.index.desc_socs, (self.index.desc_vectors @ v).tolist()))
        best = sorted(sims.items(), key=lambda kv: -kv[1])[:TOP_K]
        if not scores:  # title told us nothing: the description alone, weakly
            return {s: 0.5 * _sigmoid(15 * (c - 0.55)) for s, c in best}
        # the description's nearest occupations join the title's candidates; every score is re-weighed
        cand = set(scores) | {s for s, _ in best}
        return {s: 0.7 * scores.get(s, 0.0) + 0.3 * _sigmoid(15 * (sims.get(s, 0.0) - 0.5)) for s in cand}

    # public -----------------------------------------------------------------------------------
    def resolve_keys(self, keys: Sequence[str], model_for: Collection[str] | None = None, *,
                     weak_below: float = 0.0, weak_skip: Collection[str] = (),
                     ) -> dict[str, tuple[dict[str, float], str]]:
        """Scores per distinct key; the model runs once, batched, over the unsettled ones.

        With `model_for`, unsettled keys outside it keep their cheap evidence (the roles build skips the
        model for one-off posting titles); they are listed in `self.partial` and must not be cached. A key
        whose cheap evidence stays below `weak_below` gets the model all the same (unless in `weak_skip`):
        a weak guess is otherwise what its posting is counted under.
        """
        out: dict[str, tuple[dict[str, float], str]] = {}
        pending: list[tuple[str, dict[str, float], str]] = []
        self.partial: set[str] = set()
        for k in dict.fromkeys(keys):
            if not k:
                out[k] = ({}, "none")
            elif k in self.cache:
                matches, method = self.cache[k]
                out[k] = (dict(matches), method)
            else:
                scores, method, settled = self._cheap(k)
                if settled:
                    out[k] = (scores, method)
                elif model_for is not None and k not in model_for and (
                        k in weak_skip or max(scores.values(), default=0.0) >= weak_below):
                    out[k] = (scores, method)
                    self.partial.add(k)
                else:
                    pending.append((k, scores, method))
        embs, q = self._embedding([p[0] for p in pending])
        for (k, cheap, method), emb in zip(pending, embs):
            scores = _merge(cheap, emb, agree=True)
            out[k] = (scores, "embedding" if emb and max(emb.values()) >= max(cheap.values(), default=0) else method)
        for k, (scores, method) in out.items():
            if k not in self.cache:
                out[k] = (self._demote_all_other(scores), method)
        if pending and self.rerank and q is not None and title_rerank.enabled(self):
            keys = [p[0] for p in pending]
            for k, (codes, X) in zip(keys, title_rerank.features(self, keys, q,
                                                                 [current_scores(out[k][0]) for k in keys])):
                if len(codes):
                    p = title_rerank.score(X)
                    scores = {c: float(v) for c, v in zip(codes, p)}
                    best = max(scores, key=scores.get)
                    scores[best] = max(scores[best], MIN_SCORE)  # the best guess is still reported, as before
                    out[k] = (self._modern(scores, k), "embedding")
        for k, (scores, method) in out.items():
            if k not in self.cache:
                if method == "embedding" and self.unshared_words:
                    scores = self._unshared(scores, k)
                if method == "embedding":
                    scores = self._science_codes(scores, k)
                    scores = self._rankless_supervisor(scores, k)
                    scores = self._office_administrator(scores, k)
                    scores = self._director(scores, k)
                out[k] = (prefer_base(self._data_build(self._nurse_kind(self._licensed_head(scores, k), k), k),
                                      self.index.soc_titles, k), method)
        for k in out:
            if k not in self.cache and k not in self.partial:
                self.seen[k] = out[k]
        return out

    def _code_vocab(self, soc: str) -> frozenset[str]:
        """Every word of every alias filed under `soc` (memoised; built for all codes at the first call)."""
        if not self._vocab_by_code:
            words: dict[str, set[str]] = defaultdict(set)
            for k, socs in zip(self.index.keys, self.index.key_socs):
                for c in socs:
                    words[c].update(k.split())
            self._vocab_by_code = {c: frozenset(w) for c, w in words.items()}
        return self._vocab_by_code.get(soc, frozenset())

    def _unshared(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """The model's lead code, if one of UNSHARED_CODES (Financial and Investment Analysts), falls back
        (x UNSHARED_MISS) when none of the title's words before its role word occurs in any alias of that code while
        another candidate's aliases use one: a "MIV Project Analyst" is no financial analyst, whose aliases never say
        "project" (Management Analysts' do). On dev-dev14 the model put 11 "... analyst" titles on that code; the 3
        it had right say "financial", one of its alias words."""
        if not scores:
            return scores
        words = key.split()
        head = self._head(key)
        if head is None or head not in words:
            return scores
        mods = [w for w in words[:words.index(head)] if w not in _TITLE_STOP]
        if not mods:
            return scores
        top = max(scores, key=scores.get)
        if top not in UNSHARED_CODES:
            return scores
        if any(w in self._code_vocab(top) for w in mods):
            return scores
        if not any(any(w in self._code_vocab(c) for w in mods) for c in scores if c != top):
            return scores
        return {**scores, top: scores[top] * UNSHARED_MISS}

    def _licensed_head(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A title headed by a licensed health profession ("Alcohol Liaison Nurse") names that profession: codes
        that never use the word (Substance Abuse Counselors) fall well behind any candidate that does. Other heads
        ("engineer", "analyst") are looser and keep the milder HEAD_MISS of the embedding stage. A scientist title
        (SCIENCE_HEADS) is demoted the same way: "Scientist - Analytical Services" is no operations manager."""
        head = self._head(key)
        teaching = self.teaching_heads and head in TEACHING_HEADS
        science = self.science_heads and head in SCIENCE_HEADS
        trade = self.trade_heads and head in TRADE_HEADS
        if not scores or not (head in LICENSED_HEADS or teaching or science or trade):
            return scores
        heads = self.index.code_heads
        if not any(head in heads.get(c, ()) for c in scores):
            return scores
        out = {c: v if head in heads.get(c, ()) else v * LICENSED_MISS for c, v in scores.items()}
        if teaching or trade:
            # the re-ranker leaves a teacher far behind the field's practitioner ("Data Analytics Instructor": Data
            # Scientists 0.77, Mathematical Science Teachers 0.03): the best candidate that teaches takes the lead
            best = max((c for c in out if head in heads.get(c, ())), key=out.get)
            out[best] = max(out[best], max(scores.values()))
        return out

    def _rankless_supervisor(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A title the model reads as a first-line supervisor while it names no one in charge (no CHARGE_WORDS: no
        supervisor, foreman, lead, chief, head, manager ...) is a worker: the supervisor codes fall behind the best
        other candidate. The supervisors' O*NET titles name the workers ("... of Construction
        Trades and Extraction Workers", "... of Office and Administrative Support Workers"), so the model put LA
        City's "Masonry Worker", "Wastewater Collection Worker", "Protective Coating Worker", "Garage Assistant" and
        the UK's "Customer Service Advisor" on them. They fall to RANKLESS_CAP of the best other candidate, only when
        another candidate is no supervisor. So for the helpers' codes ("Helpers--Production Workers") and a title
        naming no helper (HELPER_WORDS): "Communications Cable Worker" installs cables."""
        if not scores or not self.rankless_supervisors:
            return scores
        titles, words = self.index.soc_titles, set(key.split())
        for rank, named in ((FIRST_LINE, CHARGE_WORDS), (HELPERS, HELPER_WORDS)):
            if words & named or not titles.get(max(scores, key=scores.get), "").startswith(rank):
                continue
            rest = [v for c, v in scores.items() if not titles.get(c, "").startswith(rank)]
            if rest:
                cap = max(rest) * RANKLESS_CAP
                scores = {c: min(v, cap) if titles.get(c, "").startswith(rank) else v for c, v in scores.items()}
        return scores

    def _office_administrator(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A title the model reads whose role word is "administrator", with no computing word (ADMIN_IT_WORDS) and no
        other role word: an office administrator, the best office code (43-) among the candidates leading, else
        ADMIN_OFFICE ("administrator" alone, OVERRIDES). O*NET files "administrator" under administrative services
        managers, web, network and database administrators, so the model read "Team Health Administrator", "Patient
        Services Administrator", "Senior Administrator Corporate" as managers and "Safeguarding Adults Administrator"
        as a database administrator; of the store's 283 postings whose title says "administrator" and no computing
        word, 272 are NHS or Adzuna UK posts (a UK administrator keeps an office's records, diaries and letters).
        So is a title that names office work (OFFICE_WORK: "Patient Flow Administration Assistant", nursing assistants
        to the model; "Radiology Clerical Officer", radiologic technologists) with an assistant's, officer's or clerk's
        role word (OFFICE_HEADS) or none, and no one in charge (CHARGE_WORDS): its office code is no supervisor's."""
        if not scores or not self.office_administrators:
            return scores
        words = key.split()
        head = self._head(key)
        office_work = (self.office_work and bool(set(words) & OFFICE_WORK) and head in OFFICE_HEADS
                       and not set(words) & CHARGE_WORDS)
        if (head != "administrator" and not office_work) or len(words) < 2 or set(words) & ADMIN_IT_WORDS:
            return scores
        if any(w in self.index.tech_words for w in words):
            return scores  # "Kafka Administrator": a language or framework O*NET's development software names
        heads = self.index.head_words
        if any(w in heads or w in LICENSED_HEADS for w in words if w != head and w not in OFFICE_WORK):
            return scores  # "General Scientist Administrator": another role's administrator
        top = max(scores, key=scores.get)
        if top.startswith("43-") or ADMIN_OFFICE not in self.index.soc_titles:
            return scores
        office = [c for c in scores if c.startswith("43-")  # a title naming no one in charge is no supervisor
                  and not (office_work and self.index.soc_titles.get(c, "").startswith(FIRST_LINE))]
        best = max(office, key=scores.get) if office else ADMIN_OFFICE
        return {**scores, best: min(0.99, scores[top] + 0.01)}

    def _director(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A title whose role word is "director" ("<field> director", "director of <field>") that the model reads
        names someone who directs the field's work: when a management occupation (11-) is among the reported
        candidates (MIN_SCORE), the best of them leads (as a teacher's title leads to teachers) and every candidate
        that is neither a manager nor an occupation whose own O*NET title says "director" (Producers and Directors,
        Art Directors: left as they are, never raised) falls behind (x LICENSED_MISS). The model read the field's
        workers: "Director, Data Management" a clinical data manager, "Director, Decision Science Analytics" an
        operations research analyst, "DIRECTOR OF AIRPORT OPERATIONS" an airfield operations specialist,
        "Director, Delivery Services" a first-line supervisor of office workers. A lead that is a manager or a
        director already, or no manager reported, leaves the scores alone."""
        words = key.split()
        if not scores or not self.directors or len(words) < 2:
            return scores
        if words[-1] != DIRECTOR and not (words[0] == DIRECTOR and words[1] == "of"):
            return scores
        managers = [c for c in scores if c.startswith("11-")]
        top = max(scores, key=scores.get)
        if not managers or top.startswith("11-") or self._directs(top, words):
            return scores
        best = max(managers, key=scores.get)
        if scores[best] < MIN_SCORE:
            return scores
        out = {c: v if c.startswith("11-") or self._directs(c, words) else v * LICENSED_MISS
               for c, v in scores.items()}
        out[best] = max(out[best], scores[top])
        return out

    def _directs(self, soc: str, words: list[str]) -> bool:
        """Whether `soc` is an occupation of directors that the title's words name: its O*NET title says "director"
        and (with `field_directors`) a word of the title other than "director" is a word of its aliases that few codes'
        aliases use (FIELD_WORD_CODES): "film director" names Producers and Directors, "aquatic director" and "director of
        program monitoring and evaluation" do not ("program" is in the aliases of 91 codes), so the model's reading of
        the bare word, the film director, no longer outranks the managers it also reported."""
        if DIRECTOR not in self._title_words(soc):
            return False
        if not self.field_directors:
            return True
        if self._word_code_counts is None:
            self._code_vocab(soc)
            counts: dict[str, int] = defaultdict(int)
            for vocab in self._vocab_by_code.values():
                for w in vocab:
                    counts[w] += 1
            self._word_code_counts = dict(counts)
        vocab = self._code_vocab(soc)
        return any(w != DIRECTOR and w in vocab and self._word_code_counts.get(w, 0) <= FIELD_WORD_CODES for w in words)

    def _science_codes(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A scientist title the dictionary stages leave to the model ("ALS Beamline Scientist", "Proteomics
        Scientist", "RWE Scientist") names a scientist: the SOC's scientist occupations (`SCIENCE_CODES`: life,
        physical and social scientists, computer and information research scientists, statisticians, data scientists,
        medical laboratory scientists) keep their scores and every other candidate falls behind (x LICENSED_MISS): the model's neighbours of an
        unknown field were audiologists, non-destructive testing specialists, forensic science technicians. Only when
        a scientist code is among the candidates; science technicians (19-4) are no scientists."""
        if not scores or not self.science_codes or self._head(key) not in SCIENCE_HEADS:
            return scores
        if not any(c.startswith(SCIENCE_CODES) for c in scores):
            return scores
        return {c: v if c.startswith(SCIENCE_CODES) else v * LICENSED_MISS for c, v in scores.items()}

    def _data_build(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A data title that names building or running data systems and no analysis ("streaming data engineer",
        "data infrastructure lead", "big data developer") is a data engineer's (Database Architects), not a data
        scientist's: the embedding puts every "data ..." title near Data Scientists, the most posted data code."""
        if not self.data_build or not scores.get(DATA_SCIENTISTS):
            return scores
        if DATA_ENGINEERS not in scores and not (self.data_build_absent and DATA_ENGINEERS in self.index.soc_titles):
            return scores
        words = set(key.split())
        if "data" not in words or not words & DATA_BUILD or words & DATA_STUDY:
            return scores
        if max(scores, key=scores.get) != DATA_SCIENTISTS:
            return scores
        # the data engineers' code may be no candidate at all ("data infrastructure specialist" read by the
        # "data specialist" alias): it comes in with the lead, the data scientists' code second
        second = scores.get(DATA_ENGINEERS, scores[DATA_SCIENTISTS] * MANAGED_P)
        return {**scores, DATA_ENGINEERS: scores[DATA_SCIENTISTS], DATA_SCIENTISTS: second}

    def _nurse_kind(self, scores: dict[str, float], key: str) -> dict[str, float]:
        """A nurse is a registered nurse unless the title says practical, vocational, licensed or enrolled (the
        LPN / LVN / UK enrolled grade): the embedding neighbours of "Bank Staff Nurse" include LPN aliases ("staff
        nurse" is one), which must not outrank the registered nurse that "nurse" alone means in a posting."""
        if LPN not in scores or self._head(key) != "nurse":
            return scores
        if LPN_WORDS & set(key.split()):
            if RN in scores and scores[RN] > scores[LPN]:
                return {**scores, LPN: scores[RN], RN: scores[LPN]}
            return scores
        if self.nurse_kind and RN in self.index.soc_titles:
            return {**scores, LPN: scores[LPN] * LPN_MISS, RN: max(scores.get(RN, 0.0), scores[LPN])}
        return scores

    def _demote_all_other(self, scores: dict[str, float]) -> dict[str, float]:
        """Scale residual "All Other" codes down so any named occupation with similar evidence wins, and
        nudge codes employers post often (`index.prior`: up to +PRIOR_W for codes with 1,000+ postings)."""
        titles, prior = self.index.soc_titles, self.index.prior
        out = {}
        for s, p in scores.items():
            if titles.get(s, "").endswith("All Other"):
                p *= ALL_OTHER
            if prior:
                p *= 1 + PRIOR_W * min(1.0, math.log10(1 + prior.get(s, 0.0)) / 3)
            out[s] = p
        return out

    def resolve_many(self, titles: Iterable[str], descriptions: Sequence[str | None] | None = None,
                     top: int = TOP_K) -> list[Resolution]:
        titles = ["" if t is None else str(t) for t in titles]
        seen: dict[str, NormalizedTitle] = {}
        for t in titles:
            if t not in seen:
                seen[t] = normalize(t)
        keys = {t: self.choose_key(n) for t, n in seen.items()}
        chosen = [keys[t] for t in titles]
        family = {k: self.roles.family_key(k) for k in set(chosen)} if self.roles is not None else {}
        by_key = self.resolve_keys([family.get(k, k) for k in chosen])
        results = []
        for i, (t, k) in enumerate(zip(titles, chosen)):
            scores, method = by_key[family.get(k, k)]
            if descriptions is not None and descriptions[i]:
                scores = self._with_description(scores, descriptions[i] or "")
            named = self.occupation_named(t)
            if named:
                scores, method = {**scores, named: 1.0}, "exact"
            ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            matches = [Match(s, self.index.soc_titles.get(s, s), min(1.0, p)) for s, p in ranked if p >= MIN_SCORE]
            res = Resolution(t, k, matches, method if matches else "none")
            if self.roles is not None:
                res.role_slug, res.role_title = (self.roles.by_soc[named] if named in self.roles.by_soc else
                                                 self.roles.role_for(k, matches[0].soc_code if matches else None))
            results.append(res)
        return results

    def occupation_named(self, title: str) -> str | None:
        """The code of the O*NET occupation whose own title this is, as typed (case and spacing aside).
        Normalising reads ", Postsecondary" or ", Wood" as a location or team suffix and a specialty's title as its
        base's, so 22 of the 1,016 occupation titles resolved to another occupation ("Bus Drivers, School" to transit
        drivers, "Special Education Teachers, Middle School" to preschool's) and one to nothing ("Compensation,
        Benefits, and Job Analysis Specialists"): a person or a script who types an occupation's name means it."""
        if self._typed_titles is None:
            self._typed_titles = {" ".join(v.split()).casefold(): s for s, v in self.index.soc_titles.items()}
        return self._typed_titles.get(" ".join(title.split()).casefold())

    def resolve(self, title: str, description: str | None = None, top: int = TOP_K) -> Resolution:
        return self.resolve_many([title], [description] if description else None, top=top)[0]


def prefer_base(scores: dict[str, float], soc_titles: dict[str, str], key: str = "") -> dict[str, float]:
    """An O*NET specialty (".01", ".02": Business Intelligence Analysts under Data Scientists) leads only
    when its base occupation is not among the reported candidates; otherwise the base takes the lead
    score - unless the base is a residual "All Other" (Urologists, not Physicians, All Other). On the
    hand-labelled dev set, titles whose family offers both were labelled with the base
    code 35 times out of 40 ("Data Analyst" is a Data Scientists 15-2051.00 posting, not a BI analyst).

    A title (`key`) that says the specialty's own O*NET name keeps it: "Power BI Analyst" is a business intelligence
    analyst, whichever neighbour of the model brought the base code into the candidates."""
    shown = current_scores(scores)
    if not shown:
        return scores
    top = min(shown, key=lambda s: (-shown[s], s))
    base = top[:8] + "00"
    if top.endswith(".00") or base not in shown or soc_titles.get(base, "").endswith("All Other"):
        return scores
    if key and _says(key, _occupation_key(soc_titles.get(top, ""))):
        return scores
    return {**scores, base: scores[top]}


@lru_cache(maxsize=None)
def _occupation_key(title: str) -> str:
    return normalize(title).text if title else ""


def _says(key: str, phrase: str) -> bool:
    """Whether `phrase` is a run of whole words of `key`."""
    return bool(phrase) and f" {phrase} " in f" {key} "


def current_scores(scores: dict[str, float]) -> dict[str, float]:
    """The reported part of a score dict: the top codes at or above MIN_SCORE, clipped to 1."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_K]
    return {s: min(1.0, p) for s, p in ranked if p >= MIN_SCORE}


def _merge(a: dict[str, float], b: dict[str, float], agree: bool = False) -> dict[str, float]:
    """Max of the two; when both methods name the same code, a noisy-or bonus."""
    out = dict(a)
    for s, p in b.items():
        if s in out and agree:
            out[s] = 1 - (1 - out[s]) * (1 - 0.5 * p)
        else:
            out[s] = max(out.get(s, 0.0), p)
    return out
