"""Text -> ranked skills of the taxonomy, in two stages.

1. Lexical: every alias of `skill_aliases` in one Aho-Corasick automaton over normalised text (case,
   accents, dashes, spacing folded), matches kept only on word boundaries ("C" is not in "C++"),
   longest match wins where one match lies inside another (matches that overlap in part are both kept:
   "deep learning" and "learning models" in "deep learning models"), and alias rules for ambiguous names ("R", "Go", "Spark"):
   see `careerpath.extract.taxonomy`. Cost is linear in the text.
2. Semantic: sentences and clauses, with the requirement frame in front stripped ("Strong experience
   with ..."), are embedded (MiniLM) and linked to the nearest ESCO-backed skills by cosine similarity
   minus a small specificity prior (long, narrow labels pay per word) plus a smaller popularity prior (skills
   that postings and courses name outright, `skill_popularity`: a tie-breaker), for skills stated in other words
   ("build dashboards for executives"). One vector per skill, the mean of its label's and its
   label + definition's (cached in the store, `skill_embeddings`): a max over separate label,
   alternative-label and definition vectors ranked worse on both dev sets (bench/README.md).
   Two model-free corrections towards the broad competences postings mean (`skill_labels`): a small prior
   for general skills that other ESCO labels specialise, and a bonus for labels whose content words all
   occur in a segment. A skill matched lexically only through an ESCO alternative label (often the object without
   its verb: "test results") is ranked with these links, by its cosine, rather than above them (`alt_lexical_bonus`).
   In `extract`, a segment's cosine is mixed half and half with the whole text's (the mean of its segment vectors),
   so one noun of a clause ("product stack") pulls less towards another field (`sem_context_weight`).
   In a plain text (no programming/statistics cue word, no software or tool named: `is_technical`), general skills get a
   larger prior (`sem_plain_general_weight`).

Scores are in [0, 1]: lexical hits 0.75-1.0 (a skill named outright ranks first), semantic links their
calibrated similarity. Every hit carries the character spans (of the input) it was found at.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, field
from typing import Iterable

import ahocorasick_rs
import duckdb
import numpy as np

from careerpath.embed import DIM, Embedder
from careerpath.extract.boilerplate import blank_boilerplate
from careerpath.extract.skill_competences import CRITICAL, DISABILITY, EMPATHY, NURSE_LEAD, PRACTICE_PHRASES, SHIFTS, duty_spans
from careerpath.extract.skill_competences import (ANALYSIS_PHRASES, ANALYTICS_PHRASES, CLERICAL, COLLAB_PHRASES, COMMUNICATION,
                                                   COOPERATE_PHRASES, OTHER_SENSES, PASS24_FAMILIES, SUPERVISE_STAFF,
                                                   DATA_PHRASES, DRIVE, DRIVE_PHRASES, ELDERLY, INDEPENDENCE_PHRASES, INITIATIVE_PHRASES, LEAD_TEAM, LONGTERM,
                                                   PEOPLE_PHRASES, PROGRAMMING_PHRASES, REPORT_PHRASES, ROLE_NOUNS, TEAM,
                                                   SOFT, TRAIT_PHRASES, WEAK, LanguageForms, car_spans, category_competences,
                                                   sentence_span,
                                                   colleague_before, credential_competences, key_places, lower_text,
                                                   merged_concepts, role_spans)
from careerpath.extract.skill_labels import CoverIndex, LabelVocab, specialisation_counts, stems
from careerpath.extract.skilltext import normalise, strip_frame
from careerpath.store import has_table


# separators an alias match may not run over unless the alias holds one (`ExtractConfig.lex_punct_stop`): a comma, semicolon,
# colon, bar, bullet, blank line, or a full stop, question or exclamation mark before a space. Not a bracket ("Amazon Web
# Services (AWS)" is one name) nor a single line break (LA City bulletins break lines inside sentences)
_LEX_STOP = re.compile(r"[,;:|\u2022\u00b7]|[.!?]\s|\n\s*\n")


@dataclass(frozen=True)
class ExtractConfig:
    """Every knob of the extractor in one place (thresholds, budgets, weights)."""

    max_chars: int = 1_000_000  # longer input is truncated (the CLI says so)
    blank_boilerplate: bool = True  # equal-opportunity and adjustment sentences name no skill (`boilerplate`)
    semantic: bool = True
    sem_threshold: float = 0.52  # cosine(segment, skill label) needed for a semantic link
    sem_top_k: int = 3  # candidates kept per segment (batch: precision of the stored rows)
    # a single text (`extract`) is ranked, not thresholded: lower-similarity links only fill places
    # below every stronger hit, so a looser floor and more candidates per segment raise R-P@5 (both dev sets)
    rank_threshold: float = 0.40
    rank_top_k: int = 5
    sem_max_segments: int = 48  # per document: bounds the model's work on long input
    sem_min_words: int = 3
    sem_max_words: int = 40
    sem_length_penalty: float = 0.005  # similarity taken off per label word beyond sem_length_free
    sem_length_free: int = 2
    # similarity added to skills that real documents name (given lists, lexical hits; `skill_popularity`):
    # weight * log(1 + n) / log(1 + max n), a tie-breaker between links of similar cosine
    sem_popularity_weight: float = 0.01
    # similarity added to a general skill that other ESCO labels specialise ("lead a team" <- "lead a team in
    # hospitality service"): weight * log(1 + number of such labels); a stand-in for ESCO's transversal skills
    sem_general_weight: float = 0.01
    # similarity added to a skill whose label's content words all occur (5-letter stems, any order, gaps
    # allowed) in a segment: "plan and manage their time" -> manage time (`skill_labels.CoverIndex`)
    sem_cover_bonus: float = 0.1
    # a skill found lexically only through ESCO alternative labels ("test results" -> communicate test results to
    # other departments, "monitoring devices" -> install rock movement monitoring devices) is ranked with the
    # semantic links, at its cosine to the segments it was found in plus this bonus, not above them: over dev-dev7
    # such hits were right 2 times in 20 (`extract` only; None keeps them lexical)
    alt_lexical_bonus: float | None = 0.1
    # an ESCO alternative label that is the preferred label without its first word ("contaminated materials" of *remove
    # contaminated materials*, "personnel" of *recruit personnel*, "law" of *insurance law*: 314 aliases of the taxonomy) names
    # the object, not the skill. "head": such a match counts only when its sentence also has a word starting like the
    # label's first word ("removal of contaminated materials"); "drop": never; None: as any alternative label (before the
    # twentieth pass). Labels whose first word is capitalised ("ICT system integration", "Apache Maven") are not affected.
    alt_object_only: str | None = "head"
    # lexical matches that overlap only in part ("deep learning" / "learning models" in "deep learning models",
    # "risk management" / "management plans") are both kept; a match inside the span of longer ones ("SQL" in "SQL
    # Server") is still dropped. False: the longest match alone (before the thirteenth pass).
    lex_keep_partial: bool = True
    # `extract`: a segment's cosine to a skill is mixed with the whole text's (the mean of its segment vectors), so one
    # noun of a clause ("product stack" -> stack goods, "usage history" -> teach history) pulls less towards another
    # field: (1 - w) * cos(segment) + w * cos(text). 0 switches it off; the batch rows do not use it.
    sem_context_weight: float = 0.5
    # semantic scores above 0.70 are squashed smoothly below 0.74, so strong links stay ordered by similarity
    # instead of tying at the cap (ties were broken by position)
    sem_soft_cap: bool = True
    # `extract` on a plain text (no programming/statistics cue word and no lexical hit of a software or tool skill,
    # `is_technical`): the context weight used instead of sem_context_weight (None: the same), and extra priors for
    # general skills (weight * log(1 + number of labels that specialise it)) and for skills documents name
    # (weight * log(1 + n) / log(1 + max n)), added to the ranking prior of every text
    # (thirteenth pass of issue 4: the general prior 0.02 adopted by the brief's rule, +0.4 pooled "other" over dev2-dev10, about one
    # sentence; the plain context weight, the plain popularity prior and the "subset" rule below were measured and are off)
    sem_context_weight_plain: float | None = None
    sem_plain_general_weight: float = 0.02
    sem_plain_popularity_weight: float = 0.0
    # how `skill_labels.specialisation_counts` finds the general labels: "span" (one span of words deleted) or
    # "subset" (the general label's content stems are a subset of the narrow one's)
    sem_general_rule: str = "span"
    # `extract`: each segment's best `sem_vocab_top_k` candidates (by the mixed, prior-adjusted cosine) gain
    # weight * coverage, the IDF-weighted share of the segment's content stems that the skill's labels (preferred and
    # alternative, taken together: `skill_labels.LabelVocab`) contain; then the best `rank_top_k` are kept. 0: off.
    # `sem_vocab_plain_only`: only in a plain text (`is_technical` false). (Fourteenth pass of issue 4: 0.1 in plain text
    # gave +0.3 pooled "other" over dev2-dev10 with blind dev11 unchanged -- noise-sized, not switched on; bench/README.)
    sem_vocab_weight: float = 0.0
    sem_vocab_top_k: int = 30
    sem_vocab_plain_only: bool = False
    # a language or a licence named in a sentence states a competence (`skill_competences`, fifteenth pass of issue 4):
    # the language's ESCO competence for each use a cue word of its sentence names ("speak", "fluent", "verbal" -> interact
    # verbally in L; uses "listen", "read", "write" also exist) is ranked just above (or, `lang_competence_above` False, just
    # below) the language's lexical hit; `credential_competence`: a licence's hit (*Registered Nurse licence*, *Driving
    # licence*) gives the competence it licenses at the licence's score (the curated `states` table); `car_competence`: "own
    # car", "access to a vehicle" give *drive vehicles*. () / False: off. All three adopted: pooled dev2-dev12 "other" 29.6 ->
    # 34.7 with the nurse-registration aliases of the same pass (bench/README); the uses "listen", "read", "write" lost.
    lang_competence_uses: tuple[str, ...] = ("speak",)
    lang_competence_above: bool = True
    credential_competence: bool = True
    car_competence: bool = True
    # sixteenth pass of issue 4: a role noun states the role's core competence (`skill_competences.ROLE_NOUNS`: "nurse",
    # "nursing background" -> provide professional care in nursing; "Home Manager" -> organise operations of residential
    # care services), ranked at `role_competence_score` (None: off; 0.745 is below every lexical hit and above every
    # semantic link); `role_competence_plural`: "nurses" counts too. `product_competence`: a cloud platform named (AWS,
    # Azure, Google Cloud: the `states` rows marked software) states *cloud technologies*, at the product's score.
    # All adopted but the plural: pooled dev2-dev13 48.4 / 34.8 -> 48.9 / 39.6 with it (bench/README), 38.9 without.
    # Over the store's postings "nurses" names colleagues ("work closely with nurses, HCAs and therapists"): with it ten
    # more roles (pharmacists, psychiatrists, support workers, training specialists) had nursing care in their top 10.
    role_competence_score: float | None = 0.745
    role_competence_plural: bool = False
    # "multidisciplinary team", "MDT" -> work in multidisciplinary health teams, same score; "wide" (twentieth pass): also a
    # multi-professional team and up to two words before "team" ("a multi-disciplinary integrated team")
    team_competence: bool | str = "wide"
    # twentieth pass: nurses sought ("We are looking for Registered Mental Health Nurses", "Nurses should have ...") state
    # nursing care where the plural alone does not (`skill_competences.NURSES_SOUGHT`)
    nurses_sought: bool = True
    # session 24 (s31): "RN", "RNs", "RSCN" in capitals name a nurse (`skill_competences.NURSE_ABBR`) -> provide professional
    # care in nursing, as a role noun; False: off
    nurse_abbrev: bool = True
    # twentieth pass: data analysis, programming and initiative in other words (`skill_competences.ANALYSIS_PHRASES`,
    # `PROGRAMMING_PHRASES`, `INITIATIVE_PHRASES`), same score as the other phrase competences
    analysis_competence: bool = True
    # twenty-second pass: "wide" also reads software or application development as a noun, building applications, software after a
    # list of verbs, and code described by its quality (`skill_competences.PROGRAMMING_PHRASES_WIDE`, `PROGRAMMING_CODE`)
    programming_competence: bool | str = "wide"
    initiative_competence: bool = True
    # twenty-first pass: a collaborative environment or way of working, cross-functional or interdisciplinary teams -> work in
    # teams (`skill_competences.COLLAB_PHRASES`); "cooperate": also collaborating, partnering or working closely with people ->
    # cooperate with colleagues (`COOPERATE_PHRASES`); False off. `report_competence`: writing or preparing reports -> write
    # work-related reports, communicating findings -> communicate analytical insights, presenting findings -> present reports
    # (`REPORT_PHRASES`). Same score as the other phrase competences.
    # session 24 (s30): "colleagues" (the default) is "cooperate" but not for the ones outside the organisation or its
    # stakeholders ("partner with internal and external stakeholders", "collaborating with universities":
    # `skill_competences.COOPERATE_COLLEAGUES`)
    collab_competence: bool | str = "colleagues"
    report_competence: bool = True
    # twenty-first pass: "analytics" on its own states data analytics (`skill_competences.ANALYTICS_PHRASES`), same score
    analytics_competence: bool = True
    # twenty-first pass: the service user's independence ("live as independently as possible", "promoting independence", "daily
    # living") states encourage social service users to preserve their independence ... (`INDEPENDENCE_PHRASES`), same score
    independence_competence: bool = True
    # twenty-first pass: "highly motivated", "self-motivated", "self-directed", "self-reliant" state show initiative at this score,
    # among the semantic links rather than above them (`skill_competences.DRIVE_PHRASES`: gold in about half the dev sentences that
    # have them). 0.5 / 0.6 / 0.7 measured: 0.6 gained 6 dev sentences and lost none, 0.7 cost dev12 and dev16. None: off.
    soft_trait_score: float | None = 0.60
    # twenty-first pass: a field the text names only as its practitioner ("As a Data Engineer, ...", "seeking a ... data
    # scientist") is the worker's title, not a skill the sentence states: a semantic link to an ESCO "X engineering" / "X
    # science" concept loses this much similarity when the text has "X engineer(s)" / "X scientist(s)" and not the field's own
    # name. Over dev2-dev17 such links were gold once in 21 (data engineering, data science, computer science from the noun;
    # medical specialties, whose doctor's noun the sets do tag, are not of this form). 0: off.
    agent_field_penalty: float = 0.1
    # twenty-second pass: a semantic link to an ESCO concept of another sense of a word the text uses (`OTHER_SENSES`: oil and gas
    # *pipeline* concepts for a data pipeline, stage *theatre* concepts for an operating theatre) loses this much similarity when
    # the text has the word and a cue of the other sense but none of the concept's own. Over dev-dev19 no such link is gold
    # (22 sentences name a pipeline, every one a data, build or ML pipeline). 0: off.
    sense_penalty: float = 0.2
    # session 24 (s30): a semantic link none of whose labels (preferred or alternative) shares a content word (by the crude
    # five-letter stem of `skill_labels.stems`) with the text loses this much similarity; `sem_unworded_plain_only`: only in a
    # plain text (`is_technical` false). 0: off.
    sem_unworded_penalty: float = 0.0
    sem_unworded_plain_only: bool = True
    # twenty-second pass: a communicator or communications skills -> communication, secretarial, clerical, receptionist or
    # administrative work -> perform clerical duties (`skill_competences.COMM_PHRASES`, `CLERICAL_PHRASES`); a form of
    # "supervise" before a trade's plural ("supervises Pipefitters") -> supervise staff (`SUPERVISE_AGENTS`). Same score as the
    # other phrase competences.
    # twenty-second pass: *make decisions* named in a sentence about data ("experience in data-driven decision making", "make
    # decisions/recommendations based on evidence derived from data") is reported as *make data-driven decisions*: over dev-dev19
    # the gold has *make decisions* in 1 of the 13 sentences naming a decision, and never where the sentence names data.
    data_decisions: bool = True
    # session 22 (s26): shift work named by its hours ("night shifts", "working nights", "days and nights") -> work in shifts,
    # the people cared for named by a disability ("adults with a physical disability") -> disability care, and the two below
    # (`skill_competences.duty_spans`), same score as the other phrase competences
    shift_competence: bool = True
    disability_competence: bool = True
    practice_competence: bool = True  # an Occupational Therapist, a Radiographer, a cook -> the practice's core competence
    professions_competence: bool = True  # working with other care professionals or partner agencies -> work in MDTs
    # session 22 (s27, `skill_competences.duty_spans`): a critical-care setting named ("experience in critical care", "ITU",
    # "High Dependency") -> intensive care medicine; a nurse who leads nurses ("Clinical Lead", "Clinical Nurse Manager", "lead
    # our team of nurses") -> leadership in nursing; same score as the other phrase competences
    critical_competence: bool = True
    nurse_lead_competence: bool = True
    empathy_competence: bool = True  # a caring or compassionate worker ("a caring nature", "compassionate care") -> show empathy
    comm_competence: bool = True
    clerical_competence: bool = True
    supervise_agents: bool = True
    # twenty-fourth pass: the phrase families of `skill_competences.PASS24_FAMILIES` that are on (typing -> type at speed, business acumen in other words, detail orientation split by a word, a secretary's work -> perform
    # clerical duties, scripts written -> use scripting programming, CNC programming -> program a CNC controller, data visualisation
    # as work -> deliver visual presentation of data), same score as
    # the other phrase competences; () off
    # session 23 (s28): "requirements" (requirements gathered or understood -> analyse business requirements) and "data_arch" (a
    # data architecture or architect -> manage ICT data architecture) join them
    # session 24 (s30): "troubleshoot" (troubleshooting -> troubleshoot, or perform ICT troubleshooting with a computing cue),
    # "accountability" (one's own accountability -> accept own accountability), "organisation" (organisational abilities ->
    # apply organisational techniques), "insights" (results communicated, insights presented -> communicate analytical insights)
    # "nursing" (nursing as the work -> provide professional care in nursing), "commitment" (commitment asked of the worker ->
    # show commitment, at `soft_trait_score` among the semantic links), "databases" (databases as knowledge, data stores -> database),
    # "models" (models built, predictive algorithms -> build predictive models)
    # session 24 (s31): "transport" (own automobiles, own transport -> drive vehicles, as "own car"), "vehicles" (drive commercial
    # vehicles -> drive vehicles), "disorders" (personality disorders -> psychiatric disorders)
    # session 25 (s32): "mentor" (mentoring by the worker -> mentor individuals), "curiosity" (curious, inquisitive -> demonstrate
    # curiosity, at `soft_trait_score`), "furnish" (an automobile furnished -> drive vehicles), "driving" (driving a bus, truck or
    # lorry -> drive vehicles), "communicate" (effectively / clearly communicate -> communication)
    pass24_phrases: tuple[str, ...] = ("visual", "typing", "acumen", "detail", "secretary", "scripts", "cnc", "requirements", "data_arch",
                                       "troubleshoot", "accountability", "organisation", "insights", "nursing", "commitment",
                                       "databases", "models", "transport", "vehicles", "disorders", "mentor", "curiosity", "furnish",
                                       "driving", "communicate")
    # twenty-fourth pass: an alias match may not run over a comma, semicolon, colon, bullet or full stop unless the alias
    # has one itself ("creating Cloud Platform team, building our AWS Organisation" is no *team building*, "Process Design,
    # Process Qualification" no *design process*); the words on either side are still matched on their own
    lex_punct_stop: bool = True
    elderly_competence: bool = True  # "elderly", "older people", "dementia" -> tend to elderly people, same score
    # eighteenth pass: a phrase about the job's team or the people it supervises, manages or leads states the general
    # competence (`skill_competences.PEOPLE_PHRASES`: "part of the wider administration team" -> work in teams, "supervising
    # journey-level workers" -> supervise staff, "management of the team members" -> manage staff), same score
    people_competence: bool = True
    # eighteenth pass: the size of the data ("large amounts of data", "large-scale ... data") states analyse big data, a
    # statistical or quantitative method states statistics (`skill_competences.DATA_PHRASES`), same score
    data_competence: bool = True
    # eighteenth pass: a trait asked of the worker ("flexible", "comfort with ambiguity", "willingness to learn") states ESCO's
    # transversal competence for it (`skill_competences.TRAIT_PHRASES`), same score
    trait_competence: bool = True
    product_competence: bool = True
    # nineteenth pass: the worker named a leader ("an enthusiastic leader", "as shift leader") states lead a team
    # (`skill_competences.leader_spans`), same score
    leader_competence: bool = True
    # nineteenth pass: a nursing or care home, or long-term care, states apply nursing care in long-term care
    # (`skill_competences.longterm_spans`), same score: "nurse" where the sentence also names a nurse or nursing, "place"
    # wherever the place is named, None off
    longterm_competence: str | None = "nurse"
    # nineteenth pass: ESCO concepts the annotators never tell apart are reported as one (the `merge` rows of the curated
    # table: manage a team -> manage staff, develop predictive models -> build predictive models), lexical and semantic
    merge_concepts: bool = True
    # seventeenth pass of issue 4: a product ESCO lacks (O*NET's Git, Subversion, Ansible, MuleSoft) states the ESCO concept
    # of its O*NET commodity category (the curated `category` rows: "File versioning software" -> tools for software
    # configuration management), at the product's lexical score, as a cloud platform states cloud technologies
    category_competence: bool = True
    # seventeenth pass of issue 4: a general competence is often stated in a few words inside a sentence about something else
    # ("through mentorship of junior staff", "leading teams in complex environments", "build dashboards for executives"),
    # and the sentence's vector is pulled towards its domain nouns. `sem_windows`: each word of `COMPETENCE_CUES` in a
    # segment adds a short window of words around it (`sem_window_words` before / after) as one more segment, linked
    # (`sem_window_general_only`) only to general skills, those other ESCO labels specialise (`skill_labels`).
    sem_windows: bool = True
    sem_window_words: tuple[int, int] = (2, 3)
    sem_window_general_only: bool = True
    # a window may also link to a skill whose label has a word of its cue's family (`CUE_FAMILIES`: "mentorship" -> mentor
    # individuals), when documents name that skill outright (`skill_popularity`; True) or at all (False)
    sem_window_named_only: bool = True
    strip_frames: bool = True  # drop "Experience with", "Ability to", ... in front of a segment before embedding
    sem_weight: float = 0.95  # semantic score = weight * similarity, below any lexical hit
    sem_lexical_boost: float = 0.05  # a lexical hit also found semantically
    sem_support_bonus: float = 0.02  # per extra segment (up to 3) linking to the same skill
    context_window: int = 80  # chars either side searched for a technical cue (rule "context")
    max_skills: int = 200
    sem_max_skills: int = 25  # semantic links kept per document (best first)


@dataclass
class SkillHit:
    id: str
    name: str
    type: str
    esco_uri: str | None
    score: float
    spans: list[list[int]] = field(default_factory=list)
    method: str = "lexical"

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("method")
        return d


_CUE = re.compile(
    r"(?i)\b(programming|languages?|coding|code(?!\s+of\b)|coder|developers?|development|scripting|scripts?|software|"
    r"statistical|statistics|packages?|libraries|frameworks?|stack|python|sql|java|javascript|c\+\+|c#|matlab|sas|"
    r"stata|julia|scala|golang|rstudio|tidyverse|ggplot2?|shiny|backend|back-end|microservices|compiled|rust|kotlin)\b"
)
_SEGMENT = re.compile(r"[^.!?;:\n\u2022]+")
# words that head a general competence (team work and leadership, mentoring and supervision, analysis and its reporting):
# the centres of `SkillExtractor.windows`
COMPETENCE_CUES = re.compile(
    r"(?i)(teams?|teamwork|lead|leads|leading|leaders?|leadership|manag(e|es|ed|ing|ement|er|ers)|mentor(s|ed|ing|ship)?|"
    r"coach(es|ed|ing)?|supervis(e|es|ed|ing|ion|ory|or|ors)|collaborat(e|es|ed|ing|ion|ively)|"
    r"analy[sz](e|es|ed|ing|is|es)|statistic(s|al|ally)?|dashboards?|visuali[sz](e|es|ed|ing|ation|ations))")
# a window's cue word -> the label words (prefixes) of the skills it may name besides general ones: "mentorship" -> mentor
# individuals, "statistical" -> statistics, "dashboards" -> deliver visual presentation of data
CUE_FAMILIES = (("team", ("team", "cooperat", "collaborat")), ("lead", ("lead",)), ("manag", ("manag",)),
                ("mentor", ("mentor",)), ("coach", ("coach",)), ("supervis", ("supervis",)),
                ("collaborat", ("collaborat", "cooperat", "team")), ("analy", ("analys", "analyz")),
                ("statistic", ("statistic",)), ("dashboard", ("visual", "dashboard")), ("visuali", ("visual",)))


def cue_family(word: str) -> int:
    """Index in CUE_FAMILIES of a cue word (`COMPETENCE_CUES`), by its start."""
    low = word.lower()
    return next((k for k, (p, _) in enumerate(CUE_FAMILIES) if low.startswith(p)), 0)


_CLAUSE = re.compile(r",|\band\b|\bor\b|\(|\)|/")
_WORD = re.compile(r"\w+")
# after a match the word must end: not a letter or digit, not "+"/"#" (C vs C++), not "." before a letter or digit
# (R vs R.js); the automaton's matches apply the same test in Python, one letter at a time
_WORD_END = r"(?![^\W_]|[+#]|\.[^\W_])"
_RULES = {"none": 0, "case": 1, "context": 2, "drop": 3, "upper": 4}
_ALT_W = 0.05  # the weight of an ESCO alternative label: a lexical hit with this best weight came only from those
_KIND_W = {"preferred": 0.1, "variant": 0.1, "override": 0.1, "alt": _ALT_W}


class SkillExtractor:
    """Build once from the store (`from_store`), then call `extract(text)` as often as needed."""

    def __init__(self, skills: list[dict], aliases: list[dict], *, config: ExtractConfig | None = None,
                 embedder: Embedder | None = None, vectors: np.ndarray | None = None, vector_ids: list[str] | None = None,
                 popularity: dict[str, int] | None = None) -> None:
        self.config = config or ExtractConfig()
        self.skills = {s["skill_id"]: s for s in skills}
        self._ids = list(self.skills)
        self._index = {sid: i for i, sid in enumerate(self._ids)}
        self._alias_skill: list[int] = []
        self._alias_rule: list[int] = []
        self._alias_veto: list[re.Pattern | None] = []
        # a credential's match can name a colleague, the nurse who supervises a care assistant (`colleague_before`)
        self._alias_credential: list[bool] = []
        self._alias_w: list[float] = []
        self._alias_multiword: list[bool] = []
        # may a match of this alias vouch for an ambiguous name near it (rule "context")? Only a named technology:
        # a tool ("stove"), a knowledge area or a generic class ("Web browser software") says nothing of "Chef"
        self._alias_vouches: list[bool] = []
        # the first word's stem an object-only alternative label needs in its sentence (`alt_object_only`), else None
        self._alias_head: list[str | None] = []
        # does the alias itself hold a separator (`_LEX_STOP`)? Only such an alias may match over one (`lex_punct_stop`)
        self._alias_punct: list[bool] = []
        by_norm: dict[str, list[int]] = {}
        for a in aliases:
            if a["skill_id"] not in self._index or _RULES.get(a.get("rule") or "none", 0) == 3 or not a["norm"]:
                continue
            k = len(self._alias_skill)
            self._alias_skill.append(self._index[a["skill_id"]])
            self._alias_rule.append(_RULES.get(a.get("rule") or "none", 0))
            veto = a.get("veto")
            self._alias_veto.append(re.compile(veto) if veto else None)
            sk = self.skills[a["skill_id"]]
            self._alias_credential.append(sk.get("type") == "certification")
            self._alias_w.append(_KIND_W.get(a.get("kind") or "", 0.0))
            self._alias_multiword.append(" " in a["norm"])
            self._alias_vouches.append(self._alias_rule[-1] == 0 and sk.get("type") == "software"
                                       and not str(sk.get("name") or "").lower().endswith(" software"))
            self._alias_head.append(_object_only_head(a, sk) if self.config.alt_object_only else None)
            self._alias_punct.append(_LEX_STOP.search(str(a.get("alias") or "")) is not None)
            by_norm.setdefault(a["norm"], []).append(k)
        # One-letter aliases ("c", "r", "j") begin a third of all words: in the automaton they gave ~44 matches per
        # posting, nearly all rejected by the word-end test in Python. One regex finds just the whole-word ones.
        self._letters: dict[str, tuple[int, ...]] = {}
        keys: list[str] = []
        self._key_aliases: list[tuple[int, tuple[int, ...]]] = []  # automaton pattern -> (length, alias indexes)
        for norm, ks in by_norm.items():
            if len(norm) == 1 and norm.isalnum():
                self._letters[norm] = tuple(ks[:3])
            else:
                keys.append(" " + norm)  # a leading space: matches start only at a word start
                self._key_aliases.append((len(norm), tuple(ks[:3])))
        # ahocorasick_rs (Rust) rather than pyahocorasick: over 2,000 postings its overlapping search took ~50 µs per
        # posting against ~110 µs, the largest step of the lexical stage (bench/README, issue 4)
        self._automaton_keys = keys  # the patterns by index: what `_candidates` is tested against
        self._automaton = (ahocorasick_rs.AhoCorasick(keys, matchkind=ahocorasick_rs.MatchKind.Standard,
                                                      implementation=ahocorasick_rs.Implementation.ContiguousNFA)
                           if keys else None)
        self._letter_re = (re.compile(" ([" + re.escape("".join(self._letters)) + "])" + _WORD_END)
                           if self._letters else None)
        self._has_words = bool(by_norm)
        self.embedder = embedder if self.config.semantic else None
        self._vectors = vectors
        self._vector_rows = np.array([self._index[s] for s in (vector_ids or []) if s in self._index], dtype=np.int64)
        if vectors is not None and vector_ids is not None:
            keep = [i for i, s in enumerate(vector_ids) if s in self._index]
            self._vectors = vectors[keep]
        self._popularity = dict(popularity or {})
        labels = {int(i): str(self.skills[self._ids[i]]["name"]) for i in self._vector_rows.tolist()}
        cfg = self.config
        need_general = cfg.sem_general_weight or cfg.sem_plain_general_weight
        self._general = (specialisation_counts(labels, rule=cfg.sem_general_rule)
                         if self._vectors is not None and need_general else {})
        self._cover = CoverIndex(labels) if self._vectors is not None and self.config.sem_cover_bonus else None
        self._vocab = None
        if self._vectors is not None and cfg.sem_vocab_weight:
            kinds = {"preferred", "alt", "singular", "variant", "override"}
            by_skill: dict[int, list[str]] = {i: [lab] for i, lab in labels.items()}
            for a in aliases:
                j = self._index.get(a["skill_id"])
                if j in by_skill and (a.get("kind") or "") in kinds and a["norm"]:
                    by_skill[j].append(a["norm"])
            self._vocab = LabelVocab(by_skill)
        # skill index -> the content stems of its labels (`sem_unworded_penalty`)
        self._label_stems: dict[int, frozenset[str]] = {}
        if self._vectors is not None and cfg.sem_unworded_penalty:
            words: dict[int, set[str]] = {i: set(stems(lab)) for i, lab in labels.items()}
            for a in aliases:
                j = self._index.get(a["skill_id"])
                if j in words and a.get("norm"):
                    words[j] |= stems(a["norm"])
            self._label_stems = {i: frozenset(w) for i, w in words.items() if w}
        self._prior = self._specificity_prior()
        self._plain_prior = self._plain_text_prior()
        esco_names = {i: str(s["name"]) for i, s in enumerate(self.skills[sid] for sid in self._ids) if s.get("esco_uri")}
        self._langs = LanguageForms(esco_names, cfg.lang_competence_uses) if cfg.lang_competence_uses else None
        self._drive = next((i for i, n in esco_names.items() if n == DRIVE), None) if cfg.car_competence else None
        src_types = ("certification", "software") if cfg.product_competence else ("certification",)
        self._licensed = (credential_competences({i: str(self.skills[sid]["name"]) for i, sid in enumerate(self._ids)
                                                  if self.skills[sid]["type"] in src_types or i in esco_names},
                                                 products=cfg.product_competence)
                          if cfg.credential_competence or cfg.product_competence else {})
        if not cfg.credential_competence:  # products only
            self._licensed = {i: c for i, c in self._licensed.items() if self.skills[self._ids[i]]["type"] == "software"}
        if cfg.category_competence:  # products ESCO lacks, by their O*NET category; a product's own row comes first
            products = {i: self.skills[sid].get("category") for i, sid in enumerate(self._ids)
                        if i not in esco_names and i not in self._licensed and self.skills[sid]["type"] in ("software", "tool")}
            self._licensed.update(category_competences(products, esco_names))
        role_comps = ({comp for _, comp in ROLE_NOUNS} | ({TEAM} if cfg.team_competence else set())
                      | ({ELDERLY} if cfg.elderly_competence else set())
                      | ({ph[1] for ph in PEOPLE_PHRASES} if cfg.people_competence else set())
                      | ({ph[1] for ph in DATA_PHRASES} if cfg.data_competence else set())
                      | ({ph[1] for ph in TRAIT_PHRASES} if cfg.trait_competence else set())
                      | ({LEAD_TEAM} if cfg.leader_competence else set())
                      | ({ph[1].rstrip(WEAK) for ph in ANALYSIS_PHRASES} if cfg.analysis_competence else set())
                      | ({ph[1] for ph in PROGRAMMING_PHRASES} if cfg.programming_competence else set())
                      | ({COMMUNICATION} if cfg.comm_competence else set())
                      | ({CLERICAL} if cfg.clerical_competence else set())
                      | ({SUPERVISE_STAFF} if cfg.supervise_agents else set())
                      | {ph[1].rstrip(SOFT).rstrip(WEAK) for f in cfg.pass24_phrases for ph in PASS24_FAMILIES[f]}
                      | ({ph[1] for ph in INITIATIVE_PHRASES} if cfg.initiative_competence else set())
                      | ({ph[1] for ph in COLLAB_PHRASES} if cfg.collab_competence else set())
                      | ({ph[1].rstrip(WEAK) for ph in COOPERATE_PHRASES} if cfg.collab_competence in ("cooperate", "colleagues") else set())
                      | ({ph[1] for ph in REPORT_PHRASES} if cfg.report_competence else set())
                      | ({ph[1] for ph in ANALYTICS_PHRASES} if cfg.analytics_competence else set())
                      | ({ph[1] for ph in INDEPENDENCE_PHRASES} if cfg.independence_competence else set())
                      | ({ph[1].rstrip(SOFT) for ph in DRIVE_PHRASES} if cfg.soft_trait_score is not None else set())
                      | ({LONGTERM} if cfg.longterm_competence else set())
                      | ({SHIFTS} if cfg.shift_competence else set()) | ({DISABILITY} if cfg.disability_competence else set())
                      | ({ph[1] for ph in PRACTICE_PHRASES} if cfg.practice_competence else set())
                      | ({TEAM} if cfg.professions_competence else set())
                      | ({CRITICAL} if cfg.critical_competence else set())
                      | ({NURSE_LEAD} if cfg.nurse_lead_competence else set())
                      | ({EMPATHY} if cfg.empathy_competence else set()))
        self._pass24 = tuple(ph for f in cfg.pass24_phrases for ph in PASS24_FAMILIES[f])
        # `duty_spans`' switches, in its order
        self._duties = (cfg.shift_competence, cfg.disability_competence, cfg.practice_competence, cfg.professions_competence,
                        cfg.critical_competence, cfg.nurse_lead_competence, cfg.empathy_competence)
        self._roles = ({n: i for i, n in esco_names.items() if n in role_comps}
                       if cfg.role_competence_score is not None else {})
        # skill index -> the index it is reported as (`merge` rows); a merged skill is never reported itself
        self._merge = merged_concepts(esco_names) if cfg.merge_concepts else {}
        # skill index -> (its practitioner's noun, its own name) for ESCO fields named "X engineering" / "X science"
        self._agent_fields: dict[int, tuple[re.Pattern, re.Pattern]] = {}
        if cfg.agent_field_penalty:
            for i, n in esco_names.items():
                ln = n.lower()
                if ln.endswith(" engineering") and len(ln) > len(" engineering"):
                    agent = ln[: -len("ing")]
                elif ln.endswith(" science") and len(ln) > len(" science"):
                    agent = ln[: -len("science")] + "scientist"
                else:
                    continue
                self._agent_fields[i] = (re.compile(r"\b" + re.escape(agent) + r"s?\b"), re.compile(r"\b" + re.escape(ln) + r"\b"))
        # skill index -> the `OTHER_SENSES` rows whose concept word its label has
        self._senses: dict[int, tuple[int, ...]] = {}
        if cfg.sense_penalty:
            for i, n in esco_names.items():
                rows = tuple(k for k, (label_rx, _, _, _) in enumerate(OTHER_SENSES) if label_rx.search(n))
                if rows:
                    self._senses[i] = rows
        decide = [next((i for i, n in esco_names.items() if n == name), None) for name in ("make decisions", "make data-driven decisions")]
        self._decide: tuple[int, int] | None = (decide[0], decide[1]) if cfg.data_decisions and None not in decide else None
        self._row_of = {int(i): r for r, i in enumerate(self._vector_rows.tolist())}
        self._masks: dict[int, np.ndarray] = {}  # cue family -> skills a competence window may link to

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_store(cls, con: duckdb.DuckDBPyConnection, *, config: ExtractConfig | None = None,
                   embedder: Embedder | None = None) -> "SkillExtractor":
        """Load the taxonomy (and, for the semantic stage, its cached vectors) from the store."""
        from careerpath.errors import InputError

        if not has_table(con, "skills"):
            raise InputError("no skill taxonomy in the store; run `careerpath taxonomy build` first")
        cols = {d[0] for d in con.execute("SELECT * FROM skills LIMIT 0").description}
        cat = "category" if "category" in cols else "NULL AS category"  # a store of hand-made tables may have no categories
        skills = con.execute(f"SELECT skill_id, name, type, esco_uri, {cat} FROM skills").df().to_dict("records")
        has_alias = "alias" in {d[0] for d in con.execute("SELECT * FROM skill_aliases LIMIT 0").description}
        alias = "alias" if has_alias else "NULL AS alias"  # the written form, for `lex_punct_stop`; hand-made stores may lack it
        aliases = con.execute(f"SELECT skill_id, {alias}, norm, kind, rule, veto FROM skill_aliases").df().to_dict("records")
        for s in skills:
            s["esco_uri"] = s["esco_uri"] if isinstance(s["esco_uri"], str) else None
            s["category"] = s["category"] if isinstance(s["category"], str) else None
        for a in aliases:
            a["veto"] = a["veto"] if isinstance(a["veto"], str) else None
        config = config or ExtractConfig()
        vectors = ids = None
        popularity = None
        if config.semantic and embedder is not None:
            ids, vectors = taxonomy_vectors(con, embedder)
            if has_table(con, "skill_popularity"):
                popularity = dict(con.execute("SELECT skill_id, documents FROM skill_popularity").fetchall())
        return cls(skills, aliases, config=config, embedder=embedder, vectors=vectors, vector_ids=ids, popularity=popularity)

    # ------------------------------------------------------------------ lexical stage
    def lexical(self, text: str) -> dict[int, list]:
        """skill index -> [best alias weight, multiword, spans] for every accepted match."""
        if not text or not self._has_words:
            return {}
        norm, index = normalise(text)
        n = len(norm)
        cands = self._candidates(norm)
        if not cands:
            return {}
        cands.sort(key=lambda c: (-c[0], c[1]))
        taken = bytearray(n)
        kept = []
        partial = self.config.lex_keep_partial
        stop = self.config.lex_punct_stop
        # the alias tables as locals: the loop runs ~20 times a posting, each attribute read a dictionary lookup
        a_punct, a_rule, a_veto, a_cred, a_head = (self._alias_punct, self._alias_rule, self._alias_veto,
                                                  self._alias_credential, self._alias_head)
        drop_object_only = self.config.alt_object_only == "drop"
        for length, s, e, ks in cands:
            if taken.find(1, s, e) != -1 and (not partial or taken.find(0, s, e) == -1):
                continue
            os_, oe = (s, e) if index is None else (int(index[s]), int(index[e - 1]) + 1)
            surface = text[os_:oe]
            # only a match of more than one word can run over a separator (one `find` before the regex)
            cross = stop and norm.find(" ", s, e) != -1 and _LEX_STOP.search(surface) is not None
            ok = []
            for k in ks:
                if cross and not a_punct[k]:
                    continue
                rule = a_rule[k]
                if rule and (surface.islower() or (rule == 4 and not surface.isupper())):
                    continue
                veto = a_veto[k]
                if veto is not None and veto.match(text, os_):
                    continue
                if a_cred[k] and colleague_before(text, os_):
                    continue
                head = a_head[k]
                if head is not None and (drop_object_only or not _head_near(text, os_, oe, head)):
                    continue
                ok.append(k)
            if not ok:
                continue
            taken[s:e] = b"\x01" * (e - s)
            kept.append((os_, oe, ok))
        out: dict[int, list] = {}
        vouches = self._alias_vouches
        strong = [(s, e) for s, e, ks in kept if all(a_rule[k] == 0 for k in ks) and any(vouches[k] for k in ks)]
        w = self.config.context_window
        a_skill, a_w, a_multi = self._alias_skill, self._alias_w, self._alias_multiword
        for s, e, ks in kept:
            for k in ks:
                if a_rule[k] == 2 and not self._in_context(text, s, e, strong, w):
                    continue
                rec = out.setdefault(a_skill[k], [0.0, False, []])
                if a_w[k] > rec[0]:
                    rec[0] = a_w[k]
                rec[1] = rec[1] or a_multi[k]
                rec[2].append([s, e])
        if self._decide is not None and self._decide[0] in out:
            self._data_decisions(text, out)
        return out

    def _data_decisions(self, text: str, out: dict[int, list]) -> None:
        """Report a *make decisions* hit as *make data-driven decisions* when a sentence it was found in names data
        (`ExtractConfig.data_decisions`)."""
        assert self._decide is not None
        i, j = self._decide
        rec = out[i]
        if not any(_DATA_WORD.search(text, a, b) for a, b in (sentence_span(text, s, e) for s, e in rec[2])):
            return
        del out[i]
        have = out.get(j)
        if have is None:
            out[j] = rec
        else:
            have[0], have[1] = max(have[0], rec[0]), have[1] or rec[1]
            have[2] = have[2] + [sp for sp in rec[2] if sp not in have[2]]

    def _candidates(self, norm: str) -> list[tuple[int, int, int, tuple[int, ...]]]:
        """(length, start, end, alias indexes) of every alias in the normalised text that starts at a word start
        and ends at a word end (`_WORD_END`), overlaps included."""
        n = len(norm)
        padded = " " + norm
        cands = []
        if self._automaton is not None:
            key_aliases = self._key_aliases
            for p, _, end in self._automaton.find_matches_as_indexes(padded, overlapping=True):
                end -= 1  # exclusive end in `norm`
                length, ks = key_aliases[p]
                if end < n:  # the word must end here: the test of _WORD_END, one match at a time
                    nxt = norm[end]
                    if nxt.isalnum() or (nxt in "+#" and norm[end - 1] not in "+#") or (nxt == "." and end + 1 < n and norm[end + 1].isalnum()):
                        continue
                cands.append((length, end - length, end, ks))
        if self._letter_re is not None:
            letters = self._letters
            for m in self._letter_re.finditer(padded):
                start = m.start()  # the space before the letter in `padded` = the letter's position in `norm`
                cands.append((1, start, start + 1, letters[m.group(1)]))
        return cands

    @staticmethod
    def _in_context(text: str, s: int, e: int, strong: list[tuple[int, int]], w: int) -> bool:
        """A bare 'R' or 'Go' counts near another named technology (`_alias_vouches`) or a programming cue word."""
        for a, b in strong:
            if (a, b) != (s, e) and b >= s - w and a <= e + w:
                return True
        return _CUE.search(text, max(0, s - w), min(len(text), e + w)) is not None

    def _specificity_prior(self) -> np.ndarray | None:
        """Per-vector penalty (subtracted from the cosine) for long, narrow labels ("provide healthcare services
        to patients in specialised medicine"): they match a sentence's many words better than the short, general
        skill ("lead a team") that postings mean. Minus a small bonus for skills that documents name outright
        (`set_popularity`): at similar cosine, "manage data" before "manage information access aids"."""
        cfg = self.config
        if self._vectors is None or not len(self._vector_rows) or not (cfg.sem_length_penalty or self._popularity or self._general):
            return None
        prior = np.zeros(len(self._vector_rows), dtype=np.float32)
        if cfg.sem_length_penalty:
            words = np.array([len(self.skills[self._ids[i]]["name"].split()) for i in self._vector_rows], dtype=np.float32)
            prior += cfg.sem_length_penalty * np.maximum(words - cfg.sem_length_free, 0)
        if self._popularity and cfg.sem_popularity_weight:
            n = np.array([self._popularity.get(self._ids[i], 0) for i in self._vector_rows], dtype=np.float32)
            if n.max() > 0:
                prior -= cfg.sem_popularity_weight * np.log1p(n) / np.log1p(n.max())
        if self._general and cfg.sem_general_weight:  # general skills that ESCO specialises in other labels
            n = np.array([self._general.get(int(i), 0) for i in self._vector_rows], dtype=np.float32)
            prior -= cfg.sem_general_weight * np.log1p(n)
        return prior.astype(np.float32)

    def _plain_text_prior(self) -> np.ndarray | None:
        """The ranking prior of a plain text (`is_technical` false): the specificity prior minus the extra bonuses
        for general and named skills (`sem_plain_general_weight`, `sem_plain_popularity_weight`); None when both
        are off (a plain text then uses the same prior as any other)."""
        cfg = self.config
        if self._vectors is None or not len(self._vector_rows) or not (cfg.sem_plain_general_weight or cfg.sem_plain_popularity_weight):
            return None
        prior = np.zeros(len(self._vector_rows), dtype=np.float32) if self._prior is None else self._prior.copy()
        if self._general and cfg.sem_plain_general_weight:
            n = np.array([self._general.get(int(i), 0) for i in self._vector_rows], dtype=np.float32)
            prior -= cfg.sem_plain_general_weight * np.log1p(n)
        if self._popularity and cfg.sem_plain_popularity_weight:
            n = np.array([self._popularity.get(self._ids[i], 0) for i in self._vector_rows], dtype=np.float32)
            if n.max() > 0:
                prior -= cfg.sem_plain_popularity_weight * np.log1p(n) / np.log1p(n.max())
        return prior.astype(np.float32)

    def set_popularity(self, documents: dict[str, int]) -> None:
        """Number of documents that name each skill (given lists and lexical hits): the semantic stage's
        popularity prior from now on."""
        self._popularity = dict(documents)
        self._prior = self._specificity_prior()
        self._plain_prior = self._plain_text_prior()

    def is_technical(self, text: str, lex: dict[int, list]) -> bool:
        """A text with a programming/statistics cue word or a lexical hit of a software or tool skill."""
        if any(self.skills[self._ids[i]]["type"] in ("software", "tool") for i in lex):
            return True
        return _CUE.search(text) is not None

    # ------------------------------------------------------------------ semantic stage
    def segments(self, text: str) -> list[tuple[str, int, int]]:
        """Sentences (and the clauses of long or list-like ones) to embed, with their spans."""
        cfg = self.config
        out: list[tuple[str, int, int]] = []
        for m in _SEGMENT.finditer(text):
            seg = m.group()
            nwords = len(_WORD.findall(seg))
            if nwords < cfg.sem_min_words:
                continue
            s0 = m.start() + (len(seg) - len(seg.lstrip()))
            if nwords <= cfg.sem_max_words:
                out.append((seg.strip(), s0, m.end() - (len(seg) - len(seg.rstrip()))))
            pos = 0
            parts = _CLAUSE.split(seg)
            if len(parts) > 1:
                for part in parts:
                    p = seg.find(part, pos)
                    pos = p + len(part)
                    if len(_WORD.findall(part)) >= 2 and part.strip() and part.strip() != seg.strip():
                        ps = m.start() + p + (len(part) - len(part.lstrip()))
                        out.append((part.strip(), ps, ps + len(part.strip())))
            if len(out) >= cfg.sem_max_segments:
                break
        if cfg.strip_frames:  # embed "SQL and Python", not "Strong experience with SQL and Python"
            seen: set[str] = set()
            framed, out = out, []
            for t, a, b in framed:
                off = strip_frame(t)
                if t[off:] not in seen:
                    seen.add(t[off:])
                    out.append((t[off:], a + off, b))
        if cfg.sem_windows:  # after the sentences and clauses: a long text's budget goes to them first
            have = {t for t, _, _ in out}
            out += [w for w in self.windows(text) if w[0] not in have]
        return out[: cfg.sem_max_segments]

    def windows(self, text: str) -> list[tuple[str, int, int]]:
        """Short windows of words around each competence cue word (`COMPETENCE_CUES`) of a segment: "mentorship of junior
        staff and", "experience of leading teams in complex": the competence without the rest of its sentence. A window
        that would be its whole segment is left out (the segment is embedded already)."""
        return [w[:3] for w in self._windows(text)]

    def _windows(self, text: str) -> list[tuple[str, int, int, int]]:
        """`windows` with the cue family (`cue_family`) of each."""
        before, after = self.config.sem_window_words
        out: dict[str, tuple[str, int, int, int]] = {}
        for m in _SEGMENT.finditer(text):
            words = [(w.start(), w.end()) for w in _WORD.finditer(text, m.start(), m.end())]
            if len(words) < self.config.sem_min_words:
                continue
            for k, (a, b) in enumerate(words):
                if COMPETENCE_CUES.fullmatch(text, a, b) is None:
                    continue
                lo, hi = max(0, k - before), min(len(words), k + after + 1)
                if 2 <= hi - lo < len(words):
                    s, e = words[lo][0], words[hi - 1][1]
                    out.setdefault(text[s:e], (text[s:e], s, e, cue_family(text[a:b])))
        return list(out.values())

    def semantic(self, text: str, segs: list[tuple[str, int, int]] | None = None, vecs: np.ndarray | None = None,
                 plain: bool = False) -> dict[int, list]:
        """skill index -> [best similarity, spans] for segments close enough to a skill label. `plain`: the text
        is not technical (`is_technical`), so the plain-text context weight and prior apply."""
        if self.embedder is None or self._vectors is None or not len(self._vectors):
            return {}
        segs = self.segments(text) if segs is None else segs
        if not segs:
            return {}
        if vecs is None:
            vecs = self.embedder.encode([s[0] for s in segs])
        cfg = self.config
        w = self._context_weight(plain)
        wins = self._window_rows(text, segs)
        ctx = self._context_sims(vecs if not wins else np.delete(vecs, [r for r, _ in wins], axis=0), w)
        prior = self._prior_of(plain)
        restrict = wins if cfg.sem_window_general_only else None
        if self._vocab is not None and (plain or not cfg.sem_vocab_plain_only):
            top, sims = self._vocab_rerank(segs, *self.nearest(vecs, max(cfg.sem_vocab_top_k, cfg.rank_top_k), context=ctx,
                                                              weight=w, prior=prior, restrict=restrict))
        else:
            top, sims = self.nearest(vecs, cfg.rank_top_k, context=ctx, weight=w, prior=prior, restrict=restrict)
        threshold = min(self.config.rank_threshold, self.config.sem_threshold)
        out = self.aggregate([(s[1], s[2]) for s in segs], top, sims, threshold)
        if self._cover is not None and self.config.sem_cover_bonus:
            self._add_covered(out, segs, vecs, threshold, ctx, w, prior)
        return out

    def _window_rows(self, text: str, segs: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
        """(segment index, cue family) of the segments that are competence windows (`windows`), not sentences or clauses."""
        if not self.config.sem_windows:
            return []
        wins = {(a, b): f for _, a, b, f in self._windows(text)}
        sents = {t for t, a, b in segs if (a, b) not in wins}
        return [(r, wins[(a, b)]) for r, (t, a, b) in enumerate(segs) if (a, b) in wins and t not in sents]

    def _window_mask(self, fam: int) -> np.ndarray:
        """Vector rows a window of cue family `fam` may link to: general skills (other ESCO labels specialise them) and
        skills whose label has a word starting like the family's (`CUE_FAMILIES`), if documents name them
        (`sem_window_named_only`): "lead police investigations" or "organise information on availability of the team" are
        narrow labels that no posting names, and a window's few words pulled them above the sentence's own links."""
        mask = self._masks.get(fam)
        if mask is None:
            prefixes = CUE_FAMILIES[fam][1]
            named = self.config.sem_window_named_only
            mask = np.array([self._general.get(int(i), 0) > 0
                             or (any(w.startswith(prefixes) for w in str(self.skills[self._ids[i]]["name"]).lower().split())
                                 and (not named or self._popularity.get(self._ids[i], 0) > 0))
                             for i in self._vector_rows.tolist()], dtype=bool)
            self._masks[fam] = mask
        return mask

    def _vocab_rerank(self, segs: list[tuple[str, int, int]], top: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Add `sem_vocab_weight` * label coverage (`LabelVocab.coverage`) to each segment's candidates and keep
        the best `rank_top_k` of each row."""
        assert self._vocab is not None
        w = np.float32(self.config.sem_vocab_weight)
        sims = sims.copy()
        for r, (seg, _, _) in enumerate(segs):
            weights = self._vocab.weights(stems(seg))
            if weights:
                for c in range(top.shape[1]):
                    sims[r, c] += w * self._vocab.coverage(weights, int(top[r, c]))
        k = min(self.config.rank_top_k, top.shape[1])
        best = np.argsort(-sims, axis=1, kind="stable")[:, :k]
        return np.take_along_axis(top, best, axis=1), np.take_along_axis(sims, best, axis=1)

    def _context_weight(self, plain: bool) -> float:
        cfg = self.config
        return cfg.sem_context_weight_plain if plain and cfg.sem_context_weight_plain is not None else cfg.sem_context_weight

    def _prior_of(self, plain: bool) -> np.ndarray | None:
        return self._plain_prior if plain and self._plain_prior is not None else self._prior

    def _context_sims(self, vecs: np.ndarray, w: float | None = None) -> np.ndarray | None:
        """cos(text, skill) for every skill row, the text's vector being the mean of its segment vectors; None
        when the context weight (`w`, default `sem_context_weight`) is off or there is one segment."""
        w = self.config.sem_context_weight if w is None else w
        if not w or self._vectors is None or len(vecs) < 2:
            return None
        c = vecs.mean(axis=0)
        c = c / (np.linalg.norm(c) or 1.0)
        return (self._vectors @ c.astype(np.float32)).astype(np.float32)

    def _mix(self, sim: float, r: int, ctx: np.ndarray | None, w: float | None = None) -> float:
        if ctx is None:
            return sim
        w = self.config.sem_context_weight if w is None else w
        return (1.0 - w) * sim + w * float(ctx[r])

    def _add_covered(self, out: dict[int, list], segs: list[tuple[str, int, int]], vecs: np.ndarray, threshold: float,
                     ctx: np.ndarray | None = None, w: float | None = None, prior: np.ndarray | None = None) -> None:
        """Skills whose label words a segment contains (in any order, with gaps) get their cosine plus
        `sem_cover_bonus`, whether or not they were among the segment's nearest labels: MiniLM often puts a
        narrow, domain-worded label above the plain competence the segment states in its own words."""
        assert self._cover is not None and self._vectors is not None
        bonus = self.config.sem_cover_bonus
        prior = self._prior if prior is None else prior
        for k, (seg, a, b) in enumerate(segs):
            for i in self._cover.covered(stems(seg)):
                r = self._row_of[i]
                sim = self._mix(float(vecs[k] @ self._vectors[r]), r, ctx, w) + bonus - (float(prior[r]) if prior is not None else 0.0)
                if sim < threshold:
                    continue
                rec = out.get(i)
                if rec is None:
                    out[i] = [sim, [[a, b]], 1]
                elif rec[0] < sim:
                    rec[0] = sim
                    rec[1].append([a, b])

    def nearest(self, vecs: np.ndarray, k: int | None = None, context: np.ndarray | None = None, weight: float | None = None,
                prior: np.ndarray | None = None, restrict: list[tuple[int, int]] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Top-k taxonomy rows and their cosines for each row of `vecs`: one matrix product and an
        argpartition, no per-segment Python (the batch stage calls this on thousands of segments). `context`
        (cos(text, skill) per row, `_context_sims`) is mixed in with `weight` (default `sem_context_weight`); `prior`
        replaces the ranking prior (a plain text's, `_plain_text_prior`); the rows in `restrict` ((row, cue family) of the
        competence windows) may link only to general skills and to skills whose label has a word of the cue's family
        (`_window_mask`)."""
        assert self._vectors is not None
        k = min(k or self.config.sem_top_k, len(self._vectors))
        sims = vecs.astype(np.float32, copy=False) @ self._vectors.T
        if context is not None:
            w = np.float32(self.config.sem_context_weight if weight is None else weight)
            sims = (1 - w) * sims + w * context[None, :]
        prior = self._prior if prior is None else prior
        if prior is not None:
            sims -= prior
        for r, fam in restrict or ():
            sims[r, ~self._window_mask(fam)] = -1.0
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        return self._vector_rows[top], np.take_along_axis(sims, top, axis=1)

    def aggregate(self, spans: list[tuple[int, int]], top: np.ndarray, sims: np.ndarray, threshold: float | None = None) -> dict[int, list]:
        """skill index -> [best similarity (+ support bonus), spans, segment count] over one document's segments."""
        out: dict[int, list] = {}
        thr = self.config.sem_threshold if threshold is None else threshold
        rows, cols = np.nonzero(sims >= thr)
        for r, c in zip(rows.tolist(), cols.tolist()):
            i = int(top[r, c])
            sim = float(sims[r, c])
            rec = out.setdefault(i, [0.0, [], 0])
            rec[0] = max(rec[0], sim)
            rec[1].append([spans[r][0], spans[r][1]])
            rec[2] += 1
        for rec in out.values():  # found from several sentences or clauses: a little more certain
            rec[0] += self.config.sem_support_bonus * min(rec[2] - 1, 3)
        return out

    # ------------------------------------------------------------------ both
    def prepare(self, text: str) -> str:
        """The text skills are read from: truncated to `max_chars`, its equal-opportunity and adjustment sentences
        blanked (same length, so spans point into the caller's text)."""
        text = text[: self.config.max_chars]
        return blank_boilerplate(text) if self.config.blank_boilerplate else text

    def extract(self, text: str, *, semantic: bool | None = None) -> list[SkillHit]:
        """Ranked skills found in `text`, best first. Empty or blank input gives no skills."""
        if not text or not text.strip():
            return []
        text = self.prepare(text)
        lex = self.lexical(text)
        use_sem = semantic if semantic is not None else self.config.semantic
        if not use_sem or self.embedder is None or self._vectors is None:
            return self._add_competences(text, lex, self.combine(lex, {}))
        segs = self.segments(text)
        if not segs:
            return self._add_competences(text, lex, self.combine(lex, {}))
        return self._rank_encoded(text, segs, self.embedder.encode([s[0] for s in segs]), lex)

    def extract_encoded(self, text: str, segs: list[tuple[str, int, int]], vecs: np.ndarray, *,
                        lex: dict[int, list] | None = None) -> list[SkillHit]:
        """`extract` with the segments already embedded (`vecs`, one row per segment of `segs`).

        The batch stage embeds each distinct segment once for every document that repeats it, then ranks
        each document here, so the store holds what `extract` (and its benchmark) gives for the same
        segments: the context mix, the plain-text prior, label coverage and the alternative-label check."""
        return self._rank_encoded(self.prepare(text), segs, vecs, lex)

    def _rank_encoded(self, text: str, segs: list[tuple[str, int, int]], vecs: np.ndarray,
                      lex: dict[int, list] | None) -> list[SkillHit]:
        """`extract_encoded` on a text already `prepare`d (`extract` prepares it once for both stages)."""
        lex = self.lexical(text) if lex is None else lex
        if not segs or self._vectors is None:
            return self._add_competences(text, lex, self.combine(lex, {}))
        cfg = self.config
        plain = bool((cfg.sem_context_weight_plain is not None or self._plain_prior is not None
                      or (self._vocab is not None and cfg.sem_vocab_plain_only))
                     and not self.is_technical(text, lex))
        sem = self.semantic(text, segs, vecs, plain=plain)
        if self._agent_fields and sem:
            self._demote_agent_fields(text, sem)
        if self._senses and sem:
            self._demote_other_senses(text, sem)
        if self._label_stems and sem and (plain or not cfg.sem_unworded_plain_only):
            self._demote_unworded(text, sem)
        if cfg.alt_lexical_bonus is not None:
            w = self._context_weight(plain)
            wins = self._window_rows(text, segs)  # the text's vector is its sentences' and clauses' mean, as in `semantic`
            ctx = self._context_sims(vecs if not wins else np.delete(vecs, [r for r, _ in wins], axis=0), w)
            self._demote_alt_hits(lex, sem, segs, vecs, ctx, w, self._prior_of(plain))
        return self._add_competences(text, lex, self.combine(lex, sem))

    def _add_competences(self, text: str, lex: dict[int, list], hits: list[SkillHit]) -> list[SkillHit]:
        """The competences a named language, licence or car states (`skill_competences`), placed by the score of the hit
        that states them: a language's just above (or below) it, a licence's competence at the licence's score, *drive
        vehicles* from "own car" at 0.85."""
        cfg = self.config
        langs = [i for i in lex if i in self._langs.forms] if self._langs is not None else []
        licensed = self._licensed.keys() & lex.keys() if self._licensed else ()
        low, places = "", None
        if self._drive is not None or self._roles:  # every rule key's place in one pass (`key_places`)
            low = lower_text(text)
            places = key_places(low, self._pass24)
        cars = car_spans(text, low, places) if places is not None and self._drive is not None else []
        roles = (role_spans(text, cfg.role_competence_plural, low, cfg.team_competence, cfg.elderly_competence,
                            cfg.people_competence, cfg.data_competence, cfg.trait_competence, cfg.leader_competence,
                            cfg.longterm_competence, cfg.nurses_sought, cfg.analysis_competence, cfg.programming_competence,
                            cfg.initiative_competence, cfg.collab_competence, cfg.report_competence,
                            cfg.analytics_competence, cfg.independence_competence,
                            cfg.soft_trait_score is not None, cfg.comm_competence, cfg.clerical_competence,
                            cfg.supervise_agents, self._pass24, places, abbrev=cfg.nurse_abbrev) if self._roles and places is not None else {})
        if self._roles and places is not None and any(self._duties):
            for comp, spans in duty_spans(text, low, *self._duties, places=places).items():
                roles.setdefault(comp, []).extend(spans)
        if not (langs or licensed or cars or roles):  # the common case: one pass over the hits, no dictionaries
            return hits
        by_id = {h.id: h for h in hits}
        add: dict[int, tuple[float, list[list[int]]]] = {}

        def put(i: int, sc: float, spans: list[list[int]]) -> None:
            if i not in add or add[i][0] < sc:
                add[i] = (min(round(sc, 4), 1.0), [list(x) for x in spans])

        step = 0.001 if cfg.lang_competence_above else -0.001
        for i in langs:
            assert self._langs is not None
            for c in self._langs.competences(text, i, lex[i][2]):
                put(c, _score(by_id, self._ids[i]) + step, lex[i][2])
        for i in licensed:
            put(self._licensed[i], _score(by_id, self._ids[i]), lex[i][2])
        if cars and self._drive is not None:
            put(self._drive, 0.85, cars)
        for comp, spans in roles.items():
            if comp.endswith(SOFT):  # ranked among the semantic links (`soft_trait_score`)
                name = comp.rstrip(SOFT)
                if name in self._roles and cfg.soft_trait_score is not None:
                    put(self._roles[name], cfg.soft_trait_score, spans)
                continue
            name = comp.rstrip(WEAK)  # a weaker phrase ranks a step below (`skill_competences.WEAK`)
            if name in self._roles and cfg.role_competence_score is not None:
                put(self._roles[name], cfg.role_competence_score - 0.001 * (len(comp) - len(name)), spans)
        if not add:
            return hits
        changed: list[SkillHit] = []
        for i, (sc, spans) in add.items():
            h = by_id.get(self._ids[i])
            if h is None:
                changed.append(self._hit(i, sc, spans, "lexical"))
            elif h.score < sc:
                h.score, h.spans, h.method = sc, _merge(h.spans + spans), "lexical"
                changed.append(h)
        if not changed:
            return hits
        # `hits` is in `_order` already (`combine`): put back only the changed ones, rather than sort the whole list again
        # (eighteenth pass: most postings now state a competence, and the full sort was a tenth of the lexical stage)
        moved = {id(h) for h in changed}
        hits = [h for h in hits if id(h) not in moved]
        for h in changed:
            bisect.insort(hits, h, key=_order)
        return hits[: cfg.max_skills]

    def _demote_alt_hits(self, lex: dict[int, list], sem: dict[int, list], segs: list[tuple[str, int, int]],
                         vecs: np.ndarray, ctx: np.ndarray | None = None, w: float | None = None,
                         prior: np.ndarray | None = None) -> None:
        """Move lexical hits made only through ESCO alternative labels into the semantic ranking: their score is
        the best cosine between the skill and a segment overlapping the match, plus `alt_lexical_bonus`, minus the
        ranking prior. Alternative labels are often the object without the verb ("test results") or a generic
        phrase that names a narrow skill, so the match alone is weak evidence."""
        if self._vectors is None:
            return
        bonus = float(self.config.alt_lexical_bonus or 0.0)
        threshold = min(self.config.rank_threshold, self.config.sem_threshold)
        for i in [i for i, rec in lex.items() if rec[0] == _ALT_W and i in self._row_of]:
            _, _, spans = lex.pop(i)
            r = self._row_of[i]
            near = [k for k, (_, a, b) in enumerate(segs) if any(s < b and a < e for s, e in spans)] or list(range(len(segs)))
            sim = self._mix(float(max(vecs[k] @ self._vectors[r] for k in near)), r, ctx, w) + bonus
            prior = self._prior if prior is None else prior
            if prior is not None:
                sim -= float(prior[r])
            if sim < threshold:
                continue
            rec = sem.get(i)
            if rec is None:
                sem[i] = [sim, [list(x) for x in spans], 1]
            elif rec[0] < sim:
                rec[0] = sim
                rec[1].extend(list(x) for x in spans)

    def _demote_agent_fields(self, text: str, sem: dict[int, list]) -> None:
        """Lower the similarity of semantic links to a field the text names only as its practitioner (`agent_field_penalty`):
        "The Data Engineer participates in ..." states the worker's title, not *data engineering*."""
        low = None
        for i in self._agent_fields.keys() & sem.keys():
            low = text.lower() if low is None else low
            agent, field = self._agent_fields[i]
            if agent.search(low) and not field.search(low):
                sem[i][0] -= self.config.agent_field_penalty

    def _demote_other_senses(self, text: str, sem: dict[int, list]) -> None:
        """Lower the similarity of semantic links to a concept of another sense of a word the text uses (`sense_penalty`,
        `skill_competences.OTHER_SENSES`): "build data pipelines" is not *inspect pipelines*."""
        found: dict[int, bool] = {}
        for i in self._senses.keys() & sem.keys():
            for k in self._senses[i]:
                if k not in found:
                    _, word, own, other = OTHER_SENSES[k]
                    found[k] = bool(word.search(text)) and not own.search(text) and (other is None or bool(other.search(text)))
                if found[k]:
                    sem[i][0] -= self.config.sense_penalty
                    break

    def _demote_unworded(self, text: str, sem: dict[int, list]) -> None:
        """Lower the similarity of semantic links that share no content word with the text (`sem_unworded_penalty`)."""
        words = stems(text)
        for i, rec in sem.items():
            own = self._label_stems.get(i)
            if own is not None and not (own & words):
                rec[0] -= self.config.sem_unworded_penalty

    def combine(self, lex: dict[int, list], sem: dict[int, list]) -> list[SkillHit]:
        """Lexical hits first (a skill named outright is meant), then semantic links."""
        cfg = self.config
        if self._merge:
            lex, sem = _merged(lex, self._merge, lexical=True), _merged(sem, self._merge, lexical=False)
        hits: list[SkillHit] = []
        for i, (w, multi, spans) in lex.items():
            score = 0.75 + w + (0.05 if multi else 0.0) + 0.05 * min(len(spans) - 1, 3) / 3
            if i in sem:
                score += cfg.sem_lexical_boost
            hits.append(self._hit(i, min(score, 1.0), spans, "lexical"))
        best = sorted((i for i in sem if i not in lex), key=lambda i: -sem[i][0])[: cfg.sem_max_skills]
        for i in best:
            sim, spans, _ = sem[i]
            x = cfg.sem_weight * sim
            if cfg.sem_soft_cap and x > 0.70:  # monotone, below 0.74: order kept among strong links
                x = 0.70 + 0.04 * (1.0 - float(np.exp(-(x - 0.70) / 0.04)))
            hits.append(self._hit(i, round(min(x, 0.74), 4), _merge(spans), "semantic"))
        hits.sort(key=_order)
        return hits[: cfg.max_skills]

    def _hit(self, i: int, score: float, spans: list[list[int]], method: str) -> SkillHit:
        s = self.skills[self._ids[i]]
        return SkillHit(id=s["skill_id"], name=s["name"], type=s["type"], esco_uri=s["esco_uri"],
                        score=round(score, 4), spans=sorted(spans), method=method)


def _merged(found: dict[int, list], merge: dict[int, int], *, lexical: bool) -> dict[int, list]:
    """`found` (lexical: index -> [weight, multiword, spans]; semantic: index -> [similarity, spans, support]) with each
    merged skill's record moved to the skill it is reported as: the better first value wins, the spans are joined."""
    if not merge.keys() & found.keys():
        return found
    out = {i: rec for i, rec in found.items() if i not in merge}
    for i in [i for i in found if i in merge]:
        rec, j = found[i], merge[i]
        have = out.get(j)
        if have is None:
            out[j] = [rec[0], rec[1], [list(x) for x in rec[2]]] if lexical else [rec[0], [list(x) for x in rec[1]], rec[2]]
            continue
        spans = 2 if lexical else 1
        have[spans] = have[spans] + [list(x) for x in rec[spans] if list(x) not in have[spans]]
        if rec[0] > have[0]:
            have[0] = rec[0]
        if lexical:
            have[1] = have[1] or rec[1]
        else:
            have[2] = max(have[2], rec[2])
    return out


def _object_only_head(alias: dict, skill: dict) -> str | None:
    """The stem (first five letters) of the label's first word when `alias` is an ESCO alternative label that repeats the
    preferred label without that word ("contaminated materials" of *remove contaminated materials*), else None. Only a
    lower-case first word (a verb or a modifier): "ICT system integration", "Apache Maven" name the thing itself."""
    if alias.get("kind") != "alt" or not skill.get("esco_uri"):
        return None
    words = str(skill.get("name") or "").split()
    if len(words) < 2 or not words[0][:1].islower() or not words[0].isalpha():
        return None
    rest = normalise(" ".join(words[1:]))[0].strip()
    return words[0].lower()[:5] if rest and rest == alias["norm"] else None


_DATA_WORD = re.compile(r"(?i)\bdata\b")


def _head_near(text: str, s: int, e: int, head: str) -> bool:
    """Does the sentence around text[s:e] have, outside the match, a word starting with `head`?"""
    a, b = sentence_span(text, s, e)
    for m in _WORD.finditer(text, a, b):
        if (m.end() <= s or m.start() >= e) and m.group().lower().startswith(head):
            return True
    return False


def _order(h: SkillHit) -> tuple[float, int, str]:
    """The ranking order of hits: best score first, then the first span's position, then the id."""
    return (-h.score, h.spans[0][0] if h.spans else 0, h.id)


def _score(by_id: dict[str, SkillHit], skill_id: str, default: float = 0.75) -> float:
    """The score of a skill's hit (`default` when it has none)."""
    h = by_id.get(skill_id)
    return h.score if h is not None else default


def _merge(spans: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


_SENT = re.compile(r"(?<=\.)\s")
VECTOR_KIND = "label+definition"


def embedding_texts(row: dict) -> tuple[str, str]:
    """A skill is embedded twice, as its label and as label + the start of its definition; the stored
    vector is their normalised mean (on the dev set this beats either alone, mostly on non-technical text)."""
    name = str(row["name"])
    definition = row.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        return name, name
    return name, (name + ". " + " ".join(_SENT.split(definition, maxsplit=2)[:2]))[:300]


def taxonomy_vectors(con: duckdb.DuckDBPyConnection, embedder: Embedder, *, write: bool = True) -> tuple[list[str], np.ndarray]:
    """Vectors of the ESCO-backed skills (the semantic stage's label space; certifications and tools
    must be named to count), from the `skill_embeddings` cache.

    Missing vectors are computed (MiniLM: a few minutes for the ~14k skills on two cores) and, when
    the connection is writable and `write` is set, stored for next time.
    """
    rows = con.execute(
        "SELECT skill_id, name, definition FROM skills WHERE esco_uri IS NOT NULL ORDER BY skill_id"
    ).df().to_dict("records")
    model = f"{embedder.name}:{VECTOR_KIND}"
    cached: dict[str, np.ndarray] = {}
    if has_table(con, "skill_embeddings"):
        for sid, vec in con.execute("SELECT skill_id, vec FROM skill_embeddings WHERE model = ?", [model]).fetchall():
            cached[sid] = np.asarray(vec, dtype=np.float32)
    todo = [r for r in rows if r["skill_id"] not in cached]
    if todo:
        pairs = [embedding_texts(r) for r in todo]
        lab = embedder.encode([p[0] for p in pairs])
        dfn = embedder.encode([p[1] for p in pairs])
        vecs = lab + dfn
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        for r, v in zip(todo, vecs):
            cached[r["skill_id"]] = v
        if write:
            try:
                con.execute(f"CREATE TABLE IF NOT EXISTS skill_embeddings (skill_id VARCHAR, model VARCHAR, vec FLOAT[{DIM}])")
                _bulk_insert(con, todo, vecs, model)
            except duckdb.Error:  # read-only store: keep them in memory for this run
                pass
    ids = [r["skill_id"] for r in rows]
    mat = np.stack([cached[i] for i in ids]) if ids else np.zeros((0, DIM), dtype=np.float32)
    return ids, mat.astype(np.float32)


def _bulk_insert(con: duckdb.DuckDBPyConnection, todo: list[dict], vecs: np.ndarray, model: str) -> None:
    import pandas as pd

    df = pd.DataFrame({"skill_id": [r["skill_id"] for r in todo], "model": model, "vec": list(vecs.astype(np.float32))})
    con.register("_emb", df)
    con.execute(f"INSERT INTO skill_embeddings SELECT skill_id, model, vec::FLOAT[{DIM}] FROM _emb")
    con.unregister("_emb")


def hits_to_json(text: str, hits: Iterable[SkillHit]) -> dict:
    """The `careerpath skills` object of the contract."""
    return {"text": text, "skills": [h.to_dict() for h in hits]}
